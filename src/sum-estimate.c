/* cchc-sum --estimate: the counts as of a day before the period's end,
 * projected to the end from the pace of the 30 days up to that day
 * (cchc-sum(1), ESTIMATES, says the method and works an example). Whole
 * numbers by a rounding that keeps every identity of the count table. */
#include <stdint.h>
#include <string.h>

#include "sum.h"
#include "lib/msg.h"

/* The pace window is the 30 days up to the as-of day, both counted. */
enum { PACE_DAYS = 30 };

long
estimate_pace_from(long from, long asof)
{
	long first = asof - (PACE_DAYS - 1);

	return first > from ? first : from;
}

static int64_t
checked(__int128 v, int col)
{
	if (v > INT64_MAX)
		die("%s: the estimate passes the largest count (%lld)", estimate_column_name(EST_UOC + col),
		    (long long)INT64_MAX);
	return (int64_t)v;
}

/* pace * left / days, rounded half up (the numbers are never negative). */
static __int128
projected(int64_t pace, long left, long days)
{
	return ((__int128)pace * left * 2 + days) / ((__int128)days * 2);
}

/* add cut into n shares in the proportions of w (largest remainder: each
 * share's whole part, then one more to the shares with the largest
 * fractions until they add up to add, the earlier column first on a tie).
 * With w all zero, the whole of add is the first share. */
static void
split(__int128 add, const int64_t *w, int n, __int128 *share)
{
	__int128 total = 0, given = 0, rem[4];
	int i, j;

	for (i = 0; i < n; i++)
		total += w[i];
	if (total == 0) {
		for (i = 0; i < n; i++)
			share[i] = i == 0 ? add : 0;
		return;
	}
	for (i = 0; i < n; i++) {
		share[i] = add * w[i] / total;
		rem[i] = add * w[i] % total;
		given += share[i];
	}
	for (; given < add; given++) {
		int best = -1;
		for (j = 0; j < n; j++)
			if (rem[j] >= 0 && (best < 0 || rem[j] > rem[best]))
				best = j;
		share[best]++;
		rem[best] = -1;	/* one more at most */
	}
}

void
estimate_project(const struct estimate *e, const struct counts *c, int64_t uoc[NCOUNTS])
{
	long left = e->to - e->asof, days = e->asof - e->pace_from + 1;
	__int128 add_new, add_done, room, pending, by_channel[3], by_how[3], by_due[2];
	int k;

	add_new = projected(c->pace[P_NOP_TRUC_TUYEN] + c->pace[P_NOP_TRUC_TIEP] +
	    c->pace[P_NOP_BUU_CHINH], left, days);
	add_done = projected(c->pace[P_GQ_TRUOC_HAN] + c->pace[P_GQ_DUNG_HAN] +
	    c->pace[P_GQ_QUA_HAN], left, days);
	/* no more can be resolved than is pending at the end of the day, or
	 * received after it */
	room = (__int128)c->c[C_DANG_GIAI_QUYET] + add_new;
	if (add_done > room)
		add_done = room;
	split(add_new, &c->pace[P_NOP_TRUC_TUYEN], 3, by_channel);
	split(add_done, &c->pace[P_GQ_TRUOC_HAN], 3, by_how);
	pending = room - add_done;
	/* pending in the proportions of the as-of day's, all within the
	 * deadline when nothing was pending then */
	split(pending, &c->c[C_DANG_TRONG_HAN], 2, by_due);

	uoc[C_KY_TRUOC] = c->c[C_KY_TRUOC];
	uoc[C_MOI_TIEP_NHAN] = checked(c->c[C_MOI_TIEP_NHAN] + add_new, C_MOI_TIEP_NHAN);
	for (k = 0; k < 3; k++)
		uoc[C_NOP_TRUC_TUYEN + k] = checked(c->c[C_NOP_TRUC_TUYEN + k] + by_channel[k],
		    C_NOP_TRUC_TUYEN + k);
	uoc[C_TIEP_NHAN] = checked((__int128)uoc[C_KY_TRUOC] + uoc[C_MOI_TIEP_NHAN], C_TIEP_NHAN);
	uoc[C_DA_GIAI_QUYET] = checked(c->c[C_DA_GIAI_QUYET] + add_done, C_DA_GIAI_QUYET);
	for (k = 0; k < 3; k++)
		uoc[C_GQ_TRUOC_HAN + k] = checked(c->c[C_GQ_TRUOC_HAN + k] + by_how[k],
		    C_GQ_TRUOC_HAN + k);
	uoc[C_DANG_GIAI_QUYET] = checked(pending, C_DANG_GIAI_QUYET);
	uoc[C_DANG_TRONG_HAN] = checked(by_due[0], C_DANG_TRONG_HAN);
	uoc[C_DANG_QUA_HAN] = checked(by_due[1], C_DANG_QUA_HAN);
}
