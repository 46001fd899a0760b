// Globals: implicit globals, global vars as properties, functions reading and writing globals, global functions reassigned.
var counter = 0;
function incGlobal() { counter++; return counter; }
incGlobal(); incGlobal();
console.log('counter ' + counter + ' ' + this.counter);

function makeImplicit() { implicitOne = 'made'; }
makeImplicit();
console.log(implicitOne + ' ' + this.implicitOne + ' ' + Object.prototype.hasOwnProperty.call(this, 'implicitOne'));

this.viaThis = 'set through this';
console.log(viaThis);

var g = this;
g.config = { debug: false, level: 3 };
function readConfig() { return config.level; }
console.log(readConfig());

function later() { return 'first version'; }
var keep = later;
later = function () { return 'second version'; };
console.log(later() + ' / ' + keep());

var shadowed = 'global';
function readShadowed() { return shadowed; }
function shadowIt() { var shadowed = 'local'; return readShadowed() + ' ' + shadowed; }
console.log(shadowIt());

var desc = Object.getOwnPropertyDescriptor(this, 'counter');
console.log('var is configurable: ' + desc.configurable + ', enumerable: ' + desc.enumerable);
console.log('function decl is own: ' + this.hasOwnProperty('incGlobal'));

// a global used as a registry by closures
var registry = [];
function register(name) {
  registry.push(function () { return name + '#' + registry.length; });
}
register('a'); register('b');
console.log(registry.map(function (f) { return f(); }).join(' '));

// globals created inside a closure at a later time
function deferred() { return function () { lateGlobal = 'late'; }; }
deferred()();
console.log(typeof lateGlobal + ' ' + lateGlobal);

// undefined, NaN, Infinity are read-only globals
undefined = 1; NaN = 2; Infinity = 3;
console.log(typeof undefined + ' ' + isNaN(NaN) + ' ' + (Infinity > 1e308));
