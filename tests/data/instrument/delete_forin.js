// delete of captured variables, for-in over captured loop variables, typeof of captured, compound ops
function t() {
  var k, seen = [], o = { a: 1, b: 2, c: 3 };
  var x = 5;
  function fx() { return typeof x + ":" + x; }
  var d = delete x;
  for (k in o) seen.push(function () { return k; });
  for (var j in o) { (function () { j = j + "!"; })(); seen.push(j); }
  x += 2; x *= 3; x -= 1; x <<= 1; x %= 7;
  return d + " " + fx() + " " + seen.map(function (s) { return typeof s === "function" ? s() : s; }).join(",");
}
console.log(t());
