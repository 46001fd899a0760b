// package: urijs@1.19.11 urijs/src/punycode.js+urijs/src/IPv6.js+urijs/src/SecondLevelDomains.js+urijs/src/URI.js+urijs/src/URITemplate.js
// prelude: var self = this;
// Driver for URI.js 1.19 (URL parsing and building; its UMD sources find punycode, IPv6 and
// SecondLevelDomains as globals, which the concatenation defines first): URI objects are mutated over
// several turns (query maps, paths, hosts, IDN and IPv6 hosts, relative/absolute resolution), their
// parts cache (`_parts`, `_string` rebuilt lazily, `_deferred_build`) is migrated half-built; URI
// templates are expanded with values that change; global settings (escapeQuerySpace, duplicate query
// parameters) are changed between turns.
var out = function (s) { console.log(String(s)); };
var base = new URI('https://user:pa%20ss@www.Example.CO.uk:8443/a/b/c/../d.html?x=1&y=2&y=3&empty=&flag#frag');
var rel = URI('../up/here.php?q=two+words#h');
var idn = new URI('http://müller.example/straße?ä=ö');
var v6 = new URI('http://[2001:DB8:0000:0000:0000:0000:0000:0001]:80/');
var mailto = new URI('mailto:ann@example.org?subject=Hello%20there&cc=bob@example.org');
var urn = URI('urn:isbn:0451450523');
var tmpl = new URITemplate('https://api.test/{version}/devices{/id*}{?fields*,limit}{&page}{#section}');
var vars = { version: 'v1', id: ['lamp', 'x y'], fields: { name: 'n', state: 's' }, limit: 10 };
var built = new URI('');
var turn = 0;
function parts(u) {
  return [u.protocol(), u.username(), u.hostname(), u.port(), u.subdomain(), u.domain(), u.tld(), u.directory(), u.filename(), u.suffix()].join('|');
}
function step() {
  out('turn ' + turn + ' base ' + base.toString());
  out('  parts ' + parts(base) + ' query ' + JSON.stringify(base.query(true)) + ' is ' + base.is('absolute') + base.is('idn') + base.is('sld'));
  if (turn === 0) {
    base.addQuery('z', ['a b', 'c&d']).removeQuery('flag').setQuery('x', '10').normalizePath();
    built.protocol('ftp').hostname('files.test').path('/pub/').filename('list.txt').addSearch({ sort: 'name', dir: 'asc' });
  } else if (turn === 1) {
    out('  abs ' + rel.absoluteTo(base).toString() + ' rel ' + new URI('https://www.example.co.uk:8443/a/x/y.html').relativeTo(base.toString()).toString());
    base.hostname('shop.example.co.jp').port('').fragment('');
    URI.escapeQuerySpace = false;
    URI.duplicateQueryParameters = true;
    base.addQuery('y', '2');
  } else if (turn === 2) {
    out('  idn ' + idn.normalize().toString() + ' ' + idn.readable() + ' ' + punycode.toUnicode(idn.hostname()));
    out('  v6 ' + v6.normalize().toString() + ' ' + IPv6.best('fe80:0000:0000:0000:0204:61ff:fe9d:f156') + ' ' + v6.is('ip6'));
    out('  mailto ' + JSON.stringify(mailto.query(true)) + ' ' + mailto.path() + ' urn ' + urn.is('urn') + ' ' + urn.path());
    URI.escapeQuerySpace = true;
    base.segment(['a', 'b c', 'd.html']).segment(1, 'B');
  } else if (turn === 3) {
    vars.page = turn;
    vars.section = 'top';
    out('  template ' + tmpl.expand(vars) + ' | ' + new URITemplate('{+path}/here{?q}').expand({ path: '/foo/bar', q: 'a b' }));
    vars.id.push('3');
    out('  template ' + tmpl.expand(function (k) { return k === 'limit' ? 99 : vars[k]; }));
    base.search(function (data) { data.added = 'yes'; delete data.empty; });
  } else {
    out('  equals ' + base.equals(base.clone().query({}).query(base.query(true)).toString()) +
      ' sld ' + SecondLevelDomains.get('example.co.jp') + ' ' + SecondLevelDomains.has('foo.co.uk') +
      ' encode ' + URI.encode('ä b/c') + ' ' + URI.decodeQuery('a+b%20c') + ' ' + URI.encodeReserved('a b/?#c'));
    out('  parse ' + JSON.stringify(URI.parse('git+ssh://git@host.test:22/r.git')) + ' build ' + URI.build({ protocol: 'http', hostname: 'h.test', path: '/p' }));
    out('  withinString ' + URI.withinString('see http://a.test/x, and www.b.test/y. done', function (u) { return '<' + u + '>'; }));
  }
  built.setSearch('turn', String(turn)).hash(turn % 2 ? 'odd' : '');
  out('  built ' + built.toString() + ' ' + JSON.stringify(built.search(true)));
  turn++;
  if (turn < 5) setTimeout(step, 1);
}
setTimeout(step, 1);
