/* date.h: the date-times of real exports, validated.
 *
 * dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, each with an
 * optional HH:MM[:SS[.fff]] before or after it (after a space or a 'T'), and
 * yyyymmdd[HHMM[SS]]. With DATE_MDY, slashed dates are month first. */
#ifndef CCHC_DATE_H
#define CCHC_DATE_H

#include <stddef.h>

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

int date_parse(const char *s, size_t n, int order, struct dt *t);
const char *date_strerror(int err);
/* "2024-01-03" or "2024-01-03T08:15[:00]"; buf holds 20 bytes. t is one
 * date_parse accepted: every field in its range. */
size_t date_format(const struct dt *t, char *buf);
/* Days since 1970-01-01. */
long date_days(int y, int m, int d);
/* Seconds since 1970-01-01 00:00, the time taken as 00:00 when absent;
 * t->days must be set (date_parse sets it). */
long long date_secs(const struct dt *t);
int date_valid(int y, int m, int d);

#endif
