// Event loop: a direct eval that can never run (after a return, throw, break or continue of its statement list, as bluebird's toFastProperties ends `return obj; eval(obj);`) leaves its function instrumented and its scopes static, so closures over them migrate.
// Before, every snapshot of a program holding such a closure (all of bluebird) was refused. Hoisted function
// declarations after the return still run, and their evals still see and write the variables around them.
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
function thrower(m) {
  var seen = m;
  try { throw new Error(seen); eval("seen = 'changed'"); } catch (e) { return e.message + " " + seen; }
}
function loops(k) {
  var out = [];
  for (var i = 0; i < k; i++) {
    if (i % 2) { out.push("odd" + i); continue; eval("i = 99"); }
    out.push(i);
    if (i > 3) { break; eval("out = null"); }
  }
  return out.join(",");
}
function hoisted(v) {
  var local = v;
  return [peek("local"), poke("local = local * 2"), local, later].join(" ");
  function peek(s) { return eval(s); }
  function poke(s) { return eval(s); }
  var later = "hoisted var";
}
function afterIf(v) {
  var x = v;
  if (v > 1) return x;
  eval("x = x + 10");
  return x;
}
var c = lib.counter(5);
console.log([lib.fast({ foo: 1 }).foo, c(), c(), thrower("boom"), loops(8)].join(" "));
console.log([hoisted(21), afterIf(1), afterIf(2)].join(" "));

// closures over the scopes around the dead evals, kept across turns
var c10 = lib.counter(10);
var turn = 0;
setTimeout(function tick() {
  turn++;
  console.log(turn + " " + c10() + " " + lib.fast({ foo: turn }).foo + " calls " + lib.calls() + " " + c());
  if (turn < 4) setTimeout(tick, 1);
}, 1);
