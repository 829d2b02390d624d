/* cchc-sum: dossier status counts for a reporting period, by any grouping. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cols.h"
#include "lib/csvin.h"
#include "lib/date.h"
#include "lib/dossier.h"
#include "lib/fold.h"
#include "lib/msg.h"
#include "lib/num.h"
#include "lib/out.h"
#include "lib/period.h"
#include "lib/smap.h"

static void
usage(FILE *fp)
{
	fputs("usage: cchc-sum (--period P | --from D --to D) [--as-of D] [--calendar] "
	    "[-g COL[,COL]...] [--total] [-j N] [FILE]...\n"
	    "       cchc-sum --merge [--total] [FILE]...\n", fp);
	if (fp == stderr)
		return;
	fputs("Count dossier statuses for a reporting period, one row per group.\n"
	    "\n"
	    "  -p, --period P       2024, 2024-H1, 2024-H2, 2024-9M, 2024-Q3 or 2024-09\n"
	    "                       (Nghị định 09/2019 bounds: 15 Dec 2023 .. 14 Dec 2024)\n"
	    "      --calendar       calendar bounds for --period (1 Jan .. 31 Dec)\n"
	    "      --from D         first day of the period (any accepted date form)\n"
	    "      --to D           last day of the period\n"
	    "      --as-of D        take the status as of day D, before the period ends\n"
	    "  -g, --group COLS     group by these columns (any alias; comma-separated)\n"
	    "      --total          add a last row keyed 'tong'\n"
	    "      --merge          add up count tables from earlier runs\n"
	    "  -j, --jobs N         threads for a regular file (default: the cores)\n"
	    "  -d, --delimiter C    input delimiter: , (default), ; or \\t\n"
	    "      --date-order ORD dmy (default) or mdy\n"
	    "  -h, --help           show this help\n"
	    "      --version        show the version\n"
	    "\n"
	    "Columns out: the group columns, then tiep_nhan, ky_truoc, moi_tiep_nhan,\n"
	    "nop_truc_tuyen, nop_truc_tiep, nop_buu_chinh, da_giai_quyet, gq_truoc_han,\n"
	    "gq_dung_han, gq_qua_han, dang_giai_quyet, dang_trong_han, dang_qua_han.\n"
	    "Exit status: 0 fine, 1 rows could not be classified (reported), 2 the job\n"
	    "could not be done. See cchc-sum(1).\n", fp);
}

struct counts {
	int64_t c[NCOUNTS];
};

struct sum {
	unsigned char delim;
	int date_order;
	long from, to, end;	/* end: the day status is taken at */
	char **gname;		/* the -g columns as given */
	size_t ng;
	int total;
	struct dossier_parser parser;
	struct dossier_cols first, cols;
	int have_first, saw_header;
	int *gfield;		/* each group column's field in this file */
	int field[NCOLS];	/* each known column's field in this file */
	char **outname;		/* the group columns' names out */
	unsigned char *want;	/* the fields a row is read for */
	struct smap *groups;	/* encoded key -> struct counts */
	struct smap **memo;	/* per group column: raw value -> NFC */
	/* When every group column is a code column, a tuple of codes is a
	 * slot: its group found once by key, then by index. */
	int coded_groups;
	size_t *radix;		/* per group column: codes + 1 */
	size_t nslots;
	struct counts **slot;
	/* merge */
	int merge;
	int *is_count;		/* per field: count column index, or -1 */
	int has_total_row;
	/* a part read by a thread: messages go to spill, line and text,
	 * printed in order when every part is done */
	FILE *spill;
	/* accounting */
	unsigned long rows, counted, outside, notrecv, unclass, empty;
	int fatal;
	char *key, *tmp;
	size_t keycap, tmpcap;
};

static void
key_reset(struct sum *s, size_t *len)
{
	*len = 0;
	(void)s;
}

/* Keys are the group values, each as a 4-byte length and the bytes. */
static void
key_add(struct sum *s, size_t *len, const char *v, size_t n)
{
	uint32_t l = (uint32_t)n;

	if (s->keycap < *len + n + 4) {
		s->keycap = (*len + n + 4) * 2;
		s->key = erealloc(s->key, s->keycap);
	}
	memcpy(s->key + *len, &l, 4);
	memcpy(s->key + *len + 4, v, n);
	*len += n + 4;
}

static void
report(struct sum *s, const struct csv_row *row, const char *col,
       const char *why, const char *v, size_t n)
{
	char tail[2048];

	if (!s->spill) {
		msg_at(row->file, row->line, col, why, v, n);
		return;
	}
	msg_tail(tail, sizeof tail, col, why, v, n);
	if (fprintf(s->spill, "%lu\t%s\n", row->line, tail) < 0)
		die("cannot keep messages in a temporary file: %s", strerror(errno));
}

static void
unclassifiable(struct sum *s, const struct csv_row *row, int col,
               const char *why, const char *v, size_t n)
{
	s->unclass++;
	report(s, row, col >= 0 ? col_name[col] : NULL, why, n ? v : NULL, n);
}

/* The text of known column col as read, or an empty one when absent. */
static inline __attribute__((always_inline)) void
raw_value(struct sum *s, const struct csv_row *row, int col, const char **v, size_t *n)
{
	int f = s->field[col];

	if (f < 0) {
		*v = "";
		*n = 0;
		return;
	}
	*v = row->f[f].s;
	*n = row->f[f].n;
}

/* raw_value, trimmed. */
static inline __attribute__((always_inline)) void
value(struct sum *s, const struct csv_row *row, int col, const char **v, size_t *n)
{
	raw_value(s, row, col, v, n);
	trim(v, n);
}

static __attribute__((noinline)) int
parse(struct sum *s, const struct csv_row *row, int col, struct dossier *d)
{
	const char *v, *why;
	size_t n;

	value(s, row, col, &v, &n);
	if (dossier_value(&s->parser, col, v, n, d, &why) < 0) {
		unclassifiable(s, row, col, why, v, n);
		return -1;
	}
	return 0;
}

/* A date, inline where col is known: three a row. dossier_date trims
 * only the value that is not digits alone. */
static inline __attribute__((always_inline)) int
parse_date(struct sum *s, const struct csv_row *row, int col, struct dossier *d)
{
	const char *v, *why;
	size_t n;

	raw_value(s, row, col, &v, &n);
	if (dossier_date(&s->parser, col, v, n, d, &why) < 0) {
		trim(&v, &n);
		unclassifiable(s, row, col, why, v, n);
		return -1;
	}
	return 0;
}

/* parse() with the usual case inline: a code seen before. */
static inline __attribute__((always_inline)) int
parse_code(struct sum *s, const struct csv_row *row, int col, struct dossier *d)
{
	const char *v;
	size_t n;
	int code;

	value(s, row, col, &v, &n);
	if (n && (code = dossier_code(&s->parser, col, v, n)) >= 0) {
		d->code[col] = code;
		return 0;
	}
	return parse(s, row, col, d);
}

/* The group of a row whose group columns are all codes seen before, or
 * NULL: let the general way say what is wrong. */
static struct counts *
coded_group(struct sum *s, const struct csv_row *row)
{
	size_t g, k = 0, klen;
	int code[64], added;
	struct counts **c;

	for (g = 0; g < s->ng; g++) {
		int f = s->gfield[g], role = s->cols.role[f];
		const char *v = row->f[f].s;
		size_t n = row->f[f].n;

		trim(&v, &n);
		if (n == 0 || (code[g] = dossier_code(&s->parser, role, v, n)) < 0)
			return NULL;
		k = k * s->radix[g] + (size_t)code[g] + 1;
	}
	c = &s->slot[k];
	if (!*c) {
		key_reset(s, &klen);
		for (g = 0; g < s->ng; g++) {
			const char *name = col_code_name(s->cols.role[s->gfield[g]], code[g]);
			key_add(s, &klen, name, strlen(name));
		}
		*c = smap_put(s->groups, s->key ? s->key : "", klen, &added);
	}
	return *c;
}

/* NFC of a group value, once per distinct raw value. */
static const char *
group_text(struct sum *s, size_t g, const char *v, size_t n, size_t *len)
{
	char **memo;
	int added;
	size_t l;

	if (smap_count(s->memo[g]) > 100000) {	/* free text: no memo */
		*len = nfc(v, n, &s->tmp, &s->tmpcap);
		return s->tmp;
	}
	memo = smap_put(s->memo[g], v, n, &added);
	if (added) {
		l = nfc(v, n, &s->tmp, &s->tmpcap);
		*memo = emalloc(l + sizeof(size_t) + 1);
		memcpy(*memo, &l, sizeof l);
		memcpy(*memo + sizeof l, s->tmp, l + 1);
	}
	memcpy(len, *memo, sizeof *len);
	return *memo + sizeof(size_t);
}

static inline __attribute__((always_inline)) void
count_dossier(struct sum *s, const struct csv_row *row)
{
	struct dossier d;
	struct counts *c;
	const char *why;
	long recv_day, done_day = 0;
	size_t g, klen;
	int col, added, fresh;

	s->rows++;
	if (row->err) {
		char what[160];
		csvin_error_text(row, what, sizeof what);
		unclassifiable(s, row, -1, what, NULL, 0);
		return;
	}
	if (row->nf != s->cols.nf) {
		char what[80];
		snprintf(what, sizeof what, "expected %zu fields, found %zu", s->cols.nf, row->nf);
		unclassifiable(s, row, -1, what, NULL, 0);
		return;
	}
	/* no memset: every field read below is written first (a rep stos of
	 * the whole struct was 3% of the time) */
	d.has_due = d.has_done = 0;
	/* statuses 1 and 3 are no received dossiers, whatever their dates */
	if (s->field[COL_TRANG_THAI] >= 0) {
		if (parse_code(s, row, COL_TRANG_THAI, &d) < 0)
			return;
		if (d.code[COL_TRANG_THAI] >= 0 && status_not_received(d.code[COL_TRANG_THAI])) {
			s->notrecv++;
			return;
		}
	}
	if (parse_date(s, row, COL_NGAY_TIEP_NHAN, &d) < 0 ||
	    parse_date(s, row, COL_NGAY_TRA_KET_QUA, &d) < 0)
		return;
	recv_day = d.recv.days;
	if (d.has_done)
		done_day = d.done.days;
	if (recv_day > s->end || (d.has_done && done_day < s->from)) {
		s->outside++;
		return;
	}
	if (parse_date(s, row, COL_NGAY_HEN_TRA, &d) < 0)
		return;
	if ((col = dossier_dates(&d, &why)) >= 0) {
		const char *v;
		size_t n;
		value(s, row, col, &v, &n);
		unclassifiable(s, row, col, why, v, n);
		return;
	}
	fresh = recv_day >= s->from;
	if (fresh) {
		if (parse_code(s, row, COL_KENH, &d) < 0)
			return;
		if (d.code[COL_KENH] < 0) {
			unclassifiable(s, row, COL_KENH, "no channel for a dossier received in the period", NULL, 0);
			return;
		}
	}
	if (s->coded_groups && (c = coded_group(s, row)) != NULL)
		goto count;
	key_reset(s, &klen);
	for (g = 0; g < s->ng; g++) {
		const struct csv_field *f = &row->f[s->gfield[g]];
		const char *v = f->s;
		size_t n = f->n, at, len;
		int role = s->cols.role[s->gfield[g]], bad;

		if ((bad = text_check(v, n, &at)) != TEXT_OK) {
			unclassifiable(s, row, -1, bad == TEXT_NUL ? "NUL byte in a group value" :
			    text_advice(v, n, at), v, n);
			return;
		}
		trim(&v, &n);
		if (role >= 0 && col_has_codes(role)) {
			const char *code;
			if (dossier_value(&s->parser, role, v, n, &d, &why) < 0) {
				unclassifiable(s, row, role, why, v, n);
				return;
			}
			code = d.code[role] < 0 ? "" : col_code_name(role, d.code[role]);
			key_add(s, &klen, code, strlen(code));
			continue;
		}
		v = group_text(s, g, v, n, &len);
		key_add(s, &klen, v, len);
	}
	c = smap_put(s->groups, s->key ? s->key : "", klen, &added);
count:
	c->c[C_TIEP_NHAN]++;
	if (fresh) {
		c->c[C_MOI_TIEP_NHAN]++;
		c->c[C_NOP_TRUC_TUYEN + d.code[COL_KENH]]++;
	} else {
		c->c[C_KY_TRUOC]++;
	}
	if (d.has_done && done_day <= s->end) {
		c->c[C_DA_GIAI_QUYET]++;
		if (!d.has_due) {
			c->c[C_GQ_DUNG_HAN]++;	/* no deadline: on time */
		} else {
			long due_day = d.due.days;
			if (done_day < due_day)
				c->c[C_GQ_TRUOC_HAN]++;
			else if (done_day > due_day ||
			    (d.done.has_time && d.due.has_time && date_secs(&d.done) > date_secs(&d.due)))
				c->c[C_GQ_QUA_HAN]++;
			else
				c->c[C_GQ_DUNG_HAN]++;
		}
	} else {
		c->c[C_DANG_GIAI_QUYET]++;
		if (!d.has_due || d.due.days >= s->end)
			c->c[C_DANG_TRONG_HAN]++;
		else
			c->c[C_DANG_QUA_HAN]++;
	}
	s->counted++;
}

/* --merge: one row of an earlier count table. */
static void
merge_row(struct sum *s, const struct csv_row *row)
{
	struct counts add, *c;
	size_t i, klen, nkeys = 0;
	int is_header = row->nf == s->cols.nf, is_total = 1;

	for (i = 0; is_header && i < row->nf; i++)
		if (strcmp(row->f[i].s, s->first.name[i]) != 0)
			is_header = 0;
	if (is_header)	/* GNU parallel repeats the header of every part */
		return;
	s->rows++;
	if (row->err || row->nf != s->cols.nf) {
		char what[160];
		if (row->err)
			snprintf(what, sizeof what, "malformed CSV: %s", row->err);
		else
			snprintf(what, sizeof what, "expected %zu fields, found %zu", s->cols.nf, row->nf);
		unclassifiable(s, row, -1, what, NULL, 0);
		return;
	}
	memset(&add, 0, sizeof add);
	key_reset(s, &klen);
	for (i = 0; i < row->nf; i++) {
		const char *v = row->f[i].s;
		size_t n = row->f[i].n;
		int k = s->is_count[i], err;

		if (k < 0) {
			if (!(nkeys == 0 ? n == 4 && memcmp(v, "tong", 4) == 0 : n == 0))
				is_total = 0;
			nkeys++;
			key_add(s, &klen, v, n);
			continue;
		}
		if ((err = num_count(v, n, &add.c[k])) != NUM_OK) {
			s->unclass++;
			msg_at(row->file, row->line, count_name[k], num_strerror(err), v, n);
			return;
		}
	}
	if (nkeys > 0 && is_total) {	/* recomputed at the end */
		s->has_total_row = 1;
		s->counted++;
		return;
	}
	c = smap_put(s->groups, s->key ? s->key : "", klen, NULL);
	for (i = 0; i < NCOUNTS; i++)
		if (!num_add(&c->c[i], add.c[i]))
			die("%s:%lu: %s: the sum passes the largest count (%lld)",
			    row->file, row->line, count_name[i], (long long)INT64_MAX);
	s->counted++;
}

static int
merge_header(struct sum *s, const struct csv_row *row)
{
	size_t i;
	int seen[NCOUNTS] = {0}, k;

	s->is_count = erealloc(s->is_count, s->cols.nf * sizeof *s->is_count);
	for (i = 0; i < s->cols.nf; i++) {
		k = count_lookup(s->cols.folded[i]);
		s->is_count[i] = k;
		if (k >= 0)
			seen[k]++;
		if (strncmp(s->cols.folded[i], "ty_le", 5) == 0) {
			msg_at(row->file, row->line, s->cols.name[i],
			    "a rate column cannot be added up: merge before cchc-rate", NULL, 0);
			return -1;
		}
	}
	for (k = 0; k < NCOUNTS; k++)
		if (seen[k] != 1) {
			char what[128];
			snprintf(what, sizeof what, "not a count table: column %s %s",
			    count_name[k], seen[k] ? "repeated" : "missing");
			msg_at(row->file, row->line, NULL, what, NULL, 0);
			return -1;
		}
	return 0;
}

/* Sets up coded_group() when every group column is a code column and
 * the tuples are few. A -g name is the same column in every file. */
static void
group_slots(struct sum *s)
{
	size_t g, n = 1;

	s->coded_groups = 0;
	if (s->ng > 64)
		return;
	s->radix = erealloc(s->radix, (s->ng + 1) * sizeof *s->radix);
	for (g = 0; g < s->ng; g++) {
		int role = s->cols.role[s->gfield[g]];
		if (role < 0 || !col_has_codes(role))
			return;
		s->radix[g] = (size_t)col_ncodes(role) + 1;
		n *= s->radix[g];
		if (n > 4096)
			return;
	}
	if (!s->slot) {
		s->nslots = n;
		s->slot = ecalloc(n, sizeof *s->slot);
	}
	s->coded_groups = 1;
}

/* The columns count_dossier reads, besides the group columns. */
static const int counted_col[] = {
	COL_TRANG_THAI, COL_NGAY_TIEP_NHAN, COL_NGAY_HEN_TRA, COL_NGAY_TRA_KET_QUA, COL_KENH
};

static int
on_header(struct sum *s, struct csv_row *row)
{
	char err[1024], hdr[1024];
	size_t g;
	int i;

	s->saw_header = 1;
	if (dossier_cols_init(&s->cols, row, err, sizeof err) < 0) {
		msg_at(row->file, row->line, NULL, err, NULL, 0);
		return -1;
	}
	if (s->have_first) {
		int *perm = emalloc((s->first.nf + 1) * sizeof *perm);
		int differ = dossier_cols_match(&s->first, &s->cols, perm) < 0;
		/* count tables are added column by column: same order too */
		for (g = 0; s->merge && !differ && g < s->first.nf; g++)
			differ = perm[g] != (int)g;
		free(perm);
		if (differ) {
			dossier_header_text(row, hdr, sizeof hdr);
			msg_at(row->file, row->line, NULL,
			    "the header does not have the first file's columns; the header found",
			    hdr, strlen(hdr));
			return -1;
		}
	}
	if (s->merge) {
		if (merge_header(s, row) < 0)
			return -1;
	} else {
		if (s->cols.idx[COL_NGAY_TIEP_NHAN] < 0) {
			dossier_header_text(row, hdr, sizeof hdr);
			msg_at(row->file, row->line, NULL,
			    "required column missing: ngay_tiep_nhan; the header found", hdr, strlen(hdr));
			if (s->delim == ',' && row->nf == 1 && (strchr(hdr, ';') || strchr(hdr, '\t')))
				warnx_("the header has no comma: is it delimited by ';' or a tab? try -d ';' or -d '\\t'");
			return -1;
		}
		for (i = 0; i < NCOLS; i++)
			s->field[i] = s->cols.idx[i];
		for (g = 0; g < s->ng; g++) {
			s->gfield[g] = dossier_cols_find(&s->cols, s->gname[g]);
			if (s->gfield[g] < 0) {
				dossier_header_text(row, hdr, sizeof hdr);
				snprintf(err, sizeof err, "-g %s: no such column; the header found", s->gname[g]);
				msg_at(row->file, row->line, NULL, err, hdr, strlen(hdr));
				return -1;
			}
		}
	}
	if (!s->merge) {	/* the reader copies only what is read */
		s->want = erealloc(s->want, s->cols.nf + 1);
		memset(s->want, 0, s->cols.nf + 1);
		for (i = 0; i < (int)(sizeof counted_col / sizeof *counted_col); i++)
			if (s->field[counted_col[i]] >= 0)
				s->want[s->field[counted_col[i]]] = 1;
		for (g = 0; g < s->ng; g++)
			s->want[s->gfield[g]] = 1;
		row->want = s->want;
		row->nwant = s->cols.nf;
		group_slots(s);
	}
	if (!s->have_first) {
		s->have_first = 1;
		s->first = s->cols;
		memset(&s->cols, 0, sizeof s->cols);
		/* later rows compare against cols: keep a copy of the first */
		dossier_cols_init(&s->cols, row, err, sizeof err);
		if (!s->merge)
			for (g = 0; g < s->ng; g++)
				s->outname[g] = s->first.name[s->gfield[g]];
	}
	return 0;
}

static int
on_row(struct csv_row *row, void *ctx)
{
	struct sum *s = ctx;

	if (row->rec == 0) {
		if (s->cols.nf)
			dossier_cols_free(&s->cols);
		if (on_header(s, row) < 0) {
			s->fatal = 1;
			return 1;
		}
		return 0;
	}
	if (s->merge) {
		merge_row(s, row);
	} else {
		if (!row->want) {	/* a part read by a thread: no header */
			row->want = s->want;
			row->nwant = s->cols.nf;
		}
		count_dossier(s, row);
	}
	return 0;
}

/* -j: a regular file is cut at record boundaries, each part counted by a
 * thread of its own with its own parser and group table, and the tables
 * added up: the output is the bytes of one run. */
struct part {
	struct sum w;
	int fd;
	const char *path;
	off_t start, end;
	struct csvin_stats st;
	int status;
};

static void *
count_part(void *arg)
{
	struct part *p = arg;

	p->status = csvin_read_range(p->fd, p->path, p->start, p->end, 0, p->w.delim,
	    on_row, &p->w, &p->st);
	return NULL;
}

static void
add_tables(struct smap *into, struct smap *from)
{
	size_t it = 0, n, k;
	const char *key;
	void *v;

	while (smap_next(from, &it, &key, &n, &v)) {
		struct counts *c = smap_put(into, key, n, NULL), *d = v;
		for (k = 0; k < NCOUNTS; k++)
			if (!num_add(&c->c[k], d->c[k]))
				die("%s: the sum passes the largest count", count_name[k]);
	}
}

static void
free_memos(struct smap **memo, size_t ng)
{
	size_t g;

	for (g = 0; g < ng; g++) {
		size_t it = 0, n;
		const char *k;
		void *v;
		while (smap_next(memo[g], &it, &k, &n, &v))
			free(*(char **)v);
		smap_free(memo[g]);
	}
	free(memo);
}

/* Returns 0 when done, -1 when the file is better read in one stream. */
static int
sum_parallel(struct sum *s, const char *path, int jobs)
{
	struct csvin_stats hst = {0};
	struct part *parts;
	pthread_t *tid;
	struct stat sb;
	off_t *cut, hdr_end = 0, body, min_part = (off_t)1 << 20;
	const char *env;
	unsigned long base;
	int fd, j, r;
	size_t g;

	if (jobs < 2 || strcmp(path, "-") == 0 || (fd = open(path, O_RDONLY)) < 0)
		return -1;
	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode) || csvin_safe_splits(fd, 0, sb.st_size, &hdr_end, 1) < 0) {
		close(fd);
		return -1;
	}
	body = sb.st_size - hdr_end;
	/* parts under 1 MiB are not worth a thread; the tests make them small */
	if ((env = getenv("CCHC_MIN_PART_SIZE")) && atol(env) > 0)
		min_part = atol(env);
	if (body / jobs < min_part)
		jobs = (int)(body / min_part);
	if (jobs < 2) {
		close(fd);
		return -1;
	}
	/* the header, and the columns every part will read */
	s->saw_header = 0;
	r = csvin_read_range(fd, path, 0, hdr_end, 1, s->delim, on_row, s, &hst);
	s->empty += hst.empty;
	if (r == CSVIN_UTF16 || r == CSVIN_EREAD || s->fatal || !s->saw_header) {
		close(fd);
		if (s->cols.nf)
			dossier_cols_free(&s->cols);
		s->saw_header = 0;
		return s->fatal ? 0 : -1;	/* said, or let the stream say it */
	}
	cut = emalloc((size_t)jobs * sizeof *cut);
	for (j = 1; j < jobs; j++)
		cut[j - 1] = hdr_end + body / jobs * j;
	if (csvin_safe_splits(fd, hdr_end, sb.st_size, cut, (size_t)jobs - 1) < 0)
		die("%s: read error: %s", path, strerror(errno));
	cut[jobs - 1] = sb.st_size;
	parts = emalloc((size_t)jobs * sizeof *parts);
	tid = emalloc((size_t)jobs * sizeof *tid);
	for (j = 0; j < jobs; j++) {
		struct part *p = &parts[j];
		memset(p, 0, sizeof *p);
		p->w = *s;	/* the columns and the period, read only */
		p->w.groups = smap_new(sizeof(struct counts));
		p->w.memo = emalloc((s->ng + 1) * sizeof *p->w.memo);
		for (g = 0; g < s->ng; g++)
			p->w.memo[g] = smap_new(sizeof(char *));
		dossier_parser_init(&p->w.parser, s->date_order);
		p->w.slot = s->slot ? ecalloc(s->nslots, sizeof *s->slot) : NULL;
		p->w.key = p->w.tmp = NULL;
		p->w.keycap = p->w.tmpcap = 0;
		p->w.rows = p->w.counted = p->w.outside = p->w.notrecv = p->w.unclass = 0;
		if ((p->w.spill = tmpfile()) == NULL)
			die("cannot make a temporary file for messages: %s", strerror(errno));
		p->fd = fd;
		p->path = path;
		p->start = j ? cut[j - 1] : hdr_end;
		p->end = cut[j];
		if (pthread_create(&tid[j], NULL, count_part, p) != 0)
			die("cannot start a thread: %s", strerror(errno));
	}
	base = hst.lines;
	for (j = 0; j < jobs; j++) {
		struct part *p = &parts[j];
		char line[4096];
		pthread_join(tid[j], NULL);
		if (p->status == CSVIN_EREAD)
			die("%s: read error: %s", path, strerror(errno));
		/* its messages, at the lines of the whole file */
		rewind(p->w.spill);
		while (fgets(line, sizeof line, p->w.spill)) {
			char *tab = strchr(line, '\t');
			if (tab)
				fprintf(stderr, "%s: %s:%lu: %s", prog, path, base + strtoul(line, NULL, 10), tab + 1);
		}
		fclose(p->w.spill);
		base += p->st.lines;
		add_tables(s->groups, p->w.groups);
		s->rows += p->w.rows;
		s->counted += p->w.counted;
		s->outside += p->w.outside;
		s->notrecv += p->w.notrecv;
		s->unclass += p->w.unclass;
		s->empty += p->st.empty;
		smap_free(p->w.groups);
		free_memos(p->w.memo, s->ng);
		dossier_parser_free(&p->w.parser);
		free(p->w.key);
		free(p->w.tmp);
		free(p->w.slot);
	}
	free(parts);
	free(tid);
	free(cut);
	close(fd);
	if (s->cols.nf)
		dossier_cols_free(&s->cols);
	return 0;
}

static void
sum_file(struct sum *s, const char *path, int jobs)
{
	struct csvin_stats st = {0};
	int r;

	if (!s->merge && sum_parallel(s, path, jobs) == 0)
		return;
	s->saw_header = 0;
	r = csvin_read(path, s->delim, on_row, s, &st);
	s->empty += st.empty;
	if (r == CSVIN_EOPEN || r == CSVIN_EREAD) {
		warnx_("%s: %s: %s", path, r == CSVIN_EOPEN ? "cannot open" : "read error", strerror(errno));
		s->fatal = 1;
	} else if (r == CSVIN_UTF16) {
		warnx_("%s: the file is UTF-16; convert it first: iconv -f UTF-16 -t UTF-8", path);
		s->fatal = 1;
	} else if (r == CSVIN_OK && !s->saw_header) {
		warnx_("%s: empty file: no header line", path);
		s->fatal = 1;
	}
	if (s->cols.nf)
		dossier_cols_free(&s->cols);
}

/* Group keys in byte order of their values, column by column. */
struct group {
	const char *key;
	size_t n;
	struct counts *c;
};

static int
cmp_group(const void *pa, const void *pb)
{
	const struct group *a = pa, *b = pb;
	size_t i = 0, j = 0;

	while (i < a->n && j < b->n) {
		uint32_t la, lb;
		int r;
		memcpy(&la, a->key + i, 4);
		memcpy(&lb, b->key + j, 4);
		r = memcmp(a->key + i + 4, b->key + j + 4, la < lb ? la : lb);
		if (r)
			return r;
		if (la != lb)
			return la < lb ? -1 : 1;
		i += 4 + la;
		j += 4 + lb;
	}
	return (i < a->n) - (j < b->n);
}

static void
put_counts(const struct counts *c)
{
	char buf[32];
	int k;

	for (k = 0; k < NCOUNTS; k++) {
		num_format_count(c->c[k], 0, buf);
		out_fieldz(out_stdout, buf);
	}
	out_endrow(out_stdout);
}

static void
write_table(struct sum *s, size_t nkeys, char **keyname)
{
	struct group *gs;
	struct counts total;
	size_t n = smap_count(s->groups), i = 0, it = 0, k;
	void *v;

	memset(&total, 0, sizeof total);
	for (k = 0; k < nkeys; k++)
		out_fieldz(out_stdout, keyname[k]);
	for (k = 0; k < NCOUNTS; k++)
		out_fieldz(out_stdout, count_name[k]);
	out_endrow(out_stdout);
	if (nkeys == 0 && n == 0) {	/* no groups: one row, whatever was read */
		put_counts(&total);
		return;
	}
	gs = emalloc((n + 1) * sizeof *gs);
	while (smap_next(s->groups, &it, &gs[i].key, &gs[i].n, &v))
		gs[i++].c = v;
	qsort(gs, n, sizeof *gs, cmp_group);
	for (i = 0; i < n; i++) {
		size_t off = 0;
		for (k = 0; k < nkeys; k++) {
			uint32_t l;
			memcpy(&l, gs[i].key + off, 4);
			out_field(out_stdout, gs[i].key + off + 4, l);
			off += 4 + l;
		}
		for (k = 0; k < NCOUNTS; k++)
			if (!num_add(&total.c[k], gs[i].c->c[k]))
				die("the total of %s passes the largest count", count_name[k]);
		put_counts(gs[i].c);
	}
	if (s->total && nkeys > 0) {
		out_fieldz(out_stdout, "tong");
		for (k = 1; k < nkeys; k++)
			out_fieldz(out_stdout, "");
		put_counts(&total);
	}
	free(gs);
}

/* A day given on the command line, in any accepted form. */
static long
day_arg(const char *opt, const char *arg, int order)
{
	struct dt t;
	int err = date_parse(arg, strlen(arg), order, &t);

	if (err != DATE_OK) {
		warnx_("%s: %s: \"%s\"", opt, date_strerror(err), arg);
		usage(stderr);
		exit(EXIT_FAIL);
	}
	return date_days(t.y, t.m, t.d);
}

static void
split_groups(struct sum *s, const char *arg)
{
	const char *p = arg;

	for (;;) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		if (n == 0) {
			warnx_("-g: an empty column name in \"%s\"", arg);
			exit(EXIT_FAIL);
		}
		s->gname = erealloc(s->gname, (s->ng + 1) * sizeof *s->gname);
		s->gname[s->ng++] = estrndup(p, n);
		if (!comma)
			break;
		p = comma + 1;
	}
}

int
main(int argc, char *argv[])
{
	enum { O_PERIOD = 'p', O_FROM = 256, O_TO, O_ASOF, O_CAL, O_TOTAL, O_MERGE, O_ORDER, O_VERSION };
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int jobs = ncpu > 0 ? (ncpu > 64 ? 64 : (int)ncpu) : 1;
	static const struct option longopts[] = {
		{"period", required_argument, NULL, O_PERIOD},
		{"from", required_argument, NULL, O_FROM},
		{"to", required_argument, NULL, O_TO},
		{"as-of", required_argument, NULL, O_ASOF},
		{"calendar", no_argument, NULL, O_CAL},
		{"group", required_argument, NULL, 'g'},
		{"total", no_argument, NULL, O_TOTAL},
		{"merge", no_argument, NULL, O_MERGE},
		{"jobs", required_argument, NULL, 'j'},
		{"delimiter", required_argument, NULL, 'd'},
		{"date-order", required_argument, NULL, O_ORDER},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, O_VERSION},
		{NULL, 0, NULL, 0},
	};
	struct sum s;
	const char *period = NULL, *from = NULL, *to = NULL, *asof = NULL;
	int opt, i, d, calendar = 0;
	size_t g, ngroups;

	msg_init(argv[0]);
	memset(&s, 0, sizeof s);
	s.delim = ',';
	while ((opt = getopt_long(argc, argv, "p:g:d:j:h", longopts, NULL)) != -1) {
		switch (opt) {
		case O_PERIOD: period = optarg; break;
		case O_FROM: from = optarg; break;
		case O_TO: to = optarg; break;
		case O_ASOF: asof = optarg; break;
		case O_CAL: calendar = 1; break;
		case 'g': split_groups(&s, optarg); break;
		case O_TOTAL: s.total = 1; break;
		case O_MERGE: s.merge = 1; break;
		case 'j':
			if ((jobs = (int)opt_int("-j", optarg, 1, 64, "a number of threads")) < 0)
				return EXIT_FAIL;
			break;
		case 'd':
			if ((d = csvin_delim_opt("-d", optarg)) < 0)
				return EXIT_FAIL;
			s.delim = (unsigned char)d;
			break;
		case O_ORDER:
			if (strcmp(optarg, "dmy") && strcmp(optarg, "mdy")) {
				warnx_("--date-order: \"%s\" is not dmy or mdy", optarg);
				return EXIT_FAIL;
			}
			s.date_order = strcmp(optarg, "mdy") == 0 ? DATE_MDY : DATE_DMY;
			break;
		case 'h':
			usage(stdout);
			return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
		case O_VERSION:
			puts("cchc-sum " CCHC_VERSION);
			return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
		default:
			usage(stderr);
			return EXIT_FAIL;
		}
	}
	if (s.merge) {
		if (period || from || to || asof || calendar || s.ng) {
			warnx_("--merge adds up count tables: it takes no period and no -g");
			usage(stderr);
			return EXIT_FAIL;
		}
	} else if (period) {
		if (from || to) {
			warnx_("--period or --from/--to, not both");
			usage(stderr);
			return EXIT_FAIL;
		}
		if (period_bounds(period, calendar, &s.from, &s.to) < 0) {
			warnx_("--period: not a period: \"%s\" (2024, 2024-H1, 2024-H2, 2024-9M, 2024-Q1..Q4, 2024-01..12)", period);
			usage(stderr);
			return EXIT_FAIL;
		}
	} else if (from && to) {
		if (calendar) {
			warnx_("--calendar goes with --period");
			return EXIT_FAIL;
		}
		s.from = day_arg("--from", from, s.date_order);
		s.to = day_arg("--to", to, s.date_order);
		if (s.to < s.from) {
			warnx_("--to %s is before --from %s", to, from);
			return EXIT_FAIL;
		}
	} else {
		warnx_("a period is needed: --period P, or --from D and --to D");
		usage(stderr);
		return EXIT_FAIL;
	}
	s.end = s.to;
	if (asof) {
		s.end = day_arg("--as-of", asof, s.date_order);
		if (s.end > s.to || s.end < s.from) {
			char a[24], b[24];
			day_format(s.from, a);
			day_format(s.to, b);
			warnx_("--as-of %s is not inside the period %s .. %s", asof, a, b);
			return EXIT_FAIL;
		}
	}
	s.gfield = emalloc((s.ng + 1) * sizeof *s.gfield);
	s.outname = emalloc((s.ng + 1) * sizeof *s.outname);
	s.memo = emalloc((s.ng + 1) * sizeof *s.memo);
	for (g = 0; g < s.ng; g++)
		s.memo[g] = smap_new(sizeof(char *));
	s.groups = smap_new(sizeof(struct counts));
	dossier_parser_init(&s.parser, s.date_order);
	out_init_stdout();

	if (optind == argc)
		sum_file(&s, "-", 1);
	for (i = optind; i < argc; i++)
		sum_file(&s, argv[i], jobs);
	if (s.have_first) {
		if (s.merge) {
			size_t nkeys = 0, k;
			char **names = emalloc((s.first.nf + 1) * sizeof *names);
			for (k = 0; k < s.first.nf; k++)
				if (s.is_count[k] < 0)
					names[nkeys++] = s.first.name[k];
			if (s.has_total_row)
				s.total = 1;
			write_table(&s, nkeys, names);
			free(names);
		} else {
			write_table(&s, s.ng, s.outname);
		}
	}
	out_close(out_stdout);
	ngroups = smap_count(s.groups);
	free_memos(s.memo, s.ng);
	for (g = 0; g < s.ng; g++)
		free(s.gname[g]);
	free(s.gname);
	free(s.gfield);
	free(s.outname);
	free(s.is_count);
	free(s.want);
	free(s.radix);
	free(s.slot);
	free(s.key);
	free(s.tmp);
	smap_free(s.groups);
	if (s.have_first)
		dossier_cols_free(&s.first);
	dossier_parser_free(&s.parser);
	if (s.empty)
		warnx_("%lu empty rows skipped (blank, or every field empty)", s.empty);
	if (s.merge)
		warnx_("%lu rows: %lu merged, %lu rejected; %zu groups", s.rows, s.counted,
		    s.unclass, ngroups);
	else
		warnx_("%lu rows: %lu counted, %lu outside the period, %lu not received (status 1 or 3), "
		    "%lu unclassifiable", s.rows, s.counted, s.outside, s.notrecv, s.unclass);
	return s.fatal ? EXIT_FAIL : s.unclass ? EXIT_DATA : EXIT_OK;
}
