// IoT bench: periodic sampling of simulated sensors through per-sensor filter
// chains built from closures (moving average, exponential smoothing, median of
// five, hysteresis thresholds), driven by the event loop. Checks its own result.
var SENSORS = 8, SAMPLES = 6000, BATCH = 200;

function lcg(seed) {
	var s = seed >>> 0;
	return function () {
		s = (s * 1103515245 + 12345) % 2147483648;
		return s / 2147483648;
	};
}

function movingAverage(n) {
	var ring = [], sum = 0, pos = 0;
	return function (x) {
		if (ring.length < n) { ring.push(x); sum += x; }
		else { sum += x - ring[pos]; ring[pos] = x; pos = (pos + 1) % n; }
		return sum / ring.length;
	};
}

function smoother(alpha) {
	var y = null;
	return function (x) { y = y === null ? x : y + alpha * (x - y); return y; };
}

function median5() {
	var w = [];
	return function (x) {
		w.push(x); if (w.length > 5) w.shift();
		var s = w.slice().sort(function (a, b) { return a - b; });
		return s[s.length >> 1];
	};
}

function threshold(hi, lo, onAlert) {
	var raised = false, count = 0;
	return {
		feed: function (x, t) {
			if (!raised && x > hi) { raised = true; count++; onAlert("high", t, x); }
			else if (raised && x < lo) { raised = false; onAlert("clear", t, x); }
		},
		alerts: function () { return count; }
	};
}

function makeSensor(id) {
	var rnd = lcg(1000 + id * 7919), base = 20 + id, t = 0;
	var avg = movingAverage(16), smooth = smoother(0.125), med = median5();
	var log = { high: 0, clear: 0, last: 0 };
	var th = threshold(base + 2.2, base + 1.2, function (kind, when, x) {
		log[kind]++; log.last = when;
	});
	return {
		id: id,
		sample: function () {
			t++;
			var raw = base + 3 * (rnd() - 0.5) + ((t % 500) > 450 ? 4 : 0);
			var v = smooth(avg(med(raw)));
			th.feed(v, t);
			return v;
		},
		report: function () { return [id, th.alerts(), log.high, log.clear, log.last]; }
	};
}

var sensors = [];
for (var i = 0; i < SENSORS; i++) sensors.push(makeSensor(i));
var done = 0, acc = 0;

function step() {
	for (var b = 0; b < BATCH && done < SAMPLES; b++, done++)
		for (var k = 0; k < sensors.length; k++) acc += sensors[k].sample();
	if (done < SAMPLES) setImmediate(step);
	else finish();
}

function finish() {
	var alerts = 0, i, r;
	for (i = 0; i < sensors.length; i++) { r = sensors[i].report(); alerts += r[1] + r[3]; }
	var check = Math.round(acc * 1000) / 1000;
	console.log("iot_filters: samples=" + SAMPLES * SENSORS + " alerts=" + alerts + " sum=" + check);
	if (alerts !== EXPECT_ALERTS || check !== EXPECT_SUM) {
		console.log("iot_filters: WRONG RESULT");
		process.exit(1);
	}
}
var EXPECT_ALERTS = 184, EXPECT_SUM = 1146004.902;
setTimeout(step, 0);
