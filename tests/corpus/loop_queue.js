// Event loop: a job queue with concurrent workers as closures and retries; the printed result is order-independent.
var results = {};
var pending = 0;
var retried = [];
function makeQueue(concurrency) {
  var jobs = [];
  var running = 0;
  function next() {
    while (running < concurrency && jobs.length) {
      var job = jobs.shift();
      running++;
      run(job);
    }
  }
  function run(job) {
    setTimeout(function () {
      job.tries++;
      if (job.n % 4 === 0 && job.tries < 2) {
        retried.push(job.n);
        jobs.push(job);
      } else {
        results[job.n] = job.n * job.n + '/' + job.tries;
        pending--;
      }
      running--;
      next();
      if (pending === 0) done();
    }, 5 + job.n % 3);
  }
  return { add: function (n) { pending++; jobs.push({ n: n, tries: 0 }); next(); } };
}
function done() {
  console.log('all done: ' + JSON.stringify(results));
  console.log('retried: ' + retried.sort().join(','));
}
var q = makeQueue(3);
for (var i = 1; i <= 8; i++) q.add(i);
console.log('queued ' + pending);
