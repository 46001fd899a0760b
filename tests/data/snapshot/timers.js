// Timer and immediate ordering across a resume: nested timers, an interval
// with arguments, immediates scheduled from timers and from immediates,
// timers scheduled from immediates, clearTimeout, clearInterval,
// clearImmediate, and delays that remain across a snapshot (after tick 1 or
// tick 2 timers set in different turns are pending, and their full delays
// would run them in another order).
// Every order printed follows from the loop's rules however late the loop
// wakes up or a turn runs: a late callback only makes what it schedules
// later. So a timer that must come first is set no later than the one it
// precedes and with no longer a delay, or is set in the same turn (between
// the re-arming of an interval and its callback) 100 ms or more ahead of it.
// Immediates meet timers only where no other timer is pending (the main
// turn, which may be slow to compile and run, queues none), and a timer that
// must run between two immediates is made due by a 3 ms spin.
var log = [];
function note(tag) { log.push(tag); console.log(tag + ' (' + log.length + ')'); }
function spin(ms) { var t = Date.now(); while (Date.now() - t < ms) {} }

setTimeout(function (tag) { note(tag); clearTimeout(never); }, 100, 't100 clears t150');
var never = setTimeout(note, 150, 'never');
var ticks = 0;
var iv = setInterval(function (a, b) {
  ticks++;
  note('tick ' + ticks + ' ' + a + b);
  if (ticks === 1) {
    setTimeout(note, 250, 'tick 1 +250');   // after tick 2, before tick 3
    setTimeout(note, 50, 'tick 1 +50');     // set later, runs first
  } else if (ticks === 3) {
    setTimeout(end, 100, 'tick 3 +100 clears the interval');
  }
}, 200, 'x', 'y');

function end(tag) {
  note(tag);
  clearInterval(iv);
  setImmediate(function () {
    note('imm 1 from timer');
    setTimeout(note, 1, 'timeout from imm');
    var doomed = setImmediate(note, 'never imm');
    setImmediate(function () {
      note('imm from imm');
      console.log('final ' + log.join('|'));
    });
    clearImmediate(doomed);
    spin(3);   // both timeouts are due before the next check phase
  });
  setImmediate(note, 'imm 2 from timer');
  setTimeout(note, 1, 'timeout from timer');
}
