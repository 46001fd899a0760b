var a = 1;
var b = a++a
console.log(a, b);
