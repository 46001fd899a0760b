// package: javascript-state-machine@3.1.0 es6-promise/dist/es6-promise.auto.js+javascript-state-machine/lib/state-machine.js+javascript-state-machine/lib/history.js
// also: es6-promise@4.2.8
// prelude: var self = this;
// Driver for javascript-state-machine 3.1 with its history plugin (prepended by tests/thirdparty.sh, after
// es6-promise as the Promise the machine waits on): a door controller and a factory of valve machines; lifecycle
// hooks (before/leave/enter/on, observers), cancelled transitions, dynamic targets, wildcards, invalid and
// pending transitions, history back/forward, and asynchronous transitions whose hooks return promises resolved
// by timers turns later. Machines are migrated mid-transition, with their observers and pending promises.
var out = function (s) { console.log(String(s)); };

var trace = [];
var motor = { pending: null };   // a transition waits here until the "motor" finishes
var door = new StateMachine({
  init: 'closed',
  transitions: [
    { name: 'open', from: 'closed', to: 'opened' },
    { name: 'close', from: 'opened', to: 'closed' },
    { name: 'lock', from: 'closed', to: 'locked' },
    { name: 'unlock', from: 'locked', to: 'closed' },
    { name: 'reset', from: '*', to: 'closed' },
    { name: 'toggle', from: ['opened', 'closed'], to: function () { return this.is('opened') ? 'closed' : 'opened'; } }
  ],
  data: { code: '1234', attempts: 0 },
  plugins: [new StateMachineHistory({ max: 6 })],
  methods: {
    onBeforeUnlock: function (lc, code) {
      this.attempts++;
      if (code !== this.code) { trace.push('bad code ' + code); return false; }
    },
    onLeaveClosed: function (lc) { trace.push('leave closed by ' + lc.transition); },
    onEnterLocked: function () { trace.push('locked after ' + this.attempts); },
    onOpen: function () {
      // the motor takes a while: the machine stays mid-transition until it is done
      return new Promise(function (resolve) { motor.pending = resolve; });
    },
    onInvalidTransition: function (t, from, to) { trace.push('invalid ' + t + ' from ' + from); },
    onPendingTransition: function (t, from, to) { trace.push('busy: ' + t + ' while ' + from + '->' + to); }
  }
});
door.observe('onAfterTransition', function (lc) { trace.push(lc.from + '->' + lc.to); });

var Valve = StateMachine.factory({
  init: 'idle',
  transitions: [
    { name: 'fill', from: 'idle', to: 'filling' },
    { name: 'done', from: 'filling', to: 'full' },
    { name: 'drain', from: 'full', to: 'idle' }
  ],
  data: function (name) { return { name: name, cycles: 0 }; },
  methods: {
    onFill: function () {
      var self = this;
      return new Promise(function (resolve) { setTimeout(function () { resolve(); }, 1); }).then(function () { self.cycles++; });
    },
    onEnterFull: function () { trace.push(this.name + ' full ' + this.cycles); }
  }
});
var valves = [new Valve('v1'), new Valve('v2')];

function report(label) {
  out(label + ' door=' + door.state + ' can=' + door.transitions().join('|') + ' valves=' +
      valves.map(function (v) { return v.name + ':' + v.state; }).join(',') + ' trace=' + trace.join('; '));
  trace = [];
}

var turn = 0;
function step() {
  turn++;
  report('turn ' + turn);
  var next = function () { if (turn < 9) setTimeout(step, 1); else out('done ' + door.history.join('>')); };
  if (turn === 1) {
    door.lock();
    door.unlock('0000');
    door.unlock('1234');
    door.open().then(function () { trace.push('door opened'); next(); });
    door.close();   // pending: refused while the motor runs
    report('mid-transition');
    setTimeout(function () { report('motor done'); motor.pending(); }, 1);
    return;         // turn 2 starts when the door is open
  } else if (turn === 3) {
    door.toggle(); door.toggle(); door.toggle();
    out('can lock ' + door.can('lock') + ' cannot unlock ' + door.cannot('unlock') + ' is opened ' + door.is('opened'));
    door.open().then(function () { next(); });
    setTimeout(function () { motor.pending(); }, 1);
    return;
  } else if (turn === 5) {
    door.close(); door.lock();
    door.historyBack();
    out('back to ' + door.state + ' canForward ' + door.canHistoryForward);
    door.historyForward();
    door.unlock('1234');
    door.reset();
    out('all states ' + door.allStates().join(',') + ' transitions ' + door.allTransitions().join(','));
  } else if (turn === 6) {
    var n = 0;
    valves.forEach(function (v) { v.fill().then(function () { v.done(); if (++n === valves.length) next(); }); });
    report('valves filling');
    return;
  } else if (turn === 7) {
    valves[0].drain();
    valves[0].fill().then(function () { valves[0].done(); next(); });
    return;
  }
  next();
}
setTimeout(step, 1);
