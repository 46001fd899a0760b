// package: vue@2.6.14 vue/dist/vue.runtime.min.js
// Driver for Vue 2.6's runtime without a DOM (prepended by tests/thirdparty.sh; the production build: the
// development one wraps components in a Proxy, which no snapshot can carry): its reactivity system
// turns data into getters/setters closing over a Dep, replaces the prototype of every reactive array
// with an object of patched mutators, and runs watchers asynchronously (nextTick queues a flush on
// setImmediate, which it finds native). A component with data, computed properties, watchers, methods
// and an event bus is driven over several turns.
var out = function (s) { console.log(String(s)); };
Vue.config.productionTip = false;
Vue.config.devtools = false;
var log = [];
var bus = new Vue();
var vm = new Vue({
  data: { devices: [{ name: 'lamp', watts: 9 }, { name: 'fan', watts: 40 }], limit: 50, meta: { owner: 'ada' } },
  computed: {
    total: function () { return this.devices.reduce(function (a, d) { return a + d.watts; }, 0); },
    over: function () { return this.total > this.limit; },
    names: { get: function () { return this.devices.map(function (d) { return d.name; }).join(','); },
      set: function (v) { var self = this; v.split(',').forEach(function (n, i) { if (self.devices[i]) self.devices[i].name = n; }); } }
  },
  watch: {
    total: function (v, old) { log.push('total ' + old + '->' + v); },
    over: { handler: function (v) { log.push('over ' + v); bus.$emit('alarm', v); }, immediate: true },
    meta: { handler: function (v) { log.push('meta ' + JSON.stringify(v)); }, deep: true },
    'meta.owner': function (v, old) { log.push('owner ' + old + '->' + v); }
  },
  methods: { add: function (n, w) { this.devices.push({ name: n, watts: w }); } }
});
bus.$on('alarm', function (v) { log.push('alarm ' + v); });
bus.$once('alarm', function () { log.push('first alarm only'); });
var turn = 0;
function step() {
  turn++;
  if (turn === 1) {
    out('proto ' + (Object.getPrototypeOf(vm.devices) !== Array.prototype) + ' ' + Array.isArray(vm.devices) + ' ' + Object.keys(vm.$data).join(','));
    vm.add('heater', 1500); vm.limit = 2000;
  } else if (turn === 2) {
    vm.devices[0].watts = 12; vm.devices.splice(1, 1); vm.meta.owner = 'grace';
    Vue.set(vm.meta, 'room', 'lab');
  } else if (turn === 3) {
    vm.names = 'LAMP,HEATER'; vm.devices.sort(function (a, b) { return a.watts - b.watts; }); vm.devices.reverse();
    vm.limit = 10;
    var unwatch = vm.$watch(function () { return this.devices.length; }, function (n) { log.push('length ' + n); });
    vm.devices.pop(); vm.devices.unshift({ name: 'pump', watts: 250 });
    vm._unwatch = unwatch;
  } else if (turn === 4) {
    vm._unwatch(); vm.devices.push({ name: 'oven', watts: 2000 }); Vue.delete(vm.meta, 'room');
  }
  vm.$nextTick(function () {
    out('turn ' + turn + ': ' + log.join(' / ') + ' | total ' + vm.total + ' over ' + vm.over + ' names ' + vm.names);
    log = [];
    if (turn < 4) setTimeout(step, 1); else out('done');
  });
}
out('initial ' + log.join(' / ')); log = [];
setTimeout(step, 1);
