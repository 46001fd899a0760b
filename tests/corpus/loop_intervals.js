// Event loop: two intervals and a watchdog sharing one closure environment, each cleared by another callback.
// The sensor interval drives all printed state; the heartbeat ends long before, so timing never changes the output.
function room() {
  var temperature = 18;
  var heaterOn = false;
  var readings = [];
  var beats = 0;
  var heartbeat = setInterval(function () {
    beats++;
    if (beats === 3) clearInterval(heartbeat);
  }, 5);
  var sensor = setInterval(function () {
    temperature += heaterOn ? 2 : -1;
    readings.push(temperature);
    if (readings.length % 3 === 0) thermostat();
    if (readings.length === 20) stop();
  }, 10);
  function thermostat() {
    var was = heaterOn;
    heaterOn = temperature < 20;
    if (was !== heaterOn) console.log('heater ' + (heaterOn ? 'on' : 'off') + ' at ' + temperature);
  }
  function stop() {
    clearInterval(sensor);
    console.log('readings ' + readings.length + ': ' + readings.join(' '));
    console.log('final ' + temperature + ' heater ' + heaterOn + ' beats ' + beats);
  }
}
room();
