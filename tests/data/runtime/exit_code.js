// process.exitCode is the status when the loop drains
setTimeout(function () { process.exitCode = 4; console.log("set"); }, 1);
