// Error objects and messages: built-in error types from the engine, custom errors, name/message/toString, instanceof.
function attempt(label, fn) {
  try { fn(); console.log(label + ': no error'); }
  catch (e) { console.log(label + ': ' + (e instanceof Error ? e.name + ' | ' + e.message : 'non-error ' + String(e))); }
}
attempt('undefined variable', function () { return notDefinedAnywhere + 1; });
attempt('call undefined', function () { var o = {}; o.missing(); });
attempt('call non-function', function () { var x = 5; x(); });
attempt('property of null', function () { var n = null; return n.prop; });
attempt('property of undefined', function () { var u; return u.prop; });
attempt('new non-constructor', function () { return new Math.max(); });
attempt('invalid array length', function () { return new Array(-1); });
attempt('bad instanceof', function () { return 1 instanceof 2; });
attempt('in on primitive', function () { return 'a' in 'abc'; });
attempt('syntax error via eval', function () { eval('var = ;'); });
attempt('decodeURI', function () { decodeURIComponent('%'); });
attempt('thrown string', function () { throw 'plain string'; });
attempt('stack overflow', function () { (function r() { r(); })(); });

var e = new Error('basic');
console.log(e.name + ' ' + e.message + ' ' + String(e) + ' ' + (e instanceof Error) + ' ' + Object.prototype.toString.call(e));
var te = new TypeError('typed');
console.log(String(te) + ' ' + (te instanceof TypeError) + ' ' + (te instanceof Error) + ' ' + (te instanceof RangeError));
console.log(String(new Error()) + '|' + String(new RangeError('')) + '|' + Error('called without new').message);

function ValidationError(field, msg) {
  this.field = field;
  this.message = msg;
}
ValidationError.prototype = Object.create(Error.prototype);
ValidationError.prototype.constructor = ValidationError;
ValidationError.prototype.name = 'ValidationError';
try { throw new ValidationError('age', 'must be positive'); }
catch (err) {
  console.log(String(err) + ' field=' + err.field + ' ' + (err instanceof ValidationError) + ' ' + (err instanceof Error));
}

var custom = new Error('with props');
custom.code = 'E_CUSTOM';
custom.name = 'CustomName';
console.log(String(custom) + ' ' + custom.code);

var noMsg = new Error();
noMsg.name = '';
console.log('[' + String(noMsg) + ']');
console.log(Object.prototype.hasOwnProperty.call(new Error('m'), 'message') + ' ' + Object.prototype.hasOwnProperty.call(new Error(), 'message'));
console.log(typeof new Error('s').stack);

// error thrown from a closure keeps the captured message
function thrower(prefix) { return function (x) { throw new Error(prefix + x); }; }
try { thrower('bad: ')(42); } catch (ex) { console.log(ex.message); }
