// JSON: stringify with replacer functions and arrays, indentation, toJSON, special values; parse with reviver.
var data = { name: 'ferry', list: [1, 'two', null, true, { nested: [] }], n: -0, f: 1.5e-7, big: 1e21 };
console.log(JSON.stringify(data));
console.log(JSON.stringify(data, null, 2));
console.log(JSON.stringify(data, null, '--'));
console.log(JSON.stringify(data, function (k, v) { return typeof v === 'number' ? v * 2 : v; }));
console.log(JSON.stringify(data, ['name', 'n']));
console.log(JSON.stringify({ u: undefined, fn: function () {}, nan: NaN, inf: -Infinity, arr: [undefined, function () {}] }));
console.log(JSON.stringify('quote " backslash \\ newline \n tab \t ctrl \u0001 unicode \u00e9'));
console.log(JSON.stringify({ toJSON: function (key) { return 'custom for [' + key + ']'; } }));
console.log(JSON.stringify({ when: { toJSON: function (k) { return k + '!'; } } }));
console.log(JSON.stringify(new Date(Date.UTC(2020, 1, 29, 12, 0, 0))));
console.log(String(JSON.stringify(undefined)) + ' ' + JSON.stringify(null) + ' ' + JSON.stringify([]) + ' ' + JSON.stringify({}));

var text = '{"a":[1,2,{"b":"c"}],"d":{"e":null,"f":1e2},"g":"\\u0041"}';
var parsed = JSON.parse(text);
console.log(parsed.a[2].b + ' ' + parsed.d.f + ' ' + parsed.g + ' ' + (parsed.d.e === null));
var revived = JSON.parse(text, function (k, v) { return typeof v === 'number' ? v + 1 : v; });
console.log(JSON.stringify(revived));
var order = [];
JSON.parse('{"x":{"y":1},"z":[2]}', function (k, v) { order.push(k === '' ? '(root)' : k); return v; });
console.log(order.join(' '));
var removed = JSON.parse('{"keep":1,"drop":2}', function (k, v) { return k === 'drop' ? undefined : v; });
console.log(JSON.stringify(removed));

['{bad}', '[1,]', '', '"unterminated', '01'].forEach(function (t) {
  try { JSON.parse(t); console.log('parsed ' + t); } catch (e) { console.log('rejected ' + JSON.stringify(t) + ' ' + e.name); }
});

var cyc = {};
cyc.self = cyc;
try { JSON.stringify(cyc); } catch (e) { console.log('cyclic: ' + e.name); }

// round trip preserves structure
var rt = { a: [1, [2, [3]]], b: { c: { d: 'deep' } } };
console.log(JSON.stringify(JSON.parse(JSON.stringify(rt))) === JSON.stringify(rt));
