// package: lodash@4.17.21 lodash/lodash.js lodash/lodash.min.js
// Driver for lodash 4 (library text is prepended by tests/thirdparty.sh): collections, objects, strings,
// memoize/curry/once/partial state kept across event-loop turns, lazy chains, templates, deep clone/merge.
var out = function (s) { console.log(String(s)); };
var memo = _.memoize(function (n) { return n * n; });
var curried = _.curry(function (a, b, c) { return a + b * c; });
var partial = _.partial(function (greeting, name) { return greeting + ' ' + name; }, 'hi');
var counter = _.after(3, function () { return 'after-3'; });
var users = [
  { user: 'barney', age: 36, active: true, tags: ['a', 'b'] },
  { user: 'fred', age: 40, active: false, tags: ['b'] },
  { user: 'pebbles', age: 1, active: true, tags: [] }
];
var lazy = _(_.range(1, 200)).map(function (x) { return x * 3; }).filter(function (x) { return x % 2 === 0; }).take(5);
var steps = [
  function () {
    out(JSON.stringify(_.chunk(['a', 'b', 'c', 'd', 'e'], 2)));
    out(JSON.stringify(_.sortBy(users, ['age']).map(function (u) { return u.user; })));
    out(JSON.stringify(_.orderBy(users, ['active', 'age'], ['desc', 'asc']).map(function (u) { return u.user; })));
    out(JSON.stringify(_.groupBy([6.1, 4.2, 6.3], Math.floor)));
    out(JSON.stringify(_.partition(users, 'active')));
    out(JSON.stringify(_.countBy(['one', 'two', 'three'], 'length')) + ' ' + counter());
  },
  function () {
    out(memo(12) + ' ' + memo(12) + ' ' + memo.cache.has(12));
    out(curried(1)(2)(3) + ' ' + curried(1, 2)(3) + ' ' + partial('fred'));
    out(JSON.stringify(_.merge({ a: [{ b: 2 }, { d: 4 }] }, { a: [{ c: 3 }, { e: 5 }] })));
    out(_.camelCase('Foo Bar') + ' ' + _.kebabCase('fooBar') + ' ' + _.snakeCase('Foo Bar') + ' ' + _.padStart('7', 3, '0'));
    out(_.words('fred, barney, & pebbles').join('|') + ' ' + _.truncate('hi-diddly-ho there, neighborino', { length: 24 }));
    out(counter() + ' ' + JSON.stringify(lazy.value()));
  },
  function () {
    var tpl = _.template('hello <%= user %>, you are <%- age %>! <% _.forEach(tags, function (t) { %>[<%= t %>]<% }); %>');
    out(_.map(users, tpl).join('|'));
    out(_(users).filter('active').map('user').join(','));
    out(JSON.stringify(_.zipObject(['a', 'b'], [1, 2])) + ' ' + _.isEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }));
    out(JSON.stringify(_.uniqBy([2.1, 1.2, 2.3], Math.floor)) + ' ' + _.sum([4, 2, 8, 6]) + ' ' + _.meanBy(users, 'age'));
    out(JSON.stringify(_.difference([2, 1, 5], [2, 3])) + JSON.stringify(_.intersection([2, 1], [2, 3])) + JSON.stringify(_.xor([2, 1], [2, 3])));
    out(counter() + ' ' + JSON.stringify(_.get({ a: [{ b: { c: 3 } }] }, 'a[0].b.c')) + ' ' + JSON.stringify(_.set({}, 'x[0].y', 5)));
  },
  function () {
    out(memo(12) + ' ' + memo.cache.has(13) + ' ' + memo(13) + ' ' + memo.cache.has(13));
    var once = _.once(function (x) { return 'once:' + x; });
    out(once(1) + ' ' + once(2));
    out(JSON.stringify(_.cloneDeep({ d: new Date(0), r: /x/g, a: [1, [2, [3]]] })));
    out(_.escape('<a href="x">&</a>') + ' ' + _.unescape('&lt;b&gt;') + ' ' + _.escapeRegExp('[lodash](x)'));
    out(JSON.stringify(_.flattenDeep([1, [2, [3, [4]], 5]])) + ' ' + JSON.stringify(_.fromPairs([['a', 1], ['b', 2]])));
    out(JSON.stringify(_.invert({ a: 1, b: 2 })) + ' ' + JSON.stringify(_.mapValues({ a: 1, b: 2 }, function (v) { return v * 10; })));
    out(_.VERSION + ' ' + _.isPlainObject(Object.create(null)) + ' ' + _.isArguments((function () { return arguments; })()));
  }
];
var i = 0;
var iv = setInterval(function () {
  out('tick ' + i);
  steps[i++]();
  if (i === steps.length) {
    clearInterval(iv);
    setTimeout(function () { out('done ' + memo(12) + ' ' + curried(2)(3, 4) + ' ' + counter() + ' ' + JSON.stringify(lazy.reverse().value())); }, 1);
  }
}, 2);
