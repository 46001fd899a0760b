// Forms found in third-party libraries (tests/thirdparty.sh) that broke instrumentation; one block per bug.
// 1. lodash baseClone: `stack || (stack = new Stack)` on a captured variable written only by its own function
function clone1(k) {
  var stack, n = 0;
  function peek() { return stack + ':' + n; }
  stack || (stack = k);
  n || ((n = 2));
  var t = (stack = stack + '!') + '?';
  return peek() + ' ' + t;
}
console.log('parenthesized assignment: ' + clone1('a'));
