// Sloppy ES5: the strict-only reserved words (let, yield, static, implements,
// interface, package, private, protected, public) are plain identifiers. `let [`
// starts a member expression here, not an ES2015 declaration; a function named
// `let` is captured and migrated like any other.
function make() {
  function let(i) { return let[i] * 2; }
  let[0] = 10;
  let
  [1] = 20;
  var yield = 1, static = 2, implements = 3, interface = 4, package = 5;
  var private = 6, protected = 7, public = 8;
  return function (i) {
    yield += static + implements + interface + package + private + protected + public;
    return let(i) + yield;
  };
}
var f = make();
console.log(f(0), f(1));

var let = [];
for (let[0] in { a: 1, b: 2 }) console.log('key', let[0]);
let
= { n: 0 };

var ticks = 0;
var t = setInterval(function tick() {
  let.n += 1;
  console.log('tick', ticks, let.n, f(ticks % 2));
  if (++ticks === 3) clearInterval(t);
}, 1);
