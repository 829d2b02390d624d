/* cchc-sum's count table: keys, the total row, the table written out. */
#include <stdlib.h>
#include <string.h>

#include "sum.h"
#include "lib/collate.h"
#include "lib/msg.h"
#include "lib/num.h"
#include "lib/out.h"
#include "lib/period.h"
#include "lib/smap.h"

void
key_add(char **key, size_t *cap, size_t *len, const char *v, size_t n)
{
	uint32_t l = (uint32_t)n;

	if (*cap < *len + n + 4) {
		*cap = (*len + n + 4) * 2;
		*key = erealloc(*key, *cap);
	}
	memcpy(*key + *len, &l, 4);
	memcpy(*key + *len + 4, v, n);
	*len += n + 4;
}

/* tong followed by k quotes ' (k >= 0) */
static int
is_tong_primes(const char *v, size_t n)
{
	size_t i;

	if (n < 4 || memcmp(v, "tong", 4) != 0)
		return 0;
	for (i = 4; i < n; i++)
		if (v[i] != '\'')
			return 0;
	return 1;
}

int
key_is_total(const char *const *v, const size_t *n, size_t nkeys)
{
	size_t k;

	if (nkeys == 0 || n[0] != 4 || memcmp(v[0], "tong", 4) != 0)
		return 0;
	for (k = 1; k < nkeys; k++)
		if (n[k] != 0)
			return 0;
	return 1;
}

size_t
key_escape(const char *v, size_t n, char *buf)
{
	memcpy(buf, v, n);
	if (is_tong_primes(v, n))
		buf[n++] = '\'';
	return n;
}

size_t
key_unescape(const char *v, size_t n)
{
	return n > 4 && is_tong_primes(v, n) ? n - 1 : n;
}

void
add_tables(struct smap *into, struct smap *from)
{
	size_t it = 0, n, k;
	const char *key;
	void *v;

	while (smap_next(from, &it, &key, &n, &v)) {
		struct counts *c = smap_put(into, key, n, NULL), *d = v;
		for (k = 0; k < NCOUNTS; k++)
			if (!num_add(&c->c[k], d->c[k]))
				die("%s: the sum passes the largest count (%lld)", count_name[k],
				    (long long)INT64_MAX);
		for (k = 0; k < NPACE; k++)
			if (!num_add(&c->pace[k], d->pace[k]))
				die("%s: the sum passes the largest count (%lld)",
				    estimate_column_name(EST_PACE + (int)k), (long long)INT64_MAX);
		if (sum_indicators && (k = (size_t)ind_add(c, d)) != (size_t)-1)
			die("%s: the sum passes the largest count (%lld)", indicator[k].name,
			    (long long)INT64_MAX);
	}
}

/* A group and its place in the order: the sort keys of its values, one
 * after the other (collate.h), made once per group. */
struct group {
	const char *key;
	size_t n;
	void *v;		/* struct counts, or (write_table_extra) int64_t[] */
	size_t sk, skn;		/* its sort key: at sk in the keys' buffer */
	const char *skp;
};

static int
cmp_group(const void *pa, const void *pb)
{
	const struct group *a = pa, *b = pb;

	return collate_keycmp(a->skp, a->skn, b->skp, b->skn);
}

/* The groups in Vietnamese alphabetical order of their values (as read:
 * a group tong' sorts as tong), column by column. */
static void
sort_groups(struct group *gs, size_t n)
{
	char *keys = NULL;
	size_t cap = 0, len = 0, i;

	for (i = 0; i < n; i++) {
		size_t off = 0;
		gs[i].sk = len;
		while (off < gs[i].n) {
			uint32_t l;
			memcpy(&l, gs[i].key + off, 4);
			collate_key(gs[i].key + off + 4, l, &keys, &cap, &len);
			off += 4 + l;
		}
		gs[i].skn = len - gs[i].sk;
	}
	for (i = 0; i < n; i++)
		gs[i].skp = keys + gs[i].sk;
	qsort(gs, n, sizeof *gs, cmp_group);
	free(keys);
}

static void
put_count(struct out *o, int64_t v)
{
	char buf[32];

	num_format_count(v, 0, buf);
	out_field_plain(o, buf, strlen(buf));
}

static void
put_day(struct out *o, const struct estimate *est, long day)
{
	char iso[24] = "";

	if (est->known)
		day_format(day, iso);
	out_fieldz(o, iso);
}

/* A row's counts, and with est its estimate's columns: uoc, the figures
 * projected (the total row's: the sum of its groups'). */
static void
put_counts(struct out *o, const struct counts *c, const struct estimate *est, const int64_t *uoc)
{
	int k;

	for (k = 0; k < NCOUNTS; k++)
		put_count(o, c->c[k]);
	if (est) {
		put_day(o, est, est->asof);
		put_day(o, est, est->pace_from);
		put_day(o, est, est->to);
		for (k = 0; k < NPACE; k++)
			put_count(o, c->pace[k]);
		for (k = 0; k < NCOUNTS; k++)
			put_count(o, uoc[k]);
	}
	if (sum_indicators)
		ind_put(o, c);
	out_endrow(o);
}

/* groups' entries, sorted in the order of their keys (n + 1 entries,
 * *n used: the caller frees). */
static struct group *
sorted_groups(struct smap *groups, size_t *n)
{
	struct group *gs;
	size_t i = 0, it = 0;
	void *v;

	*n = smap_count(groups);
	gs = emalloc((*n + 1) * sizeof *gs);
	while (smap_next(groups, &it, &gs[i].key, &gs[i].n, &v))
		gs[i++].v = v;
	sort_groups(gs, *n);
	return gs;
}

/* A group's key columns; the first escaped (key_escape) in *esc. */
static void
put_keys(struct out *o, const struct group *g, size_t nkeys, char **esc, size_t *esccap)
{
	size_t off = 0, k;

	for (k = 0; k < nkeys; k++) {
		uint32_t l;
		memcpy(&l, g->key + off, 4);
		if (k == 0) {
			if (*esccap < l + 2) {
				*esccap = l + 2;
				*esc = erealloc(*esc, *esccap);
			}
			out_field(o, *esc, key_escape(g->key + off + 4, l, *esc));
		} else {
			out_field(o, g->key + off + 4, l);
		}
		off += 4 + l;
	}
}

static void
put_total_keys(struct out *o, size_t nkeys)
{
	size_t k;

	out_fieldz(o, "tong");
	for (k = 1; k < nkeys; k++)
		out_fieldz(o, "");
}

void
write_table(struct out *o, struct smap *groups, size_t nkeys, char *const *keyname, int total,
            const struct estimate *est)
{
	struct group *gs;
	struct counts sum;
	int64_t uoc[NCOUNTS], uoc_sum[NCOUNTS] = {0};
	size_t n, i, k;
	int overflow[NCOUNTS] = {0}, uoc_over[NCOUNTS] = {0}, pace_over = 0, ind_overflow = -1;
	char *esc = NULL;
	size_t esccap = 0;

	memset(&sum, 0, sizeof sum);
	for (k = 0; k < nkeys; k++)
		out_fieldz(o, keyname[k]);
	for (k = 0; k < NCOUNTS; k++)
		out_fieldz(o, count_name[k]);
	if (est)
		for (k = 0; k < NEST_COLS; k++)
			out_fieldz(o, estimate_column_name((int)k));
	if (sum_indicators)
		ind_put_header(o);
	out_endrow(o);
	if (nkeys == 0 && smap_count(groups) == 0) {	/* no groups: one row, whatever was read */
		put_counts(o, &sum, est, uoc_sum);
		return;
	}
	gs = sorted_groups(groups, &n);
	for (i = 0; i < n; i++) {
		const struct counts *c = gs[i].v;
		put_keys(o, &gs[i], nkeys, &esc, &esccap);
		for (k = 0; k < NCOUNTS; k++)
			if (!num_add(&sum.c[k], c->c[k]))
				overflow[k] = 1;
		if (est) {
			estimate_project(est, c, uoc);
			for (k = 0; k < NPACE; k++)
				if (!num_add(&sum.pace[k], c->pace[k]))
					pace_over = 1;
			for (k = 0; k < NCOUNTS; k++)
				if (!num_add(&uoc_sum[k], uoc[k]))
					uoc_over[k] = 1;
		}
		if (sum_indicators && ind_overflow < 0)
			ind_overflow = ind_add(&sum, c);
		put_counts(o, c, est, uoc);
	}
	if (total && nkeys > 0) {
		/* the total is said to overflow only when it is written */
		for (k = 0; k < NCOUNTS; k++)
			if (overflow[k] || uoc_over[k])
				die("the total of %s%s passes the largest count (%lld)",
				    overflow[k] ? "" : "uoc_", count_name[k], (long long)INT64_MAX);
		if (pace_over)
			die("the total of a nhip_ count passes the largest count (%lld)",
			    (long long)INT64_MAX);
		if (ind_overflow >= 0)
			die("the total of %s passes the largest count (%lld)",
			    indicator[ind_overflow].name, (long long)INT64_MAX);
		put_total_keys(o, nkeys);
		put_counts(o, &sum, est, uoc_sum);
	}
	free(esc);
	free(gs);
}

static void
put_values(struct out *o, const int64_t *c, size_t nvalues)
{
	size_t k;

	for (k = 0; k < nvalues; k++)
		put_count(o, c[k]);
	out_endrow(o);
}

void
write_table_extra(struct out *o, struct smap *groups, size_t nkeys, char *const *keyname, int total,
                  const char *const *extra, size_t nextra)
{
	struct group *gs;
	int64_t sum[NCOUNTS + MAX_EXTRA] = {0};
	size_t n, i, k, nvalues = NCOUNTS + nextra;
	int overflow[NCOUNTS + MAX_EXTRA] = {0};
	char *esc = NULL;
	size_t esccap = 0;

	for (k = 0; k < nkeys; k++)
		out_fieldz(o, keyname[k]);
	for (k = 0; k < NCOUNTS; k++)
		out_fieldz(o, count_name[k]);
	for (k = 0; k < nextra; k++)
		out_fieldz(o, extra[k]);
	out_endrow(o);
	if (nkeys == 0 && smap_count(groups) == 0) {	/* no groups: one row, whatever was read */
		put_values(o, sum, nvalues);
		return;
	}
	gs = sorted_groups(groups, &n);
	for (i = 0; i < n; i++) {
		const int64_t *c = gs[i].v;
		put_keys(o, &gs[i], nkeys, &esc, &esccap);
		for (k = 0; k < nvalues; k++)
			if (!num_add(&sum[k], c[k]))
				overflow[k] = 1;
		put_values(o, c, nvalues);
	}
	if (total && nkeys > 0) {
		for (k = 0; k < nvalues; k++)
			if (overflow[k])
				die("the total of %s passes the largest count (%lld)",
				    k < NCOUNTS ? count_name[k] : extra[k - NCOUNTS], (long long)INT64_MAX);
		put_total_keys(o, nkeys);
		put_values(o, sum, nvalues);
	}
	free(esc);
	free(gs);
}
