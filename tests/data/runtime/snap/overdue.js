// timers overdue when the loop starts run by due time (not creation order),
// also after a resume; gaps of 100 ms keep that order even under valgrind
setTimeout(console.log, 300, "t1 (due 300)");
setTimeout(console.log, 100, "t2 (due 100)");
setTimeout(console.log, 200, "t3 (due 200)");
setImmediate(console.log, "imm");
var s = Date.now(); while (Date.now() - s < 400) {}
