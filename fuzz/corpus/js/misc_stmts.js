var i, o = { p: 1 }, s = "";
for (var k in o) s += k;
for (i in [1, 2]) s += i;
for (o.q in { r: 1 }) ;
for (;;) break;
switch (s) { case "p01": s = 1; break; default: s = 2; case 3: }
debugger;
const C = 5;
if (s) ; else if (C) {} else s = void 0;
console.log(typeof s, delete o.p, "q" in o, o instanceof Object, new Date(0) - 0, new Object);
