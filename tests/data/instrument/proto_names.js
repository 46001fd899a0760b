// awkward captured names: __proto__, constructor, toString, hasOwnProperty, arguments as var
function weird() {
  var __proto__ = 1, constructor = 2, toString = 3, hasOwnProperty = 4, valueOf = 5;
  function get() { return [__proto__, constructor, toString, hasOwnProperty, valueOf].join(","); }
  function set() { __proto__ = 10; constructor++; toString += 1; hasOwnProperty = "h"; valueOf = null; }
  set();
  return get();
}
console.log(weird());
function args1() {
  var arguments;
  return function () { return typeof arguments; };
}
console.log(args1()());
function shorthandUse() {
  var a = 1, b = 2;
  function bump() { a++; b = b * 10; }
  bump();
  var o = { a, b };
  return JSON.stringify(o);
}
console.log(shorthandUse());
