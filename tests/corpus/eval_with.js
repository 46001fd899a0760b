// Dynamic scopes: direct eval reading and creating locals, indirect eval, with statements, new Function.
function directEval(x) {
  var local = 'L';
  eval('var created = local + x;');
  return created + ' ' + eval('x * 2');
}
console.log(directEval(21));

function evalSeesClosure() {
  var hidden = 'visible to eval';
  return function () { return eval('hidden'); };
}
console.log(evalSeesClosure()());

var globalForEval = 'global value';
function indirectEval() {
  var globalForEval = 'local value';
  var geval = eval;
  return geval('globalForEval') + ' / ' + eval('globalForEval');
}
console.log(indirectEval());

function withStatement(o) {
  var fallback = 'outer';
  with (o) {
    return a + ' ' + fallback + ' ' + (typeof b);
  }
}
console.log(withStatement({ a: 'from object', fallback: 'shadowed by object' }));
console.log(withStatement({ a: 1 }));

function withAssign() {
  var o = { p: 1 };
  var q = 'var q';
  with (o) {
    p = 2;
    q = 'assigned through with';
  }
  return o.p + ' ' + q + ' ' + ('q' in o);
}
console.log(withAssign());

function withClosure() {
  var scope = { v: 'first' };
  var get;
  with (scope) { get = function () { return v; }; }
  scope.v = 'second';
  return get();
}
console.log(withClosure());

var adder = new Function('a', 'b', 'return a + b;');
console.log(adder(2, 3) + ' ' + adder.length);

function evalDefinesFunction() {
  eval('function fromEval(n) { return n + 1; }');
  return fromEval(41);
}
console.log(evalDefinesFunction());

var evalResult = eval('1; 2; 3');
console.log(evalResult);
console.log(eval('(function(){ return "expr"; })')());
