// tests/data/wire/counter.js -- a small closure + interval program for tests/ferry_tool.sh
var count = 0;
var readings = [];
function make(k) { var total = 0; return function (v) { total += v * k; return total; }; }
var acc = make(2);
var iv = setInterval(function () {
  count++;
  readings.push({ t: count, v: acc(count) });
  console.log("tick", count, readings[readings.length - 1].v);
  if (count === 6) clearInterval(iv);
}, 10);
