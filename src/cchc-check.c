/* cchc-check: validate and normalise a dossier export. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

static int
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

static int
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
