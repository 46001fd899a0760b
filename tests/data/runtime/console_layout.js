// console.log lays values out as Node's util.inspect does (runtime/ferry-app.1,
// CONSOLE OUTPUT); the expected output is what `node` v20 prints, but for the
// stack frames of errors, which are Duktape's.
var i, o;
// arrays of more than 6 short items go into aligned columns; numbers to the right
var nums = []; for (i = 0; i < 30; i++) nums.push(i * 7);
console.log(nums);
console.log([1.5, -2, 300, 4e21, -0, NaN, 7, 8]);
console.log(["a", "bb", "ccc", "dddd", "eeeee", "it's", 'say "x"', "h"]);
var big = []; for (i = 0; i < 130; i++) big.push(i % 10);
console.log(big);
console.log([1, 2, 3, 4, 5, 6]);
console.log(["a long entry that is far too wide to be put in columns", 1, 2, 3, 4, 5, 6, 7]);
// columns inside objects, by display width (CJK takes two), typed arrays
console.log({ deep: { deeper: { list: ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"] } } });
console.log(["\u4e2d\u6587", "\u65e5\u672c\u8a9e\u306e", "ab", "\ud83d\ude00x", "caf\u00e9", "e\u0301", "x", "yy"]);
console.log(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 200]));
console.log([{ a: 1, b: 2 }, { a: 1, b: 2 }, { a: 1, b: 2 }, { a: 1, b: 2 }, { a: 1, b: 2 }, { a: 1, b: 2 }, { a: 1, b: 2 }]);
console.log(["a", , "b", , , "c", "d", "e", "f", "g"]);
// objects longer than 80 columns: one property a line, indented
o = {}; for (i = 0; i < 12; i++) o["key" + i] = i * 1000;
console.log(o);
console.log({ a: { b: { c: {} } }, list: [[1, 2, [3, [4]]]], s: "x" });
var x39 = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";   // the last length that fits
console.log({ alpha: 1, beta: x39, gamma: 3 }, { alpha: 1, beta: x39 + "x", gamma: 3 });
console.log({ a: { b: { c: { d: 1 } } } }, { a: [{ b: [{}] }] });
console.log({ one: "a string that is long enough to push this object past the limit", two: 2 });
console.log([{ name: "first", value: 1 }, { name: "second", value: 2 }, { name: "third", value: 3 }]);
// nested long strings split after their newlines
console.log({ text: "first line of the text\nsecond line of the text\nand a third one, the last" });
console.log(["it's \"both\" `kinds`", "it's ${x} \"two\"", "\u0000\u001f\u007f\u0085\\"]);
// cycles are numbered, the target marked with <ref *n>
var a = { name: "a" }, b = { name: "b", a: a }; a.b = b; a.self = a;
console.log(a);
console.log([a, b]);
var arr = [1]; arr.push(arr); console.log(arr);
// functions with properties, classes of objects, empty objects deep down
function Point(x, y) { this.x = x; this.y = y; }
function f() {} f.answer = 42; f.nested = { deep: true };
console.log(f, [f], new Point(1, { z: [] }));
var noproto = Object.create(null); noproto.k = 1;
console.log(noproto, { inner: noproto }, [Object.create(null)]);
console.log({ l1: { l2: { l3: { l4: 1 }, e: {}, a: [], p: new Point(0, 0) } } });
console.log((function () { return arguments; })(1, "two"));
console.log({ "$dollar": 1, "with space": 2, "1": 3, _under: 4, "__proto__x": 5 });
var d = new Date(0); d.tag = "epoch";
console.log(d, [new Date(NaN)], /re/g);
var n = new Number(7); n.unit = "m";
console.log(n, new String("it's"), [new Boolean(true)]);
// errors: the stack, indented inside objects; extra properties after it
var e = new RangeError("out of range"); e.code = "E_RANGE";
console.log(e);
console.log({ err: new TypeError("inner") });
var bare = new Error("no frames"); bare.stack = "Error: no frames";
console.log(bare, { bare: bare });
// sparse arrays and extra array properties
var sp = [1, , 3]; sp[9] = 10; sp.extra = true;
console.log(sp, new Array(200), [, , 1]);
var holes = []; holes[150] = 1; console.log(holes);
// util.format
console.log("%s|%s|%s|%s", -0, { a: { b: 1 } }, [1, [2]], null);
console.log("%d|%d|%d|%d", "42", new Number(5), [], "x");
console.log("%i|%i|%f|%f", "12.9abc", 1e21, "1.5e3xyz", " 2.5 ");
console.log("%j|%j|%j", { a: [1] }, undefined, a);
console.log("%o", { a: [1, 2] });
console.log("%O|%c|%%|%x|%", { a: 1 }, "color: red", 5);
console.log("100%%", "and", "%s");
console.log("100%%");
console.log("%s %s", "only one");
console.log(5, "%s", "x");
console.log();
