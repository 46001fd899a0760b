// package: redux@4.2.1 redux/dist/redux.js redux/dist/redux.min.js
// Driver for Redux 4.2 (its UMD build, prepended by tests/thirdparty.sh): a store of an IoT hub built with
// combineReducers, applyMiddleware (a thunk and a logging middleware of ours, composed), subscribers added and
// removed, bound action creators, asynchronous thunks that dispatch from timers, replaceReducer, the
// observable interop. The store, its subscribers and in-flight thunks are migrated.
var out = function (s) { console.log(String(s)); };

function devices(state, action) {
  state = state || {};
  var next = {}, k;
  switch (action.type) {
  case 'device/add':
    for (k in state) next[k] = state[k];
    next[action.id] = { id: action.id, on: false, temp: null };
    return next;
  case 'device/toggle':
  case 'device/reading':
    for (k in state) next[k] = state[k];
    var d = state[action.id], nd = { id: d.id, on: d.on, temp: d.temp };
    if (action.type === 'device/toggle') nd.on = !nd.on; else nd.temp = action.temp;
    next[action.id] = nd;
    return next;
  default:
    return state;
  }
}
function pending(state, action) {
  if (state === undefined) state = 0;
  if (action.type === 'io/start') return state + 1;
  if (action.type === 'io/done') return state - 1;
  return state;
}
var rootReducer = Redux.combineReducers({ devices: devices, pending: pending });

var thunk = function (api) { return function (next) { return function (action) {
  return typeof action === 'function' ? action(api.dispatch, api.getState) : next(action);
}; }; };
var actionLog = [];
var logger = function () { return function (next) { return function (action) {
  actionLog.push(action.type);
  return next(action);
}; }; };
var store = Redux.createStore(rootReducer, Redux.applyMiddleware(thunk, logger));

var snapshots = [];
var unsubscribe = store.subscribe(function () { var s = store.getState(); snapshots.push(Object.keys(s.devices).length + '/' + s.pending); });
var actions = Redux.bindActionCreators({
  add: function (id) { return { type: 'device/add', id: id }; },
  toggle: function (id) { return { type: 'device/toggle', id: id }; },
  read: function (id) { return function (dispatch) {
    dispatch({ type: 'io/start' });
    setTimeout(function () {
      dispatch({ type: 'device/reading', id: id, temp: id.length * 7 });
      dispatch({ type: 'io/done' });
    }, 1);
  }; }
}, store.dispatch);

var observed = [];
var sub = store[typeof Symbol === 'function' && Symbol.observable || '@@observable']().subscribe({ next: function (s) { observed.push(s.pending); } });

function show(label) {
  var s = store.getState(), ids = Object.keys(s.devices).sort();
  out(label + ': ' + ids.map(function (id) { var d = s.devices[id]; return id + (d.on ? '+' : '-') + d.temp; }).join(' ') + ' pending ' + s.pending);
}

var turn = 0;
function step() {
  turn++;
  show('turn ' + turn);
  if (turn === 1) {
    actions.add('boiler'); actions.add('fan'); actions.toggle('fan');
    actions.read('boiler'); actions.read('fan');
  } else if (turn === 3) {
    out('log ' + actionLog.join(','));
    out('subscriber saw ' + snapshots.join(' '));
    unsubscribe();
    actions.add('lamp'); actions.read('lamp');
  } else if (turn === 5) {
    var compose = Redux.compose(function (s) { return s + '!'; }, function (s) { return s.toUpperCase(); });
    out('compose ' + compose('state'));
    store.replaceReducer(Redux.combineReducers({ devices: devices, pending: pending, count: function (c, a) { return (c || 0) + (a.type === 'tick' ? 1 : 0); } }));
    store.dispatch({ type: 'tick' }); store.dispatch({ type: 'tick' });
    out('count ' + store.getState().count);
    sub.unsubscribe();
  } else if (turn === 7) {
    try { store.dispatch({ notype: 1 }); } catch (e) { out('error ' + e.message.split('.')[0]); }
    out('observed ' + observed.join(''));
    out('snapshots ' + snapshots.length + ' actions ' + actionLog.length);
  }
  // the next turn starts when no reading is in flight
  (function wait() { if (store.getState().pending) setTimeout(wait, 1); else if (turn < 8) setTimeout(step, 1); })();
}
setTimeout(step, 1);
