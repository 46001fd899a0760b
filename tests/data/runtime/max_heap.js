// --max-heap: allocation beyond the limit is a catchable RangeError-like
// error; the program goes on, and an uncaught one exits 1
var keep = [];
try {
  for (;;) keep.push(new Array(200).join("x") + keep.length);
} catch (e) {
  console.log("caught:", e.message);
}
keep = null;
console.log("still running");
