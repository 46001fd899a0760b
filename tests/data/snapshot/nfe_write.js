// Event loop: closures that write to an enclosing function expression's own
// name, an immutable binding: the write is ignored in sloppy code and a
// TypeError ("not writable") in strict code, by every form of write (=, op=,
// ++/--, for-in). After a resume the closures are re-created by makers that
// bind the name as a plain variable, so ferryc rewrites each such write into
// one that fails the same way (difffuzz seed 4).
var sloppy = (function self() {
  return function (t) {
    var a = (self = t), b = (self += t), c = self++, d = ++self, e = self--, f = --self;
    for (self in { k: 1 }) a += 1;
    return [typeof self, typeof a, typeof b, c, d, e, f].join(' ');
  };
})();
var strict = (function own() {
  'use strict';
  return function (t) {
    var r = [];
    try { own = t; r.push('no'); } catch (e) { r.push(String(e)); }
    try { own *= t; r.push('no'); } catch (e) { r.push(e.name); }
    try { own++; r.push('no'); } catch (e) { r.push(e.name); }
    try { --own; r.push('no'); } catch (e) { r.push(e.name); }
    try { for (own in { k: 1 }) r.push('no'); } catch (e) { r.push(e.name); }
    return r.join(',') + ' ' + typeof own;
  };
})();
var inside = (function me(n) {
  me = n;                         // in the function itself: ignored too
  return function () { return typeof me; };
})(5);
var turn = 0;
function step() {
  turn++;
  console.log(turn + ' ' + sloppy(turn) + ' | ' + strict(turn) + ' | ' + inside());
  if (turn < 4) setTimeout(step, 2);
}
setTimeout(step, 2);
