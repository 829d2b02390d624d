#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "period.h"

static int
month_days(int y, int m)
{
	int d = 28;

	while (d < 31 && date_valid(y, m, d + 1))
		d++;
	return d;
}

/* The months first..last of year y (first may be 0: December of y-1). */
static void
bounds(int y, int first, int last, int calendar, long *from, long *to)
{
	if (calendar) {
		*from = date_days(y, first, 1);
		*to = date_days(y, last, month_days(y, last));
		return;
	}
	/* official: from the 15th of the month before, to the 14th */
	*from = first == 1 ? date_days(y - 1, 12, 15) : date_days(y, first - 1, 15);
	*to = date_days(y, last, 14);
}

int
period_bounds(const char *s, int calendar, long *from, long *to)
{
	int y = 0, i, n;
	char kind;
	const char *rest;

	for (i = 0; i < 4; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	if (y < 1900)
		return -1;
	if (s[4] == '\0') {
		bounds(y, 1, 12, calendar, from, to);
		return 0;
	}
	if (s[4] != '-')
		return -1;
	rest = s + 5;
	kind = (char)toupper((unsigned char)rest[0]);
	if (isdigit((unsigned char)rest[0]) && isdigit((unsigned char)rest[1]) && rest[2] == '\0') {
		n = (rest[0] - '0') * 10 + (rest[1] - '0');
		if (n < 1 || n > 12)
			return -1;
		bounds(y, n, n, calendar, from, to);
		return 0;
	}
	if (strcmp(rest, "9M") == 0 || strcmp(rest, "9m") == 0) {
		bounds(y, 1, 9, calendar, from, to);
		return 0;
	}
	if ((kind == 'Q' || kind == 'H') && isdigit((unsigned char)rest[1]) && rest[2] == '\0') {
		n = rest[1] - '0';
		if (kind == 'Q' && n >= 1 && n <= 4) {
			bounds(y, 3 * n - 2, 3 * n, calendar, from, to);
			return 0;
		}
		if (kind == 'H' && n >= 1 && n <= 2) {
			bounds(y, 6 * n - 5, 6 * n, calendar, from, to);
			return 0;
		}
	}
	return -1;
}

void
day_format(long day, char *buf)
{
	/* Howard Hinnant's civil_from_days */
	long z = day + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;

	snprintf(buf, 24, "%04d-%02d-%02d", (int)(y + (m <= 2)), (int)m, (int)d);
}

void
day_format_vn(long day, char *buf)
{
	char iso[24];

	day_format(day, iso);
	snprintf(buf, 24, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

/* A day of an option: 0, or -1 with the message. */
static int
option_day(const char *opt, const char *arg, int order, long *day, char *err, size_t errsz)
{
	struct dt t;
	int e = date_parse(arg, strlen(arg), order, &t);

	if (e != DATE_OK) {
		snprintf(err, errsz, "%s: %s: \"%s\"", opt, date_strerror(e), arg);
		return -1;
	}
	*day = date_days(t.y, t.m, t.d);
	return 0;
}

int
period_options(const char *period, int calendar, const char *from_arg, const char *to_arg,
               int order, long *from, long *to, char *err, size_t errsz)
{
	if (period) {
		if (from_arg || to_arg) {
			snprintf(err, errsz, "--period or --from/--to, not both");
			return -1;
		}
		if (period_bounds(period, calendar, from, to) < 0) {
			snprintf(err, errsz, "--period: not a period: \"%s\" (2024, 2024-H1, 2024-H2, "
			    "2024-9M, 2024-Q1..Q4, 2024-01..12)", period);
			return -1;
		}
		return 0;
	}
	if (!from_arg && !to_arg) {
		if (calendar) {
			snprintf(err, errsz, "--calendar goes with --period");
			return -1;
		}
		return 1;
	}
	if (calendar) {
		snprintf(err, errsz, "--calendar goes with --period");
		return -1;
	}
	if (!from_arg || !to_arg) {
		snprintf(err, errsz, "%s needs %s: a period is both its days",
		    from_arg ? "--from" : "--to", from_arg ? "--to" : "--from");
		return -1;
	}
	if (option_day("--from", from_arg, order, from, err, errsz) < 0 ||
	    option_day("--to", to_arg, order, to, err, errsz) < 0)
		return -1;
	if (*to < *from) {
		snprintf(err, errsz, "--to %s is before --from %s", to_arg, from_arg);
		return -1;
	}
	return 0;
}
