// The smallest migratable program: tests/snapshot.sh truncates its snapshot
// at every byte and flips bits in it.
var state = { n: 0, name: 'tiny' };
function tick(step) {
  state.n += step;
  console.log(state.name + ' ' + state.n);
  if (state.n < 3) setTimeout(tick, 1, step);
}
setTimeout(tick, 1, 1);
