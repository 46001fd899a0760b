/*
 * lexer/lx_text.c -- UTF-8 decoding and line terminators for the lexer:
 * the byte-level helpers the tokenizer, the error reporter and lx_cooked
 * share.
 */
#include <config.h>

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lexer/lx_impl.h"

size_t
lx_utf8_len(const lx_byte *p, const lx_byte *lim)
{
	lx_byte c = p[0];
	size_t n, i;
	uint32_t cp;

	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;               /* continuation byte, or overlong 2-byte lead */
	n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
	if (n == 0 || (size_t)(lim - p) < n)
		return 0;
	for (i = 1; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	cp = lx_utf8_decode(p, n);
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return n;
}

uint32_t
lx_utf8_decode(const lx_byte *p, size_t n)
{
	switch (n) {
	case 1: return p[0];
	case 2: return (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
	case 3: return (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
	default:
		return (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 |
		       (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
	}
}

size_t
lx_utf8_encode(uint32_t cp, lx_byte *out)
{
	if (cp < 0x80) {
		out[0] = (lx_byte)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (lx_byte)(0xC0 | cp >> 6);
		out[1] = (lx_byte)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (lx_byte)(0xE0 | cp >> 12);
		out[1] = (lx_byte)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (lx_byte)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (lx_byte)(0xF0 | cp >> 18);
	out[1] = (lx_byte)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (lx_byte)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (lx_byte)(0x80 | (cp & 0x3F));
	return 4;
}

size_t
lx_lt_len(const lx_byte *p, const lx_byte *lim)
{
	if (p >= lim)
		return 0;
	if (p[0] == '\n')
		return 1;
	if (p[0] == '\r')
		return p + 1 < lim && p[1] == '\n' ? 2 : 1;
	if (p[0] == 0xE2 && lim - p >= 3 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
		return 3;
	return 0;
}

const lx_byte *
lx_ascii_run(const lx_byte *p, const lx_byte *e, const lx_byte *readable)
{
	uint64_t x;

#ifdef __SSE2__
	/* 16 bytes at a time: the high bits gathered by one instruction */
	while (p < e && readable - p >= 16) {
		int m = _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)p));
		if (m != 0) {
			p += __builtin_ctz((unsigned)m);
			return p < e ? p : e;
		}
		p += 16;
	}
#endif
	while (p < e && readable - p >= 8) {
		memcpy(&x, p, 8);
		if (x & UINT64_C(0x8080808080808080))
			break;
		p += 8;
	}
	while (p < e && *p < 0x80)
		p++;
	return p < e ? p : e;
}

/* Continuation bytes (10xxxxxx) in the 8 bytes of x, where only the first
 * k (1..8, in memory order) count. Branch-free: the gaps it is called on
 * have unpredictable lengths. */
static inline uint32_t
cont_bytes(uint64_t x, size_t k)
{
	unsigned drop = 8 * (8 - (unsigned)k);   /* bits of the bytes past k: 0..56 */

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = x >> drop << drop;
#else
	x = x << drop >> drop;
#endif
	/* bit 7 set and bit 6 clear; the shift moves each byte's bit 6 to its
	 * bit 7 (what crosses into the next byte is masked off). Then one bit
	 * per byte at bit 0, summed by a multiply (no popcnt on baseline x86-64). */
	x = (x & ~(x << 1) & UINT64_C(0x8080808080808080)) >> 7;
	return (uint32_t)((x * UINT64_C(0x0101010101010101)) >> 56);
}

uint32_t
lx_count_cp(const lx_byte *p, const lx_byte *e, const lx_byte *readable)
{
	uint32_t n = (uint32_t)(e - p);
	uint64_t x;
	size_t k;

	/* Called once per token for the gap since the previous one, usually a
	 * few bytes: whole words, the last one masked, and no per-byte loop
	 * (its exit branch is what costs). Needs 8 readable bytes at p. */
	while (p < e && readable - p >= 8) {
		k = (size_t)(e - p);
		memcpy(&x, p, 8);
		n -= cont_bytes(x, k < 8 ? k : 8);
		if (k <= 8)
			return n;
		p += 8;
	}
	for (; p < e; p++)
		n -= (*p & 0xC0) == 0x80;
	return n;
}
