// Property enumeration order across Object.keys, JSON.stringify, getOwnPropertyNames after deletes and redefinitions.
var o = { z: 1, y: 2, 3: 'three', x: 3, 1: 'one' };
console.log(Object.keys(o).join(','));
console.log(JSON.stringify(o));
o.w = 4;
delete o.y;
o.y = 'back';
console.log(Object.getOwnPropertyNames(o).join(','));
Object.defineProperty(o, 'z', { value: 'redefined' });
console.log(Object.keys(o).join(',') + ' ' + o.z);

function build(keys) {
  var r = {};
  keys.forEach(function (k, i) { r[k] = i; });
  return JSON.stringify(r);
}
console.log(build(['b', 'a', '2', '10', '1.5', '-0', 'c']));

var nested = { outer: { b: [1, { d: 1, c: 2 }], a: null }, first: true };
console.log(JSON.stringify(nested));
console.log(JSON.stringify(nested, ['first', 'outer', 'a']));

// numeric-like keys beyond array index range are strings in insertion order
var big = {};
big['4294967295'] = 'max'; big['4294967294'] = 'idx'; big.a = 'a'; big['0'] = 'zero';
console.log(Object.keys(big).join(','));

// function object own properties
function F() {}
F.b = 1; F.a = 2;
console.log(Object.keys(F).join(','));

// arrays with named properties
var arr = [10, 20];
arr.name = 'n';
arr[2] = 30;
console.log(Object.keys(arr).join(','));
