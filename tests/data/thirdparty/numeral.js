// package: numeral@2.0.6 numeral/numeral.js numeral/min/numeral.min.js
// Driver for Numeral.js 2.0 (prepended by tests/thirdparty.sh): formats and unformats over several turns
// while its global state changes between them -- a locale registered and selected, the zero/null formats,
// the default format, a custom format registered -- and a dashboard of live numeral objects that are
// mutated (add/subtract/multiply/divide/set) turn by turn. The module state and the objects are migrated.
var out = function (s) { console.log(String(s)); };
numeral.register('locale', 'de-iot', {
  delimiters: { thousands: '.', decimal: ',' },
  abbreviations: { thousand: 'k', million: 'M', billion: 'Mrd', trillion: 'B' },
  ordinal: function () { return '.'; },
  currency: { symbol: '€' }
});
numeral.register('format', 'celsius', {
  regexps: { format: /(°C)/, unformat: /(°C)/ },
  format: function (value, format, roundingFunction) {
    return numeral._.numberToFormat(value, format.replace(/\s?°C/, ''), roundingFunction) + ' °C';
  },
  unformat: function (string) { return numeral._.stringToNumber(string.replace(/\s?°C/, '')); }
});
var meters = { energy: numeral(1234567.891), water: numeral(0.5), temp: numeral(-3.25) };
var formats = ['0,0', '0,0.00', '0.0a', '$0,0.00', '0%', '0.000e+0', '00:00:00', '0o', '(0,0.0)', '0b', '0.0 ib', '+0.0', '0.0 °C', '0[.]00'];
var values = [0, 1, -1, 0.5, 999.9994, 1234.5678, -98765.4321, 1e6 + 0.5, 3661, 1048576, null];
function table(label) {
  out('-- ' + label + ' (locale ' + numeral.locale() + ')');
  formats.forEach(function (f) {
    out(f + ': ' + values.map(function (v) { return numeral(v).format(f); }).join(' | '));
  });
  out('meters ' + Object.keys(meters).map(function (k) { return k + '=' + meters[k].format('0,0.[000]'); }).join(' '));
}
var turn = 0;
function step() {
  turn++;
  if (turn === 1) table('defaults');
  else if (turn === 2) {
    meters.energy.add(0.109).multiply(2); meters.water.subtract(1.25); meters.temp.divide(2);
    numeral.zeroFormat('zero'); numeral.nullFormat('n/a');
    table('zero and null formats');
  } else if (turn === 3) {
    numeral.locale('de-iot');
    table('german locale');
    out('unformat ' + ['1.234,5', '12,5k', '3,1M', '€ 7,25', '-0,5', '(42)', '1,5 °C'].map(function (s) { return numeral(s).value(); }).join(' '));
  } else if (turn === 4) {
    numeral.defaultFormat('0.0');
    out('default ' + numeral(1234.56).format() + ' ' + meters.energy.format());
    numeral.locale('en'); numeral.reset();
    meters.water.set(42); meters.temp = meters.temp.clone().add(100);
    out('unformat ' + ['1,234.5', '12.5k', '1.2m', '$7.25', '50%', '1:01:01', '3rd', '1.5 KB'].map(function (s) { return numeral(s).value(); }).join(' '));
    out('difference ' + meters.energy.difference(1000) + ' validate ' + numeral.validate('1,000.5', 'en') + numeral.validate('1.000,5x', 'en'));
    table('after reset');
  }
  if (turn < 4) setTimeout(step, 1);
}
setTimeout(step, 1);
