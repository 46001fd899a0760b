/*
 * wire/msgpack_ext.h -- constants shared by the msgpack snapshot writer and
 * reader (wire/msgpack_write.c, wire/msgpack_read.c). Internal to wire/.
 * The byte-level layout is documented in doc/snapshot-format.md ("msgpack").
 */
#ifndef FERRY_WIRE_MSGPACK_EXT_H
#define FERRY_WIRE_MSGPACK_EXT_H

/* msgpack application ext types (0..127) */
enum {
	WR_MPX_UNDEFINED = 0,  /* len 0 */
	WR_MPX_REF       = 1,  /* object id, big-endian, 1, 2 or 4 bytes, != 0 */
	WR_MPX_BUILTIN   = 2,  /* built-in path bytes, e.g. "Math.floor" */
	WR_MPX_SYMBOL    = 3,  /* symbol id, big-endian, 1, 2 or 4 bytes, != 0 */
	WR_MPX_RAWSTR    = 4   /* a string that is not well-formed UTF-8 (lone
	                        * surrogates, arbitrary bytes): the exact bytes */
};

/* top level: fixarray of WR_MP_TOP_FIELDS, first the magic string */
#define WR_MP_MAGIC       "ferry-snapshot"
#define WR_MP_MAGIC_LEN   14u
#define WR_MP_TOP_FIELDS  13u

/* default property flags: a plain data property (writable, enumerable,
 * configurable) */
#define WR_MP_PF_DEFAULT 7u

#endif
