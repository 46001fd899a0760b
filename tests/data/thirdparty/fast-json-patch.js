// package: fast-json-patch@2.2.1 core-js/client/shim.min.js+fast-json-patch/dist/fast-json-patch.js
// also: core-js@2.6.12
// Driver for fast-json-patch 2 (RFC 6902 JSON Patch, its webpack build, prepended by tests/thirdparty.sh
// after core-js 2's shim, which provides the WeakMap and Map it makes at load: Duktape 2.7 has neither).
// observe() keeps a mirror of the document in a WeakMap and, in a browser, re-checks the document a
// timer after each UI event: the driver's `window` records the listeners, and each turn edits the
// document and fires 'change', so that the check (a closure holding the observer) is a pending timer
// between turns; the patches it reports are applied to a replica, and checked against compare().
// A second observer is polled with generate(). Errors are JsonPatchError, an Error subclass made by
// TypeScript's __extends.
var out = function (s) { console.log(String(s)); };
var window = {
  listeners: {},
  addEventListener: function (type, f) { (this.listeners[type] = this.listeners[type] || []).push(f); },
  removeEventListener: function (type, f) { var l = this.listeners[type] || []; var i = l.indexOf(f); if (i >= 0) l.splice(i, 1); },
  fire: function (type) { var l = (this.listeners[type] || []).slice(); for (var i = 0; i < l.length; i++) l[i]({ type: type }); return l.length; }
};
function clone(o) { return JSON.parse(JSON.stringify(o)); }
var doc = { device: 'gw-3', ports: [{ n: 1, mode: 'in' }, { n: 2, mode: 'out' }], net: { ip: '10.0.0.2', dns: ['1.1.1.1'] }, 'a/b': { '~tilde': 1 } };
var replica = clone(doc), reported = [], polled = [];
var n = 0, steps;
function next() { var s = steps[n++]; if (s) s(); }
var obs = jsonpatch.observe(doc, function (patches) {
  reported = reported.concat(patches);
  jsonpatch.applyPatch(replica, clone(patches));
  out('  observed ' + JSON.stringify(patches) + ' replica in sync ' + (JSON.stringify(replica) === JSON.stringify(doc)));
  setTimeout(next, 1);
});
var poll = jsonpatch.observe(doc);
function edit(f, what) { f(); out(what + ': listeners ' + window.fire('change') + ', check pending'); }
steps = [
  function () { edit(function () { doc.ports[1].mode = 'pwm'; doc.net.dns.push('9.9.9.9'); }, 'edit 1'); },
  function () { edit(function () { doc.ports.shift(); delete doc.net.ip; doc.net.dhcp = true; doc['a/b']['~tilde'] = 2; }, 'edit 2'); },
  function () {
    polled = jsonpatch.generate(poll);
    out('polled ' + JSON.stringify(polled) + ' ' + jsonpatch.generate(poll).length);
    var p = [{ op: 'test', path: '/device', value: 'gw-3' }, { op: 'copy', from: '/net/dns/0', path: '/net/dns/-' }, { op: 'move', from: '/ports/0', path: '/spare' }, { op: 'replace', path: '/device', value: 'gw-4' }];
    var res = jsonpatch.applyPatch(doc, p, true);
    out('applied ' + res.length + ' results ' + JSON.stringify(res.map(function (r) { return r.removed; })) + ' newDocument same ' + (res.newDocument === doc));
    window.fire('change');
  },
  function () {
    var errs = [[{ op: 'test', path: '/device', value: 'nope' }], [{ op: 'remove', path: '/missing/x' }], [{ op: 'bogus', path: '/' }], [{ op: 'add', path: '/__proto__/polluted', value: 1 }]];
    for (var i = 0; i < errs.length; i++) {
      try { jsonpatch.applyPatch(clone(doc), errs[i], true, true, true); out('err' + i + ' none'); }
      catch (e) { steps.lastErr = e; out('err' + i + ' ' + e.name + ' ' + (e instanceof jsonpatch.JsonPatchError) + ' ' + (e instanceof Error) + ' ' + e.index + ' ' + e.message.split('\n')[0]); }
    }
    out('validate ' + JSON.stringify(jsonpatch.validate([{ op: 'add', path: '/x' }], doc)) + ' pointer ' + JSON.stringify(jsonpatch.getValueByPointer(doc, '/a~1b/~0tilde')) + ' ' + ({}).polluted);
    edit(function () { doc.spare.mode = 'adc'; }, 'edit 3');
  },
  function () {
    out('compare ' + JSON.stringify(jsonpatch.compare({ a: [1, 2, 3], b: { c: 1 } }, { a: [1, 3], b: { d: 1 } })));
    out('kept error ' + steps.lastErr.name + ' ' + steps.lastErr.index + ' ' + (steps.lastErr instanceof jsonpatch.JsonPatchError) + ' operation ' + JSON.stringify(steps.lastErr.operation));
    var before = reported.length;
    jsonpatch.unobserve(doc, obs);
    out('unobserved: listeners left ' + (window.listeners.change || []).length + ' reported ' + before + ' ' + reported.length);
    var back = jsonpatch.applyPatch(clone(replica), jsonpatch.compare(replica, { device: 'x' })).newDocument;
    out('end ' + JSON.stringify(doc) + ' back ' + JSON.stringify(back) + ' weak ' + (typeof WeakMap) + ' ' + (WeakMap.prototype.constructor === WeakMap));
  }
];
setTimeout(next, 1);
