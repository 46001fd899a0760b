/*
 * runtime/restore_shell.c -- restore passes (1) and (2): symbols, object
 * shells of every non-function kind (ordinary objects and arrays are made
 * without a prototype so that filling them can never reach a setter; the
 * prototype is set afterwards), plain buffers, views over their ArrayBuffers, functions
 * through the program's makers, then bound functions.
 *
 * Code is only ever compiled from prog->makers (program code built into
 * the executable), never from the snapshot.
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include "runtime/restore_impl.h"

static const wr_object *mobj(rs_state *r, uint32_t id)
{
	return &r->s->objects[id - 1];
}

static void keep(rs_state *r, uint32_t id)
{
	duk_put_prop_index(r->ctx, RS_IDX_KEEP, id);
	r->made[id - 1] = 1;
}

void rs_symbols(rs_state *r)
{
	duk_context *ctx = r->ctx;
	uint32_t i;
	for (i = 0; i < r->s->nsymbols; i++) {
		const wr_symbol *y = &r->s->symbols[i];
		switch (y->kind) {
		case WR_SYM_GLOBAL:
			rs_push_builtin(r, "Symbol.for", 10);
			rs_push_text(r, y->desc.ptr, y->desc.len);
			duk_call(ctx, 1);
			break;
		case WR_SYM_WELLKNOWN: {
			char path[96];
			if (y->desc.len > 64)
				rs_fail(r, "symbol %u: bad well-known name", (unsigned)(i + 1));
			snprintf(path, sizeof path, "Symbol.%.*s", (int)y->desc.len, y->desc.ptr);
			rs_push_builtin(r, "Symbol", 6);
			duk_get_prop_lstring(ctx, -1, path + 7, y->desc.len);
			if (!duk_is_symbol(ctx, -1))
				rs_fail(r, "symbol %u: unknown well-known symbol %s", (unsigned)(i + 1), path);
			duk_remove(ctx, -2);
			break;
		}
		case WR_SYM_LOCAL:
			rs_push_builtin(r, "Symbol", 6);
			if (y->has_desc)
				rs_push_text(r, y->desc.ptr, y->desc.len);
			else
				duk_push_undefined(ctx);
			duk_call(ctx, 1);
			break;
		default:
			rs_fail(r, "symbol %u: bad kind %u", (unsigned)(i + 1), (unsigned)y->kind);
		}
		duk_put_prop_index(ctx, RS_IDX_SYMS, i + 1);
	}
}

/* is k an array index ("0", "1", ..., "4294967294")? Duktape lists those
 * keys first, whatever their insertion order */
static int index_key(const char *k, size_t n)
{
	uint64_t v = 0;
	size_t i;

	if (n == 0 || n > 10 || (n > 1 && k[0] == '0'))
		return 0;
	for (i = 0; i < n; i++) {
		if (k[i] < '0' || k[i] > '9')
			return 0;
		v = v * 10 + (uint64_t)(k[i] - '0');
	}
	return v < 0xffffffffULL;
}

/* The function restore makes for o (maker, bind) comes with own
 * properties: `length`, `name`, `fileName`, `prototype` (`arguments` and
 * `caller` when strict or bound). rs_props then defines the properties o
 * lists, in o's order: a key the function has keeps its place, others are
 * appended. The program may have deleted some (in Duktape only
 * `prototype` and the thrower accessors are not configurable) or deleted
 * and re-added one (which moved it to the end). So, walking the
 * function's keys in order against o's string keys in order (array
 * indices left out: they come first in o whenever the program added them,
 * and a made function has none): a key that is the next one o lists
 * stays, any other configurable one is deleted (rs_props re-adds it where
 * o has it, if anywhere). Found by tests/exprfuzz.sh: `delete f.length`
 * was undone by a resume; then `f[0] = v` moved `length` (seed 140053).
 * Every function one maker makes has the same keys: with cache >= 0 (an
 * array on the value stack) they are enumerated once per site (an
 * enumeration per function cost restore 14% more instructions for 10k
 * closures of one site: 1133M instead of 992M; with the cache 1010M). */
static void drop_out_of_place(duk_context *ctx, const wr_object *o, duk_idx_t cache, uint32_t site)
{
	duk_idx_t f = duk_get_top_index(ctx), keys;
	uint32_t m = 0, i, nk;

	if (cache >= 0 && duk_get_prop_index(ctx, cache, site)) {
		keys = duk_get_top_index(ctx);
	} else {
		if (cache >= 0)
			duk_pop(ctx);
		duk_push_bare_array(ctx);
		keys = duk_get_top_index(ctx);
		duk_enum(ctx, f, DUK_ENUM_OWN_PROPERTIES_ONLY | DUK_ENUM_INCLUDE_NONENUMERABLE);
		for (i = 0; duk_next(ctx, -1, 0); i++)
			duk_put_prop_index(ctx, keys, i);
		duk_pop(ctx);
		if (cache >= 0) {
			duk_dup(ctx, keys);
			duk_put_prop_index(ctx, cache, site);
		}
	}
	nk = (uint32_t)duk_get_length(ctx, keys);
	for (i = 0; i < nk; i++) {
		duk_size_t n;
		const char *k;
		const wr_value *kv;
		int configurable;

		duk_get_prop_index(ctx, keys, i);
		k = duk_get_lstring(ctx, -1, &n);
		while (m < o->nprops && (o->props[m].key.type != WR_STRING ||
		                         index_key(o->props[m].key.u.str.ptr, o->props[m].key.u.str.len)))
			m++;
		kv = m < o->nprops ? &o->props[m].key : NULL;
		if (k && kv && kv->u.str.len == n && memcmp(kv->u.str.ptr, k, n) == 0) {
			m++;
			duk_pop(ctx);
			continue;
		}
		duk_dup_top(ctx);
		duk_get_prop_desc(ctx, f, 0);
		configurable = duk_get_prop_literal(ctx, -1, "configurable") && duk_to_boolean(ctx, -1);
		duk_pop_2(ctx);
		if (configurable)
			duk_del_prop(ctx, f);
		else
			duk_pop(ctx);
	}
	duk_pop(ctx);   /* keys */
}

/* delete every own property (incl. internal ones) of the object on top */
static void strip_own(duk_context *ctx)
{
	duk_idx_t o = duk_get_top_index(ctx);
	duk_enum(ctx, o, DUK_ENUM_OWN_PROPERTIES_ONLY | DUK_ENUM_INCLUDE_NONENUMERABLE |
	         DUK_ENUM_INCLUDE_SYMBOLS | DUK_ENUM_INCLUDE_HIDDEN);
	while (duk_next(ctx, -1, 0))
		duk_del_prop(ctx, o);
	duk_pop(ctx);
}

/* Duktape gives an error (and an object made by `new` whose prototype
 * inherits from Error.prototype) its traceback in an internal key,
 * writable and configurable, which Object.isSealed/isFrozen count and
 * Object.seal/freeze change. A restore cannot make the traceback again:
 * hidden keys of the same attributes stand in for it, holding what it gave
 * (its frames, and fileName and lineNumber when they were defined), which
 * the Error.prototype getters return (snap_install.c). Not own properties,
 * which objects inheriting from this one would read instead of their own
 * traceback. So the object reads sealed or frozen when and only when it
 * did. From an older snapshot: an error's whole stack text in
 * RT_KEY_TRACE, and for a traceback object (its text an own `stack`) the
 * key `true`. */
static void def_hidden(duk_context *ctx, const char *key)
{
	duk_push_string(ctx, key);
	duk_swap_top(ctx, -2);
	duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE |
	             DUK_DEFPROP_CLEAR_ENUMERABLE | DUK_DEFPROP_SET_CONFIGURABLE);
}

static void standin_trace(rs_state *r, const wr_object *o)
{
	duk_context *ctx = r->ctx;

	if (!(o->u.trace.has & WR_TR_FRAMES)) {
		if (o->kind == WR_OBJ_OBJECT)
			duk_push_true(ctx);
		else
			rs_push_text(r, o->u.trace.stack.ptr, o->u.trace.stack.len);
		def_hidden(ctx, RT_KEY_TRACE);
		return;
	}
	rs_push_text(r, o->u.trace.stack.ptr, o->u.trace.stack.len);
	def_hidden(ctx, RT_KEY_TRFRAMES);
	if (o->u.trace.has & WR_TR_FILE) {
		rs_push_text(r, o->u.trace.file.ptr, o->u.trace.file.len);
		def_hidden(ctx, RT_KEY_TRFILE);
	}
	if (o->u.trace.has & WR_TR_LINE) {
		duk_push_number(ctx, o->u.trace.line);
		def_hidden(ctx, RT_KEY_TRLINE);
	}
}

void rs_shells(rs_state *r)
{
	duk_context *ctx = r->ctx;
	uint32_t id, n = r->s->nobjects;
	int have_args_fn = 0, shared = 0;

	for (id = 1; id <= n; id++) {
		const wr_object *o = mobj(r, id);
		switch (o->kind) {
		case WR_OBJ_OBJECT:
			duk_push_bare_object(ctx);
			if (o->flags & WR_OF_TRACEBACK)
				standin_trace(r, o);
			break;
		case WR_OBJ_ARRAY:
			duk_push_bare_array(ctx);
			break;
		case WR_OBJ_DATE:
			rs_push_builtin(r, "Date", 4);
			duk_push_number(ctx, o->u.num);
			duk_new(ctx, 1);
			break;
		case WR_OBJ_REGEXP:
			rs_push_builtin(r, "RegExp", 6);
			rs_push_text(r, o->u.regexp.source.ptr, o->u.regexp.source.len);
			rs_push_text(r, o->u.regexp.flags.ptr, o->u.regexp.flags.len);
			duk_new(ctx, 2);
			break;
		case WR_OBJ_ERROR:
			duk_push_error_object(ctx, DUK_ERR_ERROR, "%s", "");
			strip_own(ctx);
			standin_trace(r, o);
			break;
		case WR_OBJ_BOOLEAN:
		case WR_OBJ_NUMBER:
		case WR_OBJ_STRING:
		case WR_OBJ_SYMBOL: {
			uint32_t want = o->kind == WR_OBJ_NUMBER ? WR_NUMBER
			              : o->kind == WR_OBJ_STRING ? WR_STRING : WR_SYMBOL;
			uint32_t t = o->u.prim.type;
			int ok = o->kind == WR_OBJ_BOOLEAN ? (t == WR_FALSE || t == WR_TRUE) : t == want;
			if (!ok)
				rs_fail(r, "object %u: boxed primitive of the wrong type", (unsigned)id);
			rs_push_value(r, &o->u.prim);
			duk_to_object(ctx, -1);
			break;
		}
		case WR_OBJ_ARGUMENTS:
			if (!have_args_fn) {
				/* runtime code (constant), never snapshot text */
				duk_compile_string(ctx, DUK_COMPILE_FUNCTION,
				                   "function () { return arguments; }");
				duk_put_prop_literal(ctx, RS_IDX_MAKERS, "\xff" "args");
				have_args_fn = 1;
			}
			duk_get_prop_literal(ctx, RS_IDX_MAKERS, "\xff" "args");
			duk_call(ctx, 0);
			strip_own(ctx);
			break;
		case WR_OBJ_ARRAYBUFFER: {
			duk_size_t sz;
			void *p;
			if (o->u.bytes.memory) {
				shared = 1;
				continue;   /* below, over the memory of the one it names */
			}
			rs_push_builtin(r, "ArrayBuffer", 11);
			duk_push_uint(ctx, o->u.bytes.len);
			duk_new(ctx, 1);
			p = duk_get_buffer_data(ctx, -1, &sz);
			if (sz != o->u.bytes.len || (sz && (!p || !o->u.bytes.ptr)))
				rs_fail(r, "object %u: ArrayBuffer of %u bytes not created",
				        (unsigned)id, (unsigned)o->u.bytes.len);
			if (sz)
				memcpy(p, o->u.bytes.ptr, sz);
			break;
		}
		case WR_OBJ_PLAINBUFFER: {
			/* what Duktape.dec makes: a fixed buffer for 'hex', a
			 * dynamic one for 'base64' (Duktape.info(b).variant) */
			void *p = duk_push_buffer(ctx, o->u.bytes.len, o->u.bytes.dynamic != 0);
			if (o->u.bytes.len) {
				if (!p || !o->u.bytes.ptr)
					rs_fail(r, "object %u: plain buffer of %u bytes not created",
					        (unsigned)id, (unsigned)o->u.bytes.len);
				memcpy(p, o->u.bytes.ptr, o->u.bytes.len);
			}
			break;
		}
		case WR_OBJ_TEXTDECODER:
			/* Duktape's TextDecoder with the same options; a snapshot only
			 * holds one in the state a fresh one has */
			rs_push_builtin(r, "TextDecoder", 11);
			rt_text_decoder_new(ctx, o->u.textdec.flags);
			break;
		case WR_OBJ_FUNCTION:
		case WR_OBJ_BOUND:
		case WR_OBJ_BUFFER:
		case WR_OBJ_TYPEDARRAY:
		case WR_OBJ_DATAVIEW:
			continue;   /* later passes */
		default:
			rs_fail(r, "object %u: unknown kind %u", (unsigned)id, (unsigned)o->kind);
		}
		keep(r, id);
	}
	/* ArrayBuffers over the start of another buffer's memory: over the
	 * plain buffer that is that memory, as Duktape made them */
	for (id = 1; shared && id <= n; id++) {
		const wr_object *o = mobj(r, id), *m;
		uint32_t mid = o->u.bytes.memory;
		if (o->kind != WR_OBJ_ARRAYBUFFER || !mid)
			continue;
		m = mid >= 1 && mid <= n ? mobj(r, mid) : NULL;
		if (!m || (m->kind != WR_OBJ_ARRAYBUFFER && m->kind != WR_OBJ_PLAINBUFFER) ||
		    m->u.bytes.memory || o->u.bytes.len > m->u.bytes.len)
			rs_fail(r, "object %u: the memory of object %u, not a buffer of %u bytes or more",
			        (unsigned)id, (unsigned)mid, (unsigned)o->u.bytes.len);
		if (m->kind == WR_OBJ_ARRAYBUFFER)
			rs_push_builtin(r, "Uint8Array.plainOf", 18);
		duk_get_prop_index(ctx, RS_IDX_KEEP, mid);
		if (m->kind == WR_OBJ_ARRAYBUFFER)
			duk_call(ctx, 1);
		duk_push_buffer_object(ctx, -1, 0, o->u.bytes.len, DUK_BUFOBJ_ARRAYBUFFER);
		duk_remove(ctx, -2);
		keep(r, id);
	}
}

void rs_views(rs_state *r)
{
	static const char *const ctors[WR_ELEM_COUNT] = {
		"Uint8Array", "Uint8ClampedArray", "Int8Array", "Uint16Array", "Int16Array",
		"Uint32Array", "Int32Array", "Float32Array", "Float64Array"
	};
	static const uint32_t sizes[WR_ELEM_COUNT] = { 1, 1, 1, 2, 2, 4, 4, 4, 8 };
	duk_context *ctx = r->ctx;
	uint32_t id, n = r->s->nobjects;

	for (id = 1; id <= n; id++) {
		const wr_object *o = mobj(r, id);
		const wr_value *b;
		uint32_t esize, ab, len;
		uint64_t end;
		if (o->kind != WR_OBJ_BUFFER && o->kind != WR_OBJ_TYPEDARRAY && o->kind != WR_OBJ_DATAVIEW)
			continue;
		b = &o->u.view.buffer;
		if (b->type != WR_REF || b->u.ref < 1 || b->u.ref > n ||
		    mobj(r, b->u.ref)->kind != WR_OBJ_ARRAYBUFFER)
			rs_fail(r, "object %u: a view whose buffer is not an ArrayBuffer", (unsigned)id);
		ab = mobj(r, b->u.ref)->u.bytes.len;
		if (o->kind == WR_OBJ_DATAVIEW) {
			esize = 1;
		} else {
			if (o->u.view.elem >= WR_ELEM_COUNT)
				rs_fail(r, "object %u: bad element type", (unsigned)id);
			esize = sizes[o->u.view.elem];
		}
		len = o->u.view.length;
		end = (uint64_t)o->u.view.offset + (uint64_t)len * esize;
		if (end > ab || o->u.view.offset % esize != 0)
			rs_fail(r, "object %u: view [%u, +%llu) outside its %u-byte buffer", (unsigned)id,
			        (unsigned)o->u.view.offset, (unsigned long long)len * esize, (unsigned)ab);
		if (o->kind == WR_OBJ_DATAVIEW)
			rs_push_builtin(r, "DataView", 8);
		else
			rs_push_builtin(r, ctors[o->u.view.elem], strlen(ctors[o->u.view.elem]));
		rs_push_value(r, b);
		duk_push_uint(ctx, o->u.view.offset);
		duk_push_uint(ctx, len);
		duk_new(ctx, 3);
		keep(r, id);
	}
}

/* Unit u's text from its pieces, into p (NULL: only its length), leaving
 * out the makers of the sites need[] does not flag (line breaks in their
 * place). Returns the length, or fails on a piece or maker out of range. */
static size_t unit_text(rs_state *r, uint32_t u, const uint8_t *need, char *p)
{
	const ferry_makers *m = &r->rt->prog->makers;
	uint32_t k = m->first[u], b = m->first[u + 1], j, j0 = 0, j1 = 0;
	size_t n = 0;

	if (m->site_pieces) {
		j0 = m->site_first[u];
		j1 = m->site_first[u + 1];
	}
	for (j = j0; ; j++) {
		/* the pieces before maker j (after the last maker: to the end) */
		uint32_t stop = j < j1 ? m->site_pieces[4 * j + 1] : b;
		if (j < j1 && (stop < k || m->site_pieces[4 * j + 2] < stop ||
		               m->site_pieces[4 * j + 2] > b))
			rs_fail(r, "maker unit %u: maker %u out of range (a damaged executable)",
			        (unsigned)u, (unsigned)(j - j0));
		for (; k < stop; k++) {
			uint32_t off = m->pieces[2 * k] & ~FERRY_PIECE_GLUE, plen = m->pieces[2 * k + 1];
			int glue = (m->pieces[2 * k] & FERRY_PIECE_GLUE) != 0;
			size_t lim = glue ? m->glue_len : m->text_len;
			if (off > lim || plen > lim - off || n + plen < n)
				rs_fail(r, "maker unit %u: piece %u out of range (a damaged executable)",
				        (unsigned)u, (unsigned)(k - m->first[u]));
			if (p)
				memcpy(p + n, (glue ? m->glue : m->text) + off, plen);
			n += plen;
		}
		if (j == j1)
			break;
		if (need[j - j0])
			continue;          /* its pieces are copied as the next ones */
		/* left out: its line breaks keep the next makers on their lines */
		if (m->site_pieces[4 * j + 3] > SIZE_MAX - n)
			rs_fail(r, "maker unit %u: maker %u out of range (a damaged executable)",
			        (unsigned)u, (unsigned)(j - j0));
		if (p)
			memset(p + n, '\n', m->site_pieces[4 * j + 3]);
		n += m->site_pieces[4 * j + 3];
		k = m->site_pieces[4 * j + 2];
	}
	return n;
}

/* compile maker unit u (the makers need[] flags) and push its table
 * (site id -> maker) */
static void push_makers(rs_state *r, uint32_t u, const uint8_t *need)
{
	duk_context *ctx = r->ctx;
	const ferry_program *prog = r->rt->prog;
	size_t len = unit_text(r, u, need, NULL);
	char *text = duk_push_fixed_buffer(ctx, len);

	unit_text(r, u, need, text);

	duk_push_string(ctx, prog->filename ? prog->filename : "app.js");
	if (duk_pcompile_lstring_filename(ctx, DUK_COMPILE_FUNCTION, text, len) != 0)
		rs_fail(r, "maker unit %u does not compile: %s", (unsigned)u,
		        duk_safe_to_string(ctx, -1));
	duk_remove(ctx, -2);   /* the text */
	/* A program embedded as bytecode gives every function, anonymous
	 * ones too, an own `name` (Duktape's loader defines "" where a
	 * compiled function has none); functions that restored code makes
	 * after the resume must get the same, so the makers go through
	 * bytecode as well (found by tests/difffuzz.sh) */
	if (prog->code_is_bytecode) {
		duk_dump_function(ctx);
		duk_load_function(ctx);
	}
	duk_call(ctx, 0);
	if (!duk_is_object(ctx, -1))
		rs_fail(r, "maker unit %u returned no table", (unsigned)u);
}

long rs_find_prop(const wr_object *o, const char *key, size_t len)
{
	uint32_t i;
	for (i = 0; i < o->nprops; i++) {
		const wr_prop *p = &o->props[i];
		if (p->key.type == WR_STRING && p->key.u.str.len == len &&
		    memcmp(p->key.u.str.ptr, key, len) == 0)
			return (long)i;
	}
	return -1;
}

/* An environment (ferryc's array, or a hand-written object) holds data:
 * the makers' init() functions read it during the restore, so an accessor
 * there, or on a prototype the snapshot made, would run a function the
 * snapshot chose inside the restore, in a half-made heap. Built-in
 * prototypes are still as the runtime made them when init() runs (the
 * patches come after). */
static void env_plain(rs_state *r, uint32_t id, uint32_t env)
{
	const wr_object *eo = mobj(r, env);
	uint32_t i;

	if (eo->proto.type != WR_NULL && eo->proto.type != WR_BUILTIN)
		rs_fail(r, "object %u: its environment %u has a prototype made by the snapshot",
		        (unsigned)id, (unsigned)env);
	for (i = 0; i < eo->nprops; i++)
		if (eo->props[i].flags & WR_PF_ACCESSOR)
			rs_fail(r, "object %u: its environment %u has an accessor property",
			        (unsigned)id, (unsigned)env);
}

/* What a maker unit leaves behind is garbage that only Duktape's
 * mark-and-sweep frees: its loader gives every function, nested templates
 * included, a prototype object pointing back at it, a cycle that reference
 * counting never breaks (a unit compiled from source, too, is one with its
 * prototype). Left to Duktape's own schedule, every unit's compiled code
 * stayed in the heap through the restore and long after it (a resumed
 * knockout.js held 6.9 MB where the uninterrupted run held 1.5 MB). A
 * mark-and-sweep whenever the heap has grown by half since the last one
 * (and by 256 KB) keeps a resume to about one unit's code at a time, for
 * work linear in what the units allocate; rs_run collects the rest at the
 * end. */
static void collect(rs_state *r)
{
	size_t cur = r->rt->alloc.cur;

	if (cur > r->gc_base && cur - r->gc_base > r->gc_base / 2 + (256u << 10)) {
		duk_gc(r->ctx, 0);
		r->gc_base = r->rt->alloc.cur;
	}
}

/* make function object id with the maker at index maker */
static void make_function(rs_state *r, uint32_t id, duk_idx_t maker, duk_idx_t cache,
                          uint32_t *env_link)
{
	duk_context *ctx = r->ctx;
	const ferry_program *prog = r->rt->prog;
	const wr_object *o = mobj(r, id);
	uint32_t site = o->u.fn.site, depth, k, n = r->s->nobjects;
	wr_value env;
	duk_idx_t res;

	duk_dup(ctx, maker);
	/* the environment chain, nearest first, along the parent links:
	 * element 0 of an environment array (ferryc's), or the Pp key of
	 * an environment object (hand-written instrumented code) */
	depth = prog->sites[site].env_depth;
	env = o->u.fn.env;
	for (k = 0; k < depth; k++) {
		if (env.type == WR_UNDEFINED) {
			duk_push_undefined(ctx);
			continue;
		}
		if (env.type != WR_REF || env.u.ref < 1 || env.u.ref > n ||
		    (mobj(r, env.u.ref)->kind != WR_OBJ_ARRAY &&
		     mobj(r, env.u.ref)->kind != WR_OBJ_OBJECT))
			rs_fail(r, "object %u: bad environment", (unsigned)id);
		{
			const wr_object *eo = mobj(r, env.u.ref);
			uint32_t *link = &env_link[env.u.ref - 1];
			if (!*link) {
				long pi = eo->kind == WR_OBJ_ARRAY ? rs_find_prop(eo, "0", 1)
				            : rs_find_prop(eo, r->envkey, r->envkeylen);
				env_plain(r, id, env.u.ref);
				*link = pi < 0 ? 1 : (uint32_t)pi + 2;
			}
			rs_push_value(r, &env);
			if (*link == 1)
				env.type = WR_UNDEFINED;
			else
				env = eo->props[*link - 2].value;
		}
	}
	duk_call(ctx, (duk_idx_t)depth);
	res = duk_get_top_index(ctx);
	if (!duk_is_array(ctx, res))
		rs_fail(r, "object %u: maker of site %u returned no [fn, init]", (unsigned)id,
		        (unsigned)site);
	duk_get_prop_index(ctx, res, 1);
	if (duk_is_function(ctx, -1))
		duk_put_prop_index(ctx, RS_IDX_INITS, r->ninits++);
	else
		duk_pop(ctx);
	duk_get_prop_index(ctx, res, 0);
	if (!duk_is_function(ctx, -1))
		rs_fail(r, "object %u: maker of site %u made no function", (unsigned)id,
		        (unsigned)site);
	/* tag it (the maker may have done so already) */
	rt_push_site_key(ctx, site);
	rs_push_value(r, &o->u.fn.env);
	duk_put_prop(ctx, -3);
	drop_out_of_place(ctx, o, cache, site);
	keep(r, id);
	duk_pop(ctx);   /* result array */
}

/* Functions through the makers, one maker unit at a time: a unit is
 * compiled, makes the functions of its sites, and is dropped before the
 * next one is compiled, so that a resume holds one unit's compiled code at
 * a time, not all of them (a unit holds each of its sites' whole text,
 * nested functions included). */
void rs_functions(rs_state *r)
{
	duk_context *ctx = r->ctx;
	const ferry_program *prog = r->rt->prog;
	uint32_t id, n = r->s->nobjects, nfn = 0, nsites = prog ? prog->nsites : 0, u, i;
	duk_idx_t cache, base;
	uint32_t *env_link, *first, *ids, nmk;
	uint8_t *need;

	/* the function objects by site: ids[first[s] .. first[s + 1]) */
	for (id = 1; id <= n; id++) {
		const wr_object *o = mobj(r, id);
		uint32_t site;

		if (o->kind != WR_OBJ_FUNCTION)
			continue;
		site = o->u.fn.site;
		if (!prog || site >= prog->nsites || site == 0)
			rs_fail(r, "object %u: function of unknown site %u", (unsigned)id, (unsigned)site);
		if (prog->sites[site].flags & FERRY_SITE_DYNAMIC)
			rs_fail(r, "object %u: function of dynamic site %u", (unsigned)id, (unsigned)site);
		nfn++;
	}
	if (!nfn)
		return;
	r->made_functions = 1;
	duk_push_bare_array(ctx);   /* per site: the own keys its maker's functions come with */
	cache = duk_get_top_index(ctx);
	/* per environment, once it is checked (plain) and its parent link
	 * found: 2 + the index of the link property, or 1 without a link.
	 * Both took a scan of its properties per function over it: 40000
	 * functions over one environment of 40000 properties took 6.5 s */
	env_link = duk_push_fixed_buffer(ctx, (duk_size_t)n * sizeof *env_link);
	first = duk_push_fixed_buffer(ctx, ((duk_size_t)nsites + 1) * sizeof *first);
	ids = duk_push_fixed_buffer(ctx, (duk_size_t)nfn * sizeof *ids);
	for (id = 1; id <= n; id++)            /* counts */
		if (mobj(r, id)->kind == WR_OBJ_FUNCTION)
			first[mobj(r, id)->u.fn.site + 1]++;
	for (i = 0; i < nsites; i++)           /* first[s]: where site s starts */
		first[i + 1] += first[i];
	for (id = 1; id <= n; id++)            /* first[s] moves to where s ends */
		if (mobj(r, id)->kind == WR_OBJ_FUNCTION)
			ids[first[mobj(r, id)->u.fn.site]++] = id;
	for (i = nsites; i > 0; i--)           /* back to the starts */
		first[i] = first[i - 1];
	first[0] = 0;

	/* per maker: whether the snapshot has a function of its site */
	nmk = prog->makers.site_pieces ? prog->makers.site_first[prog->makers.nunits] : 0;
	need = duk_push_fixed_buffer(ctx, nmk ? nmk : 1);
	for (i = 0; i < nmk; i++) {
		uint32_t site = prog->makers.site_pieces[4 * i];
		need[i] = site < nsites && first[site + 1] > first[site];
	}
	base = duk_get_top(ctx);
	r->gc_base = r->rt->alloc.cur;
	for (u = 0; u < prog->makers.nunits; u++) {
		uint32_t j0 = nmk ? prog->makers.site_first[u] : 0, j1 = nmk ? prog->makers.site_first[u + 1] : 0;
		if (j0 > j1 || j1 > nmk)
			rs_fail(r, "maker unit %u: makers out of range (a damaged executable)", (unsigned)u);
		for (i = j0; i < j1 && !need[i]; i++)
			;
		if (j0 < j1 && i == j1)
			continue;   /* nothing of this unit is needed: not compiled */
		push_makers(r, u, need + j0);
		duk_enum(ctx, base, DUK_ENUM_OWN_PROPERTIES_ONLY);
		while (duk_next(ctx, -1, 1)) {
			duk_uarridx_t site;
			/* a unit's keys are the site ids of its makers */
			site = duk_is_string(ctx, -2) ? (duk_uarridx_t)duk_to_uint32(ctx, -2) : 0;
			if (duk_is_function(ctx, -1) && site > 0 && site < nsites) {
				for (i = first[site]; i < first[site + 1]; i++)
					if (!r->made[ids[i] - 1])
						make_function(r, ids[i], duk_get_top_index(ctx), cache, env_link);
			}
			duk_pop_2(ctx);
		}
		duk_set_top(ctx, base);   /* the enumerator and the unit's table */
		collect(r);
	}
	for (i = 0; i < nfn; i++)
		if (!r->made[ids[i] - 1])
			rs_fail(r, "object %u: no maker for site %u", (unsigned)ids[i],
			        (unsigned)mobj(r, ids[i])->u.fn.site);
	duk_set_top(ctx, cache);   /* cache, env_link, first, ids, need */
}

/* the id of a bound function that v refers to and that is not made yet, or 0 */
static uint32_t pending_bound(rs_state *r, const wr_value *v)
{
	if (v->type != WR_REF || v->u.ref < 1 || v->u.ref > r->s->nobjects)
		return 0;   /* rs_push_value reports a bad reference */
	return mobj(r, v->u.ref)->kind == WR_OBJ_BOUND && !r->made[v->u.ref - 1] ? v->u.ref : 0;
}

/* dependency k of bound function o: 0 its target, 1 its this, 2.. its arguments */
static const wr_value *bound_dep(const wr_object *o, uint32_t k)
{
	return k == 0 ? &o->u.bound.target : k == 1 ? &o->u.bound.self : &o->u.bound.args[k - 2];
}

static void make_bound(rs_state *r, uint32_t id)
{
	duk_context *ctx = r->ctx;
	const wr_object *o = mobj(r, id);
	uint32_t k;

	/* bind, its target, this and the arguments; then bind's own pushes
	 * (the runtime's wrapper) */
	if (o->u.bound.nargs > 1000000u || !duk_check_stack(ctx, (duk_idx_t)o->u.bound.nargs + 8))
		rs_fail(r, "object %u: bound function with %u arguments, more than a call takes",
		        (unsigned)id, (unsigned)o->u.bound.nargs);
	rs_push_builtin(r, "Function.prototype.bind", 23);
	rs_push_value(r, &o->u.bound.target);
	if (!duk_is_callable(ctx, -1))
		rs_fail(r, "object %u: bound function whose target is not callable", (unsigned)id);
	rs_push_value(r, &o->u.bound.self);
	for (k = 0; k < o->u.bound.nargs; k++)
		rs_push_value(r, &o->u.bound.args[k]);
	duk_call_method(ctx, (duk_idx_t)(o->u.bound.nargs + 1));
	drop_out_of_place(ctx, o, -1, 0);
	keep(r, id);
}

/* Bound functions after what they refer to (target, this, arguments may be
 * bound functions too): a depth-first walk with its own stack (no C
 * recursion), each object and each reference visited once. Passes over the
 * table until nothing was left took one pass per link of a chain: 8 s for
 * a chain of 64000 bound functions, hours for what fits under max_bytes. */
void rs_bound(rs_state *r)
{
	duk_context *ctx = r->ctx;
	uint32_t id, n = r->s->nobjects, nbound = 0, sp = 0;
	struct rs_dfs { uint32_t id, next; } *st;
	uint8_t *busy;

	for (id = 1; id <= n; id++)
		if (mobj(r, id)->kind == WR_OBJ_BOUND)
			nbound++;
	if (!nbound)
		return;
	/* on the value stack: freed by the heap when the restore fails */
	st = duk_push_fixed_buffer(ctx, (duk_size_t)nbound * sizeof *st);
	busy = duk_push_fixed_buffer(ctx, n);
	for (id = 1; id <= n; id++) {
		if (mobj(r, id)->kind != WR_OBJ_BOUND || r->made[id - 1])
			continue;
		st[sp].id = id;
		st[sp++].next = 0;
		busy[id - 1] = 1;
		while (sp > 0) {
			const wr_object *o = mobj(r, st[sp - 1].id);
			uint32_t k = st[sp - 1].next, dep;
			if (k < 2 || k - 2 < o->u.bound.nargs) {
				st[sp - 1].next = k + 1;
				dep = pending_bound(r, bound_dep(o, k));
				if (!dep)
					continue;
				if (busy[dep - 1])
					rs_fail(r, "bound functions refer to each other in a cycle");
				busy[dep - 1] = 1;
				st[sp].id = dep;
				st[sp++].next = 0;
				continue;
			}
			make_bound(r, st[sp - 1].id);
			busy[st[--sp].id - 1] = 0;
		}
	}
	duk_pop_2(ctx);
}
