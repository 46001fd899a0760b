// integrity.js: Object.isFrozen/isSealed/isExtensible, and the writes they
// govern, stay what they were across a resume for objects whose Duktape-
// internal keys count there too: a TextDecoder's state, a Date's value, an
// error's traceback (Error objects and error-subclass instances), a bound
// function's and a function's tags; arrays (whose length Duktape keeps
// apart) and typed arrays (which cannot be frozen) for comparison. (A sealed
// function whose own properties are all read-only is frozen in plain
// Duktape, not in an instrumented build: its site tag stays writable.)
function MyErr(m) { this.message = m; }
MyErr.prototype = Object.create(Error.prototype);
MyErr.prototype.name = 'MyErr';
function level(o) {
	return (Object.isFrozen(o) ? 'F' : '-') + (Object.isSealed(o) ? 'S' : '-') + (Object.isExtensible(o) ? 'X' : '-');
}
// a sloppy write, a strict one, a defineProperty and a delete of key k
function writes(o, k, v) {
	var r = '';
	try { o[k] = v; r += o[k] === v ? 'w' : 'n'; } catch (e) { r += 'T'; }
	try { (function () { 'use strict'; o[k] = v; })(); r += o[k] === v ? 'w' : 'n'; } catch (e) { r += e.name[0]; }
	try { Object.defineProperty(o, k, { value: v, writable: true, configurable: true }); r += 'd'; } catch (e) { r += e.name[0]; }
	try { r += delete o[k] ? 'x' : 'k'; } catch (e) { r += e.name[0]; }
	return r;
}
function lines(s) { return String(s).split('\n').length; }
var fn = function f() {};
var named = new TextDecoder();
named.label = 'l';
var objs = {
	tdFrozen: Object.freeze(new TextDecoder()),
	tdSealed: Object.seal(new TextDecoder('utf-8', { fatal: true })),
	tdNoExt: Object.preventExtensions(new TextDecoder()),
	tdNamed: Object.seal(named),
	dateFrozen: Object.freeze(new Date(86400000)),
	dateSealed: Object.seal(new Date(0)),
	dateNoExt: Object.preventExtensions(new Date(1)),
	errFrozen: Object.freeze(new Error('f')),
	errSealed: Object.seal(new TypeError('s')),
	errBare: Object.seal(new Error()),
	errNoExt: Object.preventExtensions(new RangeError('p')),
	subFrozen: Object.freeze(new MyErr('mf')),
	subSealed: Object.seal(new MyErr('ms')),
	subNoExt: Object.preventExtensions(new MyErr('mp')),
	subLater: new MyErr('ml'),   // sealed in turn 2 (its message deleted in turn 1)
	errLater: new Error('el'),
	boundSealed: Object.seal(fn.bind(null)),
	boundFrozen: Object.freeze(fn.bind(null, 1)),
	fnSealed: Object.seal(fn),
	arrFrozen: Object.freeze([1, 2]),
	u8Sealed: Object.seal(new Uint8Array(2)),
	objFrozen: Object.freeze({ a: 1 })
};
var keys = Object.keys(objs);
var turn = 0;
var t = setInterval(function () {
	turn++;
	if (turn === 2)
		Object.seal(objs.subLater) && Object.seal(objs.errLater);
	if (turn === 3) {   // their tracebacks stay writable: not frozen
		Object.defineProperty(objs.subSealed, 'message', { writable: false });
		Object.defineProperty(objs.errSealed, 'message', { writable: false });
	}
	console.log(turn, keys.map(function (k) { return k + ':' + level(objs[k]); }).join(' '));
	keys.forEach(function (k) {
		var o = objs[k];
		var extra = o instanceof Error ? lines(o.stack) + ' ' + String(o) : '';
		// the key 'message' on errors, an own one elsewhere or a new one
		console.log('  ', k, writes(o, 'x' + turn, turn), writes(o, o instanceof Error ? 'message' : 'a', turn), extra);
	});
	console.log('  ', objs.tdFrozen.decode(new Uint8Array([0x61])), objs.tdSealed.fatal, objs.tdNamed.label,
	            objs.dateFrozen.getTime(), objs.arrFrozen.length, objs.boundFrozen.length);
	if (turn === 3)
		clearInterval(t);
}, 2);
