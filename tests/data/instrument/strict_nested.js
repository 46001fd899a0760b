"use strict";
// strict program: inherited strictness in closures, this undefined, assignments to NFE names throw
function outer() {
  var count = 0;
  var nfe = function self() {
    try { self = 1; } catch (e) { return e.name + " " + (typeof self); }
    return "no throw";
  };
  return { inc: function () { count++; return this === undefined; }, nfe: nfe, count: function () { return count; } };
}
var o = outer();
var inc = o.inc;
console.log(String(inc()) + " " + o.count() + " " + o.nfe());
