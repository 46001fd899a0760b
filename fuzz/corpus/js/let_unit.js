// Sloppy code: `let [` and `let` NEWLINE `[` start expressions because the
// program declares `let` (below, outside the function). The maker unit of
// make() holds those statements but not the declaration.
function make() {
  let[0] = 10;
  let
  [1] = 20;
  return function () { return let[0] + let[1]; };
}
var let = [];
console.log(make()());
