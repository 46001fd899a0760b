var n = 0;
var t = setInterval(function tick() { if (++n == 3) clearInterval(t); }, 1);
setTimeout(function (a, b) { console.log(a + b, n); }, 5, 1, 2);
