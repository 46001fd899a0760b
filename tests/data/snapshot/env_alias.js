// Environments across turns when functions that make closures read an
// enclosing environment through a local alias (three uses or more, the
// environment of a tag counted): a per-device state, a debouncer, and a
// middleware chain whose inline environments carry the step index.
function device(id) {
  var reading = 0, sent = 0, acks = 0, pending = {};
  function request(v, cb) { pending[id + ':' + sent] = cb; return v; }
  return {
    tick: function () {
      reading = reading * 0.5 + id;
      sent++;
      return request(reading, function (r) { acks++; return r + acks; });
    },
    flush: function () {
      var out = [];
      for (var k in pending) { out.push(pending[k](sent)); delete pending[k]; }
      return out.join(',') + ' acks ' + acks;
    }
  };
}
function debounce(fn) {
  var waiting = false, count = 0;
  return function () {
    count++;
    if (waiting) return;
    waiting = true;
    setTimeout(function () { waiting = false; fn(count); }, 1);
  };
}
function compose(steps) {
  return function (msg, done) {
    var trail = [];
    function next(i) {
      trail.push(i);
      if (i === steps.length) return done(msg + ' via ' + trail.join(''));
      steps[i](msg, function () { next(i + 1); });
    }
    next(0);
  };
}
var devs = [device(1), device(2)];
var flushed = [];
var onData = debounce(function (n) { flushed.push(n); });
var pipe = compose([function (m, k) { k(); }, function (m, k) { k(); }]);
var turn = 0, held = [];
function step() {
  var got = devs.map(function (d) { return d.tick(); });
  onData();
  pipe('m' + turn, function (s) { held.push(s); });
  console.log('turn ' + turn + ': ' + got.join(' ') + ' | ' + devs.map(function (d) { return d.flush(); }).join(' | ') +
              ' | ' + held.length + ' ' + held[held.length - 1] + ' | flushed ' + flushed.join(','));
  turn++;
  if (turn < 6) setTimeout(step, 2);
}
setTimeout(step, 0);
