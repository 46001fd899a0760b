// tests/conformance-es5.js -- the "is this ES5?" oracle of the parser
// conformance harness (tests/conformance.sh), run with node.
//
//   node conformance-es5.js NODE_MODULES_DIR < list-of-files
//
// Parses each file with acorn (installed by the harness next to the corpus)
// as an ECMAScript 5 script and prints one line per file:
//     es5<TAB>FILE
//     es2015<TAB>FILE<TAB>acorn's message
// acorn's ES5 mode is close to, but not exactly, ES5.1: it accepts Annex B
// HTML-like comments and newer Unicode identifier characters, and checks few
// regular expression rules. tests/data/conformance-exceptions.txt lists the
// cases where that matters.
'use strict';
const fs = require('fs');
const path = require('path');

const acorn = require(path.join(process.argv[2], 'acorn'));
const files = fs.readFileSync(0, 'utf8').split('\n').filter(Boolean);
const out = [];
for (const f of files) {
	const src = fs.readFileSync(f, 'utf8');
	try {
		acorn.parse(src, { ecmaVersion: 5, sourceType: 'script' });
		out.push('es5\t' + f);
	} catch (e) {
		out.push('es2015\t' + f + '\t' + String(e.message).replace(/[\t\r\n]/g, ' '));
	}
}
process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
