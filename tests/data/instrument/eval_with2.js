// direct eval, indirect eval, with: programs still run; sibling functions of eval users keep working
function A() {
  var x = 1;
  function B(s) { return eval(s); }
  function C() { x++; return x; }
  return [B("x + 1"), C(), B("x")].join(",");
}
console.log(A());
var ind = eval;
console.log(ind("typeof x"));
var o = { p: 3 };
with (o) { var wf = function () { return p; }; }
console.log(wf());
function W(obj) { with (obj) { return function () { return q; }; } }
console.log(W({ q: "q" })());
