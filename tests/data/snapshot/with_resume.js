// A function whose body has a `with` statement is re-created by a resume (its own `with` makes its variables dynamic, not the function); the functions it makes in the with body, tagged through Number.prototype's tagger (the with object would see a name), run the same after a resume, over an object and over a Proxy that says yes to every name
var scope = { v: 1 };
var asked = [];
function mk(o) {
  var local = 'L';
  with (o) {
    var f = function () { return v; };
    return f() + ' ' + typeof { get a() { return v; } }.a + ' ' + (function () { function g() { return local; } return g(); })();
  }
}
function sandboxed(n) {
  var p = new Proxy({ v: n, String: String }, {
    has: function (t, k) { asked.push(k); return true; },
    get: function (t, k) { return t[k]; }
  });
  return mk(p);
}
var turn = 0;
function step() {
  turn++;
  scope.v = turn;
  console.log(turn, mk(scope), sandboxed(turn * 10), asked.join(','));
  asked = [];
  if (turn < 4) setTimeout(step, 1);
}
setTimeout(step, 1);
