// package: simple-statistics@7.8.3 simple-statistics/dist/simple-statistics.min.js
// prelude: var self = this;
// Driver for simple-statistics 7 (its minified UMD build, prepended by tests/thirdparty.sh): a sensor
// series arrives a batch per turn; summary statistics, quantiles, regression, clustering and tests are
// recomputed on what has arrived, a BayesianClassifier and a PerceptronModel (objects whose counts and
// weights are their state) are trained a batch per turn, and shuffles take a seeded random source whose
// state lives in a closure across turns.
var out = function (s) { console.log(String(s)); };
function r4(x) { return typeof x === 'number' ? Math.round(x * 1e4) / 1e4 : Array.isArray(x) ? '[' + x.map(r4).join(' ') + ']' : x && typeof x === 'object' ? JSON.stringify(x, function (k, v) { return typeof v === 'number' ? Math.round(v * 1e4) / 1e4 : v; }) : String(x); }
function lcg(seed) { return function () { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }; }
var rnd = lcg(42);
var series = [], pairs = [];
var bayes = new ss.BayesianClassifier();
var perc = new ss.PerceptronModel();
var turn = 0;
function batch(k) {
  var b = [];
  for (var i = 0; i < 12; i++) { var t = k * 12 + i; b.push(20 + 5 * Math.sin(t / 4) + ((t * 7919) % 13) / 6.5); }
  return b;
}
function step() {
  var b = batch(turn);
  series = series.concat(b);
  for (var i = 0; i < b.length; i++) pairs.push([series.length - b.length + i, b[i]]);
  var sorted = series.slice().sort(function (a, c) { return a - c; });
  out('turn ' + turn + ' n ' + series.length + ' mean ' + r4(ss.mean(series)) + ' median ' + r4(ss.median(series)) + ' sd ' + r4(ss.standardDeviation(series)) +
    ' mad ' + r4(ss.medianAbsoluteDeviation(series)) + ' q ' + r4(ss.quantile(series, [0.1, 0.5, 0.9])) + ' ' + r4(ss.quantileSorted(sorted, 0.75)) + ' iqr ' + r4(ss.interquartileRange(series)));
  var lr = ss.linearRegression(pairs), line = ss.linearRegressionLine(lr);
  out('  regression ' + r4(lr) + ' r2 ' + r4(ss.rSquared(pairs, line)) + ' at next ' + r4(line(series.length)) + ' skew ' + r4(ss.sampleSkewness(series)) + ' kurt ' + r4(ss.sampleKurtosis(series)));
  out('  ckmeans ' + ss.ckmeans(series, 3).map(function (c) { return c.length + '@' + r4(ss.mean(c)); }).join(' ') + ' mode ' + r4(ss.mode(series.map(Math.round))) + ' hm ' + r4(ss.harmonicMean(series)) + ' gm ' + r4(ss.geometricMean(series)));
  // training: a reading above 22 is 'warm'
  for (i = 0; i < b.length; i++) {
    var warm = b[i] > 22, feats = { hi: b[i] > 23 ? 'y' : 'n', odd: (turn * 12 + i) % 2 ? 'y' : 'n' };
    bayes.train(feats, warm ? 'warm' : 'cold');
    perc.train([b[i] / 25, 1], warm ? 1 : 0);
  }
  out('  bayes ' + r4(bayes.score({ hi: 'y', odd: 'n' })) + ' total ' + bayes.totalCount + ' perceptron ' + r4(perc.weights) + ' bias ' + r4(perc.bias) + ' predicts ' + perc.predict([0.9, 1]) + perc.predict([0.8, 1]));
  out('  shuffle ' + ss.shuffle([1, 2, 3, 4, 5, 6, 7, 8], rnd).join('') + ' sample ' + ss.sample(series.slice(0, 10).map(Math.round), 3, rnd).join(',') + ' with ' + ss.sampleWithReplacement([1, 2, 3], 4, rnd).join(''));
  turn++;
  if (turn < 5) setTimeout(step, 1);
  else {
    out('t-test ' + r4(ss.tTest(series, 21)) + ' two ' + r4(ss.tTestTwoSample(series.slice(0, 30), series.slice(30), 0)) + ' chi ' + r4(ss.chiSquaredGoodnessOfFit([0, 2, 3, 7, 7, 7, 7, 7, 7, 9, 10], ss.poissonDistribution, 0.05)));
    out('z ' + r4(ss.zScore(25, ss.mean(series), ss.standardDeviation(series))) + ' cdf ' + r4(ss.cumulativeStdNormalProbability(1.5)) + ' erf ' + r4(ss.errorFunction(0.5)) + ' probit ' + r4(ss.probit(0.975)) +
      ' binom ' + r4(ss.binomialDistribution(4, 0.3)) + ' corr ' + r4(ss.sampleCorrelation(series.slice(0, 20), series.slice(20, 40))) + ' perm ' + ss.permutationsHeap([1, 2, 3]).length + ' comb ' + ss.combinations([1, 2, 3, 4], 2).length);
    out('bisect ' + r4(ss.bisect(function (x) { return x * x * x - 2; }, 0, 2, 100, 1e-9)) + ' eq ' + ss.equalIntervalBreaks([1, 2, 4, 5, 10], 3).join(' ') + ' jenks ' + r4(ss.jenks([1, 2, 4, 5, 7, 9, 10, 20], 3)));
  }
}
setTimeout(step, 1);
