/* cchc-check --form on a wide form (06a, qd766): every figure a count,
 * every relation of the form's kiem_tra on every row ((3) = (4)+(5)+(6)),
 * the total row against the sum of the rows above it; a rate against its
 * counts, a score against its rate's counts, target and points (qd766),
 * each to the precision printed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lib/csvin.h"
#include "lib/dossier.h"
#include "lib/fold.h"
#include "lib/forms.h"
#include "lib/msg.h"
#include "lib/msgs.h"
#include "lib/num.h"
#include "lib/out.h"

struct widecheck {
	const struct form *f;
	const struct wide_form *w;
	unsigned char delim;
	struct msgs *m;		/* the rows' problems, said at the end of each file */
	char **folded;		/* the first header's names, folded */
	size_t nf;
	char *total_label;	/* the =nhom column's tong, folded */
	int have_first, saw_header, fatal;
	unsigned long rows, passed, rejected, no_total, empty;
	/* the figures of the group rows since the file began or the last
	 * total row: what the next total row must say (known 0: a row had
	 * no valid figure there, said on it) */
	int64_t *sum;
	int *known, *over;
	unsigned long groups, last_line, file_rows;
	int64_t *v;		/* the row being read */
	int *ok;
	struct dec *d;		/* its rates, figures of the form and scores */
};

static void
sums_reset(struct widecheck *k)
{
	size_t c;

	for (c = 0; c < k->w->n; c++) {
		k->sum[c] = 0;
		k->known[c] = 1;
		k->over[c] = 0;
	}
	k->groups = 0;
}

static int
header_fails(struct widecheck *k, const struct csv_row *row, const char *what,
             const char *value, size_t vlen)
{
	msg_at(row->file, row->line, NULL, what, value, vlen);
	k->fatal = 1;
	return 1;
}

/* The header: the form's columns, in its order, by their names (the
 * =nhom column's is the data's own: any). */
static int
wide_header(struct widecheck *k, const struct csv_row *row)
{
	char what[1024], hdr[1024];
	const char *v;
	size_t i, vn;
	int bad;

	k->saw_header = 1;
	if (check_header_text(row, what, sizeof what, &v, &vn) < 0)
		return header_fails(k, row, what, v, vn);
	if (k->have_first) {
		if (!check_same_header(row, k->folded, k->nf, hdr, sizeof hdr))
			return header_fails(k, row, CHECK_NOT_FIRST, hdr, strlen(hdr));
		return 0;
	}
	dossier_header_text(row, hdr, sizeof hdr);
	if (row->nf != k->w->n) {
		snprintf(what, sizeof what, "not a filled %s: it has %zu columns, the header "
		    "found has %zu", k->f->name, k->w->n, row->nf);
		header_fails(k, row, what, hdr, strlen(hdr));
		if (k->delim == ',' && row->nf == 1 && (strchr(hdr, ';') || strchr(hdr, '\t')))
			warnx_("the header has no comma: is it delimited by ';' or a tab? "
			    "try -d ';' or -d '\\t'");
		return 1;
	}
	k->folded = ecalloc(row->nf + 1, sizeof *k->folded);
	k->nf = row->nf;
	for (i = 0; i < row->nf; i++) {
		const struct wide_col *c = &k->w->col[i];
		char *want = fold(c->ten, strlen(c->ten));
		k->folded[i] = fold(row->f[i].s, row->f[i].n);
		bad = c->ten[0] && strcmp(want, k->folded[i]) != 0;
		free(want);
		if (bad) {
			snprintf(what, sizeof what, "not a filled %s: column %zu is (%s) %s; the "
			    "header found", k->f->name, i + 1, c->cot, c->ten);
			return header_fails(k, row, what, hdr, strlen(hdr));
		}
	}
	k->have_first = 1;
	for (i = 0; i < row->nf; i++)
		out_field(out_stdout, row->f[i].s, row->f[i].n);
	out_endrow(out_stdout);
	return 0;
}

static void
problem(struct widecheck *k, const struct csv_row *row, const char *col, const char *what,
        const char *value, size_t vlen)
{
	msgs_add(k->m, NULL, row->file, row->line, col, what, value, vlen);
}

/* The row's group, as a message names it: control bytes shown, cut. */
static void
group_name(const struct widecheck *k, const struct csv_row *row, char *buf, size_t size)
{
	const char *s = row->f[k->w->group].s;
	size_t n = row->f[k->w->group].n, len;
	char q[256];

	trim(&s, &n);
	if (n == 0) {
		snprintf(buf, size, "(empty)");
		return;
	}
	msg_quote(q, sizeof q, s, n);
	len = strlen(q);
	snprintf(buf, size, "%.*s", (int)(len - 2), q + 1);
}

/* A rate (=5/4) against its counts, a score (=diem(5,6,7)) against its
 * rate's counts, the row's target and points, each to the precision it is
 * printed with; an empty one where its parts are all there is missing. */
static int
check_derived(struct widecheck *k, const struct csv_row *row, const char *group)
{
	const struct wide_form *w = k->w;
	char what[1024], got[64], want[64];
	size_t c;
	int bad = 0;

	for (c = 0; c < w->n; c++) {
		const struct wide_col *col = &w->col[c];
		size_t a = col->arg[0], b = col->arg[1];
		struct dec p = k->d[c], over = {0, 0}, under = {0, 0}, r;

		if (col->kind == WIDE_RATE) {
			if (!k->ok[a] || !k->ok[b])
				continue;	/* a count it needs is bad: said */
			over.v = k->v[a];
			under.v = k->v[b];
			if (under.v == 0 && !k->ok[c])
				continue;	/* no rate over 0: empty, as cchc-table writes it */
			if (under.v == 0) {
				snprintf(what, sizeof what, "%s: (%s) = (%s)/(%s) = %lld/0: no rate, "
				    "but it says %s", group, col->cot, w->col[a].cot, w->col[b].cot,
				    (long long)over.v, row->f[c].s);
			} else if (!k->ok[c] || !dec_percent_matches(p, over, under)) {
				dec_percent(over, under, k->ok[c] ? p.scale : 2, &r);
				num_format_dec(r, '.', 0, want);
				snprintf(what, sizeof what, "%s: (%s) = (%s)/(%s) = %lld/%lld = %s "
				    "(to %d decimals%s), but it is %s", group, col->cot, w->col[a].cot,
				    w->col[b].cot, (long long)over.v, (long long)under.v, want,
				    r.scale, k->ok[c] ? ", as printed" : "", k->ok[c] ? row->f[c].s :
				    "empty");
			} else {
				continue;
			}
		} else if (col->kind == WIDE_SCORE) {
			const struct wide_col *rate = &w->col[a];
			size_t tg = col->arg[1], pt = col->arg[2];
			int64_t ra, rb;
			if (!k->ok[rate->arg[0]] || !k->ok[rate->arg[1]] || !k->ok[tg] ||
			    !k->ok[pt] || k->v[rate->arg[1]] == 0)
				continue;	/* no score can be made: its empty cell is right */
			ra = k->v[rate->arg[0]];
			rb = k->v[rate->arg[1]];
			if (!dec_score(ra, rb, k->d[tg], k->d[pt], k->ok[c] && p.scale <= 4 ?
			    p.scale : 2, &r)) {
				snprintf(what, sizeof what, "%s: (%s) = min((%s)/(%s), 1) x (%s): no "
				    "score: the target is above 0%% and at most 100%%, the points from "
				    "0 to 1000000, each with at most 4 decimals", group, col->cot,
				    rate->cot, w->col[tg].cot, w->col[pt].cot);
			} else if (!k->ok[c] || r.v != p.v || r.scale != p.scale) {
				num_format_dec(r, '.', 0, want);
				if (k->ok[c])
					num_format_dec(p, '.', 0, got);
				snprintf(what, sizeof what, "%s: (%s) = min((%s)/(%s), 1) x (%s), with "
				    "(%s) = (%s)/(%s) = %lld/%lld: %s (to %d decimals%s), but it is %s",
				    group, col->cot, rate->cot, w->col[tg].cot, w->col[pt].cot,
				    rate->cot, w->col[rate->arg[0]].cot, w->col[rate->arg[1]].cot,
				    (long long)ra, (long long)rb, want, r.scale,
				    k->ok[c] ? ", as printed" : "", k->ok[c] ? got : "empty");
			} else {
				continue;
			}
		} else {
			continue;
		}
		problem(k, row, col->ten, what, NULL, 0);
		bad = 1;
	}
	return bad;
}

/* Each kiem_tra relation of the row. */
static int
check_relations(struct widecheck *k, const struct csv_row *row, const char *group)
{
	const struct wide_form *w = k->w;
	char what[1024], nums[512];
	size_t c, i, j;
	int bad = 0;

	for (c = 0; c < w->n; c++)
		for (i = 0; i < w->col[c].ncheck; i++) {
			const struct wide_check *r = &w->col[c].check[i];
			int64_t sum = 0;
			size_t no = 0;
			int all = k->ok[c], over = 0;

			for (j = 0; j < r->n; j++)
				all = all && k->ok[r->col[j]];
			if (!all)
				continue;	/* a figure it needs is bad: said */
			nums[0] = '\0';
			for (j = 0; j < r->n; j++) {
				over |= !num_add(&sum, k->v[r->col[j]]);
				if (no < sizeof nums)
					no += (size_t)snprintf(nums + no, sizeof nums - no, "%s%lld",
					    j ? "+" : "", (long long)k->v[r->col[j]]);
			}
			if (!over && sum == k->v[c])
				continue;
			if (over)
				snprintf(what, sizeof what, "%s: (%s) = %s: %lld, but %s is more than "
				    "9223372036854775807", group, w->col[c].cot, r->text,
				    (long long)k->v[c], nums);
			else
				snprintf(what, sizeof what, "%s: (%s) = %s: %lld, but %s = %lld", group,
				    w->col[c].cot, r->text, (long long)k->v[c], nums, (long long)sum);
			problem(k, row, w->col[c].ten, what, NULL, 0);
			bad = 1;
		}
	return bad;
}

/* The total row against the sums of the rows above it. */
static int
check_total(struct widecheck *k, const struct csv_row *row, const char *group)
{
	const struct wide_form *w = k->w;
	char what[1024];
	size_t c;
	int bad = 0;

	for (c = 0; c < w->n; c++) {
		if (w->col[c].kind != WIDE_SUM || !k->ok[c] || !k->known[c])
			continue;
		if (!k->over[c] && k->sum[c] == k->v[c])
			continue;
		if (k->over[c])
			snprintf(what, sizeof what, "%s: (%s) = the sum of the %lu rows above: "
			    "%lld, but that sum is more than 9223372036854775807", group,
			    w->col[c].cot, k->groups, (long long)k->v[c]);
		else
			snprintf(what, sizeof what, "%s: (%s) = the sum of the %lu rows above: "
			    "%lld, but that sum is %lld", group, w->col[c].cot, k->groups,
			    (long long)k->v[c], (long long)k->sum[c]);
		problem(k, row, w->col[c].ten, what, NULL, 0);
		bad = 1;
	}
	return bad;
}

static void
wide_row(struct widecheck *k, const struct csv_row *row)
{
	const struct wide_form *w = k->w;
	char group[200], what[1024], *label;
	size_t c, at;
	int bad = 0, err, total;

	k->rows++;
	k->file_rows++;
	k->last_line = row->line;
	if (row->err || row->nf != k->nf) {
		if (row->err)
			csvin_error_text(row, what, sizeof what);
		else
			csvin_nf_text(row, k->nf, what, sizeof what);
		problem(k, row, NULL, what, NULL, 0);
		for (c = 0; c < w->n; c++)
			k->known[c] = 0;
		k->groups++;
		k->rejected++;
		return;
	}
	/* what is written out is UTF-8 */
	for (c = 0; c < row->nf; c++)
		if ((err = text_check(row->f[c].s, row->f[c].n, &at)) != TEXT_OK) {
			problem(k, row, k->folded[c], err == TEXT_NUL ? "a NUL byte in the value" :
			    text_advice(row->f[c].s, row->f[c].n, at), row->f[c].s, row->f[c].n);
			for (c = 0; c < w->n; c++)
				k->known[c] = 0;
			k->groups++;
			k->rejected++;
			return;
		}
	group_name(k, row, group, sizeof group);
	label = fold(row->f[w->group].s, row->f[w->group].n);
	total = k->total_label[0] && strcmp(label, k->total_label) == 0;
	free(label);
	for (c = 0; c < w->n; c++) {
		const char *s = row->f[c].s;
		size_t n = row->f[c].n;

		k->ok[c] = 0;
		k->v[c] = 0;
		if (w->col[c].kind > WIDE_SUM) {	/* a rate, a figure, a score */
			int pct;
			trim(&s, &n);
			if (n == 0)
				continue;	/* empty: check_derived says whether it may be */
			if ((err = num_decimal(s, n, &k->d[c], &pct)) != NUM_OK) {
				problem(k, row, k->folded[c], num_strerror(err), s, n);
				bad = 1;
			} else {
				k->ok[c] = 1;
			}
			continue;
		}
		if (w->col[c].kind != WIDE_SUM)
			continue;
		trim(&s, &n);
		if (n == 0) {
			problem(k, row, k->folded[c], "missing (a count of none is 0)", NULL, 0);
			bad = 1;
		} else if ((err = num_count(s, n, &k->v[c])) != NUM_OK) {
			problem(k, row, k->folded[c], check_count_error(err), s, n);
			bad = 1;
		} else {
			k->ok[c] = 1;
		}
	}
	bad |= check_relations(k, row, group);
	bad |= check_derived(k, row, group);
	if (total) {
		bad |= check_total(k, row, group);
		sums_reset(k);
	} else {
		for (c = 0; c < w->n; c++) {
			if (!k->ok[c])
				k->known[c] = 0;
			else if (!num_add(&k->sum[c], k->v[c]))
				k->over[c] = 1;
		}
		k->groups++;
	}
	if (bad) {
		k->rejected++;
		return;
	}
	for (c = 0; c < row->nf; c++)
		out_field(out_stdout, row->f[c].s, row->f[c].n);
	out_endrow(out_stdout);
	k->passed++;
}

static int
on_wide_row(struct csv_row *row, void *ctx)
{
	struct widecheck *k = ctx;

	if (row->rec == 0)
		return wide_header(k, row);
	wide_row(k, row);
	return 0;
}

int
run_wide(const struct form *f, unsigned char delim, char **files, int nfiles)
{
	struct widecheck k;
	const struct wide_col *g;
	size_t i;
	int fi, r;

	memset(&k, 0, sizeof k);
	k.f = f;
	k.w = f->wide;
	k.delim = delim;
	k.m = msgs_new();
	g = &k.w->col[k.w->group];
	k.total_label = fold(g->tong, strlen(g->tong));
	k.sum = ecalloc(k.w->n + 1, sizeof *k.sum);
	k.v = ecalloc(k.w->n + 1, sizeof *k.v);
	k.known = ecalloc(k.w->n + 1, sizeof *k.known);
	k.over = ecalloc(k.w->n + 1, sizeof *k.over);
	k.ok = ecalloc(k.w->n + 1, sizeof *k.ok);
	k.d = ecalloc(k.w->n + 1, sizeof *k.d);
	for (fi = 0; fi < nfiles && !k.fatal; fi++) {
		struct csvin_stats st = {0, 0};
		char why[1024];
		k.saw_header = 0;
		k.last_line = 1;
		k.file_rows = 0;
		sums_reset(&k);
		r = csvin_read(files[fi], delim, on_wide_row, &k, &st);
		k.empty += st.empty;
		csvin_end_text(r, k.saw_header, files[fi], why, sizeof why);
		/* a table ends with its total row: rows after the last are not
		 * added up by any */
		if (!why[0] && !k.fatal && (k.groups > 0 || k.file_rows == 0) && k.have_first) {
			char what[512];
			snprintf(what, sizeof what, "no total row (%s) after the %lu rows above",
			    g->tong[0] ? g->tong : "=nhom's tong", k.groups);
			msgs_add(k.m, NULL, files[fi], k.last_line, NULL, what, NULL, 0);
			k.no_total++;
		}
		if (check_file_end(k.m, why))
			k.fatal = 1;
	}
	out_close(out_stdout);
	check_summary(k.empty, k.rows, k.passed, k.rejected);
	for (i = 0; i < k.nf; i++)
		free(k.folded[i]);
	free(k.folded);
	free(k.total_label);
	free(k.sum);
	free(k.v);
	free(k.known);
	free(k.over);
	free(k.ok);
	free(k.d);
	msgs_free(k.m);
	return k.fatal ? EXIT_FAIL : k.rejected || k.no_total ? EXIT_DATA : EXIT_OK;
}
