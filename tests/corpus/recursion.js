// Recursion: direct, mutual, deep, through closures, with memoisation held in a closure.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
console.log(fib(20));

function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
console.log(isEven(100) + ' ' + isOdd(77));

function ack(m, n) {
  if (m === 0) return n + 1;
  if (n === 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}
console.log(ack(2, 3));

function hanoi(n, from, to, via, moves) {
  if (n === 0) return moves;
  hanoi(n - 1, from, via, to, moves);
  moves.push(from + to);
  hanoi(n - 1, via, to, from, moves);
  return moves;
}
var mv = hanoi(4, 'A', 'C', 'B', []);
console.log(mv.length + ' ' + mv.slice(0, 5).join(' '));

function deep(n) { return n === 0 ? 0 : 1 + deep(n - 1); }
console.log(deep(1000));

var memo = (function () {
  var cache = {};
  var hits = 0;
  function f(n) {
    if (n in cache) { hits++; return cache[n]; }
    var v = n < 2 ? n : f(n - 1) + f(n - 2);
    cache[n] = v;
    return v;
  }
  return { f: f, hits: function () { return hits; } };
})();
console.log(memo.f(60) + ' hits ' + memo.hits());

function permutations(xs) {
  if (xs.length <= 1) return [xs];
  var out = [];
  xs.forEach(function (x, i) {
    var rest = xs.slice(0, i).concat(xs.slice(i + 1));
    permutations(rest).forEach(function (p) { out.push([x].concat(p)); });
  });
  return out;
}
console.log(permutations(['a', 'b', 'c']).map(function (p) { return p.join(''); }).join(' '));

function flatten(t) {
  return Array.isArray(t) ? t.reduce(function (acc, x) { return acc.concat(flatten(x)); }, []) : [t];
}
console.log(flatten([1, [2, [3, [4, [5]]]], 6]).join(''));

var tree = { v: 1, kids: [{ v: 2, kids: [{ v: 4, kids: [] }] }, { v: 3, kids: [] }] };
function sumTree(t) { var s = t.v; for (var i = 0; i < t.kids.length; i++) s += sumTree(t.kids[i]); return s; }
console.log(sumTree(tree));

// stack overflow is a catchable RangeError
function forever(n) { return forever(n + 1) + 1; }
try { forever(0); } catch (e) { console.log('overflow: ' + e.name); }
