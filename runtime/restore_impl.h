/*
 * runtime/restore_impl.h -- state shared by restore.c (checks, order of
 * the passes, properties, patches, timers) and restore_shell.c (creating
 * the object shells, functions through makers, bound functions).
 */
#ifndef FERRY_RESTORE_IMPL_H
#define FERRY_RESTORE_IMPL_H

#include "runtime/snap_impl.h"

/* fixed stack slots of the restore safe call */
enum {
	RS_IDX_OBJS = 0,    /* baseline objs */
	RS_IDX_KEEP,        /* restored objects: keep[id] */
	RS_IDX_SYMS,        /* restored symbols: syms[id] */
	RS_IDX_MAKERS,      /* scratch: the arguments-object maker */
	RS_IDX_INITS,       /* init functions to call, in order */
	RS_IDX_GLOBAL,      /* the global object */
	RS_IDX_COUNT
};

typedef struct rs_state {
	rt_ctx            *rt;
	duk_context       *ctx;
	const wr_snapshot *s;
	rt_smap            paths;    /* baseline path -> index */
	uint8_t           *made;     /* made[id - 1]: shell exists */
	uint32_t           ninits;
	size_t             gc_base;  /* heap bytes after the last mark-and-sweep */
	int                made_functions;   /* maker units were compiled */
	char               envkey[64];
	size_t             envkeylen;
	char              *err;
	size_t             errlen;
	int                failed;
} rs_state;

/* fail: sets err and throws (inside the safe call) */
duk_ret_t rs_fail(rs_state *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* push the heap value for a model value (objects must exist) */
void rs_push_value(rs_state *r, const wr_value *v);
/* push text from the snapshot, refusing bytes Duktape would take for a symbol */
void rs_push_text(rs_state *r, const char *p, size_t len);
/* push a built-in by path, failing if unknown */
void rs_push_builtin(rs_state *r, const char *path, size_t len);
/* index of o's prop with the string key `key`, or -1 */
long rs_find_prop(const wr_object *o, const char *key, size_t len);

/* restore_shell.c */
void rs_symbols(rs_state *r);
void rs_shells(rs_state *r);
void rs_views(rs_state *r);
void rs_functions(rs_state *r);
void rs_bound(rs_state *r);

#endif
