/*
 * runtime/snap_install.c -- what the snapshot machinery installs into a
 * fresh heap before the program (or a restore) runs:
 *
 *  - the tagging helper `<prefix>t(fn, site, env)` (a non-enumerable,
 *    read-only global) that the instrumented program calls on every
 *    function it creates; it stores the site id and environment object in
 *    the hidden keys RT_KEY_SITE / RT_KEY_ENV;
 *  - a wrapper around Function.prototype.bind: Duktape hides a bound
 *    function's target, `this` and arguments from the C API, so the wrapper
 *    records them in hidden keys (RT_KEY_BTARGET/BTHIS/BARGS) of the result;
 *  - a wrapper around the Proxy constructor that marks the target with its
 *    proxies (RT_KEY_PROXY), so the walker can tell a Proxy (which it must
 *    refuse) from an empty object with a null prototype;
 *  - the built-in baseline (builtins.c).
 *
 * Both plain and instrumented builds install the same things, so programs
 * see the same global object either way.
 */
#include <stdio.h>
#include <string.h>
#include "runtime/snap_impl.h"

#define RT_KEY_ORIG DUK_HIDDEN_SYMBOL("forig")

/* Pt(fn, site, env) tags fn; Pt(obj, site, env, key, kind) tags the getter
 * (kind 1), setter (2) or method value (3) of obj's own property key --
 * the form ferryc uses for accessors and methods of object literals. */
static duk_ret_t rt_tagger(duk_context *ctx)
{
	duk_idx_t target = 0;

	if (!duk_is_function(ctx, 0) && duk_is_object(ctx, 0) && duk_is_number(ctx, 4)) {
		int kind = duk_get_int(ctx, 4);
		duk_dup(ctx, 3);
		duk_to_string(ctx, -1);
		duk_get_prop_desc(ctx, 0, 0);
		if (duk_is_object(ctx, -1))
			duk_get_prop_string(ctx, -1, kind == 1 ? "get" : kind == 2 ? "set" : "value");
		else
			duk_push_undefined(ctx);
		target = duk_get_top_index(ctx);
	}
	if (duk_is_function(ctx, target)) {
		duk_dup(ctx, 1);
		duk_put_prop_literal(ctx, target, RT_KEY_SITE);
		duk_dup(ctx, 2);
		duk_put_prop_literal(ctx, target, RT_KEY_ENV);
	}
	duk_dup(ctx, 0);
	return 1;
}

/* Function.prototype.bind(thisArg, ...args) */
static duk_ret_t rt_bind(duk_context *ctx)
{
	duk_idx_t n = duk_get_top(ctx), i;
	duk_idx_t res;

	duk_push_current_function(ctx);
	duk_get_prop_literal(ctx, -1, RT_KEY_ORIG);
	duk_remove(ctx, -2);
	duk_push_this(ctx);
	for (i = 0; i < n; i++)
		duk_dup(ctx, i);
	duk_call_method(ctx, n);
	res = duk_get_top_index(ctx);

	duk_push_this(ctx);
	duk_put_prop_literal(ctx, res, RT_KEY_BTARGET);
	duk_dup(ctx, 0);          /* undefined when absent */
	duk_put_prop_literal(ctx, res, RT_KEY_BTHIS);
	duk_push_array(ctx);
	for (i = 1; i < n; i++) {
		duk_dup(ctx, i);
		duk_put_prop_index(ctx, -2, (duk_uarridx_t)(i - 1));
	}
	duk_put_prop_literal(ctx, res, RT_KEY_BARGS);
	return 1;
}

/* new Proxy(target, handler) */
static duk_ret_t rt_proxy(duk_context *ctx)
{
	duk_idx_t res;

	duk_set_top(ctx, 2);
	duk_push_current_function(ctx);
	duk_get_prop_literal(ctx, -1, RT_KEY_ORIG);
	duk_remove(ctx, -2);
	if (!duk_is_constructor_call(ctx)) {
		/* let the original throw its own TypeError */
		duk_dup(ctx, 0);
		duk_dup(ctx, 1);
		duk_call(ctx, 2);
		return 1;
	}
	duk_dup(ctx, 0);
	duk_dup(ctx, 1);
	duk_new(ctx, 2);
	res = duk_get_top_index(ctx);
	/* the target is an object here (else the constructor threw) */
	if (!duk_get_prop_literal(ctx, 0, RT_KEY_PROXY) || !duk_is_array(ctx, -1)) {
		duk_pop(ctx);
		duk_push_array(ctx);
		duk_dup_top(ctx);
		duk_put_prop_literal(ctx, 0, RT_KEY_PROXY);
	}
	duk_dup(ctx, res);
	duk_put_prop_index(ctx, -2, (duk_uarridx_t)duk_get_length(ctx, -2));
	duk_pop(ctx);
	return 1;
}

/* replace holder[name] (holder at top) by a native wrapper keeping the
 * original in RT_KEY_ORIG; same name, length and attributes */
static void wrap_builtin(duk_context *ctx, const char *name, duk_c_function fn,
                         duk_int_t length)
{
	duk_idx_t holder = duk_get_top_index(ctx), w;

	duk_push_c_function(ctx, fn, DUK_VARARGS);
	w = duk_get_top_index(ctx);
	duk_get_prop_string(ctx, holder, name);
	duk_put_prop_literal(ctx, w, RT_KEY_ORIG);
	duk_push_literal(ctx, "name");
	duk_push_string(ctx, name);
	duk_def_prop(ctx, w, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE |
	             DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
	             DUK_DEFPROP_SET_CONFIGURABLE);
	duk_push_literal(ctx, "length");
	duk_push_int(ctx, length);
	duk_def_prop(ctx, w, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE |
	             DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
	             DUK_DEFPROP_SET_CONFIGURABLE);
	duk_push_string(ctx, name);
	duk_dup(ctx, w);
	duk_def_prop(ctx, holder, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE |
	             DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
	             DUK_DEFPROP_SET_CONFIGURABLE);
	duk_pop(ctx);
}

static duk_ret_t install_natives(duk_context *ctx, void *udata)
{
	const char *prefix = udata;

	duk_push_global_object(ctx);
	duk_push_sprintf(ctx, "%st", prefix);
	duk_push_c_function(ctx, rt_tagger, 5);
	duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WRITABLE |
	             DUK_DEFPROP_CLEAR_ENUMERABLE | DUK_DEFPROP_CLEAR_CONFIGURABLE);

	duk_get_prop_literal(ctx, -1, "Function");
	duk_get_prop_literal(ctx, -1, "prototype");
	wrap_builtin(ctx, "bind", rt_bind, 1);
	duk_pop_2(ctx);

	if (duk_has_prop_literal(ctx, -1, "Proxy")) {
		duk_dup(ctx, -1);
		wrap_builtin(ctx, "Proxy", rt_proxy, 2);
		duk_pop(ctx);
	}
	duk_pop(ctx);
	return 0;
}

int rt_snap_install(rt_ctx *rt, char *err, size_t errlen)
{
	duk_context *ctx = rt->ctx;
	const char *prefix = rt->prog && rt->prog->prefix && rt->prog->prefix[0]
	                     ? rt->prog->prefix : "$F";
	char pfx[64];

	snprintf(pfx, sizeof pfx, "%s", prefix);
	if (duk_safe_call(ctx, install_natives, pfx, 0, 1) != DUK_EXEC_SUCCESS) {
		snprintf(err, errlen, "installing the snapshot helpers: %s",
		         duk_safe_to_string(ctx, -1));
		duk_pop(ctx);
		return -1;
	}
	duk_pop(ctx);
	return rt_builtins_record(ctx, err, errlen);
}
