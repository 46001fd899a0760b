// Ray tracer: spheres and a checkered plane, point lights, shadows and
// reflections, rendered to an RGB buffer; vector objects with prototype
// methods, scene objects with polymorphic intersect/normal. Checks a pixel
// checksum. Arg: scale.
var SCALE = (typeof process === "object" && process.argv && Number(process.argv[2])) || 1;

function Vec(x, y, z) { this.x = x; this.y = y; this.z = z; }
Vec.prototype.add = function (v) { return new Vec(this.x + v.x, this.y + v.y, this.z + v.z); };
Vec.prototype.sub = function (v) { return new Vec(this.x - v.x, this.y - v.y, this.z - v.z); };
Vec.prototype.scale = function (k) { return new Vec(this.x * k, this.y * k, this.z * k); };
Vec.prototype.dot = function (v) { return this.x * v.x + this.y * v.y + this.z * v.z; };
Vec.prototype.cross = function (v) {
  return new Vec(this.y * v.z - this.z * v.y, this.z * v.x - this.x * v.z, this.x * v.y - this.y * v.x);
};
Vec.prototype.len = function () { return Math.sqrt(this.dot(this)); };
Vec.prototype.norm = function () { var l = this.len(); return l === 0 ? this : this.scale(1 / l); };

function Color(r, g, b) { this.r = r; this.g = g; this.b = b; }
Color.prototype.add = function (c) { return new Color(this.r + c.r, this.g + c.g, this.b + c.b); };
Color.prototype.mul = function (c) { return new Color(this.r * c.r, this.g * c.g, this.b * c.b); };
Color.prototype.scale = function (k) { return new Color(this.r * k, this.g * k, this.b * k); };
Color.BLACK = new Color(0, 0, 0);
Color.WHITE = new Color(1, 1, 1);
Color.GREY = new Color(0.5, 0.5, 0.5);
Color.BG = new Color(0.05, 0.05, 0.1);

function Surface(diffuse, specular, reflect, rough) {
  this.diffuseFn = diffuse; this.specular = specular; this.reflectFn = reflect; this.roughness = rough;
}
var shiny = new Surface(function () { return Color.WHITE; }, Color.GREY, function () { return 0.7; }, 250);
var checker = new Surface(
  function (pos) { return ((Math.floor(pos.z) + Math.floor(pos.x)) % 2 !== 0) ? Color.WHITE : Color.BLACK; },
  Color.WHITE,
  function (pos) { return ((Math.floor(pos.z) + Math.floor(pos.x)) % 2 !== 0) ? 0.1 : 0.7; },
  150);
var matte = new Surface(function () { return new Color(0.8, 0.3, 0.2); }, Color.GREY, function () { return 0.1; }, 50);

function Sphere(center, radius, surface) { this.center = center; this.radius2 = radius * radius; this.surface = surface; }
Sphere.prototype.intersect = function (ray) {
  var eo = this.center.sub(ray.start);
  var v = eo.dot(ray.dir);
  if (v < 0) return null;
  var disc = this.radius2 - (eo.dot(eo) - v * v);
  if (disc < 0) return null;
  var dist = v - Math.sqrt(disc);
  return dist <= 0 ? null : { thing: this, ray: ray, dist: dist };
};
Sphere.prototype.normal = function (pos) { return pos.sub(this.center).norm(); };

function Plane(norm, offset, surface) { this.n = norm; this.offset = offset; this.surface = surface; }
Plane.prototype.intersect = function (ray) {
  var denom = this.n.dot(ray.dir);
  if (denom > 0) return null;
  var dist = (this.n.dot(ray.start) + this.offset) / (-denom);
  return { thing: this, ray: ray, dist: dist };
};
Plane.prototype.normal = function () { return this.n; };

function Camera(pos, lookAt) {
  var down = new Vec(0, -1, 0);
  this.pos = pos;
  this.forward = lookAt.sub(pos).norm();
  this.right = this.forward.cross(down).norm().scale(1.5);
  this.up = this.forward.cross(this.right).norm().scale(1.5);
}

function Tracer(maxDepth) { this.maxDepth = maxDepth; }
Tracer.prototype.intersections = function (ray, scene) {
  var closest = Infinity, best = null;
  for (var i = 0; i < scene.things.length; i++) {
    var inter = scene.things[i].intersect(ray);
    if (inter != null && inter.dist < closest) { best = inter; closest = inter.dist; }
  }
  return best;
};
Tracer.prototype.testRay = function (ray, scene) {
  var isect = this.intersections(ray, scene);
  return isect ? isect.dist : undefined;
};
Tracer.prototype.traceRay = function (ray, scene, depth) {
  var isect = this.intersections(ray, scene);
  return isect === null ? Color.BG : this.shade(isect, scene, depth);
};
Tracer.prototype.shade = function (isect, scene, depth) {
  var d = isect.ray.dir;
  var pos = d.scale(isect.dist).add(isect.ray.start);
  var normal = isect.thing.normal(pos);
  var reflectDir = d.sub(normal.scale(2 * normal.dot(d)));
  var natural = Color.BG.add(this.getNaturalColor(isect.thing, pos, normal, reflectDir, scene));
  var reflected = depth >= this.maxDepth ? Color.GREY : this.getReflectionColor(isect.thing, pos, reflectDir, scene, depth);
  return natural.add(reflected);
};
Tracer.prototype.getReflectionColor = function (thing, pos, rd, scene, depth) {
  return this.traceRay({ start: pos, dir: rd }, scene, depth + 1).scale(thing.surface.reflectFn(pos));
};
Tracer.prototype.getNaturalColor = function (thing, pos, norm, rd, scene) {
  var col = Color.BLACK;
  for (var i = 0; i < scene.lights.length; i++) {
    var light = scene.lights[i];
    var ldis = light.pos.sub(pos);
    var livec = ldis.norm();
    var neatIsect = this.testRay({ start: pos, dir: livec }, scene);
    var isInShadow = neatIsect === undefined ? false : (neatIsect <= ldis.len());
    if (isInShadow) continue;
    var illum = livec.dot(norm);
    var lcolor = illum > 0 ? light.color.scale(illum) : Color.BLACK;
    var specular = livec.dot(rd.norm());
    var scolor = specular > 0 ? light.color.scale(Math.pow(specular, thing.surface.roughness)) : Color.BLACK;
    col = col.add(thing.surface.diffuseFn(pos).mul(lcolor)).add(thing.surface.specular.mul(scolor));
  }
  return col;
};
Tracer.prototype.render = function (scene, w, h) {
  var cam = scene.camera, sum = 0;
  for (var y = 0; y < h; y++) {
    for (var x = 0; x < w; x++) {
      var rx = (x - w / 2) / 2 / w, ry = -(y - h / 2) / 2 / h;
      var dir = cam.forward.add(cam.right.scale(rx).add(cam.up.scale(ry))).norm();
      var c = this.traceRay({ start: cam.pos, dir: dir }, scene, 0);
      var r = Math.floor(Math.min(c.r, 1) * 255), g = Math.floor(Math.min(c.g, 1) * 255), b = Math.floor(Math.min(c.b, 1) * 255);
      sum = (sum * 31 + r * 65536 + g * 256 + b) % 1000000007;
    }
  }
  return sum;
};

function scene() {
  return {
    things: [new Plane(new Vec(0, 1, 0), 0, checker),
             new Sphere(new Vec(0, 1, -0.25), 1, shiny),
             new Sphere(new Vec(-1, 0.5, 1.5), 0.5, shiny),
             new Sphere(new Vec(1.5, 0.4, 1.2), 0.4, matte)],
    lights: [{ pos: new Vec(-2, 2.5, 0), color: new Color(0.49, 0.07, 0.07) },
             { pos: new Vec(1.5, 2.5, 1.5), color: new Color(0.07, 0.07, 0.49) },
             { pos: new Vec(1.5, 2.5, -1.5), color: new Color(0.07, 0.49, 0.071) },
             { pos: new Vec(0, 3.5, 0), color: new Color(0.21, 0.21, 0.35) }],
    camera: new Camera(new Vec(3, 2, 4), new Vec(-1, 0.5, 0))
  };
}

var size = Math.max(8, Math.round(48 * Math.sqrt(SCALE)));
var sum = new Tracer(3).render(scene(), size, size);
var again = new Tracer(3).render(scene(), size, size);
if (sum !== again) throw new Error("WRONG RESULT: raytracer: not deterministic");
console.log("raytracer ok " + size + "x" + size + ", checksum " + sum);
