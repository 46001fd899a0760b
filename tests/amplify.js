// tests/amplify.js -- rewrites an ES5 program without changing what it
// does, in ways that make ferryc's instrumentation work harder (used by
// tests/amplify.sh). Usage: node amplify.js ACORN_DIR MODES < in.js > out.js
// MODES is a combination of letters:
//   S  wrap the whole program in a function, so that its top-level names
//      become a function's variables: (function () { ... }).call(this);
//   W  in every function body (and catch body), after the directive
//      prologue, a closure that never runs writes every binding of the
//      function:  ; if (0) (function () { a = a; b = b; });
//   R  the same closure only reads them:  ; if (0) (function () { return [a, b]; });
//   A  in every function body, a write through arguments that never runs:
//      ; if (0) arguments[0] = arguments[0];
//   P  every identifier reference in parentheses, glued to a word before
//      it: `typeof x` -> `typeof(x)`, `return x` -> `return(x)`, `f(x)` -> `(f)((x))`
//      (not where a statement starts: a `(` there would continue the line before)
// A program acorn cannot parse as ES5 is written out unchanged.
'use strict';
var acorn = require(process.argv[2] + '/acorn');
var modes = process.argv[3] || 'W';
var src = require('fs').readFileSync(0, 'utf8');
if (modes.indexOf('S') >= 0)
	src = '(function () {' + src + '\n}).call(this);\n';
var ast;
try {
	ast = acorn.parse(src, { ecmaVersion: 5, sourceType: 'script' });
} catch (e) {
	process.stdout.write(src);
	process.exit(0);
}
var has = function (m) { return modes.indexOf(m) >= 0; };
var edits = [];   // [position, text, order at one position, bytes removed before]
var stmtStarts = {};

function children(node, fn) {
	Object.keys(node).forEach(function (k) {
		var v = node[k];
		if (Array.isArray(v))
			v.forEach(function (c) { if (c && typeof c.type === 'string') fn(c, node, k); });
		else if (v && typeof v.type === 'string')
			fn(v, node, k);
	});
}
function isFunction(n) {
	return n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression';
}
// the var and function declarations of one function body, not of inner functions
function declared(node, names) {
	if (node.type === 'VariableDeclarator') names.push(node.id.name);
	if (node.type === 'FunctionDeclaration') { names.push(node.id.name); return; }
	if (node.type === 'FunctionExpression') return;
	children(node, function (c) { declared(c, names); });
}
function atBodyStart(body, names, isFunc) {
	var text = '';
	names = names.filter(function (n, i) {
		return n !== 'arguments' && n !== 'eval' && names.indexOf(n) === i;
	});
	if (names.length && has('W'))
		text += '; if (0) (function () { ' + names.map(function (n) { return n + ' = ' + n + ';'; }).join(' ') + ' });';
	else if (names.length && has('R'))
		text += '; if (0) (function () { return [' + names.join(', ') + ']; });';
	if (isFunc && has('A'))
		text += '; if (0) arguments[0] = arguments[0];';
	if (!text)
		return;
	var pos = body.start + 1;
	for (var i = 0; i < body.body.length; i++) {
		var s = body.body[i];
		if (s.type !== 'ExpressionStatement' || s.directive === undefined)
			break;
		pos = s.end;
	}
	edits.push([pos, text, 0, 0]);
}
// an identifier that is a reference: not a declaration, label or property name
function isReference(n, parent, key) {
	if (n.type !== 'Identifier' || n.name === 'eval' || n.name === 'arguments')
		return false;
	if (parent.type === 'MemberExpression' && key === 'property' && !parent.computed) return false;
	if (parent.type === 'Property' && key === 'key') return false;
	if (parent.type === 'VariableDeclarator' && key === 'id') return false;
	if (isFunction(parent) && (key === 'id' || key === 'params')) return false;
	if (parent.type === 'CatchClause' && key === 'param') return false;
	if (/^(Labeled|Break|Continue)Statement$/.test(parent.type) && key === 'label') return false;
	return true;
}
function walk(node, parent, key) {
	if (node.type === 'ExpressionStatement')
		stmtStarts[node.start] = true;
	if (isFunction(node)) {
		var names = node.params.map(function (p) { return p.name; });
		if (node.type === 'FunctionExpression' && node.id)
			names.push(node.id.name);
		node.body.body.forEach(function (s) { declared(s, names); });
		atBodyStart(node.body, names, true);
	}
	if (node.type === 'CatchClause')
		atBodyStart(node.body, [node.param.name], false);
	if (has('P') && parent && isReference(node, parent, key) && !stmtStarts[node.start]) {
		var glue = node.start >= 2 && src[node.start - 1] === ' ' && /[A-Za-z0-9_$]/.test(src[node.start - 2]);
		edits.push([node.start, '(', 1, glue ? 1 : 0]);
		edits.push([node.end, ')', -1, 0]);
	}
	children(node, walk);
}
walk(ast, null, null);
// from the end; at one position a `)` goes before a `(`
edits.sort(function (a, b) { return b[0] - a[0] || b[2] - a[2]; });
var out = src;
edits.forEach(function (e) {
	out = out.slice(0, e[0] - e[3]) + e[1] + out.slice(e[0]);
});
process.stdout.write(out);
