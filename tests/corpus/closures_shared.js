// Several closures sharing one environment; closures from different calls do not share.
function account(owner, balance) {
  var history = [];
  function record(kind, amount) {
    history.push(kind + amount);
  }
  return {
    deposit: function (x) { balance += x; record('+', x); return balance; },
    withdraw: function (x) {
      if (x > balance) { record('!', x); return false; }
      balance -= x; record('-', x); return balance;
    },
    report: function () { return owner + ' ' + balance + ' [' + history.join(',') + ']'; },
    rename: function (n) { owner = n; }
  };
}
var a = account('ann', 100);
var b = account('bob', 5);
a.deposit(50);
b.deposit(1);
a.withdraw(500);
a.withdraw(30);
b.rename('robert');
console.log(a.report());
console.log(b.report());

// getter and setter pair sharing a captured variable
function cell(v) {
  return {
    get: function () { return v; },
    set: function (n) { var old = v; v = n; return old; }
  };
}
var c = cell(1), d = cell(2);
c.set(10);
console.log(c.get() + ' ' + d.get() + ' ' + d.set(3) + ' ' + d.get());

// closures that share a captured loop index declared with var
function makeAll() {
  var fns = [];
  for (var i = 0; i < 3; i++) {
    fns.push(function () { return i; });
  }
  i = 42;
  return fns;
}
console.log(makeAll().map(function (f) { return f(); }).join(' '));

// two closures where one replaces a function the other calls
function dispatcher() {
  var handler = function (x) { return 'h1(' + x + ')'; };
  return {
    call: function (x) { return handler(x); },
    swap: function (h) { var old = handler; handler = h; return old; }
  };
}
var disp = dispatcher();
console.log(disp.call(1));
var old = disp.swap(function (x) { return 'h2(' + x + ')'; });
console.log(disp.call(2) + ' ' + old(3));
