// Sensor sampler: one sampling tick reads three sensors at different rates
// (temp every tick, humidity every 2nd, CO2 every 3rd), a moving average per
// sensor, an exponentially weighted average of temperature, a min/max
// report every 10 ticks and a threshold alarm with hysteresis.
function lcg(seed) {
  var s = seed >>> 0;
  return function () { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
}
function Window(n) { this.n = n; this.buf = []; this.sum = 0; }
Window.prototype.add = function (x) {
  this.buf.push(x); this.sum += x;
  if (this.buf.length > this.n) this.sum -= this.buf.shift();
  return this.avg();
};
Window.prototype.avg = function () { return this.buf.length ? this.sum / this.buf.length : NaN; };

var rnd = lcg(42);
var ewma = null, alarm = false, tick = 0;
var sensors = ['temp', 'hum', 'co2'].map(function (name, i) {
  var base = [21.5, 48, 410][i], drift = 0;
  return {
    name: name, every: i + 1, window: new Window(4 + i), min: Infinity, max: -Infinity, samples: 0,
    read: function () { drift += (rnd() - 0.45) * base * 0.01; return Math.round((base + drift + (rnd() - 0.5) * base * 0.05) * 100) / 100; }
  };
});
var sampler = setInterval(function () {
  tick++;
  sensors.forEach(function (s) {
    if (tick % s.every) return;
    var v = s.read(), a = s.window.add(v);
    s.samples++;
    if (v < s.min) s.min = v;
    if (v > s.max) s.max = v;
    if (s.name === 'temp') {
      ewma = ewma === null ? v : ewma * 0.8 + v * 0.2;
      if (!alarm && ewma > 22.2) { alarm = true; console.log('ALARM temp ewma %s', ewma.toFixed(2)); }
      else if (alarm && ewma < 21.9) { alarm = false; console.log('alarm cleared at tick %d', tick); }
    }
    console.log('%d %s v=%s avg=%s', tick, s.name, v.toFixed(2), a.toFixed(3));
  });
  if (tick % 10 === 0)
    console.log('report', sensors.map(function (s) { return s.name + ' ' + s.samples + ' [' + s.min + '..' + s.max + ']'; }).join(', '), 'ewma', ewma.toFixed(3));
  if (tick === 36) { clearInterval(sampler); console.log('done'); }
}, 4);
