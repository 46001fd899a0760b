// package: graphlib@2.1.8 graphlib/dist/graphlib.js graphlib/dist/graphlib.min.js
// prelude: var self = this, window = this;
// Driver for graphlib 2.1 (directed multigraphs with compound nodes; its browserify build carries the
// lodash functions it uses; `window.graphlib`). A graph keeps its nodes, edges and adjacency in objects
// keyed by strings that join node names and edge names with "\x01" and use "\x00" for an unnamed edge:
// control characters in property keys, migrated between turns. The graph grows and shrinks over turns
// (parents, labels made by default-label functions, multi-edges); algorithms run on it each turn
// (dijkstra, dijkstraAll, floydWarshall, tarjan, topsort, prim, components, isAcyclic, findCycles,
// preorder/postorder), and json write/read round-trips it.
var out = function (s) { console.log(String(s)); };
var G = graphlib.Graph, alg = graphlib.alg;
var g = new G({ multigraph: true, compound: true });
var created = 0;
g.setGraph({ name: 'devices', rank: 'LR' });
g.setDefaultNodeLabel(function (v) { created++; return { made: v, n: created }; });
g.setDefaultEdgeLabel(function (v, w, name) { return { w: (v.length + w.length) % 5 + 1, name: name || null }; });
var u = new G({ directed: false });
function srt(a) { return a.slice().sort(); }
function edges(gr) { return gr.edges().map(function (e) { return e.v + '>' + e.w + (e.name !== undefined ? ':' + JSON.stringify(e.name) : ''); }).sort().join(' '); }
function weight(e) { var l = g.edge(e); return l && l.w || 1; }
var turn = 0;
function step() {
  if (turn === 0) {
    g.setPath(['hub', 'lamp', 'bulb', 'socket']);
    g.setEdge('hub', 'plug', { w: 2 });
    g.setEdge('hub', 'plug', { w: 7 }, 'backup');
    g.setEdge('plug', 'socket');
    g.setParent('lamp', 'livingroom');
    g.setParent('bulb', 'livingroom');
    g.setParent('livingroom', 'house');
  } else if (turn === 1) {
    g.setNodes(['sensor', 'relay'], { kind: 'io' });
    g.setEdge('socket', 'sensor', { w: 1 }, 'wire\x00odd');
    g.setEdge('sensor', 'relay');
    g.setEdge('relay', 'hub', { w: 3 });   // a cycle
    g.node('lamp').on = true;
  } else if (turn === 2) {
    g.removeEdge('relay', 'hub');
    g.setEdge({ v: 'relay', w: 'plug', name: 'sense' }, { w: 1 });
    g.removeNode('bulb');
    g.setParent('relay', 'house');
  } else if (turn === 3) {
    var part = g.filterNodes(function (v) { return v !== 'sensor' && g.nodeEdges(v).length > 0; });
    part.edges().forEach(function (e) { u.setEdge(e.v, e.w, weight(e)); });
    g.setEdge('socket', 'sensor', { w: 4 }, 'spare');
  }
  out('turn ' + turn + ' graph ' + JSON.stringify(g.graph()) + ' nodes ' + g.nodeCount() + ' edges ' + g.edgeCount() + ' labels made ' + created);
  out('  ' + edges(g));
  out('  children(house) ' + srt(g.children('house') || []).join(',') + ' parent(lamp) ' + g.parent('lamp') + ' sources ' + srt(g.sources()).join(',') + ' sinks ' + srt(g.sinks()).join(','));
  out('  out(hub) ' + g.outEdges('hub').map(function (e) { return e.w + (e.name ? ':' + e.name : ''); }).sort().join(',') + ' nodeEdges(socket) ' + g.nodeEdges('socket').length + ' succ(plug) ' + srt(g.successors('plug') || []).join(','));
  var d = alg.dijkstra(g, 'hub', weight);
  out('  dijkstra ' + Object.keys(d).sort().map(function (k) { return k + '=' + d[k].distance + '<' + (d[k].predecessor || '-'); }).join(' '));
  var tarjan = alg.tarjan(g).map(function (c) { return srt(c).join('+'); }).sort();
  out('  tarjan ' + tarjan.join(' ') + ' acyclic ' + alg.isAcyclic(g) + ' cycles ' + alg.findCycles(g).map(function (c) { return srt(c).join('+'); }).join(' '));
  if (alg.isAcyclic(g)) out('  topsort ok ' + alg.topsort(g).length + ' preorder ' + alg.preorder(g, ['hub']).join(',') + ' postorder ' + alg.postorder(g, ['hub']).join(','));
  var fw = alg.floydWarshall(g, weight);
  out('  floyd hub->socket ' + fw.hub.socket.distance + ' plug->hub ' + fw.plug.hub.distance + ' components ' + alg.components(g).map(function (c) { return c.length; }).sort().join(','));
  if (u.nodeCount() > 0) {
    var mst = alg.prim(u, function (e) { return u.edge(e); });
    out('  undirected ' + edges(u) + ' prim ' + edges(mst) + ' all ' + Object.keys(alg.dijkstraAll(u, function (e) { return u.edge(e); })).length);
  }
  var json = graphlib.json.write(g);
  var back = graphlib.json.read(JSON.parse(JSON.stringify(json)));
  out('  json ' + JSON.stringify(json).length + ' read back ' + (edges(back) === edges(g)) + ' ' + back.isCompound() + ' ' + back.parent('lamp'));
  turn++;
  if (turn < 5) setTimeout(step, 1);
  else out('internal keys ' + Object.keys(g._edgeObjs).map(function (k) { return JSON.stringify(k); }).sort().join(' '));
}
setTimeout(step, 1);
