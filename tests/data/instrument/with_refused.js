// Event loop: closures made in a `with` body over a Proxy that says yes to every name and logs it (a sandbox idiom) run as in the plain program; a snapshot while one is live is refused (a with makes its scope dynamic) and the program runs on
var names = [];
function sandbox(env) {
  var p = new Proxy(env, {
    has: function (t, k) { names.push(k); return true; },
    get: function (t, k) { return t[k]; }
  });
  with (p) {
    return { tick: function () { count++; return count + step; }, get n() { return count; } };
  }
}
var keep = sandbox({ count: 0, step: 10 });
var turn = 0;
function step() {
  turn++;
  console.log(turn, keep.tick(), keep.n, names.join(','));
  names = [];
  if (turn < 3) setTimeout(step, 2);
}
setTimeout(step, 2);
