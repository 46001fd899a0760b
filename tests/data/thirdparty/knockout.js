// package: knockout@3.5.1 knockout/build/output/knockout-latest.debug.js knockout/build/output/knockout-latest.js
// prelude: var window = this;
// Driver for Knockout 3.5 (prepended by tests/thirdparty.sh): its observables are functions with own
// properties whose prototype is replaced (setPrototypeOf to ko.observable.fn / ko.computed.fn), with
// subscriptions, computed dependency tracking, extenders, rate-limited notifications on timers and
// observable arrays. A view model built in the first turn is changed over the next ones.
var out = function (s) { console.log(String(s)); };
var log = [];
var vm = {
  first: ko.observable('Ada'),
  last: ko.observable('Lovelace'),
  items: ko.observableArray([3, 1, 2]),
  price: ko.observable(10).extend({ notify: 'always' })
};
vm.full = ko.pureComputed(function () { return vm.first() + ' ' + vm.last(); });
vm.total = ko.computed(function () {
  return vm.items().reduce(function (a, b) { return a + b; }, 0) * vm.price();
});
vm.throttled = ko.pureComputed(function () { return vm.full().toUpperCase(); }).extend({ rateLimit: { timeout: 5, method: 'notifyWhenChangesStop' } });
vm.full.subscribe(function (v) { log.push('full ' + v); });
vm.total.subscribe(function (v) { log.push('total ' + v); });
vm.total.subscribe(function (old) { log.push('total was ' + old); }, null, 'beforeChange');
vm.items.subscribe(function (changes) { log.push('changes ' + JSON.stringify(changes)); }, null, 'arrayChange');
vm.throttled.subscribe(function (v) { log.push('throttled ' + v); step(); });
var turn = 0;
function flush(label) { out(label + ': ' + log.join(' / ')); log = []; }
function step() {
  turn++;
  if (turn === 1) {
    out('proto ' + (Object.getPrototypeOf(vm.first) === ko.observable.fn) + ' ' + ko.isObservable(vm.first) + ' ' + ko.isComputed(vm.total) + ' ' + ko.isWritableObservable(vm.full));
    vm.first('Grace'); vm.items.push(4); vm.price(2);
    flush('turn 1');
  } else if (turn === 2) {
    vm.last('Hopper'); vm.items.sort(); vm.items.remove(1); vm.items.splice(0, 0, 10, 20);
    flush('turn 2');
    out('peek ' + vm.total.peek() + ' deps ' + vm.total.getDependenciesCount() + ' subs ' + vm.full.getSubscriptionsCount());
  } else if (turn === 3) {
    ko.utils.arrayForEach(vm.items(), function (x, i) { log.push(i + ':' + x); });
    vm.items.reverse(); vm.price(3); vm.first('Alan'); vm.last('Turing');
    flush('turn 3');
    out('js ' + ko.toJSON(vm) + ' ' + JSON.stringify(ko.toJS({ a: vm.items, b: { c: vm.first } })));
  } else if (turn === 4) {
    vm.total.dispose();
    vm.items.removeAll([10, 20]); vm.price(100);
    flush('turn 4');
    out('disposed ' + vm.total.isActive() + ' ' + vm.total() + ' ' + vm.items().join(','));
    out('done');
  }
}
vm.first('Grace ');   // the rate-limited computed fires a timer: the first turn
