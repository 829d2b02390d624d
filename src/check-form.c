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

/* The annex's columns, by folded name. */
enum { A_STT, A_CHI_TIEU, A_DON_VI, A_SO_LIEU, A_GHI_CHU, NACOLS };
static const char *const annex_col[NACOLS] = {"stt", "chi_tieu", "don_vi", "so_lieu", "ghi_chu"};

struct annex_row {
	const char *file;	/* the FILE it was read from, for messages */
	unsigned long line;
	int form_row;		/* -1: not in the form */
	int bad;
	char **f;
	size_t *n, nf;
};

struct formcheck {
	struct form form;
	struct annex_row *row;
	size_t nrows, cap;
	int have_first, saw_header, fatal, col[NACOLS];
	unsigned char delim;
	char **folded;		/* the first header's names, folded */
	size_t nf;		/* and how many */
	unsigned long rows, passed, rejected, missing, empty;
	struct fig *fig;	/* per form row: the figure the annex gives */
	int *at;		/* per form row: the annex row, or -1 */
};

/* A value of the annex as a message shows it at the start of a line (an
 * stt): control bytes as \xNN, cut after 80 bytes, "?" when empty. */
static void
shown(char *buf, size_t size, const char *s, size_t n)
{
	char q[512];
	size_t len;

	trim(&s, &n);
	if (n == 0) {
		snprintf(buf, size, "?");
		return;
	}
	msg_quote(q, sizeof q, s, n);
	len = strlen(q);
	snprintf(buf, size, "%.*s", (int)(len - 2), q + 1);
}

/* One problem of annex row ar, as "STT: WHAT (FILE:LINE)". */
static void
form_problem(struct formcheck *k, size_t ar, const char *stt, const char *what)
{
	fprintf(stderr, "%s: %s (%s:%lu)\n", stt, what, k->row[ar].file, k->row[ar].line);
	k->row[ar].bad = 1;
}

/* A header's problem: said now, and the run ends (run_form). */
static int
header_fails(struct formcheck *k, const struct csv_row *row, const char *what,
             const char *value, size_t vlen)
{
	msg_at(row->file, row->line, NULL, what, value, vlen);
	k->fatal = 1;
	return 1;
}

static int
annex_header(struct formcheck *k, const struct csv_row *row)
{
	char what[1024], hdr[1024];
	int col[NACOLS];
	const char *v;
	size_t i, c, vn;

	k->saw_header = 1;
	if (check_header_text(row, what, sizeof what, &v, &vn) < 0)
		return header_fails(k, row, what, v, vn);
	if (k->have_first) {
		if (!check_same_header(row, k->folded, k->nf, hdr, sizeof hdr))
			return header_fails(k, row, CHECK_NOT_FIRST, hdr, strlen(hdr));
		return 0;
	}
	for (c = 0; c < NACOLS; c++)
		col[c] = -1;
	k->folded = ecalloc(row->nf + 1, sizeof *k->folded);
	k->nf = row->nf;
	for (i = 0; i < row->nf; i++) {
		k->folded[i] = fold(row->f[i].s, row->f[i].n);
		for (c = 0; c < NACOLS; c++)
			if (strcmp(k->folded[i], annex_col[c]) == 0) {
				if (col[c] >= 0) {
					snprintf(what, sizeof what, "two columns are %s: fields %d and %zu",
					    annex_col[c], col[c] + 1, i + 1);
					return header_fails(k, row, what, NULL, 0);
				}
				col[c] = (int)i;
			}
	}
	if (col[A_STT] < 0 || col[A_SO_LIEU] < 0) {
		dossier_header_text(row, hdr, sizeof hdr);
		header_fails(k, row, "not a filled annex: it needs the columns "
		    "stt and so_lieu; the header found", hdr, strlen(hdr));
		if (k->delim == ',' && row->nf == 1 && (strchr(hdr, ';') || strchr(hdr, '\t')))
			warnx_("the header has no comma: is it delimited by ';' or a tab? "
			    "try -d ';' or -d '\\t'");
		return 1;
	}
	memcpy(k->col, col, sizeof col);
	k->have_first = 1;
	for (i = 0; i < row->nf; i++)
		out_field(out_stdout, row->f[i].s, row->f[i].n);
	out_endrow(out_stdout);
	return 0;
}

/* A figure in so_lieu, for its row's unit. */
static void
annex_figure(struct formcheck *k, size_t ar, int fr, const char *v, size_t vn)
{
	struct form_row *r = &k->form.row[fr];
	char what[512], q[256];
	int err, pct;

	trim(&v, &vn);
	if (vn == 0) {
		if (r->e.nnum > 0)
			form_problem(k, ar, r->stt, "no figure");
		return;
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
		snprintf(what, sizeof what, "so_lieu %s: %s (unit: %s)", q,
		    r->pct ? (err == NUM_ERANGE ? "too many digits to hold exactly" : "not a number") :
		    check_count_error(err), r->don_vi[0] ? r->don_vi : "none");
		form_problem(k, ar, r->stt, what);
		return;
	}
	k->fig[fr].ok = 1;
}

static void
annex_row(struct formcheck *k, const struct csv_row *row)
{
	struct annex_row *a;
	char stt[128], what[1024];
	size_t i, ar, at;
	int fr, bad;

	k->rows++;
	if (k->nrows == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 64;
		k->row = erealloc(k->row, k->cap * sizeof *k->row);
	}
	ar = k->nrows++;
	a = &k->row[ar];
	memset(a, 0, sizeof *a);
	a->file = row->file;
	a->line = row->line;
	a->form_row = -1;
	a->nf = row->nf;
	a->f = emalloc((row->nf + 1) * sizeof *a->f);
	a->n = emalloc((row->nf + 1) * sizeof *a->n);
	for (i = 0; i < row->nf; i++) {
		a->f[i] = estrndup(row->f[i].s, row->f[i].n);
		a->n[i] = row->f[i].n;
	}
	/* the stt as the message starts with it, when it was read and is text */
	if ((size_t)k->col[A_STT] < row->nf &&
	    text_check(row->f[k->col[A_STT]].s, row->f[k->col[A_STT]].n, &at) == TEXT_OK)
		shown(stt, sizeof stt, row->f[k->col[A_STT]].s, row->f[k->col[A_STT]].n);
	else
		snprintf(stt, sizeof stt, "?");
	if (row->err) {
		csvin_error_text(row, what, sizeof what);
		form_problem(k, ar, stt, what);
		return;
	}
	if (row->nf != k->nf) {
		csvin_nf_text(row, k->nf, what, sizeof what);
		form_problem(k, ar, stt, what);
		return;
	}
	/* what is written out is UTF-8 */
	for (i = 0; i < row->nf; i++)
		if ((bad = text_check(row->f[i].s, row->f[i].n, &at)) != TEXT_OK) {
			char tail[1024];
			msg_tail(tail, sizeof tail, k->folded[i], bad == TEXT_NUL ?
			    "a NUL byte in the value" : text_advice(row->f[i].s, row->f[i].n, at),
			    row->f[i].s, row->f[i].n);
			form_problem(k, ar, stt, tail);
			return;
		}
	if (strcmp(stt, "?") == 0) {
		form_problem(k, ar, stt, "a row without stt");
		return;
	}
	fr = form_find(&k->form, row->f[k->col[A_STT]].s, row->f[k->col[A_STT]].n);
	if (fr < 0) {
		snprintf(what, sizeof what, "no such row in form %s", k->form.name);
		form_problem(k, ar, stt, what);
		return;
	}
	a->form_row = fr;
	if (k->at[fr] >= 0) {
		const struct annex_row *first = &k->row[k->at[fr]];
		if (first->file == a->file)
			snprintf(what, sizeof what, "given twice (first on line %lu)", first->line);
		else
			snprintf(what, sizeof what, "given twice (first at %s:%lu)", first->file,
			    first->line);
		form_problem(k, ar, k->form.row[fr].stt, what);
		return;
	}
	k->at[fr] = (int)ar;
	annex_figure(k, ar, fr, row->f[k->col[A_SO_LIEU]].s, row->f[k->col[A_SO_LIEU]].n);
}

static int
on_annex_row(struct csv_row *row, void *ctx)
{
	struct formcheck *k = ctx;

	if (row->rec == 0)
		return annex_header(k, row);
	annex_row(k, row);
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

/* a = b as numbers, whatever their scales (12.5 = 12.50). */
static int
dec_same(struct dec a, struct dec b)
{
	__int128 x = a.v, y = b.v;	/* 2^63 * 10^18 < 2^127 */
	int i;

	for (i = a.scale; i < b.scale; i++)
		x *= 10;
	for (i = b.scale; i < a.scale; i++)
		y *= 10;
	return x == y;
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
		int known = k->fig[i].ok, over = 0, m;

		if (k->at[i] < 0) {
			fprintf(stderr, "%s: missing from the annex (form %s)\n", r->stt, f->name);
			k->missing++;
			continue;
		}
		if (!r->e.rows)
			continue;
		for (t = 0; t < r->e.nnum + r->e.nden && known && !over; t++) {
			const struct fig *g = &k->fig[r->ref[t]];
			known = g->ok;
			over = known && !dec_add(t < r->e.nnum ? a : b, g->d, t < r->e.nnum ? &a : &b);
		}
		if (!known)
			continue;	/* a figure it needs is missing or bad: said */
		terms_text(f, r, k->fig, 0, r->e.nnum, an, sizeof an, av, sizeof av);
		terms_text(f, r, k->fig, r->e.nnum, r->e.nnum + r->e.nden, bn, sizeof bn, bv, sizeof bv);
		num_format_dec(k->fig[i].d, '.', 0, ps);
		if (over) {
			if (r->e.nden == 0)
				snprintf(what, sizeof what, "%s cannot be checked: %s = %s is too large "
				    "to add up exactly", ps, an, av);
			else
				snprintf(what, sizeof what, "%s%% cannot be checked: %s/%s = %s/%s is too "
				    "large to add up exactly", ps, an, bn, av, bv);
			form_problem(k, (size_t)k->at[i], r->stt, what);
			continue;
		}
		if (r->e.nden == 0) {
			if (dec_same(k->fig[i].d, a))
				continue;
			num_format_dec(a, '.', 0, es);
			snprintf(what, sizeof what, "%s is not %s = %s = %s", ps, an, av, es);
			form_problem(k, (size_t)k->at[i], r->stt, what);
			continue;
		}
		if (b.v == 0) {
			snprintf(what, sizeof what, "%s%% is a rate of %s/%s, whose denominator is 0", ps, an, bn);
			form_problem(k, (size_t)k->at[i], r->stt, what);
			continue;
		}
		m = k->fig[i].d.scale > 15 ? -1 : check_rate_matches(k->fig[i].d, a, b);
		if (m == 1)
			continue;
		if (m < 0 || !dec_percent(a, b, k->fig[i].d.scale, &exact)) {
			snprintf(what, sizeof what, "%s%% cannot be checked against %s/%s = %s/%s: %s",
			    ps, an, bn, av, bv, k->fig[i].d.scale > 15 ? "more than 15 decimals" :
			    "too large to compute exactly");
			form_problem(k, (size_t)k->at[i], r->stt, what);
			continue;
		}
		num_format_dec(exact, '.', 0, es);
		snprintf(what, sizeof what, "%s%% is not %s/%s = %s/%s = %s%% (to %d %s, as printed)",
		    ps, an, bn, av, bv, es, k->fig[i].d.scale,
		    k->fig[i].d.scale == 1 ? "decimal" : "decimals");
		form_problem(k, (size_t)k->at[i], r->stt, what);
	}
}

static void
formcheck_free(struct formcheck *k)
{
	size_t i, c;

	for (i = 0; i < k->nrows; i++) {
		for (c = 0; c < k->row[i].nf; c++)
			free(k->row[i].f[c]);
		free(k->row[i].f);
		free(k->row[i].n);
	}
	for (i = 0; i < k->nf; i++)
		free(k->folded[i]);
	free(k->folded);
	free(k->row);
	free(k->fig);
	free(k->at);
	form_free(&k->form);
}

int
run_form(const char *form, unsigned char delim, char **files, int nfiles)
{
	struct formcheck k;
	char err[1024];
	size_t i, c;
	int fi, r;

	memset(&k, 0, sizeof k);
	k.delim = delim;
	if (form_load(form, &k.form, err, sizeof err) < 0)
		die("--form: %s", err);
	if (k.form.wide) {	/* a row per group (check-wide.c) */
		r = run_wide(&k.form, delim, files, nfiles);
		form_free(&k.form);
		return r;
	}
	k.fig = ecalloc(k.form.n + 1, sizeof *k.fig);
	k.at = emalloc((k.form.n + 1) * sizeof *k.at);
	for (i = 0; i < k.form.n; i++)
		k.at[i] = -1;
	for (fi = 0; fi < nfiles && !k.fatal; fi++) {
		struct csvin_stats st = {0, 0};
		char why[1024];
		k.saw_header = 0;
		r = csvin_read(files[fi], delim, on_annex_row, &k, &st);
		k.empty += st.empty;
		if (csvin_end_text(r, k.saw_header, files[fi], why, sizeof why)) {
			/* a workbook, UTF-16, no header...: no annex */
			warnx_("%s", why);
			k.fatal = 1;
		}
	}
	if (k.fatal) {	/* the annex is not all here: its relations cannot be checked */
		out_close(out_stdout);
		formcheck_free(&k);
		return EXIT_FAIL;
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
	check_summary(k.empty, k.rows, k.passed, k.rejected);
	formcheck_free(&k);
	return k.rejected || k.missing ? EXIT_DATA : EXIT_OK;
}
