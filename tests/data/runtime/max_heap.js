// --max-heap: allocation beyond the limit is a catchable Error "alloc failed"
// (Duktape's, not a RangeError: --help and ferry-app(1) say so); the program
// goes on, and an uncaught one exits 1
var keep = [];
try {
  for (;;) keep.push(new Array(200).join("x") + keep.length);
} catch (e) {
  console.log("caught:", e.name, e.message, e instanceof RangeError);
}
keep = null;
console.log("still running");
