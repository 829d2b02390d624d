/* Date-times. On the input as it is, in each order, with and without
 * serials: whatever parses is a real day and time, formats to ISO and
 * parses back to the same fields; the inline parsers (compact, and the
 * common written forms) agree with the general one, also on values made
 * near those forms from the input's bytes; DATE_SERIAL only adds values (those that were DATE_ENUMBER);
 * blanks around a value change nothing. And from the input's first bytes,
 * an instant written in one of the forms (day first, year first, time
 * first, 12-hour clock, fractions, an offset, compact, an Excel serial,
 * month first, with any blanks): it must parse to that instant. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/lib/date.h"

static void
check(int ok)
{
	if (!ok)
		abort();
}

static int
same(const struct dt *t, const struct dt *u)
{
	return t->y == u->y && t->m == u->m && t->d == u->d && t->hh == u->hh &&
	    t->mi == u->mi && t->ss == u->ss && t->days == u->days &&
	    t->has_time == u->has_time && t->has_sec == u->has_sec;
}

/* The input as it is. */
static void
as_given(const char *s, size_t n)
{
	static const int orders[] = {DATE_DMY, DATE_MDY, DATE_DMY | DATE_SERIAL,
	    DATE_MDY | DATE_SERIAL};
	struct dt t, u, v;
	char buf[24], *w;
	int k, err, e2, plain[2] = {DATE_EFORM, DATE_EFORM};
	size_t m;

	for (k = 0; k < 4; k++) {
		int order = orders[k];

		err = date_parse(s, n, order, &t);
		check(err == date_parse_other(s, n, order, &u));
		check(err >= DATE_OK && err <= DATE_ECOMPACT);
		/* a bare number is refused without DATE_SERIAL, judged with it */
		check(err != DATE_ENUMBER || !(order & DATE_SERIAL));
		check(err != DATE_ESERIAL || (order & DATE_SERIAL));
		if (order & DATE_SERIAL) {
			if (plain[k & 1] == DATE_ENUMBER)
				check(err == DATE_OK || err == DATE_ESERIAL);
			else
				check(err == plain[k & 1]);
		} else
			plain[k] = err;
		if (err == DATE_OK) {
			check(same(&t, &u));
			check(date_valid(t.y, t.m, t.d) && t.y >= 1900 && t.y <= 9999);
			check(t.hh >= 0 && t.hh <= 23 && t.mi >= 0 && t.mi <= 59 && t.ss >= 0 &&
			    t.ss <= 59);
			check(t.has_time || (t.hh == 0 && t.mi == 0 && t.ss == 0 && !t.has_sec));
			check(t.days == date_days(t.y, t.m, t.d));
			/* ISO reads back to itself, with or without serials */
			m = date_format(&t, buf);
			check(m == strlen(buf) && m < 20);
			check(date_parse(buf, m, DATE_DMY, &v) == DATE_OK && same(&t, &v));
			check(date_parse(buf, m, order, &v) == DATE_OK && same(&t, &v));
		}
		/* blanks around it: spaces, tabs, no-break spaces */
		if ((w = malloc(n + 16)) == NULL)
			abort();
		memcpy(w, "\xc2\xa0 \t", 4);
		memcpy(w + 4, s, n);
		memcpy(w + 4 + n, " \xe2\x80\xaf\xc2\xa0", 6);
		e2 = date_parse_other(w, n + 10, order, &v);
		check(e2 == err);
		if (err == DATE_OK)
			check(same(&t, &v));
		free(w);
	}
}

/* An instant from the input's bytes, written down and read: the bytes as
 * long as they last, then a generator seeded by all of them. */
struct rng {
	const uint8_t *p;
	size_t n;
	uint64_t x;
};

static unsigned long long
take(struct rng *r, unsigned long long range)
{
	unsigned long long v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		if (r->n) {
			v = v << 8 | *r->p++;
			r->n--;
		} else {
			r->x ^= r->x << 13, r->x ^= r->x >> 7, r->x ^= r->x << 17;
			v = v << 8 | (r->x >> 24 & 0xff);
		}
	}
	return v % range;
}

static int
mlen(int y, int m)
{
	static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : len[m - 1];
}

/* The day and minute after moving by delta minutes (|delta| < a day). */
static void
shift(int *y, int *m, int *d, int *min, int delta)
{
	*min += delta;
	if (*min < 0) {
		*min += 1440;
		if (--*d == 0) {
			if (--*m == 0)
				*m = 12, --*y;
			*d = mlen(*y, *m);
		}
	} else if (*min >= 1440) {
		*min -= 1440;
		if (++*d > mlen(*y, *m)) {
			*d = 1;
			if (++*m == 13)
				*m = 1, ++*y;
		}
	}
}

static const char *const blanks[] = {" ", "  ", "\t", "\xc2\xa0", "\xe2\x80\xaf", " \xc2\xa0"};

static void
written(const uint8_t *data, size_t size)
{
	struct rng r = {data, size, 0x9e3779b97f4a7c15u};
	struct dt want, got;
	char s[160], tm[96];
	int y, m, d, hh, mi, ss, form, twelve, has_time, has_sec, zone, zmin, order = DATE_DMY;
	int wy, wm, wd, wmin, err;
	size_t n = 0;
	const char *bl;
	size_t i;

	for (i = 0; i < size; i++)	/* FNV-1a */
		r.x = (r.x ^ data[i]) * 0x100000001b3u;
	r.x |= 1;
	bl = blanks[take(&r, 6)];

	memset(&want, 0, sizeof want);
	y = 1901 + (int)take(&r, 199);
	m = 1 + (int)take(&r, 12);
	d = 1 + (int)take(&r, (unsigned)mlen(y, m));
	hh = (int)take(&r, 24);
	mi = (int)take(&r, 60);
	ss = (int)take(&r, 60);
	form = (int)take(&r, 10);
	if (form == 8 && y < 2000)	/* a serial is of 2000 to 2099: the same days of
					   the month, leap years alike */
		y += 100;
	if (form == 7) {	/* yyyymmdd, yyyymmddHHMM, yyyymmddHHMMSS */
		int k = (int)take(&r, 3);
		has_time = k > 0, has_sec = k == 2;
	} else if (form == 8)	/* a serial: a fraction gives the seconds */
		has_time = has_sec = (int)take(&r, 2);
	else {
		has_time = take(&r, 4) != 0;
		has_sec = has_time && take(&r, 2);
	}
	if (!has_time)
		hh = mi = 0;
	if (!has_sec)
		ss = 0;

	if (form == 7) {
		n = (size_t)snprintf(s, sizeof s, "%04d%02d%02d", y, m, d);
		if (has_time)
			n += (size_t)snprintf(s + n, sizeof s - n, "%02d%02d", hh, mi);
		if (has_sec)
			n += (size_t)snprintf(s + n, sizeof s - n, "%02d", ss);
	} else if (form == 8) {
		long serial = date_days(y, m, d) + 25569;
		int digits = 6 + (int)take(&r, 9), k;
		unsigned long long scale = 1, f, sec = (unsigned long long)(hh * 3600 + mi * 60 + ss);
		long long jit, span;

		for (k = 0; k < digits; k++)
			scale *= 10;
		/* sec/86400 to digits places, moved by less than what keeps it
		 * nearer sec than any other second */
		f = (sec * scale * 2 + 86400) / (2 * 86400);
		span = (long long)(scale / 172800) - 1;
		jit = (long long)take(&r, (unsigned long long)(2 * span + 1)) - span;
		if (jit < 0 && (unsigned long long)-jit > f)
			jit = -(long long)f;
		f += (unsigned long long)jit;
		if (has_time && y < 2099 && take(&r, 8) == 0) {
			/* past 23:59:59.5: the next day's 00:00:00 */
			int min = 0;

			f = scale - 1 - take(&r, (unsigned long long)span);
			hh = mi = ss = 0;
			shift(&y, &m, &d, &min, 1440);
		}
		n = (size_t)snprintf(s, sizeof s, "%ld", serial);
		if (has_time)
			n += (size_t)snprintf(s + n, sizeof s - n, "%c%0*llu", take(&r, 2) ? '.' : ',',
			    digits, f);
	} else {
		size_t tn = 0;

		wy = y, wm = m, wd = d, wmin = hh * 60 + mi;
		zone = has_time && take(&r, 3) == 0;
		zmin = 0;
		if (zone) {	/* written at an offset: the written clock differs */
			static const int mins[] = {0, 30, 45};
			zmin = ((int)take(&r, 27) - 12) * 60;
			zmin += zmin < 14 * 60 ? (zmin < 0 ? -1 : 1) * mins[take(&r, 3)] : 0;
			shift(&wy, &wm, &wd, &wmin, zmin - 420);
		}
		if (has_time) {
			int h = wmin / 60, frac = has_sec ? (int)take(&r, 12) : 0;

			twelve = (int)take(&r, 3) == 0;
			if (twelve) {
				static const char *const am[] = {"SA", "sa", "AM", "am", "a.m.", "A.M"};
				static const char *const pm[] = {"CH", "ch", "PM", "pm", "p.m.", "P.M"};
				int kind = (int)take(&r, 6);

				tn = (size_t)snprintf(tm, sizeof tm, "%d:%02d", h % 12 ? h % 12 : 12, wmin % 60);
				if (has_sec)
					tn += (size_t)snprintf(tm + tn, sizeof tm - tn, ":%02d", ss);
				if (frac)
					tn += (size_t)snprintf(tm + tn, sizeof tm - tn, "%c%0*d",
					    frac & 1 ? '.' : ',', frac, 7);
				tn += (size_t)snprintf(tm + tn, sizeof tm - tn, "%s%s",
				    take(&r, 2) ? bl : "", h < 12 ? am[kind] : pm[kind]);
			} else {
				tn = (size_t)snprintf(tm, sizeof tm, take(&r, 2) ? "%02d:%02d" : "%d:%02d",
				    h, wmin % 60);
				if (has_sec)
					tn += (size_t)snprintf(tm + tn, sizeof tm - tn, ":%02d", ss);
				if (frac)
					tn += (size_t)snprintf(tm + tn, sizeof tm - tn, "%c%0*d",
					    frac & 1 ? '.' : ',', frac, 9);
			}
			if (zone) {
				int a = zmin < 0 ? -zmin : zmin;
				const char *sp = take(&r, 2) ? bl : "";

				if (zmin == 0 && take(&r, 2))	/* "CHZ" would be a word */
					tn += (size_t)snprintf(tm + tn, sizeof tm - tn, "%sZ",
					    twelve && !*sp ? bl : sp);
				else
					switch (take(&r, 3)) {
					case 0:
						tn += (size_t)snprintf(tm + tn, sizeof tm - tn, "%s%c%02d:%02d",
						    sp, zmin < 0 ? '-' : '+', a / 60, a % 60);
						break;
					case 1:
						tn += (size_t)snprintf(tm + tn, sizeof tm - tn, "%s%c%02d%02d",
						    sp, zmin < 0 ? '-' : '+', a / 60, a % 60);
						break;
					default:
						tn += (size_t)snprintf(tm + tn, sizeof tm - tn, "%s%c%02d%s",
						    sp, zmin < 0 ? '-' : '+', a / 60,
						    a % 60 ? (a % 60 == 30 ? ":30" : ":45") : "");
					}
			}
		}
		switch (form) {
		case 0:
			n = (size_t)snprintf(s, sizeof s, "%02d/%02d/%04d", wd, wm, wy);
			break;
		case 1:
			n = (size_t)snprintf(s, sizeof s, "%d/%d/%04d", wd, wm, wy);
			break;
		case 2:
			n = (size_t)snprintf(s, sizeof s, "%02d-%02d-%04d", wd, wm, wy);
			break;
		case 3:
			n = (size_t)snprintf(s, sizeof s, "%02d.%02d.%04d", wd, wm, wy);
			break;
		case 9:
			n = (size_t)snprintf(s, sizeof s, "%d/%02d/%04d", wm, wd, wy);
			order = DATE_MDY;
			break;
		default:
			n = (size_t)snprintf(s, sizeof s, "%04d-%02d-%02d", wy, wm, wd);
		}
		if (has_time && form == 6) {	/* the time first */
			char day[16];

			memcpy(day, s, n + 1);
			n = (size_t)snprintf(s, sizeof s, "%s%s%s", tm, bl, day);
		} else if (has_time)
			n += (size_t)snprintf(s + n, sizeof s - n, "%s%s",
			    form == 5 ? "T" : bl, tm);
	}
	want.y = y, want.m = m, want.d = d, want.hh = hh, want.mi = mi, want.ss = ss;
	want.has_time = (unsigned char)has_time;
	want.has_sec = (unsigned char)has_sec;
	want.days = date_days(y, m, d);
	err = date_parse(s, n, order | DATE_SERIAL, &got);
	if (err != DATE_OK || !same(&want, &got)) {
		fprintf(stderr, "\"%.*s\": %s, want %04d-%02d-%02d %02d:%02d:%02d (%d%d)\n",
		    (int)n, s, date_strerror(err), y, m, d, hh, mi, ss, has_time, has_sec);
		abort();
	}
	err = date_parse(s, n, order, &got);
	check(form == 8 ? err == DATE_ENUMBER : err == DATE_OK && same(&want, &got));
}

/* A value near the forms date_parse_written reads: one of them, each byte
 * of it replaced, by the input's bytes, with a digit, a separator, a
 * blank, a letter or the byte itself; as_given then holds the inline
 * parsers to the general one on it. */
static void
near_written(const uint8_t *data, size_t size)
{
	static const char *const forms[] = {"31/12/2024", "31/12/2024 23:59", "31/12/2024 23:59:59",
	    "2024-12-31", "2024-12-31T23:59", "2024-12-31 23:59:59", "29.02.2000 00:00:00",
	    "01-01-1901 12:00"};
	static const char subst[] = "0123456789/-.: T\tZa";
	char s[24];
	size_t n, i;

	if (size < 1)
		return;
	memcpy(s, forms[data[0] % 8], (n = strlen(forms[data[0] % 8])) + 1);
	for (i = 1; i + 1 < size && i / 2 < n; i += 2)
		if (data[i] < sizeof subst - 1)
			s[data[i + 1] % n] = subst[data[i]];
	as_given(s, n);
	if (size > 2 && data[size - 1] == 0xff)	/* shorter: cut at the end */
		as_given(s, n - 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	near_written(data, size);
	as_given((const char *)data, size);
	written(data, size);
	return 0;
}
