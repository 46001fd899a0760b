// setInterval repeats until cleared, from its own callback or another timer;
// clearTimeout also cancels an interval (ids are shared, as in Node)
var n = 0;
var a = setInterval(function (tag) {
  n++;
  console.log(tag, n);
  if (n === 3) clearInterval(a);
}, 10, "a");
var b = setInterval(function () { console.log("b never"); }, 1000);
setTimeout(function () { clearTimeout(b); console.log("cleared b"); }, 100);
