// Event loop: a direct eval of a name that resolves to a global (`eval("require")`, as bundles hide an optional require from bundlers) leaves the scopes around it static, so their closures migrate; an eval of a local name still makes them dynamic (not kept here).
// Before, every snapshot of a program holding a closure of such a bundle (all of Bottleneck 2) was refused.
var version = "1.0";
var lib = (function () {
  var count = 0, log = [];
  function optional(name) {
    try { return eval("require")(name); } catch (e) { log.push(name + ": " + e.name); return null; }
  }
  function globalVersion() { return eval("version") + " " + (eval("this") === lib); }
  function tick(by) { count += by; log.push("tick " + count); return count; }
  return { optional: optional, globalVersion: globalVersion, tick: tick, log: function () { return log.join(", "); } };
})();
var counter = (function (s) { var k = s; return function () { k *= 2; return k; }; })(3);
var steps = [
  function () { console.log("redis " + lib.optional("redis") + " " + lib.tick(1)); },
  function () { console.log("version " + lib.globalVersion() + " tick " + lib.tick(2)); version = "2.0"; },
  function () { console.log("version " + lib.globalVersion() + " counter " + counter() + " " + counter()); },
  function () { console.log("log " + lib.log() + " tick " + lib.tick(3)); }
];
var i = 0;
function next() { steps[i++](); if (i < steps.length) setTimeout(next, 1); }
setTimeout(next, 1);
