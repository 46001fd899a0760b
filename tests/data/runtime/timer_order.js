// timers by due time, then creation order; the 1 ms clamp; extra arguments
setTimeout(function () { console.log("t300"); }, 300);
setTimeout(function (a, b) { console.log("t100a", a, b); }, 100, "x", 2);
setTimeout(function () { console.log("t100b"); }, 100);
setTimeout(function () { console.log("t0 runs as 1ms"); }, 0);
setTimeout(function () { console.log("t-5 runs as 1ms"); }, -5);
setTimeout(function () { console.log("tNaN runs as 1ms"); }, "abc");
setTimeout(function () { console.log("t'150' is 150ms"); }, "150");
var cancelled = setTimeout(function () { console.log("never"); }, 20);
clearTimeout(cancelled);
clearTimeout(cancelled);      // twice: no-op
clearTimeout(undefined);      // not a timer: no-op
clearTimeout({});
console.log("ids are numbers:", typeof cancelled);
