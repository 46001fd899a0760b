function h() {
  if (true) { function k() { return 1; } } else { function k() { return 2; } }
  lbl: { function m() { return k; } break lbl; }
  switch (1) { case 1: function n() {} default: }
  return k() + typeof m + typeof n;
}
console.log(h());
