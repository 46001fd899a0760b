// Literals copied byte-exact: strings with escapes, numbers in every notation, regular expressions, arrays with holes, objects.
var s = ['a\tb', "q\"uote", 'sq\'', '\x41\u0042\103', 'line\
continued', '\0', 'é€😀', '\u{1F600}'.length];
console.log(JSON.stringify(s));
var n = [0, 1.5, .5, 5., 1e3, 1E-3, 0x1F, 0XaB, 017, 0o17, 0b101, 08, 1.5e+10];
console.log(n.join(' '));
var r = [/a\/b/g, /[/\]]+/i, /(\d+)\s*(?:x|y)$/m, /[^]/, /a{1,2}?/];
console.log(r.map(function (x) { return x.source + '|' + x.global + x.ignoreCase + x.multiline; }).join(' '));
console.log('a/b'.replace(/\//g, '-'), /=/.test('a=b'), 4 / 2 / 1);
var holes = [1, , 3, , ];
console.log(holes.length, 1 in holes, JSON.stringify(holes));
var o = { 'quoted key': 1, 2: 'two', if: 'kw', get g() { return 'getter'; }, set g(v) { this._g = v; } };
o.g = 5;
console.log(o['quoted key'], o[2], o.if, o.g, o._g);
var v\u0061r1 = 'escaped ident';
console.log(var1, typeof undefined, null, true, false, this === this);
