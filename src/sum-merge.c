/* cchc-sum --merge: count tables written by earlier runs (on parts of the
 * dossiers, on other machines), added up group by group. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sum.h"
#include "lib/csvin.h"
#include "lib/date.h"
#include "lib/fold.h"
#include "lib/msg.h"
#include "lib/msgs.h"
#include "lib/num.h"
#include "lib/out.h"
#include "lib/period.h"
#include "lib/smap.h"

const char *const rollup_name[NROLLUP] = {
	[R_PHAT_SINH] = "dvctt_phat_sinh_ho_so",
	[R_PHAT_SINH_TRUC_TUYEN] = "dvctt_phat_sinh_ho_so_truc_tuyen",
};

/* A count table's header: each field's folded name, and what it is. */
struct theader {
	size_t nf;
	char **folded;
	char **name;		/* as written, trimmed, NFC */
	int *count;		/* the table column a field is (cols.h: a count, or
				 * NCOUNTS + an indicator), or -1 */
	int *est;		/* the estimate column (EST_*), or -1; a key when both are */
	int estimate;		/* the table has the estimate's columns */
};

struct merge {
	unsigned char delim;
	int total;		/* write the total row */
	struct msgs *msgs;
	struct theader first;	/* the output's columns */
	int have_first, saw_header;
	int *perm;		/* the first's field i is the current field perm[i] */
	size_t nkeys;
	char **keyname;
	struct smap *groups;
	struct estimate est;	/* its days, from the first row (known once read) */
	char *key;
	size_t keycap;
	const char **kv;	/* a row's keys, in the first's order */
	size_t *kn;
	const char *file;
	unsigned long rows, merged, rejected, totals;
	int fatal;
};

static void
theader_free(struct theader *h)
{
	size_t i;

	for (i = 0; i < h->nf; i++) {
		free(h->folded[i]);
		free(h->name[i]);
	}
	free(h->folded);
	free(h->name);
	free(h->count);
	free(h->est);
	memset(h, 0, sizeof *h);
}

/* Reads a header row. Returns 0, or -1 with why set (a static text or
 * err) and *col the field at fault (or -1). */
static int
theader_read(struct theader *h, const struct csv_row *row, char *err, size_t errsz)
{
	int seen[NTABLE] = {0}, seen_est[NEST_COLS] = {0}, k, nind = 0;
	size_t i;
	char *buf = NULL;
	size_t cap = 0;

	memset(h, 0, sizeof *h);
	h->nf = row->nf;
	h->folded = ecalloc(row->nf + 1, sizeof *h->folded);
	h->name = ecalloc(row->nf + 1, sizeof *h->name);
	h->count = emalloc((row->nf + 1) * sizeof *h->count);
	h->est = emalloc((row->nf + 1) * sizeof *h->est);
	for (i = 0; i < row->nf; i++) {
		const char *s = row->f[i].s;
		size_t n = row->f[i].n, at, len;
		if (text_check(s, n, &at) != TEXT_OK) {
			char q[256];
			msg_quote(q, sizeof q, s, n);
			snprintf(err, errsz, "header column %zu: %s: %s", i + 1, text_advice(s, n, at), q);
			free(buf);
			return -1;
		}
		trim(&s, &n);
		len = nfc(s, n, &buf, &cap);
		h->name[i] = estrndup(buf, len);
		h->folded[i] = fold(buf, len);
		h->count[i] = k = table_lookup(h->folded[i]);
		h->est[i] = k < 0 ? estimate_column(h->folded[i]) : -1;
		if (k >= 0)
			seen[k]++;
		nind += k >= NCOUNTS;
		if (h->est[i] >= 0) {
			seen_est[h->est[i]]++;
			h->estimate = 1;
		}
		if (strncmp(h->folded[i], "ty_le", 5) == 0 || strncmp(h->folded[i], "uoc_ty_le", 9) == 0) {
			snprintf(err, errsz, "%s: a rate column cannot be added up: merge before cchc-rate",
			    h->name[i]);
			free(buf);
			return -1;
		}
		for (k = 0; k < NROLLUP; k++)
			if (strcmp(h->folded[i], rollup_name[k]) == 0) {
				snprintf(err, errsz, "%s: services counted once each cannot be added up "
				    "(one service can have dossiers in two parts): merge the tables "
				    "--rollup read, then roll up once", h->name[i]);
				free(buf);
				return -1;
			}
	}
	free(buf);
	for (k = 0; k < NCOUNTS; k++)
		if (seen[k] != 1) {
			snprintf(err, errsz, "not a count table: column %s %s", count_name[k],
			    seen[k] ? "repeated" : "missing");
			return -1;
		}
	for (k = 0; h->estimate && k < NEST_COLS; k++)
		if (seen_est[k] != 1) {
			snprintf(err, errsz, "not an estimate's count table (cchc-sum --estimate): "
			    "column %s %s", estimate_column_name(k), seen_est[k] ? "repeated" : "missing");
			return -1;
		}
	/* cchc-sum --indicators writes them all, or none */
	for (k = NCOUNTS; nind && k < NTABLE; k++)
		if (seen[k] != 1) {
			snprintf(err, errsz, "not a table of cchc-sum --indicators: column %s %s",
			    table_name(k), seen[k] ? "repeated" : "missing");
			return -1;
		}
	if (nind && h->estimate) {
		snprintf(err, errsz, "a table of both --estimate and --indicators: not merged (cchc-sum "
		    "makes neither with the other)");
		return -1;
	}
	return 0;
}

/* perm for a header whose columns are the first's, in any order; -1 when
 * they are not. */
static int
match_first(struct merge *m, const struct theader *h)
{
	unsigned char *used;
	size_t i, j;

	if (h->nf != m->first.nf)
		return -1;
	used = ecalloc(h->nf + 1, 1);
	for (i = 0; i < m->first.nf; i++) {
		for (j = 0; j < h->nf; j++)
			if (!used[j] && strcmp(m->first.folded[i], h->folded[j]) == 0)
				break;
		if (j == h->nf) {
			free(used);
			return -1;
		}
		used[j] = 1;
		m->perm[i] = (int)j;
	}
	free(used);
	return 0;
}

static void
header_text(const struct merge *m, const struct csv_row *row, char *buf, size_t size)
{
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < row->nf && o + 8 < size; i++) {
		size_t n = row->f[i].n < size - o - 8 ? row->f[i].n : size - o - 8;
		if (i)
			buf[o++] = (char)m->delim;
		memcpy(buf + o, row->f[i].s, n);
		o += n;
		buf[o] = '\0';
	}
	if (i < row->nf)
		snprintf(buf + o, size - o, "...");
}

/* A header: the first file's makes the output's columns; any later one
 * (a later file's, or one repeated inside the stream, as GNU parallel
 * joins parts) maps its columns to them by name. */
static int
on_header(struct merge *m, const struct csv_row *row, int midstream)
{
	struct theader h;
	char err[600], text[1024];
	size_t i, k;

	if (row->err) {
		csvin_error_text(row, err, sizeof err);
		snprintf(text, sizeof text, "%s, in the header", err);
		msg_at(row->file, row->line, NULL, text, NULL, 0);
		return -1;
	}
	if (theader_read(&h, row, err, sizeof err) < 0) {
		msg_at(row->file, row->line, NULL, err, NULL, 0);
		theader_free(&h);
		return -1;
	}
	if (!m->have_first) {
		m->first = h;
		m->have_first = 1;
		m->perm = emalloc((h.nf + 1) * sizeof *m->perm);
		m->keyname = emalloc((h.nf + 1) * sizeof *m->keyname);
		m->kv = emalloc((h.nf + 1) * sizeof *m->kv);
		m->kn = emalloc((h.nf + 1) * sizeof *m->kn);
		for (i = 0; i < h.nf; i++)
			sum_indicators |= h.count[i] >= NCOUNTS;
		for (i = k = 0; i < h.nf; i++) {
			m->perm[i] = (int)i;
			if (h.count[i] < 0 && h.est[i] < 0)
				m->keyname[k++] = h.name[i];
		}
		m->nkeys = k;
		return 0;
	}
	if (match_first(m, &h) < 0) {
		header_text(m, row, text, sizeof text);
		msg_at(row->file, row->line, NULL, midstream ?
		    "a header in the middle of the data without the first header's columns; the header found" :
		    "the header does not have the first file's columns; the header found", text, strlen(text));
		theader_free(&h);
		return -1;
	}
	theader_free(&h);
	return 0;
}

/* Is row a header with the first's columns (in any order)? */
static int
is_header(struct merge *m, const struct csv_row *row)
{
	struct theader h;
	char err[256];
	int *perm, r;

	if (row->err || row->nf != m->first.nf)
		return 0;
	if (theader_read(&h, row, err, sizeof err) < 0) {
		theader_free(&h);
		return 0;
	}
	perm = emalloc((h.nf + 1) * sizeof *perm);
	memcpy(perm, m->perm, h.nf * sizeof *perm);
	r = match_first(m, &h) == 0;
	if (!r)	/* keep the mapping as it was */
		memcpy(m->perm, perm, h.nf * sizeof *perm);
	free(perm);
	theader_free(&h);
	return r;
}

static void
reject(struct merge *m, const struct csv_row *row, const char *kind, const char *col,
       const char *what, const char *v, size_t n)
{
	m->rejected++;
	msgs_add(m->msgs, kind, row->file, row->line, col, what, v, n);
}

/* The estimate's days of a row against the table's, the first row's:
 * 0, or -1 when one is another (rejected). */
static int
same_days(struct merge *m, const struct csv_row *row, const long *day, const size_t *field)
{
	long *have[3] = {&m->est.asof, &m->est.pace_from, &m->est.to};
	char what[160], iso[24];
	int k;

	if (!m->est.known) {
		for (k = 0; k < 3; k++)
			*have[k] = day[k];
		m->est.known = 1;
		return 0;
	}
	for (k = 0; k < 3; k++)
		if (day[k] != *have[k]) {
			const struct csv_field *f = &row->f[field[k]];
			day_format(*have[k], iso);
			snprintf(what, sizeof what, "another day than the rows before (%s): an "
			    "estimate made on other days", iso);
			reject(m, row, "other estimate days", estimate_column_name(k), what, f->s, f->n);
			return -1;
		}
	return 0;
}

static void
merge_row(struct merge *m, const struct csv_row *row)
{
	struct counts add, *c;
	long day[3] = {0, 0, 0};
	size_t dayfield[3] = {0, 0, 0};
	char what[160];
	size_t i, klen = 0, k = 0;
	int err;

	if (row->err) {
		csvin_error_text(row, what, sizeof what);
		m->rows++;
		reject(m, row, "malformed CSV", NULL, what, NULL, 0);
		return;
	}
	if (row->nf != m->first.nf) {
		csvin_nf_text(row, m->first.nf, what, sizeof what);
		m->rows++;
		reject(m, row, "wrong number of fields", NULL, what, NULL, 0);
		return;
	}
	memset(&add, 0, sizeof add);
	for (i = 0; i < m->first.nf; i++) {
		const struct csv_field *f = &row->f[m->perm[i]];
		int cc = m->first.count[i], ec = m->first.est[i];
		if (ec >= EST_UOC)	/* made again from the counts and the pace */
			continue;
		if (ec >= EST_PACE) {
			if ((err = num_count(f->s, f->n, &add.pace[ec - EST_PACE])) != NUM_OK) {
				if (is_header(m, row))
					return;
				m->rows++;
				reject(m, row, "not a count", estimate_column_name(ec),
				    num_strerror(err), f->s, f->n);
				return;
			}
			continue;
		}
		if (ec >= 0) {	/* a day, yyyy-mm-dd as cchc-sum writes it */
			struct dt t;
			if (date_parse(f->s, f->n, DATE_DMY, &t) != DATE_OK || t.has_time) {
				if (is_header(m, row))
					return;
				m->rows++;
				reject(m, row, "not a day", estimate_column_name(ec),
				    "not a day (yyyy-mm-dd)", f->s, f->n);
				return;
			}
			day[ec] = date_days(t.y, t.m, t.d);
			dayfield[ec] = (size_t)m->perm[i];
			continue;
		}
		if (cc < 0) {
			m->kv[k] = f->s;
			m->kn[k++] = f->n;
			continue;
		}
		if ((err = cc < NCOUNTS ? num_count(f->s, f->n, &add.c[cc]) :
		    ind_read(&add, cc - NCOUNTS, f->s, f->n)) != NUM_OK) {
			if (is_header(m, row))	/* repeated, maybe in another order */
				return;
			m->rows++;
			reject(m, row, "not a count", table_name(cc), num_strerror(err), f->s, f->n);
			return;
		}
	}
	m->rows++;
	if (m->first.estimate && same_days(m, row, day, dayfield) < 0)
		return;
	if (key_is_total(m->kv, m->kn, m->nkeys)) {	/* recomputed at the end */
		m->totals++;
		m->merged++;
		m->total = 1;
		return;
	}
	for (k = 0; k < m->nkeys; k++)
		key_add(&m->key, &m->keycap, &klen, m->kv[k],
		    k == 0 ? key_unescape(m->kv[k], m->kn[k]) : m->kn[k]);
	c = smap_put(m->groups, m->key ? m->key : "", klen, NULL);
	for (i = 0; i < NCOUNTS; i++)
		if (!num_add(&c->c[i], add.c[i]))
			die("%s:%lu: %s: the sum passes the largest count (%lld)",
			    row->file, row->line, count_name[i], (long long)INT64_MAX);
	for (i = 0; i < NPACE; i++)
		if (!num_add(&c->pace[i], add.pace[i]))
			die("%s:%lu: %s: the sum passes the largest count (%lld)", row->file, row->line,
			    estimate_column_name(EST_PACE + (int)i), (long long)INT64_MAX);
	if (sum_indicators && (err = ind_add(c, &add)) >= 0)
		die("%s:%lu: %s: the sum passes the largest count (%lld)",
		    row->file, row->line, indicator[err].name, (long long)INT64_MAX);
	m->merged++;
}

static int
on_row(struct csv_row *row, void *ctx)
{
	struct merge *m = ctx;

	if (!m->saw_header) {
		m->saw_header = 1;
		if (on_header(m, row, 0) < 0) {
			m->fatal = 1;
			return 1;
		}
		return 0;
	}
	merge_row(m, row);
	return 0;
}

/* The merged table rolled up to the key columns cols (comma-separated):
 * the counts added over the key columns dropped, and each rolled-up group's
 * sub-groups (the merged table's groups) counted where they had dossiers
 * received in the period, and dossiers submitted online. Returns the
 * number of groups rolled up to, or -1 when cols names no key column of
 * the table (said). */
static long
rollup(struct merge *m, const char *cols)
{
	struct smap *up = smap_new((NCOUNTS + NROLLUP) * sizeof(int64_t));
	size_t *keep = emalloc((m->nkeys + 1) * sizeof *keep), nkeep = 0, *off, i, k, it = 0;
	size_t n, klen;
	char **folded = emalloc((m->nkeys + 1) * sizeof *folded), **names;
	const char *p = cols, *key;
	long r = 0, twice;
	void *v;

	for (i = k = 0; i < m->first.nf; i++)	/* the key columns, in the table's order */
		if (m->first.count[i] < 0)
			folded[k++] = m->first.folded[i];
	names = emalloc((m->nkeys + 1) * sizeof *names);
	for (;;) {
		const char *end = strchr(p, ','), *s = p;
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *f;
		trim(&s, &len);
		f = fold(s, len);
		for (k = 0; k < m->nkeys && strcmp(folded[k], f) != 0; k++)
			;
		for (i = 0, twice = 0; i < nkeep; i++)
			twice |= keep[i] == k;
		if (k == m->nkeys || twice || len == 0) {
			char list[512];
			size_t lo = 0;
			list[0] = '\0';
			for (i = 0; i < m->nkeys && lo < sizeof list; i++)
				lo += (size_t)snprintf(list + lo, sizeof list - lo, "%s%s", i ? ", " : "",
				    m->keyname[i]);
			if (twice)
				warnx_("--rollup: %.*s is named twice", (int)len, s);
			else
				warnx_("--rollup: \"%.*s\" is no key column of the table (%s%s)", (int)len,
				    s, m->nkeys ? "its key columns: " : "it has none", list);
			free(f);
			r = -1;
			goto done;
		}
		free(f);
		names[nkeep] = m->keyname[k];
		keep[nkeep++] = k;
		if (!end)
			break;
		p = end + 1;
	}
	off = emalloc((m->nkeys + 1) * sizeof *off);
	while (smap_next(m->groups, &it, &key, &n, &v)) {
		const struct counts *c = v;
		int64_t *to;
		size_t at = 0;
		uint32_t l;
		for (k = 0; k < m->nkeys; k++) {	/* where each key's value is */
			off[k] = at;
			memcpy(&l, key + at, 4);
			at += 4 + l;
		}
		klen = 0;
		for (i = 0; i < nkeep; i++) {
			memcpy(&l, key + off[keep[i]], 4);
			key_add(&m->key, &m->keycap, &klen, key + off[keep[i]] + 4, l);
		}
		to = smap_put(up, m->key ? m->key : "", klen, NULL);
		for (k = 0; k < NCOUNTS; k++)
			if (!num_add(&to[k], c->c[k]))
				die("--rollup: %s: the sum passes the largest count (%lld)",
				    count_name[k], (long long)INT64_MAX);
		to[NCOUNTS + R_PHAT_SINH] += c->c[C_MOI_TIEP_NHAN] > 0;
		to[NCOUNTS + R_PHAT_SINH_TRUC_TUYEN] += c->c[C_NOP_TRUC_TUYEN] > 0;
	}
	free(off);
	write_table_extra(out_stdout, up, nkeep, names, m->total, rollup_name, NROLLUP);
	r = (long)smap_count(up);
done:
	smap_free(up);
	free(keep);
	free(folded);
	free(names);
	return r;
}

int
run_merge(unsigned char delim, int total, const char *rollup_cols, char **files, int nfiles)
{
	struct merge m;
	char msg[1024], up[64] = "";
	int i, status, mixed;
	long groups_up;

	memset(&m, 0, sizeof m);
	m.delim = delim;
	m.total = total;
	m.msgs = msgs_new();
	m.groups = smap_new(sizeof(struct counts));
	for (i = 0; i < nfiles && !m.fatal; i++) {
		int fd = strcmp(files[i], "-") == 0 ? 0 : open(files[i], O_RDONLY), r;
		if (fd < 0) {
			csvin_status_text(CSVIN_EOPEN, files[i], msg, sizeof msg);
			warnx_("%s", msg);
			m.fatal = 1;
			break;
		}
		m.file = files[i];
		m.saw_header = 0;
		r = csvin_read_fd(fd, files[i], delim, on_row, &m, NULL);
		if (csvin_end_text(r, m.saw_header, files[i], msg, sizeof msg)) {
			warnx_("%s", msg);
			m.fatal = 1;
		}
		if (fd != 0)
			close(fd);
		msgs_flush(m.msgs, stderr);
	}
	if (m.have_first && !m.fatal && rollup_cols && (m.first.estimate || sum_indicators)) {
		/* an estimate is made per group from its pace: no roll-up of one;
		 * nor yet of the indicators */
		warnx_("--rollup: the table has %s: roll up the counts made without %s",
		    m.first.estimate ? "estimates (uoc_ columns)" : "indicators",
		    m.first.estimate ? "--estimate" : "--indicators");
		m.fatal = 1;
	} else if (m.have_first && !m.fatal && rollup_cols) {
		if ((groups_up = rollup(&m, rollup_cols)) < 0)
			m.fatal = 1;
		else
			snprintf(up, sizeof up, ", rolled up to %ld", groups_up);
	} else if (m.have_first && !m.fatal) {
		write_table(out_stdout, m.groups, m.nkeys, m.keyname, m.total, m.first.estimate ? &m.est : NULL);
	}
	out_close(out_stdout);
	mixed = sum_indicators && ind_mixed();
	msgs_reasons(m.msgs, msg, sizeof msg);
	warnx_("%lu rows: %lu merged, %lu rejected%s%s%s; %zu groups%s", m.rows, m.merged,
	    m.rejected, *msg ? " (" : "", msg, *msg ? ")" : "", smap_count(m.groups), up);
	status = m.fatal ? EXIT_FAIL : m.rejected || mixed ? EXIT_DATA : EXIT_OK;
	msgs_free(m.msgs);
	smap_free(m.groups);
	free(m.key);
	free(m.perm);
	free(m.keyname);
	free(m.kv);
	free(m.kn);
	theader_free(&m.first);
	return status;
}
