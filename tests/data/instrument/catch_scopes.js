// catch parameters captured by closures, var inside catch writing the catch param, nested catches
function t1() {
  var fs = [];
  for (var i = 0; i < 3; i++) {
    try { throw i * 10; } catch (e) { fs.push(function () { return e; }); e++; }
  }
  return fs.map(function (f) { return f(); }).join(",");
}
console.log(t1());
function t2() {
  var e = "outer";
  try { throw "inner"; } catch (e) { var e = "assigned"; var g = function () { return e; }; }
  return e + " " + g();
}
console.log(t2());
function t3() {
  var r = [];
  try { throw 1; } catch (a) {
    try { throw 2; } catch (b) {
      r.push(function () { return a + b; });
      a = 5;
    }
  }
  return r[0]();
}
console.log(t3());
try { throw "top"; } catch (top) { var topf = function () { return top; }; }
console.log(topf());
