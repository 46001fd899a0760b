// package: moment@2.29.4 moment/moment.js moment/min/moment.min.js
// Driver for moment 2.29 (prepended by tests/thirdparty.sh): UTC parsing, formatting, arithmetic, durations,
// locales defined by the program, moment objects and locale data kept in closures across turns. Fixed times only.
var out = function (s) { console.log(String(s)); };
var base = moment.utc('2021-03-14T15:09:26.535Z');
var dur = moment.duration({ days: 3, hours: 4, minutes: 5 });
moment.defineLocale('xx-pirate', {
  parentLocale: 'en',
  months: 'Janarr_Febarr_Marrch_Aprrril_Mayarr_Junarr_Julyarr_Augarr_Septarr_Octarr_Novarr_Decarr'.split('_'),
  weekdays: 'Sunarr_Monarr_Tuesarr_Wednesarr_Thursarr_Friarr_Saturrr'.split('_'),
  ordinal: function (n) { return n + 'arr'; }
});
moment.locale('en');
var steps = [
  function () {
    out(base.format() + ' | ' + base.format('dddd, MMMM Do YYYY, h:mm:ss a') + ' | ' + base.valueOf());
    out(base.clone().add(1, 'month').format('YYYY-MM-DD') + ' ' + base.clone().subtract(10, 'days').format('L') + ' ' + base.clone().startOf('week').format('LLLL'));
    out(moment.utc('2020-02-29', 'YYYY-MM-DD').add(1, 'year').format('YYYY-MM-DD') + ' ' + moment.utc('31/12/1999 23:59', 'DD/MM/YYYY HH:mm').toISOString());
  },
  function () {
    out(dur.humanize() + ' ' + dur.asHours() + ' ' + dur.toISOString() + ' ' + moment.duration(90061000).humanize());
    out(base.diff(moment.utc('2020-01-01'), 'days') + ' ' + base.from(moment.utc('2021-03-20T00:00:00Z')) + ' ' + base.to(moment.utc('2019-03-14')));
    out(base.isBefore('2022-01-01') + ' ' + base.isSame(moment.utc('2021-03-14T00:00:00Z'), 'day') + ' ' + base.isLeapYear() + ' ' + base.week() + ' ' + base.isoWeek() + ' ' + base.dayOfYear());
  },
  function () {
    var p = base.clone().locale('xx-pirate');
    out(p.format('dddd Do MMMM YYYY') + ' | ' + base.format('dddd Do MMMM') + ' | ' + moment.locales().length);
    out(moment.utc('2021-W10-3', moment.ISO_8601).format('YYYY-MM-DD') + ' ' + moment.utc('not a date', 'YYYY-MM-DD', true).isValid() + ' ' + moment.utc('2021-13-01', 'YYYY-MM-DD', true).invalidAt());
    base = base.clone().add(dur);
    out(base.format('YYYY-MM-DD HH:mm:ss.SSS Z') + ' ' + base.unix() + ' ' + moment.max(base, moment.utc(0)).year());
  },
  function () {
    out(base.calendar(moment.utc('2021-03-17T12:00:00Z')) + ' | ' + base.utcOffset(120).format('HH:mm Z') + ' | ' + JSON.stringify(base.toObject()));
    out(JSON.stringify(moment.utc([2010, 1, 14, 15, 25, 50, 125])) + ' ' + moment.utc({ y: 2010, M: 3, d: 5 }).format('LL') + ' ' + moment.version);
  }
];
var n = 0;
function next() {
  out('step ' + n);
  steps[n++]();
  if (n < steps.length) setTimeout(next, 2);
}
setTimeout(next, 1);
