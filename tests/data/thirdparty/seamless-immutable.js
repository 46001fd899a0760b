// package: seamless-immutable@7.1.4 seamless-immutable/seamless-immutable.development.js seamless-immutable/seamless-immutable.production.min.js
// prelude: var window = this;
// Driver for seamless-immutable 7 (prepended by tests/thirdparty.sh; NAME.2 is the production build, which
// neither freezes nor bans). In the development build every immutable object, array and Date is frozen
// and carries non-enumerable, read-only, non-configurable own properties: the methods (merge, set, setIn,
// ...) and, for each mutating method (push, sort, setTime, ...), a closure of its own that throws an
// ImmutableError (whose prototype is an Error instance). A store keeps every version of its state, the
// versions share the subtrees an update left alone, and each turn checks frozenness, sharing and the
// banned methods of versions made in earlier turns.
var out = function (s) { console.log(String(s)); };
var I = Immutable;
var versions = [];
var errors = [];
function state() { return versions[versions.length - 1]; }
function commit(s, why) { versions.push(s); out('v' + (versions.length - 1) + ' ' + why + ': ' + JSON.stringify(s)); }
function attempt(what, f) { try { f(); out(what + ': no error'); } catch (e) { errors.push(e); out(what + ': ' + (e instanceof Error) + ' ' + e.name + ' ' + e.message); } }
function props(o) { return Object.getOwnPropertyNames(o).filter(function (k) { return !/^\d+$/.test(k); }).sort().join(','); }
var steps = [
  function () {
    commit(I({ device: { id: 'th-1', fw: [1, 2, 0] }, readings: [{ t: 0, v: 20.5 }], config: { period: 60, units: 'C', limits: { lo: -10, hi: 50 } }, since: new Date(Date.UTC(2024, 0, 1)) }), 'initial');
    var s = state();
    out('immutable ' + I.isImmutable(s) + ' ' + I.isImmutable(s.readings) + ' frozen ' + Object.isFrozen(s) + ' ' + Object.isFrozen(s.readings) + ' ' + Object.isFrozen(s.since) + ' date ' + (s.since instanceof Date));
    out('object props ' + props(s));
    out('array props ' + props(s.readings));
    out('date props ' + props(s.since));
  },
  function () {
    var s = state();
    commit(s.setIn(['config', 'period'], 30).update('readings', function (r) { return r.concat([{ t: 30, v: 21 }]); }), 'period 30, one reading');
    var s1 = state();
    out('shared ' + (s1.device === s.device) + ' ' + (s1.config.limits === s.config.limits) + ' ' + (s1.config === s.config) + ' ' + (s1.readings[0] === s.readings[0]));
    attempt('push on v0 readings', function () { s.readings.push({ t: 1 }); });
    attempt('setTime on v0 date', function () { s.since.setTime(0); });
    attempt('assign on v0', function () { 'use strict'; s.config.period = 1; });
    s.config.period = 2;   // sloppy: ignored
    out('v0 period ' + s.config.period + ' ' + s.since.toISOString());
  },
  function () {
    var s = state();
    commit(s.merge({ config: { units: 'F', limits: { hi: 122 } } }, { deep: true }).without('since'), 'deep merge, without since');
    commit(state().set('readings', state().readings.map(function (r) { return r.merge({ v: r.v * 2 }); })), 'doubled');
    var m = state().asMutable({ deep: true });
    m.readings.push({ t: 60, v: 0 });
    out('mutable copy ' + Object.isFrozen(m) + ' ' + m.readings.length + ' state still ' + state().readings.length + ' ' + I.isImmutable(m.readings));
    attempt('sort on v2 readings', function () { state().readings.sort(function (a, b) { return a.t - b.t; }); });
    out('flatMap ' + JSON.stringify(I([1, 2, 3]).flatMap(function (x) { return [x, x * 10]; })) + ' asObject ' + JSON.stringify(I(['a', 'b']).asObject(function (k) { return [k, k.toUpperCase()]; })));
  },
  function () {
    var v0 = versions[0], v1 = versions[1];
    // (a frozen Date read unfrozen after a resume before 7d268c2: Object.isFrozen counts its internal
    // time value, which the snapshot did not describe)
    out('v0 still frozen ' + Object.isFrozen(v0) + ' ' + Object.isFrozen(v0.config.limits) + ' ' + Object.isFrozen(v0.since) + ' shared with v1 ' + (v0.device === v1.device) + ' ' + (v0.config.limits === v1.config.limits));
    out('v0 props ' + props(v0) + ' / ' + props(v0.readings) + ' / ' + JSON.stringify((Object.getOwnPropertyDescriptor(v0.readings, 'push') || {}).writable));
    attempt('unshift on v1 readings', function () { v1.readings.unshift(0); });
    attempt('setUTCFullYear on v1 since', function () { v1.since.setUTCFullYear(1999); });
    out('getIn ' + v1.getIn(['config', 'limits', 'hi']) + ' ' + v1.getIn(['nope', 'x'], 'default') + ' replace ' + JSON.stringify(v1.replace({ a: 1 }, { deep: true })));
    out('errors kept ' + errors.length + ' ' + errors.map(function (e) { return e.name + ':' + (e instanceof Error) + ':' + (typeof e.stack); }).join(' '));
  },
  function () {
    var s = state();
    commit(s.updateIn(['config', 'limits', 'lo'], function (x, by) { return x - by; }, 5).set('device', s.device.set('fw', s.device.fw.set(2, 1))), 'lo -15, fw 1.2.1');
    for (var i = 0; i < versions.length; i++) out('v' + i + ' ' + JSON.stringify(versions[i].config) + ' fw ' + versions[i].device.fw.join('.') + ' readings ' + versions[i].readings.length);
    out('equal ' + (versions[4].config.limits === versions[3].config.limits) + ' ' + (versions[4].readings === versions[3].readings) + ' static ' + typeof I.static.merge + ' ' + I.isImmutable(I.from({ x: [1] }).x));
  }
];
var n = 0;
function next() { steps[n++](); if (n < steps.length) setTimeout(next, 1); }
setTimeout(next, 1);
