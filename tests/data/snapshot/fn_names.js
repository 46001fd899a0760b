// fn_names.js: functions made after a resume by restored code have the same own properties as before
// (difffuzz seed 8). The program is embedded as bytecode, whose loader gives anonymous functions an
// own `name` ""; the restore compiled its makers from source, so after a resume new anonymous
// functions had none.
var made = [];
var make = (function (k) {
	return function (t) {
		var f = function () { return k + t; }, g = function named() {};
		made.push(f);
		return [Object.getOwnPropertyNames(f).join(","), f.hasOwnProperty("name"), JSON.stringify(f.name),
			Object.getOwnPropertyNames(g).join(","), g.name].join(" ");
	};
})(1);
var n = 0;
setTimeout(function tick() {
	n++;
	console.log(n + " " + make(n) + " " + made.map(function (f) { return f.hasOwnProperty("name"); }).join(","));
	if (n < 4) setTimeout(tick, 1);
}, 1);
