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

/* H:MM, HH:MM, HH:MM:SS, HH:MM:SS.fff: the whole of s[0..n). */
static int
parse_time(const char *s, size_t n, struct dt *t)
{
	size_t i, k;

	if ((k = number(s, n, 2, &t->hh)) == 0 || k >= n || s[k] != ':')
		return DATE_EFORM;
	i = k + 1;
	if (n - i < 2 || !digits(s + i, 2, &t->mi))
		return DATE_EFORM;
	i += 2;
	t->has_time = 1;
	t->has_sec = 0;
	t->ss = 0;
	if (i < n) {
		if (s[i] != ':' || n - i < 3 || !digits(s + i + 1, 2, &t->ss))
			return DATE_EFORM;
		t->has_sec = 1;
		i += 3;
		if (i < n && s[i] == '.') {	/* fractions of a second: dropped */
			if (++i == n)
				return DATE_EFORM;
			while (i < n && is_digit(s[i]))
				i++;
		}
		if (i != n)
			return DATE_EFORM;
	}
	if (t->hh > 23 || t->mi > 59 || t->ss > 59)
		return DATE_ETIME;
	return DATE_OK;
}

static int
parse_day(const char *s, size_t n, int order, struct dt *t)
{
	int a, b, c;
	size_t i, k;
	char sep;

	if ((k = number(s, n, 4, &a)) == 0 || k >= n)
		return DATE_EFORM;
	sep = s[k];
	if (sep != '/' && sep != '-' && sep != '.')
		return DATE_EFORM;
	if (k == 4) {	/* year first: yyyy-mm-dd */
		i = k + 1;
		if ((k = number(s + i, n - i, 2, &b)) == 0 || i + k >= n || s[i + k] != sep)
			return DATE_EFORM;
		i += k + 1;
		if ((k = number(s + i, n - i, 2, &c)) == 0 || i + k != n)
			return DATE_EFORM;
		t->y = a, t->m = b, t->d = c;
		return valid_day(a, b, c) ? DATE_OK : DATE_EDAY;
	}
	if (k > 2)
		return DATE_EFORM;
	i = k + 1;
	if ((k = number(s + i, n - i, 2, &b)) == 0 || i + k >= n || s[i + k] != sep)
		return DATE_EFORM;
	i += k + 1;
	if (n - i != 4 || !digits(s + i, 4, &c))
		return DATE_EFORM;
	t->y = c;
	if (order == DATE_MDY && sep == '/')
		t->m = a, t->d = b;
	else
		t->d = a, t->m = b;
	if (valid_day(t->y, t->m, t->d))
		return DATE_OK;
	/* 12/25/2024: Excel on an English Windows wrote it month first */
	if (order == DATE_DMY && sep == '/' && valid_day(c, a, b))
		return DATE_EMDY;
	return DATE_EDAY;
}

/* yyyymmdd[HHMM[SS]]: n is 8, 12 or 14; sets every field of t but days.
 * DATE_EFORM only for a non-digit. */
static int
parse_compact(const char *s, size_t n, struct dt *t)
{
	uint64_t ymd, hms;

	if (date_compact_lanes(s, n, &ymd, &hms) < 0)
		return DATE_EFORM;
	date_set_lanes(t, ymd, hms, n);
	if (!valid_day(t->y, t->m, t->d))
		return DATE_EDAY;
	if (t->hh > 23 || t->mi > 59 || t->ss > 59)
		return DATE_ETIME;
	return DATE_OK;
}

static int parse_any(const char *s, size_t n, int order, struct dt *t);

static inline long days_of(int y, int m, int d);

int
date_parse_other(const char *s, size_t n, int order, struct dt *t)
{
	int err = parse_any(s, n, order, t);

	if (err == DATE_OK)
		t->days = days_of(t->y, t->m, t->d);
	return err;
}

static int
parse_any(const char *s, size_t n, int order, struct dt *t)
{
	size_t i, sp = 0, tpos = 0;
	int all_digits = 1, err;

	memset(t, 0, sizeof *t);
	while (n && s[0] == ' ')
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return DATE_EFORM;
	if ((n == 14 || n == 8 || n == 12) && (err = parse_compact(s, n, t)) != DATE_EFORM)
		return err;
	for (i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			all_digits = 0;
		if (s[i] == ' ' && !sp)
			sp = i;
		if (s[i] == 'T' && !tpos && i > 0 && is_digit(s[i - 1]))
			tpos = i;
	}
	if (all_digits)	/* compact forms were tried above */
		return DATE_EFORM;
	if (tpos && !sp) {	/* 2024-01-03T08:15:00 */
		if ((err = parse_day(s, tpos, order, t)) != DATE_OK)
			return err;
		return parse_time(s + tpos + 1, n - tpos - 1, t);
	}
	if (sp) {
		const char *a = s, *b;
		size_t an = sp, bn;

		for (i = sp; i < n && s[i] == ' '; i++)
			;
		b = s + i;
		bn = n - i;
		if (memchr(b, ' ', bn))
			return DATE_EFORM;
		/* the time is the part with a colon, before or after */
		if (memchr(a, ':', an)) {
			const char *x = a; size_t xn = an;
			a = b, an = bn;
			b = x, bn = xn;
		}
		if ((err = parse_day(a, an, order, t)) != DATE_OK)
			return err;
		return parse_time(b, bn, t);
	}
	return parse_day(s, n, order, t);
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
