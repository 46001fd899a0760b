// same_delay.js: timers of one delay fire in creation order across a snapshot taken late in a timers
// phase (difffuzz seed 3). c, a and b are overdue when the loop starts, so they share one phase; c
// spins 30 ms, so a runs 30 ms after the phase began. A snapshot after a used to measure a's new
// timer from the phase start (70 ms instead of 40), and b's timer, set after the resume, fired first.
var log = [];
function spin(ms) { var end = Date.now() + ms; while (Date.now() < end) {} }
setTimeout(function c() { spin(30); log.push("c"); }, 1);
setTimeout(function a() { log.push("a"); setTimeout(function () { console.log("set by a: " + log.join(" ")); log.push("A"); }, 40); }, 1);
setTimeout(function b() { log.push("b"); setTimeout(function () { console.log("set by b: " + log.join(" ")); }, 40); }, 1);
spin(5);
