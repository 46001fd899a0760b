// package: tslib@2.6.2 es6-promise/dist/es6-promise.auto.js+tslib/tslib.js
// also: es6-promise@4.2.8
// Driver: TypeScript 4.9 output for ES5 (`tsc --target es5 --downlevelIteration --noEmitHelpers`), run on the
// es6-promise polyfill and tslib's global helpers (both prepended by tests/thirdparty.sh). Async functions become
// __awaiter/__generator state machines, generators and for-of use __values/__read, classes __extends, object
// rest/spread __rest/__assign. Several async functions are suspended at awaits at every event-loop boundary, so
// their state machines and the polyfill's pending promise queues are migrated. Concurrent async functions do not
// share state, so the output does not depend on how their timers interleave. The TypeScript source:
//   declare var console: { log(s: string): void };
//   declare function setTimeout(f: (...a: any[]) => void, ms: number, ...args: any[]): any;
//   const out = (s: string) => console.log(String(s));
//   const sleep = (ms: number, v?: any) => new Promise<any>(res => setTimeout(res, ms, v));
//   
//   enum Color { Red, Green = 5, Blue }
//   namespace Geo {
//     export interface Pt { x: number; y: number }
//     export const origin: Pt = { x: 0, y: 0 };
//     export function dist(a: Pt, b: Pt = origin) { return Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2); }
//   }
//   abstract class Shape {
//     static count = 0;
//     private _name: string;
//     constructor(name: string, public readonly color = Color.Red) { this._name = name; Shape.count++; }
//     get name() { return this._name.toUpperCase(); }
//     set name(v: string) { this._name = v; }
//     abstract area(): number;
//     describe() { return `${this.name} (${Color[this.color]}) area=${this.area().toFixed(2)}`; }
//   }
//   class Circle extends Shape {
//     constructor(public r: number) { super('circle', Color.Blue); }
//     area() { return Math.PI * this.r ** 2; }
//     describe() { return 'round ' + super.describe(); }
//   }
//   class Rect extends Shape {
//     constructor(public w: number, public h: number, color?: Color) { super('rect', color); }
//     area() { return this.w * this.h; }
//   }
//   function* fib(limit: number) { let [a, b] = [0, 1]; while (a < limit) { yield a; [a, b] = [b, a + b]; } }
//   function* pairs<T>(xs: T[]) { for (let i = 0; i < xs.length; i++) for (const y of xs.slice(i + 1)) yield [xs[i], y] as [T, T]; }
//   
//   class Account {
//     private history: string[] = [];
//     constructor(private owner: string, private balance = 0) {}
//     async deposit(n: number) { await sleep(1); this.balance += n; this.history.push(`+${n}`); return this.balance; }
//     async withdraw(n: number) {
//       await sleep(1);
//       if (n > this.balance) throw new Error(`${this.owner}: insufficient funds for ${n}`);
//       this.balance -= n; this.history.push(`-${n}`); return this.balance;
//     }
//     summary = () => `${this.owner}: ${this.balance} [${this.history.join(' ')}]`;
//   }
//   
//   async function worker(id: number, acct: Account, ops: number[]) {
//     const results: string[] = [];
//     for (const op of ops) {
//       try {
//         const b = op >= 0 ? await acct.deposit(op) : await acct.withdraw(-op);
//         results.push(`w${id}:${b}`);
//       } catch (e) {
//         results.push(`w${id}:err(${(e as Error).message})`);
//       } finally {
//         await sleep(1);
//       }
//     }
//     return results;
//   }
//   
//   async function main() {
//     const shapes: Shape[] = [new Circle(1.5), new Rect(2, 3), new Rect(1, 1, Color.Green)];
//     for (const s of shapes) out(s.describe());
//     out(`count=${Shape.count} dist=${Geo.dist({ x: 3, y: 4 })} enum=${Color.Green},${Color[6]}`);
//     const cfg = { a: 1, nested: { b: 2 } };
//     const { a, nested: { b }, ...rest } = { ...cfg, c: 3, d: [4, 5] } as any;
//     out(`a=${a} b=${b} rest=${JSON.stringify(rest)} opt=${(cfg as any).missing?.deep ?? 'none'}`);
//     out('fib ' + [...fib(100)].join(','));
//     out('pairs ' + [...pairs(['x', 'y', 'z'])].map(p => p.join('')).join(' '));
//     const acct = new Account('ada', 10);
//     const gen = fib(1e6);
//     let step = 0;
//     while (step < 5) {
//       await sleep(3);
//       const r = gen.next();
//       out(`step ${step++}: fib ${r.value} ${acct.summary()}`);
//     }
//     // two async functions suspended at the same time; each has its own account, so what they print does not
//     // depend on how their timers interleave
//     const acct2 = new Account('bob', 0);
//     const [r1, r2] = await Promise.all([worker(1, acct, [5, -20, 7]), worker(2, acct2, [-3, 100, -40])]);
//     out(r1.concat(r2).join(' '));
//     out(acct.summary() + ' ' + acct2.summary());
//     const rest2 = (...xs: number[]) => xs.reduce((p, q) => p + q, 0);
//     out(`spread ${rest2(...[1, 2, 3], ...[4])} ${Math.max(...[7, 3, 9])}`);
//     const label = await Promise.race([sleep(30, 'slow'), sleep(1, 'fast')]);
//     out('race ' + label);
//     return 'main done';
//   }
//   main().then(v => out(v), e => out('main failed ' + e));
var out = function (s) { return console.log(String(s)); };
var sleep = function (ms, v) { return new Promise(function (res) { return setTimeout(res, ms, v); }); };
var Color;
(function (Color) {
    Color[Color["Red"] = 0] = "Red";
    Color[Color["Green"] = 5] = "Green";
    Color[Color["Blue"] = 6] = "Blue";
})(Color || (Color = {}));
var Geo;
(function (Geo) {
    Geo.origin = { x: 0, y: 0 };
    function dist(a, b) {
        if (b === void 0) { b = Geo.origin; }
        return Math.sqrt(Math.pow((a.x - b.x), 2) + Math.pow((a.y - b.y), 2));
    }
    Geo.dist = dist;
})(Geo || (Geo = {}));
var Shape = (function () {
    function Shape(name, color) {
        if (color === void 0) { color = Color.Red; }
        this.color = color;
        this._name = name;
        Shape.count++;
    }
    Object.defineProperty(Shape.prototype, "name", {
        get: function () { return this._name.toUpperCase(); },
        set: function (v) { this._name = v; },
        enumerable: false,
        configurable: true
    });
    Shape.prototype.describe = function () { return "".concat(this.name, " (").concat(Color[this.color], ") area=").concat(this.area().toFixed(2)); };
    Shape.count = 0;
    return Shape;
}());
var Circle = (function (_super) {
    __extends(Circle, _super);
    function Circle(r) {
        var _this = _super.call(this, 'circle', Color.Blue) || this;
        _this.r = r;
        return _this;
    }
    Circle.prototype.area = function () { return Math.PI * Math.pow(this.r, 2); };
    Circle.prototype.describe = function () { return 'round ' + _super.prototype.describe.call(this); };
    return Circle;
}(Shape));
var Rect = (function (_super) {
    __extends(Rect, _super);
    function Rect(w, h, color) {
        var _this = _super.call(this, 'rect', color) || this;
        _this.w = w;
        _this.h = h;
        return _this;
    }
    Rect.prototype.area = function () { return this.w * this.h; };
    return Rect;
}(Shape));
function fib(limit) {
    var _a, a, b;
    var _b;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0:
                _a = __read([0, 1], 2), a = _a[0], b = _a[1];
                _c.label = 1;
            case 1:
                if (!(a < limit)) return [3, 3];
                return [4, a];
            case 2:
                _c.sent();
                _b = __read([b, a + b], 2), a = _b[0], b = _b[1];
                return [3, 1];
            case 3: return [2];
        }
    });
}
function pairs(xs) {
    var i, _a, _b, y, e_1_1;
    var e_1, _c;
    return __generator(this, function (_d) {
        switch (_d.label) {
            case 0:
                i = 0;
                _d.label = 1;
            case 1:
                if (!(i < xs.length)) return [3, 10];
                _d.label = 2;
            case 2:
                _d.trys.push([2, 7, 8, 9]);
                _a = (e_1 = void 0, __values(xs.slice(i + 1))), _b = _a.next();
                _d.label = 3;
            case 3:
                if (!!_b.done) return [3, 6];
                y = _b.value;
                return [4, [xs[i], y]];
            case 4:
                _d.sent();
                _d.label = 5;
            case 5:
                _b = _a.next();
                return [3, 3];
            case 6: return [3, 9];
            case 7:
                e_1_1 = _d.sent();
                e_1 = { error: e_1_1 };
                return [3, 9];
            case 8:
                try {
                    if (_b && !_b.done && (_c = _a.return)) _c.call(_a);
                }
                finally { if (e_1) throw e_1.error; }
                return [7];
            case 9:
                i++;
                return [3, 1];
            case 10: return [2];
        }
    });
}
var Account = (function () {
    function Account(owner, balance) {
        if (balance === void 0) { balance = 0; }
        var _this = this;
        this.owner = owner;
        this.balance = balance;
        this.history = [];
        this.summary = function () { return "".concat(_this.owner, ": ").concat(_this.balance, " [").concat(_this.history.join(' '), "]"); };
    }
    Account.prototype.deposit = function (n) {
        return __awaiter(this, void 0, void 0, function () { return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4, sleep(1)];
                case 1:
                    _a.sent();
                    this.balance += n;
                    this.history.push("+".concat(n));
                    return [2, this.balance];
            }
        }); });
    };
    Account.prototype.withdraw = function (n) {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4, sleep(1)];
                    case 1:
                        _a.sent();
                        if (n > this.balance)
                            throw new Error("".concat(this.owner, ": insufficient funds for ").concat(n));
                        this.balance -= n;
                        this.history.push("-".concat(n));
                        return [2, this.balance];
                }
            });
        });
    };
    return Account;
}());
function worker(id, acct, ops) {
    return __awaiter(this, void 0, void 0, function () {
        var results, ops_1, ops_1_1, op, b, _a, e_2, e_3_1;
        var e_3, _b;
        return __generator(this, function (_c) {
            switch (_c.label) {
                case 0:
                    results = [];
                    _c.label = 1;
                case 1:
                    _c.trys.push([1, 13, 14, 15]);
                    ops_1 = __values(ops), ops_1_1 = ops_1.next();
                    _c.label = 2;
                case 2:
                    if (!!ops_1_1.done) return [3, 12];
                    op = ops_1_1.value;
                    _c.label = 3;
                case 3:
                    _c.trys.push([3, 8, 9, 11]);
                    if (!(op >= 0)) return [3, 5];
                    return [4, acct.deposit(op)];
                case 4:
                    _a = _c.sent();
                    return [3, 7];
                case 5: return [4, acct.withdraw(-op)];
                case 6:
                    _a = _c.sent();
                    _c.label = 7;
                case 7:
                    b = _a;
                    results.push("w".concat(id, ":").concat(b));
                    return [3, 11];
                case 8:
                    e_2 = _c.sent();
                    results.push("w".concat(id, ":err(").concat(e_2.message, ")"));
                    return [3, 11];
                case 9: return [4, sleep(1)];
                case 10:
                    _c.sent();
                    return [7];
                case 11:
                    ops_1_1 = ops_1.next();
                    return [3, 2];
                case 12: return [3, 15];
                case 13:
                    e_3_1 = _c.sent();
                    e_3 = { error: e_3_1 };
                    return [3, 15];
                case 14:
                    try {
                        if (ops_1_1 && !ops_1_1.done && (_b = ops_1.return)) _b.call(ops_1);
                    }
                    finally { if (e_3) throw e_3.error; }
                    return [7];
                case 15: return [2, results];
            }
        });
    });
}
function main() {
    var _a, _b;
    return __awaiter(this, void 0, void 0, function () {
        var shapes, shapes_1, shapes_1_1, s, cfg, _c, a, b, rest, acct, gen, step, r, acct2, _d, r1, r2, rest2, label;
        var e_4, _e;
        return __generator(this, function (_f) {
            switch (_f.label) {
                case 0:
                    shapes = [new Circle(1.5), new Rect(2, 3), new Rect(1, 1, Color.Green)];
                    try {
                        for (shapes_1 = __values(shapes), shapes_1_1 = shapes_1.next(); !shapes_1_1.done; shapes_1_1 = shapes_1.next()) {
                            s = shapes_1_1.value;
                            out(s.describe());
                        }
                    }
                    catch (e_4_1) { e_4 = { error: e_4_1 }; }
                    finally {
                        try {
                            if (shapes_1_1 && !shapes_1_1.done && (_e = shapes_1.return)) _e.call(shapes_1);
                        }
                        finally { if (e_4) throw e_4.error; }
                    }
                    out("count=".concat(Shape.count, " dist=").concat(Geo.dist({ x: 3, y: 4 }), " enum=").concat(Color.Green, ",").concat(Color[6]));
                    cfg = { a: 1, nested: { b: 2 } };
                    _c = __assign(__assign({}, cfg), { c: 3, d: [4, 5] }), a = _c.a, b = _c.nested.b, rest = __rest(_c, ["a", "nested"]);
                    out("a=".concat(a, " b=").concat(b, " rest=").concat(JSON.stringify(rest), " opt=").concat((_b = (_a = cfg.missing) === null || _a === void 0 ? void 0 : _a.deep) !== null && _b !== void 0 ? _b : 'none'));
                    out('fib ' + __spreadArray([], __read(fib(100)), false).join(','));
                    out('pairs ' + __spreadArray([], __read(pairs(['x', 'y', 'z'])), false).map(function (p) { return p.join(''); }).join(' '));
                    acct = new Account('ada', 10);
                    gen = fib(1e6);
                    step = 0;
                    _f.label = 1;
                case 1:
                    if (!(step < 5)) return [3, 3];
                    return [4, sleep(3)];
                case 2:
                    _f.sent();
                    r = gen.next();
                    out("step ".concat(step++, ": fib ").concat(r.value, " ").concat(acct.summary()));
                    return [3, 1];
                case 3:
                    acct2 = new Account('bob', 0);
                    return [4, Promise.all([worker(1, acct, [5, -20, 7]), worker(2, acct2, [-3, 100, -40])])];
                case 4:
                    _d = __read.apply(void 0, [_f.sent(), 2]), r1 = _d[0], r2 = _d[1];
                    out(r1.concat(r2).join(' '));
                    out(acct.summary() + ' ' + acct2.summary());
                    rest2 = function () {
                        var xs = [];
                        for (var _i = 0; _i < arguments.length; _i++) {
                            xs[_i] = arguments[_i];
                        }
                        return xs.reduce(function (p, q) { return p + q; }, 0);
                    };
                    out("spread ".concat(rest2.apply(void 0, __spreadArray(__spreadArray([], [1, 2, 3], false), [4], false)), " ").concat(Math.max.apply(Math, [7, 3, 9])));
                    return [4, Promise.race([sleep(30, 'slow'), sleep(1, 'fast')])];
                case 5:
                    label = _f.sent();
                    out('race ' + label);
                    return [2, 'main done'];
            }
        });
    });
}
main().then(function (v) { return out(v); }, function (e) { return out('main failed ' + e); });
