// Duplicate keys in an object literal (Duktape allows them, as ES2015): an
// accessor replaced by a later property of the same name (a data property,
// or an accessor of the same kind; number keys by their name) is never
// reachable and must not be tagged: its tag would land on the later one.
function mk(v) {
  return {
    get a() { return 'a1' + v; }, get a() { return 'a2' + v; },
    set b(x) { v = 'b1'; }, get b() { return v; }, set b(x) { v = x; },
    get c() { return 1; }, c: 'data',
    d: 1, get d() { return 'd' + v; },
    get 1() { return 'one1'; }, get '1'() { return 'one2' + v; },
    get 1.5() { return 'x'; }, get '1.5'() { return 'onefive' + v; },
    get 1e21() { return 'x'; }, get '1e+21'() { return 'big' + v; },
    get 0.000001() { return 'x'; }, get '0.000001'() { return 'small' + v; },
    get 1e-7() { return 'x'; }, get '1e-7'() { return 'tiny' + v; },
    get 0x10() { return 'x'; }, get 16() { return 'hex' + v; },
    get 'e'() { return 'x'; }, get e() { return 'ee' + v; },
    get '\u0066'() { return 'x'; }, get f() { return 'ef' + v; },
    get 123456789012() { return 'x'; }, get '123456789012'() { return 'long' + v; },
    get 0.1() { return 'x'; }, get '0.1'() { return 'tenth' + v; },
    get 1.0() { return 'one' + v; },
    get 5() { return 'five' + v; }, get '05'() { return 'ofive' + v; }
  };
}
var o = mk(1);
function show() {
  var ks = Object.getOwnPropertyNames(o);
  console.log(ks.map(function (k) { var d = Object.getOwnPropertyDescriptor(o, k); return k + '=' + (d.get ? o[k] : d.value); }).join(' '));
}
show(); o.b = 'B';
setTimeout(function () { show(); o.b = 'C'; setTimeout(show, 1); }, 1);
