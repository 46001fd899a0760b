// Closure-heavy event-driven app: an event emitter, per-device handlers and
// middleware chains built from closures, debounced and throttled callbacks,
// request/response correlation through callback maps, all driven by
// setTimeout/setImmediate over many event-loop turns. Checks its totals.
// Arg: scale.
var SCALE = (typeof process === "object" && process.argv && Number(process.argv[2])) || 1;

function Emitter() {
  var handlers = {};
  return {
    on: function (ev, fn) { (handlers[ev] || (handlers[ev] = [])).push(fn); },
    off: function (ev, fn) {
      var l = handlers[ev] || [];
      for (var i = 0; i < l.length; i++) if (l[i] === fn) { l.splice(i, 1); return; }
    },
    emit: function (ev, a, b) {
      var l = handlers[ev];
      if (!l) return 0;
      for (var i = 0; i < l.length; i++) l[i](a, b);
      return l.length;
    }
  };
}

function compose(middlewares) {
  return function (msg, done) {
    var idx = -1;
    function next(i) {
      idx = i;
      if (i === middlewares.length) return done(msg);
      middlewares[i](msg, function () { next(i + 1); });
    }
    next(0);
  };
}

function counterMw(stats, key) {
  return function (msg, next) { stats[key] = (stats[key] || 0) + 1; next(); };
}
function scaleMw(factor) {
  return function (msg, next) { msg.value = msg.value * factor; next(); };
}
function clampMw(lo, hi) {
  return function (msg, next) { if (msg.value < lo) msg.value = lo; else if (msg.value > hi) msg.value = hi; next(); };
}

function lcg(seed) {
  var s = seed >>> 0;
  return function () { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
}

function makeDevice(id, bus, stats) {
  var rnd = lcg(id * 7919 + 1);
  var reading = 0, sent = 0, acks = 0;
  var pending = {};
  var nextReq = 1;
  function request(value, cb) {
    var rid = id + ":" + nextReq++;
    pending[rid] = cb;
    bus.emit("req", rid, value);
  }
  bus.on("res", function (rid, result) {
    var cb = pending[rid];
    if (cb) { delete pending[rid]; cb(result); }
  });
  return {
    tick: function () {
      reading = reading * 0.9 + rnd() * 10;
      sent++;
      request(reading, function (r) { acks++; stats.sum += r; });
    },
    report: function () { return { id: id, sent: sent, acks: acks, open: Object.keys(pending).length }; }
  };
}

var stats = { sum: 0 };
var bus = Emitter();
var pipeline = compose([counterMw(stats, "in"), scaleMw(3), clampMw(0, 25), counterMw(stats, "out")]);
bus.on("req", function (rid, value) {
  setImmediate(function () {
    pipeline({ value: value }, function (msg) { bus.emit("res", rid, Math.round(msg.value * 100) / 100); });
  });
});

function debounce(fn, turns) {
  var waiting = false, count = 0;
  return function () {
    count++;
    if (waiting) return;
    waiting = true;
    setTimeout(function () { waiting = false; fn(count); }, turns);
  };
}
var flushes = 0, lastCount = 0;
var onData = debounce(function (n) { flushes++; lastCount = n; }, 2);
bus.on("res", function () { onData(); });

var devices = [];
for (var d = 0; d < 16; d++) devices.push(makeDevice(d + 1, bus, stats));

var ROUNDS = Math.max(5, Math.round(150 * SCALE)), round = 0;
function step() {
  for (var i = 0; i < devices.length; i++) devices[i].tick();
  round++;
  if (round < ROUNDS) setTimeout(step, 0);
  else setTimeout(finish, 5);
}
function finish() {
  var sent = 0, acks = 0, open = 0;
  devices.forEach(function (dev) { var r = dev.report(); sent += r.sent; acks += r.acks; open += r.open; });
  if (sent !== ROUNDS * 16 || acks !== sent || open !== 0 || stats["in"] !== sent || stats.out !== sent)
    throw new Error("WRONG RESULT: closure_events: bad totals " + [sent, acks, open, stats["in"], stats.out].join(","));
  /* debounce flushes depend on real time: only their existence is printed */
  console.log("closure_events ok " + ROUNDS + " rounds, " + sent + " requests, sum " + stats.sum.toFixed(2) +
              ", flushes " + (flushes > 0 && lastCount > 0));
}
setTimeout(step, 0);
