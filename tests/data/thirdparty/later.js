// package: later@1.2.0 later/later.js
// Driver for Later 1.2 (recurring schedules: cron, text and a builder, prepended by tests/thirdparty.sh),
// in UTC from fixed start dates. Compiled schedules (objects of closures over the parsed schedule) are
// kept and walked forward a few occurrences per turn from where the last turn stopped; later.date holds
// built-in Date.prototype getters chosen by timezone() (switched to local time and back); and a
// later.setTimeout for an occurrence months away leaves a real timer pending (its closure re-arms itself
// within setTimeout's range) across every turn, until the last turn clears it.
var out = function (s) { console.log(String(s)); };
later.date.UTC();
function iso(d) { return d instanceof Date ? d.toISOString().replace('.000Z', 'Z') : String(d); }
function list(a) { return a === later.NEVER || !a ? 'never' : (a instanceof Array ? a : [a]).map(function (x) { return x instanceof Array ? '[' + list(x) + ']' : iso(x); }).join(' '); }
var start = new Date(Date.UTC(2024, 1, 27, 22, 58, 30));   // near the end of a leap February
var defs = {
  cron: later.parse.cron('*/20 */7 * * *'),
  cronSec: later.parse.cron('15,45 59 23 L * ?', true),
  text: later.parse.text('at 10:15 am on Mon,Wed,Fri except on Wed'),
  textEvery: later.parse.text('every 2 hours on the first day of the month'),
  recur: later.parse.recur().on(29).dayOfMonth().on(2).month().onWeekday().on(12).hour().and().on(31).dayOfMonth().on(0).minute().on(3).hour()
};
var scheds = {}, cursor = {}, pending, turns = 0;
var steps = [
  function () {
    for (var k in defs) {
      scheds[k] = later.schedule(defs[k]);
      var nx = scheds[k].next(3, start);
      cursor[k] = nx[nx.length - 1];
      out(k + ' ' + JSON.stringify(defs[k].schedules).slice(0, 70) + ' next ' + list(nx));
    }
    out('text error at ' + later.parse.text('every 90 minutes').error + ' valid ' + scheds.cron.isValid(start) + ' ' + scheds.cronSec.isValid(new Date(Date.UTC(2024, 1, 29, 23, 59, 45))));
    // a real timer for the next first of January: too far for one setTimeout, so its closure re-arms
    pending = later.setTimeout(function () { out('fired?'); }, later.parse.cron('0 0 1 1 *'));
    out('pending ' + !pending.isDone());
  },
  function () {
    for (var k in scheds) {
      var nx = scheds[k].next(3, new Date(cursor[k].getTime() + 1000));
      out(k + ' then ' + list(nx));
      cursor[k] = nx[nx.length - 1];
    }
  },
  function () {
    out('prev cron ' + list(scheds.cron.prev(2, start)) + ' text ' + list(scheds.text.prev(2, start)));
    out('ranges ' + list(scheds.textEvery.nextRange(2, start)) + ' | ' + list(scheds.cron.prevRange(1, start)));
    var ex = later.parse.recur().every(15).minute().except().on(0, 30).minute();
    out('except ' + list(later.schedule(ex).next(4, start)) + ' end bound ' + list(later.schedule(ex).next(10, start, new Date(start.getTime() + 45 * 60000))));
    later.date.localTime();
    out('local getters ' + (later.date.getHour === Date.prototype.getHours) + ' ' + later.date.isUTC);
    later.date.UTC();
    out('utc getters ' + (later.date.getHour === Date.prototype.getUTCHours) + ' ' + later.date.isUTC + ' pending ' + !pending.isDone());
  },
  function () {
    for (var k in scheds) out(k + ' last ' + list(scheds[k].next(1, new Date(cursor[k].getTime() + 1000))) + ' ' + scheds[k].isValid(cursor[k]));
    var c = later.modifier && later.modifier.after ? 'after ok' : 'no after';
    out(c + ' weekOfYear ' + later.weekOfYear.val(start) + ' dayOfYear ' + later.dayOfYear.val(start) + ' ' + iso(later.month.end(start)) + ' ' + iso(later.day.start(start)));
    pending.clear();
    out('cleared ' + later.version);
  }
];
var n = 0;
function next() { steps[n++](); if (n < steps.length) setTimeout(next, 1); }
setTimeout(next, 1);
