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
    }
  }, 10);
  return function () { return name + '=' + count; };
}
var status = makeTicker('a', 5);
setTimeout(function () {
  console.log('status after all ticks: ' + status() + ' total ' + ticks);
}, 200);
console.log('scheduled');
