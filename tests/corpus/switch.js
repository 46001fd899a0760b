// switch: fall-through, default in the middle, strict equality, string cases, expressions as cases, nested switch.
function classify(x) {
  var r = [];
  switch (x) {
    case 1:
      r.push('one');
    case 2:
      r.push('two-or-fall');
      break;
    default:
      r.push('default');
    case 3:
      r.push('three');
      break;
    case '1':
      r.push('string one');
  }
  return r.join(',');
}
[1, 2, 3, 4, '1', '2'].forEach(function (v) { console.log(JSON.stringify(v) + ' -> ' + classify(v)); });

function computed(n) {
  var base = 10;
  switch (true) {
    case n < base: return 'small';
    case n === base: return 'exact';
    case n > base * 10: return 'huge';
    default: return 'big';
  }
}
console.log([1, 10, 50, 500].map(computed).join(' '));

function noMatchNoDefault(x) {
  var hit = 'none';
  switch (x) { case 'a': hit = 'a'; break; case 'b': hit = 'b'; }
  return hit;
}
console.log(noMatchNoDefault('c') + ' ' + noMatchNoDefault('b'));

function nested(a, b) {
  switch (a) {
    case 'x':
      switch (b) {
        case 1: return 'x1';
        default: break;
      }
      return 'x?';
    case 'y':
      return 'y';
  }
  return 'none';
}
console.log(nested('x', 1) + ' ' + nested('x', 2) + ' ' + nested('y') + ' ' + nested('z'));

// case expressions evaluated in order, only until a match
var evaluated = [];
function ev(v) { evaluated.push(v); return v; }
switch (3) { case ev(1): break; case ev(3): break; case ev(5): break; }
console.log('evaluated ' + evaluated.join(','));

// NaN never matches, -0 matches 0
function zeroes(v) { switch (v) { case 0: return 'zero'; case NaN: return 'nan'; default: return 'def'; } }
console.log(zeroes(-0) + ' ' + zeroes(NaN));

// var declared in a case clause is function-scoped; a closure in a case captures it
function caseClosure(k) {
  switch (k) {
    case 1:
      var msg = 'from case 1';
      return function () { return msg; };
    default:
      msg = 'default';
      return function () { return msg; };
  }
}
console.log(caseClosure(1)() + ' / ' + caseClosure(2)());
