// package: mustache@4.2.0 mustache/mustache.js
// Driver for mustache.js 4 (prepended by tests/thirdparty.sh): sections, inverted sections, partials, lambdas,
// escaping, custom tags; Mustache's template cache and a pre-parsed template kept across turns.
var out = function (s) { console.log(String(s)); };
var view = {
  title: 'Joe <& "friends">',
  calc: function () { return 2 + 4; },
  items: [{ name: 'red', first: true }, { name: 'green' }, { name: 'blue' }],
  empty: [],
  bold: function () { return function (text, render) { return '<b>' + render(text) + '</b>'; }; },
  person: { name: { first: 'Ada', last: 'Lovelace' }, age: 36 }
};
var partials = { user: '<strong>{{name.first}} {{name.last}}</strong> ({{age}})' };
var tpl = '{{title}} spends {{calc}} | {{{title}}} | {{#items}}{{#first}}[{{/first}}{{name}}{{#first}}]{{/first}},{{/items}} | {{^empty}}no items{{/empty}} | {{#bold}}Hi {{person.name.first}}.{{/bold}} | {{#person}}{{> user}}{{/person}}';
Mustache.parse(tpl);
var turn = 0;
function step() {
  turn++;
  out('turn ' + turn);
  if (turn === 1) {
    out(Mustache.render(tpl, view, partials));
  } else if (turn === 2) {
    view.items.push({ name: 'yellow' });
    view.title = 'Ann';
    out(Mustache.render(tpl, view, partials));
    out(Mustache.render('{{=<% %>=}}<% title %> {{not a tag}} <%={{ }}=%>{{title}}', view));
  } else if (turn === 3) {
    out(Mustache.render('{{#list}}{{.}}-{{/list}}|{{#obj}}{{a}}{{b}}{{/obj}}|{{missing}}|{{&raw}}', { list: [1, 2, 3], obj: { a: 'A', b: 'B' }, raw: '<i>' }));
    out(Mustache.escape('<a href="x">&\'/`=</a>') + ' ' + JSON.stringify(Mustache.parse('a {{b}} {{#c}}d{{/c}}')));
    try { Mustache.render('{{#open}}never closed', {}); } catch (e) { out('error: ' + e.message); }
  } else if (turn === 4) {
    view.person.age++;
    out(Mustache.render(tpl, view, function (name) { return name === 'user' ? '{{name.last}}!' : ''; }));
    out(Mustache.name + ' ' + Mustache.version + ' ' + Mustache.tags.join(' '));
  }
  if (turn < 4) setTimeout(step, 2);
}
setTimeout(step, 1);
