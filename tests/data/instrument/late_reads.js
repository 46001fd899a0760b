// Duktape reads a function's own register-bound variable late when it is the
// left operand of a binary operator (after the right operand ran); the
// instrumented program, where such variables live in environments, must
// print the same (rewriter/instrument.c, late_binary); a switch compares its
// case values with such a variable as it is at each comparison (late_switch).
function t_d() {
  var x = 1; function inc() { x++; return 10; }
  var r = [];
  x = 1; r.push(x + inc());
  x = 1; r.push(x * inc());
  x = 1; r.push(x < inc() ? 'lt' : 'ge');
  x = 1; r.push([x, inc()].join('/'));
  x = 1; r.push(String(x) + inc());
  x = 1; r.push(Math.max(x, inc(), x));
  x = 1; r.push(x + (x = 5));
  x = 1; r.push(x + x++);
  x = 1; r.push({a: x, b: inc()}.a);
  x = 1; r.push(x - inc() - x);
  x = 1; r.push((x) + inc());
  x = 1; r.push(x + 0 + inc());
  x = 1; r.push(x === inc());
  x = 1; r.push(x in {1:1,2:1} ? 1 : 0);
  x = 1; r.push(x & inc());
  return r.join(' ');
}
console.log(t_d());
function u(a) { var r=[]; r.push(a + (arguments[0] = 5)); return r.join(); }
console.log(u(1));
var g = 1; function incg() { g++; return 10; } console.log(g + incg());
function t_e() {
  var x = 1; function inc() { x++; return 10; }
  function id(a, b) { return a; }
  var r = [];
  x = 1; r.push('call:' + id(x, inc()));
  var o = {};
  x = 1; o[x] = inc(); r.push('keyset:' + Object.keys(o));
  o = {1: 'one', 2: 'two'};
  x = 1; r.push('keyget:' + o[x] + inc());
  var p = {a: 'A'}, q = {a: 'Q'}; var ob = p; function sw() { ob = q; return 'a'; }
  r.push('base:' + ob[sw()]);
  ob = p; r.push('base2:' + ob.a + sw());
  var f1 = function () { return 'f1'; }, f2 = function () { return 'f2'; }, fn = f1;
  function swf() { fn = f2; return 0; }
  r.push('callee:' + fn(swf()));
  fn = f1; var F1 = function () { this.w = 'F1'; }, F2 = function () { this.w = 'F2'; }, K = F1;
  function swk() { K = F2; return 0; }
  r.push('new:' + new K(swk()).w);
  var m1 = {m: function () { return 'm1'; }}, m2 = {m: function () { return 'm2'; }}, mo = m1;
  function swm() { mo = m2; return 0; }
  r.push('method:' + mo.m(swm()));
  mo = m1; r.push('methodkey:' + mo[(mo = m2, 'm')]());
  x = 1; r.push('in:' + (x in (inc(), {1: 1})));
  x = 1; r.push('cond:' + (x ? x + inc() : 0));
  x = 1; r.push('ret:' + (function () { return x + inc(); })());
  x = 1; r.push('eq:' + (x == (inc(), 2)));
  x = 1; var y = x + inc(); r.push('var:' + y);
  x = 1; r.push('comma:' + (x, inc(), x));
  x = 1; r.push('neg:' + (-x + inc()));
  x = 1; r.push('typeof:' + (typeof x + inc()));
  x = 'a'; function incs() { x = 'b'; return 'c'; } r.push('str:' + (x + incs()));
  x = 1; r.push('sub:' + (x - (x = 3)));
  x = 1; r.push('assignrhs:' + (x = x + inc()));
  x = 1; r.push('compound:' + (x += (x = 5)));
  return r.join(' ');
}
console.log(t_e());
function t_f() {
  var x = 1; function inc() { x++; return 10; }
  var r = [], c = true;
  function T(name, v) { r.push(name + ':' + v); }
  x = 1; T('comma', (0, x) + inc());
  x = 1; T('cond', (c ? x : 0) + inc());
  x = 1; T('assign', (x = x) + inc());
  x = 1; var y; T('assign2', (y = x) + inc());
  x = 1; T('or', (x || 0) + inc());
  x = 1; T('and', (c && x) + inc());
  x = 1; T('div', x / inc());
  x = 1; T('mod', x % inc());
  x = 1; T('shl', x << inc());
  x = 1; T('sar', x >> inc());
  x = 1; T('shr', x >>> inc());
  x = 1; T('xor', x ^ inc());
  x = 1; T('bor', x | inc());
  x = 1; T('seq', x === (inc(), 2));
  x = 1; T('sne', x !== (inc(), 2));
  x = 1; T('ne', x != (inc(), 2));
  x = 1; T('le', x <= (inc(), 1));
  x = 1; T('ge', x >= (inc(), 2));
  x = 1; T('gt', x > (inc(), 1));
  x = 1; T('lt', x < (inc(), 2));
  var A = function () {}, B = function () {}; var o = new A(); var K = B; function swk() { K = A; return o; }
  T('instanceof', swk() instanceof K);
  K = B; T('instanceof2', K === B && (function () { return o instanceof (K = A, B); })());
  var z = B; function swz() { z = A; return A; }
  T('instanceofL', (function(){ return 1; })() && (z = B, ({}) instanceof z));
  x = 1; T('call', String(x + inc()));
  x = 1; T('nested', x + (x + inc()));
  x = 1; T('nested2', (x + inc()) + x);
  x = 1; T('unaryplus', +x + inc());
  x = 1; T('not', !x + inc());
  x = 1; T('void', (void x) + inc());
  x = 1; T('upd', x++ + inc());
  x = 1; T('preupd', ++x + inc());
  return r.join(' ');
}
console.log(t_f());
function t2(a) { function ia() { a++; return 10; } var r = []; r.push(a + ia()); return r.join(); }
console.log('param:' + t2(1));
function t3() { var r = []; try { throw 1; } catch (e) { var ie = function () { e++; return 10; }; r.push(e + ie()); } return 'catch:' + r.join(); }
console.log(t3());
function t4() { var r = []; function g() { return 1; } function sg() { g = 5; return 10; } r.push(g() + sg()); g = function () { return 1; }; r.push(g + sg()); return 'funcdecl:' + r.join(); }
console.log(t4());
function t5() { var r = []; var x = 1; function inc() { x++; return 10; } { r.push(x + inc()); } for (var i = 0; i < 1; i++) r.push(x + inc()); return 'blocks:' + r.join(); }
console.log(t5());
function t6() { var r = []; var x = 1; function inc() { x++; return 10; } try { r.push(x + inc()); } catch (e) { } try { throw 0; } catch (e) { r.push(x + inc()); } finally { r.push(x + inc()); } return 'try:' + r.join(); }
console.log(t6());
function t_g(a) {
  var x = 1; function inc() { x++; a++; return 10; }
  var y = x +
     inc();
  (x) * inc()
  ;(0, x) - inc();
  return [y, a + inc(), x + 1, x + a, x + -1, x + t_g];
}
console.log(t_g(1).join());
function t_exp() { var x = 2; function inc() { x++; return 2; } return 'exp:' + (x ** inc()); }
console.log(t_exp());
function t_deep() {
  var acc = 0, log = [];
  function add(v) { acc += v; log.push(acc); return v; }
  for (var i = 0; i < 3; i++) acc = acc + add(i) * 2;
  var s = 'a'; function app() { s += 'b'; return 'c'; }
  return 'deep:' + acc + ' ' + log.join('/') + ' ' + (s + app() + s) + ' ' + (s < app());
}
console.log(t_deep());
function t_h() {
  var r = [];
  function T(name, v) { r.push(name + ':' + v); }
  var x = 1; function inc() { x++; return 10; }
  var o = {1: 100, 2: 200};
  x = 1; o[x] += inc(); T('keycompound', JSON.stringify(o));
  o = {1: 100, 2: 200};
  x = 1; o[x]++; T('keyupd', JSON.stringify(o));
  var p = {v: 1}, q = {v: 50}, b = p; function sw() { b = q; return 10; }
  b.v += sw(); T('basecompound', p.v + '/' + q.v);
  p = {v: 1}; q = {v: 50}; b = p; b.v = sw(); T('baseset', p.v + '/' + q.v);
  p = {v: 1}; q = {v: 50}; b = p; b['v'] = (b = q, 7); T('baseset2', p.v + '/' + q.v);
  x = 1; switch (x) { case inc() - 8: T('switch', 'two'); break; case 1: T('switch', 'one'); break; default: T('switch', 'none'); }
  x = 1; var s = ''; switch (x) { case (x = 5): s = 'five'; break; case 1: s = 'one'; break; } T('switch2', s);
  x = 1; T('cond', (x ? inc() : 0) + x);
  x = 1; if (x == inc() - 8) T('if', 'eq'); else T('if', 'ne');
  x = 1; var y = x; y += inc(); T('copy', y);
  x = 1; T('arrlit', [x + inc(), x].join('/'));
  x = 1; T('objkey', JSON.stringify({a: x, b: (x = 7)}));
  x = 1; T('callargs', [x, (x = 3), x].join('/'));
  x = 1; T('strcat', 'a' + x + inc());
  x = 1; T('while', (function () { var n = 0; while (x < inc()) { if (++n > 3) break; } return n + '/' + x; })());
  var arr = [1, 2, 3], idx = 0; function bump() { idx++; return 5; }
  idx = 0; arr[idx] = bump(); T('idxset', arr.join());
  arr = [1, 2, 3]; idx = 0; arr[idx] += bump(); T('idxcomp', arr.join());
  return r.join(' ');
}
console.log(t_h());
function sw2() {
  var r = [], x = 1; function inc() { x++; return 10; }
  function T(name, v) { r.push(name + ':' + v); }
  x = 1; switch ((r.push('d'), x)) { case inc() - 8: T('sw3', 'two'); break; default: T('sw3', 'dflt'); }
  x = 1; switch (x) { case 1: T('sw4', 'one'); case inc(): T('sw4', 'fall'); break; }
  x = 1; switch (x) { default: T('sw5', 'd'); case inc() - 9: T('sw5', 'c'); }
  x = 1; switch (x) { case 5: T('sw6', 'no'); break; }
  return r.join(' ');
}
console.log(sw2());
