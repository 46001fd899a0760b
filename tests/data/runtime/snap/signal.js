// waits long enough to be signalled after printing "ready"
var box = { n: 41, list: [1, 2] };
setTimeout(console.log, 1, "ready");
setTimeout(console.log, 1200, "end", box);
