// Event loop: closure state of every kind kept alive across turns (shared envs, catch params, NFE self, accessors, bound callbacks).
// One timer pending at a time (a driver chain), so every turn prints in a fixed order.
function makeCounterPair(start) {
  var n = start;
  return {
    inc: function () { n += 1; return n; },
    get: function () { return n; }
  };
}
var pairA = makeCounterPair(10);
var pairB = makeCounterPair(100);

var caught = [];
for (var i = 0; i < 3; i++) {
  try { throw { code: i * 7 }; } catch (err) { caught.push(function () { return err.code; }); }
}

var fib = function fibo(n) { return n < 2 ? n : fibo(n - 1) + fibo(n - 2); };

function makeTemp() {
  var celsius = 20;
  var writes = 0;
  return {
    get f() { return celsius * 9 / 5 + 32; },
    set f(v) { writes++; celsius = (v - 32) * 5 / 9; },
    get writes() { return writes; }
  };
}
var temp = makeTemp();

function Greeter(greeting) { this.greeting = greeting; }
Greeter.prototype.greet = function (who) { return this.greeting + ', ' + who; };
var hello = new Greeter('hello');
var boundGreet = hello.greet.bind(hello);

function constantParams(a, b) {
  function sum() { return a + b; }
  return function (k) { return sum() * k; };
}
var scaled = constantParams(3, 4);

var loopFns = [];
for (var j = 0; j < 3; j++) {
  loopFns.push((function (captured) { return function () { return captured * captured; }; })(j));
}

var steps = [
  function () { return 'A ' + pairA.inc() + ' ' + pairB.inc(); },
  function () { return 'catch ' + caught.map(function (f) { return f(); }).join(','); },
  function () { return 'fib ' + fib(15); },
  function () { temp.f = 212; return 'temp ' + temp.f + ' writes ' + temp.writes; },
  function () { return 'bound ' + boundGreet('world') + ' ' + (hello instanceof Greeter); },
  function () { return 'scaled ' + scaled(2) + ' ' + scaled(10); },
  function () { return 'loop ' + loopFns.map(function (f) { return f(); }).join(','); },
  function () { return 'B ' + pairA.inc() + ' ' + pairA.get() + ' ' + pairB.get(); },
  function () { temp.f = 32; return 'temp ' + temp.f + ' writes ' + temp.writes; }
];

var turn = 0;
function drive() {
  console.log('turn ' + turn + ': ' + steps[turn]());
  turn++;
  if (turn < steps.length) setTimeout(drive, 2);
  else console.log('done');
}
setTimeout(drive, 1);
