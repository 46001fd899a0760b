// The ES2015 pieces Duktape 2.7 runs: const (var-like), computed property names, 0o/0b literals, plus ES5 reserved-word properties.
const LIMIT = 3;
const NAME = 'ferry';
function useConst() {
  const local = LIMIT * 2;
  var inner = function () { return local + 1; };
  return inner();
}
console.log(LIMIT + ' ' + NAME + ' ' + useConst());
var key = 'dyn';
var obj = { [key + 'amic']: 1, ['x' + 1]: 2, plain: 3 };
console.log(JSON.stringify(obj));
console.log(0o17 + ' ' + 0b1011 + ' ' + 0O7 + ' ' + 0B11);
var kw = { if: 1, class: 2, function: 3, new: 4, default: 5 };
console.log(kw.if + kw.class + kw.function + kw.new + kw['default']);
var trailing = { a: 1, b: 2, };
var arrTrailing = [1, 2, ];
console.log(Object.keys(trailing).length + ' ' + arrTrailing.length);
function constInLoop() {
  var fns = [];
  for (var i = 0; i < 3; i++) {
    const v = i * 10;
    fns.push(function () { return v; });
  }
  return fns.map(function (f) { return f(); }).join(',');
}
console.log(constInLoop());
