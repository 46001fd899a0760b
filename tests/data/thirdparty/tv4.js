// package: tv4@1.3.0 tv4/tv4.js
// prelude: var self = this;
// Driver for tv4 1.3 (Tiny Validator, JSON Schema draft 4; UMD, `this.tv4`): schemas that $ref other
// schemas not yet known are "fetched" a turn later (the validator's `missing` list drives it) and added
// with addSchema, so the schema cache, resolved $ref URIs, custom formats and keywords (closures) and a
// freshApi instance live across turns; validateMultiple, banUnknownProperties, checkRecursive on a
// cyclic document, dropped schemas.
var out = function (s) { console.log(String(s)); };
var api = tv4.freshApi();
var remote = {
  'http://ex.test/address': { id: 'http://ex.test/address', type: 'object', required: ['city'],
    properties: { city: { type: 'string', minLength: 2 }, zip: { type: 'string', pattern: '^[0-9]{5}$' }, geo: { $ref: 'geo#/definitions/point' } } },
  'http://ex.test/geo': { id: 'http://ex.test/geo', definitions: { point: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 } } },
  'http://ex.test/tags': { type: 'array', uniqueItems: true, items: { type: 'string', format: 'tag' } }
};
var person = {
  id: 'http://ex.test/person', type: 'object', required: ['name', 'age'],
  properties: {
    name: { type: 'string' }, age: { type: 'integer', minimum: 0, maximum: 150, exclusiveMaximum: true },
    email: { type: 'string', format: 'email' }, home: { $ref: 'address' }, tags: { $ref: 'http://ex.test/tags' },
    friends: { type: 'array', items: { $ref: '#' } },
    kind: { enum: ['a', 'b', null] }, score: { multipleOf: 0.5, even: true },
    either: { oneOf: [{ type: 'string' }, { type: 'number', not: { minimum: 10 } }] }
  },
  additionalProperties: { type: ['string', 'number', 'boolean'] },
  dependencies: { email: ['name'] }
};
api.addFormat('email', function (v) { return /^[^@]+@[^@]+$/.test(v) ? null : 'not an address: ' + v; });
api.addFormat({ tag: function (v) { return /^[a-z]+$/.test(v) ? null : 'bad tag'; } });
var evenCalls = 0;
api.defineKeyword('even', function (data, value, schema) {
  evenCalls++;
  if (typeof data === 'number' && value && Math.floor(data) % 2) return { message: 'odd: ' + data, code: 10901 };
  return null;
});
api.defineError('ODD', 10901, 'not even: {value}');
api.addSchema(person);
var docs = [
  { name: 'Ann', age: 30, home: { city: 'Oslo', zip: '01234', geo: [59.9, 10.7] }, tags: ['x', 'y'] },
  { name: 'Bob', age: 150, email: 'bob', home: { city: 'B', zip: 'abc', geo: [1] }, tags: ['x', 'x', 'Q'], kind: 'c', score: 3.5, either: 12, extra: {} },
  { age: -1.5, friends: [{ name: 'Cy', age: 2 }, { name: 7 }], either: 3, score: 4 }
];
function errs(list, depth) {
  return list.map(function (e) {
    return (depth ? '  ' : '') + e.code + ' ' + e.dataPath + ' ' + e.schemaPath + ' ' + e.message +
      (e.subErrors ? '\n' + errs(e.subErrors, 1) : '');
  }).join('\n');
}
var turn = 0;
function step() {
  out('turn ' + turn + ' known ' + api.getSchemaUris().sort().join(','));
  docs.forEach(function (d, i) {
    var r = api.validateMultiple(d, 'http://ex.test/person');
    out('doc ' + i + ' valid ' + r.valid + ' missing ' + r.missing.join(','));
    if (r.errors.length) out(errs(r.errors));
  });
  var m = api.getMissingUris();
  if (m.length) {
    var uri = m.sort()[0];
    out('fetching ' + uri);
    setTimeout(function () { api.addSchema(uri, JSON.parse(JSON.stringify(remote[uri]))); turn++; step(); }, 1);
    return;
  }
  out('even calls ' + evenCalls);
  var cyc = { name: 'Loop', age: 1 }; cyc.friends = [cyc];
  out('recursive ' + api.validate(cyc, person, true) + ' ' + api.validate({ name: 'x', age: 1, zzz: 1 }, person, false, true) + ' ' + (api.error && api.error.message));
  var res = api.validateResult({ name: 'N', age: 2.5 }, 'http://ex.test/person');
  out('result ' + res.valid + ' ' + res.error.code + ' ' + res.error.message);
  api.dropSchemas();
  out('dropped ' + api.getSchemaUris().length + ' global tv4 ' + tv4.getSchemaUris().length + ' ' + tv4.validate(3, { type: 'string' }) + ' ' + tv4.error.message);
}
setTimeout(step, 1);
