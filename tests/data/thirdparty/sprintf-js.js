// package: sprintf-js@1.1.3 sprintf-js/src/sprintf.js
// prelude: var window = this;
// Driver for sprintf-js 1.1 (prepended by tests/thirdparty.sh, which finds its global through `window`):
// format specifiers, named and positional arguments, padding, precision; the parsed-format cache (module state)
// is filled across turns.
var out = function (s) { console.log(String(s)); };
var formats = [
  ['%d %i %s %5.2f %-6s| %06.1f %+d %x %X %o %b %e %c %%', [42, -7, 'str', 3.14159, 'left', 2.5, 5, 255, 255, 8, 5, 12345.678, 65]],
  ['%2$s %1$s %2$s', ['world', 'hello']],
  ['%(user.name)s is %(user.age)d, first pet %(pets[0])s', [{ user: { name: 'Ada', age: 36 }, pets: ['cat'] }]],
  ["%'*10s|%'#-10s|%.3s|%u|%t|%T|%j", ['pad', 'left', 'truncate', -1, true, [], { a: 1 }]],
  ['%g %g %v %.2e', [0.00001234, 123456789, 'valueOf', 0.000123]]
];
var i = 0;
var iv = setInterval(function () {
  var f = formats[i++];
  out(vsprintf(f[0], f[1]) + ' | ' + sprintf.apply(null, [f[0]].concat(f[1])).length);
  if (i === 3) { try { sprintf('%d', {}); out('no error'); } catch (e) { out('error ' + e.name + ': ' + e.message); } }
  if (i === formats.length) { clearInterval(iv); try { sprintf('%z'); } catch (e) { out('bad format: ' + e.message); } }
}, 2);
