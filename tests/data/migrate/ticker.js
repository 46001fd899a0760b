// Migration test program: closures (a moving-average window, a named
// function expression re-armed by itself), a chain of timeouts that drives
// all output, immediates with arguments, a deterministic PRNG. The output depends only on
// the order of callbacks, never on timing, so a run migrated any number of
// times must print exactly what an uninterrupted run prints.
var seed = 12345;
function rand() {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
function makeAverager(n) {
  var win = [];
  return function (x) {
    win.push(x);
    if (win.length > n) win.shift();
    var s = 0;
    for (var i = 0; i < win.length; i++) s += win[i];
    return s / win.length;
  };
}
var avg = makeAverager(4);
var count = 0;
var alerts = [];
function alert(c, val) {
  alerts.push(c);
  console.log('  alert #' + alerts.length + ' at tick ' + c + ': ' + val);
}
// A chain of timeouts, and immediates for the alerts: an immediate queued by
// a timer callback runs before any later timer however late the loop is, so
// the order never depends on timing (an interval next to short timeouts
// would: its next run is due relative to when the last one ran).
setTimeout(function tick() {
  count++;
  var v = Math.round(rand() * 1000) / 10;
  var a = avg(v);
  console.log('tick ' + count + ' value ' + v + ' avg ' + a.toFixed(2));
  if (v > 70) setImmediate(alert, count, v);
  if (count < 40) setTimeout(tick, 3);
  else setTimeout(done, 2);
}, 3);
function done() {
  console.log('done: ' + count + ' ticks, alerts at ' + alerts.join(','));
}
