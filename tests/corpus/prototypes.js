// Prototypes and constructors: chains, instanceof, Object.create inheritance, constructor property, overrides.
function Animal(name) { this.name = name; }
Animal.prototype.speak = function () { return this.name + ' makes ' + this.sound(); };
Animal.prototype.sound = function () { return 'a sound'; };

function Dog(name) { Animal.call(this, name); this.tricks = []; }
Dog.prototype = Object.create(Animal.prototype);
Dog.prototype.constructor = Dog;
Dog.prototype.sound = function () { return 'woof'; };
Dog.prototype.learn = function (t) { this.tricks.push(t); return this; };

var d = new Dog('rex');
d.learn('sit').learn('roll');
console.log(d.speak() + ' ' + d.tricks.join('+'));
console.log((d instanceof Dog) + ' ' + (d instanceof Animal) + ' ' + (d instanceof Object));
console.log((d.constructor === Dog) + ' ' + (Object.getPrototypeOf(d) === Dog.prototype));
console.log(Animal.prototype.isPrototypeOf(d) + ' ' + d.hasOwnProperty('name') + ' ' + d.hasOwnProperty('speak'));

var a = new Animal('cat');
console.log(a.speak());

// shadowing a prototype property and deleting it again
Dog.prototype.legs = 4;
var e = new Dog('ed');
e.legs = 3;
console.log(e.legs + ' ' + d.legs);
delete e.legs;
console.log(e.legs);

// prototype-less objects
var bare = Object.create(null);
bare.k = 1;
console.log(typeof bare.toString + ' ' + Object.keys(bare).join());

// changing a prototype after instances exist
Animal.prototype.describe = function () { return 'I am ' + this.name; };
console.log(d.describe());

// constructor called without new (sloppy): this is the global object
function Leaky() { this.leakedProp = 'leaked'; }
Leaky();
console.log(typeof leakedProp);

// instanceof with a custom prototype chain built by hand
function A() {}
function B() {}
B.prototype = new A();
var b = new B();
console.log((b instanceof A) + ' ' + (b.constructor === A));

// Object.getPrototypeOf chain length
function depth(o) { var n = 0; while ((o = Object.getPrototypeOf(o)) !== null) n++; return n; }
console.log(depth(d) + ' ' + depth({}) + ' ' + depth(bare));

// properties defined on a function object
function WithStatics() {}
WithStatics.count = 0;
WithStatics.make = function () { WithStatics.count++; return new WithStatics(); };
WithStatics.make(); WithStatics.make();
console.log(WithStatics.count);

// toString override used by string concatenation, valueOf by arithmetic
function Money(c) { this.c = c; }
Money.prototype.toString = function () { return '$' + (this.c / 100).toFixed(2); };
Money.prototype.valueOf = function () { return this.c; };
var m = new Money(1234);
console.log(String(m) + ' ' + (m + 1) + ' ' + (m > 1000));
