/* num.h: exact numbers in Vietnamese and English style.
 *
 * Counts are int64; decimals are an int64 scaled by a power of ten; no binary
 * floating point anywhere. Parsers return a status and never print. */
#ifndef CCHC_NUM_H
#define CCHC_NUM_H

#include <stddef.h>
#include <stdint.h>

enum {
	NUM_OK = 0,
	NUM_EFORM,	/* not a number */
	NUM_EFRACTION,	/* a count with a fraction: 158.55 */
	NUM_ERANGE,	/* past int64 */
	NUM_ENEG,	/* a count below zero */
};

struct dec {
	int64_t v;	/* value = v / 10^scale */
	int scale;	/* 0..18 */
};

/* A count: 123747, 123.747, 123,747 or 123 747 (groups of three). */
int num_count(const char *s, size_t n, int64_t *v);
/* A decimal in either style, a trailing % allowed (*pct set when present):
 * 99.95, 99,95%, 83,1, 1.234,5, 1,234.5. A single separator is the decimal
 * one; with both, the last is. */
int num_decimal(const char *s, size_t n, struct dec *d, int *pct);
const char *num_strerror(int err);

/* a/b*100 rounded half away from zero to digits (0..15) decimals, exactly;
 * written as "99.50" into buf (64 bytes). b must not be 0. */
size_t num_percent(int64_t a, int64_t b, int digits, char *buf);
/* A count with thousands grouping by sep (0 for none) into buf (32 bytes). */
size_t num_format_count(int64_t v, char sep, char *buf);
/* A decimal written with point as the decimal mark and grouping by sep. */
size_t num_format_dec(struct dec d, char point, char sep, char *buf);
/* Decimals: a + b exactly into *r; returns 0 on overflow. */
int dec_add(struct dec a, struct dec b, struct dec *r);
/* a/b*100 rounded half away from zero to digits decimals; returns 0 on
 * overflow or when b is 0. */
int dec_percent(struct dec a, struct dec b, int digits, struct dec *r);
/* Whether the printed p (its scale is its precision) is a/b*100 to within
 * half a unit of its last digit. b must not be 0. */
int dec_percent_matches(struct dec p, struct dec a, struct dec b);
/* A QĐ 766 score: min(a/b / (target/100), 1) x points, target in %,
 * rounded half away from zero to digits (0..4) decimals, exactly, into *r.
 * Returns 0 unless b > 0, a >= 0, 0 < target <= 100 and 0 <= points <=
 * 1000000, each with at most 4 decimals (what keeps it within 127 bits). */
int dec_score(int64_t a, int64_t b, struct dec target, struct dec points, int digits,
              struct dec *r);
/* Adds with overflow detection: returns 0 on overflow. */
int num_add(int64_t *acc, int64_t x);

#endif
