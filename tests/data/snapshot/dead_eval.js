// dead_eval.js: a direct eval that can never run (after the return, as bluebird's toFastProperties ends
// `return obj; eval(obj);`) does not make the scopes around it dynamic: their closures migrate. Before,
// every snapshot of a program holding such a closure (all of bluebird) was refused.
var lib = (function () {
  var calls = 0;
  function fast(obj) {
    function Fake() {}
    Fake.prototype = obj;
    var receiver = new Fake();
    function ic() { return typeof receiver.foo; }
    ic(); ic();
    return obj;
    eval(obj);
  }
  function counter(start) {
    var n = start;
    return function () { calls++; return ++n; };
    eval("n = 100");
  }
  return { fast: fast, counter: counter, calls: function () { return calls; } };
})();
var c = lib.counter(10);
var turn = 0;
setTimeout(function tick() {
  turn++;
  console.log(turn + " " + c() + " " + lib.fast({ foo: turn }).foo + " calls " + lib.calls());
  if (turn < 4) setTimeout(tick, 1);
}, 1);
