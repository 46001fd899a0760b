/*
 * wire/wr_impl.h -- internals shared by the wire/ sources (not installed):
 * output-buffer appends, error formatting, base64 and the "extended UTF-8"
 * check used by the codecs. Nothing here is part of the public contract.
 */
#ifndef FERRY_WR_IMPL_H
#define FERRY_WR_IMPL_H

#include <stdarg.h>
#include "wire/wire.h"

/* ---- errors ---- */
/* err may be NULL. Sets err->offset and "byte N: <fmt>" into err->msg. */
void wr_err_at(wr_error *err, size_t offset, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A message without a byte offset (writers, files, validation). */
void wr_err_set(wr_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* ---- growable arrays: the one growth rule of wire/ (wire/model.c) ----
 * Room for element `count` of an array of capacity *cap elements of elsize
 * bytes: when count == *cap the capacity doubles (from `first`), never
 * reaching UINT32_MAX (counts and ids are uint32) nor overflowing a size_t.
 * 0, or -1 (out of memory, or count at UINT32_MAX - 1) with *arr and *cap
 * unchanged. wr_grow reallocs; wr_grow_arena takes a new block from the
 * snapshot's arena and copies the count elements (the old block stays in
 * the arena). */
int wr_grow(void **arr, uint32_t count, uint32_t *cap, uint32_t first, size_t elsize);
/* wr_grow for a table the decoder keeps for snapshot s: the bytes added
 * count against s's budget (wr_model_budget); s NULL: wr_grow */
int wr_grow_model(wr_snapshot *s, void **arr, uint32_t count, uint32_t *cap, uint32_t first,
                  size_t elsize);
/* Capacity for exactly n elements (when the decoder knows the count): no
 * doubling slack. 0, or -1 with *arr and *cap unchanged. */
int wr_reserve_model(wr_snapshot *s, void **arr, uint32_t *cap, uint32_t n, size_t elsize);
/* Give back the capacity past n (n > 0) of a table grown with
 * wr_grow_model, and its bytes to the budget. */
void wr_shrink_model(wr_snapshot *s, void **arr, uint32_t *cap, uint32_t n, size_t elsize);
typedef enum wr_table { WR_TAB_OBJECTS, WR_TAB_GLOBALS, WR_TAB_SYMBOLS, WR_TAB_TIMERS,
                        WR_TAB_PATCHES } wr_table;
int wr_reserve_table(wr_snapshot *s, wr_table t, uint32_t n);
int wr_grow_arena(wr_snapshot *s, void **arr, uint32_t count, uint32_t *cap, uint32_t first,
                  size_t elsize);

/* ---- output buffer: 0 or -1 when out of memory ---- */
int wr_buf_reserve(wr_buf *b, size_t extra);
int wr_buf_put(wr_buf *b, const void *p, size_t n);
int wr_buf_putc(wr_buf *b, int c);
int wr_buf_puts(wr_buf *b, const char *s);

/* ---- base64 (RFC 4648, padded) ---- */
size_t wr_b64_enc_len(size_t n);
void   wr_b64_encode(const uint8_t *in, size_t n, char *out);
/* Decodes strict padded base64; out must hold (n/4)*3 bytes. Returns the
 * decoded length, or -1 with *bad set to the offset of the first bad char. */
long   wr_b64_decode(const char *in, size_t n, uint8_t *out, size_t *bad);

/* ---- strings ---- */
/* 1 if p[0..n) is UTF-8 where U+D800..U+DFFF may appear as 3-byte
 * sequences (Duktape's internal encoding for lone surrogates); 0 otherwise.
 * Overlong forms and code points above U+10FFFF are rejected. */
int wr_utf8x_valid(const uint8_t *p, size_t n);

/* wr_validate for the decoders: a problem is reported as "byte N: ..." at
 * the start of the offending object (obj_off[id - 1], nobj_off entries) or
 * of its section (sec_off: 0 globals, 1 symbols, 2 timers, 3 patches,
 * 4 objects); a header problem at byte 0. */
int wr_validate_located(const wr_snapshot *s, const size_t sec_off[5],
                        const size_t *obj_off, uint32_t nobj_off, wr_error *err);

/* ---- the decoding budget (wr_limits.max_model) ----
 * A snapshot counts the bytes it allocates (arena chunks, the tables'
 * capacities, decoder tables grown with wr_grow_model or charged with
 * wr_model_charge) against its budget, SIZE_MAX unless set. A refused
 * allocation fails as if out of memory, and wr_model_over tells the
 * decoder to say "needs more than X to decode" (wr_err_model) instead. */
void   wr_model_budget(wr_snapshot *s, size_t max);
int    wr_model_charge(wr_snapshot *s, size_t n);
int    wr_model_over(const wr_snapshot *s);
size_t wr_model_held(const wr_snapshot *s);   /* the peak */
void   wr_err_model(wr_error *err, size_t offset, const wr_limits *lim);

/* Internal: memory of the arena, for inspect and limits. */
size_t wr_arena_bytes(const wr_snapshot *s);

/* Names of enum values (NULL when out of range) and back (-1 if unknown). */
const char *wr_kind_name(uint32_t kind);
int         wr_kind_from(const char *p, size_t n);
const char *wr_elem_name(uint32_t elem);
int         wr_elem_from(const char *p, size_t n);
const char *wr_symkind_name(uint32_t k);
int         wr_symkind_from(const char *p, size_t n);
const char *wr_tkind_name(uint32_t k);
int         wr_tkind_from(const char *p, size_t n);

#endif
