/*
 * wire/msgpack_ext.h -- constants shared by the msgpack snapshot writer and
 * reader (wire/msgpack_write.c, wire/msgpack_read.c). Internal to wire/.
 * The byte-level layout is documented in doc/snapshot-format.md ("msgpack").
 */
#ifndef FERRY_WIRE_MSGPACK_EXT_H
#define FERRY_WIRE_MSGPACK_EXT_H

#include "wire/wire.h"

/* msgpack application ext types (0..127) */
enum {
	WR_MPX_UNDEFINED = 0,  /* len 0 */
	WR_MPX_REF       = 1,  /* object id, big-endian, 1, 2 or 4 bytes, != 0 */
	WR_MPX_BUILTIN   = 2,  /* built-in path bytes, e.g. "Math.floor" */
	WR_MPX_SYMBOL    = 3,  /* symbol id, big-endian, 1, 2 or 4 bytes, != 0 */
	WR_MPX_RAWSTR    = 4,  /* a string that is not well-formed UTF-8 (lone
	                        * surrogates, arbitrary bytes): the exact bytes */
	WR_MPX_ZBYTES    = 5,  /* an ArrayBuffer's bytes with runs of zeros
	                        * squeezed out: uvarint total, then pairs
	                        * (uvarint literal length, literal bytes,
	                        *  uvarint zero-run length) up to the end */
	WR_MPX_MEMORY    = 6   /* an ArrayBuffer over another one's memory (in
	                        * place of its bytes): 8 bytes, the id of the
	                        * ArrayBuffer holding the bytes, then this one's
	                        * byte length, both big-endian uint32 */
};

/* zero runs shorter than this stay literal */
#define WR_MP_ZRUN_MIN 8u

/* top level: fixarray of WR_MP_TOP_FIELDS, first the magic string */
#define WR_MP_MAGIC       "ferry-snapshot"
#define WR_MP_MAGIC_LEN   14u
#define WR_MP_TOP_FIELDS  13u

/* default property flags: a plain data property (writable, enumerable,
 * configurable) */
#define WR_MP_PF_DEFAULT 7u

/* The longer records of a traceback (u.trace, WR_TR_FRAMES): an ERROR's or
 * an OBJECT's flagged traceback, the traceback's frames, fileName and
 * lineNumber (a string, a string and a number; nil for undefined) after
 * the props; an ERROR's shorter record has the whole stack text instead.
 * Added after version 1 shipped: older readers refuse the longer records. */
#define WR_MP_TRACE_FIELDS 3u  /* frames, fileName, lineNumber */

/* fields of an object record after [kind, flags, proto, props], besides
 * the longer forms above */
static inline unsigned wr_mp_kind_fields(uint32_t kind)
{
	switch (kind) {
	case WR_OBJ_FUNCTION:    return 2;  /* site, env */
	case WR_OBJ_BOUND:       return 3;  /* target, self, [args] */
	case WR_OBJ_DATE:        return 1;  /* time value */
	case WR_OBJ_REGEXP:      return 2;  /* source, flags */
	case WR_OBJ_ERROR:       return 1;  /* stack text (or WR_MP_TRACE_FIELDS) */
	case WR_OBJ_BOOLEAN: case WR_OBJ_NUMBER:
	case WR_OBJ_STRING:  case WR_OBJ_SYMBOL: return 1;  /* the primitive */
	case WR_OBJ_ARRAYBUFFER: return 1;  /* bin */
	case WR_OBJ_PLAINBUFFER: return 2;  /* bin, dynamic (bool) */
	case WR_OBJ_TEXTDECODER: return 1;  /* flags (uint: 1 fatal, 2 ignoreBOM) */
	case WR_OBJ_BUFFER: case WR_OBJ_TYPEDARRAY:
	case WR_OBJ_DATAVIEW:    return 4;  /* elem, buffer, offset, length */
	default:                 return 0;
	}
}

#endif
