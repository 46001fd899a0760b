var \u0061bc = 1, ünï = 2, $ = 3, _ = 4;
var s = "\u2028 \x41 \101 \0 \
continued", t = 'a\u{1F600}b';
/* comment with U+2028: 
 */ var after = 1;
// line comment
console.log(abc + ünï + $ + _, s.length, t.length);
