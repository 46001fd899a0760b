// Closures three levels deep: each level captures and mutates variables of every enclosing level.
function outer(a) {
  var total = 0;
  function middle(b) {
    var count = 0;
    return function inner(c) {
      count++;
      total += a + b + c;
      a = a + 1;
      return 'a=' + a + ' b=' + b + ' c=' + c + ' count=' + count + ' total=' + total;
    };
  }
  return { m1: middle(10), m2: middle(20), total: function () { return total; } };
}
var o = outer(1);
console.log(o.m1(100));
console.log(o.m1(200));
console.log(o.m2(300));
console.log(o.m1(400));
console.log('total ' + o.total());

var o2 = outer(1000);
console.log(o2.m1(1));
console.log('separate totals ' + o.total() + ' ' + o2.total());

// three levels of function expressions, the innermost reading all of them
var make = function (x) {
  return function (y) {
    return function (z) {
      return function () { return [x, y, z].join('-'); };
    };
  };
};
var f = make('p')('q');
console.log(f('r')() + ' ' + f('s')());

// a captured variable shadowed at an intermediate level
function shadow() {
  var v = 'outer';
  function lvl2() {
    var v = 'middle';
    return function () { return v; };
  }
  function lvl2b() {
    return function () { return v; };
  }
  v = 'outer2';
  return lvl2()() + ',' + lvl2b()();
}
console.log(shadow());

// a counter factory whose closures outlive several calls
function counterFactory() {
  var made = 0;
  return function () {
    var n = 0;
    made++;
    var id = made;
    return { inc: function () { n++; return id + ':' + n; } };
  };
}
var cf = counterFactory();
var c1 = cf(), c2 = cf();
console.log(c1.inc(), c1.inc(), c2.inc(), c1.inc());
