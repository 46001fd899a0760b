var a = 1; <!-- an HTML-like comment
--> also a comment at the start of a line
/* block */ --> and after a block comment
console.log(a);
