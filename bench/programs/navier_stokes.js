// Navier-Stokes: a 2D fluid solver (after Jos Stam's stable fluids and the
// V8 benchmark port by Oliver Hunt): dense Float64 grids, Gauss-Seidel
// relaxation, advection and projection, with callbacks adding density and
// velocity each step. Checks a density checksum. Arg: scale.
var SCALE = (typeof process === "object" && process.argv && Number(process.argv[2])) || 1;

function FluidField(hRes, wRes) {
  var width = wRes, height = hRes, rowSize = width + 2, size = (width + 2) * (height + 2);
  var iterations = 10, visc = 0.5, dt = 0.1;
  var dens, dens_prev, u, u_prev, v, v_prev;
  var uiCallback = function () {};

  function addFields(x, s, dt) { for (var i = 0; i < size; i++) x[i] += dt * s[i]; }

  function set_bnd(b, x) {
    var i, j;
    if (b === 1) {
      for (i = 1; i <= width; i++) { x[i] = x[i + rowSize]; x[i + (height + 1) * rowSize] = x[i + height * rowSize]; }
      for (j = 1; j <= height; j++) { x[j * rowSize] = -x[1 + j * rowSize]; x[(width + 1) + j * rowSize] = -x[width + j * rowSize]; }
    } else if (b === 2) {
      for (i = 1; i <= width; i++) { x[i] = -x[i + rowSize]; x[i + (height + 1) * rowSize] = -x[i + height * rowSize]; }
      for (j = 1; j <= height; j++) { x[j * rowSize] = x[1 + j * rowSize]; x[(width + 1) + j * rowSize] = x[width + j * rowSize]; }
    } else {
      for (i = 1; i <= width; i++) { x[i] = x[i + rowSize]; x[i + (height + 1) * rowSize] = x[i + height * rowSize]; }
      for (j = 1; j <= height; j++) { x[j * rowSize] = x[1 + j * rowSize]; x[(width + 1) + j * rowSize] = x[width + j * rowSize]; }
    }
    var maxEdge = (height + 1) * rowSize;
    x[0] = 0.5 * (x[1] + x[rowSize]);
    x[maxEdge] = 0.5 * (x[1 + maxEdge] + x[height * rowSize]);
    x[(width + 1)] = 0.5 * (x[width] + x[(width + 1) + rowSize]);
    x[(width + 1) + maxEdge] = 0.5 * (x[width + maxEdge] + x[(width + 1) + height * rowSize]);
  }

  function lin_solve(b, x, x0, a, c) {
    var i, j, k, currentRow, lastRow, nextRow;
    if (a === 0 && c === 1) {
      for (j = 1; j <= height; j++) {
        currentRow = j * rowSize;
        ++currentRow;
        for (i = 0; i < width; i++) { x[currentRow] = x0[currentRow]; ++currentRow; }
      }
      set_bnd(b, x);
    } else {
      var invC = 1 / c;
      for (k = 0; k < iterations; k++) {
        for (j = 1; j <= height; j++) {
          lastRow = (j - 1) * rowSize;
          currentRow = j * rowSize;
          nextRow = (j + 1) * rowSize;
          var lastX = x[currentRow];
          ++currentRow;
          for (i = 1; i <= width; i++)
            lastX = x[currentRow] = (x0[currentRow] + a * (lastX + x[++currentRow] + x[++lastRow] + x[++nextRow])) * invC;
        }
        set_bnd(b, x);
      }
    }
  }

  function diffuse(b, x, x0, dt) { var a = 0; lin_solve(b, x, x0, a, 1 + 4 * a); }

  function lin_solve2(x, x0, y, y0, a, c) {
    var i, j, k, currentRow, lastRow, nextRow;
    var invC = 1 / c;
    for (k = 0; k < iterations; k++) {
      for (j = 1; j <= height; j++) {
        lastRow = (j - 1) * rowSize;
        currentRow = j * rowSize;
        nextRow = (j + 1) * rowSize;
        var lastX = x[currentRow], lastY = y[currentRow];
        ++currentRow;
        for (i = 1; i <= width; i++) {
          lastX = x[currentRow] = (x0[currentRow] + a * (lastX + x[currentRow] + x[lastRow] + x[nextRow])) * invC;
          lastY = y[currentRow] = (y0[currentRow] + a * (lastY + y[++currentRow] + y[++lastRow] + y[++nextRow])) * invC;
        }
      }
      set_bnd(1, x);
      set_bnd(2, y);
    }
  }

  function diffuse2(x, x0, y, y0, dt) { var a = 0; lin_solve2(x, x0, y, y0, a, 1 + 4 * a); }

  function advect(b, d, d0, u, v, dt) {
    var Wdt0 = dt * width, Hdt0 = dt * height, Wp5 = width + 0.5, Hp5 = height + 0.5;
    for (var j = 1; j <= height; j++) {
      var pos = j * rowSize;
      for (var i = 1; i <= width; i++) {
        var x = i - Wdt0 * u[++pos], y = j - Hdt0 * v[pos];
        if (x < 0.5) x = 0.5; else if (x > Wp5) x = Wp5;
        var i0 = x | 0, i1 = i0 + 1;
        if (y < 0.5) y = 0.5; else if (y > Hp5) y = Hp5;
        var j0 = y | 0, j1 = j0 + 1;
        var s1 = x - i0, s0 = 1 - s1, t1 = y - j0, t0 = 1 - t1;
        var row1 = j0 * rowSize, row2 = j1 * rowSize;
        d[pos] = s0 * (t0 * d0[i0 + row1] + t1 * d0[i0 + row2]) + s1 * (t0 * d0[i1 + row1] + t1 * d0[i1 + row2]);
      }
    }
    set_bnd(b, d);
  }

  function project(u, v, p, div) {
    var h = -0.5 / Math.sqrt(width * height);
    for (var j = 1; j <= height; j++) {
      var row = j * rowSize, previousRow = (j - 1) * rowSize, prevValue = row - 1, currentRow = row, nextValue = row + 1, nextRow = (j + 1) * rowSize;
      for (var i = 1; i <= width; i++) {
        div[++currentRow] = h * (u[++nextValue] - u[++prevValue] + v[++nextRow] - v[++previousRow]);
        p[currentRow] = 0;
      }
    }
    set_bnd(0, div);
    set_bnd(0, p);
    lin_solve(0, p, div, 1, 4);
    var wScale = 0.5 * width, hScale = 0.5 * height;
    for (var k = 1; k <= height; k++) {
      var prevPos = k * rowSize - 1, currentPos = k * rowSize, nextPos = k * rowSize + 1;
      var prevRow = (k - 1) * rowSize, currentRow2 = k * rowSize, nextRow2 = (k + 1) * rowSize;
      for (var l = 1; l <= width; l++) {
        u[++currentPos] -= wScale * (p[++nextPos] - p[++prevPos]);
        v[currentPos] -= hScale * (p[++nextRow2] - p[++prevRow]);
      }
      currentRow2++;
    }
    set_bnd(1, u);
    set_bnd(2, v);
  }

  function dens_step(x, x0, u, v, dt) {
    addFields(x, x0, dt);
    diffuse(0, x0, x, dt);
    advect(0, x, x0, u, v, dt);
  }

  function vel_step(u, v, u0, v0, dt) {
    addFields(u, u0, dt);
    addFields(v, v0, dt);
    var temp = u0; u0 = u; u = temp;
    temp = v0; v0 = v; v = temp;
    diffuse2(u, u0, v, v0, dt);
    project(u, v, u0, v0);
    temp = u0; u0 = u; u = temp;
    temp = v0; v0 = v; v = temp;
    advect(1, u, u0, u0, v0, dt);
    advect(2, v, v0, u0, v0, dt);
    project(u, v, u0, v0);
  }

  function Field(dens, u, v) {
    this.setDensity = function (x, y, d) { dens[(x + 1) + (y + 1) * rowSize] = d; };
    this.getDensity = function (x, y) { return dens[(x + 1) + (y + 1) * rowSize]; };
    this.setVelocity = function (x, y, xv, yv) { u[(x + 1) + (y + 1) * rowSize] = xv; v[(x + 1) + (y + 1) * rowSize] = yv; };
    this.width = function () { return width; };
    this.height = function () { return height; };
  }

  function queryUI(d, uu, vv) {
    for (var i = 0; i < size; i++) uu[i] = vv[i] = d[i] = 0.0;
    uiCallback(new Field(d, uu, vv));
  }

  this.update = function () {
    queryUI(dens_prev, u_prev, v_prev);
    vel_step(u, v, u_prev, v_prev, dt);
    dens_step(dens, dens_prev, u, v, dt);
  };
  this.setUICallback = function (callback) { uiCallback = callback; };
  this.density = function () { return dens; };
  function reset() {
    dens = new Float64Array(size); dens_prev = new Float64Array(size);
    u = new Float64Array(size); u_prev = new Float64Array(size);
    v = new Float64Array(size); v_prev = new Float64Array(size);
  }
  reset();
}

var N = 64, frames = Math.max(2, Math.round(12 * SCALE)), framesTillAddingPoints = 0, framesBetweenAddingPoints = 5;
var solver = new FluidField(N, N);
solver.setUICallback(function (field) {
  if (framesTillAddingPoints == 0) {
    var w = field.width(), h = field.height();
    field.setVelocity(w / 2 | 0, h / 2 | 0, w, h);
    field.setDensity(w / 2 | 0, h / 2 | 0, 5);
    field.setVelocity(2, 2, w, h);
    field.setDensity(2, 2, 5);
    framesTillAddingPoints = framesBetweenAddingPoints;
  } else {
    framesTillAddingPoints--;
  }
});
for (var f = 0; f < frames; f++) solver.update();
var d = solver.density(), total = 0;
for (var i = 0; i < d.length; i++) total += d[i];
if (!(total > 0) || total !== total) throw new Error("WRONG RESULT: navier-stokes: bad density " + total);
console.log("navier-stokes ok " + frames + " frames, density " + total.toFixed(6));
