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

#include "sum.h"
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
#include "lib/period.h"
#include "lib/smap.h"

static void
usage(FILE *fp)
{
	fputs("usage: cchc-sum (--period P | --from D --to D) [--as-of D] [--calendar] "
	    "[--estimate] [-g COL[,COL]...] [--also COLS=FILE]... [--total] [--withdrawn-on-time] [--indicators] "
	    "[--header-line N] [--header-rows N] "
	    "[--keep first|last] [--codes FILE] [-j N] [--excel] [FILE]...\n"
	    "       cchc-sum --merge [--total] [--excel] [FILE]...\n"
	    "       cchc-sum --rollup COL[,COL]... [--total] [--excel] [FILE]...\n", fp);
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
	    "      --estimate       with --as-of: add the figures projected to the period's\n"
	    "                       end from the pace of the 30 days up to D (uoc_ columns)\n"
	    "  -g, --group COLS     group by these columns (any alias; comma-separated)\n"
	    "      --also COLS=FILE also the table grouped by COLS (none: the one row of all),\n"
	    "                       of the rows of the first, in the same read, into FILE\n"
	    "      --total          add a last row keyed 'tong'\n"
	    "      --withdrawn-on-time  count withdrawn and stopped dossiers (7, 8) on time\n"
	    "      --indicators     add the counts of the QD 766 indicators (the portal's\n"
	    "                       flags and ratings) after the 13\n"
	    "      --header-line N  the header is line N (default: found in the first 30)\n"
	    "      --header-rows N  the header is 1 or 2 rows (default: found)\n"
	    "      --keep WHICH     of a dossier in two FILEs: first (default) or last\n"
	    "      --codes FILE     the user's own code words (CSV cot,gia_tri,ma)\n"
	    "      --merge          add up count tables from earlier runs\n"
	    "      --rollup COLS    merge count tables, then keep only the key columns COLS,\n"
	    "                       adding the sub-groups with dossiers received\n"
	    "                       (dvctt_phat_sinh_ho_so) and submitted online\n"
	    "                       (dvctt_phat_sinh_ho_so_truc_tuyen)\n"
	    "  -j, --jobs N         threads for a regular file (default: the cores)\n"
	    "  -d, --delimiter C    input delimiter: , (default), ; or \\t\n"
	    "      --date-order ORD dmy (default) or mdy\n"
	    "      --excel          CSV for a Vietnamese Excel: BOM, ';', CR LF\n"
	    "  -h, --help           show this help\n"
	    "      --version        show the version\n"
	    "\n"
	    "Columns out: the group columns, then tiep_nhan, ky_truoc, moi_tiep_nhan,\n"
	    "nop_truc_tuyen, nop_truc_tiep, nop_buu_chinh, da_giai_quyet, gq_truoc_han,\n"
	    "gq_dung_han, gq_qua_han, dang_giai_quyet, dang_trong_han, dang_qua_han;\n"
	    "with --indicators: co_phi, thanh_toan_truc_tuyen, so_hoa, tai_su_dung,\n"
	    "kho_du_lieu, xac_thuc_vneid (of those received), ket_qua_dien_tu,\n"
	    "so_hoa_ket_qua_dien_tu, danh_gia, rat_hai_long, hai_long, binh_thuong,\n"
	    "khong_hai_long, rat_khong_hai_long (of those resolved).\n"
	    "Exit status: 0 fine, 1 rows could not be classified (reported), 2 the job\n"
	    "could not be done. See cchc-sum(1).\n", fp);
}

/* The FILE a dossier id was met in (keep first) or last met in (the first
 * pass of keep last). */
struct id_at {
	uint32_t file;
};

/* A count table: its group columns and its groups. cchc-sum counts the
 * one of -g and, with --also, more of the same rows in the same read. */
struct table {
	char **gname;		/* the group columns as given */
	size_t ng;
	int *gfield;		/* each group column's field in this file */
	char **outname;		/* their names out (the first header's) */
	struct smap *groups;	/* encoded key -> struct counts */
	struct smap **memo;	/* per group column: raw value -> NFC */
	/* When every group column is a code column, a tuple of codes is a
	 * slot: its group found once by key, then by index. */
	int coded_groups;
	size_t *radix;		/* per group column: codes + 1 */
	size_t nslots;
	struct counts **slot;
	/* an --also table's own (the first table's are the intake's) */
	const char *path;	/* its FILE */
	struct out *out;	/* written aside, renamed at the end */
	struct msgs *msgs;	/* the rows it does not count, by reason */
	unsigned long counted;
	unsigned long unplaced;	/* rows its grouping could not place */
};

struct sum {
	const struct intake_opts *opts;
	struct intake in;
	struct msgs *msgs;
	long from, to, end;	/* end: the day status is taken at */
	int estimate;		/* count the pace window too */
	long pace_from;		/* its first day (its last is end) */
	struct table *t;	/* t[0]: -g's; then --also's */
	size_t nt;
	/* the --also tables' problems with group values, each said once a
	 * row and column (two tables may group by one column): the columns
	 * said of the row being read */
	struct msgs *also_msgs;
	int said[64];
	size_t nsaid;
	int total, withdrawn_on_time;
	int indicators;		/* --indicators */
	struct dossier_parser parser;
	int field[NCOLS];	/* each known column's field in this file */
	/* a dossier in two FILEs of the run */
	int track_ids, keep_last, keep_given, scan;
	uint32_t file_no;
	const char *const *files;
	struct smap *ids;	/* ids of the FILEs before this one (read only in a file) */
	struct smap *new_ids;	/* ids met in this one, added to ids at its end */
	/* accounting: rows, unclassifiable and footer are the intake's */
	unsigned long counted, outside, notrecv, empty;
	int ready;		/* a header was read whole: the table has its columns */
	char *key, *tmp;
	size_t keycap, tmpcap;
};

/* --- the per-row work --- */

/* The text of known column col as read, or an empty one when absent. */
static inline __attribute__((always_inline)) void
raw_value(const struct sum *s, const struct csv_row *row, int col, const char **v, size_t *n)
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
value(const struct sum *s, const struct csv_row *row, int col, const char **v, size_t *n)
{
	raw_value(s, row, col, v, n);
	trim(v, n);
}

/* The reason a row cannot be classified for, in the summary. */
static const char *
reason(int col, const char *why)
{
	static const char *const unknown[NCOLS] = {
		[COL_CAP] = "unknown cap", [COL_KENH] = "unknown kenh",
		[COL_MUC_DO_DVC] = "unknown muc_do_dvc", [COL_TRANG_THAI] = "unknown trang_thai",
	};
	static const char *const bad_date[NCOLS] = {
		[COL_NGAY_TIEP_NHAN] = "bad ngay_tiep_nhan", [COL_NGAY_HEN_TRA] = "bad ngay_hen_tra",
		[COL_NGAY_TRA_KET_QUA] = "bad ngay_tra_ket_qua",
	};

	if (col < 0)
		return why;
	if (strcmp(why, "required value missing") == 0)
		return col == COL_NGAY_TIEP_NHAN ? "no ngay_tiep_nhan" : why;
	if (col == COL_KENH && strncmp(why, "no ", 3) == 0)
		return "no kenh";
	if (col_is_date(col))
		return bad_date[col];
	if (col_has_codes(col) && unknown[col])
		return unknown[col];
	return why;
}

static __attribute__((noinline, cold)) void
unclassifiable(struct sum *s, struct csv_row *row, int col, const char *why,
               const char *v, size_t n)
{
	intake_reject(&s->in, row, reason(col, why), col >= 0 ? col_name[col] : NULL, why,
	    n ? v : NULL, n);
}

static __attribute__((noinline)) int
parse(struct sum *s, struct csv_row *row, int col, struct dossier *d)
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
parse_date(struct sum *s, struct csv_row *row, int col, struct dossier *d)
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
parse_code(struct sum *s, struct csv_row *row, int col, struct dossier *d)
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

/* The status, -1 for none or one no table knows: that one keeps its row,
 * classified by its dates, and is said once. */
static inline __attribute__((always_inline)) int
status_of(struct sum *s, struct csv_row *row)
{
	const char *v;
	size_t n;
	int code;

	value(s, row, COL_TRANG_THAI, &v, &n);
	if (n == 0)
		return -1;
	if ((code = dossier_code(&s->parser, COL_TRANG_THAI, v, n)) >= 0)
		return code;
	intake_note(&s->in, col_name[COL_TRANG_THAI], "unknown status, the row classified by "
	    "its dates", v, n);
	return -1;
}

/* The dossier's id, NFC, for repeats across FILEs. */
static const char *
id_of(struct sum *s, const struct csv_row *row, size_t *len)
{
	const char *v;
	size_t n;

	value(s, row, COL_MA_HO_SO, &v, &n);
	if (n == 0 || text_check(v, n, &(size_t){0}) != TEXT_OK) {
		*len = n;
		return v;
	}
	*len = nfc(v, n, &s->tmp, &s->tmpcap);
	return s->tmp;
}

/* A row that is classified (counted, outside, not received) takes its id,
 * in two steps so that a row found wrong in between takes none: claim, 0
 * or -1 when the dossier belongs to another FILE's copy (said); then
 * claim_take. */
static __attribute__((noinline)) int
claim(struct sum *s, struct csv_row *row)
{
	const struct id_at *at;
	char why[512];
	const char *id;
	size_t n;

	if (!s->track_ids || s->scan)
		return 0;
	id = id_of(s, row, &n);
	if (n == 0)
		return 0;
	at = smap_get(s->ids, id, n);
	if (s->keep_last) {
		if (!at || at->file == s->file_no)
			return 0;
		snprintf(why, sizeof why, "repeated ma_ho_so (a later copy kept, in %s)", s->files[at->file]);
	} else {
		if (!at)
			return 0;
		snprintf(why, sizeof why, "repeated ma_ho_so (first in %s)", s->files[at->file]);
	}
	if (s->keep_given)	/* asked for: no problem, but counted */
		intake_drop(&s->in, row, col_name[COL_MA_HO_SO], why, id, n);
	else
		unclassifiable(s, row, COL_MA_HO_SO, why, id, n);
	return -1;
}

static __attribute__((noinline)) void
claim_take(struct sum *s, const struct csv_row *row)
{
	const char *id;
	size_t n;

	if (!s->track_ids || (s->keep_last && !s->scan))
		return;	/* the first pass knew them all */
	id = id_of(s, row, &n);
	if (n)	/* in the first pass, the last FILE with a copy so far */
		((struct id_at *)smap_put(s->new_ids, id, n, NULL))->file = s->file_no;
}

/* The group of a row whose group columns are all codes seen before, or
 * NULL: let the general way say what is wrong. */
static struct counts *
coded_group(struct sum *s, struct table *t, const struct csv_row *row)
{
	size_t g, k = 0, klen = 0;
	int code[64], added;
	struct counts **c;

	for (g = 0; g < t->ng; g++) {
		int f = t->gfield[g], role = s->in.cur.role[f];
		const char *v = row->f[f].s;
		size_t n = row->f[f].n;

		trim(&v, &n);
		if (n == 0 || (code[g] = dossier_code(&s->parser, role, v, n)) < 0)
			return NULL;
		k = k * t->radix[g] + (size_t)code[g] + 1;
	}
	c = &t->slot[k];
	if (!*c) {
		for (g = 0; g < t->ng; g++) {
			const char *name = col_code_name(s->in.cur.role[t->gfield[g]], code[g]);
			key_add(&s->key, &s->keycap, &klen, name, strlen(name));
		}
		*c = smap_put(t->groups, s->key ? s->key : "", klen, &added);
	}
	return *c;
}

/* NFC of a group value, once per distinct raw value. */
static const char *
group_text(struct sum *s, struct table *t, size_t g, const char *v, size_t n, size_t *len)
{
	char **memo;
	int added;
	size_t l;

	if (smap_count(t->memo[g]) > 100000) {	/* free text: no memo */
		*len = nfc(v, n, &s->tmp, &s->tmpcap);
		return s->tmp;
	}
	memo = smap_put(t->memo[g], v, n, &added);
	if (added) {
		l = nfc(v, n, &s->tmp, &s->tmpcap);
		*memo = emalloc(l + sizeof(size_t) + 1);
		memcpy(*memo, &l, sizeof l);
		memcpy(*memo + sizeof l, s->tmp, l + 1);
	}
	memcpy(len, *memo, sizeof *len);
	return *memo + sizeof(size_t);
}

/* Whether field f of the row was said of already (by the first table,
 * or an --also table before); it is from now on. */
static int
said_before(struct sum *s, int f)
{
	size_t i;

	for (i = 0; i < s->nsaid; i++)
		if (s->said[i] == f)
			return 1;
	if (s->nsaid < sizeof s->said / sizeof s->said[0])
		s->said[s->nsaid++] = f;
	return 0;
}

/* A row table t's grouping cannot place, by its group column g: the first
 * table's is a row rejected (the intake's); an --also table's is a row
 * that table does not count, said unless a table before said it of this
 * row's column. */
static __attribute__((noinline, cold)) void
unplaced(struct sum *s, struct table *t, size_t g, struct csv_row *row, const char *kind,
         const char *col, const char *what, const char *v, size_t n)
{
	if (t == s->t) {
		intake_reject(&s->in, row, kind, col, what, v, n);
		return;
	}
	t->unplaced++;
	msgs_count(t->msgs, kind, 1);
	if (!said_before(s, t->gfield[g]))
		msgs_add(s->also_msgs, kind, row->file, row->line, col, what, v, n);
}

/* The group a row counts in, or NULL when a group value is wrong (said). */
static struct counts *
group_of(struct sum *s, struct table *t, struct csv_row *row, struct dossier *d)
{
	size_t g, klen = 0, nnotes = 0;
	struct { const char *col, *what, *v; size_t n; int f; } note[4];
	const char *why;
	int added;

	for (g = 0; g < t->ng; g++) {
		const struct csv_field *f = &row->f[t->gfield[g]];
		const char *v = f->s;
		size_t n = f->n, at, len;
		int role = s->in.cur.role[t->gfield[g]], bad;

		if ((bad = text_check(v, n, &at)) != TEXT_OK) {
			unplaced(s, t, g, row, bad == TEXT_NUL ? "NUL byte" : "not UTF-8",
			    s->in.cur.name[t->gfield[g]], bad == TEXT_NUL ? "NUL byte in a group value" :
			    text_advice(v, n, at), v, n);
			return NULL;
		}
		trim(&v, &n);
		if (role == COL_CAP && n == 0) {	/* the level decides the group */
			unplaced(s, t, g, row, "no cap", col_name[role],
			    "no level, for a count by level", NULL, 0);
			return NULL;
		}
		if (role >= 0 && col_has_codes(role)) {
			const char *code;
			if (dossier_value(&s->parser, role, v, n, d, &why) < 0) {
				if (col_keeps_unknown(role) && n) {
					/* kept: grouped as written; a status is
					 * said by status_of */
					const char *what = role == COL_MUC_DO_DVC ?
					    "unknown service level, grouped as written" :
					    "unknown value, grouped as written";
					if (role != COL_TRANG_THAI && t == s->t)
						intake_note(&s->in, col_name[role], what, v, n);
					else if (role != COL_TRANG_THAI &&
					    nnotes < sizeof note / sizeof note[0]) {
						note[nnotes].f = t->gfield[g];
						note[nnotes].col = col_name[role];
						note[nnotes].what = what;
						note[nnotes].v = v;
						note[nnotes++].n = n;
					}
					v = group_text(s, t, g, v, n, &len);
					key_add(&s->key, &s->keycap, &klen, v, len);
					continue;
				}
				unplaced(s, t, g, row, reason(role, why), col_name[role], why,
				    n ? v : NULL, n);
				return NULL;
			}
			code = d->code[role] < 0 ? "" : col_code_name(role, d->code[role]);
			key_add(&s->key, &s->keycap, &klen, code, strlen(code));
			continue;
		}
		v = group_text(s, t, g, v, n, &len);
		key_add(&s->key, &s->keycap, &klen, v, len);
	}
	/* an --also table's notes: the row is counted there */
	for (g = 0; g < nnotes; g++)
		if (!said_before(s, note[g].f))
			msgs_note(s->also_msgs, row->file, row->line, note[g].col, note[g].what,
			    note[g].v, note[g].n);
	return smap_put(t->groups, s->key ? s->key : "", klen, &added);
}

/* The group of table t a row counts in, or NULL (said). */
static inline __attribute__((always_inline)) struct counts *
group_in(struct sum *s, struct table *t, struct csv_row *row, struct dossier *d)
{
	struct counts *c;

	if (t->coded_groups && (c = coded_group(s, t, row)) != NULL)
		return c;
	return group_of(s, t, row, d);
}

/* A dossier classified (received in the period: fresh; the days read)
 * added to group c's counts. */
static inline __attribute__((always_inline)) void
add_dossier(const struct sum *s, struct counts *c, const struct dossier *d, int kind, int fresh,
            long recv_day, long done_day)
{
	c->c[C_TIEP_NHAN]++;
	if (fresh) {
		c->c[C_MOI_TIEP_NHAN]++;
		c->c[C_NOP_TRUC_TUYEN + d->code[COL_KENH]]++;
	} else {
		c->c[C_KY_TRUOC]++;
	}
	/* the pace window: received in it (so in the period), resolved in it */
	if (s->estimate && fresh && recv_day >= s->pace_from)
		c->pace[P_NOP_TRUC_TUYEN + d->code[COL_KENH]]++;
	if (d->has_done && done_day <= s->end) {
		int how;
		c->c[C_DA_GIAI_QUYET]++;
		if ((kind == STATUS_WITHDRAWN || kind == STATUS_STOPPED) && s->withdrawn_on_time) {
			how = C_GQ_DUNG_HAN;
		} else if (!d->has_due) {
			how = C_GQ_DUNG_HAN;	/* no deadline: on time */
		} else {
			long due_day = d->due.days;
			if (done_day < due_day)
				how = C_GQ_TRUOC_HAN;
			else if (done_day > due_day ||
			    (d->done.has_time && d->due.has_time && date_secs(&d->done) > date_secs(&d->due)))
				how = C_GQ_QUA_HAN;
			else
				how = C_GQ_DUNG_HAN;
		}
		c->c[how]++;
		if (s->estimate && done_day >= s->pace_from)
			c->pace[P_GQ_TRUOC_HAN + how - C_GQ_TRUOC_HAN]++;
	} else {
		c->c[C_DANG_GIAI_QUYET]++;
		/* waiting for the citizen, the clock stopped: within the deadline */
		if (!d->has_due || d->due.days >= s->end || (kind == STATUS_WAITING && !d->has_done))
			c->c[C_DANG_TRONG_HAN]++;
		else
			c->c[C_DANG_QUA_HAN]++;
	}
}

/* The --also tables: the row counted by the first table, in each. */
static __attribute__((noinline)) void
count_also(struct sum *s, struct csv_row *row, struct dossier *d, int kind, int fresh,
           long recv_day, long done_day)
{
	size_t i;

	/* the first table's columns: said of by it (a note), or sound */
	s->nsaid = 0;
	for (i = 0; i < s->t[0].ng && i < sizeof s->said / sizeof s->said[0]; i++)
		s->said[s->nsaid++] = s->t[0].gfield[i];
	for (i = 1; i < s->nt; i++) {
		struct table *t = &s->t[i];
		struct counts *c = group_in(s, t, row, d);
		if (!c)
			continue;
		if (__builtin_expect(s->indicators, 0))	/* its notes said by the first */
			ind_count(c, s->field, &s->parser, NULL, row, fresh,
			    d->has_done && done_day <= s->end);
		add_dossier(s, c, d, kind, fresh, recv_day, done_day);
		t->counted++;
	}
}

static inline __attribute__((always_inline)) void
count_dossier(struct sum *s, struct csv_row *row)
{
	struct dossier d;
	struct counts *c;
	const char *why;
	long recv_day, done_day = 0;
	int col, fresh, status, kind = -1;

	if (row->err) {
		char what[160];
		unsigned long line2;
		/* the other line a part counted is counted again when merged */
		csvin_error_mark(row, MSGS_LINE, what, sizeof what, &line2);
		intake_reject(&s->in, row, "malformed CSV", row->err_field < s->in.cur.nf ?
		    s->in.cur.name[row->err_field] : NULL, what, NULL, 0);
		return;
	}
	if (row->nf != s->in.cur.nf) {
		char what[160];
		csvin_nf_text(row, s->in.cur.nf, what, sizeof what);
		intake_reject(&s->in, row, "wrong number of fields", NULL, what, NULL, 0);
		return;
	}
	/* no memset: every field read below is written first (a rep stos of
	 * the whole struct was 3% of the time) */
	d.has_due = d.has_done = 0;
	if (s->field[COL_TRANG_THAI] >= 0 && (status = status_of(s, row)) >= 0) {
		kind = status_kind(status);
		/* statuses 1 and 3 are no received dossiers, whatever their dates */
		if (kind == STATUS_NOT_RECEIVED) {
			if (claim(s, row) < 0)
				return;
			claim_take(s, row);
			s->notrecv++;
			intake_ok(&s->in, row);
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
		if (claim(s, row) < 0)
			return;
		claim_take(s, row);
		s->outside++;
		intake_ok(&s->in, row);
		return;
	}
	if (parse_date(s, row, COL_NGAY_HEN_TRA, &d) < 0)
		return;
	if ((col = dossier_dates(&d, &why)) >= 0) {
		/* in ISO form, as cchc-check says it */
		char iso[24];
		size_t n = date_format(col == COL_NGAY_HEN_TRA ? &d.due : &d.done, iso);
		intake_reject(&s->in, row, col == COL_NGAY_HEN_TRA ? "due before received" :
		    "result before received", col_name[col], why, iso, n);
		return;
	}
	if (__builtin_expect(kind >= STATUS_WITHDRAWN && !d.has_done, 0)) {
		intake_reject(&s->in, row, kind != STATUS_PROCESSED ? "status 7 or 8 without an end date" :
		    "status 9 or 10 without an end date", col_name[COL_NGAY_TRA_KET_QUA],
		    kind != STATUS_PROCESSED ?
		    "withdrawn or stopped (7, 8) without an end date: no period to place it in" :
		    "processed (9, 10) without an end date: no period to place it in", NULL, 0);
		return;
	}
	if (__builtin_expect((kind == STATUS_IN_PROGRESS || kind == STATUS_WAITING) && d.has_done, 0)) {
		const char *v;
		size_t n;
		value(s, row, COL_TRANG_THAI, &v, &n);
		intake_note(&s->in, col_name[COL_TRANG_THAI],
		    "a status of a dossier not finished, with an end date: the dates decide", v, n);
	}
	/* an empty channel is no channel: it matters only for a dossier
	 * received in the period, counted by it (cchc-check says the same) */
	fresh = recv_day >= s->from;
	if (s->field[COL_KENH] >= 0) {
		if (parse_code(s, row, COL_KENH, &d) < 0)
			return;
		if (d.code[COL_KENH] < 0 && fresh) {
			unclassifiable(s, row, COL_KENH,
			    "no channel, for a dossier received in the period", NULL, 0);
			return;
		}
	} else if (fresh) {
		unclassifiable(s, row, COL_KENH, "no kenh column: a dossier received in the period "
		    "is counted by its channel", NULL, 0);
		return;
	}
	if (s->track_ids && claim(s, row) < 0)
		return;
	if ((c = group_in(s, s->t, row, &d)) == NULL)
		return;
	/* a copy that cannot be classified is no copy: its id is taken
	 * when nothing is left to find wrong */
	if (s->track_ids)
		claim_take(s, row);
	if (__builtin_expect(s->indicators, 0))	/* before intake_ok: its notes */
		ind_count(c, s->field, &s->parser, &s->in, row, fresh,
		    d.has_done && done_day <= s->end);
	intake_ok(&s->in, row);
	add_dossier(s, c, &d, kind, fresh, recv_day, done_day);
	/* after intake_ok: the rows it committed come first, as in a run
	 * of their own */
	if (__builtin_expect(s->nt > 1, 0) && !s->scan)
		count_also(s, row, &d, kind, fresh, recv_day, done_day);
	s->counted++;
}

/* --- headers --- */

/* Sets up coded_group() when every group column is a code column and
 * the tuples are few. */
static void
group_slots(struct sum *s, struct table *t)
{
	size_t g, n = 1;

	t->coded_groups = 0;
	if (t->ng > 64)
		return;
	for (g = 0; g < t->ng; g++) {
		int role = s->in.cur.role[t->gfield[g]];
		/* a status or service level no table knows is grouped as
		 * written: not a slot */
		if (role < 0 || !col_has_codes(role) || col_keeps_unknown(role))
			return;
		t->radix[g] = (size_t)col_ncodes(role) + 1;
		n *= t->radix[g];
		if (n > 4096)
			return;
	}
	if (!t->slot) {
		t->nslots = n;
		t->slot = ecalloc(n, sizeof *t->slot);
	} else if (t->nslots != n) {
		return;
	}
	t->coded_groups = 1;
}

/* Table i's group columns in the header read; -1 when one is missing
 * (said). */
static int
table_header(struct sum *s, size_t i)
{
	struct table *t = &s->t[i];
	char err[1024];
	size_t g;

	for (g = 0; g < t->ng; g++) {
		t->gfield[g] = dossier_cols_find(&s->in.cur, t->gname[g]);
		if (t->gfield[g] < 0) {
			snprintf(err, sizeof err, "%s %s: no such column; the header found",
			    i ? "--also" : "-g", t->gname[g]);
			msg_at(s->in.file, s->in.hdr_line, NULL, err, s->in.hdr_text, strlen(s->in.hdr_text));
			return -1;
		}
	}
	if (!t->outname[0])
		for (g = 0; g < t->ng; g++)
			t->outname[g] = s->in.first.name[dossier_cols_find(&s->in.first, t->gname[g])];
	group_slots(s, t);
	return 0;
}

static int
on_header(void *ctx, struct csv_row *live)
{
	struct sum *s = ctx;
	size_t i;

	(void)live;
	for (i = 0; i < NCOLS; i++)
		s->field[i] = s->in.cur.idx[i];
	for (i = 0; i < s->nt; i++)
		if (table_header(s, i) < 0)
			return -1;
	if (s->track_ids && s->field[COL_MA_HO_SO] < 0 && s->file_no == 0 && s->in.headers == 1)
		warnx_("%s: no ma_ho_so column: a dossier in two FILEs cannot be told, and is counted twice",
		    s->in.file);
	if (s->indicators && !s->in.is_part)	/* every FILE has the first's columns */
		ind_empty_all = ind_absent(s->field, s->in.file,
		    !s->scan && s->file_no == 0 && s->in.headers == 1);
	s->ready = 1;
	return 0;
}

/* A row the intake rejected (a fault of the row, or of the first table's
 * grouping): a row no --also table counts, by the same reason. */
static void
on_rejected(void *ctx, const char *kind)
{
	struct sum *s = ctx;
	size_t i;

	if (!s->scan)
		for (i = 1; i < s->nt; i++)
			msgs_count(s->t[i].msgs, kind, 1);
}

static int
on_row(struct csv_row *row, void *ctx)
{
	struct sum *s = ctx;

	if (intake_data(&s->in, row))
		count_dossier(s, row);
	return s->in.state == INTAKE_FAILED;
}

/* --- the parts of a file, read by threads --- */

/* A table's own parts for its ng columns: empty groups and memos, the
 * columns' fields and radixes to be set (by the header, or copied). */
static void
table_alloc(struct table *t)
{
	size_t g;

	t->groups = smap_new(sizeof(struct counts));
	t->memo = emalloc((t->ng + 1) * sizeof *t->memo);
	for (g = 0; g < t->ng; g++)
		t->memo[g] = smap_new(sizeof(char *));
	t->gfield = emalloc((t->ng + 1) * sizeof *t->gfield);
	t->radix = emalloc((t->ng + 1) * sizeof *t->radix);
}

/* Table from's columns in a table of its own: its groups empty, its
 * messages (an --also table's) its own. */
static void
table_copy(struct table *t, const struct table *from)
{
	*t = *from;
	table_alloc(t);
	memcpy(t->gfield, from->gfield, from->ng * sizeof *t->gfield);
	memcpy(t->radix, from->radix, from->ng * sizeof *t->radix);
	t->slot = from->slot ? ecalloc(from->nslots, sizeof *from->slot) : NULL;
	t->msgs = from->msgs ? msgs_new() : NULL;
	t->counted = t->unplaced = 0;
}

/* A part's own state, copied from the whole's: the period, the columns
 * and the earlier FILEs' ids are read only; the tables are its own. */
static void
part_init(struct sum *p, const struct sum *s)
{
	size_t i;

	*p = *s;
	p->msgs = msgs_new();
	p->also_msgs = msgs_new();
	intake_part(&p->in, &s->in, p->msgs, p);
	p->t = emalloc(s->nt * sizeof *p->t);
	for (i = 0; i < s->nt; i++)
		table_copy(&p->t[i], &s->t[i]);
	dossier_parser_init(&p->parser, s->opts->date_order);
	p->new_ids = smap_new(sizeof(struct id_at));
	p->key = p->tmp = NULL;
	p->keycap = p->tmpcap = 0;
	p->counted = p->outside = p->notrecv = 0;
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

/* What table_copy made (a part's), or main made (the run's, with
 * names: names). */
static void
table_free(struct table *t, int names)
{
	size_t g;

	smap_free(t->groups);
	free_memos(t->memo, t->ng);
	free(t->gfield);
	free(t->radix);
	free(t->slot);
	msgs_free(t->msgs);
	if (names) {
		for (g = 0; g < t->ng; g++)
			free(t->gname[g]);
		free(t->gname);
		free(t->outname);
	}
}

static void
part_free(struct sum *p)
{
	size_t i;

	intake_free(&p->in);
	msgs_free(p->msgs);
	msgs_free(p->also_msgs);
	for (i = 0; i < p->nt; i++)
		table_free(&p->t[i], 0);
	free(p->t);
	dossier_parser_free(&p->parser);
	smap_free(p->new_ids);
	free(p->key);
	free(p->tmp);
}

/* The ids of from into into (this FILE's). */
static void
add_ids(struct smap *into, struct smap *from, uint32_t file)
{
	size_t it = 0, n;
	const char *k;
	void *v;

	while (smap_next(from, &it, &k, &n, &v))
		((struct id_at *)smap_put(into, k, n, NULL))->file = file;
}

/* What p counted since it was last taken, into s, its lines counted from
 * line base + 1 of the file; p's tables are then empty again. */
static void
take_part(struct sum *s, struct sum *p, unsigned long base)
{
	size_t i;

	for (i = 0; i < s->nt; i++) {
		struct table *t = &s->t[i], *pt = &p->t[i];
		add_tables(t->groups, pt->groups);
		smap_free(pt->groups);
		pt->groups = smap_new(sizeof(struct counts));
		/* slots point into p's groups, now gone */
		if (pt->slot)
			memset(pt->slot, 0, pt->nslots * sizeof *pt->slot);
		if (pt->msgs)
			msgs_merge(t->msgs, pt->msgs, base);
		t->counted += pt->counted;
		t->unplaced += pt->unplaced;
		pt->counted = pt->unplaced = 0;
	}
	msgs_merge(s->msgs, p->msgs, base);
	msgs_merge(s->also_msgs, p->also_msgs, base);
	s->counted += p->counted;
	s->outside += p->outside;
	s->notrecv += p->notrecv;
	s->in.rows += p->in.rows;
	s->in.rejected += p->in.rejected;
	s->in.footer += p->in.footer;
	s->in.dropped += p->in.dropped;
	s->in.empty += p->in.empty;
	p->counted = p->outside = p->notrecv = 0;
	p->in.rows = p->in.rejected = p->in.footer = p->in.dropped = p->in.empty = 0;
	add_ids(s->new_ids, p->new_ids, s->file_no);
	smap_free(p->new_ids);
	p->new_ids = smap_new(sizeof(struct id_at));
}

struct part {
	struct sum w;
	struct csvin *r;	/* NULL once ended or dropped */
	int fd, status;
	off_t start, end;
};

static void *
read_part(void *arg)
{
	struct part *p = arg;

	p->status = csvin_feed_fd(p->r, p->fd, p->start, p->end);
	return NULL;
}

/* Where to cut near target, in [target, end): just after a line end, at
 * the start of a line that reads as a whole record of nf fields (no quote
 * open at its end), so that the cut is most likely a record boundary. It
 * need not be one: each part is checked to begin where the one before it
 * ended (sum_parallel). */
static off_t
guess_cut(int fd, off_t target, off_t end, unsigned char delim, size_t nf)
{
	static __thread char buf[65536];
	off_t pos = target, first_nl = -1;
	ssize_t got;

	while (pos < end && pos < target + ((off_t)4 << 20)) {
		size_t len = (size_t)(end - pos < (off_t)sizeof buf ? end - pos : (off_t)sizeof buf), i;
		if ((got = pread(fd, buf, len, pos)) <= 0)
			break;
		for (i = 0; i < (size_t)got; i++) {
			size_t j, fields = 1;
			int quoted = 0, at_start = 1;
			if (buf[i] != '\n')
				continue;
			if (first_nl < 0)
				first_nl = pos + (off_t)i + 1;
			/* the line after this line end, read on its own */
			for (j = i + 1; j < (size_t)got; j++) {
				char ch = buf[j];
				if (quoted) {
					if (ch == '"') {
						if (j + 1 < (size_t)got && buf[j + 1] == '"')
							j++;
						else
							quoted = 0;
					}
					continue;
				}
				if (ch == '\n' || ch == '\r')
					break;
				if (ch == (char)delim) {
					fields++;
					at_start = 1;
					continue;
				}
				if (ch == '"' && at_start)
					quoted = 1;
				at_start = 0;
			}
			if (j < (size_t)got && !quoted && fields == nf)
				return pos + (off_t)i + 1;
		}
		pos += got;
	}
	return first_nl >= 0 ? first_nl : end;
}

/* A regular file cut in parts, each read by a thread of its own with a
 * fresh reader from its first byte. A part's count is the one a single
 * stream would have made only when the reader before it ended exactly
 * where it begins, in the state a fresh reader starts in: no record,
 * quote or syntax error open (csvin_clean), no header mid-stream met, no
 * row pending as maybe the footer (intake_quiet). Then, the parser being
 * deterministic, the single stream would have read the part the same way.
 * When not, the part's count is dropped and the reader before it reads on
 * over it, and the test is made again at the next cut. So -j N gives the
 * bytes of -j 1 on any input; an input where no cut is a record boundary
 * is read by one thread, in order.
 *
 * The file is read from from, where fd is (standard input that a shell
 * has read part of: a stream would begin there), to size.
 *
 * head is the reader of the file's start (on s), ended here. Returns the
 * reading status. */
static int
sum_parallel(struct sum *s, struct csvin *head, int fd, off_t from, off_t size, int jobs)
{
	struct part *parts;
	pthread_t *tid;
	off_t h = from, body, *cut, min_part = (off_t)1 << 20;
	struct csvin *cur;
	struct sum *curw;
	unsigned long curbase = 0, headers;
	struct csvin_stats st = {0, 0};
	const char *env;
	int j, n, status = CSVIN_OK;

	if ((env = getenv("CCHC_MIN_PART_SIZE")) && atol(env) > 0)
		min_part = atol(env);
	/* the head first, alone: the header, up to a record boundary */
	while (h < size && status == CSVIN_OK) {
		/* the first feed sees the file's first 64 bytes whole: what
		 * they are (a BOM, a workbook, a web page) is decided on them */
		off_t step = min_part < 65536 ? (min_part < 64 ? 64 : min_part) : 65536;
		off_t to = guess_cut(fd, h + step, size, s->opts->delim,
		    s->in.have_cur ? s->in.cur.nf : 1);
		status = csvin_feed_fd(head, fd, h, to);
		h = to;
		if (s->in.state == INTAKE_DATA && csvin_clean(head) && intake_quiet(&s->in))
			break;
	}
	body = size - h;
	if (status == CSVIN_OK && s->in.state == INTAKE_DATA && body / min_part < jobs)
		jobs = (int)(body / min_part);
	if (status != CSVIN_OK || s->in.state != INTAKE_DATA || jobs < 2) {
		if (status == CSVIN_OK && h < size)
			status = csvin_feed_fd(head, fd, h, size);
		status = csvin_end(head, status, &st);
		s->empty += st.empty;
		return status;
	}
	cut = emalloc(((size_t)jobs + 1) * sizeof *cut);
	cut[0] = h;
	for (j = 1, n = 1; j < jobs; j++) {
		off_t c = guess_cut(fd, h + body / jobs * j, size, s->opts->delim, s->in.cur.nf);
		if (c > cut[n - 1] && c < size)
			cut[n++] = c;
	}
	cut[n] = size;
	parts = ecalloc((size_t)n, sizeof *parts);
	tid = emalloc((size_t)n * sizeof *tid);
	headers = s->in.headers;
	for (j = 0; j < n; j++) {
		struct part *p = &parts[j];
		part_init(&p->w, s);
		p->r = csvin_new(s->in.file, s->opts->delim, on_row, &p->w);
		csvin_set_part(p->r);
		p->fd = fd;
		p->start = cut[j];
		p->end = cut[j + 1];
		if (pthread_create(&tid[j], NULL, read_part, p) != 0)
			die("cannot start a thread: %s", strerror(errno));
	}
	for (j = 0; j < n; j++)
		pthread_join(tid[j], NULL);
	/* in the order of the file: take each part, or read on over it */
	cur = head;
	curw = s;
	for (j = 0; j < n; j++) {
		struct part *p = &parts[j];
		if (status == CSVIN_OK && p->status == CSVIN_OK && csvin_clean(cur) &&
		    intake_quiet(&curw->in) && curw->in.headers == headers) {
			unsigned long base = curbase + csvin_lines(cur);
			csvin_discard(cur, &st);
			s->empty += st.empty;
			if (curw != s) {
				take_part(s, curw, curbase);
				part_free(curw);
			}
			cur = p->r;
			curw = &p->w;
			curbase = base;
		} else {
			csvin_discard(p->r, NULL);
			part_free(&p->w);
			if (status == CSVIN_OK)
				status = csvin_feed_fd(cur, fd, p->start, p->end);
		}
		p->r = NULL;
	}
	status = csvin_end(cur, status, &st);
	s->empty += st.empty;
	if (curw != s) {
		/* the footer, from the reader that read the end */
		if (intake_end_file(&curw->in) < 0)
			s->in.fatal = 1;
		take_part(s, curw, curbase);
		if (curw->in.state == INTAKE_FAILED)
			s->in.state = INTAKE_FAILED;
		s->in.fatal |= curw->in.fatal;
		part_free(curw);
	}
	free(parts);
	free(tid);
	free(cut);
	return status;
}

static void
sum_file(struct sum *s, const char *path, int jobs)
{
	struct csvin_stats st = {0, 0};
	struct csvin *head;
	struct stat sb;
	char msg[1024];
	int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY), status;
	off_t base;

	/* every input is opened once: a FIFO cannot be opened twice */
	if (fd < 0) {
		csvin_status_text(CSVIN_EOPEN, path, msg, sizeof msg);
		warnx_("%s", msg);
		s->in.fatal = 1;
		return;
	}
	intake_begin_file(&s->in, path);
	head = csvin_new(path, s->opts->delim, on_row, s);
	if (s->opts->header_line > 1)
		csvin_skip_lines(head, s->opts->header_line - 1);
	if (jobs > 1 && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (base = lseek(fd, 0, SEEK_CUR)) >= 0) {
		/* pread from where fd is, as read(2) would, and leave it where
		 * read(2) would have: at the end (a second '-' reads nothing) */
		status = sum_parallel(s, head, fd, base < sb.st_size ? base : sb.st_size,
		    sb.st_size, jobs);
		if (lseek(fd, sb.st_size > base ? sb.st_size : base, SEEK_SET) < 0 &&
		    status == CSVIN_OK)
			status = CSVIN_EREAD;
	} else {
		status = csvin_end(head, csvin_feed_fd(head, fd, 0, -1), &st);
		s->empty += st.empty;
	}
	if (fd != 0)
		close(fd);
	if (status != CSVIN_OK && status != CSVIN_STOPPED) {
		csvin_status_text(status, path, msg, sizeof msg);
		warnx_("%s", msg);
		s->in.fatal = 1;
	} else if (intake_end_file(&s->in) < 0) {
		s->in.fatal = 1;
	}
	if (!s->scan) {
		msgs_flush(s->msgs, stderr);
		/* then the --also tables' own: their grouping's problems */
		msgs_flush(s->also_msgs, stderr);
	}
	/* the ids of this FILE, for the FILEs after it */
	add_ids(s->ids, s->new_ids, s->file_no);
	smap_free(s->new_ids);
	s->new_ids = smap_new(sizeof(struct id_at));
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

/* A table more, empty (its columns added by split_groups). */
static struct table *
table_add(struct sum *s)
{
	s->t = erealloc(s->t, (s->nt + 1) * sizeof *s->t);
	memset(&s->t[s->nt], 0, sizeof s->t[s->nt]);
	return &s->t[s->nt++];
}

/* The columns arg[0..len), comma-separated, added to t's (option opt's). */
static void
split_groups(struct table *t, const char *opt, const char *arg, size_t len)
{
	const char *p = arg, *end = arg + len;

	for (;;) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		size_t n = comma ? (size_t)(comma - p) : (size_t)(end - p);
		if (n == 0) {
			warnx_("%s: an empty column name in \"%.*s\"", opt, (int)len, arg);
			exit(EXIT_FAIL);
		}
		t->gname = erealloc(t->gname, (t->ng + 1) * sizeof *t->gname);
		t->gname[t->ng++] = estrndup(p, n);
		if (!comma)
			break;
		p = comma + 1;
	}
}

/* --also COLS=FILE: a table more, grouped by COLS (none: the one row of
 * all), written into FILE. */
static void
also_arg(struct sum *s, const char *arg)
{
	const char *eq = strchr(arg, '=');
	struct table *t;
	size_t i;

	if (!eq || !eq[1]) {
		warnx_("--also: \"%s\" is not COLS=FILE (the columns to group by, then the file "
		    "to write the table in)", arg);
		usage(stderr);
		exit(EXIT_FAIL);
	}
	if (strcmp(eq + 1, "-") == 0) {
		warnx_("--also %s: standard output has the first table: give a file", arg);
		exit(EXIT_FAIL);
	}
	for (i = 1; i < s->nt; i++)
		if (strcmp(s->t[i].path, eq + 1) == 0) {
			warnx_("--also: %s: the file of two tables", eq + 1);
			exit(EXIT_FAIL);
		}
	t = table_add(s);
	t->path = eq + 1;
	if (eq > arg)
		split_groups(t, "--also", arg, (size_t)(eq - arg));
}

/* dd/mm/yyyy, as the report writes a day. */
static void
day_vn(long day, char *buf)
{
	char iso[24];

	day_format(day, iso);
	snprintf(buf, 16, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

/* A table's summary line (table: an --also table's FILE, NULL for the
 * first's): the period's bounds, the rows, the table's counted and
 * unclassifiable rows with their reasons (in m), then the tail (the copies
 * dropped, the footer). */
static void
say_summary(const struct sum *s, const char *table, const char *bounds, unsigned long counted,
            unsigned long unclassifiable, const struct msgs *m, const char *tail)
{
	char reasons[1024];

	msgs_reasons(m, reasons, sizeof reasons);
	warnx_("%s%speriod %s: %lu rows: %lu counted, %lu outside the period, %lu not received "
	    "(status 1 or 3), %lu unclassifiable%s%s%s%s", table ? table : "", table ? ": " : "",
	    bounds, s->in.rows, counted, s->outside, s->notrecv, unclassifiable,
	    *reasons ? " (" : "", reasons, *reasons ? ")" : "", tail);
}

static void
read_files(struct sum *s, char **files, int nfiles, int jobs)
{
	int i;

	for (i = 0; i < nfiles; i++) {
		s->file_no = (uint32_t)i;
		sum_file(s, files[i], jobs);
	}
}

int
main(int argc, char *argv[])
{
	enum { O_PERIOD = 'p', O_FROM = 256, O_TO, O_ASOF, O_CAL, O_TOTAL, O_MERGE, O_ORDER,
	       O_VERSION, O_WOT, O_EXCEL, O_ROLLUP, O_ESTIMATE, O_IND, O_ALSO };
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int jobs = ncpu > 0 ? (ncpu > 64 ? 64 : (int)ncpu) : 1;
	static const struct option longopts[] = {
		{"period", required_argument, NULL, O_PERIOD},
		{"from", required_argument, NULL, O_FROM},
		{"to", required_argument, NULL, O_TO},
		{"as-of", required_argument, NULL, O_ASOF},
		{"estimate", no_argument, NULL, O_ESTIMATE},
		{"calendar", no_argument, NULL, O_CAL},
		{"group", required_argument, NULL, 'g'},
		{"also", required_argument, NULL, O_ALSO},
		{"total", no_argument, NULL, O_TOTAL},
		{"withdrawn-on-time", no_argument, NULL, O_WOT},
		{"indicators", no_argument, NULL, O_IND},
		INTAKE_LONGOPTS,
		{"merge", no_argument, NULL, O_MERGE},
		{"rollup", required_argument, NULL, O_ROLLUP},
		{"jobs", required_argument, NULL, 'j'},
		{"delimiter", required_argument, NULL, 'd'},
		{"date-order", required_argument, NULL, O_ORDER},
		{"excel", no_argument, NULL, O_EXCEL},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, O_VERSION},
		{NULL, 0, NULL, 0},
	};
	static char *stdin_only[] = {"-", NULL};
	struct intake_opts opts;
	struct estimate est;
	/* static: what it holds stays reachable on the early returns (usage
	 * errors, --merge), which free nothing, as LeakSanitizer requires */
	static struct sum s;
	const char *period = NULL, *from = NULL, *to = NULL, *asof = NULL, *rollup = NULL;
	char **files, a[16], b[16], c[16], footer[64] = "", asof_text[96] = "";
	char dropped[80] = "", d1[16], d2[16], bounds[160], tail[160];
	int opt, d, calendar = 0, merge = 0, nfiles, status, excel = 0;
	size_t i;

	msg_init(argv[0]);
	memset(&s, 0, sizeof s);
	table_add(&s);
	memset(&opts, 0, sizeof opts);
	opts.delim = ',';
	opts.required[COL_NGAY_TIEP_NHAN] = 1;
	while ((opt = getopt_long(argc, argv, "p:g:d:j:h", longopts, NULL)) != -1) {
		switch (opt) {
		case O_PERIOD: period = optarg; break;
		case O_FROM: from = optarg; break;
		case O_TO: to = optarg; break;
		case O_ASOF: asof = optarg; break;
		case O_ESTIMATE: s.estimate = 1; break;
		case O_CAL: calendar = 1; break;
		case 'g': split_groups(&s.t[0], "-g", optarg, strlen(optarg)); break;
		case O_ALSO: also_arg(&s, optarg); break;
		case O_TOTAL: s.total = 1; break;
		case O_WOT: s.withdrawn_on_time = 1; break;
		case O_IND: s.indicators = 1; break;
		case O_MERGE: merge = 1; break;
		case O_ROLLUP: rollup = optarg; break;
		case O_EXCEL: excel = 1; break;
		case 'j':
			if ((jobs = (int)opt_int("-j", optarg, 1, 64, "a number of threads")) < 0)
				return EXIT_FAIL;
			break;
		case 'd':
			if ((d = csvin_delim_opt("-d", optarg)) < 0)
				return EXIT_FAIL;
			opts.delim = (unsigned char)d;
			break;
		case O_ORDER:
			if (strcmp(optarg, "dmy") && strcmp(optarg, "mdy")) {
				warnx_("--date-order: \"%s\" is not dmy or mdy", optarg);
				return EXIT_FAIL;
			}
			opts.date_order = strcmp(optarg, "mdy") == 0 ? DATE_MDY : DATE_DMY;
			break;
		case 'h':
			usage(stdout);
			return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
		case O_VERSION:
			puts("cchc-sum " CCHC_VERSION);
			return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
		default:
			if ((d = intake_option(&opts, opt, optarg)) < 0)
				return EXIT_FAIL;
			if (d)
				break;
			usage(stderr);
			return EXIT_FAIL;
		}
	}
	s.keep_last = opts.keep_last;
	s.keep_given = opts.keep_given;
	files = optind < argc ? argv + optind : stdin_only;
	nfiles = optind < argc ? argc - optind : 1;
	if (merge || rollup) {
		if (s.indicators) {
			warnx_("%s adds the indicators when its tables have them: no --indicators",
			    rollup ? "--rollup" : "--merge");
			usage(stderr);
			return EXIT_FAIL;
		}
		if (period || from || to || asof || calendar || s.t[0].ng || s.nt > 1 ||
		    s.withdrawn_on_time || s.estimate || intake_options_given(&opts)) {
			warnx_("%s adds up count tables: it takes no period, --as-of, --estimate, -g, "
			    "--also, --keep, --codes or header options", rollup ? "--rollup" : "--merge");
			usage(stderr);
			return EXIT_FAIL;
		}
		out_init_stdout();
		if (excel)
			out_excel(out_stdout);
		return run_merge(opts.delim, s.total, rollup, files, nfiles);
	}
	if (period) {
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
		s.from = day_arg("--from", from, opts.date_order);
		s.to = day_arg("--to", to, opts.date_order);
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
		s.end = day_arg("--as-of", asof, opts.date_order);
		if (s.end > s.to || s.end < s.from) {
			day_format(s.from, a);
			day_format(s.to, b);
			warnx_("--as-of %s is not inside the period %s .. %s", asof, a, b);
			return EXIT_FAIL;
		}
	}
	if (s.estimate && s.indicators) {
		warnx_("--estimate and --indicators: one or the other (an estimate of the "
		    "indicators is not made)");
		usage(stderr);
		return EXIT_FAIL;
	}
	if (s.estimate && !asof) {
		warnx_("--estimate projects the counts as of a day: it needs --as-of D");
		usage(stderr);
		return EXIT_FAIL;
	}
	if (s.estimate) {
		est.asof = s.end;
		est.pace_from = s.pace_from = estimate_pace_from(s.from, s.end);
		est.to = s.to;
		est.known = 1;
	}
	intake_prepare(&opts, files, nfiles, optind == argc);
	if (s.indicators) {
		ind_init();
		sum_indicators = 1;
	}
	s.opts = &opts;
	s.files = (const char *const *)files;
	s.track_ids = nfiles > 1;
	for (i = 0; i < s.nt; i++) {
		struct table *t = &s.t[i];
		table_alloc(t);
		t->outname = ecalloc(t->ng + 1, sizeof *t->outname);
		if (i) {
			t->msgs = msgs_new();
			out_not_input("--also", t->path, files, optind < argc ? nfiles : 0);
		}
	}
	s.also_msgs = msgs_new();
	s.ids = smap_new(sizeof(struct id_at));
	s.new_ids = smap_new(sizeof(struct id_at));
	dossier_parser_init(&s.parser, opts.date_order);
	out_init_stdout();
	if (excel)
		out_excel(out_stdout);
	/* the --also FILEs made aside now: one that cannot be made stops the
	 * run before it reads */
	for (i = 1; i < s.nt; i++) {
		s.t[i].out = out_create_aside(s.t[i].path);
		if (excel)
			out_excel(s.t[i].out);
	}
	if (s.keep_last) {
		/* first pass: the last FILE each dossier is in */
		struct msgs *scratch = msgs_new();
		s.scan = 1;
		s.msgs = scratch;
		intake_init(&s.in, &opts, scratch);
		s.in.ctx = &s;
		s.in.on_header = on_header;
		read_files(&s, files, nfiles, jobs);
		if (s.in.fatal)
			return EXIT_FAIL;
		intake_free(&s.in);
		msgs_free(scratch);
		for (i = 0; i < s.nt; i++) {
			struct table *t = &s.t[i];
			smap_free(t->groups);
			t->groups = smap_new(sizeof(struct counts));
			free(t->slot);
			t->slot = NULL;
			/* the names out were the first pass's header's, now freed */
			memset(t->outname, 0, (t->ng + 1) * sizeof *t->outname);
		}
		s.counted = s.outside = s.notrecv = s.empty = 0;
		s.scan = 0;
		s.ready = 0;
	}
	s.msgs = msgs_new();
	intake_init(&s.in, &opts, s.msgs);
	s.in.ctx = &s;
	s.in.on_header = on_header;
	if (s.nt > 1)
		s.in.on_rejected = on_rejected;
	read_files(&s, files, nfiles, jobs);
	/* a job not done writes no table: a partial count must not pass for
	 * a whole one downstream (the next tool finds no header) */
	for (i = 0; i < s.nt; i++) {
		struct table *t = &s.t[i];
		struct out *o = i ? t->out : out_stdout;
		if (s.ready && !s.in.fatal)
			write_table(o, t->groups, t->ng, t->outname, s.total, s.estimate ? &est : NULL);
		if (i == 0)
			out_close(o);
		else if (s.ready && !s.in.fatal)
			out_commit(o);
		else
			out_discard(o);
	}
	s.empty += s.in.empty;
	if (s.empty)
		warnx_("%lu empty rows skipped (blank, or every field empty)", s.empty);
	if (s.in.footer)
		snprintf(footer, sizeof footer, ", %lu footer line%s skipped", s.in.footer,
		    s.in.footer == 1 ? "" : "s");
	day_vn(s.from, a);
	day_vn(s.to, b);
	if (asof) {
		day_vn(s.end, c);
		snprintf(asof_text, sizeof asof_text, " as of %s", c);
		if (s.estimate) {
			day_vn(est.pace_from, d1);
			day_vn(est.asof, d2);
			snprintf(asof_text + strlen(asof_text), sizeof asof_text - strlen(asof_text),
			    " (estimated to %s from %s-%s)", b, d1, d2);
		}
	}
	if (s.in.dropped)
		snprintf(dropped, sizeof dropped, ", %lu %s cop%s dropped (--keep %s)", s.in.dropped,
		    s.keep_last ? "earlier" : "later", s.in.dropped == 1 ? "y" : "ies",
		    s.keep_last ? "last" : "first");
	/* each --also table's line, then the first's: the last line is the
	 * run's, as without --also */
	snprintf(bounds, sizeof bounds, "%s-%s%s", a, b, asof_text);
	snprintf(tail, sizeof tail, "%s%s", dropped, footer);
	status = s.in.fatal ? EXIT_FAIL : s.in.rejected ? EXIT_DATA : EXIT_OK;
	for (i = 1; i < s.nt; i++) {
		struct table *t = &s.t[i];
		say_summary(&s, t->path, bounds, t->counted, s.in.rejected + t->unplaced, t->msgs, tail);
		if (t->unplaced && status == EXIT_OK)
			status = EXIT_DATA;
	}
	say_summary(&s, NULL, bounds, s.counted, s.in.rejected, s.msgs, tail);
	for (i = 0; i < s.nt; i++)
		table_free(&s.t[i], 1);
	free(s.t);
	free(s.key);
	free(s.tmp);
	smap_free(s.ids);
	smap_free(s.new_ids);
	intake_free(&s.in);
	msgs_free(s.msgs);
	msgs_free(s.also_msgs);
	dossier_parser_free(&s.parser);
	codes_clear();
	return status;
}
