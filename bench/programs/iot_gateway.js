// IoT bench: a gateway aggregating readings from many nodes. Each node has its
// own periodic timer (setInterval), a debounced uploader (setTimeout re-armed on
// every change), and a bounded history; the gateway keeps per-room statistics
// in nested objects and arrays. Exercises timers, closures sharing state, and a
// heap that grows to a steady size. Checks its own result.
var NODES = 12, TICKS = 150;

function Stats() { this.n = 0; this.min = Infinity; this.max = -Infinity; this.sum = 0; this.hist = []; }
Stats.prototype.add = function (x) {
	this.n++; this.sum += x;
	if (x < this.min) this.min = x;
	if (x > this.max) this.max = x;
	this.hist.push(x); if (this.hist.length > 64) this.hist.shift();
};
Stats.prototype.mean = function () { return this.n ? this.sum / this.n : 0; };

var gateway = { rooms: {}, uploads: 0, uploaded: 0, log: [] };

function room(name) { return gateway.rooms[name] || (gateway.rooms[name] = { temp: new Stats(), hum: new Stats() }); }

function startNode(id) {
	var seed = id * 97 + 13, ticks = 0, pending = [], debounce = null;
	var where = room("room" + (id % 4));
	function next() { seed = (seed * 48271) % 2147483647; return seed / 2147483647; }
	function upload() {
		debounce = null;
		gateway.uploads++; gateway.uploaded += pending.length;
		gateway.log.push({ node: id, count: pending.length, last: pending[pending.length - 1] });
		if (gateway.log.length > 100) gateway.log.shift();
		pending = [];
	}
	var timer = setInterval(function () {
		var t = 18 + 8 * next(), h = 40 + 30 * next();
		where.temp.add(t); where.hum.add(h);
		pending.push(Math.round(t * 100) / 100);
		if (debounce !== null) clearTimeout(debounce);
		debounce = setTimeout(upload, (id % 3) + 1);
		if (++ticks === TICKS) {
			clearInterval(timer);
			if (debounce !== null) { clearTimeout(debounce); upload(); }
			nodeDone();
		}
	}, 1 + (id % 5));
}

var alive = NODES;
function nodeDone() {
	if (--alive) return;
	var names = Object.keys(gateway.rooms).sort(), out = [];
	for (var i = 0; i < names.length; i++) {
		var r = gateway.rooms[names[i]];
		out.push(names[i] + ":" + r.temp.n + ":" + r.temp.mean().toFixed(3) + ":" + r.hum.max.toFixed(3));
	}
	var line = "iot_gateway: " + out.join(" ") + " uploaded=" + gateway.uploaded;
	console.log(line);
	if (line !== EXPECT) { console.log("iot_gateway: WRONG RESULT"); process.exit(1); }
}
var EXPECT = "iot_gateway: room0:450:22.009:69.943 room1:450:22.098:69.915 room2:450:21.832:69.918 room3:450:22.099:69.921 uploaded=1800";
for (var n = 0; n < NODES; n++) startNode(n);
