/* cchc-check: validate and normalise a dossier export. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "lib/cols.h"
#include "lib/csvin.h"
#include "lib/date.h"
#include "lib/dossier.h"
#include "lib/expr.h"
#include "lib/fold.h"
#include "lib/forms.h"
#include "lib/msg.h"
#include "lib/num.h"
#include "lib/out.h"
#include "lib/smap.h"

static void
usage(FILE *fp)
{
	fputs("usage: cchc-check [-d C] [--rejects FILE] [--date-order dmy|mdy] [FILE]...\n"
	    "       cchc-check --counts [-d C] [FILE]...\n"
	    "       cchc-check --form NAME|FILE [-d C] [FILE]...\n", fp);
	if (fp == stderr)
		return;
	fputs("Validate a dossier export and write every sound row normalised;\n"
	    "or check a count table, or a filled annex, and write its sound rows.\n"
	    "\n"
	    "  -d, --delimiter C      input delimiter: , (default), ; or \\t\n"
	    "      --rejects FILE     write rejected rows there as CSV: dong,cot,loi,...\n"
	    "      --date-order ORD   dmy (default) or mdy for US-style slashed dates\n"
	    "      --counts           check a count table against the identities and\n"
	    "                         its rate columns against its counts\n"
	    "      --form NAME|FILE   check a filled annex of this form (bm1, bm3, bm7)\n"
	    "  -h, --help             show this help\n"
	    "      --version          show the version\n"
	    "\n"
	    "Ends with 'cchc-check: N rows: P passed, R rejected' on standard error.\n"
	    "Exit status: 0 all rows passed, 1 some were rejected, 2 the job could\n"
	    "not be done (usage, unreadable file, required column missing, write error).\n"
	    "See cchc-check(1).\n", fp);
}

struct check {
	unsigned char delim;
	int date_order;
	struct out *rejects;
	struct dossier_parser parser;
	struct dossier_cols first;	/* the first file's header: the output's */
	struct dossier_cols cols;	/* the current file's */
	int have_first;
	int saw_header;			/* the current file had one */
	int *perm;			/* output field i is input field perm[i] */
	struct smap *ids;		/* ma_ho_so seen in this file -> line */
	unsigned long rows, passed, rejected, empty;
	int fatal;
	/* the row being normalised: v[i] is its text, the reader's bytes
	 * when unchanged, else val[i] */
	const char **v;
	char **val;
	size_t *vlen, *vcap;
	unsigned char *plain;	/* v[i] is a code name or a date: no quotes */
	size_t *name_len[NCOLS];	/* of each code's name, for code columns */
	char *tmp;
	size_t tmpcap;
};

static void
reject(struct check *c, const struct csv_row *row, const char *colname,
       const char *why, const char *value, size_t vlen)
{
	char line[32];
	size_t i;

	c->rejected++;
	msg_at(row->file, row->line, colname, why, value, vlen);
	if (!c->rejects)
		return;
	snprintf(line, sizeof line, "%lu", row->line);
	out_fieldz(c->rejects, line);
	out_fieldz(c->rejects, colname ? colname : "");
	if (value) {
		char q[512];
		size_t wl = strlen(why);
		msg_quote(q, sizeof q, value, vlen);
		/* the reason and the value in one field */
		if (c->tmpcap < wl + strlen(q) + 3) {
			c->tmpcap = wl + strlen(q) + 3;
			c->tmp = erealloc(c->tmp, c->tmpcap);
		}
		snprintf(c->tmp, c->tmpcap, "%s: %s", why, q);
		out_fieldz(c->rejects, c->tmp);
	} else {
		out_fieldz(c->rejects, why);
	}
	for (i = 0; i < row->nf; i++)
		out_field(c->rejects, row->f[i].s, row->f[i].n);
	out_endrow(c->rejects);
}

static int
on_header(struct check *c, const struct csv_row *row)
{
	char err[1024], hdr[1024], miss[256];
	size_t i;

	if (dossier_cols_init(&c->cols, row, err, sizeof err) < 0) {
		msg_at(row->file, row->line, NULL, err, NULL, 0);
		c->fatal = 1;
		dossier_cols_free(&c->cols);
		return 1;
	}
	if (dossier_cols_missing(&c->cols, miss, sizeof miss)) {
		dossier_header_text(row, hdr, sizeof hdr);
		snprintf(err, sizeof err, "required column missing: %s; the header found", miss);
		msg_at(row->file, row->line, NULL, err, hdr, strlen(hdr));
		if (c->delim == ',' && row->nf == 1 && (strchr(hdr, ';') || strchr(hdr, '\t')))
			warnx_("the header has no comma: is it delimited by ';' or a tab? try -d ';' or -d '\\t'");
		c->fatal = 1;
		dossier_cols_free(&c->cols);
		return 1;
	}
	if (!c->have_first) {
		c->first = c->cols;
		c->have_first = 1;
		c->perm = emalloc(c->first.nf * sizeof *c->perm);
		c->v = emalloc(c->first.nf * sizeof *c->v);
		c->plain = emalloc(c->first.nf);
		c->val = emalloc(c->first.nf * sizeof *c->val);
		c->vlen = emalloc(c->first.nf * sizeof *c->vlen);
		c->vcap = emalloc(c->first.nf * sizeof *c->vcap);
		for (i = 0; i < c->first.nf; i++) {
			c->perm[i] = (int)i;
			c->val[i] = NULL;
			c->vcap[i] = 0;
			out_fieldz(out_stdout, c->first.name[i]);
		}
		out_endrow(out_stdout);
		if (c->rejects) {
			out_fieldz(c->rejects, "dong");
			out_fieldz(c->rejects, "cot");
			out_fieldz(c->rejects, "loi");
			for (i = 0; i < row->nf; i++)
				out_field(c->rejects, row->f[i].s, row->f[i].n);
			out_endrow(c->rejects);
		}
		return 0;
	}
	if (dossier_cols_match(&c->first, &c->cols, c->perm) < 0) {
		dossier_header_text(row, hdr, sizeof hdr);
		msg_at(row->file, row->line, NULL,
		    "the header does not have the first file's columns; the header found",
		    hdr, strlen(hdr));
		c->fatal = 1;
		dossier_cols_free(&c->cols);
		return 1;
	}
	dossier_cols_free(&c->cols);
	return 0;
}

/* Copies the normalised value of output field i. */
/* Room for n bytes and a NUL in val[i], which v[i] is then. */
static char *
val_room(struct check *c, size_t i, size_t n)
{
	if (c->vcap[i] < n + 1) {
		c->vcap[i] = n + 1 < 64 ? 64 : n + 1;
		c->val[i] = erealloc(c->val[i], c->vcap[i]);
	}
	c->v[i] = c->val[i];
	return c->val[i];
}

static __attribute__((noinline, cold)) void
text_reject(struct check *c, const struct csv_row *row, size_t i, const char *s, size_t n,
            int bad, size_t at)
{
	reject(c, row, c->first.name[i],
	    bad == TEXT_NUL ? "NUL byte in the value" : text_advice(s, n, at), s, n);
}

/* Is field i's text UTF-8 without NUL? Rejects the row when not. */
static inline int
text_ok(struct check *c, const struct csv_row *row, size_t i, const char *s, size_t n)
{
	size_t at;
	int bad = text_check(s, n, &at);

	if (bad == TEXT_OK)
		return 1;
	text_reject(c, row, i, s, n, bad, at);
	return 0;
}

/* Field i out as code column col's code (-1: empty), by its static name.
 * Inline: four codes a row. */
static inline __attribute__((always_inline)) void
put_code(struct check *c, size_t i, int col, int code)
{
	if (code < 0) {
		c->v[i] = "";
		c->vlen[i] = 0;
	} else {
		c->v[i] = col_code_name(col, code);
		c->vlen[i] = c->name_len[col][code];
	}
	c->plain[i] = 1;
}

static void
on_dossier(struct check *c, const struct csv_row *row)
{
	struct dossier d;
	const char *why;
	char errbuf[64];
	const char *idv;
	size_t i, nf = c->first.nf, idn;
	uint64_t idhash;
	int col;

	c->rows++;
	if (row->err) {
		char what[160];
		csvin_error_text(row, what, sizeof what);
		reject(c, row, NULL, what, NULL, 0);
		return;
	}
	if (row->nf != nf) {
		snprintf(errbuf, sizeof errbuf, "expected %zu fields, found %zu", nf, row->nf);
		reject(c, row, NULL, errbuf, NULL, 0);
		return;
	}
	/* no memset: what is read of d is written first */
	d.has_due = d.has_done = 0;
	{	/* the id's slot fetched while the rest of the row is read */
		const struct csv_field *f = &row->f[c->perm[c->first.idx[COL_MA_HO_SO]]];
		idv = f->s;
		idn = f->n;
		trim(&idv, &idn);
		idhash = smap_prefetch(c->ids, idv, idn);
	}
	for (i = 0; i < nf; i++) {
		const struct csv_field *f = &row->f[c->perm[i]];
		const char *s = f->s;
		size_t n = f->n;
		/* a date that parses is ASCII (and what trim took, spaces):
		 * its text is checked only when it does not parse */
		int is_date;

		col = c->first.role[i];
		is_date = col_is_date(col);
		if (col >= 0 && col_has_codes(col)) {
			/* a code seen before is valid UTF-8 (only such are kept),
			 * and so is what trim takes */
			const char *ts = s;
			size_t tn = n;
			int code;
			trim(&ts, &tn);
			if (tn && (code = dossier_code_seen(&c->parser, col, ts, tn)) >= 0) {
				d.code[col] = code;
				put_code(c, i, col, code);
				continue;
			}
		}
		if (!is_date && !text_ok(c, row, i, s, n))
			return;
		trim(&s, &n);
		c->plain[i] = 0;
		if (col < 0) {
			c->v[i] = nfc_ref(s, n, &c->val[i], &c->vcap[i], &c->vlen[i]);
			continue;
		}
		if ((is_date ? dossier_date(&c->parser, col, s, n, &d, &why) :
		    dossier_value(&c->parser, col, s, n, &d, &why)) < 0) {
			if (is_date && !text_ok(c, row, i, f->s, f->n))
				return;
			reject(c, row, c->first.name[i], why, n ? s : NULL, n);
			return;
		}
		if (col_has_codes(col)) {
			put_code(c, i, col, d.code[col]);
		} else if (col == COL_NGAY_TIEP_NHAN || (col == COL_NGAY_HEN_TRA && d.has_due) ||
		    (col == COL_NGAY_TRA_KET_QUA && d.has_done)) {
			const struct dt *t = col == COL_NGAY_TIEP_NHAN ? &d.recv :
			    col == COL_NGAY_HEN_TRA ? &d.due : &d.done;
			c->vlen[i] = date_format(t, val_room(c, i, 20));
			c->plain[i] = 1;
		} else {
			c->v[i] = nfc_ref(s, n, &c->val[i], &c->vcap[i], &c->vlen[i]);
		}
	}
	if ((col = dossier_dates(&d, &why)) >= 0) {
		int fi = c->first.idx[col];
		reject(c, row, col_name[col], why, c->v[fi], c->vlen[fi]);
		return;
	}
	{
		int fi = c->first.idx[COL_MA_HO_SO], added;
		uint32_t *first_line;
		/* the hash is the raw id's: the key, unless NFC changed it */
		if (c->v[fi] != idv || c->vlen[fi] != idn)
			idhash = hash_bytes(c->v[fi], c->vlen[fi]);
		first_line = smap_put_hashed(c->ids, c->v[fi], c->vlen[fi], idhash, &added);
		if (!added) {
			snprintf(errbuf, sizeof errbuf, "repeated ma_ho_so (first on line %lu)",
			    (unsigned long)*first_line);
			reject(c, row, col_name[COL_MA_HO_SO], errbuf, c->v[fi], c->vlen[fi]);
			return;
		}
		/* lines past 2^32 (a 400 GB file) would show wrapped */
		*first_line = (uint32_t)row->line;
	}
	for (i = 0; i < nf; i++)
		if (c->plain[i])
			out_field_plain(out_stdout, c->v[i], c->vlen[i]);
		else
			out_field(out_stdout, c->v[i], c->vlen[i]);
	out_endrow(out_stdout);
	c->passed++;
}

static int
on_row(struct csv_row *row, void *ctx)
{
	struct check *c = ctx;

	if (row->rec == 0) {
		c->saw_header = 1;
		return on_header(c, row);
	}
	on_dossier(c, row);
	return 0;
}

static void
check_file(struct check *c, const char *path)
{
	struct csvin_stats st;
	int r;

	c->ids = smap_new(sizeof(uint32_t));	/* unique in a file; -> line */
	c->saw_header = 0;
	r = csvin_read(path, c->delim, on_row, c, &st);
	smap_free(c->ids);
	c->ids = NULL;
	c->empty += st.empty;
	switch (r) {
	case CSVIN_EOPEN:
		warnx_("%s: cannot open: %s", path, strerror(errno));
		c->fatal = 1;
		return;
	case CSVIN_EREAD:
		warnx_("%s: read error: %s", path, strerror(errno));
		c->fatal = 1;
		return;
	case CSVIN_UTF16:
		warnx_("%s: the file is UTF-16; convert it first: iconv -f UTF-16 -t UTF-8", path);
		c->fatal = 1;
		return;
	}
	if (!c->saw_header) {
		warnx_("%s: empty file: no header line", path);
		c->fatal = 1;
	}
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"delimiter", required_argument, NULL, 'd'},
		{"rejects", required_argument, NULL, 'r'},
		{"date-order", required_argument, NULL, 'o'},
		{"counts", no_argument, NULL, 'c'},
		{"form", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct check c;
	const char *rejects_path = NULL, *form = NULL;
	int opt, i, d, col, counts = 0;

	msg_init(argv[0]);
	memset(&c, 0, sizeof c);
	c.delim = ',';
	c.date_order = DATE_DMY;
	while ((opt = getopt_long(argc, argv, "d:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			if ((d = csvin_delim_opt("-d", optarg)) < 0)
				return EXIT_FAIL;
			c.delim = (unsigned char)d;
			break;
		case 'r':
			rejects_path = optarg;
			break;
		case 'c':
			counts = 1;
			break;
		case 'f':
			form = optarg;
			break;
		case 'o':
			if (strcmp(optarg, "dmy") == 0)
				c.date_order = DATE_DMY;
			else if (strcmp(optarg, "mdy") == 0)
				c.date_order = DATE_MDY;
			else {
				warnx_("--date-order: \"%s\" is not dmy or mdy", optarg);
				return EXIT_FAIL;
			}
			break;
		case 'h':
			usage(stdout);
			return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
		case 'V':
			puts("cchc-check " CCHC_VERSION);
			return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
		default:
			usage(stderr);
			return EXIT_FAIL;
		}
	}
	out_init_stdout();
	if (counts || form) {
		char *stdin_only[] = {"-"};
		if (counts && form)
			die("--counts or --form, not both");
		if (rejects_path)
			die("--rejects goes with dossier exports, not --counts or --form");
		if (counts)
			return optind < argc ? run_counts(c.delim, argv + optind, argc - optind) :
			    run_counts(c.delim, stdin_only, 1);
		return optind < argc ? run_form(form, c.delim, argv + optind, argc - optind) :
		    run_form(form, c.delim, stdin_only, 1);
	}
	if (rejects_path) {
		int fd = open(rejects_path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (fd < 0)
			die("--rejects: cannot create %s: %s", rejects_path, strerror(errno));
		c.rejects = out_open(fd, rejects_path);
	}
	dossier_parser_init(&c.parser, c.date_order);
	for (col = 0; col < NCOLS; col++) {
		int k, n = col_ncodes(col);
		c.name_len[col] = n ? emalloc(n * sizeof *c.name_len[col]) : NULL;
		for (k = 0; k < n; k++)
			c.name_len[col][k] = strlen(col_code_name(col, k));
	}
	if (optind == argc)
		check_file(&c, "-");
	for (i = optind; i < argc; i++)
		check_file(&c, argv[i]);
	out_close(out_stdout);
	if (c.rejects)
		out_close(c.rejects);
	if (c.have_first) {
		size_t k;
		for (k = 0; k < c.first.nf; k++)
			free(c.val[k]);
		free(c.val);
		free(c.v);
		free(c.plain);
		free(c.vlen);
		free(c.vcap);
		free(c.perm);
		dossier_cols_free(&c.first);
	}
	free(c.tmp);
	for (col = 0; col < NCOLS; col++)
		free(c.name_len[col]);
	dossier_parser_free(&c.parser);
	if (c.empty)
		warnx_("%lu empty rows skipped (blank, or every field empty)", c.empty);
	warnx_("%lu rows: %lu passed, %lu rejected", c.rows, c.passed, c.rejected);
	return c.fatal ? EXIT_FAIL : c.rejected ? EXIT_DATA : EXIT_OK;
}
