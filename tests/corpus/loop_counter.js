// Event loop: setInterval with a closure counter, cleared after N ticks; a timeout reading the shared state.
var ticks = 0;
function makeTicker(name, limit) {
  var count = 0;
  var log = [];
  var handle = setInterval(function () {
    count++;
    ticks++;
    log.push(name + count);
    console.log('tick ' + name + ' ' + count);
    if (count === limit) {
      clearInterval(handle);
      console.log(name + ' done: ' + log.join(','));
      finish();
    }
  }, 10);
  return function () { return name + '=' + count; };
}
// the status is printed by the later of the ticker's end and a 200 ms
// timeout: on a loaded machine the timeout may come first
var pending = 2;
function finish() {
  if (--pending === 0)
    console.log('status after all ticks: ' + status() + ' total ' + ticks);
}
var status = makeTicker('a', 5);
setTimeout(finish, 200);
console.log('scheduled');
