// A module whose wrapper function is dead once it has run: a resume leaves
// its maker (the biggest of its unit) out, and puts line breaks in its
// place so that the makers after it keep their line numbers (Error
// lineNumber and stack lines of functions made by them).
var api = (function () {
  var hidden = 1;
  function helper(x) {
    return x + hidden;
  }
  return {
    add: function (a) { return helper(a); },
    where: function () { return new Error('here').lineNumber; }
  };
})();
function later(n) {
  var e = new Error('later ' + n);
  return e.lineNumber + ' ' + e.stack.split('\n')[1];
}
var n = 0;
function tick() {
  n++;
  console.log('turn ' + n + ': ' + api.add(n) + ' ' + api.where() + ' ' + later(n));
  try { null.x; } catch (e) { console.log('caught at ' + e.lineNumber); }
  if (n < 4) setTimeout(tick, 1);
}
setTimeout(tick, 1);
