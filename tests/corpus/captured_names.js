// Captured variables with unusual names: unicode and escaped identifiers, $ and _, names of built-ins and keywords-as-properties.
function unusual() {
  var \u0061bc = 'escaped abc';
  var ñandú = 'unicode';
  var $ = 'dollar', _ = 'underscore', $$F = 'double dollar', _$_ = 'mixed';
  var undefined = 'shadowed undefined';
  var NaN = 'shadowed NaN';
  var Object = 'shadowed Object';
  var eval2 = 'not eval';
  var get = 'get', set = 'set', of = 'of', let_ = 'let_';
  var constructor = 'ctor', prototype = 'proto', length = 'len', name = 'nm';
  var read = function () {
    return [abc, ñandú, $, _, $$F, _$_, undefined, NaN, Object, eval2, get, set, of, let_, constructor, prototype, length, name].join('|');
  };
  abc = 'changed abc';
  return read();
}
console.log(unusual());

// a captured variable whose name starts like the generated prefix
function prefixLike() {
  var $F = 'plain', $Fe1 = 'env-like', $Ft = 'tagger-like', $Fp = 'parent-like';
  var f = function () { return [$F, $Fe1, $Ft, $Fp].join(','); };
  $Fe1 = 'changed';
  return f();
}
console.log(prefixLike());
var $Ft = 'global named like the tagger';
console.log($Ft);

// names that are Object.prototype members, captured and assigned
function protoMembers() {
  var hasOwnProperty = 1, isPrototypeOf = 2, propertyIsEnumerable = 3, toLocaleString = 4, __defineGetter__ = 5;
  var bump = function () { hasOwnProperty++; isPrototypeOf *= 10; __defineGetter__ += 1; };
  bump(); bump();
  return [hasOwnProperty, isPrototypeOf, propertyIsEnumerable, toLocaleString, __defineGetter__].join(' ');
}
console.log(protoMembers());

// long and numeric-looking names
function longNames() {
  var aVeryLongVariableNameThatKeepsGoingAndGoingForQuiteAWhile_1234567890 = 'long';
  var x0 = 0, x1 = 1, x10 = 10;
  return function () { return aVeryLongVariableNameThatKeepsGoingAndGoingForQuiteAWhile_1234567890 + (x0 + x1 + x10); };
}
console.log(longNames()());
