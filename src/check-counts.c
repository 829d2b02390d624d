/* cchc-check --counts: a count table against the identities of DOMAIN.md,
 * its total row against the sum of its groups, and its rate columns
 * against their counts. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lib/cols.h"
#include "lib/csvin.h"
#include "lib/dossier.h"
#include "lib/expr.h"
#include "lib/fold.h"
#include "lib/forms.h"
#include "lib/msg.h"
#include "lib/msgs.h"
#include "lib/num.h"
#include "lib/out.h"

enum { MAX_RATES = 8 };

/* The columns checked: the counts and the indicators (cchc-sum --indicators;
 * the table columns of cols.h), then an estimate's (cchc-sum --estimate)
 * uoc_ counts, which obey the same identities, then its nhip_ counts. */
enum { UOC = NTABLE, PACE = UOC + NCOUNTS, NCHECK = PACE + NPACE };

static const char *
check_name(size_t i)
{
	return i < UOC ? table_name((int)i) : i < PACE ?
	    estimate_column_name(EST_UOC + (int)(i - UOC)) :
	    estimate_column_name(EST_PACE + (int)(i - PACE));
}

struct countcheck {
	int col[NCHECK];	/* each checked column's field, or -1 */
	struct {
		int field;
		const char *name, *expr_text;
		char own[160];	/* an estimate's rate: NAME=EXPR of its uoc_ columns */
		size_t set;	/* 0, or UOC for an estimate's rate */
		struct expr e;
		int *term;	/* the count (C_*) of each term, or -1 */
	} rate[MAX_RATES];
	size_t nrate;
	int *is_key;		/* per field: a group column */
	char **folded;		/* per field: the first header's name, folded */
	char **name;		/* per field: the first header's name, as given */
	size_t nf;
	int have_first, saw_header, fatal;
	unsigned long rows, passed, rejected, empty;
	struct msgs *m;		/* the rows' problems, said at the end of each file */
	/* The sum of each count over the group rows since the file began, the
	 * last total row or a repeated header: what the next total row must
	 * say. known 0: a row had no valid value for it (said there). */
	struct {
		int64_t v;
		int known, over;
	} sum[NCHECK];
	unsigned long groups;	/* rows in the sum */
};

/* The total row, as cchc-sum --total writes it: its first group column is
 * "tong", the other group columns empty. The one place that says which row
 * is the total; row has the header's number of fields. */
static int
is_total_row(const struct countcheck *k, const struct csv_row *row)
{
	size_t i;
	int first = 1;

	for (i = 0; i < k->nf; i++) {
		if (!k->is_key[i])
			continue;
		if (first) {
			if (row->f[i].n != 4 || memcmp(row->f[i].s, "tong", 4) != 0)
				return 0;
			first = 0;
		} else if (row->f[i].n != 0) {
			return 0;
		}
	}
	return !first;	/* a table without group columns has no total row */
}

static void
sums_reset(struct countcheck *k)
{
	size_t i;

	for (i = 0; i < NCHECK; i++) {
		k->sum[i].v = 0;
		k->sum[i].known = 1;
		k->sum[i].over = 0;
	}
	k->groups = 0;
}

static void
sums_unknown(struct countcheck *k)
{
	size_t i;

	for (i = 0; i < NCHECK; i++)
		k->sum[i].known = 0;
}

/* The row's group, its group columns' values joined by '/' (empty ones at
 * the end left out), for a message:
 * control bytes shown as \xNN, cut after 80 bytes on a character. */
static void
group_name(const struct countcheck *k, const struct csv_row *row, char *buf, size_t size)
{
	char joined[512], q[512];
	size_t i, o = 0, n, end = 0;
	int any = 0;

	for (i = 0; i < row->nf && i < k->nf; i++) {
		if (!k->is_key[i])
			continue;
		if (any && o + 1 < sizeof joined)
			joined[o++] = '/';
		any = 1;
		n = row->f[i].n;
		if (n > sizeof joined - 1 - o)
			n = sizeof joined - 1 - o;
		memcpy(joined + o, row->f[i].s, n);
		o += n;
		if (n)
			end = o;
	}
	o = end;	/* empty group columns at the end are not shown: "tong" */
	if (o == 0) {
		snprintf(buf, size, any ? "(empty)" : "(all)");
		return;
	}
	msg_quote(q, sizeof q, joined, o);
	n = strlen(q);
	snprintf(buf, size, "%.*s", (int)(n - 2), q + 1);	/* without the quotes */
}

/* A header's problem: said now, and the file is not read on. */
static int
header_fails(struct countcheck *k, const struct csv_row *row, const char *what,
             const char *value, size_t vlen)
{
	msg_at(row->file, row->line, NULL, what, value, vlen);
	k->fatal = 1;
	return -1;
}

static int
header_text_ok(struct countcheck *k, const struct csv_row *row)
{
	char what[1024];
	const char *v;
	size_t vn;

	if (check_header_text(row, what, sizeof what, &v, &vn) < 0)
		return header_fails(k, row, what, v, vn);
	return 0;
}

/* Forgets what first_header made (its header failed, or the end). */
static void
header_forget(struct countcheck *k)
{
	size_t i;

	for (i = 0; i < k->nrate; i++) {
		expr_free(&k->rate[i].e);
		free(k->rate[i].term);
		k->rate[i].term = NULL;
	}
	k->nrate = 0;
	for (i = 0; i < k->nf; i++) {
		free(k->folded[i]);
		free(k->name[i]);
	}
	free(k->folded);
	free(k->name);
	free(k->is_key);
	k->folded = k->name = NULL;
	k->is_key = NULL;
	k->nf = 0;
}

/* The first file's header: which field is which count, rate, group. */
static int
first_header(struct countcheck *k, const struct csv_row *row, unsigned char delim)
{
	char what[1024], hdr[1024];
	size_t i, r, t;

	k->nf = row->nf;
	k->is_key = ecalloc(row->nf + 1, sizeof *k->is_key);
	k->folded = ecalloc(row->nf + 1, sizeof *k->folded);
	k->name = ecalloc(row->nf + 1, sizeof *k->name);
	for (i = 0; i < NCHECK; i++)
		k->col[i] = -1;
	for (i = 0; i < row->nf; i++) {
		const char *s = row->f[i].s;
		size_t n = row->f[i].n;
		char *f = fold(s, n);
		int c = table_lookup(f), is_rate = 0, e = c < 0 ? estimate_column(f) : -1;
		/* an estimate's uoc_ rate is the standard rate of its uoc_ columns */
		size_t set = strncmp(f, "uoc_ty_le", 9) == 0 ? UOC : 0;

		k->folded[i] = f;
		trim(&s, &n);
		k->name[i] = estrndup(s, n);
		if (e >= EST_PACE)	/* its days are no count, nor a group */
			c = e >= EST_UOC ? UOC + (e - EST_UOC) : PACE + (e - EST_PACE);
		if (c >= 0) {
			if (k->col[c] >= 0) {
				snprintf(what, sizeof what, "two columns are %s: fields %d and %zu",
				    check_name((size_t)c), k->col[c] + 1, i + 1);
				return header_fails(k, row, what, NULL, 0);
			}
			k->col[c] = (int)i;
		}
		for (r = 0; r < nstandard_rate; r++) {
			if (strcmp(f + (set ? 4 : 0), standard_rate[r].name) != 0)
				continue;
			is_rate = 1;
			for (t = 0; t < k->nrate; t++)
				if (strcmp(k->rate[t].name, f) == 0) {
					snprintf(what, sizeof what, "two columns are %s: fields %d and %zu",
					    f, k->rate[t].field + 1, i + 1);
					return header_fails(k, row, what, NULL, 0);
				}
			if (k->nrate < MAX_RATES) {
				const char *why;
				size_t at;
				if (expr_parse(standard_rate[r].expr, EXPR_RATES, &k->rate[k->nrate].e,
				    &why, &at) < 0)
					die("internal error: the rate %s: %s", standard_rate[r].name, why);
				k->rate[k->nrate].field = (int)i;
				k->rate[k->nrate].set = set;
				k->rate[k->nrate].name = f;
				k->rate[k->nrate].expr_text = standard_rate[r].expr;
				if (set) {	/* uoc_A+uoc_B/uoc_C */
					const char *x = standard_rate[r].expr;
					char *o = k->rate[k->nrate].own;
					o += sprintf(o, "uoc_");
					for (; *x; x++) {
						*o++ = *x;
						if (*x == '+' || *x == '/')
							o += sprintf(o, "uoc_");
					}
					*o = '\0';
					k->rate[k->nrate].expr_text = k->rate[k->nrate].own;
				}
				k->nrate++;
			}
		}
		/* a ty_le column of another name is no group, nor checked */
		k->is_key[i] = c < 0 && e < 0 && !is_rate && strncmp(f, "ty_le", 5) != 0 &&
		    strncmp(f, "uoc_ty_le", 9) != 0;
		if (c < 0 && e < 0 && !is_rate && !k->is_key[i]) {
			snprintf(what, sizeof what, "%s: not checked: not a rate cchc-check knows "
			    "(ty_le_dung_han, ty_le_truc_tuyen)", k->name[i]);
			msg_at(row->file, row->line, NULL, what, NULL, 0);
		}
	}
	for (i = 0; i < NCOUNTS && k->col[i] < 0; i++)
		;
	if (i == NCOUNTS) {
		dossier_header_text(row, hdr, sizeof hdr);
		header_fails(k, row, "not a count table: none of the columns of cchc-sum; "
		    "the header found", hdr, strlen(hdr));
		if (delim == ',' && row->nf == 1 && (strchr(hdr, ';') || strchr(hdr, '\t')))
			warnx_("the header has no comma: is it delimited by ';' or a tab? "
			    "try -d ';' or -d '\\t'");
		return -1;
	}
	for (r = 0; r < k->nrate; r++) {
		struct expr *e = &k->rate[r].e;
		char miss[256];
		size_t mo = 0;

		k->rate[r].term = emalloc((e->nnum + e->nden + 1) * sizeof(int));
		miss[0] = '\0';
		for (t = 0; t < e->nnum + e->nden; t++) {
			const char *name = t < e->nnum ? e->num[t] : e->den[t - e->nnum];
			int c = table_lookup(name);
			size_t set = k->rate[r].set;
			k->rate[r].term[t] = c >= 0 && (set == 0 || c < NCOUNTS) && k->col[set + (size_t)c] >= 0 ? (int)set + c : -1;
			if (k->rate[r].term[t] < 0 && mo < sizeof miss)
				mo += (size_t)snprintf(miss + mo, sizeof miss - mo, "%s%s%s",
				    mo ? ", " : "", set ? "uoc_" : "", name);
		}
		/* a rate whose counts are not all here cannot be checked: said,
		 * and not a failure of the table */
		if (mo) {
			snprintf(what, sizeof what, "%s: not checked: the table has no %s",
			    k->rate[r].name, miss);
			msg_at(row->file, row->line, NULL, what, NULL, 0);
		}
	}
	return 0;
}

static int
counts_header(struct countcheck *k, const struct csv_row *row, unsigned char delim)
{
	char hdr[1024];
	size_t i;

	if (header_text_ok(k, row) < 0)
		return -1;
	sums_reset(k);
	if (k->have_first) {
		if (!check_same_header(row, k->folded, k->nf, hdr, sizeof hdr))
			return header_fails(k, row, CHECK_NOT_FIRST, hdr, strlen(hdr));
		return 0;
	}
	if (first_header(k, row, delim) < 0) {
		header_forget(k);	/* the next file's header may be the first */
		return -1;
	}
	k->have_first = 1;
	for (i = 0; i < row->nf; i++)
		out_field(out_stdout, row->f[i].s, row->f[i].n);
	out_endrow(out_stdout);
	return 0;
}

/* The header again, inside a file (tables concatenated, as GNU parallel
 * does): skipped, and a table starts afresh. */
static int
is_header_again(const struct countcheck *k, const struct csv_row *row)
{
	size_t i;
	int same = row->nf == k->nf && !row->err;

	for (i = 0; i < row->nf && same; i++) {
		size_t at;
		char *f;
		if (text_check(row->f[i].s, row->f[i].n, &at) != TEXT_OK)
			return 0;
		f = fold(row->f[i].s, row->f[i].n);
		same = strcmp(f, k->folded[i]) == 0;
		free(f);
	}
	return same;
}

static void
problem(struct countcheck *k, const struct csv_row *row, const char *col, const char *what,
        const char *value, size_t vlen)
{
	msgs_add(k->m, NULL, row->file, row->line, col, what, value, vlen);
}

/* The total row against the sums of the groups above it. */
static int
check_total(struct countcheck *k, const struct csv_row *row, const int64_t *v,
            const int *known, const char *group)
{
	char what[1024];
	size_t i;
	int bad = 0;

	for (i = 0; i < NCHECK; i++) {
		if (k->col[i] < 0 || !known[i] || !k->sum[i].known)
			continue;	/* a value it needs is bad or empty: said on its row */
		if (!k->sum[i].over && k->sum[i].v == v[i])
			continue;
		if (k->sum[i].over)
			snprintf(what, sizeof what, "%s: %s = the sum of the %lu rows above: %lld, "
			    "but that sum is more than 9223372036854775807", group, check_name(i),
			    k->groups, (long long)v[i]);
		else
			snprintf(what, sizeof what, "%s: %s = the sum of the %lu rows above: %lld, "
			    "but that sum is %lld", group, check_name(i), k->groups,
			    (long long)v[i], (long long)k->sum[i].v);
		problem(k, row, NULL, what, NULL, 0);
		bad = 1;
	}
	return bad;
}

/* lhs = the sum of rhs[] (-1 ends it), table columns, when all are here. */
static int
check_sum(struct countcheck *k, const struct csv_row *row, const int64_t *v,
          const int *known, const char *group, int lhs, const int *rhs)
{
	char what[1024], rs[256], nums[256];
	size_t ro = 0, no = 0;
	int64_t sum = 0;
	int j, all = k->col[lhs] >= 0 && known[lhs], over = 0;

	for (j = 0; rhs[j] >= 0; j++)
		all = all && k->col[rhs[j]] >= 0 && known[rhs[j]];
	if (!all)
		return 0;
	for (j = 0; rhs[j] >= 0; j++) {
		over |= !num_add(&sum, v[rhs[j]]);
		ro += (size_t)snprintf(rs + ro, sizeof rs - ro, "%s%s", j ? " + " : "",
		    table_name(rhs[j]));
		no += (size_t)snprintf(nums + no, sizeof nums - no, "%s%lld", j ? " + " : "",
		    (long long)v[rhs[j]]);
	}
	if (!over && sum == v[lhs])
		return 0;
	if (over)
		snprintf(what, sizeof what, "%s: %s = %s: %lld, but %s is more than "
		    "9223372036854775807", group, table_name(lhs), rs, (long long)v[lhs], nums);
	else
		snprintf(what, sizeof what, "%s: %s = %s: %lld, but %s = %lld", group,
		    table_name(lhs), rs, (long long)v[lhs], nums, (long long)sum);
	problem(k, row, NULL, what, NULL, 0);
	return 1;
}

/* Each indicator is at most its base (cols.c: the dossiers it counts
 * among), when both are here. */
static int
check_bounds(struct countcheck *k, const struct csv_row *row, const int64_t *v,
             const int *known, const char *group)
{
	char what[1024];
	int i, bad = 0;

	for (i = 0; i < NINDICATORS; i++) {
		int t = NCOUNTS + i, b = indicator[i].base;
		if (k->col[t] < 0 || !known[t] || k->col[b] < 0 || !known[b] || v[t] <= v[b])
			continue;
		snprintf(what, sizeof what, "%s: %s <= %s: %lld, but %s = %lld", group,
		    indicator[i].name, table_name(b), (long long)v[t], table_name(b),
		    (long long)v[b]);
		problem(k, row, NULL, what, NULL, 0);
		bad = 1;
	}
	return bad;
}

/* The identities of the counts (set 0) or of an estimate's (set UOC). */
static int
check_identities(struct countcheck *k, const struct csv_row *row, const int64_t *all_v,
                 const int *all_known, const char *group, size_t set)
{
	const int64_t *v = all_v + set;
	const int *known = all_known + set;
	const int *col = k->col + set;
	char what[1024];
	size_t i;
	int bad = 0;

	for (i = 0; i < ncount_identity; i++) {
		const struct identity *id = &count_identity[i];
		int64_t sum = 0;
		char rhs[256], nums[256];
		size_t ro = 0, no = 0;
		int j, all = col[id->lhs] >= 0 && known[id->lhs], over = 0;

		for (j = 0; id->rhs[j] >= 0; j++)
			all = all && col[id->rhs[j]] >= 0 && known[id->rhs[j]];
		if (!all)
			continue;
		for (j = 0; id->rhs[j] >= 0; j++) {
			over |= !num_add(&sum, v[id->rhs[j]]);
			ro += (size_t)snprintf(rhs + ro, sizeof rhs - ro, "%s%s", j ? " + " : "",
			    check_name(set + (size_t)id->rhs[j]));
			no += (size_t)snprintf(nums + no, sizeof nums - no, "%s%lld", j ? " + " : "",
			    (long long)v[id->rhs[j]]);
		}
		if (!over && sum == v[id->lhs])
			continue;
		if (over)
			snprintf(what, sizeof what, "%s: %s = %s: %lld, but %s is more than "
			    "9223372036854775807", group, check_name(set + (size_t)id->lhs), rhs,
			    (long long)v[id->lhs], nums);
		else
			snprintf(what, sizeof what, "%s: %s = %s: %lld, but %s = %lld", group,
			    check_name(set + (size_t)id->lhs), rhs, (long long)v[id->lhs], nums,
			    (long long)sum);
		problem(k, row, NULL, what, NULL, 0);
		bad = 1;
	}
	return bad;
}

static int
check_rates(struct countcheck *k, const struct csv_row *row, const int64_t *v,
            const int *known, const char *group)
{
	char what[1024];
	size_t r, t;
	int bad = 0;

	for (r = 0; r < k->nrate; r++) {
		struct expr *e = &k->rate[r].e;
		const struct csv_field *x = &row->f[k->rate[r].field];
		const char *name = k->rate[r].name, *s = x->s;
		struct dec a = {0, 0}, b = {0, 0}, p, exact;
		size_t n = x->n;
		int pct, ok = 1, m;
		char ps[64], es[64];

		for (t = 0; t < e->nnum + e->nden && ok; t++) {
			int c = k->rate[r].term[t];
			ok = c >= 0 && known[c];
			if (ok && !num_add(t < e->nnum ? &a.v : &b.v, v[c])) {
				snprintf(what, sizeof what, "%s: %s = %s: not checked: the sum of "
				    "its counts is more than 9223372036854775807", group, name,
				    k->rate[r].expr_text);
				problem(k, row, NULL, what, NULL, 0);
				bad = 1;
				ok = 0;
			}
		}
		if (!ok)	/* its counts are not all here, or bad: said */
			continue;
		trim(&s, &n);
		if (n == 0 && b.v == 0)	/* no rate of nothing */
			continue;
		if (n == 0 || b.v == 0) {
			snprintf(what, sizeof what, "%s: %s = %s: %s %lld/%lld", group, name,
			    k->rate[r].expr_text, n == 0 ? "missing for" : "a rate given for",
			    (long long)a.v, (long long)b.v);
			problem(k, row, NULL, what, n ? s : NULL, n);
			bad = 1;
			continue;
		}
		if (num_decimal(s, n, &p, &pct) != NUM_OK) {
			snprintf(what, sizeof what, "%s: %s = %s: not a number for %lld/%lld", group,
			    name, k->rate[r].expr_text, (long long)a.v, (long long)b.v);
			problem(k, row, NULL, what, s, n);
			bad = 1;
			continue;
		}
		m = p.scale > 15 ? -1 : check_rate_matches(p, a, b);
		if (m == 1)
			continue;
		num_format_dec(p, '.', 0, ps);
		if (m < 0 || !dec_percent(a, b, p.scale, &exact))
			snprintf(what, sizeof what, "%s: %s = %s: %s cannot be checked for %lld/%lld: "
			    "%s", group, name, k->rate[r].expr_text, ps, (long long)a.v,
			    (long long)b.v, p.scale > 15 ? "more than 15 decimals" :
			    "too large to compute exactly");
		else {
			num_format_dec(exact, '.', 0, es);
			snprintf(what, sizeof what, "%s: %s = %s: %s, but %lld/%lld = %s to %d %s",
			    group, name, k->rate[r].expr_text, ps, (long long)a.v, (long long)b.v,
			    es, p.scale, p.scale == 1 ? "decimal" : "decimals");
		}
		problem(k, row, NULL, what, NULL, 0);
		bad = 1;
	}
	return bad;
}

static void
counts_row(struct countcheck *k, const struct csv_row *row)
{
	int64_t v[NCHECK];
	int known[NCHECK];
	char group[200], what[1024];
	size_t i, at;
	int bad = 0, err, total;

	if (is_header_again(k, row)) {
		sums_reset(k);
		return;
	}
	k->rows++;
	if (row->err || row->nf != k->nf) {
		if (row->err)
			csvin_error_text(row, what, sizeof what);
		else
			csvin_nf_text(row, k->nf, what, sizeof what);
		problem(k, row, NULL, what, NULL, 0);
		sums_unknown(k);
		k->rejected++;
		return;
	}
	/* what is written out is UTF-8 */
	for (i = 0; i < row->nf; i++)
		if ((err = text_check(row->f[i].s, row->f[i].n, &at)) != TEXT_OK) {
			problem(k, row, k->name[i], err == TEXT_NUL ? "a NUL byte in the value" :
			    text_advice(row->f[i].s, row->f[i].n, at), row->f[i].s, row->f[i].n);
			bad = 1;
		}
	total = is_total_row(k, row);
	if (!bad)
		group_name(k, row, group, sizeof group);
	else
		snprintf(group, sizeof group, "(not UTF-8)");
	for (i = 0; i < NCHECK; i++) {
		const struct csv_field *x;
		const char *s;
		size_t n;

		known[i] = 0;
		v[i] = 0;
		if (k->col[i] < 0)
			continue;
		x = &row->f[k->col[i]];
		s = x->s;
		n = x->n;
		trim(&s, &n);
		if (n == 0 && i >= NCOUNTS && i < UOC) {
			;	/* an indicator cchc-sum could not count: unknown */
		} else if (n == 0) {
			problem(k, row, check_name(i), "missing (a count of none is 0)", NULL, 0);
			bad = 1;
		} else if ((err = num_count(s, n, &v[i])) != NUM_OK) {
			if (err != NUM_EFORM || text_check(s, n, &at) == TEXT_OK) {
				problem(k, row, check_name(i), check_count_error(err), s, n);
				bad = 1;
			}
		} else {
			known[i] = 1;
		}
		if (total)
			continue;
		if (!known[i])
			k->sum[i].known = 0;
		else if (!num_add(&k->sum[i].v, v[i]))
			k->sum[i].over = 1;
	}
	bad |= check_identities(k, row, v, known, group, 0);
	bad |= check_sum(k, row, v, known, group, rating_identity[0], rating_identity + 1);
	bad |= check_bounds(k, row, v, known, group);
	bad |= check_identities(k, row, v, known, group, UOC);
	/* what was carried over into the period is known at its start */
	if (k->col[UOC + C_KY_TRUOC] >= 0 && k->col[C_KY_TRUOC] >= 0 && known[C_KY_TRUOC] &&
	    known[UOC + C_KY_TRUOC] && v[C_KY_TRUOC] != v[UOC + C_KY_TRUOC]) {
		snprintf(what, sizeof what, "%s: uoc_ky_truoc = ky_truoc: %lld, but ky_truoc = %lld",
		    group, (long long)v[UOC + C_KY_TRUOC], (long long)v[C_KY_TRUOC]);
		problem(k, row, NULL, what, NULL, 0);
		bad = 1;
	}
	if (total) {
		bad |= check_total(k, row, v, known, group);
		sums_reset(k);
	} else {
		k->groups++;
	}
	bad |= check_rates(k, row, v, known, group);
	if (bad) {
		k->rejected++;
		return;
	}
	for (i = 0; i < row->nf; i++)
		out_field(out_stdout, row->f[i].s, row->f[i].n);
	out_endrow(out_stdout);
	k->passed++;
}

struct ctx {
	struct countcheck *k;
	unsigned char delim;
};

static int
on_count_row(struct csv_row *row, void *arg)
{
	struct ctx *c = arg;
	struct countcheck *k = c->k;

	if (row->rec == 0) {
		k->saw_header = 1;
		return counts_header(k, row, c->delim) < 0;
	}
	counts_row(k, row);
	return 0;
}

int
run_counts(unsigned char delim, char **files, int nfiles)
{
	struct countcheck k;
	struct ctx c = {&k, delim};
	int i, r;

	memset(&k, 0, sizeof k);
	k.m = msgs_new();
	for (i = 0; i < nfiles; i++) {
		struct csvin_stats st = {0, 0};
		char why[1024];
		k.saw_header = 0;
		r = csvin_read(files[i], delim, on_count_row, &c, &st);
		csvin_end_text(r, k.saw_header, files[i], why, sizeof why);
		k.empty += st.empty;
		if (check_file_end(k.m, why))
			k.fatal = 1;
	}
	out_close(out_stdout);
	check_summary(k.empty, k.rows, k.passed, k.rejected);
	header_forget(&k);
	msgs_free(k.m);
	return k.fatal ? EXIT_FAIL : k.rejected ? EXIT_DATA : EXIT_OK;
}
