/* fieldscan.h: one pass over a field a tool writes back as it read it,
 * saying at once what text_check (fold.h) and out_field (out.h) would look
 * for: a NUL or a byte that is not ASCII (then the field is text only if
 * text_check says so), and what makes out_field quote it (the delimiter, a
 * quote, CR, LF; a space or tab at either end). The field's bytes can be
 * copied on the way, by the loads that scan them.
 *
 * Sixteen bytes at a time with SSE2, a field of 4 to 15 bytes in one
 * vector of two overlapping loads, a shorter one by a class a byte; no
 * byte outside the field is read. */
#ifndef CCHC_FIELDSCAN_H
#define CCHC_FIELDSCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum {
	SCAN_CHECK = 1,	/* a NUL, or a byte >= 0x80: text_check says whether it is text */
	SCAN_QUOTE = 2,	/* out_field would quote it */
	SCAN_EDGE = 4,	/* (a class only: space or tab, quoted at an end) */
};

/* What is looked for with one output delimiter: each byte's class. */
struct scan_set {
	unsigned char cls[256];
	char d;
};

void scan_set_init(struct scan_set *t, char d);

#ifdef __SSE2__
#include <emmintrin.h>

/* The bytes of x to quote for (delimiter vd, '"', LF, CR) are 0xff, and
 * those to check (NUL, >= 0x80) have their high bit set in *chk. */
static inline __m128i
scan16(__m128i x, __m128i vd, __m128i *chk)
{
	const __m128i vq = _mm_set1_epi8('"'), vn = _mm_set1_epi8('\n'), vr = _mm_set1_epi8('\r');

	*chk = _mm_or_si128(x, _mm_cmpeq_epi8(x, _mm_setzero_si128()));
	return _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, vd), _mm_cmpeq_epi8(x, vq)),
	    _mm_or_si128(_mm_cmpeq_epi8(x, vn), _mm_cmpeq_epi8(x, vr)));
}
#endif

/* SCAN_CHECK and SCAN_QUOTE of s[0..n) but the ends' spaces and tabs, a
 * byte at a time by class: where there is no SSE2 (and fuzz_scan's
 * check of the rest). */
static inline unsigned
field_scan_bytes(const struct scan_set *t, const char *s, size_t n)
{
	unsigned f = 0;
	size_t i;

	for (i = 0; i < n; i++)
		f |= t->cls[(unsigned char)s[i]];
	return f & (SCAN_CHECK | SCAN_QUOTE);
}

/* SCAN_CHECK and SCAN_QUOTE of s[0..n); with copy, its bytes copied to
 * p[0..n) on the way (no call to memcpy). */
static inline __attribute__((always_inline)) unsigned
field_scan_copy(const struct scan_set *t, char *p, const char *s, size_t n, int copy)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned c, f;

	if (n == 0)
		return 0;
	c = t->cls[u[0]] | t->cls[u[n - 1]];
	f = c & SCAN_EDGE ? SCAN_QUOTE : 0;
	if (n < 4) {
		if (copy) {
			p[0] = s[0];
			p[n / 2] = s[n / 2];
			p[n - 1] = s[n - 1];
		}
		return f | ((c | t->cls[u[n / 2]]) & (SCAN_CHECK | SCAN_QUOTE));
	}
#ifdef __SSE2__
	{
		const __m128i vd = _mm_set1_epi8(t->d);
		__m128i x, chk, sp, k;
		uint64_t a, b;
		uint32_t e, g;
		size_t i;

		if (n >= 16) {
			sp = chk = _mm_setzero_si128();
			for (i = 0;; i = i + 32 <= n ? i + 16 : n - 16) {	/* the last overlaps */
				x = _mm_loadu_si128((const __m128i *)(s + i));
				if (copy)
					_mm_storeu_si128((__m128i *)(p + i), x);
				sp = _mm_or_si128(sp, scan16(x, vd, &k));
				chk = _mm_or_si128(chk, k);
				if (i + 16 == n)
					break;
			}
		} else {
			if (n >= 8) {
				memcpy(&a, s, 8);
				memcpy(&b, s + n - 8, 8);
				if (copy) {
					memcpy(p, &a, 8);
					memcpy(p + n - 8, &b, 8);
				}
				x = _mm_set_epi64x((long long)b, (long long)a);
			} else {
				memcpy(&e, s, 4);
				memcpy(&g, s + n - 4, 4);
				if (copy) {
					memcpy(p, &e, 4);
					memcpy(p + n - 4, &g, 4);
				}
				x = _mm_set_epi32((int)g, (int)e, (int)g, (int)e);
			}
			sp = scan16(x, vd, &chk);
		}
		/* one test for the usual field, which has neither */
		if (_mm_movemask_epi8(_mm_or_si128(sp, chk))) {
			if (_mm_movemask_epi8(chk))
				f |= SCAN_CHECK;
			if (_mm_movemask_epi8(sp))
				f |= SCAN_QUOTE;
		}
	}
#else
	if (copy)
		memcpy(p, s, n);
	f |= field_scan_bytes(t, s, n);
#endif
	return f;
}

/* SCAN_CHECK and SCAN_QUOTE of s[0..n). */
static inline __attribute__((always_inline)) unsigned
field_scan(const struct scan_set *t, const char *s, size_t n)
{
	return field_scan_copy(t, NULL, s, n, 0);
}

#endif
