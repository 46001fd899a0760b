// Duktape plain buffers (Duktape.dec, Uint8Array.plainOf/allocPlain) and the
// typed arrays no other program snapshots (Int8Array, Uint16Array,
// Uint32Array), shared and mutated across event-loop turns: a resume at any
// turn must print the rest as an uninterrupted run does.
var hex = Duktape.dec('hex', '414243');          // a fixed plain buffer
var b64 = Duktape.dec('base64', 'AAEC/w==');     // a dynamic one
var empty = Duktape.dec('hex', '');
var plainOf = Uint8Array.plainOf(new Uint8Array([9, 8, 7, 6]));
var alloc = Uint8Array.allocPlain(5);
var alias = hex;                                  // one buffer, two names
var holder = { a: hex, list: [b64, hex, empty, b64], nested: { again: b64 } };
Math.lastPayload = plainOf;                       // a patch of a built-in
var i8 = new Int8Array([-128, -1, 0, 127]);
var u16 = new Uint16Array([0, 1, 65535, 4660]);
var u32 = new Uint32Array(new ArrayBuffer(12), 4, 2);
u32[0] = 4294967295;
var i8b = new Int8Array(u16.buffer, 2, 4);        // shares u16's bytes

function counter(buf) {                           // a plain buffer captured in a closure
  var n = 0;
  return function () { buf[n % buf.length] ^= 0xff; n++; return Duktape.enc('hex', buf); };
}
var flip = counter(b64);

function hx(b) { return Duktape.enc('hex', b); }
function info(b) {
  var i = Duktape.info(b);
  return typeof b + ' ' + Object.prototype.toString.call(b) + ' type=' + i.type + ' variant=' + i.variant +
         ' len=' + b.length + ' ext=' + Object.isExtensible(b) + ' proto=' + (Object.getPrototypeOf(b) === Uint8Array.prototype) +
         ' names=' + Object.getOwnPropertyNames(b).join(',');
}
function digest(turn) {
  var out = [];
  out.push(info(hex) + ' | ' + info(b64) + ' | ' + info(empty) + ' | ' + info(plainOf) + ' | ' + info(alloc));
  out.push(hx(hex) + ' ' + hx(b64) + ' [' + hx(empty) + '] ' + hx(plainOf) + ' ' + hx(alloc) + ' ' + String(hex) + ' ' + JSON.stringify(b64));
  out.push((alias === hex) + ' ' + (holder.a === hex) + ' ' + (holder.list[0] === b64) + ' ' +
           (holder.list[3] === holder.nested.again) + ' ' + (holder.list[1] === alias) + ' ' +
           (Math.lastPayload === plainOf) + ' ' + (holder.list[2] === empty) + ' ' + (holder.list[0] === hex));
  out.push(hex.foo + ' ' + ('foo' in hex) + ' ' + hex.byteLength + ' ' + hex.BYTES_PER_ELEMENT + ' ' + (hex instanceof Uint8Array));
  out.push(Array.prototype.join.call(i8) + ' / ' + Array.prototype.join.call(u16) + ' / ' +
           Array.prototype.join.call(u32) + ' / ' + Array.prototype.join.call(i8b) + ' ' +
           Object.prototype.toString.call(i8) + Object.prototype.toString.call(u16) + Object.prototype.toString.call(u32) +
           ' ' + u32.byteOffset + ' ' + (i8b.buffer === u16.buffer));
  console.log('turn ' + turn + ': ' + out.join('\n  '));
}

function later(turn, buf, other) {               // plain buffers as timer arguments
  console.log('later ' + turn + ': ' + hx(buf) + ' ' + (buf === b64) + ' ' + (other === empty) + ' ' + hx(other));
}

var turn = 0;
function step() {
  digest(turn);
  turn++;
  alias[turn % 3] = 0x60 + turn;                  // seen through hex and holder.a
  holder.list[3][turn % 4] = turn * 40;           // seen through b64
  hex.foo = turn;                                 // ignored by Duktape: no own properties
  Math.lastPayload[turn % 4] += turn;
  alloc[turn % 5] = 255 - turn;
  i8[turn % 4] -= turn * 50;
  u16[turn % 4] += turn * 20000;
  u32[turn % 2] += 1;
  i8b[turn % 4] = -turn;
  console.log('flip ' + flip());
  if (turn % 3 == 1)
    setTimeout(later, 2, turn, b64, empty);
  if (turn < 7) {
    if (turn % 2) setTimeout(step, 5);
    else setImmediate(step);
  } else {
    console.log('done');
  }
}
setTimeout(step, 1);
