outer: for (var i = 0; i < 3; i++) {
  inner: for (var j = 0; j < 3; j++) {
    if (j == 1) continue outer;
    if (i == 2) break inner;
  }
}
a: b: c: while (false) break b;
console.log(i, j);
