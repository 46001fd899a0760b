// Event loop ordering: timers by due time then creation order, immediates before timers, nested scheduling.
// Due times are far apart (>= 50 ms) so that slow machines (valgrind) keep the same order.
var log = [];
function note(s) { log.push(s); console.log(s); }
setTimeout(function () { note('timeout 150'); }, 150);
setTimeout(function () { note('timeout 50 first'); }, 50);
setTimeout(function () { note('timeout 50 second'); }, 50);
setTimeout(function () { note('timeout 100'); }, 100);
setImmediate(function () { note('immediate 1'); });
setImmediate(function (a, b) { note('immediate 2 args ' + a + b); }, 'x', 'y');
var imm = setImmediate(function () { note('cleared immediate'); });
clearImmediate(imm);
setTimeout(function () {
  note('timeout 200');
  setImmediate(function () { note('immediate from timeout 200'); });
  setTimeout(function () { note('timeout 200+100'); }, 100);
}, 200);
setTimeout(function () {
  note('summary: ' + log.length + ' events');
}, 500);
note('top level end');
