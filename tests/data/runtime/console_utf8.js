// Console text leaves as UTF-8: a surrogate pair as its 4-byte code point, a lone
// surrogate as U+FFFD (as Node prints them); the strings themselves are unchanged.
var s = "\uD83D\uDE00";
console.log(s, "😀", "a\uDC00b\uD83Dc", "\u00e9\u20ac", s.length, s.charCodeAt(1).toString(16));
console.log("x" + s.charAt(0) + "|" + s.charAt(1) + "y");
console.error("err " + s + " \uDBFF\uDFFF");
