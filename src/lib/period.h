/* period.h: the official reporting periods (Nghị định 09/2019/NĐ-CP).
 *
 * Y: 15 Dec Y-1 .. 14 Dec Y; Y-H1: .. 14 Jun; Y-H2: 15 Jun .. 14 Dec;
 * Y-9M: .. 14 Sep; Y-Qn: the 15th of the month before the quarter .. the 14th
 * of its last month; Y-MM: the 15th of month MM-1 .. the 14th of MM.
 * Calendar bounds: the same periods from the 1st to the month's last day. */
#ifndef CCHC_PERIOD_H
#define CCHC_PERIOD_H

#include <stddef.h>

/* Bounds as days since 1970-01-01, both inclusive. Returns 0, or -1 when s
 * is not a period (2024-Q5, 2024-13). */
int period_bounds(const char *s, int calendar, long *from, long *to);
/* A day number written yyyy-mm-dd into buf (24 bytes). */
void day_format(long day, char *buf);
/* A day number written dd/mm/yyyy, as a report writes a day, into buf
 * (24 bytes). */
void day_format_vn(long day, char *buf);

/* The period of the options --period P [--calendar] or --from D --to D (D
 * in any accepted date form, order DATE_DMY or DATE_MDY), as cchc-sum takes
 * them, into *from and *to. Returns 0; 1 when none of them is given; or -1
 * with what is wrong in err (both kinds, a bad period or day, --to before
 * --from, half a range). */
int period_options(const char *period, int calendar, const char *from_arg,
                   const char *to_arg, int order, long *from, long *to,
                   char *err, size_t errsz);

#endif
