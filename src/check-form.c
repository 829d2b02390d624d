/* cchc-check --form: a filled annex against its form: every figure parses
 * for its unit, and every sum and rate row holds as printed. */
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

/* --form: a filled annex against its form. */
struct annex_row {
	unsigned long line;
	int form_row;		/* -1: not in the form */
	int bad;
	char **f;
	size_t *n, nf;
};

struct formcheck {
	unsigned char delim;
	struct form form;
	struct annex_row *row;
	size_t nrows;
	const char *file;
	int have_first, saw_header, fatal, col[5];
	unsigned long rows, passed, rejected, missing;
	struct fig *fig;	/* per form row: the figure the annex gives */
	int *at;		/* per form row: the annex row, or -1 */
};

static void
form_problem(struct formcheck *k, size_t ar, const char *stt, const char *what)
{
	fprintf(stderr, "%s: %s (%s:%lu)\n", stt, what, k->file, ar < k->nrows ? k->row[ar].line : 0);
	if (ar < k->nrows)
		k->row[ar].bad = 1;
}

static int
on_annex_row(struct csv_row *row, void *ctx)
{
	static const char *const want[5] = {"stt", "chi_tieu", "don_vi", "so_lieu", "ghi_chu"};
	struct formcheck *k = ctx;
	struct annex_row *a;
	size_t i;

	if (row->rec == 0) {
		k->saw_header = 1;
		for (i = 0; i < 5; i++)
			k->col[i] = -1;
		for (i = 0; i < row->nf; i++) {
			char *f = fold(row->f[i].s, row->f[i].n);
			size_t c;
			for (c = 0; c < 5; c++)
				if (strcmp(f, want[c]) == 0)
					k->col[c] = (int)i;
			free(f);
		}
		if (k->col[0] < 0 || k->col[3] < 0) {
			char hdr[1024];
			dossier_header_text(row, hdr, sizeof hdr);
			msg_at(row->file, row->line, NULL, "not a filled annex: it needs the columns "
			    "stt and so_lieu; the header found", hdr, strlen(hdr));
			k->fatal = 1;
			return 1;
		}
		if (!k->have_first) {
			k->have_first = 1;
			for (i = 0; i < row->nf; i++)
				out_field(out_stdout, row->f[i].s, row->f[i].n);
			out_endrow(out_stdout);
		}
		return 0;
	}
	k->rows++;
	k->row = erealloc(k->row, (k->nrows + 1) * sizeof *k->row);
	a = &k->row[k->nrows++];
	memset(a, 0, sizeof *a);
	a->line = row->line;
	a->nf = row->nf;
	a->f = emalloc((row->nf + 1) * sizeof *a->f);
	a->n = emalloc((row->nf + 1) * sizeof *a->n);
	for (i = 0; i < row->nf; i++) {
		a->f[i] = estrndup(row->f[i].s, row->f[i].n);
		a->n[i] = row->f[i].n;
	}
	a->form_row = -1;
	if (row->err || row->nf <= (size_t)k->col[0] || row->nf <= (size_t)k->col[3]) {
		form_problem(k, k->nrows - 1, "?", row->err ? row->err : "a row cut short");
		return 0;
	}
	{
		const char *stt = row->f[k->col[0]].s, *v = row->f[k->col[3]].s;
		size_t sn = row->f[k->col[0]].n, vn = row->f[k->col[3]].n, at;
		int fr = form_find(&k->form, stt, sn), err, pct;
		char what[512], q[256];
		struct form_row *r;

		if (text_check(stt, sn, &at) != TEXT_OK || text_check(v, vn, &at) != TEXT_OK) {
			form_problem(k, k->nrows - 1, "?", "not UTF-8");
			return 0;
		}
		if (fr < 0) {
			snprintf(what, sizeof what, "no such row in form %s", k->form.name);
			form_problem(k, k->nrows - 1, a->f[k->col[0]], what);
			return 0;
		}
		a->form_row = fr;
		r = &k->form.row[fr];
		if (k->at[fr] >= 0) {
			snprintf(what, sizeof what, "given twice (first on line %lu)", k->row[k->at[fr]].line);
			form_problem(k, k->nrows - 1, r->stt, what);
			return 0;
		}
		k->at[fr] = (int)(k->nrows - 1);
		trim(&v, &vn);
		if (vn == 0) {
			if (r->e.nnum > 0)
				form_problem(k, k->nrows - 1, r->stt, "no figure");
			return 0;
		}
		if (r->pct) {
			err = num_decimal(v, vn, &k->fig[fr].d, &pct);
		} else {
			int64_t c;
			err = num_count(v, vn, &c);
			k->fig[fr].d.v = c;
			k->fig[fr].d.scale = 0;
		}
		if (err != NUM_OK) {
			msg_quote(q, sizeof q, v, vn);
			snprintf(what, sizeof what, "so_lieu %s: %s (unit: %s)", q, num_strerror(err),
			    r->don_vi[0] ? r->don_vi : "none");
			form_problem(k, k->nrows - 1, r->stt, what);
			return 0;
		}
		k->fig[fr].ok = 1;
	}
	return 0;
}

static void
terms_text(const struct form *f, const struct form_row *r, const struct fig *fig,
           size_t from, size_t to, char *names, size_t nsz, char *vals, size_t vsz)
{
	size_t t, no = 0, vo = 0;
	char buf[64];

	names[0] = vals[0] = '\0';
	for (t = from; t < to; t++) {
		num_format_dec(fig[r->ref[t]].d, '.', 0, buf);
		no += (size_t)snprintf(names + no, nsz - no, "%s%s", t > from ? "+" : "", f->row[r->ref[t]].stt);
		vo += (size_t)snprintf(vals + vo, vsz - vo, "%s%s", t > from ? "+" : "", buf);
		if (no >= nsz || vo >= vsz)
			break;
	}
}

static void
check_relations(struct formcheck *k)
{
	const struct form *f = &k->form;
	size_t i, t;

	for (i = 0; i < f->n; i++) {
		const struct form_row *r = &f->row[i];
		struct dec a = {0, 0}, b = {0, 0}, exact;
		char an[256], av[256], bn[256], bv[256], what[1200], ps[64], es[64];
		int known = k->fig[i].ok;

		if (k->at[i] < 0) {
			fprintf(stderr, "%s: missing from the annex (form %s)\n", r->stt, f->name);
			k->missing++;
			continue;
		}
		if (!r->e.rows)
			continue;
		for (t = 0; t < r->e.nnum + r->e.nden && known; t++) {
			const struct fig *g = &k->fig[r->ref[t]];
			known = g->ok && dec_add(t < r->e.nnum ? a : b, g->d, t < r->e.nnum ? &a : &b);
		}
		if (!known)
			continue;	/* a figure it needs is missing or bad: said */
		terms_text(f, r, k->fig, 0, r->e.nnum, an, sizeof an, av, sizeof av);
		num_format_dec(k->fig[i].d, '.', 0, ps);
		if (r->e.nden == 0) {
			struct dec d = k->fig[i].d;
			if (d.scale == a.scale && d.v == a.v)
				continue;
			num_format_dec(a, '.', 0, es);
			snprintf(what, sizeof what, "%s is not %s = %s = %s", ps, an, av, es);
			form_problem(k, (size_t)k->at[i], r->stt, what);
			continue;
		}
		terms_text(f, r, k->fig, r->e.nnum, r->e.nnum + r->e.nden, bn, sizeof bn, bv, sizeof bv);
		if (b.v == 0) {
			snprintf(what, sizeof what, "%s%% is a rate of %s/%s, whose denominator is 0", ps, an, bn);
			form_problem(k, (size_t)k->at[i], r->stt, what);
			continue;
		}
		if (dec_percent_matches(k->fig[i].d, a, b))
			continue;
		dec_percent(a, b, k->fig[i].d.scale, &exact);
		num_format_dec(exact, '.', 0, es);
		snprintf(what, sizeof what, "%s%% is not %s/%s = %s/%s = %s%% (to %d decimals, as printed)",
		    ps, an, bn, av, bv, es, k->fig[i].d.scale);
		form_problem(k, (size_t)k->at[i], r->stt, what);
	}
}

int
run_form(const char *form, unsigned char delim, char **files, int nfiles)
{
	struct formcheck k;
	char err[1024];
	size_t i, c;
	int fi, r;

	memset(&k, 0, sizeof k);
	if (form_load(form, &k.form, err, sizeof err) < 0)
		die("--form: %s", err);
	k.fig = calloc(k.form.n + 1, sizeof *k.fig);
	k.at = emalloc((k.form.n + 1) * sizeof *k.at);
	if (!k.fig)
		die("out of memory");
	for (i = 0; i < k.form.n; i++)
		k.at[i] = -1;
	for (fi = 0; fi < nfiles; fi++) {
		k.file = files[fi];
		k.saw_header = 0;
		r = csvin_read(files[fi], delim, on_annex_row, &k, NULL);
		if (r == CSVIN_EOPEN || r == CSVIN_EREAD)
			die("%s: %s: %s", files[fi], r == CSVIN_EOPEN ? "cannot open" : "read error", strerror(errno));
		if (r == CSVIN_UTF16)
			die("%s: the file is UTF-16; convert it first: iconv -f UTF-16 -t UTF-8", files[fi]);
		if (k.fatal) {	/* not an annex: reported */
			out_close(out_stdout);
			exit(EXIT_FAIL);
		}
		if (!k.saw_header)
			die("%s: empty file: no header line", files[fi]);
	}
	check_relations(&k);
	for (i = 0; i < k.nrows; i++) {
		if (k.row[i].bad) {
			k.rejected++;
			continue;
		}
		k.passed++;
		for (c = 0; c < k.row[i].nf; c++)
			out_field(out_stdout, k.row[i].f[c], k.row[i].n[c]);
		out_endrow(out_stdout);
	}
	out_close(out_stdout);
	warnx_("%lu rows: %lu passed, %lu rejected", k.rows, k.passed, k.rejected);
	for (i = 0; i < k.nrows; i++) {
		for (c = 0; c < k.row[i].nf; c++)
			free(k.row[i].f[c]);
		free(k.row[i].f);
		free(k.row[i].n);
	}
	free(k.row);
	free(k.fig);
	free(k.at);
	form_free(&k.form);
	return k.rejected || k.missing ? EXIT_DATA : EXIT_OK;
}
