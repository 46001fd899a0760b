// Labels: labelled break and continue across nested loops, labelled blocks, labels on non-loop statements.
var out = [];
outer: for (var i = 0; i < 4; i++) {
  for (var j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    out.push(i + '' + j);
  }
}
console.log(out.join(' '));

block: {
  console.log('in block');
  if (out.length) break block;
  console.log('not printed');
}

var found = null;
search: for (var r = 0; r < 5; r++) {
  var c = 0;
  while (true) {
    if (r * c === 6) { found = [r, c]; break search; }
    if (++c > 5) continue search;
  }
}
console.log('found ' + found);

var n = 0;
lbl1: lbl2: do {
  n++;
  if (n < 3) continue lbl1;
  break lbl2;
} while (true);
console.log('n ' + n);

function labelledInFunction(xs) {
  var s = 0;
  loop: for (var k = 0; k < xs.length; k++) {
    switch (xs[k]) {
      case 'skip': continue loop;
      case 'stop': break loop;
      default: s += xs[k];
    }
  }
  return s;
}
console.log(labelledInFunction([1, 2, 'skip', 3, 'stop', 100]));

// the same label name reused in sibling statements
a: for (var x = 0; x < 2; x++) { if (x) break a; }
a: for (var y = 0; y < 3; y++) { if (y === 2) break a; }
console.log(x + ' ' + y);

// labelled for-in
var keys = [];
kl: for (var key in { p: 1, q: 2, r: 3 }) {
  if (key === 'q') continue kl;
  keys.push(key);
}
console.log(keys.join(''));
