// Function literals in every syntactic position, with captured variables, and ASI around them (instrumentation must keep the meaning).
var log = [];
function positions() {
  var k = 0;
  var a = function () { return ++k; }
  var b = (function () { return function () { return k += 10; }; }())
  var c = !function () { k += 100; }()
  var d = new function () { this.v = ++k; }
  var e = typeof function () { return k; }, f = void function () { k = -1; }
  var g = [function () { return k; }, { m: function () { return k * 2; } }][1].m
  var h = k > 0 ? function () { return 'pos ' + k; } : function () { return 'neg ' + k; }
  var i = (0, function () { return k; })
  var j = function () { return k; }.call(null)
  var o = { get kk() { return k; }, set kk(v) { k = v; }, f: function named() { return named.length + k; } }
  log.push([a(), b(), c, d.v, e, f, g(), h(), i(), j, o.kk].join(','));
  o.kk = 7
  log.push(a() + ' ' + o.f() + ' ' + k)
  return function
  () { return 'unreachable'; };
}
console.log(String(positions()));
console.log(log.join(' | '));

// ASI: a line starting with ( after a function expression statement
var asi = function () { return 'called'; }
;(function () { log.push('iife after semicolon'); })()
console.log(typeof asi + ' ' + log[log.length - 1]);

// closures as arguments, in return statements, in throw, in conditions
function combinator(x) {
  function twice(f) { return function (v) { return f(f(v)); }; }
  var add = function (v) { return v + x; };
  if (function () { return x > 0; }()) {
    try { throw function () { return 'thrown fn ' + x; }; } catch (t) { log.push(t()); }
  }
  return twice(twice(add))(0);
}
console.log(combinator(3) + ' ' + log[log.length - 1]);

// closures inside switch cases and labelled loops
function sw(n) {
  var fns = [];
  outer: for (var i = 0; i < n; i++) {
    switch (i % 3) {
      case 0: fns.push(function () { return 'zero' + i; }); break;
      case 1: var one = i; fns.push(function () { return 'one' + one; }); continue outer;
      default: fns.push(function () { return 'two'; }); break outer;
    }
  }
  return fns.map(function (f) { return f(); }).join(' ');
}
console.log(sw(5));

// shorthand methods and computed keys capturing variables (ES2015 pieces Duktape runs)
function shorthand(prefix) {
  var count = 0;
  var key = 'dyn';
  var obj = {
    bump() { count++; return prefix + count; },
    [key + 'Name']: function () { return key + count; },
    prefix
  };
  obj.bump(); obj.bump();
  return obj.bump() + ' ' + obj.dynName() + ' ' + obj.prefix;
}
console.log(shorthand('p'));

// nested functions with the same parameter names at every level
function same(x) {
  return function (x) {
    return function (x) { return x; }(x + 1) + x;
  }(x * 10) + x;
}
console.log(same(1));

// a comma expression and a conditional returning closures over one variable
function commaCond(flag) {
  var v = 'v0';
  var pick = (v = 'v1', flag) ? function () { return 'A' + v; } : function () { return 'B' + v; };
  v = 'v2';
  return pick();
}
console.log(commaCond(true) + ' ' + commaCond(false));

// a closure in a for-in head expression and in a while condition
function heads() {
  var seen = [];
  var n = 0;
  var src = function () { return { p: 1, q: 2 }; };
  for (var key in src()) seen.push(key);
  while (function () { return n++ < 3; }()) seen.push(n);
  return seen.join('');
}
console.log(heads());
