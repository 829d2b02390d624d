/* date.h: the date-times of real exports, validated.
 *
 * dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, each with an
 * optional HH:MM[:SS[.fff]] before or after it (after a space or a 'T'), and
 * yyyymmdd[HHMM[SS]]. With DATE_MDY, slashed dates are month first. */
#ifndef CCHC_DATE_H
#define CCHC_DATE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum { DATE_DMY = 0, DATE_MDY = 1 };

struct dt {
	int y, m, d, hh, mi, ss;
	long days;		/* date_days(y, m, d), set by date_parse */
	unsigned char has_time, has_sec;
};

enum {
	DATE_OK = 0,
	DATE_EFORM,	/* not a date-time in any accepted form */
	DATE_EDAY,	/* the form is right but there is no such day */
	DATE_ETIME,	/* no such time of day */
	DATE_EMDY,	/* no such day, but it is one read month first */
};

/* Parses s[0..n) into t (every field set, days too). Returns DATE_OK or
 * what is wrong. Inline below: the one-stop system's own form. */
static inline int date_parse(const char *s, size_t n, int order, struct dt *t);
/* date_parse for any value: every form, surrounding spaces, the errors. */
int date_parse_other(const char *s, size_t n, int order, struct dt *t);
const char *date_strerror(int err);
/* "2024-01-03" or "2024-01-03T08:15[:00]"; buf holds 20 bytes. t is one
 * date_parse accepted: every field in its range. */
size_t date_format(const struct dt *t, char *buf);
/* Days since 1970-01-01. */
long date_days(int y, int m, int d);
/* Seconds since 1970-01-01 00:00, the time taken as 00:00 when absent;
 * t->days must be set (date_parse sets it). */
static inline long long
date_secs(const struct dt *t)
{
	return (long long)t->days * 86400 + t->hh * 3600 + t->mi * 60 + t->ss;
}
int date_valid(int y, int m, int d);

/* Zero when the 8 bytes of x are all ASCII digits. A digit is 0x30..0x39:
 * its high nibble is 3, and still 3 after adding 6. No carry crosses a
 * byte whose high nibble was 3, and any other byte fails the first test. */
static inline uint64_t
date_nondigits8(uint64_t x)
{
	return ((x & 0xF0F0F0F0F0F0F0F0u) ^ 0x3030303030303030u) |
	    (((x + 0x0606060606060606u) & 0xF0F0F0F0F0F0F0F0u) ^ 0x3030303030303030u);
}

/* Eight ASCII digits (loaded little-endian) as four two-digit numbers, one
 * in the low byte of each 16-bit lane: "20240131" gives 20, 24, 1, 31.
 * Each byte is at most 9 before the multiply: no carry crosses a byte. */
static inline uint64_t
date_pairs8(uint64_t x)
{
	x -= 0x3030303030303030u;
	return (x * 10 + (x >> 8)) & 0x00FF00FF00FF00FFu;
}

static inline int
date_lane(uint64_t x, int k)
{
	return (int)(x >> (16 * k) & 0xff);
}

/* The digits of yyyymmdd[HHMM[SS]] (n is 8, 12 or 14) as y, m, d, hh, mi,
 * ss in f, unchecked (0 for a time not there); -1 for a non-digit. Two
 * 8-byte loads, the second overlapping the first: no loop over the digits. */
static inline __attribute__((always_inline)) int
date_compact_fields(const char *s, size_t n, int f[6])
{
	uint64_t a, b;

	memcpy(&a, s, 8);
	memcpy(&b, s + n - 8, 8);
	if (date_nondigits8(a) | date_nondigits8(b))
		return -1;
	a = date_pairs8(a);
	b = date_pairs8(b);
	f[0] = date_lane(a, 0) * 100 + date_lane(a, 1);
	f[1] = date_lane(a, 2);
	f[2] = date_lane(a, 3);
	f[3] = f[4] = f[5] = 0;
	if (n == 14)	/* b: dd HH MM SS */
		f[3] = date_lane(b, 1), f[4] = date_lane(b, 2), f[5] = date_lane(b, 3);
	else if (n == 12)	/* b: mm dd HH MM */
		f[3] = date_lane(b, 2), f[4] = date_lane(b, 3);
	return 0;
}

/* The fields date_compact_fields read into t. */
static inline __attribute__((always_inline)) void
date_set_compact(struct dt *t, const int f[6], size_t n)
{
	t->y = f[0], t->m = f[1], t->d = f[2];
	t->hh = f[3], t->mi = f[4], t->ss = f[5];
	t->has_time = n >= 12;
	t->has_sec = n == 14;
}

/* By leap year or not: the days before each month, the days of each. */
static const short date_before[2][12] = {
	{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334},
	{0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335}};
static const unsigned char date_mlen[2][12] = {
	{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
	{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}};

/* Days since 1970-01-01 of a day from 1901 to 2099 (month 1 to 12), when
 * every fourth year is a leap year: 365.25 days a year from 1901, and
 * 1970-01-01 is day 25202 of 1901. */
static inline long
date_days_1901(int y, int m, int d)
{
	return ((y - 1901) * 1461L >> 2) - 25202 + date_before[(y & 3) == 0][m - 1] + d - 1;
}

/* yyyymmdd, yyyymmddHHMM or yyyymmddHHMMSS, a year from 1901 to 2099, all
 * right: DATE_OK and t set. Any other value, even a good one, is -1: it
 * is date_parse_other's, which says what is wrong. */
static inline __attribute__((always_inline)) int
date_parse_compact(const char *s, size_t n, struct dt *t)
{
	int f[6], y, m, d;

	if ((n != 14 && n != 8 && n != 12) || date_compact_fields(s, n, f) < 0)
		return -1;
	y = f[0], m = f[1], d = f[2];
	if ((unsigned)(y - 1901) > 2099 - 1901 || (unsigned)(m - 1) > 11 ||
	    (unsigned)(d - 1) >= date_mlen[(y & 3) == 0][m - 1] ||
	    (f[3] > 23) | (f[4] > 59) | (f[5] > 59))
		return -1;
	date_set_compact(t, f, n);
	t->days = date_days_1901(y, m, d);
	return DATE_OK;
}

/* The one-stop system's own form inline: an export has three dates a row. */
static inline __attribute__((always_inline)) int
date_parse(const char *s, size_t n, int order, struct dt *t)
{
	if (date_parse_compact(s, n, t) == DATE_OK)
		return DATE_OK;
	return date_parse_other(s, n, order, t);
}

#endif
