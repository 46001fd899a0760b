function counter(start) {
  var n = start;
  function inc() { return ++n; }
  return { inc: inc, get value() { return n; }, set value(v) { n = v; } };
}
var c = counter(3);
c.inc();
c.value = 10;
console.log(c.value, (function f(k) { return k ? k * f(k - 1) : 1; })(5));
