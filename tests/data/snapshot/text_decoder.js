// TextDecoder objects live across turns (Duktape keeps their options in an
// internal buffer): a plain one, a fatal one that keeps the BOM, one with a
// property of its own, shared from two places. A streamed decode starts and
// ends within one turn, so every event-loop boundary finds them fresh.
var plain = new TextDecoder(), strict = new TextDecoder('utf8', { fatal: true, ignoreBOM: true });
var enc = new TextEncoder();
plain.label = 'plain';
var codecs = { list: [plain, strict], byName: { plain: plain } };
var words = ['caf\u00e9', '\u20ac5', '\ud83d\ude00!', 'na\u00efve', 'end'];
var turn = 0;

function show(s) {
	var codes = [];
	for (var i = 0; i < s.length; i++) codes.push(s.charCodeAt(i).toString(16));
	return s.length + ':' + codes.join('.');
}

var t = setInterval(function () {
	var w = words[turn++];
	var bytes = enc.encode(w);
	var withBom = new Uint8Array(bytes.length + 3);
	withBom.set([0xef, 0xbb, 0xbf]);
	withBom.set(bytes, 3);
	// streamed one byte at a time, finished in this turn
	var out = '';
	for (var i = 0; i < withBom.length; i++)
		out += codecs.byName.plain.decode(withBom.subarray(i, i + 1), { stream: true });
	out += plain.decode();
	console.log(turn, show(plain.decode(withBom)), show(strict.decode(withBom)), show(out),
	            codecs.list[0] === plain, plain.label, strict.fatal, strict.ignoreBOM, plain.fatal);
	try {   // a fresh one: Duktape leaves a decoder that threw half-way through a character
		new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0x61, 0xc3]));
	} catch (e) {
		console.log('  strict:', e.name);
	}
	console.log('  lenient:', show(plain.decode(new Uint8Array([0x61, 0xc3]))));
	if (turn === words.length)
		clearInterval(t);
}, 3);
