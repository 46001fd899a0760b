// package: matter-js@0.14.2 matter-js/build/matter.js matter-js/build/matter.min.js
// prelude: var self = this;
// Driver for Matter.js 0.14 (2D rigid-body physics, its browser build, prepended by tests/thirdparty.sh;
// NAME.2 is the minified build): a world of a ground, a pyramid of boxes, a ball, a compound body and a
// pendulum on a constraint is stepped twenty fixed steps per turn. The world is a graph of cycles (a body
// is its own first part and its parts' parent; pairs point at bodies and back), the broadphase grid and
// the pair cache are library state kept between turns, collision events reach listeners kept in the
// engine's event table, and Common.random runs on the library's seeded generator.
var out = function (s) { console.log(String(s)); };
var M = Matter, Bodies = M.Bodies, Body = M.Body, World = M.World, Composites = M.Composites, Constraint = M.Constraint, Events = M.Events;
M.Common._seed = 7;
var engine = M.Engine.create({ enableSleeping: true });
var ground = Bodies.rectangle(400, 610, 810, 60, { isStatic: true, label: 'ground' });
var stack = Composites.pyramid(300, 300, 5, 4, 0, 0, function (x, y) { return Bodies.rectangle(x, y, 40, 40, { label: 'box' }); });
var ball = Bodies.circle(150, 100, 30, { restitution: 0.6, label: 'ball' });
var partA = Bodies.rectangle(600, 200, 60, 20), partB = Bodies.rectangle(600, 200, 20, 60);
var cross = Body.create({ parts: [partA, partB], label: 'cross' });
var bob = Bodies.circle(500, 300, 15, { label: 'bob', frictionAir: 0 });
var rope = Constraint.create({ pointA: { x: 500, y: 100 }, bodyB: bob, stiffness: 0.9 });
World.add(engine.world, [ground, stack, ball, cross, bob, rope]);
var hits = {}, turn = 0;
Events.on(engine, 'collisionStart', function (ev) {
  for (var i = 0; i < ev.pairs.length; i++) {
    var a = ev.pairs[i].bodyA.label, b = ev.pairs[i].bodyB.label, k = a < b ? a + '/' + b : b + '/' + a;
    hits[k] = (hits[k] || 0) + 1;
  }
});
var sleeps = 0;
Events.on(engine, 'sleepStart', function () { sleeps++; });
function r1(x) { return Math.round(x * 10) / 10; }
function pos(b) { return b.label + '(' + r1(b.position.x) + ',' + r1(b.position.y) + (b.circleRadius ? '' : ' a' + r1(b.angle)) + ')'; }
function step() {
  for (var i = 0; i < 20; i++) M.Engine.update(engine, 1000 / 60);
  turn++;
  var boxes = M.Composite.allBodies(stack);
  out('turn ' + turn + ' t ' + r1(engine.timing.timestamp) + ' ' + pos(ball) + ' ' + pos(cross) + ' ' + pos(bob) + ' top ' + pos(boxes[boxes.length - 1]) +
    ' sleeping ' + boxes.filter(function (b) { return b.isSleeping; }).length + ' pairs ' + engine.pairs.list.length);
  if (turn === 2) { Body.applyForce(ball, ball.position, { x: 0.05, y: -0.05 }); Body.setAngularVelocity(cross, 0.2); }
  if (turn === 3) { var extra = Bodies.polygon(400, 50, 5, 25, { label: 'pent' }); World.add(engine.world, extra); steps.extra = extra; out('  random ' + r1(M.Common.random(0, 100)) + ' ' + r1(M.Common.random(0, 100)) + ' id ' + M.Common.nextId()); }
  if (turn === 4) { World.remove(engine.world, rope); out('  rope cut; constraints ' + M.Composite.allConstraints(engine.world).length); }
  if (turn < 6) setTimeout(step, 1);
  else {
    var keys = Object.keys(hits).sort();
    out('hits ' + keys.map(function (k) { return k + ' ' + hits[k]; }).join(', ') + ' sleeps ' + (sleeps > 0) + ' ' + pos(steps.extra));
    out('bounds ' + JSON.stringify(M.Bounds.create(M.Composite.allBodies(engine.world).map(function (b) { return b.position; }))).replace(/\d+\.\d+/g, function (x) { return r1(+x); }) +
      ' cycles ' + (cross.parts[0] === cross) + ' ' + (partA.parent === cross) + ' mass ' + r1(cross.mass));
  }
}
var steps = {};
setTimeout(step, 1);
