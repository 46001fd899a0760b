// package: three@0.100.0 three/build/three.min.js
// prelude: var self = this;
// Driver for three.js r100 (its minified browser build, prepended by tests/thirdparty.sh), without a
// renderer: the scene graph, maths, geometry, raycasting and the animation system. Every Object3D's
// rotation (Euler) and quaternion keep each other in sync through onChange callbacks, closures made in
// the Object3D constructor; position, rotation, quaternion and scale are defined on each object by
// Object.defineProperties. An AnimationMixer plays keyframe clips on the graph, its actions, property
// bindings and interpolants (with their typed-array result buffers) carrying the playback state from turn
// to turn; EventDispatcher listeners, a raycaster over meshes and a curve are kept as well.
var out = function (s) { console.log(String(s)); };
function r(x) { return Math.round(x * 1000) / 1000; }
function v3(v) { return '(' + r(v.x) + ',' + r(v.y) + ',' + r(v.z) + ')'; }
var scene = new THREE.Scene();
var rig = new THREE.Group(); rig.name = 'rig';
var arm = new THREE.Mesh(new THREE.BoxBufferGeometry(1, 4, 1), new THREE.MeshBasicMaterial({ color: 0x336699 }));
arm.name = 'arm'; arm.position.set(0, 2, 0);
var hand = new THREE.Mesh(new THREE.SphereBufferGeometry(0.5, 8, 6), new THREE.MeshBasicMaterial());
hand.name = 'hand'; hand.position.set(0, 2.5, 0);
scene.add(rig); rig.add(arm); arm.add(hand);
var events = [];
rig.addEventListener('moved', function (e) { events.push('moved ' + e.step); });
hand.addEventListener('removed', function () { events.push('hand removed'); });
// a clip: the rig turns, the arm swings, the hand scales, over 2 seconds
var clip = new THREE.AnimationClip('wave', 2, [
  new THREE.NumberKeyframeTrack('rig.rotation[y]', [0, 1, 2], [0, Math.PI / 2, Math.PI]),
  new THREE.QuaternionKeyframeTrack('arm.quaternion', [0, 1, 2], [0, 0, 0, 1, 0, 0, 0.3826834, 0.9238795, 0, 0, 0, 1]),
  new THREE.VectorKeyframeTrack('hand.scale', [0, 2], [1, 1, 1, 2, 0.5, 2], THREE.InterpolateSmooth)
]);
var mixer = new THREE.AnimationMixer(scene);
var action = mixer.clipAction(clip);
action.setLoop(THREE.LoopPingPong, 3);
action.play();
var loops = [];
mixer.addEventListener('loop', function (e) { loops.push(e.loopDelta); });
mixer.addEventListener('finished', function () { loops.push('finished'); });
var curve = new THREE.CatmullRomCurve3([new THREE.Vector3(0, 0, 0), new THREE.Vector3(2, 1, 0), new THREE.Vector3(4, 0, 2), new THREE.Vector3(6, 2, 2)]);
var ray = new THREE.Raycaster();
var t = 0, step = 0;
function state() {
  scene.updateMatrixWorld(true);
  var hp = hand.getWorldPosition(new THREE.Vector3());
  return 't ' + r(t) + ' rig.rot.y ' + r(rig.rotation.y) + ' rig.quat.y ' + r(rig.quaternion.y) + ' arm.rot ' + v3(arm.rotation) + ' hand.scale ' + v3(hand.scale) + ' hand at ' + v3(hp);
}
function turn() {
  step++;
  for (var i = 0; i < 5; i++) { mixer.update(0.15); t += 0.15; }
  out('turn ' + step + ' ' + state() + ' action time ' + r(action.time) + ' running ' + action.isRunning());
  rig.dispatchEvent({ type: 'moved', step: step });
  if (step === 2) {
    // set the quaternion: the rotation follows through the onChange closure, and the other way round
    arm.quaternion.setFromAxisAngle(new THREE.Vector3(0, 0, 1), 0.25);
    out('  arm rotation from quaternion ' + v3(arm.rotation));
    arm.rotation.x = 0.5;
    out('  arm quaternion from rotation ' + r(arm.quaternion.x) + ' ' + r(arm.quaternion.w));
  }
  if (step === 3) {
    ray.set(new THREE.Vector3(-10, hand.getWorldPosition(new THREE.Vector3()).y, 0), new THREE.Vector3(1, 0, 0));
    var hits = ray.intersectObjects(scene.children, true);
    out('  ray hits ' + hits.map(function (h) { return h.object.name + '@' + r(h.distance); }).join(' '));
    out('  curve ' + v3(curve.getPoint(0.5)) + ' length ' + r(curve.getLength()) + ' tangent ' + v3(curve.getTangent(0.25)));
  }
  if (step === 4) { arm.remove(hand); out('  hand detached, parent ' + hand.parent); }
  if (step < 6) setTimeout(turn, 1);
  else {
    var box = new THREE.Box3().setFromObject(scene), m = new THREE.Matrix4().compose(rig.position, rig.quaternion, rig.scale);
    out('end events ' + events.join(', ') + ' loops ' + loops.join(',') + ' box ' + v3(box.min) + v3(box.max) + ' det ' + r(m.determinant()));
  }
}
out('start ' + state() + ' tracks ' + clip.tracks.length + ' ' + clip.tracks[1].ValueTypeName + ' duration ' + clip.duration);
setTimeout(turn, 1);
