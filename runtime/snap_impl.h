/*
 * runtime/snap_impl.h -- declarations shared by the snapshot walker
 * (snap_*.c), the built-in baseline (builtins.c) and restore (restore*.c).
 * Private to those files; the rest of the runtime uses rt.h.
 *
 * The built-in baseline lives in the global stash (RT_STASH_BUILTINS) as
 * plain Duktape values, so it needs no C-side lifetime management:
 *   { objs:  [obj...],          built-in objects in breadth-first order
 *     paths: ["global", ...],   their paths ("Math.floor", "Array.prototype",
 *                               "X@proto", "X.y@get", "X.y@set")
 *     props: [bare...],         per object: key -> [flags, value, setter]
 *                               (the own properties it had at install time)
 *     bind, proxy: the original Function.prototype.bind and Proxy,
 *     \xFFblcache: the props again as C arrays in a fixed buffer (sw_blcache,
 *                  snap_walk.h), so the walker diffs the built-ins in C }
 */
#ifndef FERRY_SNAP_IMPL_H
#define FERRY_SNAP_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include <duktape.h>
#include "runtime/rt.h"

/* extra hidden keys */
#define RT_KEY_BTARGET DUK_HIDDEN_SYMBOL("fbtarget") /* bound function: target */
#define RT_KEY_BTHIS   DUK_HIDDEN_SYMBOL("fbthis")   /* bound function: this */
#define RT_KEY_BARGS   DUK_HIDDEN_SYMBOL("fbargs")   /* bound function: [args] */
#define RT_KEY_PROXY   DUK_HIDDEN_SYMBOL("fproxy")   /* on a Proxy's target: [proxies] */
/* restore: stand in for internal keys a restored object lacks, so that
 * Object.isSealed/isFrozen say what they said (restore.c): for an error's
 * traceback (the walker takes it for one), or for any other */
#define RT_KEY_TRACE   DUK_HIDDEN_SYMBOL("ftrace")
/* a restored error's traceback frames (its stack text without the first
 * line, which the Error.prototype.stack getter makes at each read), and
 * its fileName and lineNumber; RT_KEY_TRACE holds the whole text of an
 * error restored from an older snapshot instead */
#define RT_KEY_TRFRAMES DUK_HIDDEN_SYMBOL("ftframes")
#define RT_KEY_TRFILE  DUK_HIDDEN_SYMBOL("ftfile")
#define RT_KEY_TRLINE  DUK_HIDDEN_SYMBOL("ftline")
#define RT_KEY_STANDIN DUK_HIDDEN_SYMBOL("fint")
/* A function made by the program is tagged with one hidden property: the
 * key "\xFFs<site>" holding its environment (or undefined). */
#define RT_KEY_SITE_PREFIX "\xff" "s"
void rt_push_site_key(duk_context *ctx, uint32_t site);
/* a closure of an inline environment (FERRY_SITE_INLINE_ENV) carries its
 * values under "fi0", "fi1", ... (RT_INLINE_MAX at most) until a snapshot
 * builds the environment array: rt_tag_materialize (snap_install.c) */
#define RT_KEY_INL0    DUK_HIDDEN_SYMBOL("fi0")
#define RT_INLINE_MAX  4
/* For the function at fn tagged with site whose tag carries inline values:
 * make its environment array [enclosing env, values...], store it under its
 * site key, drop the values. 0, or -1 with a message in err. */
int rt_tag_materialize(duk_context *ctx, const ferry_program *prog, duk_idx_t fn,
                       uint32_t site, char *err, size_t errlen);

/* ---- pointer map (snap_map.c): void* -> uint32, open addressing ---- */
typedef struct rt_pmap {
	void    **keys;
	uint32_t *vals;
	size_t    cap, n;   /* cap is a power of two */
} rt_pmap;

int      rt_pmap_init(rt_pmap *m, size_t hint);
void     rt_pmap_free(rt_pmap *m);
/* 1 and *val if found, else 0 */
int      rt_pmap_get(const rt_pmap *m, const void *key, uint32_t *val);
/* insert or overwrite; 0 or -1 (out of memory) */
int      rt_pmap_put(rt_pmap *m, const void *key, uint32_t val);

/* ---- string map (snap_map.c): bytes -> uint32 (paths at restore) ---- */
typedef struct rt_smap {
	const char **keys;   /* borrowed, NUL-terminated */
	uint32_t    *vals;
	size_t       cap, n;
} rt_smap;
int  rt_smap_init(rt_smap *m, size_t hint);
void rt_smap_free(rt_smap *m);
int  rt_smap_get(const rt_smap *m, const char *key, size_t len, uint32_t *val);
int  rt_smap_put(rt_smap *m, const char *key, uint32_t val);

/* ---- built-in baseline (builtins.c) ---- */
/* Record the baseline into the stash (called by rt_snap_install). */
int  rt_builtins_record(duk_context *ctx, char *err, size_t errlen);
/* Push the stash baseline object. */
void rt_builtins_push(duk_context *ctx);
/* Number of built-in objects recorded. */
uint32_t rt_builtins_count(duk_context *ctx);
/* Fill map heapptr -> baseline index (objs[i]). 0 or -1. */
int  rt_builtins_ptrmap(duk_context *ctx, rt_pmap *m);
/* Push the builtin at baseline index i. */
void rt_builtins_push_obj(duk_context *ctx, uint32_t i);
/* Fill map path -> baseline index; the paths stay valid while the
 * baseline lives (they are interned strings held by the stash). */
int  rt_builtins_pathmap(duk_context *ctx, rt_smap *m);
/* Push a built-in found by path ("Math.floor"); 1 if found, else 0
 * (nothing pushed). */
int  rt_builtins_push_path(duk_context *ctx, const char *path);

/* property flag conversion between a Duktape descriptor and WR_PF_* */
uint32_t rt_desc_flags(duk_context *ctx, duk_idx_t desc_idx);
/* with the (baseline) TextDecoder constructor on top, replace it by
 * `new TextDecoder('utf-8', {fatal, ignoreBOM})` for WR_TD_* flags: what
 * the walker compares a decoder with, and what restore makes */
void rt_text_decoder_new(duk_context *ctx, uint32_t flags);

#endif
