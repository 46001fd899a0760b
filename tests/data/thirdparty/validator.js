// package: validator@10.11.0 validator/validator.js validator/validator.min.js
// Driver for validator.js 10.11 (its UMD build, prepended by tests/thirdparty.sh; 13.x uses Set): a device
// provisioning service that receives registration forms one per turn, validates and sanitizes every field
// with rules chosen from what earlier forms taught it (a growing list of known MACs and locales), and keeps
// the accepted devices. The rule table (closures over option objects) and the accepted devices are migrated.
var out = function (s) { console.log(String(s)); };
var known = { macs: [], locales: ['en-US'] };
var accepted = [];
var rules = {
  email: function (v) { return validator.isEmail(v, { allow_display_name: true }) && validator.normalizeEmail(v.replace(/^.*<|>$/g, ''), { gmail_remove_dots: true }); },
  url: function (v) { return validator.isURL(v, { protocols: ['https', 'mqtts'], require_protocol: true }) && v; },
  ip: function (v) { return (validator.isIP(v, 4) ? 'v4:' : validator.isIP(v, 6) ? 'v6:' : '') + validator.isIP(v); },
  mac: function (v) { if (!validator.isMACAddress(v)) return false; var m = v.toUpperCase(); if (known.macs.indexOf(m) >= 0) return 'dup'; known.macs.push(m); return m; },
  id: function (v) { return validator.isUUID(v, 4) ? 'uuid4' : validator.isUUID(v) ? 'uuid' : validator.isAlphanumeric(v) ? 'alnum' : false; },
  port: function (v) { return validator.isPort(String(v)) && validator.toInt(String(v)); },
  phone: function (v, f) { return validator.isMobilePhone(v, known.locales) ? 'mobile' : validator.isMobilePhone(v, 'any') ? 'other' : false; },
  zip: function (v, f) { return validator.isPostalCode(v, f.country || 'any'); },
  geo: function (v) { return validator.isLatLong(v); },
  color: function (v) { return validator.isHexColor(v) && validator.ltrim(v, '#').toLowerCase(); },
  installed: function (v) { return validator.isISO8601(v) && validator.isAfter(v, '2020-01-01') && !validator.isAfter(v, '2030-01-01') && validator.toDate(v).toISOString(); },
  note: function (v) { return validator.escape(validator.stripLow(validator.trim(v))); },
  config: function (v) { return validator.isJSON(v) && validator.isByteLength(v, { max: 64 }) && Object.keys(JSON.parse(v)).sort().join('+'); },
  secret: function (v) { return validator.isBase64(v) ? 'base64' : validator.isHexadecimal(v) ? 'hex' : validator.isJWT(v) ? 'jwt' : false; },
  rate: function (v, f) { return validator.isFloat(v, { min: 0, max: 100, locale: f.locale || 'en-US' }) && validator.toFloat(v.replace(',', '.')); },
  tags: function (v) { return validator.whitelist(v.toLowerCase(), 'a-z,').split(',').filter(function (t) { return validator.isLength(t, { min: 2, max: 8 }) && !validator.isIn(t, ['test', 'tmp']); }).join('|'); }
};
var forms = [
  { email: 'Ops Team <op.s+iot@gmail.com>', url: 'mqtts://broker.example.com:8883/site', ip: '10.1.2.3', mac: '00:1a:2b:3c:4d:5e', id: '6fa459ea-ee8a-4ca4-894e-db77e160355e', port: 8883, phone: '+1 415 555 2671', zip: '94107', geo: '37.77,-122.41', color: '#0f0', installed: '2023-05-01T10:00:00Z', note: '  hi <b>there</b>\u0007 ', config: '{"b":1,"a":2}', secret: 'c2VjcmV0', rate: '12.5', tags: 'Roof,Solar,tmp,x,Garden!' },
  { locale: 'de-DE', country: 'DE', email: 'not an email', url: 'http://insecure.example', ip: 'fe80::1', mac: '00-1A-2B-3C-4D-5E', id: 'Pump42', port: 70000, phone: '+49 170 1234567', zip: '80331', geo: '91,0', color: '#gg0000', installed: '2031-01-01', note: 'Grüße & <script>', config: '{bad json}', secret: 'deadBEEF00', rate: '12,5', tags: 'keller,heizung' },
  { learn: 'de-DE', country: 'FR', email: 'x@y.io', url: 'https://a.b/c?d=e#f', ip: '256.1.1.1', mac: '00:1A:2B:3C:4D:5E', id: '6fa459ea-ee8a-3ca4-894e-db77e160355e', port: '443', phone: '+49 170 1234567', zip: '75008', geo: '48.87,2.31', color: 'abcdef', installed: 'yesterday', note: '', config: '{"x":[1,2,3]}', secret: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc', rate: '101', tags: 'TEST,ab,abcdefghi' },
  { email: 'a@b', url: 'https://localhost', ip: '::ffff:192.0.2.1', mac: 'aa:bb:cc:dd:ee:ff', id: '!', port: '0', phone: '0151 2345678', zip: 'SW1A 1AA', geo: '-33.86,151.2', color: '#ABCDEF', installed: '2024-02-29', note: 'ok', config: '[]', secret: '', rate: '0', tags: '' }
];
var n = 0;
function next() {
  var f = forms[n++];
  if (f.learn) known.locales.push(f.learn);
  var res = {}, ok = 0, fields = Object.keys(rules);
  fields.forEach(function (k) { var v = rules[k](f[k], f); res[k] = v; if (v) ok++; });
  out('form ' + n + ' ok ' + ok + '/' + fields.length + ' ' + JSON.stringify(res));
  if (ok > 12) accepted.push(res.mac || res.id);
  if (n < forms.length) setTimeout(next, 1);
  else out('accepted ' + accepted.join(',') + ' macs ' + known.macs.join(',') + ' locales ' + known.locales.join(','));
}
setTimeout(next, 1);
