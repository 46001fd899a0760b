// package: papaparse@4.6.3 papaparse/papaparse.js
// Driver for Papa Parse 4 (5 uses Array.prototype.includes, which Duktape lacks) (prepended by tests/thirdparty.sh): CSV parsing with headers, dynamic typing, quotes,
// custom delimiters, error rows, step callbacks and unparse; parsed rows kept and extended across turns.
var out = function (s) { console.log(String(s).replace(/\r?\n/g, '\\n')); };
var csvs = [
  'name,age,city\nAda,36,"London, UK"\nAlan,41,"Wilmslow"\n',
  'a;b;c\n1;2;3\n"quoted ""x""";4.5;true\n',
  'x,y\n1,2\n3\n4,5,6\n"unterminated,7\n',
  'id\tvalue\n1\t\n2\tnull\n'
];
var rows = [];
var n = 0;
var iv = setInterval(function () {
  var csv = csvs[n++];
  var r = Papa.parse(csv, { header: n !== 2, dynamicTyping: true, skipEmptyLines: true, delimiter: n === 2 ? ';' : '' });
  rows = rows.concat(r.data);
  out('csv ' + n + ' delimiter ' + JSON.stringify(r.meta.delimiter) + ' fields ' + JSON.stringify(r.meta.fields) + ' data ' + JSON.stringify(r.data) + ' errors ' + JSON.stringify(r.errors.map(function (e) { return e.type + '/' + e.code + '@' + e.row; })));
  if (n === 3) {
    var stepped = [];
    Papa.parse('s1,s2\n10,20\n30,40', { step: function (res) { stepped.push(res.data.join('+')); }, complete: function () { out('stepped ' + stepped.join(' ')); } });
  }
  if (n === csvs.length) {
    clearInterval(iv);
    setTimeout(function () {
      out('unparse ' + Papa.unparse(rows.filter(function (r) { return r.name; })));
      out('unparse2 ' + Papa.unparse({ fields: ['q', 'w'], data: [['a,b', 'c"d'], [1, null]] }, { quotes: [true, false], newline: '\n' }));
    }, 1);
  }
}, 2);
