// Migration test program: closures (a moving-average window, alert handlers
// with bound arguments), one interval that drives all output, timeouts
// scheduled from callbacks, a deterministic PRNG. The output depends only on
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
var timer = setInterval(function () {
  count++;
  var v = Math.round(rand() * 1000) / 10;
  var a = avg(v);
  console.log('tick ' + count + ' value ' + v + ' avg ' + a.toFixed(2));
  if (v > 70) {
    setTimeout(function (c, val) {
      alerts.push(c);
      console.log('  alert #' + alerts.length + ' at tick ' + c + ': ' + val);
    }, 1, count, v);
  }
  if (count === 40) {
    clearInterval(timer);
    setTimeout(done, 2);
  }
}, 3);
function done() {
  console.log('done: ' + count + ' ticks, alerts at ' + alerts.join(','));
}
