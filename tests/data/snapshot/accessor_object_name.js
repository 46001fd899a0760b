// Getters and setters closing over a variable named Object: their makers
// must not look the descriptor function up through the name Object, which
// the maker's own variable (the program's name) shadows.
function mk(Object) {
  return { get a() { return typeof Object + Object.k; } };
}
function mk2() {
  var Object = {k: 2};
  return { get b() { return Object.k; }, set b(v) { Object.k = v; } };
}
var o = mk({k: 1}), o2 = mk2();
var turn = 0;
function tick() {
  o2.b = o2.b + 1;
  console.log(turn, o.a, o2.b);
  if (++turn < 3) setTimeout(tick, 1);
}
setTimeout(tick, 1);
