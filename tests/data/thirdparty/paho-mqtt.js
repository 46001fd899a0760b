// package: paho-mqtt@1.1.0 paho-mqtt/paho-mqtt.js paho-mqtt/paho-mqtt-min.js
// prelude: var self = this;
// Driver for the Eclipse Paho MQTT JavaScript client 1.1 (prepended by tests/thirdparty.sh), the browser
// MQTT client of many IoT dashboards. It talks MQTT 3.1.1 over a WebSocket: here a WebSocket of ours
// that hands the frames to a small in-program broker (CONNECT, SUBSCRIBE, UNSUBSCRIBE, PUBLISH at QoS 0, 1
// and 2 with PUBACK / PUBREC-PUBREL-PUBCOMP, PINGREQ, DISCONNECT) and delivers the broker's answers
// later, one per timer, in order. Two clients (a sensor and a controller) connect, subscribe, publish and
// acknowledge over several turns; between turns the clients' keep-alive Pingers and connect Timeouts
// are pending timers whose closures hold the client, its in-flight messages (also kept in its
// localStorage stand-in) and the Message objects, whose fields are accessors over closure variables.
// Every step starts from the queue, after the answers it waits for.
var out = function (s) { console.log(String(s)); };
function hex(u) { var r = ''; for (var i = 0; i < u.length; i++) r += (u[i] < 16 ? '0' : '') + u[i].toString(16); return r; }
// ---- one timer at a time delivers what is queued, in order
var queue = [], pumping = false;
function enqueue(f) { queue.push(f); if (!pumping) { pumping = true; setTimeout(pump, 1); } }
function pump() { var f = queue.shift(); f(); if (queue.length) setTimeout(pump, 1); else pumping = false; }
// ---- the broker
var broker = { subs: [], frames: 0, retained: {}, log: [] };
function str16(u, at) { var n = (u[at] << 8) | u[at + 1], s = ''; for (var i = 0; i < n; i++) s += String.fromCharCode(u[at + 2 + i]); return { s: s, next: at + 2 + n }; }
function frame(type, body) { var f = [type]; var n = body.length; do { var b = n & 127; n >>= 7; f.push(n ? b | 128 : b); } while (n); return new Uint8Array(f.concat(body)).buffer; }
function enc16(s) { var a = [s.length >> 8, s.length & 255]; for (var i = 0; i < s.length; i++) a.push(s.charCodeAt(i)); return a; }
function matches(filter, topic) {
  var f = filter.split('/'), t = topic.split('/');
  for (var i = 0; i < f.length; i++) { if (f[i] === '#') return true; if (f[i] !== '+' && f[i] !== t[i]) return false; }
  return f.length === t.length;
}
broker.deliver = function (ws, topic, payload, qos, retain) {
  var id = ++broker.frames & 0xffff || 1, body = enc16(topic);
  if (qos) body.push(id >> 8, id & 255);
  send(ws, frame(0x30 | (qos << 1) | (retain ? 1 : 0), body.concat(payload)));
};
broker.receive = function (ws, u) {
  var type = u[0] >> 4, flags = u[0] & 15, at = 1, len = 0, mul = 1;
  do { var b = u[at++]; len += (b & 127) * mul; mul *= 128; } while (b & 128);
  var name = ['', 'CONNECT', '', 'PUBLISH', 'PUBACK', 'PUBREC', 'PUBREL', 'PUBCOMP', 'SUBSCRIBE', '', 'UNSUBSCRIBE', '', 'PINGREQ', '', 'DISCONNECT'][type];
  broker.log.push(ws.id + ':' + name + '/' + len);
  if (type === 1) {
    var proto = str16(u, at), level = u[proto.next], cflags = u[proto.next + 1], keep = (u[proto.next + 2] << 8) | u[proto.next + 3], cid = str16(u, proto.next + 4);
    ws.clientId = cid.s;
    out('  broker: CONNECT ' + proto.s + ' level ' + level + ' flags ' + cflags.toString(2) + ' keepalive ' + keep + ' id ' + cid.s);
    send(ws, frame(0x20, [0, 0]));
  } else if (type === 8) {
    var id = (u[at] << 8) | u[at + 1], p = at + 2, granted = [];
    while (p < u.length) { var tf = str16(u, p); var q = Math.min(u[tf.next], 2); broker.subs.push({ ws: ws, filter: tf.s, qos: q }); granted.push(q); p = tf.next + 1; }
    send(ws, frame(0x90, [id >> 8, id & 255].concat(granted)));
    for (var t in broker.retained) if (matches(broker.subs[broker.subs.length - 1].filter, t)) broker.deliver(ws, t, broker.retained[t], 0, true);
  } else if (type === 10) {
    id = (u[at] << 8) | u[at + 1]; tf = str16(u, at + 2);
    broker.subs = broker.subs.filter(function (s) { return !(s.ws === ws && s.filter === tf.s); });
    send(ws, frame(0xb0, [id >> 8, id & 255]));
  } else if (type === 3) {
    var qos = (flags >> 1) & 3, topic = str16(u, at), p2 = topic.next;
    if (qos) { id = (u[p2] << 8) | u[p2 + 1]; p2 += 2; }
    var payload = Array.prototype.slice.call(u, p2);
    if (flags & 1) broker.retained[topic.s] = payload;
    if (qos === 1) send(ws, frame(0x40, [id >> 8, id & 255]));
    if (qos === 2) { ws.held = ws.held || {}; ws.held[id] = { topic: topic.s, payload: payload }; send(ws, frame(0x50, [id >> 8, id & 255])); }
    else route(topic.s, payload, qos);
  } else if (type === 6) {
    id = (u[at] << 8) | u[at + 1];
    var h = ws.held[id]; delete ws.held[id];
    send(ws, frame(0x70, [id >> 8, id & 255]));
    route(h.topic, h.payload, 2);
  } else if (type === 12) {
    send(ws, frame(0xd0, []));
  } else if (type === 14) {
    ws.close();
  }
};
function route(topic, payload, qos) {
  for (var i = 0; i < broker.subs.length; i++) { var s = broker.subs[i]; if (matches(s.filter, topic)) broker.deliver(s.ws, topic, payload, Math.min(qos, s.qos, 1), false); }
}
function send(ws, buf) { enqueue(function () { if (ws.readyState === 1) ws.onmessage({ data: buf }); }); }
// ---- the WebSocket the client finds
var sockets = [];
function WebSocket(url, protocols) {
  this.url = url; this.protocols = protocols; this.readyState = 0; this.id = sockets.length;
  sockets.push(this);
  var ws = this;
  enqueue(function () { ws.readyState = 1; ws.onopen({}); });
}
WebSocket.prototype.send = function (data) { broker.receive(this, new Uint8Array(data)); };
WebSocket.prototype.close = function () { var ws = this; if (ws.readyState === 3) return; ws.readyState = 3; enqueue(function () { if (ws.onclose) ws.onclose({ code: 1000 }); }); };
// ---- the clients
var sensor = new Paho.Client('broker.local', 8080, '/mqtt', 'sensor-1');
var ctrl = new Paho.Client('ws://broker.local:8080/mqtt', 'ctrl-1');
var got = [], delivered = [], lost = [];
ctrl.onMessageArrived = function (m) {
  got.push(m);
  out('  ctrl got ' + m.destinationName + ' qos ' + m.qos + ' retained ' + m.retained + ' dup ' + m.duplicate + ' ' + (/raw$/.test(m.destinationName) ? hex(m.payloadBytes) : m.payloadString));
};
sensor.onMessageDelivered = function (m) { delivered.push(m.destinationName + '@' + m.qos); };
sensor.onConnectionLost = ctrl.onConnectionLost = function (r) { lost.push(r.errorCode + ':' + r.errorMessage); out('  connection lost ' + r.errorCode + ' ' + r.errorMessage); };
var n = 0, steps;
function next() { var s = steps[n++]; if (s) s(); }
function ok(what) { return function (r) { out(what + ' ok ' + JSON.stringify(r && r.invocationContext) + (r && r.grantedQos !== undefined ? ' granted ' + Array.prototype.join.call(r.grantedQos, ',') : '')); enqueue(next); }; }
function fail(what) { return function (r) { out(what + ' FAILED ' + r.errorCode + ' ' + r.errorMessage); enqueue(next); }; }
steps = [
  function () { sensor.connect({ onSuccess: ok('sensor connect'), onFailure: fail('sensor connect'), keepAliveInterval: 600, timeout: 300, mqttVersion: 4, invocationContext: { who: 'sensor' } }); },
  function () { ctrl.connect({ onSuccess: ok('ctrl connect'), onFailure: fail('ctrl connect'), keepAliveInterval: 900, cleanSession: true, mqttVersion: 4, userName: 'ctl', password: 'pw' }); },
  function () { ctrl.subscribe('home/+/temp', { qos: 1, onSuccess: ok('subscribe temp'), invocationContext: { n: 7 } }); },
  function () { ctrl.subscribe('home/alarm/#', { qos: 2, onSuccess: ok('subscribe alarm'), onFailure: fail('subscribe alarm'), timeout: 300 }); },
  function () {
    sensor.publish('home/kitchen/temp', '21.5', 0, false);
    var m = new Paho.Message(new Uint8Array([1, 2, 3, 250]).buffer);
    m.destinationName = 'home/alarm/smoke/raw'; m.qos = 1; m.retained = true;
    try { m.qos = 7; } catch (e) { out('bad qos: ' + e.message); }
    sensor.send(m);
    sensor.publish('home/hall/temp', '19.0', 2, false);
    out('sent; connected ' + sensor.isConnected() + ' ' + ctrl.isConnected());
    enqueue(function () { enqueue(function () { enqueue(function () { enqueue(function () { enqueue(next); }); }); }); });
  },
  function () {
    out('delivered ' + delivered.join(' ') + ' got ' + got.length + ' broker log ' + broker.log.join(' '));
    broker.log = [];
    var kept = got[1];
    out('kept message ' + kept.destinationName + ' ' + hex(kept.payloadBytes) + ' qos ' + kept.qos + ' topic accessor ' + kept.topic + ' desc ' + JSON.stringify(Object.getOwnPropertyDescriptor(kept, 'qos') ? 'own' : 'none'));
    ctrl.unsubscribe('home/+/temp', { onSuccess: ok('unsubscribe temp') });
  },
  function () {
    sensor.publish('home/kitchen/temp', '22.0', 1, false);   // nobody listens any more
    sensor.publish('home/alarm/door', 'open', 1, true);
    enqueue(function () { enqueue(function () { enqueue(function () { enqueue(next); }); }); });
  },
  function () {
    var late = new Paho.Client('broker.local', 8080, '/mqtt', 'late-1');
    late.onMessageArrived = function (m) { out('  late got retained ' + m.destinationName + ' ' + (/raw$/.test(m.destinationName) ? hex(m.payloadBytes) : m.payloadString) + ' retained ' + m.retained); };
    late.onConnectionLost = sensor.onConnectionLost;
    late.connect({ mqttVersion: 4, keepAliveInterval: 1200, onSuccess: function () { late.subscribe('home/alarm/#', { onSuccess: ok('late subscribe') }); } });
    steps.late = late;
  },
  function () {
    out('delivered ' + delivered.join(' ') + ' got ' + got.map(function (m) { return m.destinationName; }).join(',') + ' broker log ' + broker.log.join(' '));
    ctrl.disconnect(); sensor.disconnect(); steps.late.disconnect();
    enqueue(function () { enqueue(function () { enqueue(next); }); });
  },
  function () {
    out('end connected ' + sensor.isConnected() + ctrl.isConnected() + steps.late.isConnected() + ' lost ' + JSON.stringify(lost) + ' sockets ' + sockets.map(function (s) { return s.clientId + ':' + s.readyState; }).join(' '));
    try { sensor.publish('x', 'y'); } catch (e) { out('after disconnect: ' + e.message); }
  }
];
enqueue(next);
