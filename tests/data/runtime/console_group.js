// console.count, console.group and console.time as Node's: stdout is node's;
// the warnings on stderr are Node's without its "(node:PID)" and come at
// once (Node prints them after the current turn)
console.count(); console.count(); console.count('x'); console.count({ toString: function () { return 'obj'; } });
console.countReset(); console.count();
console.countReset('nope');
console.group('Group %s', 'A');
console.log('inside');
console.log({ a: [1, 2, 3], b: 'long string to make this object break over several lines for sure ok' });
console.group();
console.error('deeper\nsecond line');
console.dir([1, 2]);
console.groupEnd();
console.warn('back');
console.groupEnd();
console.groupEnd();
console.log('outside');
console.groupCollapsed('collapsed');
console.count('x');
console.groupEnd();
console.time('t'); console.time('t');
console.timeLog('none');
console.timeEnd('none');
