// captured bindings written only by their own function (mirrored) in loops, compound ops, recursion, re-entry
function build(n) {
  var total = 0, names = [], i, last;
  var getters = [];
  for (i = 0; i < n; i++) {
    total += i;
    last = "item" + i;
    ++total;
    getters.push(function () { return total + ":" + last + ":" + i; });
  }
  total *= 2;
  var self = build;
  function depth(k) { return k <= 0 ? 0 : 1 + depth(k - 1); }
  names.push(depth(3), typeof self);
  return { all: function () { return getters.map(function (g) { return g(); }).join(","); }, names: names };
}
var a = build(3), b = build(2);
console.log(a.all());
console.log(b.all());
console.log(a.names.join(","));
function counterPair() {
  var c = 0;
  c++;
  c = c + 10;
  var read = function () { return c; };
  c -= 1;
  return read;
}
console.log(counterPair()(), counterPair()());
