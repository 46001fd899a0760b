// Event loop: closures over parameters of sloppy functions that also use `arguments` (aliased parameters), across turns.
function logger(prefix) {
  var extra = Array.prototype.slice.call(arguments, 1).join('+');
  var count = 0;
  return function (msg) { count++; return prefix + count + ':' + msg + (extra ? ' [' + extra + ']' : ''); };
}
function retag(label) {
  arguments[0] = label + '!';
  return function () { return label; };
}
var logA = logger('A', 'x', 'y');
var logB = logger('B');
var tag = retag('t');
var n = 0;
var iv = setInterval(function () {
  n++;
  console.log(logA('tick' + n) + ' | ' + logB('tock' + n) + ' | ' + tag());
  if (n === 4) clearInterval(iv);
}, 3);
