// package: dayjs@1.11.10 dayjs/dayjs.min.js
// Driver for Day.js 1.11 (minified UMD build prepended by tests/thirdparty.sh): parsing and formatting fixed
// timestamps in UTC offsets, arithmetic, comparisons, startOf/endOf, a custom locale object; day.js objects kept
// across turns. No real time.
var out = function (s) { console.log(String(s)); };
var t = dayjs(1615734566535);
var u = t.add(t.utcOffset() === undefined ? 0 : -t.utcOffset(), 'minute');
var pirate = { name: 'xx-pirate', weekdays: 'Sunarr_Monarr_Tuesarr_Wednesarr_Thursarr_Friarr_Saturrr'.split('_'), months: 'Janarr_Febarr_Marrch_Aprrril_Mayarr_Junarr_Julyarr_Augarr_Septarr_Octarr_Novarr_Decarr'.split('_'), ordinal: function (n) { return n + 'arr'; } };
dayjs.locale(pirate, null, true);
var turn = 0;
var iv = setInterval(function () {
  turn++;
  u = u.add(turn, 'day').add(turn * 7, 'hour');
  out('turn ' + turn + ' ' + u.valueOf() + ' ' + u.format('YYYY-MM-DD') + ' ' + u.day() + ' ' + u.isValid());
  if (turn === 1) {
    var d = dayjs('2018-04-04T16:00:00.000Z');
    out(d.valueOf() + ' ' + dayjs('2019-01-25').isBefore(dayjs('2019-01-26')) + ' ' + dayjs('2019-01-25').diff(dayjs('2018-06-05'), 'month') + ' ' + dayjs('2019-01-25').diff('2018-06-05', 'day'));
    out(dayjs('2019-01-25').startOf('month').format('YYYY-MM-DD') + ' ' + dayjs('2019-01-25').endOf('year').format('MM-DD') + ' ' + dayjs('2020-02-01').daysInMonth() + ' ' + dayjs('not a date').isValid());
  } else if (turn === 2) {
    var p = dayjs('2019-01-25').locale('xx-pirate');
    out(p.format('dddd D MMMM YYYY') + ' | ' + dayjs('2019-01-25').format('dddd D MMMM YYYY') + ' | ' + dayjs('2019-01-25').format('[YYYYescape] YYYY-MM-DDTHH:mm:ss SSS [Z] A'));
    out(dayjs('2019-01-25').set('month', 3).month() + ' ' + dayjs('2019-01-25').isSame('2019-01-25T12:00', 'day') + ' ' + JSON.stringify(dayjs('2019-01-25').toJSON() === dayjs('2019-01-25').toISOString()) + ' ' + dayjs.isDayjs(u));
  } else if (turn === 4) {
    clearInterval(iv);
    setTimeout(function () { out('end ' + u.diff(dayjs(1615734566535), 'hour') + ' ' + u.subtract(1, 'year').year() + ' ' + dayjs.unix(0).valueOf()); }, 1);
  }
}, 2);
