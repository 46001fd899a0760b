// package: semver@5.7.2 semver/semver.js
// prelude: var module = { exports: {} }, exports = module.exports;
// Driver for node-semver 5.7 (prepended by tests/thirdparty.sh; CommonJS, so the prelude gives it a
// `module`): parsing, comparing, ranges and their desugaring, increments, over several turns on a
// registry of SemVer and Range objects kept in the heap (its regexp table is built at load time and
// must migrate with the objects that use it).
var semver = module.exports;
var out = function (s) { console.log(String(s)); };
var registry = {};   // package -> array of SemVer objects, published turn by turn
var ranges = {};     // consumer -> Range object
var turn = 0;
function publish(name, versions) {
  (registry[name] = registry[name] || []).push.apply(registry[name], versions.map(function (v) { return new semver.SemVer(v, true); }));
}
function resolve(label) {
  out('-- ' + label);
  Object.keys(ranges).sort().forEach(function (c) {
    var r = ranges[c], pkg = c.split(':')[0];
    var vs = registry[pkg].map(String);
    out(c + ' ' + r.range + ' -> ' + semver.maxSatisfying(vs, r) + ' (min ' + semver.minSatisfying(vs, r) + ')');
  });
}
function step() {
  turn++;
  if (turn === 1) {
    publish('core', ['1.0.0', '1.0.1', '1.1.0-beta.1', '1.1.0-beta.2', '1.1.0', ' =v1.2.3 ', '2.0.0-rc.1', '2.0.0']);
    publish('net', ['0.1.0', '0.1.5', '0.2.0', '0.2.1-alpha', '1.0.0']);
    out('valid ' + ['1.2.3', 'v1.2.3', '1.2', '1.2.3-0', '01.2.3', '1.2.3+build.7', 'x'].map(function (v) { return semver.valid(v); }).join(' '));
    out('clean ' + semver.clean('  =v2.3.4  ') + ' coerce ' + semver.coerce('v3.1 beta') + ' ' + semver.coerce('42.6.7.9.3-alpha'));
    var sorted = registry.core.slice().sort(semver.compare);
    out('sorted ' + sorted.join(' '));
    out('rsort ' + semver.rsort(registry.net.map(String)).join(' '));
    ranges['core:app'] = new semver.Range('^1.0.0');
    ranges['core:beta'] = new semver.Range('>=1.1.0-beta.1 <1.1.0', { includePrerelease: false });
    ranges['net:svc'] = new semver.Range('~0.1.2 || ^0.2.0');
    resolve('turn 1');
  } else if (turn === 2) {
    publish('core', ['1.3.0', '1.10.0', '2.1.0-alpha.0']);
    publish('net', ['0.2.5', '0.3.0']);
    ranges['core:edge'] = new semver.Range('1.x || >=2.1.0-alpha <3', true);
    ranges['net:old'] = new semver.Range('0.1.0 - 0.2.0');
    resolve('turn 2');
    out('desugared ' + ['^0.0.3', '^1.2.x', '~1', '1.2 - 2.3.4', '*', '>1.2', '<=1.2', 'x.x.x || 2.*'].map(function (r) { return semver.validRange(r); }).join(' | '));
  } else if (turn === 3) {
    var v = new semver.SemVer('1.2.3');
    ['prerelease', 'prepatch', 'patch', 'preminor', 'minor', 'premajor', 'major', 'prerelease'].forEach(function (t) {
      v.inc(t, 'rc'); out('inc ' + t + ' ' + v.version);
    });
    out('diff ' + [['1.2.3', '1.2.4'], ['1.2.3', '2.0.0-pre'], ['1.2.3-1', '1.2.3'], ['1.2.3', '1.2.3']].map(function (p) { return semver.diff(p[0], p[1]); }).join(' '));
    out('cmp ' + [semver.gt('1.10.0', '1.9.9'), semver.lt('1.0.0-alpha.10', '1.0.0-alpha.9'), semver.eq('1.0.0+a', '1.0.0+b'),
      semver.cmp('1.0.0', '!=', '1.0.1'), semver.gtr('3.0.0', '^2'), semver.ltr('0.9.0', '^1'), semver.outside('2.0.0', '~1.2', '>')].join(' '));
    out('intersects ' + ranges['core:app'].intersects(new semver.Range('>=1.5.0')) + ' ' + semver.intersects('^1', '^2'));
    out('parts ' + semver.major('4.5.6') + semver.minor('4.5.6') + semver.patch('4.5.6') + ' ' + JSON.stringify(semver.prerelease('1.0.0-rc.1.x')));
  } else if (turn === 4) {
    publish('core', ['1.99.0']);
    delete ranges['core:beta'];
    resolve('turn 4');
    try { new semver.SemVer('nope'); } catch (e) { out('error ' + e.name + ': ' + e.message); }
    try { semver.inc('1.2.3', 'sideways') === null && out('inc bad null'); } catch (e) { out('inc error ' + e.message); }
  }
  if (turn < 4) setTimeout(step, 1); else out('done');
}
setTimeout(step, 1);
