// `this` in every calling form: plain call (sloppy and strict), method, call/apply/bind, new, callbacks, getters.
var globalObj = (function () { return this; })();
function sloppyThis() { return this === globalObj; }
function strictThis() { 'use strict'; return this === undefined ? 'undefined' : typeof this; }
console.log('plain sloppy ' + sloppyThis());
console.log('plain strict ' + strictThis());

var obj = {
  name: 'obj',
  who: function () { return this.name; },
  nested: function () {
    function inner() { return this === globalObj; }
    var self = this;
    function viaSelf() { return self.name; }
    return inner() + ' ' + viaSelf();
  }
};
console.log('method ' + obj.who());
console.log('nested ' + obj.nested());
console.log('bracket ' + obj['who']());
var detached = obj.who;
console.log('detached ' + typeof detached());
console.log('comma ' + ((0, obj.who)() === globalObj.name));

var other = { name: 'other' };
console.log('call ' + obj.who.call(other));
console.log('apply ' + obj.who.apply(other, []));
var bound = obj.who.bind(other);
console.log('bind ' + bound());
console.log('bind ignores call ' + bound.call(obj));

function strictBoxing() { 'use strict'; return typeof this; }
function sloppyBoxing() { return typeof this; }
console.log('call primitive strict ' + strictBoxing.call(5) + ', sloppy ' + sloppyBoxing.call(5));
console.log('call null strict ' + strictBoxing.call(null) + ', sloppy global ' + (sloppyThis.call(null)));

function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.norm1 = function () { return Math.abs(this.x) + Math.abs(this.y); };
var p = new Point(3, -4);
console.log('new ' + p.x + ',' + p.y + ' norm1 ' + p.norm1());

function ReturnsObject() { this.a = 1; return { b: 2 }; }
function ReturnsPrimitive() { this.a = 1; return 7; }
console.log('new returning object ' + JSON.stringify(new ReturnsObject()) + ' primitive ' + JSON.stringify(new ReturnsPrimitive()));

var collector = {
  items: [],
  add: function (x) { this.items.push(x * 2); }
};
[1, 2, 3].forEach(collector.add, collector);
console.log('forEach thisArg ' + collector.items.join(','));

var withGetter = {
  base: 10,
  get doubled() { return this.base * 2; }
};
var child = Object.create(withGetter);
child.base = 21;
console.log('getter this ' + withGetter.doubled + ' ' + child.doubled);

// this inside a closure created in a method keeps the closure's own this
var timerish = {
  label: 'T',
  run: function () {
    var me = this;
    return [function () { return me.label; }, function () { return this === globalObj; }];
  }
};
var pair = timerish.run();
console.log('closure this ' + pair[0]() + ' ' + pair[1]());

// this at the top level is the global object
console.log('top-level this is global ' + (this === globalObj));

// method borrowed onto a prototype
function Named(n) { this.name = n; }
Named.prototype.who = obj.who;
console.log('borrowed ' + new Named('borrowed').who());

// bound constructor
var BoundPoint = Point.bind(null, 1);
var bp = new BoundPoint(2);
console.log('bound new ' + bp.x + ',' + bp.y + ' ' + (bp instanceof Point));
