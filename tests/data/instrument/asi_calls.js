// captured function variables called at the start of a line without semicolons (ASI guard), this in calls
function outer() {
  var f = function () { return this === undefined ? "undef" : typeof this; }
  var g = 1
  f = function () { "use strict"; return this === undefined ? "undef" : typeof this; }
  var h = function () { return f() }
  g = 2
  f()
  var r = h()
  ;[1].forEach(function () { g++ })
  return r + " " + g
}
console.log(outer())
function mk() {
  var cb
  cb = function (x) { return x * 2 }
  return function (y) {
    var z = y
    cb(z)
    return cb(z) + (cb)(1) + cb.call(null, 3)
  }
}
console.log(String(mk()(5)))
