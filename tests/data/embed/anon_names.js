// Functions made before a snapshot, anonymous and named, closures and
// methods; each turn prints whether they have an own `name` (a program
// embedded as bytecode gives anonymous functions one, source text does not:
// doc/measurements.md). A migration between the two kinds of build keeps
// what the functions had (tests/embed_modes.sh).
function mk() { var c = 0; return function () { return ++c; }; }
var f = mk();
var named = (function () { var d = 0; return function nm() { return d += 2; }; })();
var obj = { m: function () { return 'm'; }, get g() { return 'g'; } };
var list = [function () { return 1; }, function two() { return 2; }];
var k = 0;
function own(fn) { return Object.prototype.hasOwnProperty.call(fn, 'name') ? 'own' : 'inh'; }
setTimeout(function tick() {
  console.log(k, f(), named(), obj.m(), obj.g, list[0]() + list[1](),
    own(f), own(named), own(obj.m), own(list[0]), own(list[1]),
    JSON.stringify([f.name, named.name, obj.m.name, list[1].name]),
    Object.getOwnPropertyNames(f).sort().join());
  if (++k < 5) setTimeout(tick, 1);
}, 1);
