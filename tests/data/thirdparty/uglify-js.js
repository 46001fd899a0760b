// package: uglify-js@2.8.29 uglify-js/lib/utils.js+uglify-js/lib/ast.js+uglify-js/lib/parse.js+uglify-js/lib/transform.js+uglify-js/lib/scope.js+uglify-js/lib/output.js+uglify-js/lib/compress.js+uglify-js/lib/propmangle.js
// may-refuse-all: a function without a site tag
// Driver for UglifyJS 2.8 (prepended by tests/thirdparty.sh; its lib/ files are plain scripts that
// share globals, concatenated in the order of tools/node.js): a 10,000-line ES5 compiler. The driver
// parses a program in one turn and keeps the AST (thousands of objects made by its DEFNODE
// constructors), then runs scope analysis, the compressor, a TreeWalker and a TreeTransformer, name
// and property mangling and the code generator in later turns, on the AST that migrated.
var out = function (s) { console.log(String(s)); };
var source = [
  'var DEBUG = false, VERSION = "1." + "2";',
  'function Sensor(name, rate) { this.name = name; this.rate = rate || 10; this._readings = []; }',
  'Sensor.prototype.read = function (value) {',
  '  if (DEBUG) { console.log("read", value); }',
  '  var clamped = value < 0 ? 0 : value > 100 ? 100 : value;',
  '  this._readings.push(clamped);',
  '  return this._readings.length > this.rate ? this._readings.shift() : undefined;',
  '};',
  'Sensor.prototype.average = function () {',
  '  var sum = 0, i;',
  '  for (i = 0; i < this._readings.length; i++) { sum = sum + this._readings[i]; }',
  '  return this._readings.length === 0 ? NaN : sum / this._readings.length;',
  '};',
  'function unused(a, b) { return a * b; }',
  'var report = (function () {',
  '  var count = 0, label = "report";',
  '  function fmt(x) { return label + " #" + (++count) + ": " + x.toFixed(2); }',
  '  return function (s) { if (!(s instanceof Sensor)) throw new TypeError("not a sensor"); return fmt(s.average()); };',
  '})();',
  'var s = new Sensor("t1", 3);',
  '[12, 250, -4, 33, 47].forEach(function (v) { s.read(v); });',
  'if (typeof window !== "undefined" && window.document) { window.sensor = s; } else { result = report(s) + " v" + VERSION; }',
  'while (false) { never(); }',
  'switch (s.rate) { case 1: x = "one"; break; case 3: x = "three"; break; default: x = "many"; }'
].join('\n');
var ast = null, compressed = null, warnings = [];
var turn = 0;
function code(node, opts) { return node.print_to_string(opts || {}); }
function step() {
  turn++;
  if (turn === 1) {
    ast = UglifyJS_parse(source, { filename: 'sensor.js' });
    var counts = {};
    ast.walk(new TreeWalker(function (node) { counts[node.TYPE] = (counts[node.TYPE] || 0) + 1; }));
    out('parsed ' + ast.body.length + ' statements; ' + Object.keys(counts).sort().map(function (k) { return k + '=' + counts[k]; }).join(' '));
    ['var = 1;', 'function (a) {}', 'x = "unterminated', 'a +* b', 'return 1', 'for (var i in) {}'].forEach(function (bad) {
      try { UglifyJS_parse(bad); out('parsed?! ' + bad); } catch (e) { out('parse error ' + (e instanceof JS_Parse_Error) + ' ' + e.line + ':' + e.col + ' ' + e.message); }
    });
  } else if (turn === 2) {
    ast.figure_out_scope();
    var globals = [];
    ast.globals.each(function (def, name) { globals.push(name); });
    out('globals ' + globals.sort().join(' '));
    var compressor = Compressor({ warnings: true, unsafe: true, passes: 2, global_defs: { DEBUG: false } });
    AST_Node.warn_function = function (w) { warnings.push(w); };
    compressed = ast.transform(compressor);
    out('compressed ' + code(compressed).length + ' bytes (from ' + source.length + ')');
    warnings.forEach(function (w) { out('warn ' + w); });
  } else if (turn === 3) {
    compressed.figure_out_scope();
    compressed.compute_char_frequency();
    compressed.mangle_names({ toplevel: true });
    out('mangled ' + code(compressed));
    out('original ' + code(ast, { beautify: true, indent_level: 2, comments: false }).split('\n').slice(0, 6).join(' / '));
  } else if (turn === 4) {
    var renamer = new TreeTransformer(function (node, descend) {
      if (node instanceof AST_Number && node.value === 100) return new AST_Number({ start: node.start, end: node.end, value: 99 });
      if (node instanceof AST_String) { descend(node, this); return new AST_String({ start: node.start, end: node.end, value: node.value.toUpperCase() }); }
    });
    var changed = ast.transform(renamer);
    out('transformed ' + code(changed, { beautify: false, quote_style: 1 }).length + ' ' + code(changed).indexOf('"REPORT"'));
    var props = mangle_properties(UglifyJS_parse('var o = { _readings: 1, rate: 2 }; o._readings += o.rate; o["_x"] = o._readings;'), { regex: /^_/ });
    out('properties ' + code(props));
    out('ascii ' + code(UglifyJS_parse('s = "\\u00e9\\u2028\\ud83d\\ude00"; re = /[\\u00e9]/;'), { ascii_only: true }));
  }
  if (turn < 4) setTimeout(step, 1); else out('done');
}
// lib/parse.js defines the global `parse`; keep a name that says whose it is
var UglifyJS_parse = parse;
setTimeout(step, 1);
