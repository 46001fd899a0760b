// Closures created in loops: shared var bindings, IIFE copies, forEach callbacks, and for-in targets.
var fs = [];
for (var i = 0; i < 4; i++) {
  fs.push(function () { return i * 10; });
}
console.log(fs.map(function (f) { return f(); }).join(','));

var gs = [];
for (var j = 0; j < 4; j++) {
  gs.push((function (k) { return function () { return k * 10; }; })(j));
}
console.log(gs.map(function (f) { return f(); }).join(','));

var hs = [];
[5, 6, 7].forEach(function (v, idx) {
  hs.push(function () { return idx + ':' + v; });
});
console.log(hs.map(function (f) { return f(); }).join(' '));

// for-in whose target variable is captured
function keysLater(obj) {
  var out = [];
  var key;
  for (key in obj) {
    out.push(function () { return key; });
  }
  return out.map(function (f) { return f(); }).join('|');
}
console.log(keysLater({ a: 1, b: 2, c: 3 }));

// closures in a while loop, each with its own counter through a factory
function counters(n) {
  var list = [];
  var x = 0;
  while (x < n) {
    list.push((function () {
      var hits = 0;
      var me = x;
      return function () { hits++; return me + '/' + hits; };
    })());
    x++;
  }
  return list;
}
var cs = counters(3);
console.log(cs[0](), cs[1](), cs[0](), cs[2](), cs[0]());

// do-while with closures mutating a shared accumulator
function accum() {
  var acc = '';
  var k = 0;
  var adders = [];
  do {
    adders.push(function (s) { acc += s; return acc; });
    k++;
  } while (k < 3);
  adders[2]('x'); adders[0]('y'); adders[1]('z');
  return acc + ' ' + adders.length;
}
console.log(accum());

// nested loops producing a grid of closures
var grid = [];
for (var r = 0; r < 3; r++) {
  for (var c = 0; c < 3; c++) {
    grid.push((function (rr, cc) { return function () { return rr * 3 + cc; }; })(r, c));
  }
}
console.log(grid.map(function (f) { return f(); }).join(''));
