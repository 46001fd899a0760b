/*
 * runtime/restore.c -- wire model -> heap, in a fresh process whose runtime
 * globals exist and whose baseline is recorded (rt_snap_install), with the
 * program's top level NOT run.
 *
 * Order (doc/design.md): check version and program hash; symbols; (1) object
 * shells; (2) functions through their makers, then bound functions;
 * (3) properties in insertion order with attributes, then prototypes;
 * (4) init() of every maker result (before the patches, so that reading
 * the environments meets only the runtime's own built-ins: no function the
 * snapshot chose runs during the restore);
 * (5) preventExtensions, seal or freeze, as Object.isSealed/isFrozen said;
 * (6) timers re-armed with their remaining delays, and the counters;
 * (7) built-in patches and user globals, Duktape's error hooks last.
 * Every new object stays reachable from a keep array on the value stack
 * until the end. Every model value is checked before use (ids in range,
 * kinds as expected); nothing from the snapshot is ever compiled or run.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime/restore_impl.h"

duk_ret_t rs_fail(rs_state *r, const char *fmt, ...)
{
	va_list ap;
	if (!r->failed) {
		char msg[400];
		va_start(ap, fmt);
		vsnprintf(msg, sizeof msg, fmt, ap);
		va_end(ap);
		snprintf(r->err, r->errlen, "resume: invalid snapshot: %s", msg);
		r->failed = 1;
	}
	return duk_error(r->ctx, DUK_ERR_ERROR, "restore failed");
}

void rs_push_builtin(rs_state *r, const char *path, size_t len)
{
	uint32_t i;
	if (!rt_smap_get(&r->paths, path, len, &i))
		rs_fail(r, "unknown built-in \"%.*s\"", (int)(len > 80 ? 80 : len), path);
	duk_get_prop_index(r->ctx, RS_IDX_OBJS, i);
}

void rs_push_text(rs_state *r, const char *p, size_t len)
{
	/* Duktape treats strings starting with 0x80..0x82 or 0xFF as symbols
	 * (0x82/0xFF hidden ones): such bytes never start text */
	if (len > 0 && (((unsigned char)p[0] >= 0x80 && (unsigned char)p[0] < 0xc0) ||
	                (unsigned char)p[0] == 0xff))
		rs_fail(r, "a string starts with byte 0x%02x (not text)", (unsigned char)p[0]);
	duk_push_lstring(r->ctx, p, len);
}

void rs_push_value(rs_state *r, const wr_value *v)
{
	duk_context *ctx = r->ctx;
	switch (v->type) {
	case WR_UNDEFINED: duk_push_undefined(ctx); return;
	case WR_NULL:      duk_push_null(ctx); return;
	case WR_FALSE:     duk_push_false(ctx); return;
	case WR_TRUE:      duk_push_true(ctx); return;
	case WR_NUMBER:    duk_push_number(ctx, v->u.num); return;
	case WR_STRING:
		rs_push_text(r, v->u.str.ptr, v->u.str.len);
		return;
	case WR_REF:
		if (v->u.ref < 1 || v->u.ref > r->s->nobjects)
			rs_fail(r, "reference to object %u of %u", (unsigned)v->u.ref,
			        (unsigned)r->s->nobjects);
		if (!r->made[v->u.ref - 1])
			rs_fail(r, "object %u used before it can be made", (unsigned)v->u.ref);
		duk_get_prop_index(ctx, RS_IDX_KEEP, v->u.ref);
		return;
	case WR_BUILTIN:
		rs_push_builtin(r, v->u.str.ptr, v->u.str.len);
		return;
	case WR_SYMBOL:
		if (v->u.ref < 1 || v->u.ref > r->s->nsymbols)
			rs_fail(r, "reference to symbol %u of %u", (unsigned)v->u.ref,
			        (unsigned)r->s->nsymbols);
		duk_get_prop_index(ctx, RS_IDX_SYMS, v->u.ref);
		return;
	default:
		rs_fail(r, "value of unknown type %u", (unsigned)v->type);
	}
}

static void push_key(rs_state *r, const wr_value *k)
{
	if (k->type != WR_STRING && k->type != WR_SYMBOL)
		rs_fail(r, "a property key that is neither a string nor a symbol");
	rs_push_value(r, k);
}

static duk_uint_t defprop_flags(uint32_t f)
{
	duk_uint_t d = DUK_DEFPROP_FORCE | DUK_DEFPROP_HAVE_ENUMERABLE | DUK_DEFPROP_HAVE_CONFIGURABLE;
	if (f & WR_PF_ENUMERABLE)
		d |= DUK_DEFPROP_ENUMERABLE;
	if (f & WR_PF_CONFIGURABLE)
		d |= DUK_DEFPROP_CONFIGURABLE;
	if (f & WR_PF_ACCESSOR) {
		d |= DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER;
	} else {
		d |= DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_HAVE_WRITABLE;
		if (f & WR_PF_WRITABLE)
			d |= DUK_DEFPROP_WRITABLE;
	}
	return d;
}

/* define prop p on the object at obj_idx; `plain`: a fresh bare object or
 * array, where a plain put is equivalent and faster */
static void define_prop(rs_state *r, duk_idx_t obj_idx, const wr_prop *p, int plain)
{
	duk_context *ctx = r->ctx;
	const uint32_t wec = WR_PF_WRITABLE | WR_PF_ENUMERABLE | WR_PF_CONFIGURABLE;

	if (p->flags & ~(wec | WR_PF_ACCESSOR))
		rs_fail(r, "bad property flags 0x%x", (unsigned)p->flags);
	push_key(r, &p->key);
	rs_push_value(r, &p->value);
	if (p->flags & WR_PF_ACCESSOR) {
		if (!duk_is_undefined(ctx, -1) && !duk_is_callable(ctx, -1))
			rs_fail(r, "a getter that is not a function");
		rs_push_value(r, &p->setter);
		if (!duk_is_undefined(ctx, -1) && !duk_is_callable(ctx, -1))
			rs_fail(r, "a setter that is not a function");
		duk_def_prop(ctx, obj_idx, defprop_flags(p->flags));
	} else if (plain && p->flags == wec) {
		duk_put_prop(ctx, obj_idx);
	} else {
		duk_def_prop(ctx, obj_idx, defprop_flags(p->flags));
	}
}

static void push_proto(rs_state *r, const wr_value *v)
{
	if (v->type == WR_NULL || v->type == WR_UNDEFINED) {
		duk_push_undefined(r->ctx);   /* duk_set_prototype: undefined = null */
		return;
	}
	if (v->type != WR_REF && v->type != WR_BUILTIN)
		rs_fail(r, "a prototype that is not an object");
	rs_push_value(r, v);
	if (!duk_is_object(r->ctx, -1))
		rs_fail(r, "a prototype that is not an object");
}

/* (3) properties, then prototypes */
static void rs_props(rs_state *r)
{
	duk_context *ctx = r->ctx;
	uint32_t id, i, n = r->s->nobjects;

	for (id = 1; id <= n; id++) {
		const wr_object *o = &r->s->objects[id - 1];
		int plain = o->kind == WR_OBJ_OBJECT || o->kind == WR_OBJ_ARRAY;
		duk_idx_t oi;
		/* a plain buffer has neither own properties nor a prototype
		 * of its own (wr_validate holds the model to that) */
		if (o->kind == WR_OBJ_PLAINBUFFER)
			continue;
		duk_get_prop_index(ctx, RS_IDX_KEEP, id);
		oi = duk_get_top_index(ctx);
		/* a function made by a bytecode maker has an own `name` ("" when
		 * anonymous, rewriter/emit_bytecode.c) where one compiled from
		 * source has none: a snapshot from a build that embeds the other
		 * way (a cross build, --cc) says which the function had */
		if (o->kind == WR_OBJ_FUNCTION && rs_find_prop(o, "name", 4) < 0)
			duk_del_prop_literal(ctx, oi, "name");
		for (i = 0; i < o->nprops; i++)
			define_prop(r, oi, &o->props[i], plain);
		/* Duktape 2.7's array fast paths (push, a write just past the
		 * end) ignore a non-writable `length` while the array part has
		 * spare room. An array literal has none, one rebuilt here by
		 * puts has: compact it, so that push throws and the write is
		 * ignored as the language says, and as they did before the
		 * snapshot unless the original had grown with room to spare
		 * (the room is not carried). */
		if (o->kind == WR_OBJ_ARRAY) {
			long li = rs_find_prop(o, "length", 6);
			if (li >= 0 && !(o->props[li].flags & WR_PF_WRITABLE))
				duk_compact(ctx, oi);
		}
		push_proto(r, &o->proto);
		duk_set_prototype(ctx, oi);
		duk_pop(ctx);
	}
}

/* Duktape.errCreate and Duktape.errThrow: functions Duktape calls when an
 * error is made or thrown, so also when the restore refuses the snapshot */
static int error_hook(const wr_patch *p)
{
	const wr_value *k = &p->prop.key;
	return p->holder.len == 7 && memcmp(p->holder.ptr, "Duktape", 7) == 0 &&
	       k->type == WR_STRING &&
	       ((k->u.str.len == 9 && memcmp(k->u.str.ptr, "errCreate", 9) == 0) ||
	        (k->u.str.len == 8 && memcmp(k->u.str.ptr, "errThrow", 8) == 0));
}

static void patch(rs_state *r, const wr_patch *p)
{
	duk_context *ctx = r->ctx;

	rs_push_builtin(r, p->holder.ptr, p->holder.len);
	if (p->deleted) {
		push_key(r, &p->prop.key);
		duk_del_prop(ctx, -2);
	} else {
		define_prop(r, duk_get_top_index(ctx), &p->prop, 0);
	}
	duk_pop(ctx);
}

/* make the object on top non-extensible, sealed or frozen (WR_INTEGRITY_*) */
static void rs_lock(rs_state *r, int level)
{
	duk_context *ctx = r->ctx;

	if (level == WR_INTEGRITY_FROZEN) {
		duk_freeze(ctx, -1);
	} else if (level == WR_INTEGRITY_SEALED) {
		duk_seal(ctx, -1);
	} else {
		rs_push_builtin(r, "Object.preventExtensions", 24);
		duk_dup(ctx, -2);
		duk_call(ctx, 1);
		duk_pop(ctx);
	}
}

/* the level the program gave a built-in; its properties (patched above)
 * already have the attributes that level implies, so sealing or freezing
 * changes only what a fresh heap adds (internal keys) */
static void integrity(rs_state *r, const wr_patch *p)
{
	rs_push_builtin(r, p->holder.ptr, p->holder.len);
	rs_lock(r, p->integrity);
	duk_pop(r->ctx);
}

/* (7) built-in patches and user globals: last, so that no function a
 * patch installs can run during the restore (a property the program
 * gave a built-in is only ever reached by a lookup); the error hooks
 * last of all, after every step that can fail (their flags are checked
 * first) */
static void rs_globals(rs_state *r)
{
	uint32_t i;

	for (i = 0; i < r->s->npatches; i++)
		if (!error_hook(&r->s->patches[i]) && !r->s->patches[i].integrity)
			patch(r, &r->s->patches[i]);
	for (i = 0; i < r->s->nglobals; i++)
		define_prop(r, RS_IDX_GLOBAL, &r->s->globals[i], 0);
	for (i = 0; i < r->s->npatches; i++)
		if (error_hook(&r->s->patches[i]) &&
		    (r->s->patches[i].prop.flags & ~(uint32_t)(WR_PF_WRITABLE | WR_PF_ENUMERABLE |
		                                               WR_PF_CONFIGURABLE | WR_PF_ACCESSOR)))
			rs_fail(r, "bad property flags 0x%x", (unsigned)r->s->patches[i].prop.flags);
	for (i = 0; i < r->s->npatches; i++)
		if (error_hook(&r->s->patches[i]))
			patch(r, &r->s->patches[i]);
	/* built-ins made non-extensible, sealed or frozen: after every
	 * property is in place */
	for (i = 0; i < r->s->npatches; i++)
		if (r->s->patches[i].integrity)
			integrity(r, &r->s->patches[i]);
}

/* (4) init() of every maker result */
static void rs_inits(rs_state *r)
{
	uint32_t i;
	for (i = 0; i < r->ninits; i++) {
		duk_get_prop_index(r->ctx, RS_IDX_INITS, i);
		duk_call(r->ctx, 0);
		duk_pop(r->ctx);
	}
}

/* (5) extensibility, and the integrity level the program saw. Duktape's
 * Object.isSealed/isFrozen count internal keys too (a TextDecoder's state,
 * a Date's value, an error's traceback, a function's tags), and
 * Object.seal/freeze fix them as well: restore seals or freezes as the
 * snapshot says (wr_validate checked that the properties agree), and the
 * internal keys the restored object has (as a fresh one has them) follow.
 * An object that lacks the one internal key that kept it from reading
 * sealed or frozen (a restored error has no traceback) gets a hidden
 * stand-in for it, writable and configurable until the seal or freeze. */
static void rs_extensible(rs_state *r)
{
	duk_context *ctx = r->ctx;
	uint32_t id, n = r->s->nobjects;
	for (id = 1; id <= n; id++) {
		const wr_object *o = &r->s->objects[id - 1];
		int writable = 0, configurable = 0, level;
		uint32_t i;

		if ((o->flags & WR_OF_FROZEN) && !(o->flags & WR_OF_SEALED))
			rs_fail(r, "object %u: frozen but not sealed", (unsigned)id);
		if ((o->flags & WR_OF_EXTENSIBLE) && (o->flags & WR_OF_SEALED))
			rs_fail(r, "object %u: sealed but extensible", (unsigned)id);
		if ((o->flags & WR_OF_EXTENSIBLE) || o->kind == WR_OBJ_PLAINBUFFER)
			continue;
		for (i = 0; i < o->nprops; i++) {
			uint32_t f = o->props[i].flags;
			if (f & WR_PF_CONFIGURABLE)
				configurable = 1;
			/* an array's length is Duktape's own: freeze leaves it
			 * writable, isFrozen does not look at it */
			if (!(f & WR_PF_ACCESSOR) && (f & WR_PF_WRITABLE) &&
			    !(o->kind == WR_OBJ_ARRAY && o->props[i].key.type == WR_STRING &&
			      o->props[i].key.u.str.len == 6 && memcmp(o->props[i].key.u.str.ptr, "length", 6) == 0))
				writable = 1;
		}
		if ((configurable && (o->flags & WR_OF_SEALED)) || (writable && (o->flags & WR_OF_FROZEN)))
			rs_fail(r, "object %u: sealed or frozen with a property that says otherwise",
			        (unsigned)id);
		duk_get_prop_index(ctx, RS_IDX_KEEP, id);
		if ((!writable && !(o->flags & WR_OF_FROZEN)) || (!configurable && !(o->flags & WR_OF_SEALED))) {
			duk_push_literal(ctx, RT_KEY_STANDIN);
			duk_push_true(ctx);
			duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE |
			             DUK_DEFPROP_CLEAR_ENUMERABLE | DUK_DEFPROP_SET_CONFIGURABLE);
		}
		/* Duktape cannot freeze a buffer object (its indices are
		 * virtual); sealed, it reads frozen when no own property is
		 * writable, as it did */
		level = (o->flags & WR_OF_SEALED) ? WR_INTEGRITY_SEALED : WR_INTEGRITY_NONEXT;
		if ((o->flags & WR_OF_FROZEN) && o->kind != WR_OBJ_ARRAYBUFFER && o->kind != WR_OBJ_BUFFER &&
		    o->kind != WR_OBJ_TYPEDARRAY && o->kind != WR_OBJ_DATAVIEW)
			level = WR_INTEGRITY_FROZEN;
		rs_lock(r, level);
		duk_pop(ctx);
	}
}

/* (6) timers */

/* Sequence numbers count the timers made by a process: 2^53 is out of
 * reach. The format carries any 64-bit value, but the runtime keeps
 * next_seq above every pending timer's seq: from a seq near 2^64 it would
 * wrap to 0, and the event loop, which runs only the timers below the
 * phase's bound, would spin for ever without running one. */
#define RS_SEQ_MAX 9007199254740992ull   /* 2^53 */

static void rs_timers(rs_state *r)
{
	duk_context *ctx = r->ctx;
	rt_ctx *rt = r->rt;
	uint32_t i, k;

	duk_push_global_stash(ctx);
	if (!duk_get_prop_literal(ctx, -1, RT_STASH_TIMERS) || !duk_is_object(ctx, -1)) {
		duk_pop(ctx);
		duk_push_bare_object(ctx);
		duk_dup_top(ctx);
		duk_put_prop_literal(ctx, -3, RT_STASH_TIMERS);
	}
	for (i = 0; i < r->s->ntimers; i++) {
		const wr_timer *t = &r->s->timers[i];
		double rem = t->remaining, per = t->period;
		if (t->kind > WR_TIMER_IMMEDIATE)
			rs_fail(r, "timer %u: bad kind %u", (unsigned)i, (unsigned)t->kind);
		if (!(t->id >= 1 && t->id <= 9007199254740991.0) || t->id != (double)(uint64_t)t->id)
			rs_fail(r, "timer %u: bad id", (unsigned)i);
		if (!(rem >= 0 && rem <= 2147483647.0))
			rs_fail(r, "timer %u: bad remaining delay", (unsigned)i);
		if (t->kind == WR_TIMER_INTERVAL && !(per >= 1 && per <= 2147483647.0))
			rs_fail(r, "timer %u: bad interval period", (unsigned)i);
		/* a timeout's delay (Node's duration; 0 from an older build: unknown) */
		if (t->kind == WR_TIMER_TIMEOUT && per != 0 && !(per >= 1 && per <= 2147483647.0))
			rs_fail(r, "timer %u: bad delay", (unsigned)i);
		if (t->seq >= RS_SEQ_MAX)
			rs_fail(r, "timer %u: sequence number %llu, above 2^53", (unsigned)i,
			        (unsigned long long)t->seq);
		if (rt_timer_find(rt, t->id))
			rs_fail(r, "timer %u: id %.0f is used twice", (unsigned)i, t->id);
		duk_push_sprintf(ctx, "%.0f", t->id);
		duk_push_bare_array(ctx);   /* as timers.c: Array.prototype may be patched by now */
		rs_push_value(r, &t->callback);
		if (!duk_is_callable(ctx, -1))
			rs_fail(r, "timer %u: callback is not a function", (unsigned)i);
		duk_put_prop_index(ctx, -2, 0);
		for (k = 0; k < t->nargs; k++) {
			rs_push_value(r, &t->args[k]);
			duk_put_prop_index(ctx, -2, k + 1);
		}
		duk_put_prop(ctx, -3);
		if (!rt_timer_insert(rt, t->kind, t->id, rem, t->kind == WR_TIMER_IMMEDIATE ? 0 : per,
		                     t->seq))
			rs_fail(r, "timer %u: out of memory", (unsigned)i);
	}
	duk_pop_2(ctx);
	if (r->s->next_timer_id > rt->timers.next_id && r->s->next_timer_id <= 9007199254740991.0)
		rt->timers.next_id = r->s->next_timer_id;
	if (r->s->next_seq > RS_SEQ_MAX || r->s->phase_seq > RS_SEQ_MAX)
		rs_fail(r, "event-loop sequence numbers %llu/%llu, above 2^53",
		        (unsigned long long)r->s->next_seq, (unsigned long long)r->s->phase_seq);
	if (r->s->next_seq > rt->timers.next_seq)
		rt->timers.next_seq = r->s->next_seq;
	if (r->s->loop_phase != RT_PHASE_TIMERS && r->s->loop_phase != RT_PHASE_CHECK)
		rs_fail(r, "bad loop phase %u", (unsigned)r->s->loop_phase);
	rt->phase = (int)r->s->loop_phase;
	rt->phase_seq = r->s->phase_seq;
}

static duk_ret_t rs_run(duk_context *ctx, void *udata)
{
	rs_state *r = udata;

	duk_set_top(ctx, 0);
	rt_builtins_push(ctx);
	duk_get_prop_literal(ctx, -1, "objs");
	duk_remove(ctx, -2);                 /* RS_IDX_OBJS */
	/* bare: the restore's own arrays never meet a patched Array.prototype */
	duk_push_bare_array(ctx);            /* RS_IDX_KEEP */
	duk_push_bare_array(ctx);            /* RS_IDX_SYMS */
	duk_push_bare_object(ctx);           /* RS_IDX_MAKERS */
	duk_push_bare_array(ctx);            /* RS_IDX_INITS */
	duk_push_global_object(ctx);         /* RS_IDX_GLOBAL */

	rs_symbols(r);
	rs_shells(r);
	rs_views(r);
	rs_functions(r);
	rs_bound(r);
	rs_props(r);
	rs_inits(r);
	rs_extensible(r);
	rs_timers(r);
	rs_globals(r);
	duk_set_top(ctx, 0);
	/* the garbage of the maker units, their init functions and the
	 * prototypes makers made and the snapshot replaced (rs_functions says
	 * why only a mark-and-sweep frees it): collected now, the program goes
	 * on with about the heap an uninterrupted run has */
	if (r->made_functions)
		duk_gc(ctx, 0);
	return 0;
}

static void hex(const uint8_t *h, char *out)
{
	static const char d[] = "0123456789abcdef";
	for (int i = 0; i < 8; i++) {
		out[2 * i] = d[h[i] >> 4];
		out[2 * i + 1] = d[h[i] & 15];
	}
	out[16] = '\0';
}

int rt_restore(rt_ctx *rt, const wr_snapshot *snap, char *err, size_t errlen)
{
	rs_state r;
	int rc;
	const char *pfx = rt->prog && rt->prog->prefix && rt->prog->prefix[0]
	                  ? rt->prog->prefix : "$F";

	if (!snap) {
		snprintf(err, errlen, "resume: no snapshot");
		return -1;
	}
	if (snap->version != WR_FORMAT_VERSION) {
		snprintf(err, errlen, "resume: snapshot format version %u, this runtime reads version %u",
		         (unsigned)snap->version, (unsigned)WR_FORMAT_VERSION);
		return -1;
	}
	if (!rt->prog || memcmp(snap->hash, rt->prog->hash, sizeof snap->hash) != 0) {
		char a[17], b[17];
		hex(snap->hash, a);
		hex(rt->prog ? rt->prog->hash : snap->hash, b);
		snprintf(err, errlen, "resume: snapshot is from another program (hash %s..., this program %s...)",
		         a, b);
		return -1;
	}

	memset(&r, 0, sizeof r);
	r.rt = rt;
	r.ctx = rt->ctx;
	r.s = snap;
	r.err = err;
	r.errlen = errlen;
	snprintf(r.envkey, sizeof r.envkey, "%sp", pfx);
	r.envkeylen = strlen(r.envkey);
	r.made = calloc(snap->nobjects ? snap->nobjects : 1, 1);
	if (!r.made || rt_smap_init(&r.paths, rt_builtins_count(rt->ctx)) != 0 ||
	    rt_builtins_pathmap(rt->ctx, &r.paths) != 0) {
		snprintf(err, errlen, "resume: out of memory");
		free(r.made);
		rt_smap_free(&r.paths);
		return -1;
	}
	size_t refused = rt->alloc.refused;
	rc = duk_safe_call(rt->ctx, rs_run, &r, 0, 1);
	if (rc != DUK_EXEC_SUCCESS && rt->alloc.refused != refused)
		/* whatever the failure looked like (an error while compiling a
		 * maker, a DoubleError...), the snapshot itself may be fine */
		snprintf(err, errlen, "resume: the program's state does not fit under "
		         "--max-heap %zu bytes (an allocation was refused while restoring it)",
		         rt->alloc.limit);
	else if (rc != DUK_EXEC_SUCCESS && !r.failed)
		snprintf(err, errlen, "resume: %s", duk_safe_to_string(rt->ctx, -1));
	duk_pop(rt->ctx);
	free(r.made);
	rt_smap_free(&r.paths);
	return rc == DUK_EXEC_SUCCESS ? 0 : -1;
}
