// package: underscore@1.13.6 underscore/underscore-umd.js
// Driver for underscore 1.13 (UMD build prepended by tests/thirdparty.sh): collections, functions with
// hidden state (memoize, once, after, partial), chains, templates, mixins, uniqueId counter across turns.
var out = function (s) { console.log(String(s)); };
var stooges = [{ name: 'curly', age: 25 }, { name: 'moe', age: 21 }, { name: 'larry', age: 23 }];
var fib = _.memoize(function (n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); });
var initOnce = _.once(function () { return 'initialised ' + _.uniqueId('init_'); });
var afterTwo = _.after(2, function () { return 'two calls done'; });
var sub = _.partial(function (a, b) { return b - a; }, 5);
_.mixin({ capitalize: function (s) { return s.charAt(0).toUpperCase() + s.substring(1).toLowerCase(); } });
var compiled = null;
var turn = 0;
function step() {
  turn++;
  out('turn ' + turn + ' ' + _.uniqueId('t'));
  if (turn === 1) {
    out(_.map([1, 2, 3], function (n) { return n * 3; }).join(',') + ' ' + _.reduce([1, 2, 3], function (m, n) { return m + n; }, 0));
    out(JSON.stringify(_.sortBy(stooges, 'age')) + ' ' + JSON.stringify(_.pluck(stooges, 'name')));
    out(JSON.stringify(_.groupBy(['one', 'two', 'three'], 'length')) + ' ' + JSON.stringify(_.indexBy(stooges, 'age')));
    out(fib(30) + ' ' + initOnce() + ' ' + (afterTwo() === undefined));
  } else if (turn === 2) {
    out(JSON.stringify(_.chain(stooges).sortBy('age').map(function (s) { return s.name + ' is ' + s.age; }).first().value()));
    out(_.capitalize('fABIO') + ' ' + _('fabio').capitalize() + ' ' + sub(20) + ' ' + afterTwo());
    out(JSON.stringify(_.zip(['moe', 'larry'], [30, 40], [true, false])) + ' ' + JSON.stringify(_.object(['a', 'b'], [1, 2])));
    out(JSON.stringify(_.range(0, 30, 5)) + ' ' + JSON.stringify(_.flatten([1, [2], [3, [[4]]]])) + ' ' + JSON.stringify(_.uniq([1, 2, 1, 4, 1, 3])));
  } else if (turn === 3) {
    compiled = _.template('<% _.each(people, function(p) { %><li><%- p %></li><% }); %> and <%= extra %>');
    out(compiled({ people: ['moe', '<curly>'], extra: 'x' }));
    compiled = null;
    out(_.isEqual({ a: [1, 2, { b: 3 }] }, { a: [1, 2, { b: 3 }] }) + ' ' + _.isEmpty({}) + ' ' + _.isMatch({ a: 1, b: 2 }, { b: 2 }));
    out(JSON.stringify(_.countBy([1, 2, 3, 4, 5], function (n) { return n % 2 === 0 ? 'even' : 'odd'; })));
    out(JSON.stringify(_.invert({ Moe: 'Moses', Larry: 'Louis' })) + ' ' + JSON.stringify(_.pick({ a: 1, b: 2, c: 3 }, 'a', 'c')));
    out(_.escape('Curly, Larry & Moe <b>') + ' ' + _.times(3, function (n) { return n * n; }).join('/'));
  } else if (turn === 4) {
    out(fib(40) + ' ' + initOnce() + ' ' + _.size({ one: 1, two: 2, three: 3 }));
    out(JSON.stringify(_.difference([1, 2, 3, 4, 5], [5, 2, 10])) + JSON.stringify(_.intersection([1, 2, 3], [101, 2, 1, 10])) + JSON.stringify(_.union([1, 2, 3], [101, 2, 1, 10])));
    out(JSON.stringify(_.partition([0, 1, 2, 3, 4, 5], function (n) { return n % 2; })) + ' ' + _.max(stooges, 'age').name + ' ' + _.min([10, 5, 100]));
    out(_.VERSION);
  }
  if (turn < 4) setTimeout(step, 3);
  else setTimeout(function () { out('end ' + _.uniqueId() + ' ' + fib(20)); }, 1);
}
setTimeout(step, 1);
