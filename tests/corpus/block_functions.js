// Function declarations inside blocks (not ES5): called inside the block that declares them, as portable code does.
function pick(flag) {
  if (flag) {
    function choose() { return 'yes'; }
    return choose();
  } else {
    function chooseNo() { return 'no'; }
    return chooseNo();
  }
}
console.log(pick(true) + ' ' + pick(false));

function inLoop() {
  var out = [];
  for (var i = 0; i < 3; i++) {
    function sq(n) { return n * n; }
    out.push(sq(i));
  }
  return out.join(',');
}
console.log(inLoop());

function inTry() {
  try {
    function thrower() { throw new Error('boom'); }
    thrower();
  } catch (e) {
    return 'caught ' + e.message;
  }
}
console.log(inTry());

function inBlockWithClosure() {
  var count = 0;
  {
    function bump() { count++; return count; }
    bump();
    bump();
  }
  return count;
}
console.log(inBlockWithClosure());

function inSwitch(x) {
  switch (x) {
    case 1:
      function one() { return 'one'; }
      return one();
    default:
      return 'other';
  }
}
console.log(inSwitch(1) + ' ' + inSwitch(2));
