// Event loop: closures that ferryc cannot make migratable because `arguments` may write a captured parameter in a way it cannot follow (a computed index, arguments stored in a variable, a write whose value is used); the program runs the same either way
function pick(a, i) {
  arguments[i] = 'picked';
  return function () { return a; };
}
function alias(a) {
  var args = arguments;
  args[0] = 'aliased';
  return function () { return a; };
}
var keep = pick('a', 0);
var other = alias('b');
var turn = 0;
function step() {
  turn++;
  console.log(turn + ' ' + keep() + ' ' + other());
  if (turn < 3) setTimeout(step, 2);
}
setTimeout(step, 2);
