// package: estraverse@4.3.0 esprima/dist/esprima.js+estraverse/estraverse.js
// also: esprima@4.0.1
// prelude: var self = this, exports = {}, require = function (path) { return { version: '4.3.0 (' + path + ')' }; };
// Driver for estraverse 4.3 (ECMAScript AST traversal; its CommonJS file is given an `exports`, and a
// `require` that stands in for its require('./package.json')) over
// ASTs made by Esprima 4 (UMD, `this.esprima`): a source is parsed once, then one pass per turn walks it
// with a Controller (enter/leave visitors that skip, break, and keep their own scope stack), replace()
// rewrites it (constant folding, renaming, removal), and custom node types are walked with keys and
// a fallback. The AST (with ranges and locations) and the renaming tables live between turns.
var estraverse = exports, esprima = exports.esprima;   // both UMD files export to the prelude's `exports`
var out = function (s) { console.log(String(s)); };
var source = [
  'var total = 2 * 3 + 4;',
  'function area(w, h) { var unused = 1; return w * h; }',
  'var sq = function (x) { return area(x, x); };',
  'if (DEBUG) { console.log("debug " + (10 - 2 * 3)); }',
  'for (var i = 0; i < 3; i++) { total += sq(i) * (1 + 1); }',
  'label: while (true) { break label; }',
  'var obj = { get g() { return this.v; }, set g(x) { this.v = x; } };'
].join('\n');
var ast = esprima.parseScript(source, { range: true, loc: true });
var renames = {};
var next = 0;
function gen(node) {
  // a small printer for expressions, enough to show the rewrites
  switch (node.type) {
  case 'Literal': return JSON.stringify(node.value);
  case 'Identifier': return node.name;
  case 'BinaryExpression': case 'LogicalExpression': return '(' + gen(node.left) + node.operator + gen(node.right) + ')';
  case 'CallExpression': return gen(node.callee) + '(' + node.arguments.map(gen).join(',') + ')';
  case 'MemberExpression': return gen(node.object) + (node.computed ? '[' + gen(node.property) + ']' : '.' + gen(node.property));
  case 'AssignmentExpression': return gen(node.left) + node.operator + gen(node.right);
  case 'UpdateExpression': return node.prefix ? node.operator + gen(node.argument) : gen(node.argument) + node.operator;
  case 'ThisExpression': return 'this';
  default: return '<' + node.type + '>';
  }
}
var passes = [
  function census() {
    var counts = {}, depth = 0, maxDepth = 0, scopes = [];
    estraverse.traverse(ast, {
      enter: function (node, parent) {
        counts[node.type] = (counts[node.type] || 0) + 1;
        depth++; if (depth > maxDepth) maxDepth = depth;
        if (/Function/.test(node.type)) scopes.push((node.id && node.id.name) || 'anon@' + node.loc.start.line);
      },
      leave: function () { depth--; }
    });
    return 'census ' + Object.keys(counts).sort().map(function (k) { return k + ':' + counts[k]; }).join(' ') + ' depth ' + maxDepth + ' functions ' + scopes.join(',');
  },
  function skipAndBreak() {
    var seen = [];
    var ctl = new estraverse.Controller();
    ctl.traverse(ast, {
      enter: function (node) {
        if (node.type === 'FunctionDeclaration') return estraverse.VisitorOption.Skip;
        if (node.type === 'Identifier') seen.push(node.name + '@' + this.parents().length);
        if (node.type === 'LabeledStatement') { this.notify(estraverse.VisitorOption.Break); }
      }
    });
    return 'identifiers before the label, outside area() ' + seen.join(' ');
  },
  function fold() {
    var folded = 0;
    ast = estraverse.replace(ast, {
      leave: function (node) {
        if (node.type === 'BinaryExpression' && node.left.type === 'Literal' && node.right.type === 'Literal' && typeof node.left.value === 'number') {
          folded++;
          var v = { '+': node.left.value + node.right.value, '-': node.left.value - node.right.value, '*': node.left.value * node.right.value }[node.operator];
          if (v !== undefined) return { type: 'Literal', value: v, raw: String(v), range: node.range, loc: node.loc };
        }
      }
    });
    return 'folded ' + folded + ' -> ' + gen(ast.body[0].declarations[0].init) + ' | ' + gen(ast.body[3].consequent.body[0].expression);
  },
  function rename() {
    estraverse.traverse(ast, {
      enter: function (node, parent) {
        if (node.type === 'Identifier' && !(parent.type === 'MemberExpression' && parent.property === node && !parent.computed) && parent.type !== 'Property') {
          if (!renames[node.name]) renames[node.name] = '_' + (next++).toString(36);
          node.name = renames[node.name];
        }
      }
    });
    return 'renamed ' + Object.keys(renames).map(function (k) { return k + '>' + renames[k]; }).join(' ') + ' | ' + gen(ast.body[4].body.body[0].expression);
  },
  function prune() {
    var removed = [];
    ast = estraverse.replace(ast, {
      enter: function (node, parent) {
        if (node.type === 'IfStatement' && node.test.type === 'Identifier') { removed.push('if@' + node.loc.start.line); return this.remove(); }
        if (node.type === 'VariableDeclaration' && parent && parent.type === 'BlockStatement' && node.declarations[0].init && node.declarations[0].init.type === 'Literal') { removed.push('var@' + node.loc.start.line); this.remove(); }
      }
    });
    return 'removed ' + removed.join(',') + ' statements ' + ast.body.length + ' body of area ' + ast.body[1].body.body.length;
  },
  function custom() {
    ast.body.push({ type: 'Annotation', note: { type: 'Literal', value: 'note' }, target: { type: 'Identifier', name: 'custom' } });
    var names = [];
    estraverse.traverse(ast, { keys: { Annotation: ['note', 'target'] }, enter: function (node) { if (node.type === 'Identifier' || node.type === 'Literal') names.push(node.name || node.value); } });
    var n2 = 0;
    estraverse.traverse(ast, { fallback: 'iteration', enter: function () { n2++; } });
    return 'custom keys ' + names.slice(-3).join(',') + ' fallback nodes ' + n2 + ' attachComments ' + typeof estraverse.attachComments + ' ' + estraverse.version;
  }
];
var turn = 0;
function step() {
  out('turn ' + turn + ' ' + passes[turn]());
  turn++;
  if (turn < passes.length) setTimeout(step, 1);
  else out('ranges kept ' + ast.body[0].range.join('-') + ' ' + ast.body[ast.body.length - 2].loc.start.line);
}
setTimeout(step, 1);
