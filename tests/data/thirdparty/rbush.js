// package: rbush@3.0.1 rbush/rbush.js+kdbush/kdbush.js
// also: kdbush@3.0.0
// Driver for RBush 3 (an R*-tree of rectangles; UMD, `this.RBush`, with quickselect inlined) and KDBush 3
// (a static kd-tree over typed arrays, `this.KDBush`): a tree grows by single inserts and bulk loads
// over several turns, items are removed with a custom equality, a subclass keeps items as arrays; a kd
// index over Float64Array coordinates is queried by range and radius. The tree nodes, the items they
// share with the driver's own list, and the typed arrays are migrated between turns.
var out = function (s) { console.log(String(s)); };
var seed = 12345;
function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647; }
function box(i) {
  var x = Math.floor(rnd() * 1000), y = Math.floor(rnd() * 1000);
  return { minX: x, minY: y, maxX: x + 1 + Math.floor(rnd() * 40), maxY: y + 1 + Math.floor(rnd() * 40), id: i };
}
function ids(list) { return list.map(function (b) { return b.id; }).sort(function (a, b) { return a - b; }).join(','); }
function height(node) { return node.leaf ? 1 : 1 + height(node.children[0]); }
var tree = new RBush(6);
// Duktape's Array.prototype.sort picks random pivots: ties get a fixed order, or the tree's shape would vary
tree.compareMinX = function (a, b) { return a.minX - b.minX || a.id - b.id; };
tree.compareMinY = function (a, b) { return a.minY - b.minY || a.id - b.id; };
var all = [];
function MyRBush(max) { RBush.call(this, max); }
MyRBush.prototype = Object.create(RBush.prototype);
MyRBush.prototype.toBBox = function (a) { return { minX: a[0], minY: a[1], maxX: a[2], maxY: a[3] }; };
MyRBush.prototype.compareMinX = function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; };
MyRBush.prototype.compareMinY = function (a, b) { return a[1] - b[1] || a[0] - b[0] || a[2] - b[2]; };
var arr = new MyRBush(4);
var pts = new Float64Array(400);
for (var i = 0; i < pts.length; i++) pts[i] = Math.floor(rnd() * 100);
var idx = [];
for (i = 0; i < pts.length / 2; i++) idx.push(i);
var kd = new KDBush(idx, function (j) { return pts[2 * j]; }, function (j) { return pts[2 * j + 1]; }, 8, Float64Array);
var points = [];
for (i = 0; i < pts.length; i += 2) points.push([pts[i], pts[i + 1]]);
var kd2 = new KDBush(points, function (p) { return p[0]; }, function (p) { return p[1]; }, 4, Int32Array);
var turn = 0;
var q = { minX: 200, minY: 200, maxX: 600, maxY: 500 };
function step() {
  var n = 0;
  if (turn < 3) {
    for (n = 0; n < 40; n++) { var b = box(all.length); all.push(b); tree.insert(b); }
  } else if (turn === 3) {
    var bulk = [];
    for (n = 0; n < 150; n++) bulk.push(box(all.length + n));
    all = all.concat(bulk);
    tree.load(bulk);
  } else if (turn === 4) {
    var gone = all.filter(function (b) { return b.id % 3 === 0; });
    gone.forEach(function (b) { tree.remove({ minX: b.minX, minY: b.minY, maxX: b.maxX, maxY: b.maxY, id: b.id }, function (a, c) { return a.id === c.id; }); });
    all = all.filter(function (b) { return b.id % 3 !== 0; });
  } else if (turn === 5) {
    all.slice(0, 30).forEach(function (b) { tree.remove(b); });
    all = all.slice(30);
    tree.insert(all[0]);
  }
  var hit = tree.search(q);
  var expect = all.filter(function (b) { return b.minX <= q.maxX && b.minY <= q.maxY && b.maxX >= q.minX && b.maxY >= q.minY; });
  out('turn ' + turn + ' size ' + tree.all().length + ' height ' + height(tree.data) + ' hits ' + hit.length + ' brute ' + expect.length +
    ' same ' + (ids(hit) === ids(expect)) + ' collides ' + tree.collides({ minX: 0, minY: 0, maxX: 5, maxY: 5 }));
  out('  ' + ids(hit).slice(0, 90));
  out('  root ' + [tree.data.minX, tree.data.minY, tree.data.maxX, tree.data.maxY].join(' ') + ' children ' + tree.data.children.length);
  arr.insert([turn * 10, turn * 5, turn * 10 + 7, turn * 5 + 3]);
  if (turn === 2) arr.load([[1, 1, 2, 2], [50, 50, 60, 60], [3, 90, 4, 95], [70, 0, 71, 1], [8, 8, 9, 9]]);
  out('  arrays ' + arr.search({ minX: 0, minY: 0, maxX: 30, maxY: 30 }).map(function (a) { return a.join(':'); }).sort().join(' '));
  pts[turn] = -1;   // the index keeps its own copies: queries do not change
  out('  kd range ' + kd.range(10, 10, 30, 30).sort(function (a, b) { return a - b; }).join(',') +
    ' within ' + kd2.within(50, 50, 8 + turn).map(function (i) { return points[i].join(':'); }).sort().join(' '));
  out('  kd arrays ' + kd.ids.constructor.name + ' ' + kd.coords.length + ' ' + kd2.coords[7] + ' ' + kd2.ids.length);
  turn++;
  if (turn < 7) setTimeout(step, 1);
  else {
    tree.clear();
    out('cleared ' + tree.all().length + ' ' + JSON.stringify(tree.toJSON()).length);
    var t2 = new RBush().fromJSON(JSON.parse(JSON.stringify(arr.toJSON())));
    out('round trip ' + t2.all().length);
  }
}
setTimeout(step, 1);
