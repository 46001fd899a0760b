// Built-ins whose internal state must survive a move: Date, a global RegExp
// mid-scan (lastIndex), typed arrays sharing one ArrayBuffer, a DataView,
// Buffer, JSON with a reviver, accessors, frozen/sealed objects,
// non-enumerable and non-writable properties, Symbol keys, prototypes.
var epoch = new Date(Date.UTC(2026, 11, 7, 8, 30, 0));
var re = /(\w+)=(\d+)/g;
var text = 'a=1 bb=22 ccc=333 d=4 e=55 f=6';
var ab = new ArrayBuffer(16);
var u8 = new Uint8Array(ab), u32 = new Uint32Array(ab, 4, 2), dv = new DataView(ab);
var buf = Buffer.from ? Buffer.from('hi') : new Buffer('hi');
var cfg = JSON.parse('{"a":1,"when":"2026-01-02T03:04:05.000Z","n":[1,2]}', function (k, v) {
  return k === 'when' ? new Date(v) : v;
});
var frozen = Object.freeze({ k: 'v', inner: { m: 1 } });
var sealed = Object.seal({ s: 1 });
var sym = Symbol('tag');
function Temp(c) { this._c = c; }
Object.defineProperty(Temp.prototype, 'f', { get: function () { return this._c * 9 / 5 + 32; },
  set: function (f) { this._c = (f - 32) * 5 / 9; }, enumerable: false });
var t = new Temp(20);
t[sym] = 'symbolic';
Object.defineProperty(t, 'hidden', { value: 42, enumerable: false, writable: false });
var acc = { _n: 0, get n() { return this._n; }, set n(v) { this._n = v * 2; } };
var step = 0;
var iv = setInterval(function () {
  step++;
  var m = re.exec(text);
  console.log('step', step, 'match', m ? m[1] + ':' + m[2] : null, 'lastIndex', re.lastIndex);
  u8[step % 16] = step * 17;
  u32[step % 2] += 0x01010101;
  dv.setInt16(14, -step, true);
  console.log('  bytes', Array.prototype.join.call(u8, ','), 'u32', u32[0], u32[1], 'i16', dv.getInt16(14, true));
  var d = new Date(epoch.getTime() + step * 3600e3);
  console.log('  date', d.toISOString(), d.getUTCDay(), cfg.when.getUTCFullYear(), cfg.when instanceof Date);
  t.f = t.f + 1; acc.n = step;
  console.log('  temp', t._c.toFixed(3), t.f.toFixed(3), t[sym], t.hidden, Object.keys(t).join(','), acc.n);
  frozen.k = 'changed'; frozen.inner.m++; sealed.s++; sealed.x = 1; t.hidden = 0;
  console.log('  frozen', Object.isFrozen(frozen), frozen.k, frozen.inner.m, Object.isSealed(sealed), sealed.s, sealed.x, t.hidden);
  buf[0]++;
  console.log('  buf', buf.toString(), buf.length, JSON.stringify(cfg), JSON.stringify(u8.subarray(0, 4)));
  if (step === 8) clearInterval(iv);
}, 2);
