/*
 * lexer/lx_number.c -- the value of a numeric literal (ES5.1 7.8.3, plus
 * 0o/0b). Decimal literals go through strtod_l in the C locale (correctly
 * rounded whatever the process locale); hexadecimal, octal and binary ones
 * are accumulated exactly and rounded once, to nearest-even, as the spec's
 * "mathematical value rounded to a Number" requires.
 */
#define _GNU_SOURCE 1
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/lx_impl.h"

static unsigned
digit(lx_byte c)
{
	if (c >= '0' && c <= '9')
		return (unsigned)(c - '0');
	return (unsigned)((c | 0x20) - 'a' + 10);
}

double
lx_num_radix(const lx_byte *p, const lx_byte *e, unsigned bits)
{
	uint64_t m = 0, mant, rem, half;
	int exp = 0, sticky = 0, h, shift;

	for (; p < e; p++) {
		unsigned d = digit(*p);
		if (exp == 0 && m >> (64 - bits) == 0) {
			m = m << bits | d;
		} else {
			/* m already holds at least 61 significant bits: the rest
			 * only matters as "something non-zero was dropped" */
			exp += (int)bits;
			sticky |= d != 0;
		}
	}
	if (m == 0)
		return 0.0;
	h = 63 - __builtin_clzll(m);
	if (h < 53)
		return ldexp((double)m, exp);
	shift = h - 52;
	mant = m >> shift;
	rem = m & ((UINT64_C(1) << shift) - 1);
	half = UINT64_C(1) << (shift - 1);
	if (rem > half || (rem == half && (sticky || (mant & 1))))
		mant++;
	return ldexp((double)mant, shift + exp);
}

double
lx_num_decimal(const lx_lexer *lx, const lx_byte *p, const lx_byte *e)
{
	char buf[128], *tmp = buf;
	size_t n = (size_t)(e - p), i;
	double v;

	/* common case: up to 15 digits are exact in a double */
	if (n <= 15) {
		uint64_t acc = 0;
		for (i = 0; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			acc = acc * 10 + (uint64_t)(p[i] - '0');
		if (i == n)
			return (double)acc;
	}
	/* the raw text is a valid strtod subject ("5.", ".5", "08.5", "1e-7");
	 * copy it so strtod sees exactly the token */
	if (n >= sizeof buf) {
		tmp = malloc(n + 1);
		if (tmp == NULL)
			return strtod_l((const char *)p, NULL, lx->c_locale);
	}
	memcpy(tmp, p, n);
	tmp[n] = '\0';
	v = strtod_l(tmp, NULL, lx->c_locale);
	if (tmp != buf)
		free(tmp);
	return v;
}
