// demo/sensor.js -- an IoT-style sensor node for Ferry's live-migration demo
// (ES5: it runs on the device runtime, Duktape 2.7).
// A simulated temperature sensor (its own deterministic PRNG plus a slow
// drift), a moving average, threshold alerts with a re-arm delay, a heartbeat
// and a periodic report: several timers and closures, all of which move with
// the program when it migrates.
function makePrng(seed) {
  var s = seed;
  return function () {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function makeSensor(name, base, prng) {
  var drift = 0;
  return {
    name: name,
    read: function () {
      drift += (prng() - 0.45) * 0.8;
      return Math.round((base + drift + (prng() - 0.5) * 3) * 10) / 10;
    }
  };
}

function movingAverage(size) {
  var win = [], sum = 0;
  return function (x) {
    win.push(x);
    sum += x;
    if (win.length > size) sum -= win.shift();
    return sum / win.length;
  };
}

var sensor = makeSensor('greenhouse-1', 24, makePrng(2024));
var average = movingAverage(5);
var stats = { readings: 0, alerts: 0, min: Infinity, max: -Infinity };
var HIGH = 25.0, LOW = 23.8;
var armed = true;
var beats = 0;

function raise(kind, value, avg) {
  stats.alerts++;
  console.log('  ALERT #' + stats.alerts + ' ' + kind + ': ' + value + ' C, average ' + avg.toFixed(2));
  armed = false;
  setTimeout(function () {
    armed = true;
    console.log('  (alerts re-armed)');
  }, 900);
}

function report() {
  console.log('-- report: ' + stats.readings + ' readings, min ' + stats.min + ' max ' + stats.max +
              ', ' + stats.alerts + ' alerts, ' + beats + ' heartbeats');
}

var heartbeat = setInterval(function () { beats++; }, 500);

var sampler = setInterval(function () {
  var v = sensor.read();
  var avg = average(v);
  stats.readings++;
  if (v < stats.min) stats.min = v;
  if (v > stats.max) stats.max = v;
  console.log('reading ' + stats.readings + ' from ' + sensor.name + ': ' + v + ' C, average ' + avg.toFixed(2));
  if (armed && avg > HIGH) raise('HIGH', v, avg);
  else if (armed && avg < LOW) raise('LOW', v, avg);
  if (stats.readings % 10 === 0) report();
  if (stats.readings === 40) {
    clearInterval(sampler);
    clearInterval(heartbeat);
    setTimeout(function () {
      console.log('== done: ' + stats.readings + ' readings, ' + stats.alerts + ' alerts ==');
    }, 1000);
  }
}, 150);
