// An event emitter with on/once/off, wildcard topics (RegExp), handlers that
// close over private counters, and delivery via setImmediate.
function Bus() { this.subs = {}; this.patterns = []; this.delivered = 0; }
Bus.prototype.on = function (topic, fn) {
  if (topic.indexOf('*') >= 0) {
    var re = new RegExp('^' + topic.replace(/\./g, '\\.').replace(/\*/g, '[^.]+') + '$');
    this.patterns.push({ re: re, fn: fn });
  } else (this.subs[topic] = this.subs[topic] || []).push(fn);
  var self = this;
  return function off() {
    var l = self.subs[topic]; if (l) { var i = l.indexOf(fn); if (i >= 0) l.splice(i, 1); }
    self.patterns = self.patterns.filter(function (p) { return p.fn !== fn; });
  };
};
Bus.prototype.once = function (topic, fn) {
  var off = this.on(topic, function g() { off(); fn.apply(this, arguments); });
  return off;
};
Bus.prototype.emit = function (topic, payload) {
  var self = this;
  setImmediate(function () {
    var list = (self.subs[topic] || []).slice();
    self.patterns.forEach(function (p) { if (p.re.test(topic)) list.push(p.fn); });
    list.forEach(function (fn) { self.delivered++; fn.call({ topic: topic }, payload); });
  });
};
var bus = new Bus();
function counter(label) {
  var n = 0;
  return function (p) { n++; console.log(label + ' #' + n + ' ' + this.topic + ' ' + JSON.stringify(p)); };
}
var offAll = bus.on('sensor.*.temp', counter('any-temp'));
bus.on('sensor.kitchen.temp', counter('kitchen'));
bus.once('alarm', function (p) { console.log('ALARM once:', p.level); });
bus.on('alarm', counter('alarm-log'));
var tick = 0;
var src = setInterval(function () {
  tick++;
  bus.emit(tick % 2 ? 'sensor.kitchen.temp' : 'sensor.garage.temp', { t: tick, v: 20 + tick % 5 });
  if (tick % 4 === 0) bus.emit('alarm', { level: tick / 4 });
  if (tick === 6) { offAll(); console.log('unsubscribed wildcard'); }
  if (tick === 12) { clearInterval(src); setTimeout(function () { console.log('delivered', bus.delivered); }, 5); }
}, 3);
