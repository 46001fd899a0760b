// package: js-beautify@1.14.11 js-beautify/js/lib/beautify.js+js-beautify/js/lib/beautify-css.js js-beautify/js/lib/beautifier.min.js
// prelude: var window = this;
// Driver for js-beautify 1.14 (prepended by tests/thirdparty.sh; its webpack builds, `window.js_beautify`
// and `window.css_beautify`, or the minified combined `window.beautifier`): a JavaScript tokenizer and
// re-printer with many options, and the CSS one. Option sets and the inputs' pieces are kept in the
// heap and the same code is reformatted with changing options over several turns.
var out = function (s) { console.log(String(s)); };
var jsb = window.js_beautify || window.beautifier.js, cssb = window.css_beautify || window.beautifier.css;
var code = 'var a=function(b,c){if(b){return c?b+c:b}else{for(var i=0;i<10;i++){c+=i*2}}return{b:b,c:[1,2,3],"d":/re[/]x/g.test("s")}};' +
  'switch(a){case 1:x();break;default:y()}label:while(true){do{a++}while(a<3);break label}' +
  'var s="str\\"q",t=\'single\',n=0x1F+.5e-3,u=a?b:c,v=!a&&!!b||~c;try{throw new Error("e")}catch(e){}finally{z()}' +
  '/* block comment */ // line comment\nobj.method().chain().other(function(){return 1},2);var o={get x(){return 1},set x(v){}};';
var css = '@media (max-width:600px){.a>.b+.c~d,a:hover::before{color:red;margin:0 auto!important}}' +
  '@font-face{font-family:"F";src:url(a.woff)}/* c */.x{background:url("data:image/png;base64,AAA=") no-repeat}';
var options = [
  { indent_size: 2 },
  { indent_size: 4, brace_style: 'expand', space_in_paren: true, keep_array_indentation: true },
  { indent_with_tabs: true, break_chained_methods: true, space_after_anon_function: true, jslint_happy: true },
  { indent_size: 1, indent_char: ' ', brace_style: 'end-expand', operator_position: 'after-newline', wrap_line_length: 40, e4x: true, comma_first: true }
];
var history = [];
var turn = 0;
function step() {
  turn++;
  var opts = options[turn - 1];
  var res = jsb(code, opts);
  history.push(res.length);
  out('-- js turn ' + turn + ' ' + JSON.stringify(opts));
  out(res);
  if (turn === 2) out('css ' + cssb(css, { indent_size: 2, newline_between_rules: true }));
  if (turn === 3) out('css ' + cssb(css, { indent_with_tabs: true, selector_separator_newline: false, end_with_newline: true }));
  if (turn === 4) {
    out('packed ' + jsb('eval(function(p,a,c,k,e,r){return p}("0",1,1,"x".split("|"),0,{}))', { unescape_strings: true }).length);
    out('unicode ' + jsb('var \\u0061bc = "\\x41\\u00e9";', { unescape_strings: true }));
    out('lengths ' + history.join(','));
  }
  if (turn < 4) setTimeout(step, 1); else out('done');
}
setTimeout(step, 1);
