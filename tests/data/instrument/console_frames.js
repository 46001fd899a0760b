// console output that shows stack frames (console.trace, errors logged
// inside objects) must not change with instrumentation: closures, methods,
// constructors, callbacks of timers
function Counter(name) {
  var n = 0;
  this.name = name;
  this.bump = function () {
    n++;
    if (n === 2) console.trace("bump %s %d", name, n);
    return n;
  };
}
var c = new Counter("c");
c.bump();
c.bump();
function fail(msg) { return new RangeError(msg); }
var e = fail("deep");
e.code = 7;
console.log({ where: "top", err: e, list: [e] });
console.error([fail("in array")]);
setTimeout(function tick(a) {
  console.trace("tick", a);
  console.assert(a === 2, "a is", a);
  console.dir({ e: fail("dir") }, { depth: 0 });
}, 1, 1);
