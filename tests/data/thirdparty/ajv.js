// package: ajv@6.12.6 ajv/dist/ajv.bundle.js ajv/dist/ajv.min.js
// prelude: var self = this;
// Driver for Ajv 6 (its browserify bundle, prepended by tests/thirdparty.sh, found through `self`): a gateway
// validates telemetry messages against schemas that arrive turn by turn ($ref between schemas, custom formats
// and keywords, defaults, type coercion, removeAdditional, allErrors, errorsText). Ajv compiles every schema
// with `new Function`, and a snapshot that reaches such a function is refused by design; so each turn builds
// its Ajv instance, validates and drops it, while the schemas, the custom keyword and format functions and
// the accepted messages (plain data and ordinary closures) live on and are migrated.
var out = function (s) { console.log(String(s)); };
var schemas = [];
var accepted = [];
var seenSerials = {};
var formats = { serial: function (s) { return /^[A-Z]{2}-\d{4}$/.test(s); }, semver: /^\d+\.\d+\.\d+$/ };
var keywords = {
  unique_serial: { type: 'string', validate: function (enabled, data) { if (!enabled) return true; if (seenSerials[data]) return false; seenSerials[data] = 1; return true; }, errors: false },
  even: { type: 'number', compile: function (sch) { return function (data) { return !sch || data % 2 === 0; }; } }
};
function makeAjv(opts) {
  var ajv = new Ajv(opts);
  Object.keys(formats).forEach(function (f) { ajv.addFormat(f, formats[f]); });
  Object.keys(keywords).forEach(function (k) { ajv.addKeyword(k, keywords[k]); });
  schemas.forEach(function (s) { ajv.addSchema(s); });
  return ajv;
}
var arrivals = [
  { $id: 'defs.json', definitions: { reading: { type: 'object', required: ['t', 'v'], properties: { t: { type: 'integer', minimum: 0 }, v: { type: 'number' } } },
    unit: { enum: ['C', 'F', 'K'] } } },
  { $id: 'device.json', type: 'object', required: ['serial', 'fw'], additionalProperties: false,
    properties: { serial: { type: 'string', format: 'serial', unique_serial: true }, fw: { type: 'string', format: 'semver' },
      unit: { $ref: 'defs.json#/definitions/unit', default: 'C' }, interval: { type: 'integer', even: true, default: 10 },
      tags: { type: 'array', items: { type: 'string', maxLength: 6 }, uniqueItems: true, maxItems: 3 } } },
  { $id: 'batch.json', type: 'object', required: ['device', 'readings'], properties: { device: { $ref: 'device.json' },
    readings: { type: 'array', minItems: 1, items: { $ref: 'defs.json#/definitions/reading' } },
    mode: { oneOf: [{ const: 'live' }, { type: 'object', properties: { replay: { type: 'boolean' } }, required: ['replay'] }] } } }
];
var messages = [
  [{ serial: 'AB-1234', fw: '1.2.3' }, { serial: 'ab-1', fw: '1.2', extra: 1, tags: ['x', 'x'] }],
  [{ serial: 'CD-0001', fw: '2.0.0', unit: 'F', interval: '12', tags: ['roof', 'solar'] }, { serial: 'AB-1234', fw: '1.0.0' }, { serial: 'EF-0002', fw: '3.0.0', interval: 7, unit: 'X' }],
  [{ device: { serial: 'GH-0003', fw: '1.0.0' }, readings: [{ t: 1, v: 20.5 }, { t: '2', v: '21' }], mode: 'live' },
   { device: { serial: 'IJ-0004', fw: '1.0.0' }, readings: [], mode: { replay: 'yes' } },
   { device: { serial: 'KL-0005', fw: '9.9.9', junk: true }, readings: [{ t: -1 }], mode: { replay: true } }]
];
var turn = 0;
function step() {
  turn++;
  schemas.push(arrivals[turn - 1]);
  var ajv = makeAjv({ allErrors: true, useDefaults: true, coerceTypes: true, removeAdditional: turn === 3 ? 'all' : false, format: 'full' });
  var top = schemas[schemas.length - 1].$id;
  out('turn ' + turn + ' schemas ' + schemas.map(function (s) { return s.$id; }).join(',') + ' validate against ' + top);
  (messages[turn - 1] || []).forEach(function (m, i) {
    var ok = ajv.validate(top, m);
    out('  msg ' + i + ' ' + (ok ? 'valid ' + JSON.stringify(m) : 'invalid: ' + ajv.errorsText(ajv.errors, { separator: '; ' })));
    if (ok) accepted.push(m.serial || m.device.serial);
  });
  if (turn === 1) {
    try { ajv.compile({ type: 'object', properties: { a: { $ref: 'missing.json' } } }); } catch (e) { out('  compile error ' + e.message); }
    try { ajv.addSchema({ $id: 'defs.json' }); } catch (e) { out('  add error ' + e.message); }
    out('  validateSchema ' + ajv.validateSchema({ type: 'nope' }) + ' ' + ajv.errorsText(ajv.errors));
  }
  ajv = null;   // its compiled functions (new Function code) must not outlive the turn
  if (turn < arrivals.length) setTimeout(step, 1);
  else out('accepted ' + accepted.join(',') + ' serials ' + Object.keys(seenSerials).sort().join(','));
}
setTimeout(step, 1);
