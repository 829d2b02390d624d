/* date.h: the date-times of real exports, validated.
 *
 * dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd (also with / or
 * .), each with an optional time before or after it (after spaces, tabs or
 * no-break spaces, or after a 'T' when it follows): H:MM, HH:MM:SS, a
 * fraction of a second of any length after a '.' or a ',' (dropped), then
 * SA/CH or AM/PM (any case, a.m./p.m., a space before or not), then an
 * offset (Z, +07:00, +0700, +07, -05:00; the value is converted to Vietnam
 * time, UTC+7). And yyyymmdd[HHMM[SS]], the one-stop system's own form.
 * With DATE_SERIAL, also Excel serial numbers (1900 system): 1 to 7 digits,
 * an optional fraction after a '.' or a ','. With DATE_MDY, slashed dates
 * are month first. The years, as cchc-check(1) says: 1900 to 9999 for the
 * written forms (after an offset too), 1901 to 2099 for the compact one,
 * 2000 to 2099 for a serial. */
#ifndef CCHC_DATE_H
#define CCHC_DATE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The order argument: DATE_DMY or DATE_MDY, or'ed with DATE_SERIAL where a
 * spreadsheet serial number is a date (a date column of an export), never
 * where it is a mistake (a day typed on a command line: "2024", "45503"). */
enum { DATE_DMY = 0, DATE_MDY = 1, DATE_SERIAL = 2 };
#define DATE_ORDER(order) ((order) & DATE_MDY)

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
	DATE_ENUMBER,	/* a number (a spreadsheet serial) without DATE_SERIAL */
	DATE_ESERIAL,	/* a serial, but not of a day from 2000 to 2099 */
	DATE_ENOTIME,	/* a date with an offset but no time of day */
	DATE_EZONE,	/* no such offset (past 14 hours, or minutes past 59) */
	DATE_EYEAR2,	/* no form, but a day with a year in two digits: 08/15/24 */
	DATE_ECOMPACT,	/* yyyymmdd[HHMM[SS]] of a real day, not of 1901 to 2099 */
};

/* The serials of 1901-01-01 and of 2099-12-31: days since 1899-12-30,
 * Excel's day 0 for every serial past its fake 1900-02-29 (serial 60). */
#define DATE_SERIAL_MIN 36526	/* 2000-01-01: a smaller number in a date
				   column is a count (a total row), not a day */
#define DATE_SERIAL_MAX 73050

/* Parses s[0..n) into t (every field set, days too). Returns DATE_OK or
 * what is wrong. Inline below: the one-stop system's own form. */
static inline int date_parse(const char *s, size_t n, int order, struct dt *t);
/* date_parse for any value: every form (order says which: DATE_DMY or
 * DATE_MDY, | DATE_SERIAL), spaces, tabs and no-break spaces around it,
 * the errors. */
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

/* The digits of yyyymmdd[HHMM[SS]] (n is 8, 12 or 14) as two-digit numbers
 * in 16-bit lanes: *ymd gets the century, the year in it, the month and the
 * day; *hms the hour, minute and second (0 for a part not there), all
 * unchecked. -1 for a non-digit. Two 8-byte loads, the second overlapping
 * the first: no loop over the digits. */
static inline __attribute__((always_inline)) int
date_compact_lanes(const char *s, size_t n, uint64_t *ymd, uint64_t *hms)
{
	uint64_t a, b;

	memcpy(&a, s, 8);
	memcpy(&b, s + n - 8, 8);
	if (date_nondigits8(a) | date_nondigits8(b))
		return -1;
	*ymd = date_pairs8(a);
	b = date_pairs8(b);	/* dd HH MM SS for 14 digits, mm dd HH MM for 12 */
	*hms = n == 8 ? 0 : b >> (n == 14 ? 16 : 32);
	return 0;
}

/* The lanes date_compact_lanes read, into t (days aside). */
static inline __attribute__((always_inline)) void
date_set_lanes(struct dt *t, uint64_t ymd, uint64_t hms, size_t n)
{
	t->y = date_lane(ymd, 0) * 100 + date_lane(ymd, 1);
	t->m = date_lane(ymd, 2);
	t->d = date_lane(ymd, 3);
	t->hh = date_lane(hms, 0);
	t->mi = date_lane(hms, 1);
	t->ss = date_lane(hms, 2);
	t->has_time = n >= 12;
	t->has_sec = n == 14;
}

/* Added to the lanes of hms, these pass 127 (bit 7 of a lane) exactly when
 * the hour passes 23 or the minute or second 59: one test for the three.
 * A lane is at most 99, and 99 + 104 < 256: no carry between lanes. */
#define DATE_HMS_BIAS (104u | 68u << 16 | (uint64_t)68 << 32)
#define DATE_HMS_HIGH (0x80u | 0x80u << 16 | (uint64_t)0x80 << 32)

/* By leap year or not: the days before each month, the days of each (then
 * zeros: a month past 12 has none, for a test that needs no bound). */
static const short date_before[2][12] = {
	{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334},
	{0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335}};
static const unsigned char date_mlen[2][16] = {
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
 * is date_parse_other's, which says what is wrong. Three a row: the tests
 * are one branch. */
static inline __attribute__((always_inline)) int
date_parse_compact(const char *s, size_t n, struct dt *t)
{
	uint64_t ymd, hms;
	int y, m, d, leap, bad;

	if ((n != 14 && n != 8 && n != 12) || date_compact_lanes(s, n, &ymd, &hms) < 0)
		return -1;
	y = date_lane(ymd, 0) * 100 + date_lane(ymd, 1);
	m = date_lane(ymd, 2);
	d = date_lane(ymd, 3);
	leap = (y & 3) == 0;
	bad = ((hms + DATE_HMS_BIAS) & DATE_HMS_HIGH) != 0;
	bad |= (unsigned)(y - 1901) > 2099 - 1901;
	bad |= (unsigned)(m - 1) > 11;
	bad |= (unsigned)(d - 1) >= date_mlen[leap][(m - 1) & 15];
	if (bad)
		return -1;
	date_set_lanes(t, ymd, hms, n);
	t->days = date_days_1901(y, m, d);
	return DATE_OK;
}

/* Two ASCII digits at s as a number; a non-digit sets *bad. */
static inline __attribute__((always_inline)) int
date_two(const char *s, unsigned *bad)
{
	unsigned a = (unsigned)(unsigned char)s[0] - '0', b = (unsigned)(unsigned char)s[1] - '0';

	*bad |= (a > 9) | (b > 9);
	return (int)(a * 10 + b);
}

/* The written forms nearly every export uses, whole, with nothing around
 * them: dd/mm/yyyy (or with - or ., month first with DATE_MDY for the
 * slashed one), yyyy-mm-dd, each alone or with " HH:MM" or " HH:MM:SS"
 * (a 'T' too after yyyy-mm-dd: cchc-check's own output), a year from 1901
 * to 2099, all right: DATE_OK and t set. Any other value, even a good
 * one, is -1: it is date_parse_other's, which says what is wrong. Through
 * date_parse_other such a date took about 300 instructions (scanning the
 * form, then the day, then the clock; callgrind on the quoted export:
 * 12% of cchc-sum), here about 60. fuzz_date checks that the two agree. */
static inline __attribute__((always_inline)) int
date_parse_written(const char *s, size_t n, int order, struct dt *t)
{
	unsigned bad = 0;
	int y, m, d, hh = 0, mi = 0, ss = 0, leap;
	char sep;

	if (n != 10 && n != 16 && n != 19)
		return -1;
	sep = s[2];
	if ((sep == '/' || sep == '-' || sep == '.') && s[5] == sep) {
		int a = date_two(s, &bad), b = date_two(s + 3, &bad);
		if (sep == '/' && DATE_ORDER(order) == DATE_MDY)
			m = a, d = b;
		else
			d = a, m = b;
		y = date_two(s + 6, &bad) * 100 + date_two(s + 8, &bad);
		bad |= n > 10 && s[10] != ' ';
	} else if (s[4] == '-' && s[7] == '-') {
		y = date_two(s, &bad) * 100 + date_two(s + 2, &bad);
		m = date_two(s + 5, &bad);
		d = date_two(s + 8, &bad);
		bad |= n > 10 && s[10] != ' ' && s[10] != 'T';
	} else {
		return -1;
	}
	if (n > 10) {
		hh = date_two(s + 11, &bad);
		mi = date_two(s + 14, &bad);
		bad |= s[13] != ':';
		if (n == 19) {
			ss = date_two(s + 17, &bad);
			bad |= s[16] != ':';
		}
	}
	leap = (y & 3) == 0;
	bad |= (unsigned)(y - 1901) > 2099 - 1901;
	bad |= (unsigned)(m - 1) > 11;
	bad |= (unsigned)(d - 1) >= date_mlen[leap][(m - 1) & 15];
	bad |= (hh > 23) | (mi > 59) | (ss > 59);
	if (bad)
		return -1;
	t->y = y;
	t->m = m;
	t->d = d;
	t->hh = hh;
	t->mi = mi;
	t->ss = ss;
	t->has_time = n > 10;
	t->has_sec = n == 19;
	t->days = date_days_1901(y, m, d);
	return DATE_OK;
}

/* The one-stop system's own form and the common written ones inline: an
 * export has three dates a row. */
static inline __attribute__((always_inline)) int
date_parse(const char *s, size_t n, int order, struct dt *t)
{
	if (date_parse_compact(s, n, t) == DATE_OK || date_parse_written(s, n, order, t) == DATE_OK)
		return DATE_OK;
	return date_parse_other(s, n, order, t);
}

#endif
