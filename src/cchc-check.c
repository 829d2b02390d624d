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
#include "lib/codes.h"
#include "lib/cols.h"
#include "lib/csvin.h"
#include "lib/date.h"
#include "lib/dossier.h"
#include "lib/fold.h"
#include "lib/intake.h"
#include "lib/msg.h"
#include "lib/msgs.h"
#include "lib/num.h"
#include "lib/out.h"
#include "lib/smap.h"

static void
usage(FILE *fp)
{
	fputs("usage: cchc-check [-d C] [--rejects FILE] [--date-order dmy|mdy] [--header-line N] "
	    "[--header-rows N] [--keep first|last] [--codes FILE] [--excel] [FILE]...\n"
	    "       cchc-check --counts [-d C] [--excel] [FILE]...\n"
	    "       cchc-check --form NAME|FILE [-d C] [--excel] [FILE]...\n", fp);
	if (fp == stderr)
		return;
	fputs("Validate a dossier export and write every sound row normalised;\n"
	    "or check a count table, or a filled annex, and write its sound rows.\n"
	    "\n"
	    "  -d, --delimiter C      input delimiter: , (default), ; or \\t\n"
	    "      --rejects FILE     write rejected rows there as CSV: tep,dong,cot,loi,...\n"
	    "      --date-order ORD   dmy (default) or mdy for US-style slashed dates\n"
	    "      --header-line N    the header is line N (default: found in the first 30)\n"
	    "      --header-rows N    the header is 1 or 2 rows (default: found)\n"
	    "      --keep WHICH       of a dossier given twice: first (default) or last\n"
	    "      --codes FILE       the user's own code words (CSV cot,gia_tri,ma)\n"
	    "      --counts           check a count table against the identities and\n"
	    "                         its rate columns against its counts\n"
	    "      --form NAME|FILE   check a filled annex of this form (bm1, bm3, bm7, 06a,\n"
	    "                         qd766)\n"
	    "      --excel            CSV out (and --rejects) for a Vietnamese Excel:\n"
	    "                         BOM, ';', CR LF\n"
	    "  -h, --help             show this help\n"
	    "      --version          show the version\n"
	    "\n"
	    "Ends with 'cchc-check: N rows: P passed, R rejected' on standard error.\n"
	    "Exit status: 0 all rows passed, 1 some were rejected, 2 the job could\n"
	    "not be done (usage, unreadable file, required column missing, write error).\n"
	    "See cchc-check(1).\n", fp);
}

/* Where a dossier id was first (or, with --keep last, last) sound. */
struct seen_at {
	uint32_t file, line;	/* lines past 2^32 (a 400 GB file) would show wrapped */
};

struct check {
	struct intake_opts opts;
	struct intake in;
	struct msgs *msgs;
	struct out *rejects;
	struct dossier_parser parser;
	char **files;			/* the FILEs, for messages about repeats */
	uint32_t file_no;		/* the one being read */
	int keep_last, keep_given;	/* --keep last; --keep given: copies are expected */
	int header_out;			/* the output's header is written */
	int scan;			/* --keep last's first pass: ids only */
	struct smap *ids;		/* ma_ho_so -> struct seen_at */
	unsigned long passed, empty;
	int fatal;
	/* the row being normalised: v[i] is its text, the reader's bytes
	 * when unchanged, else val[i] */
	const char **v;
	char **val;
	size_t *vlen, *vcap;
	unsigned char *plain;	/* v[i] is a code name or a date: no quotes */
	unsigned char *alt_date;	/* column i is a date no count reads (ngay_tra
					 * beside NgayKetThucXuLy): ISO when it is one */
	size_t *name_len[NCOLS];	/* of each code's name, for code columns */
	struct smap **seen;	/* column i's text values as read -> struct seen_text */
};

/* A text column's values repeat: an export names a few hundred procedures,
 * fields and agencies in a million rows. Each value is checked (UTF-8, no
 * NUL), trimmed, normalised to NFC and tested for quoting once; its later
 * rows take the result. On the quoted export 1.13 G of 4.38 G instructions
 * per 200k rows were NFC (utf8proc for its decomposed text) and 0.29 G
 * the UTF-8 check. A column with more than SEEN_MAX values (an id, a name,
 * free text) stops: its values would rarely come again. Only a value that
 * passed is kept, so a row is rejected, and said, as it was. */
#define SEEN_MAX 4096

struct seen_text {
	char *s;	/* the value as written out */
	size_t n;
	unsigned char plain;	/* out_field would write it as it is */
};

/* --rejects: every row that did not pass, with its file, line, column and
 * reason, then its fields in the output's order (as read, when the row has
 * not the header's fields: a syntax error, a wrong number of fields). */
static void
on_reject(void *ctx, const struct csv_row *row, const char *col, const char *why, int footer)
{
	struct check *c = ctx;
	const struct intake *in = &c->in;
	char line[32];
	size_t i;

	(void)footer;
	if (!c->rejects)
		return;
	snprintf(line, sizeof line, "%lu", row->line);
	out_fieldz(c->rejects, row->file);
	out_fieldz(c->rejects, line);
	out_fieldz(c->rejects, col ? col : "");
	out_fieldz(c->rejects, why);
	if (!row->err && row->nf == in->cur.nf && in->cur.nf == in->first.nf)
		for (i = 0; i < row->nf; i++)
			out_field(c->rejects, row->f[in->perm[i]].s, row->f[in->perm[i]].n);
	else
		for (i = 0; i < row->nf; i++)
			out_field(c->rejects, row->f[i].s, row->f[i].n);
	out_endrow(c->rejects);
}

/* A header: the first writes the output's (and the rejects file's). */
static int
on_header(void *ctx, struct csv_row *live)
{
	struct check *c = ctx;
	const struct dossier_cols *first = &c->in.first;
	size_t i;

	(void)live;
	if (!c->v) {
		c->v = emalloc(first->nf * sizeof *c->v);
		c->plain = emalloc(first->nf);
		c->val = ecalloc(first->nf, sizeof *c->val);
		c->vlen = emalloc(first->nf * sizeof *c->vlen);
		c->vcap = ecalloc(first->nf, sizeof *c->vcap);
		c->alt_date = ecalloc(first->nf, 1);
		c->seen = ecalloc(first->nf, sizeof *c->seen);
		for (i = 0; i < first->nf; i++) {
			int col = first->role[i];
			c->alt_date[i] = col < 0 &&
			    strcmp(first->name[i], col_loser_name(COL_NGAY_TRA_KET_QUA)) == 0;
			/* text only: codes and dates have ways of their own, and
			 * every ma_ho_so is new */
			if (!c->alt_date[i] && (col < 0 || (!col_has_codes(col) &&
			    !col_is_date(col) && col != COL_MA_HO_SO)))
				c->seen[i] = smap_new(sizeof(struct seen_text));
		}
	}
	if (c->scan || c->header_out)
		return 0;
	c->header_out = 1;
	for (i = 0; i < first->nf; i++)
		out_fieldz(out_stdout, first->name[i]);
	out_endrow(out_stdout);
	if (c->rejects) {
		out_fieldz(c->rejects, "tep");
		out_fieldz(c->rejects, "dong");
		out_fieldz(c->rejects, "cot");
		out_fieldz(c->rejects, "loi");
		for (i = 0; i < first->nf; i++)
			out_fieldz(c->rejects, first->name[i]);
		out_endrow(c->rejects);
	}
	return 0;
}

static void
seen_free(struct smap *m)
{
	size_t it = 0, n;
	const char *key;
	void *v;

	while (smap_next(m, &it, &key, &n, &v))
		free(((struct seen_text *)v)->s);
	smap_free(m);
}

/* Field i, as read in s[0..n), gave v[i]: kept for the next rows. */
static void
seen_add(struct check *c, size_t i, const char *s, size_t n)
{
	struct seen_text *e;
	int added;

	if (smap_count(c->seen[i]) == SEEN_MAX) {
		seen_free(c->seen[i]);
		c->seen[i] = NULL;
		return;
	}
	e = smap_put(c->seen[i], s, n, &added);
	e->s = estrndup(c->v[i], c->vlen[i]);
	e->n = c->vlen[i];
	e->plain = (unsigned char)out_is_plain(out_stdout, e->s, e->n);
}

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

/* The reason a row is rejected for, in the summary: what is wrong with
 * which column, shortly. */
static const char *
reason(int col, const char *why)
{
	static const char *const unknown[NCOLS] = {
		[COL_CAP] = "unknown cap", [COL_KENH] = "unknown kenh",
		[COL_MUC_DO_DVC] = "unknown muc_do_dvc", [COL_TRANG_THAI] = "unknown trang_thai",
	};
	static const char *const missing[NCOLS] = {
		[COL_MA_HO_SO] = "no ma_ho_so", [COL_NGAY_TIEP_NHAN] = "no ngay_tiep_nhan",
		[COL_KENH] = "no kenh",
	};
	static const char *const bad_date[NCOLS] = {
		[COL_NGAY_TIEP_NHAN] = "bad ngay_tiep_nhan", [COL_NGAY_HEN_TRA] = "bad ngay_hen_tra",
		[COL_NGAY_TRA_KET_QUA] = "bad ngay_tra_ket_qua",
	};

	if (col < 0)
		return why;
	if (strcmp(why, "required value missing") == 0 && missing[col])
		return missing[col];
	if (col_is_date(col))
		return bad_date[col];
	if (col_has_codes(col) && unknown[col])
		return unknown[col];
	return why;
}

static __attribute__((noinline, cold)) void
text_reject(struct check *c, struct csv_row *row, size_t i, const char *s, size_t n,
            int bad, size_t at)
{
	intake_reject(&c->in, row, bad == TEXT_NUL ? "NUL byte" : "not UTF-8", c->in.first.name[i],
	    bad == TEXT_NUL ? "NUL byte in the value" : text_advice(s, n, at), s, n);
}

/* Is field i's text UTF-8 without NUL? Rejects the row when not. */
static inline int
text_ok(struct check *c, struct csv_row *row, size_t i, const char *s, size_t n)
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

/* A status, service level, flag or rating no table knows keeps its row,
 * as written: it does not decide what the row is (the dates do), and is
 * said once; how, in the message. */
static const char *
kept_unknown(int col)
{
	if (!col_keeps_unknown(col))
		return NULL;
	if (col_is_flag(col))
		return "neither yes nor no, kept as written (cchc-sum counts it as not set)";
	if (col == COL_DANH_GIA)
		return "not a rating, kept as written (cchc-sum counts it as not rated)";
	return "unknown code, kept as written";
}

/* The repeat rule: with --keep last, the sound copy kept is the last one
 * the first pass saw; else the first. Returns 0 when row is the copy kept. */
static int
repeat(struct check *c, struct csv_row *row, const char *id, size_t n, uint64_t hash)
{
	struct seen_at *at;
	char why[512];
	int added;

	at = smap_put_hashed(c->ids, id, n, hash, &added);
	if (c->scan) {	/* the last sound copy, so far */
		at->file = c->file_no;
		at->line = (uint32_t)row->line;
		return 0;
	}
	if (c->keep_last) {
		if (at->file == c->file_no && at->line == (uint32_t)row->line)
			return 0;
		if (at->file == c->file_no)
			snprintf(why, sizeof why, "repeated ma_ho_so (a later copy kept, on line %lu)",
			    (unsigned long)at->line);
		else
			snprintf(why, sizeof why, "repeated ma_ho_so (a later copy kept, %s:%lu)",
			    c->files[at->file], (unsigned long)at->line);
	} else {
		if (added) {
			at->file = c->file_no;
			at->line = (uint32_t)row->line;
			return 0;
		}
		if (at->file == c->file_no)
			snprintf(why, sizeof why, "repeated ma_ho_so (first on line %lu)",
			    (unsigned long)at->line);
		else
			snprintf(why, sizeof why, "repeated ma_ho_so (first on %s:%lu)",
			    c->files[at->file], (unsigned long)at->line);
	}
	if (c->keep_given)	/* asked for: no problem, but every row is accounted for */
		intake_drop(&c->in, row, col_name[COL_MA_HO_SO], why, id, n);
	else
		intake_reject(&c->in, row, "repeated ma_ho_so", col_name[COL_MA_HO_SO], why, id, n);
	return -1;
}

static void
on_dossier(struct check *c, struct csv_row *row)
{
	const struct intake *in = &c->in;
	const int *perm = in->perm;
	struct dossier d;
	const char *why;
	char errbuf[160];
	const char *idv;
	size_t i, nf = in->first.nf, idn;
	uint64_t idhash;
	int col, not_received = 0;

	if (row->err) {
		csvin_error_text(row, errbuf, sizeof errbuf);
		intake_reject(&c->in, row, "malformed CSV", row->err_field < in->cur.nf ?
		    in->cur.name[row->err_field] : NULL, errbuf, NULL, 0);
		return;
	}
	if (row->nf != in->cur.nf) {
		csvin_nf_text(row, in->cur.nf, errbuf, sizeof errbuf);
		intake_reject(&c->in, row, "wrong number of fields", NULL, errbuf, NULL, 0);
		return;
	}
	/* no memset: what is read of d is written first */
	d.has_due = d.has_done = 0;
	{	/* the id's slot fetched while the rest of the row is read */
		const struct csv_field *f = &row->f[in->cur.idx[COL_MA_HO_SO]];
		idv = f->s;
		idn = f->n;
		trim(&idv, &idn);
		idhash = smap_prefetch(c->ids, idv, idn);
	}
	if (in->cur.idx[COL_TRANG_THAI] >= 0) {
		/* statuses 1 and 3 were never received: no received date needed */
		const struct csv_field *f = &row->f[in->cur.idx[COL_TRANG_THAI]];
		const char *ts = f->s;
		size_t tn = f->n;
		int code;
		trim(&ts, &tn);
		if (tn && (code = dossier_code(&c->parser, COL_TRANG_THAI, ts, tn)) >= 0)
			not_received = status_kind(code) == STATUS_NOT_RECEIVED;
	}
	for (i = 0; i < nf; i++) {
		const struct csv_field *f = &row->f[perm[i]];
		const char *s = f->s;
		size_t n = f->n;
		/* a date that parses is ASCII (and what trim took, spaces):
		 * its text is checked only when it does not parse */
		int is_date;

		col = in->first.role[i];
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
		if (c->seen[i]) {
			const struct seen_text *e = smap_get(c->seen[i], s, n);
			if (e) {
				c->v[i] = e->s;
				c->vlen[i] = e->n;
				c->plain[i] = e->plain;
				continue;
			}
		}
		if (!is_date && !text_ok(c, row, i, s, n))
			return;
		trim(&s, &n);
		c->plain[i] = 0;
		if (col < 0) {
			struct dt t;
			if (c->alt_date[i] && n && date_parse(s, n, c->opts.date_order, &t) == DATE_OK) {
				c->vlen[i] = date_format(&t, val_room(c, i, 20));
				c->plain[i] = 1;
				continue;
			}
			if (c->alt_date[i] && n)	/* it decides no count: kept */
				intake_note(&c->in, in->first.name[i], "not a date, kept as written", s, n);
			c->v[i] = nfc_ref(s, n, &c->val[i], &c->vcap[i], &c->vlen[i]);
			if (c->seen[i])
				seen_add(c, i, f->s, f->n);
			continue;
		}
		if (col == COL_NGAY_TIEP_NHAN && n == 0 && not_received) {
			d.recv.days = 0;
			d.recv.has_time = 0;
			c->v[i] = "";
			c->vlen[i] = 0;
			continue;
		}
		if (col == COL_CAP && n == 0)	/* cchc-sum -g cap cannot place it */
			intake_note(&c->in, col_name[col], "no level: cchc-sum cannot count it by "
			    "level", NULL, 0);
		if (col == COL_KENH && n == 0)	/* cchc-sum counts it only if carried over */
			intake_note(&c->in, col_name[col], "no channel: cchc-sum counts the dossier "
			    "only if it was received before the period", NULL, 0);
		if ((is_date ? dossier_date(&c->parser, col, s, n, &d, &why) :
		    dossier_value(&c->parser, col, s, n, &d, &why)) < 0) {
			if (is_date && !text_ok(c, row, i, f->s, f->n))
				return;
			if (kept_unknown(col) && n > 0) {
				intake_note(&c->in, col_name[col], kept_unknown(col), s, n);
				d.code[col] = -1;
				c->v[i] = nfc_ref(s, n, &c->val[i], &c->vcap[i], &c->vlen[i]);
				continue;
			}
			intake_reject(&c->in, row, reason(col, why), c->in.first.name[i], why,
			    n ? s : NULL, n);
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
			if (c->seen[i])
				seen_add(c, i, f->s, f->n);
		}
	}
	if (!(not_received && c->vlen[in->first.idx[COL_NGAY_TIEP_NHAN]] == 0) &&
	    (col = dossier_dates(&d, &why)) >= 0) {
		/* in ISO form, as cchc-sum says it: a serial reads better so */
		int fi = in->first.idx[col];
		intake_reject(&c->in, row, col == COL_NGAY_HEN_TRA ? "due before received" :
		    "result before received", col_name[col], why, c->v[fi], c->vlen[fi]);
		return;
	}
	{
		int fi = in->first.idx[COL_MA_HO_SO];
		/* the hash is the raw id's: the key, unless NFC changed it */
		if (c->v[fi] != idv || c->vlen[fi] != idn)
			idhash = hash_bytes(c->v[fi], c->vlen[fi]);
		if (repeat(c, row, c->v[fi], c->vlen[fi], idhash) < 0)
			return;
	}
	intake_ok(&c->in, row);
	c->passed++;
	if (c->scan)
		return;
	for (i = 0; i < nf; i++)
		if (c->plain[i])
			out_field_plain(out_stdout, c->v[i], c->vlen[i]);
		else
			out_field(out_stdout, c->v[i], c->vlen[i]);
	out_endrow(out_stdout);
}

static int
on_row(struct csv_row *row, void *ctx)
{
	struct check *c = ctx;

	if (intake_data(&c->in, row))
		on_dossier(c, row);
	return c->in.state == INTAKE_FAILED;
}

/* One FILE, opened once (a FIFO cannot be opened twice). */
static void
check_file(struct check *c, const char *path)
{
	struct csvin_stats st = {0, 0};
	struct csvin *r;
	int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY), status;
	char msg[1024];

	if (fd < 0) {
		csvin_status_text(CSVIN_EOPEN, path, msg, sizeof msg);
		warnx_("%s", msg);
		c->fatal = 1;
		return;
	}
	intake_begin_file(&c->in, path);
	r = csvin_new(path, c->opts.delim, on_row, c);
	if (c->opts.header_line > 1)
		csvin_skip_lines(r, c->opts.header_line - 1);
	status = csvin_end(r, csvin_feed_fd(r, fd, 0, -1), &st);
	if (fd != 0)
		close(fd);
	if (status != CSVIN_OK && status != CSVIN_STOPPED) {
		csvin_status_text(status, path, msg, sizeof msg);
		warnx_("%s", msg);
		c->fatal = 1;
		return;
	}
	if (intake_end_file(&c->in) < 0)
		c->fatal = 1;
	c->in.state = INTAKE_SEARCH;
	if (!c->scan && msgs_flush(c->msgs, stderr) < 0)
		c->fatal = 1;
	c->empty += st.empty;
}

/* The last line: every row read, accounted for. */
static void
summary(struct check *c)
{
	char reasons[1024], footer[64] = "", dropped[80] = "";

	c->empty += c->in.empty;
	if (c->empty)
		warnx_("%lu empty rows skipped (blank, or every field empty)", c->empty);
	msgs_reasons(c->msgs, reasons, sizeof reasons);
	if (c->in.footer)
		snprintf(footer, sizeof footer, ", %lu footer line%s skipped", c->in.footer,
		    c->in.footer == 1 ? "" : "s");
	if (c->in.dropped)
		snprintf(dropped, sizeof dropped, ", %lu %s cop%s dropped (--keep %s)", c->in.dropped,
		    c->keep_last ? "earlier" : "later", c->in.dropped == 1 ? "y" : "ies",
		    c->keep_last ? "last" : "first");
	warnx_("%lu rows: %lu passed, %lu rejected%s%s%s%s%s", c->in.rows, c->passed,
	    c->in.rejected, *reasons ? " (" : "", reasons, *reasons ? ")" : "", dropped, footer);
}

int
main(int argc, char *argv[])
{
	enum { O_REJECTS = 256, O_ORDER, O_COUNTS, O_FORM, O_VERSION, O_EXCEL };
	static const struct option longopts[] = {
		{"delimiter", required_argument, NULL, 'd'},
		{"rejects", required_argument, NULL, O_REJECTS},
		{"date-order", required_argument, NULL, O_ORDER},
		INTAKE_LONGOPTS,
		{"counts", no_argument, NULL, O_COUNTS},
		{"form", required_argument, NULL, O_FORM},
		{"excel", no_argument, NULL, O_EXCEL},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, O_VERSION},
		{NULL, 0, NULL, 0},
	};
	static char *stdin_only[] = {"-", NULL};
	struct check c;
	struct msgs *scratch;
	const char *rejects_path = NULL, *form = NULL;
	char **files;
	int opt, i, d, col, counts = 0, nfiles, status, excel = 0;

	msg_init(argv[0]);
	memset(&c, 0, sizeof c);
	c.opts.delim = ',';
	c.opts.date_order = DATE_DMY;
	c.opts.required[COL_MA_HO_SO] = c.opts.required[COL_NGAY_TIEP_NHAN] = 1;
	while ((opt = getopt_long(argc, argv, "d:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			if ((d = csvin_delim_opt("-d", optarg)) < 0)
				return EXIT_FAIL;
			c.opts.delim = (unsigned char)d;
			break;
		case O_REJECTS:
			rejects_path = optarg;
			break;
		case O_COUNTS:
			counts = 1;
			break;
		case O_FORM:
			form = optarg;
			break;
		case O_EXCEL:
			excel = 1;
			break;
		case O_ORDER:
			if (strcmp(optarg, "dmy") == 0)
				c.opts.date_order = DATE_DMY;
			else if (strcmp(optarg, "mdy") == 0)
				c.opts.date_order = DATE_MDY;
			else {
				warnx_("--date-order: \"%s\" is not dmy or mdy", optarg);
				return EXIT_FAIL;
			}
			break;
		case 'h':
			usage(stdout);
			return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
		case O_VERSION:
			puts("cchc-check " CCHC_VERSION);
			return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
		default:
			if ((d = intake_option(&c.opts, opt, optarg)) < 0)
				return EXIT_FAIL;
			if (d)
				break;
			usage(stderr);
			return EXIT_FAIL;
		}
	}
	c.keep_last = c.opts.keep_last;
	c.keep_given = c.opts.keep_given;
	out_init_stdout();
	if (excel)
		out_excel(out_stdout);
	files = optind < argc ? argv + optind : stdin_only;
	nfiles = optind < argc ? argc - optind : 1;
	if (counts || form) {
		if (counts && form)
			die("--counts or --form, not both");
		if (rejects_path || intake_options_given(&c.opts))
			die("--rejects, --keep, --codes, --header-line and --header-rows go with dossier "
			    "exports, not --counts or --form");
		if (counts)
			return run_counts(c.opts.delim, files, nfiles);
		return run_form(form, c.opts.delim, files, nfiles);
	}
	c.files = files;
	intake_prepare(&c.opts, files, optind < argc ? nfiles : 1, optind == argc);
	dossier_parser_init(&c.parser, c.opts.date_order);
	for (col = 0; col < NCOLS; col++) {
		int k, n = col_ncodes(col);
		c.name_len[col] = n ? emalloc(n * sizeof *c.name_len[col]) : NULL;
		for (k = 0; k < n; k++)
			c.name_len[col][k] = strlen(col_code_name(col, k));
	}
	c.ids = smap_new(sizeof(struct seen_at));
	if (c.keep_last) {
		/* first pass: where each dossier's last sound copy is */
		scratch = msgs_new();
		c.scan = 1;
		c.msgs = scratch;
		intake_init(&c.in, &c.opts, scratch);
		c.in.ctx = &c;
		c.in.on_header = on_header;
		for (i = 0; i < nfiles && !c.fatal; i++) {
			c.file_no = (uint32_t)i;
			check_file(&c, files[i]);
		}
		intake_free(&c.in);
		msgs_free(scratch);
		if (c.fatal)
			return EXIT_FAIL;
		c.scan = 0;
		c.passed = c.empty = 0;
	}
	if (rejects_path) {
		out_not_input("--rejects", rejects_path, optind < argc ? files : NULL, optind < argc ? nfiles : 0);
		c.rejects = out_create_aside(rejects_path);
		if (excel)	/* the file people open most */
			out_excel(c.rejects);
	}
	c.msgs = msgs_new();
	intake_init(&c.in, &c.opts, c.msgs);
	c.in.ctx = &c;
	c.in.on_header = on_header;
	c.in.on_reject = on_reject;
	for (i = 0; i < nfiles; i++) {
		c.file_no = (uint32_t)i;
		check_file(&c, files[i]);
	}
	out_close(out_stdout);
	/* a run that failed leaves the last rejects file as it was */
	if (c.rejects && c.fatal)
		out_discard(c.rejects);
	else if (c.rejects)
		out_commit(c.rejects);
	summary(&c);
	status = c.fatal ? EXIT_FAIL : c.in.rejected ? EXIT_DATA : EXIT_OK;
	if (c.v) {
		size_t k;
		for (k = 0; k < c.in.first.nf; k++) {
			free(c.val[k]);
			if (c.seen[k])
				seen_free(c.seen[k]);
		}
		free(c.seen);
		free(c.val);
		free(c.v);
		free(c.plain);
		free(c.alt_date);
		free(c.vlen);
		free(c.vcap);
	}
	intake_free(&c.in);
	msgs_free(c.msgs);
	smap_free(c.ids);
	for (col = 0; col < NCOLS; col++)
		free(c.name_len[col]);
	dossier_parser_free(&c.parser);
	codes_clear();
	return status;
}
