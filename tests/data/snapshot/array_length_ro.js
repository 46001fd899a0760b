// array_length_ro.js: an array whose `length` is non-writable keeps refusing to grow after a resume
// (found by an exotic-values probe while adding third-party drivers). Duktape 2.7's push and
// index-write fast paths ignore a non-writable length while the array part has spare room: an array
// literal has none, so push throws, but restore rebuilt the array by puts, with room, and a resumed
// push succeeded. Restore now compacts such arrays.
var fixed = [1, 2, 3];
Object.defineProperty(fixed, 'length', { writable: false });
var empty = [];
Object.defineProperty(empty, 'length', { writable: false });
var tagged = ['a', 'b'];
tagged.label = 'kept';
Object.defineProperty(tagged, 'length', { value: 2, writable: false });
var turn = 0;
function grow(a) {
	var r = [];
	try { a.push('p'); r.push('push'); } catch (e) { r.push(e.name); }
	a[a.length] = 'w';
	a.length = 0;
	try { a.unshift('u'); r.push('unshift'); } catch (e) { r.push(e.name); }
	return r.join('/') + ' ' + JSON.stringify(a) + ' ' + a.length + ' ' +
		Object.getOwnPropertyDescriptor(a, 'length').writable;
}
var id = setInterval(function tick() {
	turn++;
	console.log(turn + ' ' + grow(fixed) + ' | ' + grow(empty) + ' | ' + grow(tagged) + ' ' + tagged.label);
	if (turn === 3) clearInterval(id);
}, 1);
