// console.dir, console.assert and console.trace as Node's; the expected
// output is node's but for the stack frames of console.trace (Duktape's)
console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
console.dir("a string is quoted");
console.dir({ a: { b: { c: { d: { e: 1 } } } } }, { depth: null });
console.dir([1, 2], { showHidden: true });
console.dir(5, 6);
console.dir();
console.assert(true, "not shown");
console.assert(1 === 2, "failed %s", "here", 1);
console.assert(0);
console.assert(null, { o: 1 }, [2]);
function where() { console.trace("in %s", "where", { x: 1 }); }
where();
console.trace();
console.log("dir, assert, trace:", typeof console.dir, typeof console.assert, typeof console.trace);
