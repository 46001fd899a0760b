// valid ES5.1 that Duktape refuses: ASI, then a regex after a name
var ae
/=*`block */ - x;
x: for (;;) { break x
/y/g }
