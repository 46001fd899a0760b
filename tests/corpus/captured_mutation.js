// Captured bindings assigned after initialisation in every form: ++, +=, for-in target, catch, params, function decls.
function forms() {
  var a = 0, b = 1, c = 'c', d = {}, e, k;
  var read = function () { return [a, b, c, typeof e, k].join(' '); };
  a++;
  ++a;
  b += 10;
  b *= 2;
  c = c + c;
  for (k in { first: 1, last: 2 }) {}
  try { throw 'caught'; } catch (err) { e = err; }
  d.x = 1; // property write: the binding d is not reassigned
  return read();
}
console.log(forms());

// parameters reassigned in the outer function after a closure captured them
function params(x, y) {
  var show = function () { return x + '/' + y; };
  var before = show();
  x = x * 100;
  y = 'changed';
  return before + ' -> ' + show();
}
console.log(params(1, 'y'));

// parameters reassigned from inside the closure
function paramFromInner(n) {
  function bump() { n += 1; }
  bump(); bump();
  return n;
}
console.log(paramFromInner(40));

// a function declaration that is later reassigned (so it is not constant)
function reassignDecl() {
  function helper() { return 'original'; }
  var call = function () { return helper(); };
  var r1 = call();
  helper = function () { return 'replaced'; };
  return r1 + ' ' + call();
}
console.log(reassignDecl());

// a function declaration never reassigned, captured and called from closures
function constantDecl() {
  function sq(v) { return v * v; }
  return [1, 2, 3].map(function (v) { return sq(v); }).join(',');
}
console.log(constantDecl());

// a captured variable called as a function keeps this undefined (sloppy: the global object)
var globalThisRef = this;
function callCaptured() {
  var fn = function () { return this === globalThisRef; };
  var run = function () { return fn(); };
  fn = fn; // assigned after init
  return run();
}
console.log(callCaptured());

// delete of a captured declared variable fails and leaves it in place
function deleteCaptured() {
  var v = 'still here';
  var get = function () { return v; };
  var deleted = delete v;
  return deleted + ' ' + get();
}
console.log(deleteCaptured());

// typeof of a captured variable holding undefined
function typeofCaptured() {
  var maybe;
  var check = function () { return typeof maybe; };
  var first = check();
  maybe = 0;
  return first + ' ' + check();
}
console.log(typeofCaptured());

// captured variable named like an Object.prototype member
function protoNames() {
  var constructor = 'c', toString = 't', hasOwnProperty = 'h', __proto__ = 'p', valueOf = 'v';
  var f = function () { return constructor + toString + hasOwnProperty + __proto__ + valueOf; };
  __proto__ = 'P';
  return f();
}
console.log(protoNames());

// compound assignments and updates inside the closure, read in the outer function
function innerMutates() {
  var total = 0, count = 0, label = '';
  var add = function (v) { total += v; count++; label += v; };
  [3, 4, 5].forEach(add);
  return total + ' ' + count + ' ' + label;
}
console.log(innerMutates());

// a var declared twice, captured, and a var re-declared with a function of the same name
function redeclared() {
  var z = 1;
  var get = function () { return typeof z === 'function' ? 'fn' : z; };
  var z = 2;
  var r1 = get();
  function z() {}
  return r1 + ' ' + get();
}
console.log(redeclared());

// closures that capture variables of two different levels and assign both
function twoLevels() {
  var outerV = 'o';
  return function () {
    var midV = 'm';
    return function (s) {
      outerV += s;
      midV += s;
      return outerV + midV;
    };
  };
}
var tl = twoLevels();
var leafA = tl(), leafB = tl();
console.log(leafA('1') + ' ' + leafA('2') + ' ' + leafB('3'));

// a sloppy function using arguments whose captured parameter is aliased
function argsAlias(p) {
  var get = function () { return p; };
  arguments[0] = 'set via arguments';
  return get();
}
console.log(argsAlias('initial'));

// a captured variable used as a for-loop counter
function loopCounter() {
  var i;
  var peek = function () { return i; };
  var seen = [];
  for (i = 0; i < 3; i++) seen.push(peek());
  return seen.join('') + peek();
}
console.log(loopCounter());
