// package: benchmark-octane@1.0.1 benchmark-octane/lib/octane/base.js+benchmark-octane/lib/octane/earley-boyer.js+benchmark-octane/lib/octane/regexp.js
// Driver for Octane 2: EarleyBoyer and RegExp. tests/thirdparty.sh prepends the benchmark code and Octane's own
// base.js (its BenchmarkSuite registry and seeded Math.random). Instead of Octane's timed loop, every benchmark the
// suites registered runs twice, one run per event-loop turn (Setup before the first, TearDown, which validates the
// result, after the second), so the benchmark's whole working state is live at the snapshot points. Each benchmark
// prints its name and the seeded generator's next number (the generator is part of the state).
(function () {   // a closure: the benchmarks' own globals (gbemu has a run()) stay untouched
  var RUNS = 2, jobs = [], job = 0, run = 0, s, b;
  for (s = 0; s < BenchmarkSuite.suites.length; s++) {
    for (b = 0; b < BenchmarkSuite.suites[s].benchmarks.length; b++) jobs.push(BenchmarkSuite.suites[s].benchmarks[b]);
  }
  function step() {
    if (job >= jobs.length) { console.log('octane: ' + jobs.length + ' benchmarks done'); return; }
    var bm = jobs[job];
    if (run === 0) { BenchmarkSuite.ResetRNG(); bm.Setup(); }
    bm.run();
    if (++run === RUNS) {
      bm.TearDown();
      console.log(bm.name + ': ok, next random ' + Math.random());
      job++;
      run = 0;
    }
    setTimeout(step, 0);
  }
  setTimeout(step, 0);
})();
