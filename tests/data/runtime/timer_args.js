// a callback gets every extra argument of setTimeout/setInterval/setImmediate,
// however many (Node passes them all; more than Duktape's 64-slot reserve
// for a native call once made the runtime throw RangeError). The delays are
// far apart: a 1 ms timer may be due before the first immediate runs.
function count() { console.log(arguments.length, arguments[0], arguments[arguments.length - 1]); }
var args = [];
for (var i = 0; i < 500; i++) args.push(i);
setTimeout.apply(null, [count, 30].concat(args));
var iv = setInterval.apply(null, [function () { clearInterval(iv); count.apply(null, arguments); }, 60]
                                 .concat(args.slice(0, 300)));
setImmediate.apply(null, [count].concat(args.slice(0, 200)));
