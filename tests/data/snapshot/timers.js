// Timer and immediate ordering across a resume: nested timers, intervals with
// arguments, immediates scheduled from timers and from immediates, clears.
// Due times are 50 ms apart or more so a loaded machine keeps the order.
var log = [];
function note(tag) { log.push(tag); console.log(tag + ' (' + log.length + ')'); }
var iv = setInterval(function (a, b) {
  note('iv ' + a + b);
  if (log.length > 10) clearInterval(iv);
}, 150, 'x', 'y');
setTimeout(function () {
  note('t200');
  setImmediate(function () { note('imm from t200'); setImmediate(note, 'imm from imm'); });
  setTimeout(note, 50, 't200+50');
}, 200);
var cancel = setTimeout(note, 400, 'never');
setTimeout(function () { clearTimeout(cancel); note('t350 cleared t400'); }, 350);
setImmediate(note, 'imm 1');
setImmediate(function () { note('imm 2'); setTimeout(note, 1, 'from imm 2'); });
setTimeout(note, 520, 't520');
setTimeout(function () { console.log('final ' + log.join('|')); }, 800);
