// for-in and property enumeration order: integer keys ascending first, then strings in insertion order, inherited keys last.
var o = {};
o.b = 1; o.a = 2; o[10] = 3; o[2] = 4; o['1'] = 5; o.z = 6; o['-1'] = 7; o['01'] = 8;
var ks = [];
for (var k in o) ks.push(k);
console.log(ks.join(' '));
console.log(Object.keys(o).join(' '));
console.log(JSON.stringify(o));

delete o.a;
o.a = 'again';
console.log(Object.keys(o).join(' '));

function P() { this.own1 = 1; this.own2 = 2; }
P.prototype.inherited = 3;
P.prototype.alsoInherited = 4;
var p = new P();
var all = [];
for (var key in p) all.push(key + (p.hasOwnProperty(key) ? '' : '*'));
console.log(all.join(' '));

// shadowed inherited properties are listed once
var proto = { x: 1, y: 2 };
var child = Object.create(proto);
child.y = 'own';
child.w = 'w';
var seen = [];
for (var q in child) seen.push(q + '=' + child[q]);
console.log(seen.join(' '));

// non-enumerable properties are skipped
var ne = {};
Object.defineProperty(ne, 'hidden', { value: 1, enumerable: false });
ne.visible = 2;
var nek = [];
for (var n in ne) nek.push(n);
console.log(nek.join(' ') + ' ' + Object.getOwnPropertyNames(ne).join(','));

// arrays: indices in order, extra properties after
var arr = ['x', 'y'];
arr.extra = true;
arr[5] = 'z';
var ak = [];
for (var i in arr) ak.push(i);
console.log(ak.join(' '));

// for-in over strings' indices of a String object and over null/undefined
var sk = [];
for (var si in new String('abc')) sk.push(si);
console.log(sk.join(''));
var count = 0;
for (var x in null) count++;
for (var y in undefined) count++;
console.log('null/undefined iterations: ' + count);

// deleting a not-yet-visited property during enumeration skips it
var del = { a: 1, b: 2, c: 3 };
var visited = [];
for (var dk in del) { visited.push(dk); if (dk === 'a') delete del.c; }
console.log(visited.join(''));

// for-in with a member expression target
var target = {};
var names = [];
for (target.last in { m: 1, n: 2 }) names.push(target.last);
console.log(names.join('') + ' last=' + target.last);
