// Array methods: mutators, accessors, iteration, sorting with comparators, reduce, isArray, array-likes.
var a = [5, 1, 4];
console.log(a.push(2, 3) + ' ' + JSON.stringify(a));
console.log(a.pop() + ' ' + a.shift() + ' ' + a.unshift(0, 9) + ' ' + JSON.stringify(a));
console.log(JSON.stringify(a.splice(1, 2, 'x', 'y', 'z')) + ' ' + JSON.stringify(a));
console.log(JSON.stringify(a.slice(1, -1)) + ' ' + JSON.stringify(a.concat([1, [2]], 3)));
console.log(a.reverse().join('|') + ' ' + a.indexOf('y') + ' ' + a.lastIndexOf(0) + ' ' + a.indexOf('nope'));
var nums = [10, 9, 1, 100, 25, 3];
console.log(nums.slice().sort().join(',') + ' / ' + nums.slice().sort(function (x, y) { return x - y; }).join(','));
var people = [{ n: 'bo', age: 30 }, { n: 'al', age: 25 }, { n: 'cy', age: 30 }, { n: 'di', age: 25 }];
people.sort(function (p, q) { return p.age - q.age || (p.n < q.n ? -1 : 1); });
console.log(people.map(function (p) { return p.n; }).join(','));
console.log([1, 2, 3, 4].filter(function (x) { return x % 2; }).join() + ' ' + [1, 2, 3].map(function (x, i) { return x * i; }).join());
console.log([1, 2, 3].every(function (x) { return x > 0; }) + ' ' + [1, 2, 3].some(function (x) { return x > 2; }) + ' ' + [].every(function () { return false; }));
console.log([1, 2, 3, 4].reduce(function (acc, x) { return acc + x; }) + ' ' + ['a', 'b', 'c'].reduceRight(function (acc, x) { return acc + x; }, '>'));
try { [].reduce(function () {}); } catch (e) { console.log('empty reduce: ' + e.name); }
console.log(Array.isArray([]) + ' ' + Array.isArray({ length: 0 }) + ' ' + Array.isArray(arguments_like()));
function arguments_like() { return arguments; }
var arrayLike = { 0: 'p', 1: 'q', length: 2 };
console.log(Array.prototype.join.call(arrayLike, '+') + ' ' + Array.prototype.map.call(arrayLike, function (x) { return x + x; }).join());
console.log(String([1, [2, [3, null, undefined]], {}]));
console.log(new Array(3).length + ' ' + new Array(3, 4).length + ' ' + Array(2).concat([1]).length);
var matrix = [[1, 2], [3, 4]];
var transposed = matrix[0].map(function (_, c) { return matrix.map(function (row) { return row[c]; }); });
console.log(JSON.stringify(transposed));
var stable = [];
for (var i = 0; i < 12; i++) stable.push({ k: i % 3, i: i });
stable.sort(function (x, y) { return x.k - y.k; });
console.log(stable.map(function (o) { return o.k; }).join(''));
var arr2 = [1, 2, 3];
arr2.length = 5;
console.log(arr2.length + ' ' + JSON.stringify(arr2));
console.log(['b', 'a', 'C', 'A'].sort().join('') + ' ' + [true, false, null, 'a'].sort().join(','));
var sum = 0;
[1, 2, 3].forEach(function (x) { sum += x * this.factor; }, { factor: 10 });
console.log(sum);
