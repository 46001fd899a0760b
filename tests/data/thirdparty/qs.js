// package: qs@6.5.3 qs/dist/qs.js
// prelude: var self = this;
// Driver for qs 6.5 (its browserify build, prepended by tests/thirdparty.sh, found through `self`): a device's
// configuration endpoint that receives query strings one per turn, parses them with the options that the
// previous requests set (depth, arrays, delimiters, dots, charset sentinels...), merges them into a live
// configuration object and answers with stringify in several array and encoding styles. The configuration
// and the option set, changed from turn to turn, are migrated.
var out = function (s) { console.log(String(s)); };
var config = { name: 'gw', net: { ip: '10.0.0.2' }, tags: [] };
var opts = { depth: 5, arrayLimit: 20 };
function merge(dst, src) {
  Object.keys(src).sort().forEach(function (k) {
    var v = src[k];
    if (v && typeof v === 'object' && !Array.isArray(v) && dst[k] && typeof dst[k] === 'object') merge(dst[k], v);
    else dst[k] = v;
  });
}
var requests = [
  'name=gateway&net[ip]=10.0.0.7&net[mask]=255.255.255.0&tags[]=roof&tags[]=solar',
  'a[b][c][d][e][f][g]=deep&list[1]=b&list[0]=a&list[30]=far&plain=x%20y+z&empty=&flag',
  { set: { allowDots: true, depth: 2 }, q: 'sensor.temp.max=40&sensor.temp.min=-5&sensor.rh=55' },
  { set: { delimiter: /[;,]/, parameterLimit: 3 }, q: 'x=1;y=2,z=3;w=4' },
  { set: { ignoreQueryPrefix: true, comma: false, plainObjects: true, strictNullHandling: true }, q: '?mode=eco&null&hasOwnProperty=1&arr[0][k]=v&arr[1][k]=w' },
  { set: { charset: 'iso-8859-1', charsetSentinel: true, interpretNumericEntities: true }, q: 'utf8=%E2%9C%93&city=M%C3%BCnchen&note=%26%239786%3B' }
];
var styles = [{}, { arrayFormat: 'brackets' }, { arrayFormat: 'repeat', encode: false }, { arrayFormat: 'indices', allowDots: true, encodeValuesOnly: true },
  { format: 'RFC1738', sort: function (a, b) { return a < b ? 1 : a > b ? -1 : 0; } }, { skipNulls: true, addQueryPrefix: true, strictNullHandling: true },
  { filter: ['name', 'net', 'ip', 'tags', 0, 1], delimiter: ';' }, { serializeDate: function (d) { return d.getTime(); } }];
var n = 0;
function request() {
  var r = requests[n++];
  if (typeof r === 'string') r = { q: r };
  if (r.set) Object.keys(r.set).forEach(function (k) { opts[k] = r.set[k]; });
  var parsed = Qs.parse(r.q, opts);
  out('req ' + n + ' ' + JSON.stringify(parsed));
  merge(config, parsed);
  config.seen = new Date(Date.UTC(2024, 0, n));
  styles.forEach(function (st, i) { out('  style ' + i + ': ' + Qs.stringify(config, st)); });
  if (n < requests.length) setTimeout(request, 1);
  else out('formats ' + Object.keys(Qs.formats).sort().join(',') + ' ' + JSON.stringify(Qs.parse(Qs.stringify({ a: [1, { b: [2, 3] }] }))));
}
setTimeout(request, 1);
