// a direct eval that can never run (after a return, throw, break or continue of its statement list, as in
// bluebird's toFastProperties) leaves its function instrumented; hoisted function declarations after the
// return still run, and their evals still see and write the variables around them
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
  function inc() { return ++n; }
  return inc;
  eval("n = 100");
}
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
var c = counter(5);
console.log(fast({ foo: 1 }).foo, c(), c(), thrower("boom"), loops(8));
console.log(hoisted(21), afterIf(1), afterIf(2));
