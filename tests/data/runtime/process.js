// process.argv = [executable, file, program args...]; process.exitCode;
// process.exit ends the process at once (pending timers dropped)
console.log(process.argv.slice(1).join(" "));
console.log(typeof Date.now(), Date.now() > 1.5e12);
process.exitCode = 3;
setTimeout(function () { console.log("never"); }, 50);
setImmediate(function () {
  console.log("exiting with 5");
  process.exit(5);
  console.log("never");
});
