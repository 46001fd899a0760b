var $F = 1, $F1 = function () { return $F; }, o = { $Fk: 2 };
function \u0024F2() { return $F1(); }
console.log($F2(), o.$Fk);
