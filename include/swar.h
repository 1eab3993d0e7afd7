/*
 * swar.h: scanning JSON text eight bytes at a time (SIMD within a
 * register), for the two readers that look for a string's end or the
 * next bracket: src/jsparse.c and the element finder of src/jsfile.c
 * (which also counts lines with fp_swar_count).
 * Each returns how many bytes from p on are none of the bytes it looks
 * for; the word test only says whether one is among eight, the bytes are
 * then looked at one by one.
 */
#ifndef FP_SWAR_H
#define FP_SWAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define FP_SWAR_ONES		UINT64_C(0x0101010101010101)
#define FP_SWAR_HIGHS		UINT64_C(0x8080808080808080)
/* Is a byte of w zero; is one below n (n <= 128)? */
#define FP_SWAR_ZERO(w)		(((w) - FP_SWAR_ONES) & ~(w) & FP_SWAR_HIGHS)
#define FP_SWAR_BELOW(w, n)	(((w) - FP_SWAR_ONES * (n)) & ~(w) & FP_SWAR_HIGHS)
#define FP_SWAR_HAS(w, c)	FP_SWAR_ZERO((w) ^ (FP_SWAR_ONES * (c)))

static inline uint64_t
fp_swar_load(const unsigned char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

/* How many of the n bytes from p on are c. A byte of w ^ c*ONES is zero
 * exactly where the high bit of ~(((w & LOWS) + LOWS) | w | LOWS) is set
 * (no borrow, so no false positives); those bits are added up in a byte. */
static inline size_t
fp_swar_count(const unsigned char *p, size_t n, unsigned char c)
{
	const uint64_t lows = FP_SWAR_ONES * 0x7f;
	size_t i = 0, k = 0;

	for (; n - i >= 8; i += 8) {
		uint64_t w = fp_swar_load(p + i) ^ (FP_SWAR_ONES * c);
		uint64_t t = ~(((w & lows) + lows) | w | lows);

		k += (size_t)(((t >> 7) * FP_SWAR_ONES) >> 56);
	}
	for (; i < n; i++)
		k += p[i] == c;
	return k;
}

/* Bytes before a quote, a backslash or a control byte (a JSON string's
 * plain run); *high set when one of them is not ASCII (then the string's
 * UTF-8 is to be checked). */
static inline size_t
fp_swar_string_run(const unsigned char *p, const unsigned char *end, int *high)
{
	const unsigned char *q = p;
	uint64_t any = 0;

	while (end - q >= 8) {
		uint64_t w = fp_swar_load(q);

		if (FP_SWAR_HAS(w, '"') | FP_SWAR_HAS(w, '\\') | FP_SWAR_BELOW(w, 0x20))
			break;
		any |= w;
		q += 8;
	}
	while (q < end && *q != '"' && *q != '\\' && *q >= 0x20)
		any |= *q++;
	if (any & FP_SWAR_HIGHS)
		*high = 1;
	return (size_t)(q - p);
}

/* Bytes before a quote or a backslash. */
static inline size_t
fp_swar_quote_run(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *q = p;

	while (end - q >= 8) {
		uint64_t w = fp_swar_load(q);

		if (FP_SWAR_HAS(w, '"') | FP_SWAR_HAS(w, '\\'))
			break;
		q += 8;
	}
	while (q < end && *q != '"' && *q != '\\')
		q++;
	return (size_t)(q - p);
}

/* Bytes before a quote or a bracket, outside strings. The word test
 * masks bits 0x20, 0x04 and 0x02, so that { } [ ] all read 0x59; it also
 * lets Y _ y and DEL through, which the byte loop then passes over. */
static inline size_t
fp_swar_token_run(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *q = p;

	while (end - q >= 8) {
		uint64_t w = fp_swar_load(q);

		if (FP_SWAR_HAS(w, '"') | FP_SWAR_HAS(w & (FP_SWAR_ONES * 0xD9), 0x59))
			break;
		q += 8;
	}
	while (q < end && *q != '"' && *q != '{' && *q != '}' && *q != '[' && *q != ']')
		q++;
	return (size_t)(q - p);
}

#endif
