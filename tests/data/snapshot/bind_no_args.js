// bind() without arguments: the bound function's this is undefined (Babel's _setPrototypeOf does
// `Object.setPrototypeOf.bind()`); its snapshot must say so, not name the bound function itself
var setProto = Object.setPrototypeOf.bind();
var max = Math.max.bind();
function who() { 'use strict'; return this === undefined ? 'undefined' : typeof this; }
var whoBound = who.bind();
var whoBoundTwice = whoBound.bind({ ignored: true });
var turn = 0;
function step() {
  var o = setProto({}, { proto: 'yes' });
  console.log('turn ' + turn + ' ' + o.proto + ' ' + max(turn, 3, 1) + ' ' + whoBound() + ' ' + whoBoundTwice() + ' ' + setProto.length + ' ' + max.name);
  turn++;
  if (turn < 3) setTimeout(step, 1);
}
setTimeout(step, 1);
