// the line Duktape reports for an error thrown before anything synced the pc (a method that is not
// callable, called first in a function) is the line of the function's first instruction: the
// instrumentation's prologue (environment, tags) must sit on the line of the first statement that compiles
// to code, not on the line of the opening brace (chroma.js: `arguments` and a captured parameter)
function a(d) {
    if (!arguments.length) return 0;
    Array.nope(d);
    return function () { return d; };
}
function b(d) {

    function inner() { return d; }
    var z = 1;
    Array.nope(d);
}
function c(d) {
    "use strict";
    var q = 1;
    Array.nope(d);
    return function () { return d + q; };
}
function e(d) {
    var x;
    ;
    var y = 2;
    Array.nope(d);
    return function () { return d + x + y; };
}
function g(d) { // comment
    /* more */ var y = 2;
    Array.nope(d);
    return function () { return d + y; };
}
function h(d) { var y = d;
    Array.nope(d);
    return function () { return y; };
}
function k(d) {
    var y;
}
[a, b, c, e, g, h, k].forEach(function (fn) {
    try { fn(1); console.log(fn.name, "returned"); } catch (err) { console.log(fn.name, err.lineNumber, err.message); }
});
var o = {};
o.nope();
