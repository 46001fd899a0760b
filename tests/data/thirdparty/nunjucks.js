// package: nunjucks@3.2.4 nunjucks/browser/nunjucks-slim.js nunjucks/browser/nunjucks.js
// prelude: var self = this, window = this;
// Driver for Nunjucks 3.2 (Jinja2-like templates; UMD, `this.nunjucks`). Nunjucks compiles a template
// to JavaScript text and runs it through `new Function`, which no snapshot can carry; so, as a browser
// app does with the slim build, the templates below are precompiled (the code after this comment is
// the output of `nunjucks.precompileString(src, { name, env })` with Nunjucks 3.2.4,
// env having an asynchronous filter `later`, for the sources listed here) and found by the runtime in `window.nunjucksPrecompiled`. The
// full build (NAME.2) runs the same precompiled code. Renders use inheritance (extends, super, blocks),
// include, import/from macros with caller, filters, loops with else, cyclers, and an asynchronous
// filter whose callback comes a timer later: asyncEach/asyncAll renders are suspended across turns with
// their frames, buffers and callbacks. Errors of a render come back through its callback.
// Sources:
//   base.njk: "<html><title>{% block title %}Ferry{% endblock %}</title>\n{% block body %}{% endblock %}\n<footer>{{ footer | default(\"no footer\") }}</footer></html>"
//   macros.njk: "{% macro badge(dev, cls=\"dev\") -%}\n<b class=\"{{ cls }}\">{{ dev.name | upper }}{% if caller %}:{{ caller() }}{% endif %}</b>\n{%- endmacro %}\n{% set shared = \"from macros\" %}"
//   row.njk: "<tr><td>{{ loop.index }}/{{ loop.length }}</td><td>{{ d.name | title }}</td><td>{{ d.level | round(1) }}</td><td>{{ d.tags | join(\",\") | default(\"-\", true) }}</td></tr>"
//   page.njk: "{% extends \"base.njk\" %}{% import \"macros.njk\" as m %}{% from \"macros.njk\" import badge %}{% block title %}{{ super() }} / {{ title | escape }}{% endblock %}{% block body %}{% set total = 0 %}<table>{% for d in devices | sort(false, false, \"name\") %}{% set total = total + d.level %}{% include \"row.njk\" %}{% else %}<tr><td>none</td></tr>{% endfor %}</table>\ntotal {{ total }} {{ m.badge(devices[0]) if devices.length else \"\" }} {% call badge({name: \"called\"}, \"c\") %}inner {{ title | length }}{% endcall %}\n{% for k, v in settings %}{{ k }}={{ v | dump }}{{ \",\" if not loop.last }}{% endfor %} {{ \"<unsafe>\" }} {{ \"<safe>\" | safe }}\n{% filter replace(\"a\", \"A\") %}filtered banana{% endfilter %} {% raw %}{{ raw }}{% endraw %} {{ 7 // 2 }} {{ 2 ** 10 }} {{ \"abc\" in \"xabcx\" }}\n{% asyncEach d in devices %}[{{ d.name | later(10 + loop.index) }}]{% endeach %}\n{% asyncAll d in devices %}<{{ d.name | later(5) }}>{% endall %} {{ title | later(1) }}\n{% set cyc = cycler(\"odd\", \"even\") %}{% for i in range(0, 5, 2) %}{{ i }}{{ cyc.next() }} {% endfor %}{{ joiner is defined }} {{ shared is defined }}{% endblock %}"
//   bad.njk: "before {{ missing.deep.path }} after {{ 1 | nosuchfilter }}"
(function() {(window.nunjucksPrecompiled = window.nunjucksPrecompiled || {})["base.njk"] = (function() {
function root(env, context, frame, runtime, cb) {
var lineno = 0;
var colno = 0;
var output = "";
try {
var parentTemplate = null;
output += "<html><title>";
(parentTemplate ? function(e, c, f, r, cb) { cb(""); } : context.getBlock("title"))(env, context, frame, runtime, function(t_2,t_1) {
if(t_2) { cb(t_2); return; }
output += t_1;
output += "</title>\n";
(parentTemplate ? function(e, c, f, r, cb) { cb(""); } : context.getBlock("body"))(env, context, frame, runtime, function(t_4,t_3) {
if(t_4) { cb(t_4); return; }
output += t_3;
output += "\n<footer>";
output += runtime.suppressValue(env.getFilter("default").call(context, runtime.contextOrFrameLookup(context, frame, "footer"),"no footer"), env.opts.autoescape);
output += "</footer></html>";
if(parentTemplate) {
parentTemplate.rootRenderFunc(env, context, frame, runtime, cb);
} else {
cb(null, output);
}
})});
} catch (e) {
  cb(runtime.handleError(e, lineno, colno));
}
}
function b_title(env, context, frame, runtime, cb) {
var lineno = 0;
var colno = 16;
var output = "";
try {
var frame = frame.push(true);
output += "Ferry";
cb(null, output);
;
} catch (e) {
  cb(runtime.handleError(e, lineno, colno));
}
}
function b_body(env, context, frame, runtime, cb) {
var lineno = 1;
var colno = 3;
var output = "";
try {
var frame = frame.push(true);
cb(null, output);
;
} catch (e) {
  cb(runtime.handleError(e, lineno, colno));
}
}
return {
b_title: b_title,
b_body: b_body,
root: root
};

})();
})();
(function() {(window.nunjucksPrecompiled = window.nunjucksPrecompiled || {})["macros.njk"] = (function() {
function root(env, context, frame, runtime, cb) {
var lineno = 0;
var colno = 0;
var output = "";
try {
var parentTemplate = null;
var macro_t_1 = runtime.makeMacro(
["dev"], 
["cls"], 
function (l_dev, kwargs) {
var callerFrame = frame;
frame = new runtime.Frame();
kwargs = kwargs || {};
if (Object.prototype.hasOwnProperty.call(kwargs, "caller")) {
frame.set("caller", kwargs.caller); }
frame.set("dev", l_dev);
frame.set("cls", Object.prototype.hasOwnProperty.call(kwargs, "cls") ? kwargs["cls"] : "dev");var t_2 = "";t_2 += "<b class=\"";
t_2 += runtime.suppressValue(runtime.contextOrFrameLookup(context, frame, "cls"), env.opts.autoescape);
t_2 += "\">";
t_2 += runtime.suppressValue(env.getFilter("upper").call(context, runtime.memberLookup((l_dev),"name")), env.opts.autoescape);
if(runtime.contextOrFrameLookup(context, frame, "caller")) {
t_2 += ":";
t_2 += runtime.suppressValue((lineno = 1, colno = 68, runtime.callWrap(runtime.contextOrFrameLookup(context, frame, "caller"), "caller", context, [])), env.opts.autoescape);
;
}
t_2 += "</b>";
;
frame = callerFrame;
return new runtime.SafeString(t_2);
});
context.addExport("badge");
context.setVariable("badge", macro_t_1);
output += "\n";
var t_3;
t_3 = "from macros";
frame.set("shared", t_3, true);
if(frame.topLevel) {
context.setVariable("shared", t_3);
}
if(frame.topLevel) {
context.addExport("shared", t_3);
}
if(parentTemplate) {
parentTemplate.rootRenderFunc(env, context, frame, runtime, cb);
} else {
cb(null, output);
}
;
} catch (e) {
  cb(runtime.handleError(e, lineno, colno));
}
}
return {
root: root
};

})();
})();
(function() {(window.nunjucksPrecompiled = window.nunjucksPrecompiled || {})["row.njk"] = (function() {
function root(env, context, frame, runtime, cb) {
var lineno = 0;
var colno = 0;
var output = "";
try {
var parentTemplate = null;
output += "<tr><td>";
output += runtime.suppressValue(runtime.memberLookup((runtime.contextOrFrameLookup(context, frame, "loop")),"index"), env.opts.autoescape);
output += "/";
output += runtime.suppressValue(runtime.memberLookup((runtime.contextOrFrameLookup(context, frame, "loop")),"length"), env.opts.autoescape);
output += "</td><td>";
output += runtime.suppressValue(env.getFilter("title").call(context, runtime.memberLookup((runtime.contextOrFrameLookup(context, frame, "d")),"name")), env.opts.autoescape);
output += "</td><td>";
output += runtime.suppressValue(env.getFilter("round").call(context, runtime.memberLookup((runtime.contextOrFrameLookup(context, frame, "d")),"level"),1), env.opts.autoescape);
output += "</td><td>";
output += runtime.suppressValue(env.getFilter("default").call(context, env.getFilter("join").call(context, runtime.memberLookup((runtime.contextOrFrameLookup(context, frame, "d")),"tags"),","),"-",true), env.opts.autoescape);
output += "</td></tr>";
if(parentTemplate) {
parentTemplate.rootRenderFunc(env, context, frame, runtime, cb);
} else {
cb(null, output);
}
;
} catch (e) {
  cb(runtime.handleError(e, lineno, colno));
}
}
return {
root: root
};

})();
})();
(function() {(window.nunjucksPrecompiled = window.nunjucksPrecompiled || {})["page.njk"] = (function() {
function root(env, context, frame, runtime, cb) {
var lineno = 0;
var colno = 0;
var output = "";
try {
var parentTemplate = null;
env.getTemplate("base.njk", true, "page.njk", false, function(t_3,t_2) {
if(t_3) { cb(t_3); return; }
parentTemplate = t_2
for(var t_1 in parentTemplate.blocks) {
context.addBlock(t_1, parentTemplate.blocks[t_1]);
}
env.getTemplate("macros.njk", false, "page.njk", false, function(t_5,t_4) {
if(t_5) { cb(t_5); return; }
t_4.getExported(function(t_6,t_4) {
if(t_6) { cb(t_6); return; }
context.setVariable("m", t_4);
env.getTemplate("macros.njk", false, "page.njk", false, function(t_8,t_7) {
if(t_8) { cb(t_8); return; }
t_7.getExported(function(t_9,t_7) {
if(t_9) { cb(t_9); return; }
if(Object.prototype.hasOwnProperty.call(t_7, "badge")) {
var t_10 = t_7.badge;
} else {
cb(new Error("cannot import 'badge'")); return;
}
context.setVariable("badge", t_10);
(parentTemplate ? function(e, c, f, r, cb) { cb(""); } : context.getBlock("title"))(env, context, frame, runtime, function(t_12,t_11) {
if(t_12) { cb(t_12); return; }
output += t_11;
(parentTemplate ? function(e, c, f, r, cb) { cb(""); } : context.getBlock("body"))(env, context, frame, runtime, function(t_14,t_13) {
if(t_14) { cb(t_14); return; }
output += t_13;
if(parentTemplate) {
parentTemplate.rootRenderFunc(env, context, frame, runtime, cb);
} else {
cb(null, output);
}
})})})})})})});
} catch (e) {
  cb(runtime.handleError(e, lineno, colno));
}
}
function b_title(env, context, frame, runtime, cb) {
var lineno = 0;
var colno = 93;
var output = "";
try {
var frame = frame.push(true);
context.getSuper(env, "title", b_title, frame, runtime, function(t_15,hole_5) {
if(t_15) { cb(t_15); return; }
hole_5 = runtime.markSafe(hole_5);
output += runtime.suppressValue(hole_5, env.opts.autoescape);
output += " / ";
output += runtime.suppressValue(env.getFilter("escape").call(context, runtime.contextOrFrameLookup(context, frame, "title")), env.opts.autoescape);
cb(null, output);
});
} catch (e) {
  cb(runtime.handleError(e, lineno, colno));
}
}
function b_body(env, context, frame, runtime, cb) {
var lineno = 0;
var colno = 160;
var output = "";
try {
var frame = frame.push(true);
var t_16;
t_16 = 0;
frame.set("total", t_16, true);
if(frame.topLevel) {
context.setVariable("total", t_16);
}
if(frame.topLevel) {
context.addExport("total", t_16);
}
output += "<table>";
frame = frame.push();
var t_19 = env.getFilter("sort").call(context, runtime.contextOrFrameLookup(context, frame, "devices"),false,false,"name");
if(t_19) {t_19 = runtime.fromIterator(t_19);
var t_18 = t_19.length;
for(var t_17=0; t_17 < t_19.length; t_17++) {
var t_20 = t_19[t_17];
frame.set("d", t_20);
frame.set("loop.index", t_17 + 1);
frame.set("loop.index0", t_17);
frame.set("loop.revindex", t_18 - t_17);
frame.set("loop.revindex0", t_18 - t_17 - 1);
frame.set("loop.first", t_17 === 0);
frame.set("loop.last", t_17 === t_18 - 1);
frame.set("loop.length", t_18);
var t_21;
t_21 = runtime.contextOrFrameLookup(context, frame, "total") + runtime.memberLookup((t_20),"level");
frame.set("total", t_21, true);
if(frame.topLevel) {
context.setVariable("total", t_21);
}
if(frame.topLevel) {
context.addExport("total", t_21);
}
var tasks = [];
tasks.push(
function(callback) {
env.getTemplate("row.njk", false, "page.njk", false, function(t_23,t_22) {
if(t_23) { cb(t_23); return; }
callback(null,t_22);});
});
tasks.push(
function(template, callback){
template.render(context.getVariables(), frame, function(t_25,t_24) {
if(t_25) { cb(t_25); return; }
callback(null,t_24);});
});
tasks.push(
function(result, callback){
output += result;
callback(null);
});
env.waterfall(tasks, function(){
});
}
}
if (!t_18) {
output += "<tr><td>none</td></tr>";
}
frame = frame.pop();
output += "</table>\ntotal ";
output += runtime.suppressValue(runtime.contextOrFrameLookup(context, frame, "total"), env.opts.autoescape);
output += " ";
output += runtime.suppressValue((runtime.memberLookup((runtime.contextOrFrameLookup(context, frame, "devices")),"length")?(lineno = 1, colno = 28, runtime.callWrap(runtime.memberLookup((runtime.contextOrFrameLookup(context, frame, "m")),"badge"), "m[\"badge\"]", context, [runtime.memberLookup((runtime.contextOrFrameLookup(context, frame, "devices")),0)])):""), env.opts.autoescape);
output += " ";
output += runtime.suppressValue((lineno = 1, colno = 83, runtime.callWrap(runtime.contextOrFrameLookup(context, frame, "badge"), "badge", context, [{"name": "called"},"c",runtime.makeKeywordArgs({"caller": (function (){var macro_t_26 = runtime.makeMacro(
[], 
[], 
function (kwargs) {
var callerFrame = frame;
frame = frame.push(true);
kwargs = kwargs || {};
if (Object.prototype.hasOwnProperty.call(kwargs, "caller")) {
frame.set("caller", kwargs.caller); }
var t_27 = "";t_27 += "inner ";
t_27 += runtime.suppressValue(env.getFilter("length").call(context, runtime.contextOrFrameLookup(context, frame, "title")), env.opts.autoescape);
;
frame = frame.pop();
return new runtime.SafeString(t_27);
});
return macro_t_26;})()})])), env.opts.autoescape);
output += "\n";
frame = frame.push();
var t_30 = runtime.contextOrFrameLookup(context, frame, "settings");
if(t_30) {t_30 = runtime.fromIterator(t_30);
var t_28;
if(runtime.isArray(t_30)) {
var t_29 = t_30.length;
for(t_28=0; t_28 < t_30.length; t_28++) {
var t_31 = t_30[t_28][0];
frame.set("[object Object]", t_30[t_28][0]);
var t_32 = t_30[t_28][1];
frame.set("[object Object]", t_30[t_28][1]);
frame.set("loop.index", t_28 + 1);
frame.set("loop.index0", t_28);
frame.set("loop.revindex", t_29 - t_28);
frame.set("loop.revindex0", t_29 - t_28 - 1);
frame.set("loop.first", t_28 === 0);
frame.set("loop.last", t_28 === t_29 - 1);
frame.set("loop.length", t_29);
output += runtime.suppressValue(t_31, env.opts.autoescape);
output += "=";
output += runtime.suppressValue(env.getFilter("dump").call(context, t_32), env.opts.autoescape);
output += runtime.suppressValue((!runtime.memberLookup((runtime.contextOrFrameLookup(context, frame, "loop")),"last")?",":""), env.opts.autoescape);
;
}
} else {
t_28 = -1;
var t_29 = runtime.keys(t_30).length;
for(var t_33 in t_30) {
t_28++;
var t_34 = t_30[t_33];
frame.set("k", t_33);
frame.set("v", t_34);
frame.set("loop.index", t_28 + 1);
frame.set("loop.index0", t_28);
frame.set("loop.revindex", t_29 - t_28);
frame.set("loop.revindex0", t_29 - t_28 - 1);
frame.set("loop.first", t_28 === 0);
frame.set("loop.last", t_28 === t_29 - 1);
frame.set("loop.length", t_29);
output += runtime.suppressValue(t_33, env.opts.autoescape);
output += "=";
output += runtime.suppressValue(env.getFilter("dump").call(context, t_34), env.opts.autoescape);
output += runtime.suppressValue((!runtime.memberLookup((runtime.contextOrFrameLookup(context, frame, "loop")),"last")?",":""), env.opts.autoescape);
;
}
}
}
frame = frame.pop();
output += " ";
output += runtime.suppressValue("<unsafe>", env.opts.autoescape);
output += " ";
output += runtime.suppressValue(env.getFilter("safe").call(context, "<safe>"), env.opts.autoescape);
output += "\n";
output += runtime.suppressValue(env.getFilter("replace").call(context, (function() {
var output = "";
output += "filtered banana";
;
return output;
})()
,"a","A"), env.opts.autoescape);
output += " ";
output += "{{ raw }}";
output += " ";
output += runtime.suppressValue(Math.floor(7 / 2), env.opts.autoescape);
output += " ";
output += runtime.suppressValue(Math.pow(2, 10), env.opts.autoescape);
output += " ";
output += runtime.suppressValue(runtime.inOperator("abc","xabcx"), env.opts.autoescape);
output += "\n";
frame = frame.push();
var t_37 = runtime.fromIterator(runtime.contextOrFrameLookup(context, frame, "devices"));
runtime.asyncEach(t_37, 1, function(d, t_35, t_36,next) {
frame.set("d", d);
frame.set("loop.index", t_35 + 1);
frame.set("loop.index0", t_35);
frame.set("loop.revindex", t_36 - t_35);
frame.set("loop.revindex0", t_36 - t_35 - 1);
frame.set("loop.first", t_35 === 0);
frame.set("loop.last", t_35 === t_36 - 1);
frame.set("loop.length", t_36);
output += "[";
env.getFilter("later").call(context, runtime.memberLookup((d),"name"),10 + runtime.memberLookup((runtime.contextOrFrameLookup(context, frame, "loop")),"index"), function(t_38,hole_2) {
if(t_38) { cb(t_38); return; }
output += runtime.suppressValue(hole_2, env.opts.autoescape);
output += "]";
next(t_35);
});
}, function(t_40,t_39) {
if(t_40) { cb(t_40); return; }
frame = frame.pop();
output += "\n";
frame = frame.push();
var t_43 = runtime.fromIterator(runtime.contextOrFrameLookup(context, frame, "devices"));
runtime.asyncAll(t_43, 1, function(d, t_41, t_42,next) {
frame.set("d", d);
frame.set("loop.index", t_41 + 1);
frame.set("loop.index0", t_41);
frame.set("loop.revindex", t_42 - t_41);
frame.set("loop.revindex0", t_42 - t_41 - 1);
frame.set("loop.first", t_41 === 0);
frame.set("loop.last", t_41 === t_42 - 1);
frame.set("loop.length", t_42);
var t_44 = "";t_44 += "<";
env.getFilter("later").call(context, runtime.memberLookup((d),"name"),5, function(t_45,hole_3) {
if(t_45) { cb(t_45); return; }
t_44 += runtime.suppressValue(hole_3, env.opts.autoescape);
t_44 += ">";
next(t_41,t_44);
});
}, function(t_47,t_46) {
if(t_47) { cb(t_47); return; }
output += t_46;
frame = frame.pop();
output += " ";
env.getFilter("later").call(context, runtime.contextOrFrameLookup(context, frame, "title"),1, function(t_48,hole_4) {
if(t_48) { cb(t_48); return; }
output += runtime.suppressValue(hole_4, env.opts.autoescape);
output += "\n";
var t_49;
t_49 = (lineno = 6, colno = 19, runtime.callWrap(runtime.contextOrFrameLookup(context, frame, "cycler"), "cycler", context, ["odd","even"]));
frame.set("cyc", t_49, true);
if(frame.topLevel) {
context.setVariable("cyc", t_49);
}
if(frame.topLevel) {
context.addExport("cyc", t_49);
}
frame = frame.push();
var t_52 = (lineno = 6, colno = 54, runtime.callWrap(runtime.contextOrFrameLookup(context, frame, "range"), "range", context, [0,5,2]));
if(t_52) {t_52 = runtime.fromIterator(t_52);
var t_51 = t_52.length;
for(var t_50=0; t_50 < t_52.length; t_50++) {
var t_53 = t_52[t_50];
frame.set("i", t_53);
frame.set("loop.index", t_50 + 1);
frame.set("loop.index0", t_50);
frame.set("loop.revindex", t_51 - t_50);
frame.set("loop.revindex0", t_51 - t_50 - 1);
frame.set("loop.first", t_50 === 0);
frame.set("loop.last", t_50 === t_51 - 1);
frame.set("loop.length", t_51);
output += runtime.suppressValue(t_53, env.opts.autoescape);
output += runtime.suppressValue((lineno = 6, colno = 84, runtime.callWrap(runtime.memberLookup((runtime.contextOrFrameLookup(context, frame, "cyc")),"next"), "cyc[\"next\"]", context, [])), env.opts.autoescape);
output += " ";
;
}
}
frame = frame.pop();
output += runtime.suppressValue(env.getTest("defined").call(context, runtime.contextOrFrameLookup(context, frame, "joiner")) === true, env.opts.autoescape);
output += " ";
output += runtime.suppressValue(env.getTest("defined").call(context, runtime.contextOrFrameLookup(context, frame, "shared")) === true, env.opts.autoescape);
cb(null, output);
})})});
} catch (e) {
  cb(runtime.handleError(e, lineno, colno));
}
}
return {
b_title: b_title,
b_body: b_body,
root: root
};

})();
})();
(function() {(window.nunjucksPrecompiled = window.nunjucksPrecompiled || {})["bad.njk"] = (function() {
function root(env, context, frame, runtime, cb) {
var lineno = 0;
var colno = 0;
var output = "";
try {
var parentTemplate = null;
output += "before ";
output += runtime.suppressValue(runtime.memberLookup((runtime.memberLookup((runtime.contextOrFrameLookup(context, frame, "missing")),"deep")),"path"), env.opts.autoescape);
output += " after ";
output += runtime.suppressValue(env.getFilter("nosuchfilter").call(context, 1), env.opts.autoescape);
if(parentTemplate) {
parentTemplate.rootRenderFunc(env, context, frame, runtime, cb);
} else {
cb(null, output);
}
;
} catch (e) {
  cb(runtime.handleError(e, lineno, colno));
}
}
return {
root: root
};

})();
})();

var out = function (s) { console.log(String(s)); };
var env = new nunjucks.Environment(null, { autoescape: true, throwOnUndefined: false });
var pending = 0;
env.addFilter('later', function (v, ms, cb) {
  pending++;
  setTimeout(function () { pending--; cb(null, v + '@' + ms); }, 1);
}, true);
env.addFilter('title', function (s) { return String(s).charAt(0).toUpperCase() + String(s).slice(1); });
env.addGlobal('footer', 'made with nunjucks');
var strictEnv = new nunjucks.Environment(new nunjucks.PrecompiledLoader(window.nunjucksPrecompiled), { throwOnUndefined: true });
var devices = [{ name: 'lamp', level: 3.14159, tags: ['a', 'b'] }, { name: 'plug', level: 1, tags: [] }];
var settings = { mode: 'auto', max: 9, list: [1, 'two'] };
var contexts = [
  { title: 'Home & garden', devices: devices, settings: settings },
  { title: 'Empty', devices: [], settings: {} },
  { title: 'More <devices>', devices: devices.concat([{ name: 'aircon', level: 22.55, tags: ['cool'] }]), settings: { turn: 2 } }
];
var turn = 0;
function render(name, ctx, e, then) {
  var started = pending;
  e.render(name, ctx, function (err, res) {
    if (err) out('error ' + name + ': ' + String(err.message).split('\n').map(function (l) { return l.trim(); }).join(' '));
    else out(name + ' (' + started + ' pending before):\n' + res);
    then();
  });
}
function step() {
  out('turn ' + turn + ' pending ' + pending);
  if (turn < contexts.length) {
    out('row ' + env.render('row.njk', { d: devices[turn % 2], loop: { index: turn + 1, length: 3 } }));
    render('page.njk', contexts[turn], env, next);
  } else if (turn === contexts.length) {
    render('bad.njk', {}, env, function () { render('bad.njk', { missing: { deep: { path: 'x' } } }, strictEnv, next); });
  } else {
    var t = env.getTemplate('macros.njk');
    t.getExported(function (err, exp) { out('exported ' + Object.keys(exp).sort().join(',') + ' ' + exp.shared + ' ' + exp.badge({ name: 'direct' })); next(); });
  }
}
function next() { turn++; if (turn < contexts.length + 2) setTimeout(step, 1); }
setTimeout(step, 1);
