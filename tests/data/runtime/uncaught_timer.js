// an uncaught error in a callback prints its stack and exits 1; nothing else runs
function fail() { throw new TypeError("bad sensor value"); }
setTimeout(fail, 1);
setTimeout(function () { console.log("never"); }, 30);
console.log("started");
console.error("to stderr");
