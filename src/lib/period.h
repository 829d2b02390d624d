/* period.h: the official reporting periods (Nghị định 09/2019/NĐ-CP).
 *
 * Y: 15 Dec Y-1 .. 14 Dec Y; Y-H1: .. 14 Jun; Y-H2: 15 Jun .. 14 Dec;
 * Y-9M: .. 14 Sep; Y-Qn: the 15th of the month before the quarter .. the 14th
 * of its last month; Y-MM: the 15th of month MM-1 .. the 14th of MM.
 * Calendar bounds: the same periods from the 1st to the month's last day. */
#ifndef CCHC_PERIOD_H
#define CCHC_PERIOD_H

/* Bounds as days since 1970-01-01, both inclusive. Returns 0, or -1 when s
 * is not a period (2024-Q5, 2024-13). */
int period_bounds(const char *s, int calendar, long *from, long *to);
/* A day number written yyyy-mm-dd into buf (24 bytes). */
void day_format(long day, char *buf);

#endif
