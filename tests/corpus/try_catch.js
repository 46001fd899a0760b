// try/catch/finally scopes: catch parameter scoping, closures capturing it, finally ordering, rethrow.
var e = 'outer e';
try { throw 'inner e'; } catch (e) { console.log('in catch: ' + e); }
console.log('after catch: ' + e);

function catchShadowsVar() {
  var e = 'local';
  try { throw 'thrown'; } catch (e) { e = 'reassigned in catch'; }
  return e;
}
console.log(catchShadowsVar());

function varInCatch() {
  try { throw 'x'; } catch (err) { var err2 = err + '!'; var err = 'assigned'; }
  return err2 + ' ' + String(err);
}
console.log(varInCatch());

// catch parameters captured by closures created in a loop: one binding per catch execution
function capturedCatch() {
  var fns = [];
  for (var i = 0; i < 3; i++) {
    try { throw 'E' + i; } catch (ex) { fns.push(function () { return ex; }); }
  }
  return fns.map(function (f) { return f(); }).join(',');
}
console.log(capturedCatch());

// a closure that mutates a captured catch parameter
function mutateCatch() {
  var get, set;
  try { throw 1; } catch (c) {
    get = function () { return c; };
    set = function (v) { c = v; };
  }
  set(99);
  return get();
}
console.log(mutateCatch());

// finally ordering with return and throw
var order = [];
function fin(k) {
  try {
    order.push('try' + k);
    if (k === 1) return 'ret';
    if (k === 2) throw new Error('err');
    return 'normal';
  } catch (x) {
    order.push('catch:' + x.message);
    return 'caught';
  } finally {
    order.push('finally' + k);
  }
}
console.log(fin(0) + ' ' + fin(1) + ' ' + fin(2));
console.log(order.join(' '));

function finallyOverrides() {
  try { return 'try'; } finally { return 'finally'; }
}
console.log(finallyOverrides());

// nested try with rethrow
function nested() {
  var log = [];
  try {
    try { throw new TypeError('inner'); }
    catch (a) { log.push('caught ' + a.name); throw new RangeError('outer'); }
    finally { log.push('inner finally'); }
  } catch (b) {
    log.push('caught ' + b.name + ':' + b.message);
  }
  return log.join('; ');
}
console.log(nested());

// break and continue through finally
function loopFinally() {
  var s = '';
  for (var i = 0; i < 4; i++) {
    try {
      if (i === 1) continue;
      if (i === 3) break;
      s += 'b' + i;
    } finally {
      s += 'f' + i;
    }
  }
  return s;
}
console.log(loopFinally());

// throwing non-Error values
var thrown = [42, 'str', null, { code: 7 }];
thrown.forEach(function (v) {
  try { throw v; } catch (got) { console.log('got ' + JSON.stringify(got)); }
});

// catch scope does not leak a function expression name
try { throw function namedThrown() { return 1; }; } catch (fnv) { console.log(typeof fnv + ' ' + typeof namedThrown); }

// a function declared inside a catch block closing over the catch param (Duktape: block function)
function declInCatch() {
  try { throw 'pv'; } catch (p) {
    var viaExpr = function () { return p; };
    return viaExpr();
  }
}
console.log(declInCatch());
