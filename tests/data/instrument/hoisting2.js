// function declarations in blocks, redeclarations, params shadowed by functions, self-reference of declarations
function t(a) {
  var r = [typeof inner, typeof a];
  if (false) { function inner() { return "in"; } }
  function a() { return "fa"; }
  function dup() { return 1; }
  function dup() { return 2; }
  var keep = function () { return dup() + inner() + a(); };
  return r.join(",") + " " + keep();
}
console.log(t(5));
function rec(n) { return n <= 0 ? 0 : n + rec(n - 1); }
var rec2 = rec;
console.log(rec2(10));
function selfRef() { return typeof selfRef; }
var s2 = selfRef; selfRef = 1;
console.log(s2());
