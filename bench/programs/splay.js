// Splay tree: insert, find, remove and in-order traversal of a
// self-adjusting binary search tree holding small payload trees (after the
// V8 benchmark), with a seeded PRNG. Checks tree size and ordering. Arg: scale.
var SCALE = (typeof process === "object" && process.argv && Number(process.argv[2])) || 1;

function SplayTree() { this.root_ = null; }
SplayTree.prototype.isEmpty = function () { return !this.root_; };
SplayTree.prototype.insert = function (key, value) {
  if (this.isEmpty()) { this.root_ = new SplayTree.Node(key, value); return; }
  this.splay_(key);
  if (this.root_.key == key) return;
  var node = new SplayTree.Node(key, value);
  if (key > this.root_.key) {
    node.left = this.root_; node.right = this.root_.right; this.root_.right = null;
  } else {
    node.right = this.root_; node.left = this.root_.left; this.root_.left = null;
  }
  this.root_ = node;
};
SplayTree.prototype.remove = function (key) {
  if (this.isEmpty()) throw Error("WRONG RESULT: key not found: " + key);
  this.splay_(key);
  if (this.root_.key != key) throw Error("WRONG RESULT: key not found: " + key);
  var removed = this.root_;
  if (!this.root_.left) {
    this.root_ = this.root_.right;
  } else {
    var right = this.root_.right;
    this.root_ = this.root_.left;
    this.splay_(key);
    this.root_.right = right;
  }
  return removed;
};
SplayTree.prototype.find = function (key) {
  if (this.isEmpty()) return null;
  this.splay_(key);
  return this.root_.key == key ? this.root_ : null;
};
SplayTree.prototype.findMax = function (opt_startNode) {
  if (this.isEmpty()) return null;
  var current = opt_startNode || this.root_;
  while (current.right) current = current.right;
  return current;
};
SplayTree.prototype.findGreatestLessThan = function (key) {
  if (this.isEmpty()) return null;
  this.splay_(key);
  if (this.root_.key < key) return this.root_;
  else if (this.root_.left) return this.findMax(this.root_.left);
  else return null;
};
SplayTree.prototype.exportKeys = function () {
  var result = [];
  if (!this.isEmpty()) this.root_.traverse_(function (node) { result.push(node.key); });
  return result;
};
SplayTree.prototype.splay_ = function (key) {
  if (this.isEmpty()) return;
  var dummy, left, right;
  dummy = left = right = new SplayTree.Node(null, null);
  var current = this.root_;
  while (true) {
    if (key < current.key) {
      if (!current.left) break;
      if (key < current.left.key) {
        var tmp = current.left;
        current.left = tmp.right; tmp.right = current; current = tmp;
        if (!current.left) break;
      }
      right.left = current; right = current; current = current.left;
    } else if (key > current.key) {
      if (!current.right) break;
      if (key > current.right.key) {
        var tmp2 = current.right;
        current.right = tmp2.left; tmp2.left = current; current = tmp2;
        if (!current.right) break;
      }
      left.right = current; left = current; current = current.right;
    } else {
      break;
    }
  }
  left.right = current.left; right.left = current.right;
  current.left = dummy.right; current.right = dummy.left;
  this.root_ = current;
};
SplayTree.Node = function (key, value) { this.key = key; this.value = value; };
SplayTree.Node.prototype.left = null;
SplayTree.Node.prototype.right = null;
SplayTree.Node.prototype.traverse_ = function (f) {
  var current = this;
  while (current) {
    var left = current.left;
    if (left) left.traverse_(f);
    f(current);
    current = current.right;
  }
};

var seed = 49734321;
function random() {
  seed = ((seed + 0x7ed55d16) + (seed << 12)) & 0xffffffff;
  seed = ((seed ^ 0xc761c23c) ^ (seed >>> 19)) & 0xffffffff;
  seed = ((seed + 0x165667b1) + (seed << 5)) & 0xffffffff;
  seed = ((seed + 0xd3a2646c) ^ (seed << 9)) & 0xffffffff;
  seed = ((seed + 0xfd7046c5) + (seed << 3)) & 0xffffffff;
  seed = ((seed ^ 0xb55a4f09) ^ (seed >>> 16)) & 0xffffffff;
  return (seed & 0xfffffff) / 0x10000000;
}
function generatePayloadTree(depth, tag) {
  if (depth == 0) return { array: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], string: "String for key " + tag + " in leaf node" };
  return { left: generatePayloadTree(depth - 1, tag), right: generatePayloadTree(depth - 1, tag) };
}
function generateKey() { return random(); }

var TREE_SIZE = Math.max(100, Math.round(4000 * SCALE)), MODIFICATIONS = Math.max(20, Math.round(400 * SCALE));
var tree = new SplayTree();
function insertNewNode() {
  var key;
  do { key = generateKey(); } while (tree.find(key) != null);
  tree.insert(key, generatePayloadTree(3, String(key)));
  return key;
}
for (var i = 0; i < TREE_SIZE; i++) insertNewNode();
for (var rounds = 0; rounds < 10; rounds++) {
  for (var m = 0; m < MODIFICATIONS; m++) {
    var key = insertNewNode();
    var greatest = tree.findGreatestLessThan(key);
    if (greatest == null) tree.remove(key); else tree.remove(greatest.key);
  }
}
var keys = tree.exportKeys();
if (keys.length != TREE_SIZE) throw new Error("WRONG RESULT: splay: bad size " + keys.length);
for (var k = 0; k < keys.length - 1; k++) if (keys[k] >= keys[k + 1]) throw new Error("WRONG RESULT: splay: bad order");
console.log("splay ok " + keys.length + " keys, first " + keys[0].toFixed(6));
