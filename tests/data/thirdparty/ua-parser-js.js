// package: ua-parser-js@0.7.25 ua-parser-js/src/ua-parser.js ua-parser-js/dist/ua-parser.min.js
// prelude: var window = this;
// Driver for UAParser.js 0.7.25 (prepended by tests/thirdparty.sh; 0.7.26 on has a quantified lookahead,
// `(?=lg)?`, that Duktape 2.7 rejects): its big regexp tables parse user-agent
// strings into browser, engine, OS, device and CPU. Parsers are kept in the heap (one reused with
// setUA, one with extensions added at run time) and fed a batch of user agents per turn; a tally of
// what was seen grows across turns.
var out = function (s) { console.log(String(s)); };
var uas = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/112.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/118.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
  'Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Trident/5.0)',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36 Edg/119.0.2151.97',
  'Mozilla/5.0 (PlayStation 4 3.11) AppleWebKit/537.73 (KHTML, like Gecko)',
  'Opera/9.80 (J2ME/MIDP; Opera Mini/9.80 (S60; SymbOS; Opera Mobi/23.348; U; en) Presto/2.5.25 Version/10.54',
  'Mozilla/5.0 (Linux; Android 9; SHIELD Android TV Build/PPR1.180610.011) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/74.0.3729.157 Mobile Safari/537.36',
  'Mozilla/5.0 (Linux; U; Android 4.0.3; ko-kr; LG-L160L Build/IML74K) AppleWebkit/534.30 (KHTML, like Gecko) Version/4.0 Mobile Safari/534.30',
  'curl/7.88.1',
  'FerryBot/2.1 (IoT; armv7l) FerryOS/3.4',
  'Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 76.0.3809.146/6.0 TV Safari/537.36',
  ''
];
var parser = new UAParser();
var custom = null;
var tally = {};
var turn = 0;
function fmt(r) {
  return [r.browser.name + ' ' + r.browser.version + ' (' + r.browser.major + ')', r.engine.name + ' ' + r.engine.version,
    r.os.name + ' ' + r.os.version, [r.device.vendor, r.device.model, r.device.type].join('/'), r.cpu.architecture].join(' | ');
}
function batch(p, from, to) {
  for (var i = from; i < to && i < uas.length; i++) {
    p.setUA(uas[i]);
    var r = p.getResult();
    out(i + ': ' + fmt(r));
    var k = String(r.browser.name);
    tally[k] = (tally[k] || 0) + 1;
  }
}
function step() {
  turn++;
  if (turn === 1) {
    out('version ' + UAParser.VERSION + ' ' + Object.keys(UAParser.BROWSER).join(',') + ' ' + Object.keys(UAParser.DEVICE).join(','));
    batch(parser, 0, 5);
  } else if (turn === 2) {
    batch(parser, 5, 10);
    custom = new UAParser(undefined, {
      browser: [[/(ferrybot)\/([\w\.]+)/i], [UAParser.BROWSER.NAME, UAParser.BROWSER.VERSION]],
      os: [[/(ferryos)\/([\w\.]+)/i], [UAParser.OS.NAME, [UAParser.OS.VERSION, /\./g, '_']]],
      cpu: [[/(armv7l)/i], [[UAParser.CPU.ARCHITECTURE, function (s) { return s.toUpperCase(); }]]]
    });
  } else if (turn === 3) {
    batch(parser, 10, 15);
    batch(custom, 11, 13);
    out('custom default ' + fmt(custom.setUA(uas[0]).getResult()));
  } else if (turn === 4) {
    out('tally ' + Object.keys(tally).sort().map(function (k) { return k + '=' + tally[k]; }).join(' '));
    out('getters ' + parser.setUA(uas[2]).getBrowser().name + ' ' + parser.getOS().version + ' ' + parser.getDevice().model + ' ' + parser.getUA().length);
    out('direct ' + fmt(UAParser(uas[6])));
  }
  if (turn < 4) setTimeout(step, 1); else out('done');
}
setTimeout(step, 1);
