// Node's phases. A loop iteration runs the due timers, then the immediates
// queued before the check phase began: an immediate queued by an immediate
// waits for the next iteration, after the timers due by then; inside a
// timer callback, setImmediate runs before a new setTimeout(0).
// Busy waits make "due" certain (no dependence on machine speed).
function spin(ms) { var s = Date.now(); while (Date.now() - s < ms) {} }
setTimeout(function () {
  console.log("T: due before the loop started");
  setTimeout(function () { console.log("timeout from T"); }, 0);
  setImmediate(function () { console.log("immediate from T"); });
}, 1);
setImmediate(function () {
  console.log("I1");
  setTimeout(function () { console.log("T2 (due when the next iteration starts)"); }, 1);
  setImmediate(function () { console.log("I3 (queued by I1)"); });
  spin(5);
});
setImmediate(function (v) { console.log("I2 with arg", v); }, 42);
var x = setImmediate(function () { console.log("never"); });
clearImmediate(x);
spin(5);
