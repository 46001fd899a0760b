// a steady stream of turns for --checkpoint-every
var out = [];
for (var i = 1; i <= 30; i++) setTimeout(console.log, i * 10, "tick", i);
