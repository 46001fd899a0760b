// a callback that is not a function: Node's TypeError, its message saying
// what was received (determineSpecificType), with code ERR_INVALID_ARG_TYPE
function Sensor() {}
var bad = [undefined, null, 5, -0, "a very long string value that goes on", "x", true, {},
  [], new Sensor(), Object.create(null), [function () {}][0], function named() {}];
bad.forEach(function (v) {
  try {
    setTimeout(v, 1);
  } catch (e) {
    console.log(e instanceof TypeError, e.code, e.message);
  }
});
try { setImmediate(); } catch (e) { console.log(e.message); }
try { setInterval("code"); } catch (e) { console.log(e.message); }
