var a = 4, g = 2, i = 1;
var r = a / g / i, s = /g/i, t = a /g/i;
var u = [/[/]/, /\//g, /(?:a|b)*c{1,2}/m];
if (/x/.test("x")) r /= 2;
var v = { re: /}/ }, w = (1) / 2;
