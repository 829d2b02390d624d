/* cchc-check --counts: a count table against the identities of DOMAIN.md
 * and its rate columns against their counts. */
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
#include "lib/num.h"
#include "lib/out.h"

/* --counts: a count table against the identities and its rates. */
struct countcheck {
	unsigned char delim;
	int col[NCOUNTS];	/* each count's field, or -1 */
	struct {
		int field;
		const char *name, *expr_text;
		struct expr e;
		int *term;	/* fields of the terms */
	} rate[8];
	size_t nrate;
	int *is_key;
	size_t nf;
	int have_first, saw_header, fatal;
	unsigned long rows, passed, rejected;
	char *hdr0;		/* the first header, folded and joined */
};

static void
group_name(const struct countcheck *k, const struct csv_row *row, char *buf, size_t size)
{
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < row->nf && i < k->nf && o + 4 < size; i++)
		if (k->is_key[i]) {
			size_t n = row->f[i].n < size - o - 4 ? row->f[i].n : size - o - 4;
			if (o)
				buf[o++] = '/';
			memcpy(buf + o, row->f[i].s, n);
			o += n;
			buf[o] = '\0';
		}
	if (o == 0)
		snprintf(buf, size, "(all)");
}

static int
counts_header(struct countcheck *k, const struct csv_row *row)
{
	size_t i, r, t;
	char *joined = NULL, *f;
	size_t jl = 0;

	for (i = 0; i < row->nf; i++) {
		size_t at;
		if (text_check(row->f[i].s, row->f[i].n, &at) != TEXT_OK) {
			msg_at(row->file, row->line, NULL, text_advice(row->f[i].s, row->f[i].n, at),
			    row->f[i].s, row->f[i].n);
			free(joined);
			return -1;
		}
		f = fold(row->f[i].s, row->f[i].n);
		joined = erealloc(joined, jl + strlen(f) + 2);
		memcpy(joined + jl, f, strlen(f));
		jl += strlen(f);
		joined[jl++] = ',';
		joined[jl] = '\0';
		free(f);
	}
	if (k->have_first) {
		int same = strcmp(joined, k->hdr0) == 0;
		free(joined);
		if (!same) {
			msg_at(row->file, row->line, NULL, "the header is not the first file's", NULL, 0);
			return -1;
		}
		return 0;
	}
	k->have_first = 1;
	k->hdr0 = joined;
	k->nf = row->nf;
	k->is_key = emalloc((row->nf + 1) * sizeof *k->is_key);
	for (i = 0; i < NCOUNTS; i++)
		k->col[i] = -1;
	for (i = 0; i < row->nf; i++) {
		int c;
		f = fold(row->f[i].s, row->f[i].n);
		c = count_lookup(f);
		k->is_key[i] = c < 0 && strncmp(f, "ty_le", 5) != 0;
		if (c >= 0)
			k->col[c] = (int)i;
		for (r = 0; r < nstandard_rate && k->nrate < 8; r++)
			if (strcmp(f, standard_rate[r].name) == 0) {
				const char *why;
				size_t at;
				expr_parse(standard_rate[r].expr, EXPR_RATES, &k->rate[k->nrate].e, &why, &at);
				k->rate[k->nrate].field = (int)i;
				k->rate[k->nrate].name = standard_rate[r].name;
				k->rate[k->nrate].expr_text = standard_rate[r].expr;
				k->nrate++;
			}
		free(f);
	}
	for (i = 0; i < NCOUNTS && k->col[i] < 0; i++)
		;
	if (i == NCOUNTS) {
		char hdr[1024];
		dossier_header_text(row, hdr, sizeof hdr);
		msg_at(row->file, row->line, NULL, "not a count table: none of the columns of "
		    "cchc-sum; the header found", hdr, strlen(hdr));
		return -1;
	}
	/* a rate whose count columns are not all here cannot be checked */
	for (r = 0; r < k->nrate; r++) {
		struct expr *e = &k->rate[r].e;
		k->rate[r].term = emalloc((e->nnum + e->nden + 1) * sizeof(int));
		for (t = 0; t < e->nnum + e->nden; t++) {
			int c = count_lookup(t < e->nnum ? e->num[t] : e->den[t - e->nnum]);
			k->rate[r].term[t] = c >= 0 ? k->col[c] : -1;
		}
	}
	for (i = 0; i < row->nf; i++)
		out_field(out_stdout, row->f[i].s, row->f[i].n);
	out_endrow(out_stdout);
	return 0;
}

static void
counts_row(struct countcheck *k, const struct csv_row *row)
{
	int64_t v[NCOUNTS];
	char group[200], what[1024];
	size_t i, r, t;
	int bad = 0, err;

	k->rows++;
	if (row->err || row->nf != k->nf) {
		snprintf(what, sizeof what, "%s", row->err ? row->err : "a wrong number of fields");
		msg_at(row->file, row->line, NULL, what, NULL, 0);
		k->rejected++;
		return;
	}
	group_name(k, row, group, sizeof group);
	for (i = 0; i < NCOUNTS; i++) {
		const struct csv_field *x;
		if (k->col[i] < 0)
			continue;
		x = &row->f[k->col[i]];
		if ((err = num_count(x->s, x->n, &v[i])) != NUM_OK) {
			snprintf(what, sizeof what, "%s: %s", group, num_strerror(err));
			msg_at(row->file, row->line, count_name[i], what, x->s, x->n);
			k->rejected++;
			return;
		}
	}
	for (i = 0; i < ncount_identity; i++) {
		const struct identity *id = &count_identity[i];
		int64_t sum = 0;
		char rhs[256], nums[256];
		size_t ro = 0, no = 0;
		int j, all = k->col[id->lhs] >= 0, over = 0;

		for (j = 0; id->rhs[j] >= 0; j++)
			all = all && k->col[id->rhs[j]] >= 0;
		if (!all)
			continue;
		for (j = 0; id->rhs[j] >= 0; j++) {
			over |= !num_add(&sum, v[id->rhs[j]]);
			ro += (size_t)snprintf(rhs + ro, sizeof rhs - ro, "%s%s", j ? " + " : "",
			    count_name[id->rhs[j]]);
			no += (size_t)snprintf(nums + no, sizeof nums - no, "%s%lld", j ? " + " : "",
			    (long long)v[id->rhs[j]]);
		}
		if (!over && sum == v[id->lhs])
			continue;
		snprintf(what, sizeof what, "%s: %s = %s: %lld, but %s = %lld", group,
		    count_name[id->lhs], rhs, (long long)v[id->lhs], nums, (long long)sum);
		msg_at(row->file, row->line, NULL, what, NULL, 0);
		bad = 1;
	}
	for (r = 0; r < k->nrate; r++) {
		struct expr *e = &k->rate[r].e;
		const struct csv_field *x = &row->f[k->rate[r].field];
		const char *name = k->rate[r].name;
		struct dec a = {0, 0}, b = {0, 0}, p, exact;
		int pct, known = 1;
		char ps[64], es[64];

		for (t = 0; t < e->nnum + e->nden && known; t++) {
			int f = k->rate[r].term[t];
			int64_t c;
			known = f >= 0 && num_count(row->f[f].s, row->f[f].n, &c) == NUM_OK &&
			    num_add(t < e->nnum ? &a.v : &b.v, c);
		}
		if (!known)	/* its counts are not all here, or bad: said above */
			continue;
		if (x->n == 0 && b.v == 0)	/* no rate of nothing */
			continue;
		if (x->n == 0 || b.v == 0 || num_decimal(x->s, x->n, &p, &pct) != NUM_OK) {
			snprintf(what, sizeof what, "%s: %s = %s: %s for %lld/%lld", group, name,
			    k->rate[r].expr_text, x->n == 0 ? "missing" : b.v == 0 ?
			    "given for a zero denominator" : "not a number", (long long)a.v, (long long)b.v);
			msg_at(row->file, row->line, NULL, what, x->n ? x->s : NULL, x->n);
			bad = 1;
			continue;
		}
		if (dec_percent_matches(p, a, b))
			continue;
		dec_percent(a, b, p.scale, &exact);
		num_format_dec(p, '.', 0, ps);
		num_format_dec(exact, '.', 0, es);
		snprintf(what, sizeof what, "%s: %s = %s: %s, but %lld/%lld = %s to %d decimals",
		    group, name, k->rate[r].expr_text, ps, (long long)a.v, (long long)b.v, es, p.scale);
		msg_at(row->file, row->line, NULL, what, NULL, 0);
		bad = 1;
	}
	if (bad) {
		k->rejected++;
		return;
	}
	for (i = 0; i < row->nf; i++)
		out_field(out_stdout, row->f[i].s, row->f[i].n);
	out_endrow(out_stdout);
	k->passed++;
}

static int
on_count_row(struct csv_row *row, void *ctx)
{
	struct countcheck *k = ctx;

	if (row->rec == 0) {
		k->saw_header = 1;
		if (counts_header(k, row) < 0) {
			k->fatal = 1;
			return 1;
		}
		return 0;
	}
	counts_row(k, row);
	return 0;
}

int
run_counts(unsigned char delim, char **files, int nfiles)
{
	struct countcheck k;
	int i, r;

	memset(&k, 0, sizeof k);
	k.delim = delim;
	for (i = 0; i < nfiles; i++) {
		k.saw_header = 0;
		r = csvin_read(files[i], delim, on_count_row, &k, NULL);
		if (r == CSVIN_EOPEN || r == CSVIN_EREAD) {
			warnx_("%s: %s: %s", files[i], r == CSVIN_EOPEN ? "cannot open" : "read error", strerror(errno));
			k.fatal = 1;
		} else if (r == CSVIN_UTF16 || (r == CSVIN_OK && !k.saw_header)) {
			warnx_("%s: %s", files[i], r == CSVIN_UTF16 ? "the file is UTF-16; convert it first: "
			    "iconv -f UTF-16 -t UTF-8" : "empty file: no header line");
			k.fatal = 1;
		}
	}
	out_close(out_stdout);
	warnx_("%lu rows: %lu passed, %lu rejected", k.rows, k.passed, k.rejected);
	for (i = 0; i < (int)k.nrate; i++) {
		expr_free(&k.rate[i].e);
		free(k.rate[i].term);
	}
	free(k.is_key);
	free(k.hdr0);
	return k.fatal ? EXIT_FAIL : k.rejected ? EXIT_DATA : EXIT_OK;
}
