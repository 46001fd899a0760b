// data-only state (no user functions: runs migratable without ferryc):
// bound built-ins mutate a shared array across turns; immediates and
// timers interleave as in Node
var arr = [];
var box = { arr: arr, tag: "box" };
setTimeout(arr.push.bind(arr), 100, "a");
setTimeout(console.log, 200, "arr:", arr);
setTimeout(arr.push.bind(arr), 300, "b");
setImmediate(console.log, "imm 1");
setImmediate(console.log, "imm 2", box);
setTimeout(console.log, 400, "arr:", arr, box.arr === arr);
