/*
 * wire/wire.h -- the wire module's public face (prefix wr_).
 *
 * wire/ owns the snapshot *model* (a flat, versioned table of values and
 * objects, with no code in it) and its codecs: JSON (hand-written writer,
 * Ragel-scanned reader) and msgpack (msgpack-c). It knows nothing of
 * Duktape: runtime/ converts heap <-> model, wire/ converts model <-> bytes.
 * Decoders treat every input as hostile (wr_limits) and report the byte
 * offset and reason of the first problem.
 *
 * Model
 * -----
 * A snapshot is a table of objects, indexed by id = position + 1 (0 is never
 * a valid id). Values refer to objects by id, so shared references and
 * cycles need nothing special. Strings are byte strings in Duktape's internal
 * encoding (UTF-8, where code points U+D800..U+DFFF -- lone surrogates -- are
 * 3-byte sequences); codecs carry them exactly.
 * All memory of a snapshot lives in its arena and dies with wr_snapshot_free.
 */
#ifndef FERRY_WIRE_H
#define FERRY_WIRE_H

#include <stddef.h>
#include <stdint.h>

#define WR_FORMAT_VERSION 1u

typedef enum wr_vtype {
	WR_UNDEFINED = 0,
	WR_NULL,
	WR_FALSE,
	WR_TRUE,
	WR_NUMBER,   /* any double: -0, NaN, +-Infinity kept exactly */
	WR_STRING,
	WR_REF,      /* object by id */
	WR_BUILTIN,  /* built-in object by path, e.g. "Math.floor", "Array.prototype" */
	WR_SYMBOL    /* symbol by id into the symbol table */
} wr_vtype;

typedef struct wr_str {
	const char *ptr;   /* not NUL-terminated in general */
	uint32_t    len;
} wr_str;

typedef struct wr_value {
	uint32_t type;     /* wr_vtype */
	union {
		double   num;
		wr_str   str;      /* WR_STRING, WR_BUILTIN (the path) */
		uint32_t ref;      /* WR_REF: object id; WR_SYMBOL: symbol id */
	} u;
} wr_value;

/* property flags */
enum {
	WR_PF_WRITABLE     = 1u << 0,
	WR_PF_ENUMERABLE   = 1u << 1,
	WR_PF_CONFIGURABLE = 1u << 2,
	WR_PF_ACCESSOR     = 1u << 3   /* value = getter, setter = setter */
};

typedef struct wr_prop {
	wr_value key;      /* WR_STRING or WR_SYMBOL */
	uint32_t flags;    /* WR_PF_* */
	wr_value value;    /* data value, or getter (undefined if none) */
	wr_value setter;   /* accessor only (undefined if none) */
} wr_prop;

typedef enum wr_okind {
	WR_OBJ_OBJECT = 0,  /* ordinary object (including closure environments) */
	WR_OBJ_ARRAY,       /* props hold indices and "length" */
	WR_OBJ_FUNCTION,    /* closure of a program site: u.fn */
	WR_OBJ_BOUND,       /* bound function: u.bound */
	WR_OBJ_DATE,        /* u.num: time value */
	WR_OBJ_REGEXP,      /* u.regexp; lastIndex is an ordinary prop */
	WR_OBJ_ERROR,       /* u.trace: stack text, fileName, lineNumber; name/message are props */
	WR_OBJ_BOOLEAN,     /* boxed primitive: u.prim */
	WR_OBJ_NUMBER,
	WR_OBJ_STRING,
	WR_OBJ_SYMBOL,
	WR_OBJ_ARGUMENTS,   /* an arguments object (unmapped after restore) */
	WR_OBJ_ARRAYBUFFER, /* u.bytes */
	WR_OBJ_BUFFER,      /* Node-style Buffer: u.view (buffer = its ArrayBuffer) */
	WR_OBJ_TYPEDARRAY,  /* u.view */
	WR_OBJ_DATAVIEW,    /* u.view */
	WR_OBJ_PLAINBUFFER, /* a Duktape plain buffer (a value, not an object: no props,
	                     * prototype Uint8Array.prototype, not extensible): u.bytes,
	                     * u.bytes.dynamic for Duktape's dynamic variant. Added after
	                     * version 1 shipped; see doc/snapshot-format.md 1 */
	WR_OBJ_TEXTDECODER, /* a TextDecoder between two decodes: u.textdec (its state is
	                     * Duktape's; added after PLAINBUFFER) */
	WR_OBJ_KIND_COUNT
} wr_okind;

/* what a traceback gives (u.trace.has). Duktape's stack getter reads
 * String(error) and then the traceback's frames, each "\n    at ...":
 * WR_TR_FRAMES says u.trace.stack holds those frames alone (the first line
 * is made again at each read), else the whole text read at the snapshot (an
 * ERROR of an older snapshot). An OBJECT flagged WR_OF_TRACEBACK has
 * frames, or nothing (an older snapshot gave its text as an own `stack`
 * property). WR_TR_FILE and WR_TR_LINE (with frames only): the fileName and
 * lineNumber getters gave a string / a number (else undefined). Added after
 * version 1 shipped; doc/snapshot-format.md 1 */
enum { WR_TR_FRAMES = 1u << 0, WR_TR_FILE = 1u << 1, WR_TR_LINE = 1u << 2 };

/* TextDecoder options (u.textdec.flags) */
enum { WR_TD_FATAL = 1u << 0, WR_TD_IGNORE_BOM = 1u << 1 };

/* element types of typed arrays (u.view.elem) */
typedef enum wr_elem {
	WR_ELEM_UINT8 = 0, WR_ELEM_UINT8CLAMPED, WR_ELEM_INT8, WR_ELEM_UINT16,
	WR_ELEM_INT16, WR_ELEM_UINT32, WR_ELEM_INT32, WR_ELEM_FLOAT32,
	WR_ELEM_FLOAT64, WR_ELEM_COUNT
} wr_elem;

/* object flags */
enum {
	WR_OF_EXTENSIBLE = 1u << 0,
	WR_OF_ENV        = 1u << 1,  /* a closure environment made by instrumented code (for inspect) */
	/* what Object.isSealed / Object.isFrozen said of a non-extensible
	 * object. Duktape counts its internal keys (a TextDecoder's state, a
	 * Date's value, an error's traceback...) there, and the properties
	 * alone cannot tell their attributes. Added after version 1 shipped
	 * (older readers refuse them); see doc/snapshot-format.md 1 */
	WR_OF_SEALED     = 1u << 2,
	WR_OF_FROZEN     = 1u << 3,  /* implies WR_OF_SEALED */
	/* an ordinary object to which Duktape gave a traceback when it was
	 * made (`new` of a function whose prototype inherits from
	 * Error.prototype): an internal key that counts in Object.isSealed/
	 * isFrozen as an Error's does. Added with SEALED and FROZEN */
	WR_OF_TRACEBACK  = 1u << 4
};
#define WR_OF_ALL (WR_OF_EXTENSIBLE | WR_OF_ENV | WR_OF_SEALED | WR_OF_FROZEN | WR_OF_TRACEBACK)

typedef struct wr_object {
	uint32_t kind;     /* wr_okind */
	uint32_t flags;    /* WR_OF_* */
	wr_value proto;    /* WR_REF, WR_BUILTIN or WR_NULL */
	wr_prop *props;    /* own properties in insertion order */
	uint32_t nprops;
	union {
		struct { uint32_t site; wr_value env; } fn;
		struct { wr_value target, self; wr_value *args; uint32_t nargs; } bound;
		double num;                                   /* DATE */
		struct { wr_str source, flags; } regexp;
		/* ERROR, and OBJECT with WR_OF_TRACEBACK: what Duktape's
		 * Error.prototype stack, fileName and lineNumber getters read
		 * from the traceback made with the object (has: WR_TR_*;
		 * stack: the frames, or the whole text) */
		struct { wr_str stack, file; double line; uint32_t has; } trace;
		wr_value prim;                                /* BOOLEAN/NUMBER/STRING/SYMBOL */
		struct { const uint8_t *ptr; uint32_t len; uint32_t dynamic; uint32_t memory; } bytes;
		/* ARRAYBUFFER, PLAINBUFFER (dynamic: 0 or 1, PLAINBUFFER only).
		 * memory (ARRAYBUFFER only): 0, or the id of a PLAINBUFFER or of
		 * another ARRAYBUFFER, with memory 0 and at least len bytes, whose
		 * memory this one starts at too (Duktape makes such ArrayBuffer
		 * objects for views and their subarrays and slices, and for
		 * `pb.buffer`); ptr is then NULL, len this one's byte length, and
		 * the bytes are that one's */
		struct { uint32_t elem; wr_value buffer; uint32_t offset, length; } view;
		struct { uint32_t flags; } textdec;   /* WR_TD_* */
		/* view.length: element count (TYPEDARRAY, BUFFER) or bytes (DATAVIEW) */
	} u;
} wr_object;

/* symbols referenced from values or keys */
typedef enum wr_symkind {
	WR_SYM_LOCAL = 0,   /* Symbol(desc): restored once per id */
	WR_SYM_GLOBAL,      /* Symbol.for(key) */
	WR_SYM_WELLKNOWN    /* Symbol.iterator etc.: desc holds the name "iterator" */
} wr_symkind;

typedef struct wr_symbol {
	uint32_t kind;     /* wr_symkind */
	int      has_desc; /* Symbol() vs Symbol(undefined) vs Symbol("x") */
	wr_str   desc;
} wr_symbol;

typedef enum wr_tkind { WR_TIMER_TIMEOUT = 0, WR_TIMER_INTERVAL, WR_TIMER_IMMEDIATE } wr_tkind;

typedef struct wr_timer {
	uint32_t kind;       /* wr_tkind */
	double   id;         /* the id the program saw (setTimeout's return value) */
	double   remaining;  /* ms until due, >= 0 (0 for immediates) */
	double   period;     /* interval period in ms (intervals only) */
	uint64_t seq;        /* creation order: ties on due time run in seq order */
	wr_value callback;
	wr_value *args;
	uint32_t nargs;
} wr_timer;

/* A modified built-in property (polyfills, monkey patches): holder is a
 * WR_BUILTIN path; the prop is its new state (or deleted). Or, when
 * integrity is set, the holder's integrity level (Object.preventExtensions,
 * seal, freeze of a built-in: the strongest that held); prop is then
 * unused (its key undefined, so one holder has at most one). */
enum { WR_INTEGRITY_NONEXT = 1, WR_INTEGRITY_SEALED = 2, WR_INTEGRITY_FROZEN = 3 };
typedef struct wr_patch {
	wr_str   holder;     /* e.g. "Array.prototype" */
	int      deleted;    /* 1: prop.key was removed from the built-in */
	int      integrity;  /* 0, or WR_INTEGRITY_* (then deleted is 0) */
	wr_prop  prop;
} wr_patch;

typedef struct wr_snapshot {
	uint32_t version;        /* WR_FORMAT_VERSION */
	uint8_t  hash[32];       /* program hash */
	double   created;        /* ms since the epoch */
	double   next_timer_id;  /* runtime counters carried across hops */
	uint64_t next_seq;
	uint32_t loop_phase;     /* event-loop position at the snapshot (rt.h RT_PHASE_*, < 16) */
	uint64_t phase_seq;      /* ... and the seq bound within that phase; 0/0 = new iteration */
	wr_prop   *globals;  uint32_t nglobals;  /* user globals, in insertion order */
	wr_object *objects;  uint32_t nobjects;  /* id = index + 1 */
	wr_symbol *symbols;  uint32_t nsymbols;  /* symbol id = index + 1 */
	wr_timer  *timers;   uint32_t ntimers;
	wr_patch  *patches;  uint32_t npatches;
	struct wr_arena *arena;  /* owns everything above */
} wr_snapshot;

/* ---- building a snapshot (runtime side) ---- */
wr_snapshot *wr_snapshot_new(void);
void         wr_snapshot_free(wr_snapshot *s);
/* Arena allocation tied to the snapshot; NULL when out of memory. */
void        *wr_alloc(wr_snapshot *s, size_t n);
/* Copy bytes into the arena (strings that must outlive their source). */
int          wr_strdup(wr_snapshot *s, const char *p, size_t n, wr_str *out);
/* Growable arrays: append one element, returning it (NULL when out of memory). */
wr_object   *wr_add_object(wr_snapshot *s, uint32_t *id_out);
wr_prop     *wr_add_prop(wr_snapshot *s, wr_object *o);
wr_prop     *wr_add_global(wr_snapshot *s);
wr_symbol   *wr_add_symbol(wr_snapshot *s, uint32_t *id_out);
wr_timer    *wr_add_timer(wr_snapshot *s);
wr_patch    *wr_add_patch(wr_snapshot *s);
/* make p the holder's integrity level (WR_INTEGRITY_*): no property */
void         wr_patch_integrity(wr_patch *p, int level);

/* ---- limits for decoding hostile input ---- */
typedef struct wr_limits {
	size_t   max_bytes;     /* whole input */
	uint32_t max_depth;     /* container nesting in the encoding */
	uint32_t max_string;    /* bytes of one string */
	uint32_t max_objects;   /* objects in the table */
	uint32_t max_props;     /* properties of one object */
	size_t   max_model;     /* bytes the decoder may allocate for the model:
	                         * arena chunks, tables, its own tables */
} wr_limits;
/* The model can be much larger than its input (doc/snapshot-format.md 5):
 * max_model is WR_MODEL_RATIO bytes per input byte, plus WR_MODEL_SLACK for
 * the fixed costs (first arena chunk, key tables), by default and for
 * wr_limits_input. */
#define WR_MODEL_RATIO 32u
#define WR_MODEL_SLACK ((size_t)1 << 20)
void wr_limits_default(wr_limits *l);
/* max_bytes = max_bytes, max_model = wr_model_limit(max_bytes) */
void wr_limits_input(wr_limits *l, size_t max_bytes);
/* WR_MODEL_RATIO * max_bytes + WR_MODEL_SLACK, SIZE_MAX when that overflows */
size_t wr_model_limit(size_t max_bytes);

/* ---- errors ---- */
typedef struct wr_error {
	size_t offset;          /* byte offset of the problem (decoders) */
	char   msg[256];        /* "byte 123: expected ':' after key" */
} wr_error;

typedef enum wr_format { WR_FMT_UNKNOWN = 0, WR_FMT_JSON, WR_FMT_MSGPACK } wr_format;

/* growable output buffer */
typedef struct wr_buf { uint8_t *data; size_t len, cap; } wr_buf;
void wr_buf_free(wr_buf *b);

/* Structural validation of a model (every ref in range, kinds consistent,
 * etc.), shared by decoders and by tools. Returns 0 or -1 with err set. */
int wr_validate(const wr_snapshot *s, wr_error *err);

/* ---- codecs: 0 on success, -1 with err filled ---- */
int wr_json_write(const wr_snapshot *s, wr_buf *out, int pretty, wr_error *err);
int wr_json_read(const void *data, size_t len, const wr_limits *lim,
                 wr_snapshot **out, wr_error *err);
int wr_msgpack_write(const wr_snapshot *s, wr_buf *out, wr_error *err);
int wr_msgpack_read(const void *data, size_t len, const wr_limits *lim,
                    wr_snapshot **out, wr_error *err);
wr_format wr_detect(const void *data, size_t len);
/* Decode either format (detected). */
int wr_read(const void *data, size_t len, const wr_limits *lim,
            wr_snapshot **out, wr_error *err);
int wr_write(const wr_snapshot *s, wr_format fmt, wr_buf *out, wr_error *err);

/* Write a file atomically: temp file in the same directory, fsync, rename,
 * fsync of the directory; stale temp files of PATH that a killed writer left
 * are removed (wire/file.c). 0 or -1 with err->msg set. */
int wr_write_file_atomic(const char *path, const void *data, size_t len, wr_error *err);
/* Read a whole file, refusing files larger than max_bytes. */
int wr_read_file(const char *path, size_t max_bytes, uint8_t **data, size_t *len, wr_error *err);

#endif
