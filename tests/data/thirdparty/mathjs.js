// package: mathjs@5.10.3 mathjs/dist/math.js
// prelude: var self = this;
// Driver for math.js 5 (its 1.7 MB ES5 bundle, prepended by tests/thirdparty.sh, found through `self`): a
// sensor-analytics program whose expression parser keeps variables and user-defined functions from turn to
// turn, with compiled expressions, units and conversions, matrices, statistics, fractions, big numbers,
// complex numbers, derivative and simplify. The parser's scope, compiled expression trees and the typed
// functions of the library are migrated (the snapshot is large: the library's own state is).
var out = function (s) { console.log(String(s)); };
var parser = math.parser();
var readings = [];
var calib = math.compile('(raw - offset) * gain');
var fmt = function (v) { return math.format(v, { precision: 8 }); };
var turn = 0;
function step() {
  turn++;
  if (turn === 1) {
    parser.eval('offset = 0.5; gain = 1.02');
    parser.eval('f(c) = c * 9 / 5 + 32');
    parser.eval('limit = 75 degF');
    [20.1, 21.7, 19.8, 35.2].forEach(function (raw) { readings.push(calib.eval({ raw: raw, offset: parser.get('offset'), gain: parser.get('gain') })); });
    out('readings ' + readings.map(fmt).join(' ') + ' in F ' + readings.map(function (c) { return fmt(parser.eval('f(' + c + ')')); }).join(' '));
  } else if (turn === 2) {
    out('stats mean ' + fmt(math.mean(readings)) + ' median ' + fmt(math.median(readings)) + ' std ' + fmt(math.std(readings)) + ' max ' + fmt(math.max(readings)));
    out('units ' + [parser.eval('limit to degC'), math.unit(5, 'kW').multiply(math.unit(3, 'h')).to('MJ'), math.evaluate ? '' : math.eval('12 V * 2.5 A'), math.unit('3 bar').to('psi')].map(fmt).join(' | '));
    out('over limit ' + readings.filter(function (c) { return math.larger(math.unit(c, 'degC'), parser.get('limit')); }).map(fmt).join(','));
    parser.eval('M = [1, 2; 3, 4]');
  } else if (turn === 3) {
    out('matrix ' + fmt(parser.eval('inv(M)')) + ' det ' + fmt(parser.eval('det(M)')) + ' M*M ' + fmt(parser.eval('M * M')) + ' transpose ' + fmt(parser.eval("M'")));
    var d = math.derivative('x^3 + gain * x', 'x', { simplify: true });
    out('derivative ' + d.toString() + ' at 2: ' + fmt(d.eval({ x: 2, gain: parser.get('gain') })) + ' simplify ' + math.simplify('2x + 3x - x * 1').toString());
  } else if (turn === 4) {
    out('fraction ' + fmt(math.add(math.fraction(1, 3), math.fraction(1, 6))) + ' big ' + math.bignumber('0.1').plus(math.bignumber('0.2')).toString() +
        ' complex ' + fmt(math.sqrt(-4)) + ' ' + fmt(math.multiply(math.complex(1, 2), math.complex(3, -1))));
    out('chain ' + fmt(math.chain(3).add(4).multiply(2).done()) + ' round ' + math.round(math.pi, 5) + ' scope ' + Object.keys(parser.getAll()).sort().join(','));
    parser.clear();
    out('cleared ' + Object.keys(parser.getAll()).length);
    return;
  }
  setTimeout(step, 1);
}
setTimeout(step, 1);
