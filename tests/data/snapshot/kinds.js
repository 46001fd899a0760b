// Every value kind a snapshot carries, mutated across event-loop turns; each
// turn prints a digest, so a resume at any turn must reproduce the rest.
var nums = [0, -0, NaN, Infinity, -Infinity, 0.1 + 0.2, 1e21, 5e-324, -1.7976931348623157e308];
var strs = ['', 'plain', 'lone \ud800 high', 'lone \udc00 low', 'pair \ud83d\ude00', 'nul\u0000byte', '\u00e9\u4e2d'];
var special = { u: undefined, n: null, t: true, f: false };
var holes = [1, , 3];
holes[10] = 'ten';
holes.length = 12;
var date = new Date(86400000 * 365.25 * 30);
var badDate = new Date(NaN);
var re = /a(b+)c/gi;
var err = new RangeError('out of range');
err.code = 42;
var boxed = [new Boolean(false), new Number(-0), new String('box')];
var s1 = Symbol('one'), s2 = Symbol(), sg = Symbol.for('global.key');
var withSyms = {};
withSyms[s1] = 'v1';
withSyms[sg] = 'vg';
withSyms[Symbol.iterator] = 'it';
var ab = new ArrayBuffer(16);
var u8 = new Uint8Array(ab, 4, 8);
var i32 = new Int32Array(ab, 8, 2);
var dv = new DataView(ab, 0, 4);
var f32 = new Float32Array([1.5, -2.25, NaN]);
var buf = new Buffer(4);
var frozen = Object.freeze({ k: 'frozen', inner: { m: 1 } });
var sealed = Object.seal([1, 2, 3]);
var noext = Object.preventExtensions({ p: 1 });
var ro = {};
Object.defineProperty(ro, 'hidden', { value: 'h', enumerable: false, writable: false, configurable: false });
Object.defineProperty(ro, 'visible', { value: 'v', enumerable: true, writable: true, configurable: false });
var bare = Object.create(null);
bare.k = 'bare';
var refs = { math: Math, floor: Math.floor, json: JSON, log: console.log, glob: this };
var cyc = { name: 'cyc' };
cyc.self = cyc;
cyc.list = [cyc, holes, cyc];

function str(s) {
  var r = '';
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    r += (c < 32 || c > 126) ? '\\u' + (0x10000 + c).toString(16).slice(1) : s.charAt(i);
  }
  return r;
}
function num(n) { return (n === 0 && 1 / n < 0) ? '-0' : String(n); }
function keys(o) {
  return Object.getOwnPropertyNames(o).concat(Object.getOwnPropertySymbols(o).map(String)).join(',');
}

function digest(turn) {
  var out = [];
  out.push(nums.map(num).join(' '));
  out.push(strs.map(str).join('|'));
  out.push(String(special.u) + ' ' + special.n + ' ' + special.t + ' ' + special.f + ' ' + ('u' in special));
  out.push(holes.length + ' ' + (1 in holes) + ' ' + holes[10] + ' ' + keys(holes));
  out.push(date.toISOString() + ' ' + isNaN(badDate.getTime()));
  out.push(re.source + ' ' + re.flags + ' ' + re.lastIndex + ' ' + String(re.exec('xxabbcabc')) + ' ' + re.lastIndex);
  out.push(err.name + ' ' + err.message + ' ' + err.code + ' ' + (err instanceof RangeError) + ' ' + String(err));
  out.push(boxed.map(function (b) { return typeof b + ':' + num(b.valueOf()); }).join(' '));
  out.push(String(withSyms[s1]) + withSyms[sg] + withSyms[Symbol.iterator] + ' ' + (Symbol.keyFor(sg)) +
           ' ' + String(s1) + String(s2) + ' ' + (s1 === s1) + keys(withSyms));
  out.push(Array.prototype.join.call(u8) + ' / ' + Array.prototype.join.call(i32) + ' / ' + dv.getUint16(1) +
           ' / ' + Array.prototype.join.call(f32) + ' / ' + Array.prototype.join.call(buf) + ' ' +
           Buffer.isBuffer(buf) + ' ' + (u8.buffer === i32.buffer));
  out.push(Object.isFrozen(frozen) + ' ' + Object.isFrozen(frozen.inner) + ' ' + Object.isSealed(sealed) +
           ' ' + Object.isExtensible(noext) + ' ' + keys(ro) + ' ' + JSON.stringify(Object.getOwnPropertyDescriptor(ro, 'hidden')));
  out.push(Object.getPrototypeOf(bare) + ' ' + bare.k + ' ' + (refs.math === Math) + (refs.floor === Math.floor) +
           (refs.json === JSON) + (refs.log === console.log) + (refs.glob === this));
  out.push((cyc.self === cyc) + ' ' + (cyc.list[2] === cyc) + ' ' + (cyc.list[1] === holes));
  console.log('turn ' + turn + ': ' + out.join('\n  '));
}

var turn = 0;
function step() {
  digest(turn);
  turn++;
  // mutate a little of everything
  nums.push(turn / 3);
  strs[turn % strs.length] += '\ud801';
  holes[turn + 20] = turn;
  date.setTime(date.getTime() + 1000);
  u8[turn % 8] = 250 + turn;
  i32[turn % 2] = -turn * 1000;
  dv.setInt8(turn % 4, -turn);
  buf[turn % 4] = turn;
  f32[turn % 3] = turn / 4;
  withSyms[s2] = turn;
  err.message += '!';
  cyc.list.push(turn);
  if (turn < 6) {
    if (turn % 2) setTimeout(step, 5);
    else setImmediate(step);
  } else {
    console.log('done');
  }
}
setTimeout(step, 1);
