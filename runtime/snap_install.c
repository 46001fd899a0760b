/*
 * runtime/snap_install.c -- what the snapshot machinery installs into a
 * fresh heap before the program (or a restore) runs:
 *
 *  - the tagging helper `<prefix>t(fn, site, env, v...)` (a non-enumerable,
 *    read-only global) that the instrumented program calls on every
 *    function it creates; it stores the environment (an array: parent,
 *    then the captured bindings) under the site's hidden key
 *    (RT_KEY_SITE_PREFIX + site number: one property per function), and
 *    the values of an inline environment under RT_KEY_INL0...;
 *    rt_tag_materialize turns those into an environment array when a
 *    snapshot meets the function;
 *  - `Number.prototype.<prefix>t`, the same function (non-enumerable,
 *    read-only): ferryc calls it as `0..Pt(...)` where a `with` object is
 *    on the scope chain, which would see (and could answer for) the name;
 *  - `Function.prototype.<prefix>k` (non-enumerable, read-only, like the
 *    tagger a name no program uses, since ferryc picks the prefix): the
 *    same hidden keys as an array, inline-value keys first, then the site
 *    keys from index RT_KEYS_SITE0, for the tags ferryc writes in JS inside
 *    functions, `(Px = function ..., Px[Px.Pk[4 + site]] = env, Px)`: no C
 *    call, and a property read instead of a scope chain lookup;
 *  - a wrapper around Function.prototype.bind: Duktape hides a bound
 *    function's target, `this` and arguments from the C API, so the wrapper
 *    records them in hidden keys (RT_KEY_BTARGET/BTHIS/BARGS) of the result,
 *    read-only and not configurable so that Object.isSealed/isFrozen give
 *    what Duktape's own bound function gives; like Duktape's bind it refuses
 *    `new` and lists `length` before `name`;
 *  - a wrapper around the Proxy constructor that marks the target with its
 *    proxies (RT_KEY_PROXY, defined read-only and not configurable even on
 *    a non-extensible target, which Object.isSealed/isFrozen then read as
 *    before), so the walker can tell a Proxy (which it must refuse) from an
 *    empty object with a null prototype;
 *  - wrappers around the Error.prototype stack, fileName and lineNumber
 *    getters: a restored error (or error-like object) keeps what they gave
 *    in its own RT_KEY_TRACE, RT_KEY_TRFILE and RT_KEY_TRLINE
 *    (restore_shell.c), which the wrappers return; for every other object
 *    they return what Duktape's getters do. So the text is not an own
 *    `stack`, which would hide the getter from objects that inherit from
 *    the error (`MyError.prototype = new Error()`: every later MyError read
 *    the prototype's traceback);
 *  - wrappers around Object.isSealed and Object.isFrozen, which leave a
 *    function's tags out of the answer (Duktape counts hidden keys, and a
 *    plain build's functions have no tags);
 *  - the built-in baseline (builtins.c).
 *
 * Both plain and instrumented builds install the same things, so programs
 * see the same global object either way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime/snap_impl.h"

#define RT_KEY_ORIG DUK_HIDDEN_SYMBOL("forig")
/* on the Object.isSealed/isFrozen wrappers: the baseline Object.isExtensible */
#define RT_KEY_ISEXT DUK_HIDDEN_SYMBOL("fisext")

/* arr[i] = the value at the top, popped, as Object.defineProperty would
 * (writable, enumerable, configurable): not a [[Put]], which would run an
 * index setter or meet a read-only index the program put on
 * Array.prototype (test262 ch15.4.4 does, inside try/finally) */
static void def_index(duk_context *ctx, duk_idx_t arr, duk_uarridx_t i)
{
	arr = duk_normalize_index(ctx, arr);
	duk_push_uint(ctx, (duk_uint_t)i);
	duk_swap_top(ctx, -2);
	duk_def_prop(ctx, arr, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE |
	             DUK_DEFPROP_SET_ENUMERABLE | DUK_DEFPROP_SET_CONFIGURABLE);
}

static const char *const inl_keys[RT_INLINE_MAX] = {
	RT_KEY_INL0, DUK_HIDDEN_SYMBOL("fi1"), DUK_HIDDEN_SYMBOL("fi2"), DUK_HIDDEN_SYMBOL("fi3")
};

/* Function.prototype.<prefix>k[RT_KEYS_SITE0 + site] is the key of site; [0..RT_INLINE_MAX)
 * the inline-value keys. Must match RI_KEYS_SITE0 (rewriter/instrument_impl.h). */
#define RT_KEYS_SITE0 4

/* the tagger's own hidden property: [key of site 0, key of site 1, ...] */
#define RT_KEY_SKEYS DUK_HIDDEN_SYMBOL("fskeys")

/* The same keys as heap pointers, for the heap whose main context is ctx
 * (the last one installed). Valid because the strings stay reachable from
 * the tagger, and the tagger of another heap at the same address can only
 * exist after install_natives ran there and reset this. Other contexts
 * (another heap, a Duktape thread) read the array. */
static struct {
	duk_context *ctx;
	void       **keys;
	uint32_t     n, cap;
} key_cache;

void rt_push_site_key(duk_context *ctx, uint32_t site)
{
	duk_push_sprintf(ctx, "%s%lu", RT_KEY_SITE_PREFIX, (unsigned long)site);
}

/* Pt(fn, site, env, v...) tags fn; Pt(obj, site, env, key, kind, v...)
 * tags the getter (kind 1), setter (2) or method value (3) of obj's own
 * property key -- the form ferryc uses for accessors and methods of object
 * literals. Tagging is one property: the site's key (RT_KEY_SITE_PREFIX
 * and the site number, interned once in the tagger's key array) holding
 * env. The values v... (at most RT_INLINE_MAX) are those of an inline
 * environment (its constants); env is then the environment enclosing it. */
static duk_ret_t rt_tagger(duk_context *ctx)
{
	duk_idx_t n = duk_get_top(ctx), target = 0, vals = 3, i;
	duk_uint_t site;

	if (n < 3)
		duk_set_top(ctx, n = 3);
	if (!duk_is_function(ctx, 0)) {
		int kind;
		if (!duk_is_object(ctx, 0) || n < 5 || !duk_is_number(ctx, 4)) {
			duk_dup(ctx, 0);   /* nothing to tag */
			return 1;
		}
		kind = duk_get_int(ctx, 4);
		vals = 5;
		duk_dup(ctx, 3);
		duk_to_string(ctx, -1);
		duk_get_prop_desc(ctx, 0, 0);
		if (duk_is_object(ctx, -1))
			duk_get_prop_string(ctx, -1, kind == 1 ? "get" : kind == 2 ? "set" : "value");
		else
			duk_push_undefined(ctx);
		target = duk_get_top_index(ctx);
		if (!duk_is_function(ctx, target)) {
			duk_dup(ctx, 0);
			return 1;
		}
	}
	site = duk_is_number(ctx, 1) ? duk_get_uint(ctx, 1) : 0;
	if (!duk_is_number(ctx, 1) || duk_get_number(ctx, 1) != (duk_double_t)site)
		site = 0xffffffffUL;   /* no such site: the walker refuses it */
	if (ctx == key_cache.ctx && site < key_cache.n) {
		duk_push_heapptr(ctx, key_cache.keys[site]);
		goto put;
	}
	duk_push_current_function(ctx);
	duk_get_prop_literal(ctx, -1, RT_KEY_SKEYS);
	if (!duk_get_prop_index(ctx, -1, (duk_uarridx_t)site) || !duk_is_string(ctx, -1)) {
		duk_pop(ctx);
		rt_push_site_key(ctx, (uint32_t)site);   /* not in the table */
	}
put:
	duk_dup(ctx, 2);
	duk_put_prop(ctx, target);
	for (i = vals; i < n && i - vals < RT_INLINE_MAX; i++) {
		duk_dup(ctx, i);
		duk_put_prop_string(ctx, target, inl_keys[i - vals]);
	}
	duk_dup(ctx, 0);
	return 1;
}

int rt_tag_materialize(duk_context *ctx, const ferry_program *prog, duk_idx_t fn,
                       uint32_t site, char *err, size_t errlen)
{
	uint32_t owner = site, i;
	const ferry_site *f;

	fn = duk_normalize_index(ctx, fn);
	/* the nearest enclosing site with an environment: parents come first */
	do {
		uint32_t p = prog->sites[owner].parent;
		if (owner == 0 || p >= owner) {
			snprintf(err, errlen, "a closure with inline environment values has no "
			         "inline environment around it (site %u)", (unsigned)site);
			return -1;
		}
		owner = p;
	} while (!(prog->sites[owner].flags & FERRY_SITE_HAS_ENV));
	f = &prog->sites[owner];
	if (!(f->flags & FERRY_SITE_INLINE_ENV) || f->ncaptured == 0 ||
	    f->ncaptured > RT_INLINE_MAX) {
		snprintf(err, errlen, "a closure with inline environment values under a site "
		         "without an inline environment (site %u)", (unsigned)site);
		return -1;
	}
	/* [enclosing environment, values...], as ferryc writes environments;
	 * elements defined, not put: a put would meet what the program put
	 * on Array.prototype (an index setter, a read-only index) */
	duk_push_array(ctx);
	rt_push_site_key(ctx, site);
	duk_get_prop(ctx, fn);
	def_index(ctx, -2, 0);
	for (i = 0; i < f->ncaptured; i++) {
		if (!duk_has_prop_string(ctx, fn, inl_keys[i])) {
			duk_pop(ctx);
			snprintf(err, errlen, "a closure of site %u lacks inline environment value %u",
			         (unsigned)site, (unsigned)i);
			return -1;
		}
		duk_get_prop_string(ctx, fn, inl_keys[i]);
		def_index(ctx, -2, (duk_uarridx_t)(i + 1));
	}
	/* defined with force, and the values' keys made configurable before
	 * they go: the closure may be frozen or sealed (its tags were locked
	 * with it), and a put or delete there throws */
	rt_push_site_key(ctx, site);
	duk_swap_top(ctx, -2);
	duk_def_prop(ctx, fn, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE);
	for (i = 0; i < f->ncaptured; i++) {
		duk_push_string(ctx, inl_keys[i]);
		duk_def_prop(ctx, fn, DUK_DEFPROP_SET_CONFIGURABLE | DUK_DEFPROP_FORCE);
		duk_del_prop_string(ctx, fn, inl_keys[i]);
	}
	return 0;
}

#define BOUND_KEY_FLAGS (DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WRITABLE | \
                         DUK_DEFPROP_CLEAR_ENUMERABLE | DUK_DEFPROP_CLEAR_CONFIGURABLE)

/* Function.prototype.bind(thisArg, ...args) */
static duk_ret_t rt_bind(duk_context *ctx)
{
	duk_idx_t n = duk_get_top(ctx), i;
	duk_idx_t res;

	/* Duktape's bind is no constructor; a native wrapper is, so refuse
	 * `new` as Duktape does, with its message */
	if (duk_is_constructor_call(ctx))
		return duk_type_error(ctx, "[object Function] not constructable");
	/* the arguments again, bind and this: beyond the 64 slots a native
	 * call gets, as many arguments as Duktape's own bind takes */
	duk_require_stack(ctx, n + 4);
	duk_push_current_function(ctx);
	duk_get_prop_literal(ctx, -1, RT_KEY_ORIG);
	duk_remove(ctx, -2);
	duk_push_this(ctx);
	for (i = 0; i < n; i++)
		duk_dup(ctx, i);
	duk_call_method(ctx, n);
	res = duk_get_top_index(ctx);

	/* read-only and not configurable: Duktape's Object.isSealed and
	 * isFrozen count hidden keys, and these must not turn a sealed bound
	 * function's isFrozen false (Duktape's own has no writable property
	 * left after a seal) */
	duk_push_literal(ctx, RT_KEY_BTARGET);
	duk_push_this(ctx);
	duk_def_prop(ctx, res, BOUND_KEY_FLAGS);
	duk_push_literal(ctx, RT_KEY_BTHIS);
	/* bind() without arguments binds undefined; index 0 is then the
	 * result itself, not an absent argument */
	if (n > 0)
		duk_dup(ctx, 0);
	else
		duk_push_undefined(ctx);
	duk_def_prop(ctx, res, BOUND_KEY_FLAGS);
	duk_push_literal(ctx, RT_KEY_BARGS);
	duk_push_bare_array(ctx);   /* no Array.prototype: its index setters stay out */
	for (i = 1; i < n; i++) {
		duk_dup(ctx, i);
		duk_put_prop_index(ctx, -2, (duk_uarridx_t)(i - 1));
	}
	duk_def_prop(ctx, res, BOUND_KEY_FLAGS);
	return 1;
}

/* a key of Ferry's tags on a function: the site key (RT_KEY_SITE_PREFIX
 * and digits) or an inline-value key ("\xff" "fi" and one digit) */
static int tag_key(const char *k, duk_size_t n)
{
	duk_size_t i;

	if (n == 4 && memcmp(k, RT_KEY_INL0, 3) == 0 && k[3] >= '0' && k[3] < '0' + RT_INLINE_MAX)
		return 1;
	if (n < 3 || memcmp(k, RT_KEY_SITE_PREFIX, 2) != 0)
		return 0;
	for (i = 2; i < n; i++)
		if (k[i] < '0' || k[i] > '9')
			return 0;
	return 1;
}

/* Object.isSealed(o) (frozen 0) and Object.isFrozen(o) (frozen 1). Duktape
 * counts hidden keys, and the tags of a function (doc/design.md, "Function
 * identity") are writable and configurable: the instrumented program writes
 * them in JS, where a property can only be made so. Object.seal and freeze
 * lock them as they lock every key, but a function sealed with every visible
 * property read-only read isFrozen false instrumented, true in a plain build.
 * So when Duktape says no and o carries tags, the answer is made again
 * without them: every other own key (Duktape's internal ones included)
 * counts as Duktape counts it. A Proxy has no own keys here, hence no tags:
 * Duktape's answer stands. */
static duk_ret_t rt_integrity(duk_context *ctx, int frozen)
{
	duk_idx_t n = duk_get_top(ctx), i;
	int tagged = 0, ok = 1;

	if (duk_is_constructor_call(ctx))   /* as Duktape's, no constructor */
		return duk_type_error(ctx, "[object Function] not constructable");
	duk_require_stack(ctx, n + 8);
	duk_push_current_function(ctx);
	duk_get_prop_literal(ctx, -1, RT_KEY_ORIG);
	duk_push_undefined(ctx);
	for (i = 0; i < n; i++)
		duk_dup(ctx, i);
	duk_call_method(ctx, n);
	if (duk_to_boolean(ctx, -1) || n < 1 || !duk_is_function(ctx, 0))
		return 1;
	duk_get_prop_literal(ctx, -2, RT_KEY_ISEXT);   /* Object.isExtensible */
	duk_dup(ctx, 0);
	duk_call(ctx, 1);
	tagged = duk_to_boolean(ctx, -1);
	duk_pop(ctx);
	if (tagged)
		return 1;   /* extensible: Duktape's false */
	duk_enum(ctx, 0, DUK_ENUM_OWN_PROPERTIES_ONLY | DUK_ENUM_INCLUDE_NONENUMERABLE |
	         DUK_ENUM_INCLUDE_SYMBOLS | DUK_ENUM_INCLUDE_HIDDEN | DUK_ENUM_NO_PROXY_BEHAVIOR);
	while (ok && duk_next(ctx, -1, 0)) {
		duk_size_t len;
		const char *k = duk_get_lstring(ctx, -1, &len);
		if (k && tag_key(k, len)) {
			tagged = 1;
			duk_pop(ctx);
			continue;
		}
		duk_get_prop_desc(ctx, 0, 0);
		if (!duk_is_object(ctx, -1)) {
			duk_pop(ctx);
			continue;
		}
		duk_get_prop_literal(ctx, -1, "configurable");
		if (duk_to_boolean(ctx, -1))
			ok = 0;
		duk_pop(ctx);
		if (frozen) {
			/* an accessor has no "writable": undefined */
			duk_get_prop_literal(ctx, -1, "writable");
			if (duk_to_boolean(ctx, -1))
				ok = 0;
			duk_pop(ctx);
		}
		duk_pop(ctx);
	}
	duk_pop(ctx);   /* the enumerator: Duktape's false on top */
	if (tagged && ok)
		duk_push_true(ctx);
	return 1;
}

static duk_ret_t rt_is_sealed(duk_context *ctx)
{
	return rt_integrity(ctx, 0);
}

static duk_ret_t rt_is_frozen(duk_context *ctx)
{
	return rt_integrity(ctx, 1);
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
	/* the target is an object here (else the constructor threw). Defined,
	 * not put: a non-extensible target takes a proxy in Duktape; read-only
	 * and not configurable: Object.isSealed/isFrozen count hidden keys, and
	 * a target sealed with every visible property read-only reads frozen
	 * (the array grows, the property never changes) */
	if (!duk_get_prop_literal(ctx, 0, RT_KEY_PROXY) || !duk_is_array(ctx, -1)) {
		duk_pop(ctx);
		duk_push_literal(ctx, RT_KEY_PROXY);
		duk_push_bare_array(ctx);
		duk_def_prop(ctx, 0, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE |
		             DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
		             DUK_DEFPROP_CLEAR_CONFIGURABLE);
		duk_get_prop_literal(ctx, 0, RT_KEY_PROXY);
	}
	duk_dup(ctx, res);
	duk_put_prop_index(ctx, -2, (duk_uarridx_t)duk_get_length(ctx, -2));
	duk_pop(ctx);
	return 1;
}

/* the Error.prototype stack, fileName and lineNumber getters (magic 0, 1,
 * 2): what a restored error carried, else Duktape's getter (in RT_KEY_ORIG)
 * on the same `this` */
static const char *const trace_keys[3] = { RT_KEY_TRFRAMES, RT_KEY_TRFILE, RT_KEY_TRLINE };

/* push this's own data property key (a hidden one); 0 when it has none */
static int own_hidden(duk_context *ctx, const char *key)
{
	duk_push_string(ctx, key);
	duk_get_prop_desc(ctx, 0, 0);
	if (duk_is_object(ctx, -1) && duk_get_prop_literal(ctx, -1, "value"))
		return 1;
	return 0;
}

static duk_ret_t rt_error_getter(duk_context *ctx)
{
	duk_int_t magic = duk_get_current_magic(ctx);

	/* Duktape's getters are no constructors; a native wrapper is, so
	 * refuse `new` as Duktape does, with its message */
	if (duk_is_constructor_call(ctx))
		return duk_type_error(ctx, "[object Function] not constructable");
	duk_push_this(ctx);
	if (duk_is_object(ctx, -1) && magic >= 0 && magic < 3) {
		/* own only, as Duktape reads its traceback: an object
		 * inheriting from a restored error reads its own. A restored
		 * one has its traceback's frames, and what fileName and
		 * lineNumber gave (undefined when absent); the stack text is
		 * String(this) and the frames, as Duktape joins them at each
		 * read. One restored from an older snapshot has the whole
		 * text in RT_KEY_TRACE (which is `true` where it only stands
		 * in for the traceback) */
		if (own_hidden(ctx, RT_KEY_TRFRAMES) && duk_is_string(ctx, -1)) {
			if (magic == 0) {
				duk_dup(ctx, 0);
				duk_to_string(ctx, -1);
				duk_swap_top(ctx, -2);
				duk_concat(ctx, 2);
				return 1;
			}
			return own_hidden(ctx, trace_keys[magic]);
		}
		duk_set_top(ctx, 1);
		if (magic == 0 && own_hidden(ctx, RT_KEY_TRACE) && duk_is_string(ctx, -1))
			return 1;
		duk_set_top(ctx, 1);
	}
	duk_push_current_function(ctx);
	duk_get_prop_literal(ctx, -1, RT_KEY_ORIG);
	duk_push_this(ctx);
	duk_call_method(ctx, 0);
	return 1;
}

/* wrap the getter of Error.prototype[name] (EP at top) with magic */
static void wrap_error_getter(duk_context *ctx, const char *name, duk_int_t magic)
{
	duk_push_string(ctx, name);
	duk_get_prop_desc(ctx, -2, 0);                 /* [ ... EP desc ] */
	if (duk_is_object(ctx, -1)) {
		duk_get_prop_literal(ctx, -1, "get");  /* [ ... EP desc get ] */
		if (duk_is_function(ctx, -1)) {
			/* no own properties but the hidden original, as
			 * Duktape's getters have none */
			duk_push_string(ctx, name);
			duk_push_c_function(ctx, rt_error_getter, 0);
			duk_set_magic(ctx, -1, magic);
			duk_dup(ctx, -3);
			duk_put_prop_literal(ctx, -2, RT_KEY_ORIG);
			duk_def_prop(ctx, -5, DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_FORCE);
		}
		duk_pop(ctx);
	}
	duk_pop(ctx);
}

static void def_length(duk_context *ctx, duk_idx_t w, duk_int_t length)
{
	duk_push_literal(ctx, "length");
	duk_push_int(ctx, length);
	duk_def_prop(ctx, w, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE |
	             DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
	             DUK_DEFPROP_SET_CONFIGURABLE);
}

/* replace holder[name] (holder at top) by a native wrapper keeping the
 * original in RT_KEY_ORIG; same name, length and attributes, and `name` and
 * `length` in the original's order (Object.getOwnPropertyNames shows it:
 * Duktape's bind has length first, its Proxy name first) */
static void wrap_builtin(duk_context *ctx, const char *name, duk_c_function fn,
                         duk_int_t length)
{
	duk_idx_t holder = duk_get_top_index(ctx), w;
	int length_first = 0;

	duk_push_c_function(ctx, fn, DUK_VARARGS);
	w = duk_get_top_index(ctx);
	duk_get_prop_string(ctx, holder, name);
	if (duk_is_object(ctx, -1)) {
		duk_enum(ctx, -1, DUK_ENUM_OWN_PROPERTIES_ONLY | DUK_ENUM_INCLUDE_NONENUMERABLE);
		while (duk_next(ctx, -1, 0)) {
			const char *k = duk_get_string(ctx, -1);
			int stop = k && (strcmp(k, "name") == 0 || strcmp(k, "length") == 0);
			if (stop)
				length_first = strcmp(k, "length") == 0;
			duk_pop(ctx);
			if (stop)
				break;
		}
		duk_pop(ctx);
	}
	duk_put_prop_literal(ctx, w, RT_KEY_ORIG);
	if (length_first)
		def_length(ctx, w, length);
	duk_push_literal(ctx, "name");
	duk_push_string(ctx, name);
	duk_def_prop(ctx, w, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE |
	             DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
	             DUK_DEFPROP_SET_CONFIGURABLE);
	if (!length_first)
		def_length(ctx, w, length);
	duk_push_string(ctx, name);
	duk_dup(ctx, w);
	duk_def_prop(ctx, holder, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE |
	             DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
	             DUK_DEFPROP_SET_CONFIGURABLE);
	duk_pop(ctx);
}

typedef struct install_args {
	const char *prefix;
	uint32_t    nsites;
} install_args;

static duk_ret_t install_natives(duk_context *ctx, void *udata)
{
	const install_args *ia = udata;
	const char *prefix = ia->prefix;
	uint32_t i;

	key_cache.ctx = NULL;
	key_cache.n = 0;
	if (ia->nsites > key_cache.cap) {
		void **k = realloc(key_cache.keys, ia->nsites * sizeof *k);
		if (k) {
			key_cache.keys = k;
			key_cache.cap = ia->nsites;
		}
	}
	duk_push_global_object(ctx);
	duk_push_sprintf(ctx, "%st", prefix);
	duk_push_c_function(ctx, rt_tagger, DUK_VARARGS);
	duk_push_array(ctx);
	for (i = 0; i < ia->nsites; i++) {
		rt_push_site_key(ctx, i);
		if (i < key_cache.cap)
			key_cache.keys[i] = duk_get_heapptr(ctx, -1);
		duk_put_prop_index(ctx, -2, i);
	}
	duk_put_prop_literal(ctx, -2, RT_KEY_SKEYS);
	/* Number.prototype.<prefix>t: the same tagger, for the tags ferryc
	 * writes where a with object is on the scope chain, `0..Pt(...)`:
	 * there the name Pt would be looked up through the with object */
	duk_get_prop_literal(ctx, -3, "Number");
	duk_get_prop_literal(ctx, -1, "prototype");
	duk_push_sprintf(ctx, "%st", prefix);
	duk_dup(ctx, -4);
	duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WRITABLE |
	             DUK_DEFPROP_CLEAR_ENUMERABLE | DUK_DEFPROP_CLEAR_CONFIGURABLE);
	duk_pop_2(ctx);
	duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WRITABLE |
	             DUK_DEFPROP_CLEAR_ENUMERABLE | DUK_DEFPROP_CLEAR_CONFIGURABLE);

	/* Function.prototype.<prefix>k: the keys for the tags ferryc writes in
	 * JS (RT_KEYS_SITE0); a fresh function reaches it without a scope
	 * chain lookup */
	duk_get_prop_literal(ctx, -1, "Function");
	duk_get_prop_literal(ctx, -1, "prototype");
	duk_push_sprintf(ctx, "%sk", prefix);
	duk_push_array(ctx);
	for (i = 0; i < RT_INLINE_MAX; i++) {
		duk_push_string(ctx, inl_keys[i]);
		duk_put_prop_index(ctx, -2, i);
	}
	for (i = 0; i < ia->nsites; i++) {
		rt_push_site_key(ctx, i);
		duk_put_prop_index(ctx, -2, RT_KEYS_SITE0 + i);
	}
	duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WRITABLE |
	             DUK_DEFPROP_CLEAR_ENUMERABLE | DUK_DEFPROP_CLEAR_CONFIGURABLE);
	duk_pop_2(ctx);
	if (key_cache.cap >= ia->nsites) {
		key_cache.n = ia->nsites;
		key_cache.ctx = ctx;
	}

	duk_get_prop_literal(ctx, -1, "Function");
	duk_get_prop_literal(ctx, -1, "prototype");
	wrap_builtin(ctx, "bind", rt_bind, 1);
	duk_pop_2(ctx);

	duk_get_prop_literal(ctx, -1, "Object");
	wrap_builtin(ctx, "isSealed", rt_is_sealed, 1);
	wrap_builtin(ctx, "isFrozen", rt_is_frozen, 1);
	duk_get_prop_literal(ctx, -1, "isExtensible");
	duk_get_prop_literal(ctx, -2, "isSealed");
	duk_dup(ctx, -2);
	duk_put_prop_literal(ctx, -2, RT_KEY_ISEXT);
	duk_pop(ctx);
	duk_get_prop_literal(ctx, -2, "isFrozen");
	duk_swap_top(ctx, -2);
	duk_put_prop_literal(ctx, -2, RT_KEY_ISEXT);
	duk_pop_2(ctx);                                /* [ global ] */

	duk_get_prop_literal(ctx, -1, "Error");
	duk_get_prop_literal(ctx, -1, "prototype");   /* [ global Error EP ] */
	wrap_error_getter(ctx, "stack", 0);
	wrap_error_getter(ctx, "fileName", 1);
	wrap_error_getter(ctx, "lineNumber", 2);
	duk_pop_2(ctx);                                /* [ global ] */

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
	install_args ia;

	snprintf(pfx, sizeof pfx, "%s", prefix);
	ia.prefix = pfx;
	/* a plain build's table has the instrumented build's number of sites
	 * too (rewriter/build.c): the same keys in Function.prototype.<prefix>k */
	ia.nsites = rt->prog ? rt->prog->nsites : 0;
	if (duk_safe_call(ctx, install_natives, &ia, 0, 1) != DUK_EXEC_SUCCESS) {
		snprintf(err, errlen, "installing the snapshot helpers: %s",
		         duk_safe_to_string(ctx, -1));
		duk_pop(ctx);
		return -1;
	}
	duk_pop(ctx);
	return rt_builtins_record(ctx, err, errlen);
}
