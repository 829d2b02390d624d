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
#include "lib/fold.h"
#include "lib/msg.h"
#include "lib/msgs.h"
#include "lib/num.h"
#include "lib/out.h"
#include "lib/smap.h"

/* A count table's header: each field's folded name, and what it is. */
struct theader {
	size_t nf;
	char **folded;
	char **name;		/* as written, trimmed, NFC */
	int *count;		/* the table column a field is (cols.h: a count, or
				 * NCOUNTS + an indicator), or -1 for a key */
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
	memset(h, 0, sizeof *h);
}

/* Reads a header row. Returns 0, or -1 with why set (a static text or
 * err) and *col the field at fault (or -1). */
static int
theader_read(struct theader *h, const struct csv_row *row, char *err, size_t errsz)
{
	int seen[NTABLE] = {0}, k, nind = 0;
	size_t i;
	char *buf = NULL;
	size_t cap = 0;

	memset(h, 0, sizeof *h);
	h->nf = row->nf;
	h->folded = ecalloc(row->nf + 1, sizeof *h->folded);
	h->name = ecalloc(row->nf + 1, sizeof *h->name);
	h->count = emalloc((row->nf + 1) * sizeof *h->count);
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
		if (k >= 0)
			seen[k]++;
		nind += k >= NCOUNTS;
		if (strncmp(h->folded[i], "ty_le", 5) == 0) {
			snprintf(err, errsz, "%s: a rate column cannot be added up: merge before cchc-rate",
			    h->name[i]);
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
	/* cchc-sum --indicators writes them all, or none */
	for (k = NCOUNTS; nind && k < NTABLE; k++)
		if (seen[k] != 1) {
			snprintf(err, errsz, "not a table of cchc-sum --indicators: column %s %s",
			    table_name(k), seen[k] ? "repeated" : "missing");
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
			if (h.count[i] < 0)
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

static void
merge_row(struct merge *m, const struct csv_row *row)
{
	struct counts add, *c;
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
		snprintf(what, sizeof what, "expected %zu fields, found %zu", m->first.nf, row->nf);
		m->rows++;
		reject(m, row, "wrong number of fields", NULL, what, NULL, 0);
		return;
	}
	memset(&add, 0, sizeof add);
	for (i = 0; i < m->first.nf; i++) {
		const struct csv_field *f = &row->f[m->perm[i]];
		int cc = m->first.count[i];
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

int
run_merge(unsigned char delim, int total, char **files, int nfiles)
{
	struct merge m;
	char msg[1024];
	int i, status, mixed;

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
	if (m.have_first && !m.fatal)
		write_table(m.groups, m.nkeys, m.keyname, m.total);
	out_close(out_stdout);
	mixed = sum_indicators && ind_mixed();
	msgs_reasons(m.msgs, msg, sizeof msg);
	warnx_("%lu rows: %lu merged, %lu rejected%s%s%s; %zu groups", m.rows, m.merged,
	    m.rejected, *msg ? " (" : "", msg, *msg ? ")" : "", smap_count(m.groups));
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
