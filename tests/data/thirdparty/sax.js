// package: sax@1.2.4 sax/lib/sax.js
// prelude: var exports = {};
// Driver for sax 1.2 (isaacs' streaming XML parser; its CommonJS file is given an `exports`, and its
// optional `require('stream')` fails into its own catch): a strict and a loose parser are fed one XML
// document in pieces cut mid-tag, mid-attribute, mid-entity and mid-CDATA, one piece per turn, so the
// parser's half-read state (tag, attribute, text buffers, entity, namespace stack) is migrated between
// pieces. Errors are resumed, and a third parser is reset and reused.
var sax = exports;
var out = function (s) { console.log(String(s)); };
var doc = '<?xml version="1.0"?>\n<!DOCTYPE feed>\n<feed xmlns="urn:a" xmlns:x="urn:x">' +
  '<!-- a comment -->\n  <x:entry id="1" x:kind=\'note\'>Tom &amp; Jerry &#233;&#x263A; &lt;b&gt;</x:entry>' +
  '<entry id="2"><![CDATA[if (a < b && c) { return "]]"; }]]></entry>' +
  '<?render now please?><empty/><entry id="3" long="' + new Array(40).join('ab') + '">tail text</entry></feed>';
var cuts = [7, 19, 46, 60, 90, 107, 121, 140, 171, 190, 214, 237, 262, 300];
function logger(tag, p) {
  var log = [];
  var depth = 0;
  p.onopentag = function (n) {
    var a = Object.keys(n.attributes).sort().map(function (k) {
      var v = n.attributes[k];
      return typeof v === 'string' ? k + '=' + v.slice(0, 12) : k + '=' + v.value.slice(0, 12) + '{' + v.prefix + '|' + v.local + '|' + v.uri + '}';
    });
    log.push(tag + ' ' + depth + ' <' + n.name + (n.uri !== undefined ? ' ns=' + n.uri : '') + (n.isSelfClosing ? '/' : '') + ' ' + a.join(' '));
    depth++;
  };
  p.onclosetag = function (name) { depth--; log.push(tag + ' ' + depth + ' </' + name); };
  p.ontext = function (t) { if (/\S/.test(t)) log.push(tag + ' text ' + JSON.stringify(t)); };
  p.oncdata = function (t) { log.push(tag + ' cdata ' + JSON.stringify(t)); };
  p.oncomment = function (t) { log.push(tag + ' comment ' + JSON.stringify(t)); };
  p.onprocessinginstruction = function (pi) { log.push(tag + ' pi ' + pi.name + ' ' + JSON.stringify(pi.body)); };
  p.ondoctype = function (d) { log.push(tag + ' doctype ' + JSON.stringify(d)); };
  p.onopennamespace = function (ns) { log.push(tag + ' ns+ ' + ns.prefix + '=' + ns.uri); };
  p.onerror = function (e) { log.push(tag + ' error ' + e.message.split('\n')[0]); p.error = null; p.resume(); };
  p.onend = function () { log.push(tag + ' end'); };
  return log;
}
var strict = sax.parser(true, { xmlns: true, position: true });
var loose = sax.parser(false, { lowercase: true, trim: true, normalize: true });
var slog = logger('S', strict);
var llog = logger('L', loose);
var reused = sax.parser(true);
var rlog = logger('R', reused);
var piece = 0;
function flush() {
  slog.splice(0).concat(llog.splice(0), rlog.splice(0)).forEach(out);
}
function step() {
  var from = piece === 0 ? 0 : cuts[piece - 1];
  var to = piece < cuts.length ? cuts[piece] : doc.length;
  var chunk = doc.slice(from, to);
  out('piece ' + piece + ' ' + JSON.stringify(chunk.slice(0, 24)) + ' state S' + strict.state + ' L' + loose.state +
    ' line ' + strict.line + ':' + strict.column + ' tags ' + strict.tags.length);
  strict.write(chunk);
  loose.write(chunk.toUpperCase());
  if (piece === 4) reused.write('<a><b>unclosed</a>');
  if (piece === 6) { reused.close(); reused.onend = null; }
  if (piece === 8) { reused.onready = function () { rlog.push('R ready'); }; reused.write('<c q="1">again</c>').close(); }
  flush();
  piece++;
  if (piece <= cuts.length) setTimeout(step, 1);
  else { strict.close(); loose.close(); flush(); out('positions ' + strict.position + ' ' + loose.position); }
}
setTimeout(step, 1);
