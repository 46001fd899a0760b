// package: synaptic@1.1.4 synaptic/dist/synaptic.js
// prelude: var self = this;
// Driver for Synaptic 1.1 (an architecture-free neural network library; webpack UMD, `this.synaptic`):
// networks are object graphs with cycles (neurons know their connections, connections their neurons,
// layers their neurons and the network its layers; an LSTM has self-connections and gates). A
// perceptron learns XOR a few hundred iterations per turn, an LSTM is trained on a sequence task, a
// hand-wired network is projected, gated and cloned through toJSON/fromJSON. Networks run unoptimized
// (setOptimize(false)): the optimized path compiles the network with `new Function`. Math.random is
// replaced by a seeded generator whose state is migrated with the weights.
var out = function (s) { console.log(String(s)); };
var seed = 42;
Math.random = function () { seed = (seed * 16807) % 2147483647; return (seed - 1) / 2147483646; };
var S = synaptic;
function r4(x) { return Math.round(x * 1e4) / 1e4; }
var xor = [{ input: [0, 0], output: [0] }, { input: [0, 1], output: [1] }, { input: [1, 0], output: [1] }, { input: [1, 1], output: [0] }];
var perceptron = new S.Architect.Perceptron(2, 3, 1);
perceptron.setOptimize(false);
var trainer = new S.Trainer(perceptron);
var lstm = new S.Architect.LSTM(2, 3, 1);
lstm.setOptimize(false);
// hand-wired: input -> hidden (all to all), hidden -> hidden (one to one, self memory), hidden -> output,
// the output gated by a gate layer
var input = new S.Layer(2), hidden = new S.Layer(3), output = new S.Layer(1), gate = new S.Layer(3);
input.project(hidden);
var memory = hidden.project(hidden, S.Layer.connectionType.ONE_TO_ONE);
var ho = hidden.project(output);
input.project(gate);
gate.gate(ho, S.Layer.gateType.OUTPUT);
var wired = new S.Network({ input: input, hidden: [hidden, gate], output: output });
wired.setOptimize(false);
var turn = 0;
function step() {
  var res = trainer.train(xor, { iterations: 150, rate: 0.4, error: 0.005, shuffle: turn % 2 === 1, cost: S.Trainer.cost.CROSS_ENTROPY });
  out('turn ' + turn + ' xor error ' + r4(res.error) + ' iterations ' + res.iterations + ' ->' +
    xor.map(function (s) { return ' ' + r4(perceptron.activate(s.input)[0]); }).join(''));
  // the LSTM learns "output the first input of the previous step"; its memory cells carry state from
  // one activation to the next (and from one turn to the next)
  var prev = 0, errSum = 0;
  for (var t = 0; t < 40; t++) {
    var a = (t * 7 + turn) % 3 === 0 ? 1 : 0, b = t % 2;
    var o = lstm.activate([a, b])[0];
    errSum += Math.abs(o - prev);
    lstm.propagate(0.2, [prev]);
    prev = a;
  }
  out('  lstm mean error ' + r4(errSum / 40) + ' neurons ' + lstm.neurons().length + ' state ' + r4(lstm.layers.hidden[0].list[0].state));
  var w = wired.activate([turn % 2, 1]);
  wired.propagate(0.3, [turn % 2 ? 0.9 : 0.1]);
  var mem = memory.list.map(function (c) { return r4(c.weight) + '/' + c.from.ID % 1000 + '>' + c.to.ID % 1000; });
  out('  wired ' + r4(w[0]) + ' memory ' + mem.join(' ') + ' gated ' + ho.gatedfrom.length + ' ' + r4(output.list[0].activation));
  if (turn === 3) {
    var json = perceptron.toJSON();
    var copy = S.Network.fromJSON(JSON.parse(JSON.stringify(json)));
    copy.setOptimize(false);
    out('  clone ' + json.neurons.length + ' neurons ' + json.connections.length + ' connections, same ' +
      xor.every(function (s) { return copy.activate(s.input)[0] === perceptron.activate(s.input)[0]; }));
    perceptron = copy;
    trainer = new S.Trainer(perceptron);
  }
  if (turn === 4) {
    var h = new S.Architect.Hopfield(10);
    h.setOptimize(false);
    h.learn([[0, 1, 0, 1, 0, 1, 0, 1, 0, 1], [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]]);
    out('  hopfield ' + h.feed([0, 1, 0, 1, 0, 1, 0, 1, 1, 1]).join('') + ' ' + h.feed([1, 1, 1, 1, 1, 0, 0, 1, 0, 0]).join(''));
  }
  turn++;
  if (turn < 6) setTimeout(step, 1);
  else out('random state ' + seed + ' neuron count ' + S.Neuron.quantity().neurons);
}
setTimeout(step, 1);
