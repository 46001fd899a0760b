// Every statement kind, labels, switch fall-through, for-in, try/catch/finally, with, ASI-dependent layouts.
var out = [];
function log(v) { out.push(String(v)); }
var i = 0
var j = 1
i
++j
log(i + ',' + j)
var f = function () { return 42 }
log(f())
var k = f
(function () { log('called'); return 1; })
log(typeof k)
outer: for (var a = 0; a < 3; a++) {
  inner: for (var b = 0; b < 3; b++) {
    if (b === 1) continue outer;
    if (a === 2) break outer;
    log(a + '' + b);
  }
}
blk: { log('in'); if (true) break blk; log('never'); }
var n = 0;
do n++; while (n < 5)
log(n)
while (n--) if (n % 2) continue; else log('w' + n);
switch (3) { case 1: log(1); case 3: log(3); case 4: log(4); break; default: log('d'); }
switch ('z') { default: log('def'); case 'y': log('y'); }
var obj = { b: 1, a: 2, 10: 'x', 2: 'y' }, keys = [];
for (var key in obj) keys.push(key);
log(keys.join(''));
try { throw new Error('boom'); } catch (e) { log(e.message); } finally { log('fin'); }
try { try { throw 1; } finally { log('inner fin'); } } catch (e2) { log('caught ' + e2); }
with ({ wv: 'with-value' }) log(wv);
if (n) log('t'); else if (n === -1) log('minus one'); else log('f');
;;;
function g() { return
  1; }
log(g());
var re = 2, gg = 1, ratio = 4
/re/gg
log(ratio);
debugger;
log(out.length);
console.log(out.join(' | '));
