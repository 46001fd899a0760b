// package: handlebars@4.7.8 handlebars/dist/handlebars.js handlebars/dist/handlebars.min.js
// may-refuse: a function without a site tag
// Driver for Handlebars 4.7 (full browser dist prepended by tests/thirdparty.sh): compile, helpers, partials,
// block helpers, data variables, escaping, precompile. Compiled templates are made with `new Function`,
// so snapshots are refused (correctly, by design) while one is reachable; the driver drops them after use.
var out = function (s) { console.log(String(s)); };
var H = Handlebars.create();
H.registerHelper('upper', function (s) { return String(s).toUpperCase(); });
H.registerHelper('list', function (items, options) {
  var r = '<ul>';
  for (var i = 0; i < items.length; i++) r += '<li>' + options.fn(items[i], { data: { index: i } }) + '</li>';
  return r + '</ul>';
});
H.registerHelper('eq', function (a, b, options) { return a === b ? options.fn(this) : options.inverse(this); });
H.registerPartial('person', '{{firstName}} {{lastName}}');
var data = { people: [{ firstName: 'Yehuda', lastName: 'Katz' }, { firstName: 'Carl', lastName: 'Lerche' }], title: '<All> & "People"' };
var kept = null;
var turn = 0;
function step() {
  turn++;
  out('turn ' + turn);
  if (turn === 1) {
    kept = H.compile('{{title}} {{{title}}} {{#list people}}{{@index}}:{{> person}} {{upper lastName}}{{/list}}');
    out(kept(data));
  } else if (turn === 2) {
    data.people.push({ firstName: 'Alan', lastName: 'Johnson' });
    out(kept(data));
    kept = null;
    // the partial was compiled (new Function) and cached on first use: put the source back
    H.unregisterPartial('person');
    H.registerPartial('person', '{{firstName}} {{lastName}}');
  } else if (turn === 3) {
    var t = H.compile('{{#each items}}{{#if @first}}first {{/if}}{{@key}}={{this}}{{#unless @last}}, {{/unless}}{{/each}} | {{#eq a b}}same{{else}}different{{/eq}} | {{#with obj}}{{x}}-{{../top}}{{/with}} | {{lookup arr 1}}');
    out(t({ items: { a: 1, b: 2, c: 3 }, a: 1, b: 2, obj: { x: 'X' }, top: 'T', arr: ['p', 'q'] }));
    out(H.Utils.escapeExpression('<b>"x" & \'y\'</b>') + ' ' + new H.SafeString('<i>').toString() + ' ' + H.VERSION);
  } else if (turn === 4) {
    var pre = H.precompile('{{a}}');
    out('precompiled ' + typeof pre + ' ' + (pre.indexOf('"compiler":[8') >= 0));
    try { H.compile('{{#each}}unterminated')(); } catch (e) { out('error: ' + e.message.split('\n')[0]); }
    out(JSON.stringify(H.parse('{{a.b}} text {{#c}}d{{/c}}').body.map(function (n) { return n.type; })));
  }
  if (turn < 4) setTimeout(step, 2);
  else setTimeout(function () { out('end ' + data.people.length + ' ' + (kept === null)); }, 1);
}
setTimeout(step, 1);
