// Getters and setters: object literals, defineProperty, inheritance, accessors over closure state.
var temp = {
  _c: 20,
  get f() { return this._c * 9 / 5 + 32; },
  set f(v) { this._c = (v - 32) * 5 / 9; },
  get c() { return this._c; }
};
console.log(temp.f);
temp.f = 212;
console.log(temp.c);
temp.c = 5; // no setter: ignored in sloppy mode
console.log(temp.c);

function makeCounter() {
  var n = 0;
  var writes = 0;
  return {
    get value() { return n; },
    set value(v) { writes++; n = v; },
    get writes() { return writes; }
  };
}
var ctr = makeCounter();
ctr.value = 5;
ctr.value += 2;
console.log(ctr.value + ' ' + ctr.writes);

var o = {};
var hidden = 'h';
Object.defineProperty(o, 'x', {
  get: function () { return hidden + hidden; },
  set: function (v) { hidden = v; },
  enumerable: false,
  configurable: true
});
o.x = 'k';
console.log(o.x + ' ' + Object.keys(o).length + ' ' + JSON.stringify(Object.getOwnPropertyDescriptor(o, 'x').enumerable));

var base = { get kind() { return 'base:' + this.tag; } };
var derived = Object.create(base, { tag: { value: 'd', enumerable: true } });
console.log(derived.kind);

// setter on the prototype intercepts assignment on the instance
var logged = [];
var proto = { set v(x) { logged.push(x); } };
var inst = Object.create(proto);
inst.v = 1;
inst.v = 2;
console.log(logged.join(',') + ' own? ' + inst.hasOwnProperty('v'));

// strict mode: assigning to a getter-only property throws
(function () {
  'use strict';
  var ro = { get r() { return 1; } };
  try { ro.r = 2; console.log('no throw'); } catch (e) { console.log('strict setter-less: ' + e.name); }
})();

// accessor names that are keywords, numbers and strings
var odd = {
  get 'quoted name'() { return 'q'; },
  get 1() { return 'one'; },
  get if() { return 'kw'; }
};
console.log(odd['quoted name'] + odd[1] + odd['if']);

// getter defined with __defineGetter__-free ES5 API on a constructor prototype
function Temp(c) { this.c = c; }
Object.defineProperty(Temp.prototype, 'k', { get: function () { return this.c + 273; } });
console.log(new Temp(27).k);
