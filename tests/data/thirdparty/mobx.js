// package: mobx@4.15.7 es6-shim/es6-shim.js+mobx/lib/mobx.js es6-shim/es6-shim.min.js+mobx/lib/mobx.min.js
// also: es6-shim@0.35.8
// prelude: var self = this, exports = {}, process = { env: { NODE_ENV: "development" } }, define = function (f) { f(); }; define.amd = {};
// Driver for MobX 4 on es6-shim (prepended by tests/thirdparty.sh; MobX needs ES2015 Map, which es6-shim
// provides on Duktape; the prelude gives es6-shim an AMD `define`, and the CommonJS MobX `exports` and a
// `process.env`):
// ES5 MobX makes observable objects of property getters/setters over
// hidden administration objects, observable arrays as array-like objects with index accessors, maps,
// computed values with caches, reactions and autoruns with their dependency graphs, actions and
// transactions, and reactions delayed on timers. A store built in the first turn changes in later ones.
var mobx = exports;
var out = function (s) { console.log(String(s)); };
var log = [];
var store = mobx.observable({
  readings: [3, 5],
  unit: 'C',
  tags: mobx.observable.map({ room: 'lab' }),
  get mean() { return this.readings.length ? this.readings.reduce(function (a, b) { return a + b; }, 0) / this.readings.length : NaN; },
  get label() { return this.mean.toFixed(2) + ' ' + this.unit; }
});
var add = mobx.action('add', function (v) { store.readings.push(v); });
var disposers = [];
disposers.push(mobx.autorun(function () { log.push('autorun ' + store.label); }));
disposers.push(mobx.reaction(function () { return store.readings.length; }, function (n, r) { log.push('count ' + n); if (n > 5) r.dispose(); }));
// the first step is due before the delayed autorun's first timer, whatever the machine's load: set first
setTimeout(step, 1);
disposers.push(mobx.autorun(function () { log.push('delayed ' + store.readings.join(',')); }, { delay: 3 }));
disposers.push(mobx.observe(store.tags, function (ch) { log.push('tags ' + ch.type + ' ' + ch.name + '=' + ch.newValue); }));
disposers.push(mobx.intercept(store.readings, function (ch) { if (ch.type === 'splice') ch.added = ch.added.map(function (x) { return Math.min(x, 100); }); return ch; }));
var turn = 0;
function step() {
  turn++;
  if (turn === 1) {
    out('observable ' + mobx.isObservableObject(store) + ' ' + mobx.isObservableArray(store.readings) + ' ' + mobx.isComputedProp(store, 'mean') + ' ' + Array.isArray(store.readings));
    add(7); add(250);
  } else if (turn === 2) {
    mobx.runInAction(function () { store.unit = 'F'; store.readings[0] = 37; store.tags.set('floor', 2); });
    out('toJS ' + JSON.stringify(mobx.toJS(store)) + ' keys ' + Object.keys(store).join(','));
  } else if (turn === 3) {
    mobx.transaction(function () { add(1); add(2); store.readings.splice(0, 1); });
    mobx.extendObservable(store, { extra: 1 });
    store.tags['delete']('room');
    out('deps ' + mobx.getDependencyTree(store, 'label').dependencies.map(function (d) { return d.name.replace(/@\d+/, '@N'); }).join(','));
  } else if (turn === 4) {
    disposers.forEach(function (d) { d(); });
    add(9);
    out('after dispose ' + store.label + ' ' + store.readings.slice().join(','));
  }
  setTimeout(function () {   // after the delayed autorun's timer
    out('turn ' + turn + ': ' + log.join(' / ')); log = [];
    if (turn < 4) setTimeout(step, 1); else out('done');
  }, 10);
}
out('initial ' + log.join(' / ')); log = [];
