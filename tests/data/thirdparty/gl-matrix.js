// package: gl-matrix@3.4.3 gl-matrix/gl-matrix.js gl-matrix/gl-matrix-min.js
// prelude: var self = this;
// Driver for gl-matrix 3.4 (its UMD build, prepended by tests/thirdparty.sh): vectors, matrices and
// quaternions in Float32Arrays kept across turns (a scene graph of transforms updated every turn), scratch
// typed arrays kept in the library's closures (vec3.forEach, quat.rotationTo, quat.sqlerp), and its module
// objects: frozen object literals with a `get ARRAY_TYPE()` accessor over a closure variable that
// setMatrixArrayType changes, and a `__proto__: null` entry that Duktape 2.7 takes as an own property
// named "__proto__" (the objects keep Object.prototype).
var out = function (s) { console.log(String(s)); };
var G = glMatrix, vec3 = G.vec3, mat4 = G.mat4, quat = G.quat, mat3 = G.mat3, vec2 = G.vec2, mat2d = G.mat2d, quat2 = G.quat2;
function f(a) { var r = []; for (var i = 0; i < a.length; i++) r.push(Math.round(a[i] * 1e4) / 1e4); return (a instanceof Float32Array ? 'F' : a instanceof Float64Array ? 'D' : 'A') + '[' + r.join(' ') + ']'; }
var scene = {
  root: { pos: vec3.fromValues(0, 0, -5), rot: quat.create(), scale: vec3.fromValues(1, 1, 1), world: mat4.create(), children: [] }
};
function node(pos) { return { pos: vec3.clone(pos), rot: quat.create(), scale: vec3.fromValues(1, 1, 1), world: mat4.create(), children: [] }; }
scene.root.children.push(node([1, 0, 0]), node([0, 2, 0]));
scene.root.children[0].children.push(node([0, 0, 1]));
function update(n, parent) {
  var local = mat4.fromRotationTranslationScale(mat4.create(), n.rot, n.pos, n.scale);
  if (parent) mat4.multiply(n.world, parent, local); else mat4.copy(n.world, local);
  for (var i = 0; i < n.children.length; i++) update(n.children[i], n.world);
}
function leaf() { return scene.root.children[0].children[0]; }
var cam = { eye: vec3.fromValues(3, 4, 5), view: mat4.create(), proj: mat4.perspective(mat4.create(), Math.PI / 4, 16 / 9, 0.1, 100) };
var cloud = new Float32Array(24);   // 8 interleaved points, stride 3
for (var i = 0; i < cloud.length; i++) cloud[i] = (i % 5) - 2 + i / 10;
var t = 0, q0 = quat.create(), q1 = quat.create(), acc = [];
var steps = [
  function () {
    out('common keys ' + Object.keys(G.glMatrix).join(',') + ' frozen ' + Object.isFrozen(G.glMatrix) + ' ' + Object.isFrozen(mat4) +
      ' own __proto__ ' + Object.prototype.hasOwnProperty.call(mat4, '__proto__') + ' ' + (Object.getPrototypeOf(mat4) === Object.prototype) + ' ' + mat4.__proto__);
    out('ARRAY_TYPE ' + (G.glMatrix.ARRAY_TYPE === Float32Array) + ' ' + JSON.stringify(Object.getOwnPropertyDescriptor(G.glMatrix, 'ARRAY_TYPE')) + ' EPSILON ' + G.glMatrix.EPSILON);
    update(scene.root, null);
    out('leaf world ' + f(leaf().world));
    mat4.lookAt(cam.view, cam.eye, [0, 0, 0], [0, 1, 0]);
    out('view ' + f(cam.view) + ' proj ' + f(cam.proj));
  },
  function () {
    t++;
    quat.setAxisAngle(scene.root.rot, [0, 1, 0], Math.PI / 6);
    quat.rotateX(scene.root.children[0].rot, scene.root.children[0].rot, 0.3);
    vec3.scale(scene.root.children[1].scale, scene.root.children[1].scale, 2);
    update(scene.root, null);
    var p = vec3.transformMat4(vec3.create(), [0, 0, 0], leaf().world);
    out('leaf at ' + f(p) + ' det ' + Math.round(mat4.determinant(leaf().world) * 1e4) / 1e4);
    var mvp = mat4.multiply(mat4.create(), cam.proj, mat4.multiply(mat4.create(), cam.view, leaf().world));
    var clip = G.vec4.transformMat4(G.vec4.create(), [0, 0, 0, 1], mvp);
    out('clip ' + f(clip) + ' ndc ' + f([clip[0] / clip[3], clip[1] / clip[3], clip[2] / clip[3]]));
    // vec3.forEach over interleaved data, with its closure's scratch vector
    vec3.forEach(cloud, 3, 0, 8, function (a, b, arg) { vec3.transformQuat(a, a, arg); }, scene.root.rot);
    out('cloud ' + f(cloud.subarray(0, 9)));
  },
  function () {
    quat.rotationTo(q0, [1, 0, 0], [0, 1, 0]);
    quat.rotationTo(q1, [1, 0, 0], [-1, 0, 0]);
    var m = quat.slerp(quat.create(), q0, scene.root.rot, 0.25), s = quat.sqlerp(quat.create(), q0, q1, scene.root.rot, m, 0.5);
    out('q0 ' + f(q0) + ' q1 ' + f(q1) + ' slerp ' + f(m) + ' sqlerp ' + f(s) + ' angle ' + Math.round(quat.getAngle(q0, q1) * 1e4) / 1e4);
    var n3 = mat3.normalFromMat4(mat3.create(), leaf().world), inv = mat4.invert(mat4.create(), leaf().world);
    out('normal ' + f(n3) + ' inv*world ' + f(mat4.multiply(mat4.create(), inv, leaf().world)));
    var dq = quat2.fromRotationTranslation(quat2.create(), scene.root.rot, [1, 2, 3]);
    out('dual ' + f(dq) + ' translation ' + f(quat2.getTranslation(vec3.create(), dq)) + ' str ' + quat2.str(dq).slice(0, 30));
    // from here on the library makes plain arrays
    G.glMatrix.setMatrixArrayType(Array);
    acc.push(vec3.create(), mat2d.create());
    out('ARRAY_TYPE now Array ' + (G.glMatrix.ARRAY_TYPE === Array) + ' ' + f(acc[0]) + ' ' + f(acc[1]));
  },
  function () {
    var v = vec2.fromValues(3, 4);
    acc.push(v, vec3.cross(vec3.create(), [1, 0, 0], [0, 1, 0]));
    out('vec2 len ' + vec2.length(v) + ' hypot ' + Math.hypot(3, 4, 12) + ' angle ' + Math.round(vec3.angle([1, 0, 0], [1, 1, 0]) * 1e4) / 1e4 + ' ' + f(acc[2]) + ' ' + f(acc[3]));
    var r = mat2d.rotate(mat2d.create(), mat2d.fromTranslation(mat2d.create(), [5, 6]), Math.PI / 2);
    out('mat2d ' + f(r) + ' ' + f(vec2.transformMat2d(vec2.create(), [1, 0], r)) + ' equals ' + mat2d.equals(r, r) + ' ' + G.glMatrix.equals(1, 1 + 1e-7));
    G.glMatrix.setMatrixArrayType(Float64Array);
  },
  function () {
    var last = mat4.create();
    out('ARRAY_TYPE Float64 ' + (G.glMatrix.ARRAY_TYPE === Float64Array) + ' ' + f(last.subarray(0, 4)) + ' kept ' + f(acc[0]) + ' ' + f(scene.root.world));
    update(scene.root, null);
    out('end leaf ' + f(leaf().world) + ' cloud ' + f(cloud.subarray(21)) + ' str ' + mat4.str(cam.view).slice(0, 40));
  }
];
var n = 0;
function next() { steps[n++](); if (n < steps.length) setTimeout(next, 1); }
setTimeout(next, 1);
