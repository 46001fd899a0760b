// accessor and method keys outside ASCII in strict code (tagging keys and makers), across a snapshot
"use strict";
function mk(v) {
  return { get café() { return v; }, été() { return v + 1; } };
}
var o = mk(41);
console.log(o["café"], o["été"]());
setTimeout(function () { console.log(o["café"]); }, 1);
