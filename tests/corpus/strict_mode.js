// Strict mode: undeclared assignment, this, read-only and non-configurable properties, arguments, eval scope.
'use strict';
function tryIt(label, fn) {
  try { console.log(label + ': ' + fn()); } catch (e) { console.log(label + ': ' + e.name); }
}
tryIt('undeclared assignment', function () { undeclaredVariable = 1; return 'assigned'; });
tryIt('this in plain call', function () { return String(this); });
tryIt('write read-only', function () {
  var o = {};
  Object.defineProperty(o, 'ro', { value: 1, writable: false });
  o.ro = 2;
  return 'wrote';
});
tryIt('delete non-configurable', function () { delete Object.prototype; return 'deleted'; });
tryIt('add to non-extensible', function () { var o = Object.preventExtensions({}); o.x = 1; return 'added'; });
tryIt('write frozen', function () { var o = Object.freeze({ a: 1 }); o.a = 2; return 'wrote'; });
tryIt('arguments unaliased', function () {
  return (function (a) { a = 2; return arguments[0]; })(1);
});
tryIt('eval has own scope', function () {
  var r = eval('var fromEval = 5; fromEval * 2');
  return r + ' ' + typeof fromEval;
});
tryIt('callee access', function () { return typeof arguments.callee; });
tryIt('primitive this', function () { return (function () { return typeof this; }).call('s'); });
tryIt('function declarations still hoist', function () { return hoisted(); function hoisted() { return 'hoisted'; } });
tryIt('setting property on primitive', function () { var s = 'str'; s.prop = 1; return 'set'; });
tryIt('valid code runs', function () { var total = 0; for (var i = 0; i < 5; i++) total += i; return total; });
