// error_hops.js: Error objects stay Errors over several hops (difffuzz seed 3). A restored error has
// no traceback data, only its own `stack`; the next snapshot took it for a plain object, so after a
// second hop Object.prototype.toString said [object Object].
var errs = [new Error("plain"), new TypeError("type"), new RangeError("")];
errs[2].name = "";   // String(e) is "": its stack text is empty
errs[0].extra = [1];
var n = 0;
function show() {
	return errs.map(function (e) {
		return Object.prototype.toString.call(e) + " " + (e instanceof Error) + " " + e.name + ":" + e.message +
			" " + Object.keys(e).join(",");
	}).join(" | ");
}
setTimeout(function tick() {
	n++;
	errs[n % 3].count = n;
	console.log(n + " " + show());
	if (n < 5) setTimeout(tick, 1);
}, 1);
