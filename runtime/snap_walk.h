/*
 * runtime/snap_walk.h -- the snapshot walker's state, shared by
 * snap_walk.c (the walk), snap_roots.c (globals, patches, timers) and
 * snap_path.c (naming a value's path for error messages).
 */
#ifndef FERRY_SNAP_WALK_H
#define FERRY_SNAP_WALK_H

#include "runtime/snap_impl.h"

/* how an object was first reached (for paths in error messages) */
enum {
	SW_E_GLOBAL = 1,  /* a: index in s->globals (b: 0 value, 1 getter, 2 setter) */
	SW_E_PATCH,       /* a: index in s->patches (b as above) */
	SW_E_TIMER,       /* a: timer index, b: 0 callback, i+1 argument i */
	SW_E_PROP,        /* parent: object id, a: prop index, b as SW_E_GLOBAL */
	SW_E_PROTO,       /* parent: object id */
	SW_E_ENV,         /* parent: function id: its environment */
	SW_E_BTARGET,     /* parent: bound function id */
	SW_E_BTHIS,
	SW_E_BARG,        /* a: argument index */
	SW_E_VIEWBUF      /* parent: view id: its ArrayBuffer */
};

typedef struct sw_edge {
	uint32_t parent;  /* object id, 0 for roots */
	uint16_t kind;    /* SW_E_* */
	uint32_t a, b;
} sw_edge;

/* stack slots of the walker's safe call (fixed indices) */
enum {
	SW_IDX_BASE = 0,       /* baseline object */
	SW_IDX_OBJS,           /* baseline objs */
	SW_IDX_PATHS,          /* baseline paths */
	SW_IDX_PROPS,          /* baseline props */
	SW_IDX_ISEXT,          /* Object.isExtensible */
	SW_IDX_ISSEALED,       /* Object.isSealed */
	SW_IDX_ISFROZEN,       /* Object.isFrozen */
	SW_IDX_GETTIME,        /* Date.prototype.getTime */
	SW_IDX_RESOURCE,       /* RegExp.prototype.source getter */
	SW_IDX_REGLOBAL,       /* RegExp.prototype.global getter (not .flags: */
	SW_IDX_REICASE,        /* .ignoreCase      that one reads the three   */
	SW_IDX_REMULTI,        /* .multiline       by [[Get]], so a program's */
	                       /* own `global` or a patched getter would run) */
	SW_IDX_ERRSTACK,       /* Error.prototype.stack getter */
	SW_IDX_ERRFILE,        /* Error.prototype.fileName getter */
	SW_IDX_ERRLINE,        /* Error.prototype.lineNumber getter */
	SW_IDX_TABUF,          /* %TypedArray%.prototype.buffer getter */
	SW_IDX_DVBUF,          /* DataView.prototype.buffer getter */
	SW_IDX_BOOLVAL,        /* Boolean.prototype.valueOf */
	SW_IDX_NUMVAL,
	SW_IDX_STRVAL,
	SW_IDX_SYMVAL,
	SW_IDX_BUFPROTO,       /* Buffer.prototype (Node-style Buffer) */
	SW_IDX_TDCTOR,         /* TextDecoder */
	SW_IDX_TDFATAL,        /* TextDecoder.prototype.fatal getter */
	SW_IDX_TDIGNBOM,       /* TextDecoder.prototype.ignoreBOM getter */
	SW_IDX_STRPROTO,       /* String.prototype */
	SW_IDX_GLOBAL,         /* the global object */
	SW_IDX_KEEPSTR,        /* array keeping cached strings/symbols alive */
	SW_IDX_K_VALUE,        /* descriptor keys, pushed once: "value" */
	SW_IDX_K_WRITABLE,     /* "writable" */
	SW_IDX_K_ENUMERABLE,   /* "enumerable" */
	SW_IDX_K_CONFIGURABLE, /* "configurable" */
	SW_IDX_K_GET,          /* "get" */
	SW_IDX_K_SET,          /* "set" */
	SW_IDX_COUNT
};

/* the built-in baseline as C arrays: recorded with the baseline (builtins.c)
 * into a fixed buffer kept in the baseline object, so the heap pointers in it
 * stay valid (the baseline arrays hold the keys and values) */
enum { SW_BV_UNDEF, SW_BV_NULL, SW_BV_FALSE, SW_BV_TRUE, SW_BV_NUM, SW_BV_HEAP,
       SW_BV_OTHER /* accessors, other types: compared by Duktape */ };
typedef struct sw_blent {
	void    *key;     /* interned key (string or symbol) */
	union {
		double num;
		void  *h;     /* string/object/buffer heap pointer */
	} u;
	uint8_t  flags;   /* WR_PF_* at install time */
	uint8_t  vt;      /* SW_BV_* */
} sw_blent;
#define SW_BL_NFNS 22
typedef struct sw_blcache {
	uint32_t  nobj, nent;
	uint32_t  fns_done;
	uint32_t  fns[SW_BL_NFNS];  /* baseline indices of the walker's natives */
	uint32_t *off;              /* entries of object i: [off[i], off[i+1]) */
	sw_blent *ent;
} sw_blcache;
#define SW_BLC_KEY DUK_HIDDEN_SYMBOL("blcache")
/* bytes of a cache buffer for nobj objects and nent entries; the views */
size_t sw_blcache_size(uint32_t nobj, uint32_t nent);
void   sw_blcache_view(sw_blcache *c, uint8_t *data);
/* the entry for key at kidx, value (or getter) at vidx, flags f */
void   sw_blent_set(duk_context *ctx, sw_blent *e, duk_idx_t kidx, duk_idx_t vidx, uint32_t f);

/* the memory of a plain buffer or an ArrayBuffer (snap_walk.c: shared ones) */
typedef struct sw_mem {
	uintptr_t lo, hi;        /* [lo, hi); empty for a buffer of 0 bytes */
	uint32_t  id;
	int       plain;
} sw_mem;

typedef struct sw_state {
	rt_ctx        *rt;
	duk_context   *ctx;
	wr_snapshot   *s;
	rt_pmap        ids;      /* heapptr -> object id */
	rt_pmap        bl;       /* heapptr -> baseline index */
	rt_pmap        syms;     /* symbol hstring -> symbol id */
	rt_pmap        strs;     /* hstring -> index in strcache */
	wr_str        *strcache;
	size_t         nstr, capstr, nkeep;
	wr_str        *blpaths;  /* baseline paths copied into the arena (lazily) */
	sw_blcache     blc;      /* the baseline as C arrays (pointers into a buffer) */
	uint32_t       nbl;
	void         **ptrs;     /* ptrs[id - 1]: heap pointer of object id */
	sw_edge       *edges;    /* edges[id - 1] */
	size_t         cap;
	const char    *envkey;   /* "<prefix>p" */
	size_t         envkeylen;
	wr_value       curkey;   /* key whose value is being converted (paths) */
	wr_prop       *tmp;      /* props of the object being processed */
	size_t         ntmp, captmp;
	void          *strproto; /* String.prototype (sw_bare_string) */
	sw_mem        *mems;     /* memory of plain buffers and ArrayBuffers */
	size_t         nmem, capmem;
	double         now;      /* the clock when the snapshot began (timers' delays) */
	char          *err;
	size_t         errlen;
	int            failed;
} sw_state;

/* snap_walk.c */
int  sw_value(sw_state *w, duk_idx_t idx, wr_value *out, const sw_edge *edge);
int  sw_key(sw_state *w, duk_idx_t idx, wr_value *out);
/* the baseline Object.isExtensible (fn SW_IDX_ISEXT), isSealed or isFrozen of obj */
int  sw_is_level(duk_context *ctx, duk_idx_t fn, duk_idx_t obj);
int  sw_process(sw_state *w, uint32_t id);
/* WR_PF_* flags of the descriptor object at d (as rt_desc_flags, with the
 * key strings of the stack slots SW_IDX_K_*: no literal interning); cuts the
 * descriptor's prototype first, so sw_desc_get reads own fields only */
uint32_t sw_desc_flags(duk_context *ctx, duk_idx_t d);
/* push the field at key slot k (SW_IDX_K_*) of the descriptor at d */
void sw_desc_get(duk_context *ctx, duk_idx_t d, duk_idx_t k);
/* snap_roots.c */
/* find or build the baseline cache into w->blc; fns: the SW_BL_NFNS paths
 * of the walker's natives (UINT32_MAX index when missing); 0 or -1 */
int  sw_blcache_load(sw_state *w, const char *const *fns);
int  sw_roots(sw_state *w);
/* snap_path.c: write "<path>" of the value reached by edge into buf */
void sw_path(sw_state *w, const sw_edge *edge, char *buf, size_t len);
/* fail with "<path>: message" (printf style) */
int  sw_fail(sw_state *w, const sw_edge *edge, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
