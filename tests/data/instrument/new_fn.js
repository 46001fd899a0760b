// new function(){}, new with captured constructors, instanceof, prototypes via captured vars
function factory() {
  var Point = function (x, y) { this.x = x; this.y = y; };
  Point.prototype.sum = function () { return this.x + this.y; };
  var single = new function () { this.tag = "single"; };
  var single2 = new function () { this.tag = "s2"; }();
  function make(a, b) { return new Point(a, b); }
  Point = (function (P) { return P; })(Point);
  return { make: make, single: single, single2: single2, Point: function () { return Point; } };
}
var f = factory();
var p = f.make(2, 3);
console.log(p.sum() + " " + (p instanceof f.Point()) + " " + f.single.tag + " " + f.single2.tag);
