// error line numbers and stacks stay the same after instrumentation
function thrower(n) {
  var v = n;
  return function () {
    if (v > 1) {
      throw new Error("boom " + v);
    }
    return v;
  };
}
try { thrower(2)(); } catch (e) { console.log(e.message + " line " + e.lineNumber); }
var f = function () { return new Error("here").lineNumber; };
console.log(f());
