// package: rxjs@5.5.12 rxjs/bundles/Rx.js
// prelude: var global = this;
// Driver for RxJS 5 (UMD bundle prepended by tests/thirdparty.sh, which finds its global through `global`):
// Subjects, operators, the async scheduler (interval, timer, delay): subscriptions and scheduled actions are
// pending at event-loop boundaries and are migrated.
var out = function (s) { console.log(String(s)); };
var O = Rx.Observable;
var subject = new Rx.Subject();
var behaviour = new Rx.BehaviorSubject('init');
var seen = [];
subject.map(function (x) { return x * 10; }).filter(function (x) { return x !== 20; }).scan(function (a, x) { return a + x; }, 0)
  .subscribe(function (v) { out('scan ' + v); }, null, function () { out('subject complete'); });
behaviour.distinctUntilChanged().subscribe(function (v) { seen.push(v); });
O.of(1, 2, 3).concat(O.from([4, 5])).reduce(function (a, b) { return a + b; }).subscribe(function (v) { out('sync sum ' + v); });
O.range(1, 10).bufferCount(3).map(function (b) { return b.join('+'); }).toArray().subscribe(function (v) { out('buffers ' + v.join(' | ')); });
var ticks = O.interval(5).take(6).share();
ticks.subscribe(function (i) {
  out('tick ' + i);
  subject.next(i);
  behaviour.next(i < 3 ? 'low' : 'high');
}, null, function () {
  out('ticks complete, behaviour saw ' + seen.join(','));
  subject.complete();
  O.timer(3).mergeMap(function () { return O.of('a', 'b').delay(2); }).toArray().subscribe(function (v) {
    out('timer then delay ' + v.join(''));
    O.zip(O.of(1, 2, 3), O.of('x', 'y', 'z'), function (n, s) { return n + s; }).subscribe(function (v) { out('zip ' + v); });
    O.throw(new Error('boom')).catch(function (e) { return O.of('recovered from ' + e.message); }).subscribe(function (v) { out(v); });
  });
});
