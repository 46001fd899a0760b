// Buffer objects over the same memory keep sharing it across a migration.
// Duktape gives a view and its subarray (or a Node Buffer and its slice)
// one plain buffer; reading `.buffer` of each makes an ArrayBuffer object
// over the start of that memory (byteLength = the view's end), a different
// object per view unless the subarray was made after the first read.
var u8 = new Uint8Array(16);
var mid = u8.subarray(4, 12);             // shares u8's memory
var tail = mid.subarray(2);               // a subarray of a subarray
var u16 = new Uint16Array(u8.buffer, 8, 2);
var early = u8.buffer;                     // read before the next subarray
var late = u8.subarray(1, 3);              // takes u8's ArrayBuffer along
var i32 = new Int32Array(8);
var part = i32.subarray(2, 6);
var f64 = new Float64Array(4);
var fpart = f64.subarray(1, 2);
var dv = new DataView(mid.buffer, 3, 4);   // over mid's ArrayBuffer
var nb = new Buffer(10);
nb.fill(0);
var sl = nb.slice(2, 8);
var sl2 = sl.slice(1, 3);
var empty = u8.subarray(5, 5);
var keep = { views: [mid, tail], bufs: [sl2, sl] };
// plain buffers are that memory: Uint8Array.plainOf of a live view, and
// ArrayBuffers made over a plain buffer (a new one at each `.buffer`)
var under = Uint8Array.plainOf(u8);
var pb = Duktape.dec('hex', '0a0b0c0d0e'), pbuf = pb.buffer, pv = new Uint8Array(pbuf, 1, 3);
var dyn = Duktape.dec('base64', 'AQIDBA=='), dv2 = new DataView(dyn.buffer, 2);

function show(tag) {
	console.log(tag, Array.prototype.join.call(u8, ','));
	console.log('  mid', Array.prototype.join.call(mid, ','), 'tail', Array.prototype.join.call(tail, ','),
	            'late', late[0], late[1], 'u16', u16[0], u16[1]);
	console.log('  i32', Array.prototype.join.call(i32, ','), 'part', part.length, part[0], part[3]);
	console.log('  f64', f64[1], fpart[0], 'dv', dv.getUint16(0), dv.getInt8(3));
	console.log('  nb', Array.prototype.join.call(nb, ','), 'sl', sl.length, sl[0], 'sl2', sl2[0], sl2[1]);
	console.log('  buffers', mid.buffer.byteLength, tail.buffer.byteLength, late.buffer === early,
	            mid.buffer === u8.buffer, mid.buffer === mid.buffer, dv.buffer === mid.buffer,
	            sl.buffer.byteLength, sl2.byteOffset, empty.length, empty.byteOffset,
	            keep.views[1].byteOffset);
	console.log('  plain', under[4], under.length, Array.prototype.join.call(pb, ','),
	            Array.prototype.join.call(pv, ','), Array.prototype.join.call(dyn, ','),
	            dv2.getUint16(0), pbuf === pb.buffer, Duktape.info(dyn).variant, Duktape.info(pb).variant);
}

var step = 0;
var t = setInterval(function () {
	step++;
	mid[step] = step * 10;                 // seen in u8, tail, dv, late
	tail[0] += step;
	u16[1] = step * 257;
	late[1] = step;
	part[step % 4] = -step;                // seen in i32
	fpart[0] = step / 4;                   // seen in f64[1]
	dv.setUint8(1, 200 + step);
	sl[step % 6] = step;                   // seen in nb and maybe sl2
	sl2[0] = 100 + step;
	under[5] += 2;                         // seen in mid[1]
	pv[step % 3] = step;                   // seen in pb
	pb[0] = pbuf.byteLength + step;
	dv2.setUint8(1, step);                 // seen in dyn[3]
	show('step ' + step);
	if (step === 5) {
		clearInterval(t);
		u8.set([9, 9, 9], 6);              // set() through the parent
		setTimeout(function () { show('end'); }, 1);
	}
}, 5);
show('start');
