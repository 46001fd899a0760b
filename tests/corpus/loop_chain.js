// Event loop: a chain of setTimeout calls carrying state through closures and extra arguments, across many turns.
// Only one timer of the chain is pending at a time, so the output does not depend on timing.
var watchdog = setTimeout(function () { console.log('must not run: the chain clears it'); }, 5000);
function step(n, acc) {
  acc.push(n);
  console.log('step ' + n + ' sum ' + acc.reduce(function (a, b) { return a + b; }, 0));
  if (n < 6) {
    setTimeout(step, 5, n + 1, acc);
  } else {
    finish(acc);
  }
}
function finish(acc) {
  var squares = acc.map(function (x) { return x * x; });
  clearTimeout(watchdog);
  console.log('cleared the watchdog');
  setTimeout(function () {
    console.log('finished with ' + squares.join(','));
  }, 1);
}
setTimeout(step, 1, 1, []);
