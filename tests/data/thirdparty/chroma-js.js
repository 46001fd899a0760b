// package: chroma-js@2.4.2 chroma-js/chroma.js chroma-js/chroma.min.js
// prelude: Array.from = Array.from || function (a) { for (var r = [], i = 0; i < a.length; i++) r.push(a[i]); return r; };
// Driver for chroma.js 2.4 (its UMD build, prepended by tests/thirdparty.sh; it calls Array.from on arrays, which
// Duktape 2.7 lacks: the prelude gives it the ES5 equivalent): an LED strip controller that
// fades between colours over several turns through live scale objects (closures over domains, classes,
// modes, gamma, padding, cached colours), colour-temperature presets, mixing in several spaces, contrast,
// brewer palettes, cubehelix and bezier interpolators. The scales and the strip are migrated mid-fade.
var out = function (s) { console.log(String(s)); };
var strip = { leds: [], target: null, step: 0 };
var warm = chroma.scale([chroma.temperature(2200), chroma.temperature(6500)]).mode('lab').domain([0, 10]);
var alarm = chroma.scale(['#2c7bb6', '#ffffbf', '#d7191c']).domain([15, 40]).classes([15, 20, 25, 30, 35, 40]);
var heat = chroma.scale('YlOrRd').gamma(0.7).padding([0.1, 0]).cache(true);
var helix = chroma.cubehelix().start(200).rotations(-0.35).gamma(0.7).lightness([0.3, 0.8]).scale().correctLightness().colors(5);
var bez = chroma.bezier(['white', 'yellow', 'red', 'black']).scale().correctLightness();
for (var i = 0; i < 6; i++) strip.leds.push(chroma('black'));
function show(label) {
  out(label + ': ' + strip.leds.map(function (c) { return c.hex(); }).join(' '));
}
var frame = 0;
function tick() {
  frame++;
  if (frame === 1) {
    out('temps ' + [1000, 2700, 4000, 6500, 12000].map(function (k) { return chroma.temperature(k).hex() + '/' + Math.round(chroma.temperature(k).temperature()); }).join(' '));
    out('helix ' + helix.join(' '));
    out('bezier ' + bez.colors(4).join(' '));
    out('brewer Set2 ' + chroma.brewer.Set2.slice(0, 4).join(' ') + ' limits ' + chroma.limits([1, 2, 3, 5, 8, 13, 21], 'q', 3).join(','));
  }
  if (frame <= 4) {
    // fade the strip through the warm scale, one step per turn
    strip.leds = strip.leds.map(function (c, i) { return chroma.mix(c, warm(i * 2 + frame), 0.5, 'lch'); });
    show('fade ' + frame);
  } else if (frame <= 7) {
    var temps = [14, 19.5, 24, 31, 36.5, 41].map(function (t) { return t + frame - 5; });
    strip.leds = temps.map(function (t) { return alarm(t); });
    show('alarm ' + frame);
    out('heat ' + temps.map(function (t) { return heat((t - 14) / 30).hex(); }).join(' '));
  } else {
    var c = chroma('#ff8800');
    out('spaces ' + [c.hsl(), c.lab(), c.lch(), c.cmyk(), c.hcg(), c.oklab()].map(function (a) { return a.map(function (x) { return isNaN(x) ? 'NaN' : Math.round(x * 1000) / 1000; }).join(','); }).join(' | '));
    out('ops ' + [c.darken(2).hex(), c.brighten().hex(), c.saturate(2).hex(), c.desaturate().hex(), c.alpha(0.5).css(), c.set('hsl.h', 200).hex(), c.luminance(0.3).hex(), c.name(), chroma('teal').name()].join(' '));
    out('mix ' + ['rgb', 'hsl', 'lab', 'lch', 'lrgb'].map(function (m) { return chroma.mix('red', 'blue', 0.3, m).hex(); }).join(' ') + ' avg ' + chroma.average(['red', 'lime', 'blue'], 'lab').hex());
    out('contrast ' + chroma.contrast('#fff', c).toFixed(3) + ' deltaE ' + chroma.deltaE(c, 'orange').toFixed(3) + ' distance ' + chroma.distance(c, 'gold').toFixed(3) + ' valid ' + chroma.valid('nope') + chroma.valid('#abc'));
    show('final');
    return;
  }
  setTimeout(tick, 1);
}
setTimeout(tick, 1);
