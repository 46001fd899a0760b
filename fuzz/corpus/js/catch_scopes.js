var e = "outer";
try { throw 1; } catch (e) { var e = 2; var f = function () { return e; }; }
try { null.x; } catch (err) { (function () { err = 0; })(); } finally { e += "!"; }
console.log(e, f());
