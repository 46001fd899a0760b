// package: js-yaml@3.14.1 js-yaml/dist/js-yaml.js
// Driver for js-yaml 3 (browser dist prepended by tests/thirdparty.sh): load/safeLoad/dump of varied documents,
// a custom schema with custom types (constructors kept across turns), error messages with marks.
var out = function (s) { console.log(String(s)); };
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.norm2 = function () { return this.x * this.x + this.y * this.y; };
var PointType = new jsyaml.Type('!point', {
  kind: 'sequence',
  resolve: function (d) { return d !== null && d.length === 2; },
  construct: function (d) { return new Point(d[0], d[1]); },
  instanceOf: Point,
  represent: function (p) { return [p.x, p.y]; }
});
var schema = jsyaml.Schema.create([PointType]);
var docs = [
  'name: Ferry\nversion: 1.2\ntags: [iot, js, "migration"]\nnested:\n  a: 1\n  b: {c: [1, 2, {d: null}]}\n',
  '- &anchor {x: 1}\n- *anchor\n- ? complex key\n  : value\n- !!binary aGVsbG8=\n- 2001-12-14t21:59:43.10-05:00\n- 0x1F\n- .inf\n- ~\n',
  'text: |\n  line one\n  line two\nfolded: >\n  folded\n  text\nquoted: "tab\\tescape \\u263A"\n',
  'center: !point [3, 4]\npath: [!point [0, 0], !point [1, 1]]\n',
  'bad: [1, 2\nnext: x\n',
  '--- first\n--- {second: 2}\n--- [third]\n'
];
var loaded = [];
var i = 0;
var iv = setInterval(function () {
  var src = docs[i++];
  try {
    if (i === 6) {
      var all = [];
      jsyaml.loadAll(src, function (d) { all.push(d); });
      out('loadAll ' + JSON.stringify(all));
    } else {
      var d = jsyaml.load(src, { schema: schema });
      loaded.push(d);
      out('doc ' + i + ' ' + JSON.stringify(d));
      out(jsyaml.dump(d, { schema: schema, sortKeys: true, flowLevel: 2 }).replace(/\n/g, '\\n'));
    }
  } catch (e) {
    out('doc ' + i + ' ' + e.name + ': ' + e.message.replace(/\n/g, '\\n'));
  }
  if (i === docs.length) {
    clearInterval(iv);
    setTimeout(function () {
      var p = loaded[3].center;
      out('point ' + (p instanceof Point) + ' ' + p.norm2() + ' ' + loaded[3].path[1].norm2() + ' ' + (loaded[1][0] === loaded[1][1]));
      out(jsyaml.safeDump({ s: 'a: b', n: -0.5, l: ['x', 'y'], e: {}, m: 'multi\nline' }).replace(/\n/g, '\\n'));
      try { jsyaml.safeLoad('f: !!js/function "function () {}"'); } catch (e) { out('safeLoad refused: ' + e.message.split('\n')[0]); }
    }, 1);
  }
}, 2);
