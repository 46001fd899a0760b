// Event loop: identity kept across turns: shared environments, the same object or function reachable twice, cycles, distinct envs per call.
function makeShared() {
  var log = [];
  var obj = { hits: 0 };
  function add(x) { log.push(x); obj.hits++; }
  function view() { return log.join('') + '/' + obj.hits; }
  return { add: add, view: view, obj: obj };
}
var s1 = makeShared();
var s2 = makeShared();
var alias = s1.add;
var registry = { first: s1.obj, again: s1.obj };
var ring = { name: 'a' };
ring.next = { name: 'b', next: { name: 'c', next: ring } };
var sameFn = [alias, s1.add];
var arr = [1, 2, 3];
var holder = { list: arr, copy: arr };

var turns = [
  function () { s1.add('x'); alias('y'); s2.add('z'); },
  function () { registry.first.hits += 10; },
  function () { holder.list.push(4); },
  function () { ring = ring.next; },
  function () { sameFn[1]('w'); }
];
var t = 0;
function report() {
  return [
    s1.view(), s2.view(),
    String(registry.first === registry.again), String(registry.first === s1.obj),
    String(sameFn[0] === sameFn[1]), String(alias === s1.add), String(s1.add === s2.add),
    ring.name + ring.next.name + ring.next.next.name + ring.next.next.next.name,
    String(holder.list === holder.copy), holder.copy.join('')
  ].join(' ');
}
var iv = setInterval(function () {
  turns[t]();
  console.log('after ' + t + ': ' + report());
  t++;
  if (t === turns.length) { clearInterval(iv); console.log('final ' + report()); }
}, 3);
console.log('start ' + report());
