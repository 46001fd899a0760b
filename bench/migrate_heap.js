// bench/migrate_heap.js -- the program bench/migrate_bench migrates: it builds
// a live heap of about SIZE bytes (process.argv: ... SIZE; records of a
// number, a string and a 3-element array, ~260 allocator bytes each), then
// ticks every millisecond, writing "tick N" to stderr (unbuffered), so the
// bench sees the first callback that runs after a migration.
var size = Number(process.argv[process.argv.length - 1]) || 10000;
var records = [];
for (var i = 0; i * 260 < size; i++)
  records.push({ id: i, name: 'record-' + i, values: [i, i * 0.5, i % 7] });
var ticks = 0;
setInterval(function () {
  ticks++;
  console.error('tick ' + ticks + ' ' + records.length);
}, 1);
