// IoT bench: a fleet of devices, each a state machine driven by messages from a
// simulated radio link (text frames parsed, validated, dispatched to handlers
// registered on a small event emitter), with retry timers and JSON status
// reports. Checks its own result.
var DEVICES = 24, ROUNDS = 400;

function Emitter() { this.handlers = {}; }
Emitter.prototype.on = function (ev, fn) {
	(this.handlers[ev] || (this.handlers[ev] = [])).push(fn);
	return this;
};
Emitter.prototype.emit = function (ev) {
	var hs = this.handlers[ev], args = Array.prototype.slice.call(arguments, 1), n = 0;
	if (!hs) return 0;
	for (var i = 0; i < hs.length; i++) { hs[i].apply(this, args); n++; }
	return n;
};

var STATES = { IDLE: 0, JOINING: 1, ONLINE: 2, SLEEPING: 3, FAULT: 4 };

function Device(id, bus) {
	Emitter.call(this);
	this.id = id;
	this.state = STATES.IDLE;
	this.readings = 0;
	this.faults = 0;
	this.seq = 0;
	var self = this, retries = 0;
	this.on("join", function () {
		if (self.state === STATES.IDLE || self.state === STATES.FAULT) { self.state = STATES.JOINING; retries = 0; }
	});
	this.on("ack", function (seq) {
		if (self.state === STATES.JOINING && seq === self.seq) self.state = STATES.ONLINE;
	});
	this.on("data", function (value) {
		if (self.state !== STATES.ONLINE) return;
		self.readings += value;
		if (value > 90) { self.state = STATES.FAULT; self.faults++; bus.report(self); }
	});
	this.on("sleep", function () { if (self.state === STATES.ONLINE) self.state = STATES.SLEEPING; });
	this.on("wake", function () { if (self.state === STATES.SLEEPING) self.state = STATES.ONLINE; });
	this.on("timeout", function () {
		if (self.state === STATES.JOINING && ++retries > 2) { self.state = STATES.FAULT; self.faults++; }
	});
}
Device.prototype = Object.create(Emitter.prototype);
Device.prototype.constructor = Device;

function Bus() { this.devices = {}; this.reports = []; this.bad = 0; }
Bus.prototype.report = function (d) {
	this.reports.push(JSON.stringify({ id: d.id, state: d.state, faults: d.faults }));
};
Bus.prototype.deliver = function (frame) {
	// frame: "<id>|<cmd>|<arg>|<sum>" with sum = (id + len(cmd) + arg) % 97
	var parts = frame.split("|");
	if (parts.length !== 4) { this.bad++; return; }
	var id = parseInt(parts[0], 10), cmd = parts[1], arg = parseInt(parts[2], 10), sum = parseInt(parts[3], 10);
	if ((id + cmd.length + arg) % 97 !== sum || !this.devices[id]) { this.bad++; return; }
	this.devices[id].emit(cmd, arg);
};

var seed = 42;
function rnd(n) { seed = (seed * 16807) % 2147483647; return seed % n; }
var CMDS = ["join", "ack", "data", "data", "data", "sleep", "wake", "timeout", "data"];
var bus = new Bus(), i, round = 0;
for (i = 0; i < DEVICES; i++) bus.devices[i] = new Device(i, bus);

function frameFor(id) {
	var cmd = CMDS[rnd(CMDS.length)], arg = cmd === "ack" ? bus.devices[id].seq : rnd(100);
	var sum = (id + cmd.length + arg) % 97;
	if (rnd(50) === 0) sum = (sum + 1) % 97; // corrupted frame
	return id + "|" + cmd + "|" + arg + "|" + sum;
}

function tick() {
	for (var k = 0; k < 40; k++) bus.deliver(frameFor(rnd(DEVICES)));
	if (++round % 50 === 0) for (var id in bus.devices) bus.devices[id].emit("join");
	if (round < ROUNDS) setImmediate(tick); else finish();
}

function finish() {
	var states = [0, 0, 0, 0, 0], total = 0, faults = 0;
	for (var id in bus.devices) {
		var d = bus.devices[id];
		states[d.state]++; total += d.readings; faults += d.faults;
	}
	var line = "iot_statemachine: states=" + states.join(",") + " readings=" + total +
		" faults=" + faults + " bad=" + bus.bad + " reports=" + bus.reports.length;
	console.log(line);
	if (line !== EXPECT) { console.log("iot_statemachine: WRONG RESULT"); process.exit(1); }
}
var EXPECT = "iot_statemachine: states=0,3,11,10,0 readings=121390 faults=255 bad=323 reports=222";
setTimeout(tick, 0);
