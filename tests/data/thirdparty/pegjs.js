// package: pegjs@0.7.0 pegjs/lib/peg.js
// may-refuse-all: eval, with or a write through `arguments` makes its scope dynamic
// Driver for PEG.js 0.7 (prepended by tests/thirdparty.sh; the last release whose npm package is one
// file): a parser generator. PEG.buildParser compiles a grammar to JavaScript source and loads it with a
// direct `eval` inside the library's own scope, so that scope is dynamic and no snapshot can carry the
// library (refused, one line, and the program runs on: that is what this checks, with plain ==
// instrumented on the library's code generator and the parsers it makes). Parsers built in one turn
// are used in later ones; the generated parsers report errors with positions and expectations.
var out = function (s) { console.log(String(s)); };
var parsers = {};
var turn = 0;
var grammars = {
  arith: [
    'start = _ e:additive _ { return e; }',
    'additive = l:multiplicative _ op:[+-] _ r:additive { return op === "+" ? l + r : l - r; } / multiplicative',
    'multiplicative = l:primary _ op:[*/] _ r:multiplicative { return op === "*" ? l * r : l / r; } / primary',
    'primary = integer / "(" _ a:additive _ ")" { return a; } / "-" p:primary { return -p; }',
    'integer "integer" = d:[0-9]+ { return parseInt(d.join(""), 10); }',
    '_ "whitespace" = [ \\t]*'
  ].join('\n'),
  json: [
    '{ var depth = 0; }',
    'value = object / array / string / number / "true" { return true; } / "false" { return false; } / "null" { return null; }',
    'object = "{" ws m:members? ws "}" { var o = {}; (m || []).forEach(function (p) { o[p[0]] = p[1]; }); return o; }',
    'members = h:pair t:(ws "," ws p:pair { return p; })* { return [h].concat(t); }',
    'pair = k:string ws ":" ws v:value { return [k, v]; }',
    'array = "[" ws h:value? t:(ws "," ws v:value { return v; })* ws "]" { return h === "" ? [] : [h].concat(t); }',
    'string "string" = "\\"" c:[^"]* "\\"" { return c.join(""); }',
    'number "number" = s:"-"? d:[0-9]+ f:("." [0-9]+)? { return parseFloat(s + d.join("") + (f ? "." + f[1].join("") : "")); }',
    'ws = [ \\n]*'
  ].join('\n'),
  tracked: [
    'start = items:item+ { return { items: items, end: offset }; }',
    'item = w:[a-z]+ " "? { return w.join("") + "@" + offset; }'
  ].join('\n')
};
function tryParse(name, text) {
  try { return JSON.stringify(parsers[name].parse(text)); }
  catch (e) { return e.name + ' at ' + e.line + ':' + e.column + ' (offset ' + e.offset + '): ' + e.message; }
}
function step() {
  turn++;
  if (turn === 1) {
    out('PEG ' + PEG.VERSION);
    parsers.arith = PEG.buildParser(grammars.arith);
    out('arith ' + ['1 + 2 * 3', '(1 + 2) * 3', '2 * (3 - -4) / 7', '10 - 4 - 3'].map(function (t) { return tryParse('arith', t); }).join(' '));
  } else if (turn === 2) {
    parsers.json = PEG.buildParser(grammars.json, { cache: true });
    out('json ' + tryParse('json', '{"a": [1, -2.5, {"b": false}], "c": "x y", "d": true}'));
    out('arith error ' + tryParse('arith', '1 + (2 *'));
  } else if (turn === 3) {
    out('json error ' + tryParse('json', '{"a": [1, 2}'));
    out('json start rule ' + JSON.stringify(parsers.json.parse('[1, [2, []]]', 'array')));
    ['start = a:"x" a:"y"', 'start = undefinedRule', 'start = "unterminated', 'start = (a'].forEach(function (g) {
      try { PEG.buildParser(g); out('built ' + JSON.stringify(g)); } catch (e) { out('grammar error ' + e.name + ': ' + e.message); }
    });
  } else if (turn === 4) {
    try { parsers.tracked = PEG.buildParser(grammars.tracked); out('tracked ' + tryParse('tracked', 'ab cd ef')); } catch (e) { out('tracked grammar ' + e.name + ': ' + e.message); }
    out('arith again ' + tryParse('arith', '6 * 7'));
  }
  if (turn < 4) setTimeout(step, 1); else out('done');
}
setTimeout(step, 1);
