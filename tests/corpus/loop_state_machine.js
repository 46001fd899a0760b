// Event loop: an event-driven state machine with closure-held state, handlers registered in a shared environment.
function createMachine() {
  var state = 'idle';
  var history = [];
  var handlers = {};
  var queue = [];
  var draining = false;
  function on(ev, fn) { (handlers[ev] = handlers[ev] || []).push(fn); }
  function emit(ev, data) {
    queue.push([ev, data]);
    if (!draining) {
      draining = true;
      setImmediate(drain);
    }
  }
  function drain() {
    while (queue.length) {
      var item = queue.shift();
      var list = handlers[item[0]] || [];
      for (var i = 0; i < list.length; i++) list[i](item[1]);
    }
    draining = false;
  }
  function go(next) { history.push(state + '->' + next); state = next; }
  return { on: on, emit: emit, go: go, state: function () { return state; }, history: history };
}

var m = createMachine();
var attempts = 0;
m.on('start', function (d) { m.go('running'); console.log('started with ' + d); schedule(); });
m.on('work', function (n) {
  console.log('work ' + n + ' in state ' + m.state());
  if (n === 3) m.emit('fail', 'disk');
  else if (n < 5) schedule();
  else m.emit('stop', n);
});
m.on('fail', function (why) {
  attempts++;
  m.go('retrying');
  console.log('failure: ' + why + ' attempt ' + attempts);
  setTimeout(function () { m.go('running'); schedule(); }, 15);
});
m.on('stop', function (n) { m.go('stopped'); console.log('stopped after ' + n + ': ' + m.history.join(' ')); });

var workCount = 0;
function schedule() {
  setTimeout(function () { workCount++; m.emit('work', workCount); }, 10);
}
m.emit('start', 'config-1');
console.log('state at top level end: ' + m.state());
