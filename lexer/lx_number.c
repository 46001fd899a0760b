/*
 * lexer/lx_number.c -- the value of a numeric literal (ES5.1 7.8.3, plus
 * 0o/0b). Decimal literals with few digits take an exact fast path;
 * the others go through strtod_l in the C locale (correctly rounded
 * whatever the process locale); hexadecimal, octal and binary ones
 * are accumulated exactly and rounded once, to nearest-even, as the spec's
 * "mathematical value rounded to a Number" requires.
 */
#define _GNU_SOURCE 1
#include <config.h>

#include <float.h>
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

/* Clinger's fast path: a literal whose significant digits fit in 15
 * decimal digits (so exactly in a double) and whose decimal exponent is
 * within +-22 (10^22 is the largest exact power of ten) is one exact
 * multiplication or division, which IEEE 754 rounds correctly. Needs
 * double arithmetic without extended precision (FLT_EVAL_METHOD 0, as on
 * x86-64 and AArch64); elsewhere every literal takes strtod_l. Returns 0
 * if the literal is outside the fast path. */
static int
fast_decimal(const lx_byte *p, const lx_byte *e, double *out)
{
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
	static const double pow10[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
	};
	uint64_t m = 0;
	int ndig = 0, scale = 0, x = 0, xneg = 0, frac = 0;
	unsigned d;

	for (; p < e; p++) {
		if (*p == '.') {
			frac = 1;
			continue;
		}
		d = (unsigned)(*p - '0');
		if (d > 9)
			break;
		if (m == 0 && d == 0) {
			/* leading zeros are not significant */
			scale -= frac;
			continue;
		}
		if (++ndig > 15)
			return 0;
		m = m * 10 + d;
		scale -= frac;
	}
	if (p < e) {
		/* exponent: [eE] [+-]? digits (the lexer matched it) */
		p++;
		if (*p == '+' || *p == '-')
			xneg = *p++ == '-';
		for (; p < e; p++) {
			if (x > 1000)
				return 0;
			x = x * 10 + (*p - '0');
		}
		scale += xneg ? -x : x;
	}
	if (m == 0) {
		*out = 0.0;
		return 1;
	}
	if (scale < -22 || scale > 22)
		return 0;
	*out = scale < 0 ? (double)m / pow10[-scale] : (double)m * pow10[scale];
	return 1;
#else
	(void)p;
	(void)e;
	(void)out;
	return 0;
#endif
}

double
lx_num_decimal(const lx_lexer *lx, const lx_byte *p, const lx_byte *e)
{
	char buf[128], *tmp = buf;
	size_t n = (size_t)(e - p);
	double v;

	if (fast_decimal(p, e, &v))
		return v;
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
