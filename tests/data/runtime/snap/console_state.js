// console.count and console.group keep state across turns: a resume after
// any turn goes on counting and indenting where the run left off (data
// only, the callbacks are the console's own functions)
setTimeout(console.count, 10, "tick");
setTimeout(console.group, 20, "outer");
setTimeout(console.count, 30, "tick");
setTimeout(console.log, 40, "inside", { n: 1 });
setTimeout(console.group, 50);
setTimeout(console.log, 60, "deeper\nline");
setTimeout(console.countReset, 70, "tick");
setTimeout(console.count, 80, "tick");
setTimeout(console.groupEnd, 90);
setTimeout(console.dir, 100, [1, 2]);
setTimeout(console.groupEnd, 110);
setTimeout(console.count, 120, "tick");
