/* cchc-rate: append exact percentages to a count table. */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cols.h"
#include "lib/csvin.h"
#include "lib/expr.h"
#include "lib/fold.h"
#include "lib/msg.h"
#include "lib/msgs.h"
#include "lib/num.h"
#include "lib/out.h"

static void
usage(FILE *fp)
{
	fputs("usage: cchc-rate [-p DIGITS] [--excel] [NAME=EXPR]... [FILE]...\n", fp);
	if (fp == stderr)
		return;
	fputs("Append one column per NAME=EXPR: EXPR is A/B, A and B column names or\n"
	    "sums of them; the value is A/B*100 rounded half away from zero, exactly.\n"
	    "\n"
	    "  -p, --digits N     decimals, 0 to 15 (default 2)\n"
	    "  -d, --delimiter C  input delimiter: , (default), ; or \\t\n"
	    "      --excel        CSV for a Vietnamese Excel: BOM, ';', CR LF, rates 99,50\n"
	    "  -h, --help         show this help\n"
	    "      --version      show the version\n"
	    "\n"
	    "Without NAME=EXPR, the standard rates whose columns are present:\n"
	    "  ty_le_dung_han=gq_truoc_han+gq_dung_han/da_giai_quyet\n"
	    "  ty_le_truc_tuyen=nop_truc_tuyen/moi_tiep_nhan\n"
	    "and of an estimate's uoc_ columns (cchc-sum --estimate), uoc_ty_le_dung_han\n"
	    "and uoc_ty_le_truc_tuyen the same way.\n"
	    "A zero denominator gives an empty field. Exit status: 0 fine, 1 a value\n"
	    "was not a count (reported), 2 usage or a column missing. See cchc-rate(1).\n", fp);
}

struct rate {
	char *name;
	const char *text;	/* NAME=EXPR as given, for messages */
	struct expr e;
	int *num, *den;		/* the terms' fields */
};

struct ratejob {
	unsigned char delim;
	int digits;
	char point;		/* the rates' decimal mark: '.', or ',' for Excel */
	struct rate *r;
	size_t nr;
	int standard;		/* no NAME=EXPR given */
	char **header;		/* the first file's header, folded */
	size_t nf;
	int have_first, saw_header;
	unsigned long rows, bad;
	int fatal;
	struct msgs *msgs;	/* problems of rows, said at each file's end */
	char *buf;		/* for the header's NFC */
	size_t cap;
};

/* What is wrong with text that text_check refused. */
static const char *
text_problem(int err, const char *s, size_t n, size_t at)
{
	return err == TEXT_NUL ? "a NUL byte in the text" : text_advice(s, n, at);
}

/* A header's names as they are matched: trimmed, NFC, folded, into
 * names[0..nf). Returns 0, or -1 when one is not text (said). */
static int
fold_header(struct ratejob *j, const struct csv_row *row, char **names)
{
	size_t i, at;
	int err;

	if (row->err) {	/* no header, no table: nothing to go on */
		char what[256];
		csvin_error_text(row, what, sizeof what);
		msg_at(row->file, row->line, "header", what, NULL, 0);
		return -1;
	}
	for (i = 0; i < row->nf; i++) {
		const char *s = row->f[i].s;
		size_t n = row->f[i].n;
		if ((err = text_check(s, n, &at)) != TEXT_OK) {
			msg_at(row->file, row->line, "header", text_problem(err, s, n, at), s, n);
			while (i > 0)
				free(names[--i]);
			return -1;
		}
		trim(&s, &n);
		n = nfc(s, n, &j->buf, &j->cap);
		names[i] = fold(j->buf, n);
	}
	return 0;
}

static void
show_mistake(const char *text, size_t at, const char *why)
{
	warnx_("%s: %s", text, why);
	fprintf(stderr, "  %s\n  %*s^\n", text, (int)at, "");
}

static int
field_of(struct ratejob *j, const char *name)
{
	char *f = fold(name, strlen(name));
	size_t i;

	for (i = 0; i < j->nf; i++)
		if (strcmp(j->header[i], f) == 0) {
			free(f);
			return (int)i;
		}
	free(f);
	return -1;
}

static int
bind_terms(struct ratejob *j, struct rate *r, const struct csv_row *row)
{
	size_t i;

	r->num = emalloc((r->e.nnum + 1) * sizeof *r->num);
	r->den = emalloc((r->e.nden + 1) * sizeof *r->den);
	for (i = 0; i < r->e.nnum + r->e.nden; i++) {
		const char *name = i < r->e.nnum ? r->e.num[i] : r->e.den[i - r->e.nnum];
		int f = field_of(j, name);
		if (f < 0) {
			char what[256];
			snprintf(what, sizeof what, "%s: no column \"%s\"", r->text, name);
			msg_at(row->file, row->line, NULL, what, NULL, 0);
			return -1;
		}
		(i < r->e.nnum ? r->num : r->den)[i < r->e.nnum ? i : i - r->e.nnum] = f;
	}
	return 0;
}

static int
on_header(struct ratejob *j, const struct csv_row *row)
{
	size_t i, k;

	if (j->have_first) {	/* later files: the same columns */
		char **names = emalloc((row->nf + 1) * sizeof *names);
		int same = row->nf == j->nf;
		if (fold_header(j, row, names) < 0) {
			free(names);
			return -1;
		}
		for (i = 0; i < row->nf; i++) {
			same = same && strcmp(names[i], j->header[i]) == 0;
			free(names[i]);
		}
		free(names);
		if (!same) {
			msg_at(row->file, row->line, NULL,
			    "the header is not the first file's", NULL, 0);
			return -1;
		}
		return 0;
	}
	j->header = emalloc((row->nf + 1) * sizeof *j->header);
	if (fold_header(j, row, j->header) < 0)
		return -1;
	j->have_first = 1;
	j->nf = row->nf;
	if (j->standard) {
		/* each standard rate, then its estimate's (cchc-sum --estimate):
		 * uoc_ty_le_... of the uoc_ columns */
		for (k = 0; k < 2 * nstandard_rate; k++) {
			const struct std_rate *sr = &standard_rate[k % nstandard_rate];
			int uoc = k >= nstandard_rate;
			struct rate r;
			const char *why;
			size_t at;
			memset(&r, 0, sizeof r);
			r.name = emalloc(strlen(sr->name) + 5);
			sprintf(r.name, "%s%s", uoc ? "uoc_" : "", sr->name);
			r.text = r.name;
			expr_parse(sr->expr, EXPR_RATES, &r.e, &why, &at);
			for (i = 0; uoc && i < r.e.nnum + r.e.nden; i++) {
				char **term = i < r.e.nnum ? &r.e.num[i] : &r.e.den[i - r.e.nnum];
				char *u = emalloc(strlen(*term) + 5);
				sprintf(u, "uoc_%s", *term);
				free(*term);
				*term = u;
			}
			for (i = 0; i < r.e.nnum + r.e.nden; i++)
				if (field_of(j, i < r.e.nnum ? r.e.num[i] : r.e.den[i - r.e.nnum]) < 0)
					break;
			if (i < r.e.nnum + r.e.nden) {	/* its columns are not all here */
				expr_free(&r.e);
				free(r.name);
				continue;
			}
			j->r = erealloc(j->r, (j->nr + 1) * sizeof *j->r);
			j->r[j->nr++] = r;
		}
		if (j->nr == 0) {
			msg_at(row->file, row->line, NULL, "no standard rate can be computed: "
			    "the columns gq_truoc_han, gq_dung_han, da_giai_quyet or "
			    "nop_truc_tuyen, moi_tiep_nhan are missing; give NAME=EXPR", NULL, 0);
			return -1;
		}
	}
	for (k = 0; k < j->nr; k++) {
		if (field_of(j, j->r[k].name) >= 0) {
			char what[256];
			snprintf(what, sizeof what, "%s: the table has a column %s already",
			    j->r[k].text, j->r[k].name);
			msg_at(row->file, row->line, NULL, what, NULL, 0);
			return -1;
		}
		if (bind_terms(j, &j->r[k], row) < 0)
			return -1;
	}
	for (i = 0; i < row->nf; i++)
		out_field(out_stdout, row->f[i].s, row->f[i].n);
	for (k = 0; k < j->nr; k++)
		out_fieldz(out_stdout, j->r[k].name);
	out_endrow(out_stdout);
	return 0;
}

/* The terms of one side of r, "a+b", and their values in row,
 * "9223372036854775807+1", for a sum too large. */
static void
side_text(const struct rate *r, const struct csv_row *row, int below, char *names,
          size_t nsz, char **vals, size_t *vlen)
{
	size_t i, n = below ? r->e.nden : r->e.nnum, no = 0, vo = 0;
	char **terms = below ? r->e.den : r->e.num;
	const int *f = below ? r->den : r->num;

	names[0] = '\0';
	*vals = NULL;
	for (i = 0; i < n; i++) {
		const struct csv_field *x = &row->f[f[i]];
		if (no < nsz)
			no += (size_t)snprintf(names + no, nsz - no, "%s%s", i ? "+" : "", terms[i]);
		*vals = erealloc(*vals, vo + x->n + 2);
		if (i)
			(*vals)[vo++] = '+';
		memcpy(*vals + vo, x->s, x->n);
		vo += x->n;
	}
	if (no >= nsz && nsz > 4)	/* cut short: say so */
		memcpy(names + nsz - 4, "...", 4);
	*vlen = vo;
}

static void
on_data(struct ratejob *j, const struct csv_row *row)
{
	size_t i, k, at;
	int problem = 0, err;

	j->rows++;
	if (row->err || row->nf != j->nf) {
		char what[256];
		if (row->err)
			csvin_error_text(row, what, sizeof what);
		else
			csvin_nf_text(row, j->nf, what, sizeof what);
		msgs_add(j->msgs, NULL, row->file, row->line, NULL, what, NULL, 0);
		j->bad++;
		return;
	}
	for (i = 0; i < row->nf; i++)	/* the output is UTF-8: a row that is not stays out */
		if ((err = text_check(row->f[i].s, row->f[i].n, &at)) != TEXT_OK) {
			msgs_add(j->msgs, NULL, row->file, row->line, j->header[i],
			    text_problem(err, row->f[i].s, row->f[i].n, at), row->f[i].s, row->f[i].n);
			j->bad++;
			return;
		}
	for (i = 0; i < row->nf; i++)
		out_field(out_stdout, row->f[i].s, row->f[i].n);
	for (k = 0; k < j->nr; k++) {
		struct rate *r = &j->r[k];
		int64_t a = 0, b = 0, v;
		char buf[64];
		int bad = 0, over = -1;

		for (i = 0; i < r->e.nnum + r->e.nden; i++) {
			int below = i >= r->e.nnum;
			int f = below ? r->den[i - r->e.nnum] : r->num[i];
			const struct csv_field *x = &row->f[f];
			err = num_count(x->s, x->n, &v);
			if (err != NUM_OK) {
				char what[256];
				snprintf(what, sizeof what, "%s (for %s)", num_strerror(err), r->name);
				msgs_add(j->msgs, NULL, row->file, row->line,
				    below ? r->e.den[i - r->e.nnum] : r->e.num[i], what, x->s, x->n);
				bad = 1;
				break;
			}
			if (!num_add(below ? &b : &a, v) && over < 0)
				over = below;	/* each value a count, their sum not */
		}
		if (!bad && over >= 0) {
			char names[256], what[256], *vals;
			size_t vlen;
			side_text(r, row, over, names, sizeof names, &vals, &vlen);
			snprintf(what, sizeof what, "sum too large (for %s)", r->name);
			msgs_add(j->msgs, NULL, row->file, row->line, names, what, vals, vlen);
			free(vals);
			bad = 1;
		}
		if (bad)
			problem = 1;
		if (bad || b == 0) {
			out_field(out_stdout, "", 0);
			continue;
		}
		{
			size_t len = num_percent(a, b, j->digits, buf);
			char *dot = j->point != '.' ? memchr(buf, '.', len) : NULL;
			if (dot)
				*dot = j->point;
			out_field(out_stdout, buf, len);
		}
	}
	out_endrow(out_stdout);
	if (problem)
		j->bad++;
}

static int
on_row(struct csv_row *row, void *ctx)
{
	struct ratejob *j = ctx;

	if (row->rec == 0) {
		j->saw_header = 1;
		if (on_header(j, row) < 0) {
			j->fatal = 1;
			return 1;
		}
		return 0;
	}
	on_data(j, row);
	return 0;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"digits", required_argument, NULL, 'p'},
		{"delimiter", required_argument, NULL, 'd'},
		{"excel", no_argument, NULL, 'E'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct ratejob j;
	char **files;
	size_t nfiles = 0, i;
	int opt, d, excel = 0;

	msg_init(argv[0]);
	memset(&j, 0, sizeof j);
	j.delim = ',';
	j.digits = 2;
	j.point = '.';
	while ((opt = getopt_long(argc, argv, "p:d:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'p':
			if ((j.digits = (int)opt_int("-p", optarg, 0, 15, "a number of decimals")) < 0)
				return EXIT_FAIL;
			break;
		case 'd':
			if ((d = csvin_delim_opt("-d", optarg)) < 0)
				return EXIT_FAIL;
			j.delim = (unsigned char)d;
			break;
		case 'E':
			/* a Vietnamese Excel reads 99,50 as a number, 99.50 as none */
			excel = 1;
			j.point = ',';
			break;
		case 'h':
			usage(stdout);
			return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
		case 'V':
			puts("cchc-rate " CCHC_VERSION);
			return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
		default:
			usage(stderr);
			return EXIT_FAIL;
		}
	}
	files = emalloc((size_t)(argc + 1) * sizeof *files);
	for (; optind < argc; optind++) {
		const char *a = argv[optind], *eq = strchr(a, '=');
		struct rate r;
		const char *why;
		size_t at;

		if (!eq) {
			files[nfiles++] = argv[optind];
			continue;
		}
		memset(&r, 0, sizeof r);
		r.text = a;
		r.name = estrndup(a, (size_t)(eq - a));
		/* a usage error: exit at once, nothing to clean */
		if (eq == a) {
			show_mistake(a, 0, "the rate needs a NAME before '='");
			exit(EXIT_FAIL);
		}
		if (expr_parse(eq + 1, EXPR_RATES, &r.e, &why, &at) < 0) {
			show_mistake(a, (size_t)(eq + 1 - a) + at, why);
			exit(EXIT_FAIL);
		}
		if (r.e.rows || r.e.nden == 0 || r.e.digits >= 0) {
			show_mistake(a, (size_t)(eq + 1 - a) + (r.e.rows ? 0 : strlen(eq + 1)),
			    r.e.rows ? "'=' names rows of a form: here EXPR is A/B of columns" :
			    r.e.digits >= 0 ? "'@': use -p for the decimals" : "a rate needs '/'");
			exit(EXIT_FAIL);
		}
		{	/* a NAME once: names are matched folded */
			char *fn = fold(r.name, strlen(r.name));
			size_t k;
			for (k = 0; k < j.nr; k++) {
				char *fk = fold(j.r[k].name, strlen(j.r[k].name));
				int same = strcmp(fn, fk) == 0;
				free(fk);
				if (same) {
					free(fn);
					show_mistake(a, 0, "this NAME is given twice: a column has one name");
					exit(EXIT_FAIL);
				}
			}
			if (fn[0] == '\0') {
				free(fn);
				show_mistake(a, 0, "the NAME is not a column name");
				exit(EXIT_FAIL);
			}
			free(fn);
		}
		j.r = erealloc(j.r, (j.nr + 1) * sizeof *j.r);
		j.r[j.nr++] = r;
	}
	j.standard = j.nr == 0;
	if (nfiles == 0)
		files[nfiles++] = "-";
	{	/* standard input is read once: a second '-' would be empty */
		size_t uses = 0;
		for (i = 0; i < nfiles; i++)
			uses += strcmp(files[i], "-") == 0;
		if (uses > 1) {
			warnx_("-: standard input is named twice (it can be read once)");
			exit(EXIT_FAIL);
		}
	}
	out_init_stdout();
	if (excel)
		out_excel(out_stdout);
	j.msgs = msgs_new();
	for (i = 0; i < nfiles; i++) {
		char why[1024];
		int r;
		j.saw_header = 0;
		r = csvin_read(files[i], j.delim, on_row, &j, NULL);
		csvin_end_text(r, j.saw_header, files[i], why, sizeof why);
		if (msgs_flush(j.msgs, stderr) < 0)
			die("write error on standard error");
		if (why[0]) {	/* a workbook, UTF-16, no header...: no table */
			warnx_("%s", why);
			j.fatal = 1;
		}
		if (j.fatal && !j.have_first)
			break;
	}
	out_close(out_stdout);
	for (i = 0; i < j.nr; i++) {
		free(j.r[i].name);
		free(j.r[i].num);
		free(j.r[i].den);
		expr_free(&j.r[i].e);
	}
	free(j.r);
	for (i = 0; i < j.nf; i++)
		free(j.header[i]);
	free(j.header);
	free(j.buf);
	msgs_free(j.msgs);
	free(files);
	return j.fatal ? EXIT_FAIL : j.bad ? EXIT_DATA : EXIT_OK;
}
