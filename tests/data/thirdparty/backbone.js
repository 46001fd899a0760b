// package: backbone@1.4.1 underscore/underscore-umd.js+backbone/backbone.js
// prelude: var self = this;
// Driver for Backbone 1.4 on underscore (both prepended by tests/thirdparty.sh; Backbone finds its global through
// `self`, and runs without jQuery): Models with validation and change events, Collections with comparators,
// Events mixins, listenTo; the object graph of models, collections and listeners is migrated.
var out = function (s) { console.log(String(s)); };
var Todo = Backbone.Model.extend({
  defaults: { title: '', done: false, order: 0 },
  validate: function (attrs) { if (!attrs.title) return 'title required'; },
  toggle: function () { this.set('done', !this.get('done')); }
});
var Todos = Backbone.Collection.extend({ model: Todo, comparator: 'order', remaining: function () { return this.where({ done: false }).length; } });
var todos = new Todos();
var log = [];
var watcher = _.extend({}, Backbone.Events);
watcher.listenTo(todos, 'add', function (m) { log.push('add:' + m.get('title')); });
watcher.listenTo(todos, 'change:done', function (m, v) { log.push('done:' + m.get('title') + '=' + v); });
todos.on('invalid', function (m, err) { log.push('invalid:' + err); });
todos.on('sort', function () { log.push('sort'); });
var turn = 0;
function step() {
  turn++;
  if (turn === 1) {
    todos.add([{ title: 'write driver', order: 3 }, { title: 'run tests', order: 1 }, { title: 'commit', order: 2 }]);
    out('titles ' + todos.pluck('title').join(',') + ' remaining ' + todos.remaining());
  } else if (turn === 2) {
    todos.at(0).toggle();
    todos.findWhere({ title: 'commit' }).set({ order: 0 }).collection.sort();
    var bad = new Todo({ title: 'x' });
    out('valid ' + bad.set({ title: '' }, { validate: true }) + ' ' + bad.validationError + ' cid ' + bad.cid);
    todos.add({ title: '' }, { validate: true });
    out('titles ' + todos.pluck('title').join(',') + ' remaining ' + todos.remaining() + ' ' + JSON.stringify(todos.at(1).changedAttributes()));
  } else if (turn === 3) {
    watcher.stopListening(todos, 'add');
    todos.add({ title: 'unheard', order: 9 });
    todos.remove(todos.at(0));
    out(JSON.stringify(todos.toJSON()) + ' ' + todos.length + ' ' + todos.get(todos.at(0).cid).get('title'));
    out(JSON.stringify(todos.groupBy('done')) + ' ' + todos.map(function (m) { return m.escape('title'); }).join('|'));
  }
  if (turn < 3) setTimeout(step, 2);
  else setTimeout(function () { out('log ' + log.join(' ')); out(Backbone.VERSION + ' ' + _.VERSION + ' ' + (Backbone.$ === undefined)); }, 1);
}
setTimeout(step, 1);
