// getters, setters and shorthand methods closing over captured state; numeric and string keys
function makeTemp(c) {
  var log = [];
  var o = {
    get celsius() { return c; },
    set celsius(v) { log.push(v); c = v; },
    get "fahrenheit"() { return c * 9 / 5 + 32; },
    get 1() { return "one:" + c; },
    describe() { return "T=" + c + " log=" + log.join("/"); }
  };
  return o;
}
var t = makeTemp(10);
t.celsius = 25;
t.celsius += 5;
console.log(t.celsius, t.fahrenheit, t[1], t.describe());
var d = Object.getOwnPropertyDescriptor(t, "celsius");
console.log(typeof d.get, typeof d.set, d.get.name, d.set.name, t.describe.name);
