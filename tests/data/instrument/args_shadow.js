// Event loop: arguments[0] = v inside catch (a), where a is also the name of the parameter arguments[0] aliases: the write changes the parameter, but there the name means the catch parameter, so ferryc cannot re-sync the closure's copy and leaves the function as written (a snapshot is refused; before, a resumed run printed the catch value)
function hide(a) {
  var get = function () { return a; };
  try { throw 'caught'; } catch (a) { arguments[0] = 'written'; }
  return get;
}
var keep = hide('given');
var turn = 0;
function step() {
  turn++;
  console.log(turn + ' ' + keep());
  if (turn < 3) setTimeout(step, 2);
}
setTimeout(step, 2);
