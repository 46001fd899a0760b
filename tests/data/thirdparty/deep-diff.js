// package: deep-diff@1.0.2 object-path/index.js+deep-diff/index.js
// also: object-path@0.11.8
// prelude: var self = this;
// Driver for deep-diff 1.0 with object-path 0.11 (prepended by tests/thirdparty.sh): a device shadow
// document is edited through object-path every turn, deep-diff computes the change records between the
// last reported state and the current one, and a replica is brought up to date with applyChange. The
// change records are objects whose kind/path/lhs/rhs/index/item properties are defined read-only and
// non-configurable on instances of prototype chains built with Object.create (DiffEdit < Diff): they
// are kept across turns, checked for their attributes, and all reverted at the end.
var out = function (s) { console.log(String(s)); };
function clone(o) { return JSON.parse(JSON.stringify(o)); }
function showChange(c) {
  return c.kind + (c.path ? '@' + c.path.join('/') : '') + (c.index !== undefined ? '[' + c.index + ']' + showChange(c.item) : '') +
    ('lhs' in c ? ' ' + JSON.stringify(c.lhs) : '') + ('rhs' in c ? '>' + JSON.stringify(c.rhs) : '');
}
var doc = { id: 'dev-7', fw: { version: '1.0.0', channel: 'stable' }, sensors: [{ name: 't0', unit: 'C', v: 20 }], tags: ['a', 'b', 'c'], cfg: {} };
var reported = clone(doc);
var replica = clone(doc);
var history = [];       // every change record, in order
var op = objectPath.withInheritedProps;
var proto = { inherited: 'from proto' };
var derived = Object.create(proto);
var filterCalls = 0;
function prefilter(path, key) { filterCalls++; return key === 'secret'; }   // never diff a secret
function report(tag) {
  var changes = DeepDiff.diff(reported, doc, prefilter) || [];
  for (var i = 0; i < changes.length; i++) DeepDiff.applyChange(replica, doc, changes[i]);
  history = history.concat(changes);
  reported = clone(doc);
  out(tag + ': ' + changes.length + ' changes ' + changes.map(showChange).join(' ; '));
  out('  replica in sync ' + (DeepDiff.diff(replica, doc, prefilter) === undefined) + ' history ' + history.length);
}
var steps = [
  function () {
    objectPath.set(doc, 'fw.version', '1.1.0');
    objectPath.set(doc, 'cfg.net.wifi.ssid', 'home');
    objectPath.set(doc, ['cfg', 'net', 'wifi', 'secret'], 'hunter2');
    objectPath.push(doc, 'tags', 'd');
    objectPath.insert(doc, 'sensors', { name: 'h0', unit: '%', v: 41 }, 0);
    out('get ' + objectPath.get(doc, 'sensors.1.name') + ' ' + objectPath.get(doc, 'fw.missing', 'dflt') + ' has ' + objectPath.has(doc, 'cfg.net.wifi') + ' ' + objectPath.has(doc, 'cfg.x'));
    report('turn 0');
  },
  function () {
    objectPath.del(doc, 'tags.1');
    objectPath.ensureExists(doc, 'cfg.mqtt.port', 1883);
    objectPath.ensureExists(doc, 'cfg.mqtt.port', 8883);
    objectPath.set(doc, 'sensors.0.v', 42, true);   // doNotReplace: stays 41
    objectPath.set(doc, 'sensors.1.v', 20.5);
    out('coalesce ' + objectPath.coalesce(doc, ['cfg.mqtt.host', 'cfg.net.wifi.ssid'], 'none') + ' empty ' + objectPath.empty(doc, 'fw.channel') + ' "' + doc.fw.channel + '"');
    report('turn 1');
  },
  function () {
    doc.tags = ['z'];
    doc.sensors.pop();
    doc.fw = 'gone';
    doc.cfg.list = [1, [2, 3], { deep: true }];
    report('turn 2');
    derived.own = 1;
    out('inherited ' + op.get(derived, 'inherited') + ' ' + objectPath.get(derived, 'inherited') + ' ' + op.has(derived, 'inherited') + ' ' + objectPath.has(derived, 'inherited'));
    try { objectPath.set({}, '__proto__.polluted', 1); out('proto set ' + ({}).polluted); } catch (e) { out('proto set refused: ' + e.message); }
  },
  function () {
    doc.cfg.list[1].push(4);
    doc.cfg.list[2] = { deep: false, more: null };
    doc.cfg.list.unshift(0);
    report('turn 3');
    // the records kept from turn 0 are still read-only instances of DiffEdit, DiffNew...
    var c = history[0], d = Object.getOwnPropertyDescriptor(c, 'kind');
    c.kind = 'X';
    out('record 0 ' + showChange(c) + ' ' + JSON.stringify(d) + ' ' + (c instanceof Object) + ' ' + c.constructor.name + ' ' + Object.keys(c).join(','));
    var byKind = {};
    for (var i = 0; i < history.length; i++) byKind[history[i].kind] = (byKind[history[i].kind] || 0) + 1;
    out('kinds ' + JSON.stringify(byKind) + ' filter calls ' + (filterCalls > 0));
  },
  function () {
    // undo every change recorded, newest first: back to the first document
    var back = clone(doc);
    for (var i = history.length - 1; i >= 0; i--) DeepDiff.revertChange(back, true, history[i]);
    var first = { id: 'dev-7', fw: { version: '1.0.0', channel: 'stable' }, sensors: [{ name: 't0', unit: 'C', v: 20 }], tags: ['a', 'b', 'c'], cfg: {} };
    var rest = DeepDiff.diff(first, back, prefilter);
    out('reverted ' + JSON.stringify(back));
    out('left ' + (rest ? rest.map(showChange).join(' ; ') : 'none'));
    var od = DeepDiff.orderIndependentDiff({ a: [1, 2, 3] }, { a: [3, 1, 2, 2] });
    out('order independent ' + (od ? od.map(showChange).join(' ; ') : 'none') + ' hash ' + (DeepDiff.orderIndepHash([1, 2]) === DeepDiff.orderIndepHash([2, 1])));
  }
];
var n = 0;
function next() { steps[n++](); if (n < steps.length) setTimeout(next, 1); }
setTimeout(next, 1);
