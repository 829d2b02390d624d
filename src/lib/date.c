#include <stdint.h>
#include <string.h>

#include "date.h"

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static inline int
valid_day(int y, int m, int d)
{
	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= date_mlen[leap(y)][m - 1];
}

int
date_valid(int y, int m, int d)
{
	return valid_day(y, m, d);
}

/* Reads exactly k digits at s into *v. */
static int
digits(const char *s, int k, int *v)
{
	int i, x = 0;

	for (i = 0; i < k; i++) {
		if (!is_digit(s[i]))
			return 0;
		x = x * 10 + (s[i] - '0');
	}
	*v = x;
	return 1;
}

/* Reads 1..max digits; returns how many. */
static size_t
number(const char *s, size_t n, size_t max, int *v)
{
	size_t i = 0;
	int x = 0;

	while (i < n && i < max && is_digit(s[i]))
		x = x * 10 + (s[i++] - '0');
	if (i < n && is_digit(s[i]))
		return 0;	/* too many digits */
	*v = x;
	return i;
}

/* The length of the blank at s[i] (i < n): a space, a tab, a no-break
 * space (U+00A0) or a narrow one (U+202F, Excel in some locales); 0 for
 * anything else. */
static size_t
blank_at(const char *s, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)s + i;

	if (u[0] == ' ' || u[0] == '\t')
		return 1;
	if (u[0] == 0xc2 && n - i >= 2 && u[1] == 0xa0)
		return 2;
	if (u[0] == 0xe2 && n - i >= 3 && u[1] == 0x80 && u[2] == 0xaf)
		return 3;
	return 0;
}

static size_t
skip_blanks(const char *s, size_t n, size_t i)
{
	size_t k;

	while (i < n && (k = blank_at(s, n, i)) != 0)
		i += k;
	return i;
}

/* The length of s[0..n) without the blanks at its end. C2 and E2 are lead
 * bytes: C2 A0 and E2 80 AF at the end are those characters, no other's. */
static size_t
trim_end(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	for (;;) {
		if (n >= 1 && (u[n - 1] == ' ' || u[n - 1] == '\t'))
			n -= 1;
		else if (n >= 2 && u[n - 2] == 0xc2 && u[n - 1] == 0xa0)
			n -= 2;
		else if (n >= 3 && u[n - 3] == 0xe2 && u[n - 2] == 0x80 && u[n - 1] == 0xaf)
			n -= 3;
		else
			return n;
	}
}

static int
is_alnum(char c)
{
	return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* A day as written, not yet checked: a, b, c in the order of the text. */
struct day {
	int a, b, c;
	char sep;
	unsigned char year_first;
};

/* The day at the start of s[0..n): yyyy-mm-dd, or dd-mm-yyyy (d/m/yyyy...),
 * the separator one of / - . and the same twice. Returns its length, 0
 * when s does not begin with one. */
static size_t
scan_day(const char *s, size_t n, struct day *d)
{
	size_t i, k;

	if ((k = number(s, n, 4, &d->a)) == 0 || k == 3 || k >= n)
		return 0;
	d->sep = s[k];
	if (d->sep != '/' && d->sep != '-' && d->sep != '.')
		return 0;
	d->year_first = k == 4;
	i = k + 1;
	if ((k = number(s + i, n - i, 2, &d->b)) == 0 || i + k >= n || s[i + k] != d->sep)
		return 0;
	i += k + 1;
	k = number(s + i, n - i, d->year_first ? 2 : 4, &d->c);
	if (k == 0 || (!d->year_first && k != 4))
		return 0;
	return i + k;
}

static int
check_day(const struct day *d, int order, struct dt *t)
{
	if (d->year_first) {
		t->y = d->a, t->m = d->b, t->d = d->c;
		return valid_day(t->y, t->m, t->d) ? DATE_OK : DATE_EDAY;
	}
	t->y = d->c;
	if (DATE_ORDER(order) == DATE_MDY && d->sep == '/')
		t->m = d->a, t->d = d->b;
	else
		t->d = d->a, t->m = d->b;
	if (valid_day(t->y, t->m, t->d))
		return DATE_OK;
	/* 12/25/2024: Excel on an English Windows wrote it month first */
	if (DATE_ORDER(order) == DATE_DMY && d->sep == '/' && valid_day(d->c, d->a, d->b))
		return DATE_EMDY;
	return DATE_EDAY;
}

/* A time of day as written, not yet checked. */
struct clock {
	int hh, mi, ss;
	int zone;		/* the offset, in minutes east of UTC */
	char half;		/* 'A' (SA, AM), 'P' (CH, PM) or 0 */
	unsigned char has_sec, has_zone, bad_zone;
};

/* SA, CH, AM, PM, a.m., p.m. (any case, the periods optional) at the start
 * of s[0..n), not followed by a letter or a digit: its length, or 0. */
static size_t
scan_half(const char *s, size_t n, char *half)
{
	char a = s[0] | 0x20;	/* lower case, for a letter; no other byte gives one */
	size_t i = 1;

	if (a == 's' || a == 'c') {
		if (n < 2 || (s[1] | 0x20) != (a == 's' ? 'a' : 'h'))
			return 0;
		i = 2;
	} else if (a == 'a' || a == 'p') {
		if (i < n && s[i] == '.')
			i++;
		if (i >= n || (s[i] | 0x20) != 'm')
			return 0;
		if (++i < n && s[i] == '.')
			i++;
	} else
		return 0;
	if (i < n && is_alnum(s[i]))
		return 0;
	*half = a == 's' || a == 'a' ? 'A' : 'P';
	return i;
}

/* Z, +07:00, +0700, +07, -05:00 at the start of s[0..n), not followed by a
 * letter or a digit: its length, or 0. */
static size_t
scan_zone(const char *s, size_t n, struct clock *c)
{
	int h = 0, m = 0;
	size_t i;

	if (s[0] == 'Z' || s[0] == 'z')
		i = 1;
	else if (s[0] == '+' || s[0] == '-') {
		if (n < 3 || !digits(s + 1, 2, &h))
			return 0;
		i = 3;
		if (i < n && s[i] == ':') {
			if (n - i < 3 || !digits(s + i + 1, 2, &m))
				return 0;
			i += 3;
		} else if (n - i >= 2 && digits(s + i, 2, &m))
			i += 2;
	} else
		return 0;
	if (i < n && is_alnum(s[i]))
		return 0;
	c->has_zone = 1;
	c->bad_zone = h > 14 || m > 59 || (h == 14 && m > 0);
	c->zone = (s[0] == '-' ? -1 : 1) * (h * 60 + m);
	return i;
}

/* The time of day at the start of s[0..n): H:MM or HH:MM[:SS[.fff]] (a '.'
 * or a ',' before the fraction, of any length), then, after blanks or
 * none, SA/CH/AM/PM, then an offset. Returns its length, 0 when s does not
 * begin with one. */
static size_t
scan_clock(const char *s, size_t n, struct clock *c)
{
	size_t i, j, k;

	memset(c, 0, sizeof *c);
	if ((k = number(s, n, 2, &c->hh)) == 0 || k >= n || s[k] != ':')
		return 0;
	i = k + 1;
	if (n - i < 2 || !digits(s + i, 2, &c->mi))
		return 0;
	i += 2;
	if (i < n && s[i] == ':') {
		if (n - i < 3 || !digits(s + i + 1, 2, &c->ss))
			return 0;
		c->has_sec = 1;
		i += 3;
		if (i < n && (s[i] == '.' || s[i] == ',')) {	/* dropped */
			if (++i == n || !is_digit(s[i]))
				return 0;
			while (i < n && is_digit(s[i]))
				i++;
		}
	}
	if (i < n && is_digit(s[i]))
		return 0;
	j = skip_blanks(s, n, i);
	if (j < n && (k = scan_half(s + j, n - j, &c->half)) != 0)
		j = skip_blanks(s, n, i = j + k);
	if (j < n && (k = scan_zone(s + j, n - j, c)) != 0)
		i = j + k;
	return i;
}

static int
check_clock(const struct clock *c, struct dt *t)
{
	int hh = c->hh;

	if (c->mi > 59 || c->ss > 59)
		return DATE_ETIME;
	if (c->half) {		/* 12:05 SA is 00:05, 12:05 CH 12:05 */
		if (hh > 12 || (hh == 0 && c->half == 'P'))
			return DATE_ETIME;
		hh = hh % 12 + (c->half == 'P' ? 12 : 0);
	} else if (hh > 23)
		return DATE_ETIME;
	if (c->bad_zone)
		return DATE_EZONE;
	t->hh = hh;
	t->mi = c->mi;
	t->ss = c->ss;
	t->has_time = 1;
	t->has_sec = c->has_sec;
	return DATE_OK;
}

/* yyyymmdd[HHMM[SS]]: n is 8, 12 or 14; sets every field of t but days.
 * DATE_EFORM only for a non-digit. A year from 1901 to 2099 only, as
 * date_parse_compact reads them: the form is the one-stop system's own. */
static int
parse_compact(const char *s, size_t n, struct dt *t)
{
	uint64_t ymd, hms;

	if (date_compact_lanes(s, n, &ymd, &hms) < 0)
		return DATE_EFORM;
	date_set_lanes(t, ymd, hms, n);
	if (t->m < 1 || t->m > 12 || t->d < 1 || t->d > date_mlen[leap(t->y)][t->m - 1])
		return DATE_EDAY;
	if (t->y < 1901 || t->y > 2099)
		return DATE_ECOMPACT;
	if (t->hh > 23 || t->mi > 59 || t->ss > 59)
		return DATE_ETIME;
	return DATE_OK;
}

static inline long days_of(int y, int m, int d);

/* Howard Hinnant's civil_from_days: the day z days after 1970-01-01. */
static void
civil(long z, struct dt *t)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	t->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	t->m = (int)(mp < 10 ? mp + 3 : mp - 9);
	t->y = (int)(yoe + era * 400 + (t->m <= 2));
}

/* The time t was written at an offset of zone minutes, to Vietnam's (UTC+7,
 * no summer time): the day may change. */
static int
to_vietnam(struct dt *t, int zone)
{
	long days = days_of(t->y, t->m, t->d);
	int min = t->hh * 60 + t->mi + 7 * 60 - zone;	/* -420 .. 2579 */

	if (min < 0)
		min += 1440, days--;
	else if (min >= 1440)
		min -= 1440, days++;
	t->hh = min / 60;
	t->mi = min % 60;
	civil(days, t);
	return valid_day(t->y, t->m, t->d) ? DATE_OK : DATE_EDAY;
}

/* An Excel serial (1900 system): s[0..k) the days since 1899-12-30 (for
 * every serial past the 1900-02-29 Excel believes in, serial 60), then a
 * '.' or a ',' and the fraction of a day, or nothing. */
static int
parse_serial(const char *s, size_t n, size_t k, int order, struct dt *t)
{
	long v = 0;
	size_t i;

	if (!(order & DATE_SERIAL))
		return DATE_ENUMBER;
	for (i = 0; i < k; i++)
		v = v * 10 + (s[i] - '0');
	if (k < n) {
		/* The fraction times 86400, exactly, by hand from its last
		 * digit: the carry left is the whole seconds, the last digit
		 * written the first of the fraction of a second, which rounds
		 * them to the nearest (a half up). Any number of digits. */
		long carry = 0, p = 0, secs;

		for (i = n; i > k + 1; i--) {
			p = (s[i - 1] - '0') * 86400L + carry;
			carry = p / 10;
		}
		secs = carry + (p % 10 >= 5);
		if (secs == 86400)	/* 23:59:59.5 or later: the next day */
			v++, secs = 0;
		t->hh = (int)(secs / 3600);
		t->mi = (int)(secs / 60 % 60);
		t->ss = (int)(secs % 60);
		t->has_time = t->has_sec = 1;
	}
	if (v < DATE_SERIAL_MIN || v > DATE_SERIAL_MAX)
		return DATE_ESERIAL;
	civil(v - 25569, t);	/* 1970-01-01 is serial 25569 */
	return DATE_OK;
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return 0;
	return 1;
}

static int parse_any(const char *s, size_t n, int order, struct dt *t);

/* d/m/yy (or with - or .), a time or anything after it: what a
 * spreadsheet's own date format writes. Said apart, never read: whose
 * century, and which is the month? */
static int
two_digit_year(const char *s, size_t n)
{
	size_t i = skip_blanks(s, n, 0), k, part;
	char sep = 0;

	for (part = 0; part < 3; part++) {
		for (k = 0; i + k < n && is_digit(s[i + k]); k++)
			;
		if (k < 1 || k > 2)
			return 0;
		i += k;
		if (part == 2)
			return i == n || !is_digit(s[i]);
		if (i >= n || (s[i] != '/' && s[i] != '-' && s[i] != '.') || (sep && s[i] != sep))
			return 0;
		sep = s[i++];
	}
	return 0;
}

int
date_parse_other(const char *s, size_t n, int order, struct dt *t)
{
	int err = parse_any(s, n, order, t);

	if (err == DATE_OK)
		t->days = days_of(t->y, t->m, t->d);
	else if (err == DATE_EFORM && two_digit_year(s, n))
		err = DATE_EYEAR2;
	return err;
}

/* The form is read whole first (a value that is no date-time in any form
 * is DATE_EFORM, whatever its parts), then the day, the time, the offset. */
static int
parse_any(const char *s, size_t n, int order, struct dt *t)
{
	struct day day;
	struct clock clk, z;
	size_t i, k;
	int err, has_clock = 1;

	memset(t, 0, sizeof *t);
	i = skip_blanks(s, n, 0);
	s += i;
	n = trim_end(s, n - i);
	for (i = 0; i < n && is_digit(s[i]); i++)
		;
	if (i == 0)		/* every form begins with a digit */
		return DATE_EFORM;
	if (i == n) {		/* digits alone: compact, or a serial */
		if (n == 8 || n == 12 || n == 14)
			return parse_compact(s, n, t);
		return n <= 7 ? parse_serial(s, n, n, order, t) : DATE_EFORM;
	}
	if (s[i] == ':') {	/* the time first: 08:15 SA 03/01/2024 */
		if ((k = scan_clock(s, n, &clk)) == 0 || (i = skip_blanks(s, n, k)) == k ||
		    i == n || scan_day(s + i, n - i, &day) != n - i)
			return DATE_EFORM;
	} else if ((s[i] == '.' || s[i] == ',') && i <= 7 && i + 1 < n &&
	    all_digits(s + i + 1, n - i - 1)) {
		return parse_serial(s, n, i, order, t);
	} else {
		if ((k = scan_day(s, n, &day)) == 0)
			return DATE_EFORM;
		if (k == n)
			has_clock = 0;
		else {		/* a time after a 'T', or after blanks */
			i = s[k] == 'T' ? k + 1 : skip_blanks(s, n, k);
			if (i > k && i < n && is_digit(s[i])) {
				if (scan_clock(s + i, n - i, &clk) != n - i)
					return DATE_EFORM;
			} else if (s[k] != 'T' && i < n && scan_zone(s + i, n - i, &z) == n - i)
				return DATE_ENOTIME;	/* 2024-01-03Z, 03/01/2024 +07:00 */
			else
				return DATE_EFORM;
		}
	}
	if ((err = check_day(&day, order, t)) != DATE_OK)
		return err;
	if (!has_clock)
		return DATE_OK;
	if ((err = check_clock(&clk, t)) != DATE_OK)
		return err;
	return clk.has_zone ? to_vietnam(t, clk.zone) : DATE_OK;
}

const char *
date_strerror(int err)
{
	switch (err) {
	case DATE_EFORM:
		return "not a date";
	case DATE_EDAY:
		return "no such day";
	case DATE_ETIME:
		return "no such time of day";
	case DATE_EMDY:
		return "no such day (it is one read month first: --date-order mdy?)";
	case DATE_ENUMBER:
		return "a number, not a date (spreadsheet serials are read in date columns only)";
	case DATE_ESERIAL:
		return "a spreadsheet serial, but not of a day from 2000 to 2099 (36526 to 73050)";
	case DATE_ENOTIME:
		return "a time zone offset without a time of day";
	case DATE_EZONE:
		return "no such time zone offset";
	case DATE_ECOMPACT:
		return "a compact date (yyyymmdd), but not of a year from 1901 to 2099";
	case DATE_EYEAR2:
		return "not a date: a year in two digits, as a spreadsheet's date format writes it "
		    "(a workbook? xlsx2csv -f float writes its dates as serials)";
	}
	return "date ok";
}

static char *
put2(char *p, int v)
{
	/* a table, not a division: three dates a row in cchc-check */
	static const char two[] =
	    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	    "8081828384858687888990919293949596979899";

	memcpy(p, two + 2 * v, 2);
	return p + 2;
}

size_t
date_format(const struct dt *t, char *buf)
{
	char *p = put2(put2(buf, t->y / 100), t->y % 100);

	*p++ = '-';
	p = put2(p, t->m);
	*p++ = '-';
	p = put2(p, t->d);
	if (t->has_time) {
		*p++ = 'T';
		p = put2(p, t->hh);
		*p++ = ':';
		p = put2(p, t->mi);
		if (t->has_sec) {
			*p++ = ':';
			p = put2(p, t->ss);
		}
	}
	*p = '\0';
	return (size_t)(p - buf);
}

/* Howard Hinnant's days_from_civil; between 1901 and 2099 every fourth
 * year is a leap year, and a table of the months does. */
static inline long
days_of(int y, int m, int d)
{
	long era, yoe, doy, doe;

	if (y > 1900 && y < 2100 && m >= 1 && m <= 12)
		return date_days_1901(y, m, d);

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

long
date_days(int y, int m, int d)
{
	return days_of(y, m, d);
}
