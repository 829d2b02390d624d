/* cchc-map: look a column up in a table and write what it maps to; or a
 * unit's level from its name. */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/cols.h"
#include "lib/csvin.h"
#include "lib/fieldscan.h"
#include "lib/fold.h"
#include "lib/level.h"
#include "lib/msg.h"
#include "lib/msgs.h"
#include "lib/out.h"
#include "lib/seen.h"
#include "lib/smap.h"

#ifndef CCHC_SHARE_DIR
#define CCHC_SHARE_DIR "/usr/local/share/cchc"
#endif

static void
usage(FILE *fp)
{
	fputs("usage: cchc-map -c COL[,COL]... [-n NEWCOL[=TABLECOL][,NEWCOL[=TABLECOL]]...] [--strict] [--rejects FILE] "
	    "[-d C] [--table-delimiter C] [--header-line N] [--excel] TABLE [FILE]...\n"
	    "       cchc-map --level-from COL [-n NEWCOL] [--strict] [--rejects FILE] [-d C] "
	    "[--header-line N] [--excel] [FILE]...\n", fp);
	if (fp == stderr)
		return;
	fputs("Look each row's COL up in TABLE (its first columns the keys, matched after\n"
	    "folding) and write the value as NEWCOL, a new last column (without -n: in\n"
	    "COL's place); or write the level (tinh, huyen, xa) a unit's name says.\n"
	    "\n"
	    "  -c, --column COL,...     the key columns: as many as TABLE's first columns\n"
	    "  -n, --new NEWCOL,...     the columns to write: TABLE's columns of these\n"
	    "                           names, or the one after the keys (default: in COL);\n"
	    "                           NAME=TABLECOL writes TABLECOL's values as NAME\n"
	    "      --level-from COL     the level from the unit's name in COL (NEWCOL: cap)\n"
	    "      --strict             a row not mapped goes to the rejects file, not out\n"
	    "      --rejects FILE       write the rows not written there as CSV: tep,dong,cot,loi,...\n"
	    "  -d, --delimiter C        input delimiter: , (default), ; or \\t\n"
	    "      --table-delimiter C  TABLE's delimiter (default ,)\n"
	    "      --header-line N      the header is line N (default: found in the first 30)\n"
	    "      --excel              CSV for a Vietnamese Excel: BOM, ';', CR LF\n"
	    "  -h, --help               show this help\n"
	    "      --version            show the version\n"
	    "\n"
	    "TABLE without a '/' that is no file here is looked for, with or without .csv,\n"
	    "in $CCHC_SHARE, else in " CCHC_SHARE_DIR " and ../share/cchc beside the program.\n"
	    "Ends with 'cchc-map: N rows: M mapped, U unmatched, A ambiguous' on standard\n"
	    "error. Exit status: 0 fine (values not mapped are said, their rows kept),\n"
	    "1 a row was left out or, with --strict, rejected, 2 the job could not be done\n"
	    "(usage, TABLE, a column missing, unreadable input, write error). See cchc-map(1).\n", fp);
}

enum { SEARCH_LINES = 30 };
/* Distinct values remembered with what they map to, and spellings kept
 * for messages: past these, each row is looked up afresh (memory grows
 * with the table, never with the rows). */
enum { CACHE_MAX = 1 << 17, SHOWN_MAX = MSGS_MAX };

/* A value of the table (one per NEWCOL): trimmed, NFC; folded with its
 * marks kept, to know it again: Xã Lộc Thạnh and Xã Lộc Thành, which fold
 * alike, are two values. */
struct tval {
	char **s;
	size_t *n;
	char *f;
	size_t fn;
};

/* A key of the table, and the distinct values it has. */
struct entry {
	struct tval *v;
	size_t nv;
	unsigned long line;	/* where the table has it first */
	char *what;		/* the message, when ambiguous */
};

enum hit_kind { MAPPED, UNMATCHED, AMBIGUOUS, EMPTY };

/* A key's first spelling in the file, for its messages. */
struct spell {
	char *s;
	size_t n;
};

/* What a key, as written, comes to. */
struct hit {
	int kind;
	const struct entry *e;	/* table mode */
	int level;		/* --level-from */
	char *fkey;		/* folded, for a message's spelling */
	size_t fklen;
};

enum { S_SEARCH, S_DATA, S_FAILED };

struct map {
	/* options */
	unsigned char delim, tdelim;
	int strict, level_mode;
	unsigned long header_line;
	char **col, **colf;	/* -c (or --level-from), as given and folded */
	size_t ncol;
	char **newc, **newf;	/* NEWCOLs, as written and folded */
	char **tabc, **tabf;	/* the TABLE column each takes (NAME=TABLECOL), or NULL */
	size_t nnew;
	int new_given;
	const char *table_name;	/* as given, for messages about rows */
	char *not_in;		/* "not in TABLE" */
	char *table_path;	/* as found, for messages about the table */
	/* the table */
	struct smap *tab;	/* folded key -> struct entry */
	struct smap *tab_marked;	/* the key with its marks -> struct entry */
	unsigned long tblank, tblank_line;	/* its rows with an empty key, the first */
	size_t tnf;
	int *tcol;		/* the table's column for each NEWCOL */
	char **tnames;		/* its header, trimmed, for messages */
	char *kbuf, *fbuf, *mbuf, *nbuf;
	size_t kcap, fcap, mcap, ncap;
	/* the first header: the output's */
	int have_first;
	size_t nf;
	char **hf;		/* folded names */
	int *key;		/* -c column i's field */
	int *target;		/* NEWCOL j replaces this field, or -1: appended */
	int *replaced;		/* field i is replaced by this NEWCOL, or -1 */
	char *keyname;		/* "tinh,huyen,xa" as the header names them */
	/* the current file */
	const char *file;
	int state;
	size_t cur_nf;
	char **cur_f;		/* its header, folded */
	char **cur_text;	/* and trimmed, for messages */
	int *perm;		/* first header's field i is this file's perm[i] */
	unsigned long look;	/* records read while looking for the header */
	unsigned long look_line, last_line;
	char *look_text;	/* the first of them */
	char look_miss[256];	/* the -c columns it lacks */
	int look_nmiss, look_one_field;
	/* the run */
	struct msgs *msgs;
	struct out *rejects;
	struct smap *cache;	/* key as written -> struct hit */
	struct smap *shown;	/* folded key -> its first spelling in the file */
	struct seen *text;	/* values found to be text (a check of the units,
				 * procedures, fields, statuses a row: without it,
				 * 200k rows take 4.6% more instructions, quoted 15%,
				 * wide 11%) */
	struct seen *keys;	/* keys as written -> their struct hit in cache */
	struct scan_set scan;	/* for the output's delimiter: ',', or ';' with --excel */
	int guard;		/* --excel: a field that starts like a formula is guarded */
	int crlf;		/* --excel: CR LF after a row */
	int row_guarded;	/* the row has such a field */
	char *rbuf;		/* the row as it goes out (build_row) */
	size_t rcap, rlen;
	unsigned long rows, mapped, unmatched, ambiguous, empty, left_out, rejected, blank;
	int fatal;
};

static struct map M;	/* everything a run holds, reachable to its end */

/* --- small helpers --- */

static char **
split_list(const char *arg, size_t *n, char **have, size_t nhave)
{
	char **v = erealloc(have, (nhave + strlen(arg) + 2) * sizeof *v);
	const char *s = arg;

	*n = nhave;
	for (;;) {
		const char *e = strchr(s, ','), *w = s;
		size_t len = e ? (size_t)(e - s) : strlen(s);
		trim(&w, &len);	/* "xa_moi, ma_xa_moi": the names, not the spaces */
		v[(*n)++] = estrndup(w, len);
		if (!e)
			break;
		s = e + 1;
	}
	return v;
}

static const char *
text_problem(int err, const char *s, size_t n, size_t at)
{
	return err == TEXT_NUL ? "a NUL byte in the text" : text_advice(s, n, at);
}

/* A header's name, folded; "" for one that is not text. */
static char *
fold_name(const struct csv_field *f)
{
	const char *s = f->s;
	size_t n = f->n, at;

	if (text_check(s, n, &at) != TEXT_OK)
		return estrndup("", 0);
	trim_name(&s, &n);	/* a BOM too: a file joined with cat */
	return fold(s, n);
}

static void
free_names(char **v, size_t n)
{
	size_t i;

	if (!v)
		return;
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static char *
grow(char **buf, size_t *cap, size_t need)
{
	if (*cap < need) {
		*cap = need < 256 ? 256 : 2 * need;
		*buf = erealloc(*buf, *cap);
	}
	return *buf;
}

/* --- the table --- */

static int
is_file(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && !S_ISDIR(sb.st_mode);
}

/* The directory the program is in, or NULL. */
static char *
exe_dir(const char *argv0)
{
	char *p = realpath("/proc/self/exe", NULL), *slash;

	if (!p && strchr(argv0, '/'))
		p = realpath(argv0, NULL);
	if (!p || !(slash = strrchr(p, '/'))) {
		free(p);
		return NULL;
	}
	*slash = '\0';
	return p;
}

/* dir/name, or dir/name.csv, when it is a file. */
static char *
in_dir(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 8;
	char *p = emalloc(n);

	snprintf(p, n, "%s/%s", dir, name);
	if (is_file(p))
		return p;
	snprintf(p, n, "%s/%s.csv", dir, name);
	if (is_file(p))
		return p;
	free(p);
	return NULL;
}

/* Where TABLE is: as given when it has a '/' or is a file here; else in
 * the shipped tables' directories (cchc-map(1), TABLES). */
static char *
find_table(const char *name, const char *argv0)
{
	const char *env = getenv("CCHC_SHARE");
	char *dirs[2] = {NULL, NULL}, *p = NULL, *exe;
	char tried[4096];
	int i, nd = 0;

	if (strcmp(name, "-") == 0 || strchr(name, '/') || is_file(name))
		return estrndup(name, strlen(name));
	if (env && *env) {
		dirs[nd++] = estrndup(env, strlen(env));
	} else {
		dirs[nd++] = estrndup(CCHC_SHARE_DIR, strlen(CCHC_SHARE_DIR));
		if ((exe = exe_dir(argv0)) != NULL) {
			/* ../share/cchc: exe is a real path, its parent its dirname */
			size_t n = strlen(exe) + 20;
			char *d = emalloc(n), *up = strrchr(exe, '/');
			if (up)
				*up = '\0';
			snprintf(d, n, "%s/share/cchc", exe);
			free(exe);
			if (strcmp(d, dirs[0]) == 0)
				free(d);
			else
				dirs[nd++] = d;
		}
	}
	for (i = 0; i < nd && !p; i++)
		p = in_dir(dirs[i], name);
	if (!p) {
		size_t o = 0;
		tried[0] = '\0';
		for (i = 0; i < nd; i++)
			o += (size_t)snprintf(tried + o, o < sizeof tried ? sizeof tried - o : 0, "%s%s%s",
			    i ? " or " : "", dirs[i], env && *env ? " ($CCHC_SHARE)" : "");
		warnx_("%s: no such table: no file of that name here, nor %s or %s.csv in %s",
		    name, name, name, tried);
		for (i = 0; i < nd; i++)
			free(dirs[i]);
		exit(EXIT_FAIL);
	}
	for (i = 0; i < nd; i++)
		free(dirs[i]);
	return p;
}

/* The whole of fd. */
static char *
read_all(int fd, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = emalloc(cap);

	for (;;) {
		ssize_t got;
		if (n == cap)
			buf = erealloc(buf, cap *= 2);
		got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			free(buf);
			return NULL;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	*len = n;
	return buf;
}

/* The lines before the header that are comments ('#' first) or blank. */
static unsigned long
comment_lines(const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len;
	unsigned long n = 0;

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		const char *q = p;
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		if (q < end && *q != '#' && *q != '\n' && *q != '\r')
			break;
		while (q < end && *q != '\n' && *q != '\r')
			q++;
		if (q < end && *q == '\r' && q + 1 < end && q[1] == '\n')
			q++;
		n++;
		p = q + 1;
	}
	return n;
}

static void __attribute__((noreturn))
table_die(const struct csv_row *row, const char *col, const char *what, const char *v, size_t vn)
{
	msg_at(row->file, row->line, col, what, v, vn);
	exit(EXIT_FAIL);
}

/* NEWCOL folded is one of the -c columns: the value goes in its place. */
static int
names_key(const struct map *m, const char *newf)
{
	size_t k;

	for (k = 0; k < m->ncol; k++)
		if (strcmp(m->colf[k], newf) == 0)
			return 1;
	return 0;
}

static void
table_header(struct map *m, const struct csv_row *row)
{
	char what[512];
	const char *hint;
	size_t i, j, at;
	int err;

	if (row->err) {
		csvin_error_text(row, what, sizeof what);
		table_die(row, "header", what, NULL, 0);
	}
	/* one column holding a ';' or a tab: a table saved by Excel */
	hint = m->tdelim == ',' && row->nf == 1 && (memchr(row->f[0].s, ';', row->f[0].n) ||
	    memchr(row->f[0].s, '\t', row->f[0].n)) ? "; the header has no comma: is the table "
	    "delimited by ';' or a tab? try --table-delimiter ';' or '\\t'" : "";
	m->tnf = row->nf;
	m->tnames = ecalloc(row->nf + 1, sizeof *m->tnames);
	for (i = 0; i < row->nf; i++) {
		const char *s = row->f[i].s;
		size_t n = row->f[i].n;
		if ((err = text_check(s, n, &at)) != TEXT_OK)
			table_die(row, "header", text_problem(err, s, n, at), s, n);
		trim(&s, &n);
		m->tnames[i] = estrndup(s, n);
	}
	if (m->tnf < m->ncol) {
		snprintf(what, sizeof what, "the table has %zu column%s, fewer than the %zu keys -c "
		    "names%s", m->tnf, m->tnf == 1 ? "" : "s", m->ncol, hint);
		table_die(row, NULL, what, NULL, 0);
	}
	m->tcol = emalloc((m->nnew + 1) * sizeof *m->tcol);
	for (j = 0; j < m->nnew; j++) {
		const char *want = m->tabf[j] ? m->tabf[j] : m->newf[j];
		m->tcol[j] = -1;
		for (i = m->ncol; m->new_given && i < m->tnf && m->tcol[j] < 0; i++) {
			char *f = fold(m->tnames[i], strlen(m->tnames[i]));
			if (strcmp(f, want) == 0)
				m->tcol[j] = (int)i;
			free(f);
		}
		if (m->tcol[j] >= 0)
			continue;
		/* a name the table lacks is a new name for its one value column;
		 * among several it is a slip (ma_xa_moj would write names) */
		if (m->nnew > 1 || m->tabf[j] || (m->new_given && m->tnf > m->ncol + 1 &&
		    !names_key(m, m->newf[j]))) {
			char text[1024];
			csvin_row_text(row, m->tdelim, text, sizeof text);
			snprintf(what, sizeof what, "no column %s in the table after its %zu key "
			    "column%s (%s); the header", m->tabf[j] ? m->tabc[j] : m->newc[j],
			    m->ncol, m->ncol == 1 ? "" : "s", m->tabf[j] ? "-n NAME=TABLECOL names "
			    "one" : m->nnew > 1 ? "with several -n, each NEWCOL names one" :
			    "it has several value columns: -n names one, or NAME=TABLECOL");
			table_die(row, NULL, what, text, strlen(text));
		}
		if (m->ncol >= m->tnf) {
			snprintf(what, sizeof what, "the table has %zu column%s: no value column after "
			    "the %zu key%s%s", m->tnf, m->tnf == 1 ? "" : "s", m->ncol,
			    m->ncol == 1 ? "" : "s", hint);
			table_die(row, NULL, what, NULL, 0);
		}
		m->tcol[j] = (int)m->ncol;
	}
}

/* Appends s[0..n) to the key in *buf, as f folds it, and a NUL; returns
 * the key's new length. */
static size_t
key_part(char **buf, size_t *cap, size_t len, const char *s, size_t n,
         char *(*f)(const char *, size_t))
{
	char *k = f(s, n);
	size_t kn = strlen(k);

	grow(buf, cap, len + kn + 2);
	memcpy(*buf + len, k, kn);
	len += kn;
	(*buf)[len++] = '\0';
	free(k);
	return len;
}

static void
tval_free(struct map *m, struct tval *v)
{
	size_t j;

	for (j = 0; j < m->nnew; j++)
		free(v->s[j]);
	free(v->s);
	free(v->n);
	free(v->f);
}

static struct tval
tval_copy(struct map *m, const struct tval *v)
{
	struct tval c;
	size_t j;

	c.s = emalloc(m->nnew * sizeof *c.s);
	c.n = emalloc(m->nnew * sizeof *c.n);
	for (j = 0; j < m->nnew; j++) {
		c.s[j] = estrndup(v->s[j], v->n[j]);
		c.n[j] = v->n[j];
	}
	c.f = emalloc(v->fn ? v->fn : 1);
	memcpy(c.f, v->f, v->fn);
	c.fn = v->fn;
	return c;
}

/* Gives key the value v (taken): a value it has already (folded) is one. */
static void
add_value(struct map *m, struct smap *tab, const char *key, size_t klen, unsigned long line,
          struct tval v)
{
	struct entry *e;
	size_t i;
	int added;

	e = smap_put(tab, key, klen, &added);
	if (added)
		e->line = line;
	for (i = 0; i < e->nv; i++)
		if (e->v[i].fn == v.fn && memcmp(e->v[i].f, v.f, v.fn) == 0)
			break;
	if (i < e->nv) {	/* the same again: one entry */
		tval_free(m, &v);
		return;
	}
	e->v = erealloc(e->v, (e->nv + 1) * sizeof *e->v);
	e->v[e->nv++] = v;
}

static int
table_row(struct csv_row *row, void *ctx)
{
	struct map *m = ctx;
	char what[512];
	size_t i, j, at, flen = 0, mlen = 0, vflen = 0;
	struct tval v;
	int err, blank = 1;

	if (row->rec == 0) {
		table_header(m, row);
		return 0;
	}
	if (row->err) {
		csvin_error_text(row, what, sizeof what);
		table_die(row, row->err_field < m->tnf ? m->tnames[row->err_field] : NULL, what,
		    NULL, 0);
	}
	for (i = m->tnf; i < row->nf; i++)	/* cells a spreadsheet pads a row with */
		if (row->f[i].n)
			break;
	if (row->nf < m->tnf || i < row->nf) {
		csvin_nf_text(row, m->tnf, what, sizeof what);
		table_die(row, NULL, what, NULL, 0);
	}
	for (i = 0; i < m->tnf; i++)
		if ((err = text_check(row->f[i].s, row->f[i].n, &at)) != TEXT_OK)
			table_die(row, m->tnames[i], text_problem(err, row->f[i].s, row->f[i].n, at),
			    row->f[i].s, row->f[i].n);
	/* the key: its columns folded, joined by a NUL (no text holds one);
	 * and marked, to tell apart the names that fold alike */
	for (i = 0; i < m->ncol; i++) {
		const char *s = row->f[i].s;
		size_t n = row->f[i].n;
		trim(&s, &n);
		blank &= n == 0;
		flen = key_part(&m->fbuf, &m->fcap, flen, s, n, fold);
		mlen = key_part(&m->mbuf, &m->mcap, mlen, s, n, fold_marked);
	}
	if (blank) {	/* never looked up: an input row without a key is not */
		if (!m->tblank++)
			m->tblank_line = row->line;
		return 0;
	}
	v.s = emalloc(m->nnew * sizeof *v.s);
	v.n = emalloc(m->nnew * sizeof *v.n);
	v.f = NULL;
	for (j = 0; j < m->nnew; j++) {
		const char *s = row->f[m->tcol[j]].s;
		size_t n = row->f[m->tcol[j]].n;
		char *f;
		trim(&s, &n);
		v.n[j] = nfc(s, n, &m->nbuf, &m->ncap);
		v.s[j] = estrndup(m->nbuf, v.n[j]);
		f = fold_marked(v.s[j], v.n[j]);
		n = strlen(f);
		v.f = erealloc(v.f, vflen + n + 1);
		memcpy(v.f + vflen, f, n);
		vflen += n;
		v.f[vflen++] = '\0';
		free(f);
	}
	v.fn = vflen;
	add_value(m, m->tab_marked, m->mbuf, mlen, row->line, tval_copy(m, &v));
	add_value(m, m->tab, m->fbuf, flen, row->line, v);
	return 0;
}

static void
load_table(struct map *m, const char *argv0)
{
	const char *shown;
	char msg[1024], *buf;
	size_t len;
	struct csvin *r;
	int fd, status;
	int is_stdin;

	m->table_path = find_table(m->table_name, argv0);
	m->not_in = emalloc(strlen(m->table_name) + 8);
	snprintf(m->not_in, strlen(m->table_name) + 8, "not in %s", m->table_name);
	is_stdin = strcmp(m->table_path, "-") == 0;
	shown = is_stdin ? "standard input" : m->table_path;
	fd = is_stdin ? 0 : open(m->table_path, O_RDONLY);
	if (fd < 0) {
		csvin_status_text(CSVIN_EOPEN, m->table_path, msg, sizeof msg);
		die("%s", msg);
	}
	if ((buf = read_all(fd, &len)) == NULL) {
		csvin_status_text(CSVIN_EREAD, m->table_path, msg, sizeof msg);
		die("%s", msg);
	}
	if (!is_stdin)
		close(fd);
	m->tab = smap_new(sizeof(struct entry));
	m->tab_marked = smap_new(sizeof(struct entry));
	r = csvin_new(shown, m->tdelim, table_row, m);
	csvin_skip_lines(r, comment_lines(buf, len));
	status = csvin_end(r, csvin_feed_mem(r, buf, len), NULL);
	free(buf);
	if (status != CSVIN_OK && status != CSVIN_STOPPED) {
		/* converted to a file: a TABLE on standard input needs '-' */
		csvin_option_text(status, m->table_path, msg, sizeof msg);
		die("%s", msg);
	}
	if (!m->tnames)
		die("%s: an empty table: no header line (comments and blank lines only)", shown);
	if (m->tblank) {	/* a count table's group without a value */
		char what[128];
		snprintf(what, sizeof what, "an empty key: the row is skipped (nothing is looked up "
		    "without a key)%s", m->tblank > 1 ? "" : "");
		if (m->tblank > 1)
			snprintf(what + strlen(what), sizeof what - strlen(what), " (%lu rows)",
			    m->tblank);
		msg_at(shown, m->tblank_line, m->ncol == 1 ? m->tnames[0] : NULL, what, NULL, 0);
	}
}

/* s[0..n) after buf's *len bytes, grown as needed (NUL-terminated). */
static void
append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	grow(buf, cap, *len + n + 1);
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
}

/* The message of an ambiguous key, made when first said: its values, as
 * many as fit in about 300 bytes, each "a / b" for several NEWCOLs. */
static const char *
ambiguous_what(struct map *m, struct entry *e)
{
	char num[64], *buf = NULL;
	size_t i, j, len = 0, cap = 0, start;

	if (e->what)
		return e->what;
	append(&buf, &len, &cap, "ambiguous in ", 13);
	append(&buf, &len, &cap, m->table_name, strlen(m->table_name));
	snprintf(num, sizeof num, ": %zu values (", e->nv);
	append(&buf, &len, &cap, num, strlen(num));
	start = len;
	for (i = 0; i < e->nv; i++) {
		size_t vlen = 0;
		for (j = 0; j < m->nnew; j++)
			vlen += e->v[i].n[j] + 3;
		if (i > 0 && len - start + vlen > 300) {
			append(&buf, &len, &cap, ", ...", 5);
			break;
		}
		if (i > 0)
			append(&buf, &len, &cap, ", ", 2);
		for (j = 0; j < m->nnew; j++) {
			if (j)
				append(&buf, &len, &cap, " / ", 3);
			append(&buf, &len, &cap, e->v[i].s[j], e->v[i].n[j]);
		}
	}
	append(&buf, &len, &cap, ")", 1);
	e->what = buf;
	return e->what;
}

/* --- the input's header --- */

static void
fail(struct map *m)
{
	m->state = S_FAILED;
	m->fatal = 1;
}

/* Says what ends the file's reading, after the problems of the lines
 * before it. */
static void
say(struct map *m, unsigned long line, const char *what, const char *v, size_t vn)
{
	if (msgs_flush(m->msgs, stderr) < 0)
		m->fatal = 1;
	msg_at(m->file, line, NULL, what, v, vn);
}

/* Field of row that names -c column k, or -1. Which of several is
 * *twice (the second's index), -1 when one. */
static int
named_field(char *const *names, size_t nf, const char *want, int *twice)
{
	size_t i;
	int at = -1;

	*twice = -1;
	for (i = 0; i < nf; i++)
		if (strcmp(names[i], want) == 0) {
			if (at < 0)
				at = (int)i;
			else if (*twice < 0)
				*twice = (int)i;
		}
	return at;
}

static int
names_all(struct map *m, char *const *names, size_t nf)
{
	size_t k;
	int twice;

	for (k = 0; k < m->ncol; k++)
		if (named_field(names, nf, m->colf[k], &twice) < 0)
			return 0;
	return 1;
}

static char **
fold_row(const struct csv_row *row)
{
	char **v = emalloc((row->nf + 1) * sizeof *v);
	size_t i;

	for (i = 0; i < row->nf; i++)
		v[i] = fold_name(&row->f[i]);
	return v;
}

static void
no_comma_hint(struct map *m, const struct csv_row *row, const char *text)
{
	if (m->delim == ',' && row->nf == 1 && (strchr(text, ';') || strchr(text, '\t')))
		warnx_("the header has no comma: is it delimited by ';' or a tab? try -d ';' or -d '\\t'");
}

/* The -c columns row's names lack, "xa, huyen", into buf. */
static void
missing_cols(struct map *m, char *const *names, size_t nf, char *buf, size_t size, int *count)
{
	size_t k, o = 0;
	int twice;

	buf[0] = '\0';
	*count = 0;
	for (k = 0; k < m->ncol; k++)
		if (named_field(names, nf, m->colf[k], &twice) < 0 && o < size) {
			o += (size_t)snprintf(buf + o, size - o, "%s%s", o ? ", " : "", m->col[k]);
			(*count)++;
		}
}

static void
write_headers(struct map *m, const struct csv_row *row)
{
	size_t i, j;

	/* a column replaced keeps its name as the header writes it: -n
	 * named it so after folding */
	for (i = 0; i < row->nf; i++)
		out_field(out_stdout, row->f[i].s, row->f[i].n);
	for (j = 0; j < m->nnew; j++)
		if (m->target[j] < 0)
			out_fieldz(out_stdout, m->newc[j]);
	out_endrow(out_stdout);
	if (!m->rejects)
		return;
	out_fieldz(m->rejects, "tep");
	out_fieldz(m->rejects, "dong");
	out_fieldz(m->rejects, "cot");
	out_fieldz(m->rejects, "loi");
	for (i = 0; i < row->nf; i++)
		out_field(m->rejects, row->f[i].s, row->f[i].n);
	for (j = 0; j < m->nnew; j++)
		if (m->target[j] < 0)
			out_fieldz(m->rejects, m->newc[j]);
	out_endrow(m->rejects);
}

/* The first file's header: the output's. */
static int
first_header(struct map *m, const struct csv_row *row, char **names)
{
	char what[512];
	size_t i, j, k, o = 0;
	int twice;

	m->nf = row->nf;
	m->hf = names;
	m->key = emalloc((m->ncol + 1) * sizeof *m->key);
	for (k = 0; k < m->ncol; k++) {
		m->key[k] = named_field(names, row->nf, m->colf[k], &twice);
		if (twice >= 0) {
			snprintf(what, sizeof what, "%s: the header names this column twice (fields %d "
			    "and %d): which to look up?", m->col[k], m->key[k] + 1, twice + 1);
			say(m, row->line, what, NULL, 0);
			return -1;
		}
	}
	/* the key's name in messages: the header's own words */
	m->keyname = emalloc(1);
	m->keyname[0] = '\0';
	for (k = 0; k < m->ncol; k++) {
		const char *s = row->f[m->key[k]].s;
		size_t n = row->f[m->key[k]].n;
		trim(&s, &n);
		m->keyname = erealloc(m->keyname, o + n + 2);
		if (k)
			m->keyname[o++] = ',';
		memcpy(m->keyname + o, s, n);
		o += n;
		m->keyname[o] = '\0';
	}
	m->target = emalloc((m->nnew + 1) * sizeof *m->target);
	m->replaced = emalloc((row->nf + 1) * sizeof *m->replaced);
	for (i = 0; i < row->nf; i++)
		m->replaced[i] = -1;
	for (j = 0; j < m->nnew; j++) {
		int f = named_field(names, row->nf, m->newf[j], &twice);
		m->target[j] = -1;
		if (f < 0)
			continue;
		for (k = 0; k < m->ncol; k++)
			if (m->key[k] == f)
				break;
		if (k == m->ncol) {
			snprintf(what, sizeof what, "%s: the input has this column already; name "
			    "another with -n", m->newc[j]);
			say(m, row->line, what, NULL, 0);
			return -1;
		}
		m->target[j] = f;	/* written in the key column's place */
		m->replaced[f] = (int)j;
	}
	/* a new column the other tools would read as one the input has under
	 * another name (cap beside "Cấp giải quyết"): cchc-sum would refuse
	 * the two */
	for (j = 0; j < m->nnew; j++) {
		int r, col = m->target[j] < 0 ? col_lookup(m->newf[j], &r) : -1;
		for (i = 0; col >= 0 && i < row->nf; i++)
			if (col_lookup(names[i], &r) == col) {
				const char *s = row->f[i].s;
				size_t n = row->f[i].n;
				trim(&s, &n);
				snprintf(what, sizeof what, "%s: the input has this column already, as "
				    "\"%.*s\" (the tools read both as %s); name another with -n",
				    m->newc[j], (int)(n < 200 ? n : 200), s, col_name[col]);
				say(m, row->line, what, NULL, 0);
				return -1;
			}
	}
	m->have_first = 1;
	write_headers(m, row);
	return 0;
}

static int
use_header(struct map *m, const struct csv_row *row)
{
	char what[1024], text[1024];
	char **names;
	size_t i, j, at;
	int err, *used;

	if (row->err) {
		char e[256];
		csvin_error_text(row, e, sizeof e);
		snprintf(what, sizeof what, "header: %s", e);
		say(m, row->line, what, NULL, 0);
		return -1;
	}
	for (i = 0; i < row->nf; i++)
		if ((err = text_check(row->f[i].s, row->f[i].n, &at)) != TEXT_OK) {
			if (msgs_flush(m->msgs, stderr) < 0)
				m->fatal = 1;
			msg_at(m->file, row->line, "header", text_problem(err, row->f[i].s,
			    row->f[i].n, at), row->f[i].s, row->f[i].n);
			return -1;
		}
	names = fold_row(row);
	if (!names_all(m, names, row->nf)) {	/* --header-line named it */
		int count;
		char miss[256];
		missing_cols(m, names, row->nf, miss, sizeof miss, &count);
		csvin_row_text(row, m->delim, text, sizeof text);
		snprintf(what, sizeof what, "no column%s %s in the header", count > 1 ? "s" : "", miss);
		say(m, row->line, what, text, strlen(text));
		no_comma_hint(m, row, text);
		free_names(names, row->nf);
		return -1;
	}
	free_names(m->cur_f, m->cur_nf);
	free_names(m->cur_text, m->cur_nf);
	m->cur_f = NULL;
	m->cur_text = emalloc((row->nf + 1) * sizeof *m->cur_text);
	for (i = 0; i < row->nf; i++) {
		const char *s = row->f[i].s;
		size_t n = row->f[i].n;
		trim(&s, &n);
		m->cur_text[i] = estrndup(s, n);
	}
	m->cur_nf = row->nf;
	if (!m->have_first) {
		char **mine = fold_row(row);
		if (first_header(m, row, mine) < 0) {
			if (!m->hf)
				free_names(mine, row->nf);
			free_names(names, row->nf);
			return -1;
		}
	}
	/* this file's fields in the first's order: each name matched to the
	 * first of its kind not matched yet */
	free(m->perm);
	m->perm = emalloc((m->nf + 1) * sizeof *m->perm);
	used = ecalloc(row->nf + 1, sizeof *used);
	for (i = 0; i < m->nf; i++) {
		m->perm[i] = -1;
		for (j = 0; j < row->nf && m->perm[i] < 0; j++)
			if (!used[j] && strcmp(m->hf[i], names[j]) == 0) {
				m->perm[i] = (int)j;
				used[j] = 1;
			}
	}
	free(used);
	for (i = 0; i < m->nf; i++)
		if (m->perm[i] < 0)
			break;
	if (row->nf != m->nf || i < m->nf) {
		csvin_row_text(row, m->delim, text, sizeof text);
		say(m, row->line, "the header does not have the first file's columns; the header found",
		    text, strlen(text));
		free_names(names, row->nf);
		return -1;
	}
	m->cur_f = names;
	m->state = S_DATA;
	return 0;
}

/* None of the lines looked at names the -c columns: said of the first. */
static void
no_header(struct map *m)
{
	char what[512];

	if (m->look == 1) {
		snprintf(what, sizeof what, "no column%s %s in the header", m->look_nmiss > 1 ? "s" : "",
		    m->look_miss);
	} else {
		char all[256];
		size_t k, o = 0;
		all[0] = '\0';
		for (k = 0; k < m->ncol && o < sizeof all; k++)
			o += (size_t)snprintf(all + o, sizeof all - o, "%s%s", k ? ", " : "", m->col[k]);
		snprintf(what, sizeof what, "no header: none of the first %lu lines names the "
		    "column%s %s; line %lu is", m->look, m->ncol > 1 ? "s" : "", all, m->look_line);
	}
	say(m, m->look_line, what, m->look_text, strlen(m->look_text));
	if (m->delim == ',' && m->look_one_field && (strchr(m->look_text, ';') ||
	    strchr(m->look_text, '\t')))
		warnx_("the header has no comma: is it delimited by ';' or a tab? try -d ';' or -d '\\t'");
	fail(m);
}

/* Looking for the header: is row it? */
static void
search(struct map *m, struct csv_row *row)
{
	char text[1024], what[512];
	char **names;
	int found;

	if (m->header_line) {	/* named: the first record read is it */
		if (use_header(m, row) < 0)
			fail(m);
		return;
	}
	if (row->err) {
		char e[256];
		csvin_error_text(row, e, sizeof e);
		snprintf(what, sizeof what, "in or above the header: %s (if the header is below, name "
		    "it with --header-line N)", e);
		say(m, row->line, what, NULL, 0);
		fail(m);
		return;
	}
	if (row->line > SEARCH_LINES && m->look > 0) {
		no_header(m);
		return;
	}
	names = fold_row(row);
	found = names_all(m, names, row->nf);
	free_names(names, row->nf);
	if (found) {
		if (m->look > 0) {
			snprintf(what, sizeof what, "the header, below %lu title line%s (skipped)", m->look,
			    m->look == 1 ? "" : "s");
			msgs_note(m->msgs, m->file, row->line, NULL, what, m->look_text,
			    strlen(m->look_text));
		}
		if (use_header(m, row) < 0)
			fail(m);
		return;
	}
	if (m->look++ == 0) {
		csvin_row_text(row, m->delim, text, sizeof text);
		free(m->look_text);
		m->look_text = estrndup(text, strlen(text));
		m->look_line = row->line;
		m->look_one_field = row->nf == 1;
		names = fold_row(row);
		missing_cols(m, names, row->nf, m->look_miss, sizeof m->look_miss, &m->look_nmiss);
		free_names(names, row->nf);
	}
	m->last_line = row->line;
}

/* --- rows --- */

static void
reject_fields(struct map *m, const struct csv_row *row, int as_read)
{
	size_t i, j;

	if (as_read) {
		for (i = 0; i < row->nf; i++)
			out_field(m->rejects, row->f[i].s, row->f[i].n);
	} else {
		for (i = 0; i < m->nf; i++)
			out_field(m->rejects, row->f[m->perm[i]].s, row->f[m->perm[i]].n);
		for (j = 0; j < m->nnew; j++)
			if (m->target[j] < 0)
				out_field(m->rejects, "", 0);
	}
	out_endrow(m->rejects);
}

static void
reject_line(struct map *m, const struct csv_row *row, const char *col, const char *what,
            const char *v, size_t vn, int as_read)
{
	char line[32], q[512], *why;
	size_t n;

	if (!m->rejects)
		return;
	snprintf(line, sizeof line, "%lu", row->line);
	q[0] = '\0';
	if (v)
		msg_quote(q, sizeof q, v, vn);
	n = strlen(what) + strlen(q) + 3;
	why = emalloc(n);
	snprintf(why, n, "%s%s%s", what, v ? ": " : "", q);
	out_fieldz(m->rejects, row->file);
	out_fieldz(m->rejects, line);
	out_fieldz(m->rejects, col ? col : "");
	out_fieldz(m->rejects, why);
	free(why);
	reject_fields(m, row, as_read);
}

/* A row that cannot be written: reported, counted, in the rejects file. */
static void
left_out(struct map *m, const struct csv_row *row, const char *kind, const char *col,
         const char *what, const char *v, size_t vn)
{
	m->left_out++;
	msgs_add(m->msgs, kind, row->file, row->line, col, what, v, vn);
	reject_line(m, row, col, what, v, vn, 1);
}

/* The spelling a folded key is said in, in this file: its first. */
static void
spelling(struct map *m, const char *fkey, size_t fklen, const char *raw, size_t rn,
         const char **s, size_t *n)
{
	struct spell *sp;
	int added;

	*s = raw;
	*n = rn;
	if (smap_count(m->shown) >= SHOWN_MAX && !smap_get(m->shown, fkey, fklen))
		return;
	sp = smap_put(m->shown, fkey, fklen, &added);
	if (added) {
		sp->s = estrndup(raw, rn);
		sp->n = rn;
	}
	*s = sp->s;
	*n = sp->n;
}

/* What NEWCOL j is given: the value h maps to, or nothing. */
static struct csv_field
new_value(const struct map *m, const struct hit *h, size_t j)
{
	struct csv_field v = {"", 0};

	if (h && h->kind == MAPPED && !m->level_mode) {
		v.s = h->e->v[0].s[j];
		v.n = h->e->v[0].n[j];
	} else if (h && h->kind == MAPPED) {
		v.s = col_code_name(COL_CAP, h->level);
		v.n = strlen(v.s);
	}
	return v;
}

/* The row by out_field, a field at a time: for a row with a field that
 * starts like a formula, which out_field guards (--excel). */
static void
write_fields(struct map *m, const struct csv_row *row, const struct hit *h)
{
	struct csv_field v;
	size_t i, j;

	for (i = 0; i < m->nf; i++) {
		int r = m->replaced[i];
		v = r < 0 ? row->f[m->perm[i]] : new_value(m, h, (size_t)r);
		out_field(out_stdout, v.s, v.n);
	}
	for (j = 0; j < m->nnew; j++) {
		if (m->target[j] >= 0)
			continue;
		v = new_value(m, h, j);
		out_field(out_stdout, v.s, v.n);
	}
	out_endrow(out_stdout);
}

/* Is s[0..n) text (UTF-8 without NUL)? */
static inline int
is_text(struct map *m, const char *s, size_t n)
{
	size_t at;

	return !(field_scan(&m->scan, s, n) & SCAN_CHECK) ||
	    seen_text(m->text, s, n, &at) == TEXT_OK;
}

/* Room for a field of n bytes at *p, quoted (every byte a quote), and a
 * delimiter; *end is rbuf's. */
static inline void
room(struct map *m, char **p, char **end, size_t n)
{
	size_t at = (size_t)(*p - m->rbuf);

	if ((size_t)(*end - *p) >= 2 * n + 4)
		return;
	grow(&m->rbuf, &m->rcap, at + 2 * n + 4);
	*p = m->rbuf + at;
	*end = m->rbuf + m->rcap;
}

/* Field s[0..n) and a delimiter at p, as out_field writes them: checked
 * to be text when from the input (else NULL), scanned for what out_field
 * quotes, and copied in the same pass; quoted after, as libcsv's
 * csv_write quotes. Returns the end. csv_write goes a byte at a time (a
 * quarter of the rows of the quoted and wide exports have a name with a
 * comma: 2.2% of the run's instructions): a field without a quote in it
 * is put between two. */
static inline __attribute__((always_inline)) char *
put_field(struct map *m, char *p, const char *s, size_t n, int input)
{
	unsigned f = field_scan_copy(&m->scan, p, s, n, 1);
	size_t at;

	if (input && (f & SCAN_CHECK) && seen_text(m->text, s, n, &at) != TEXT_OK)
		return NULL;
	if (f & SCAN_QUOTE) {
		if (memchr(s, '"', n)) {
			n = csv_write(p, 2 * n + 2, s, n);
		} else {
			memmove(p + 1, p, n);
			p[0] = p[n + 1] = '"';
			n += 2;
		}
	}
	p[n] = m->scan.d;
	return p + n + 1;
}

/* The row as it goes out, in rbuf (rlen bytes): the first file's columns,
 * the value h maps to (or nothing) in NEWCOLs. Every field is checked to be
 * text, and copied as it is checked; -1 when one is not. */
static int
build_row(struct map *m, const struct csv_row *row, const struct hit *h)
{
	/* in locals: each store of a byte could change what m holds */
	const int guard = m->guard, *perm = m->perm, *replaced = m->replaced;
	const size_t nf = m->nf;
	const struct csv_field *in = row->f;
	char *p = m->rbuf, *end = m->rbuf + m->rcap;
	struct csv_field v;
	int guarded = 0;
	size_t i, j;

	for (i = 0; i < nf; i++) {
		int r = replaced[i];
		v = r < 0 ? in[perm[i]] : new_value(m, h, (size_t)r);
		room(m, &p, &end, v.n);
		if ((p = put_field(m, p, v.s, v.n, r < 0)) == NULL)
			return -1;
		if (guard && v.n && out_formula_start(v.s[0]))
			guarded = 1;
	}
	for (j = 0; j < m->nnew; j++) {
		if (m->target[j] >= 0)
			continue;
		v = new_value(m, h, j);
		room(m, &p, &end, v.n);
		p = put_field(m, p, v.s, v.n, 0);
		if (guard && v.n && out_formula_start(v.s[0]))
			guarded = 1;
	}
	m->row_guarded = guarded;
	/* the last delimiter becomes the line end */
	if (m->crlf) {
		p[-1] = '\r';
		*p++ = '\n';
	} else {
		p[-1] = '\n';
	}
	m->rlen = (size_t)(p - m->rbuf);
	return 0;
}

/* The row build_row made: one out_bytes, not an out_field a field (which
 * scans it again, and calls memcpy). The header went before it, so the
 * BOM of --excel is out. */
static void
write_row(struct map *m, const struct csv_row *row, const struct hit *h)
{
	if (m->row_guarded)
		write_fields(m, row, h);
	else
		out_bytes(out_stdout, m->rbuf, m->rlen);
}

/* The row has a field that is not text: said of the first. */
static void
not_text(struct map *m, const struct csv_row *row)
{
	size_t i, at;
	int err;

	for (i = 0; i < row->nf; i++)
		if ((err = text_check(row->f[i].s, row->f[i].n, &at)) != TEXT_OK) {
			left_out(m, row, err == TEXT_NUL ? "NUL byte" : "not UTF-8", m->cur_text[i],
			    text_problem(err, row->f[i].s, row->f[i].n, at), row->f[i].s, row->f[i].n);
			return;
		}
}

/* Is row the header again (files joined with cat), its columns the
 * first's in any order? Then it is read as the header from here on. */
static int
header_again(struct map *m, const struct csv_row *row)
{
	char **names;
	size_t i, j;
	int *used, same;

	if (row->nf != m->nf)
		return 0;
	names = fold_row(row);
	used = ecalloc(row->nf + 1, sizeof *used);
	same = names_all(m, names, row->nf);
	for (i = 0; i < m->nf && same; i++) {
		for (j = 0; j < row->nf; j++)
			if (!used[j] && strcmp(m->hf[i], names[j]) == 0)
				break;
		same = j < row->nf;
		if (same)
			used[j] = 1;
	}
	free(used);
	free_names(names, row->nf);
	return same && use_header(m, row) == 0;
}

/* What the key as written (in kbuf, parts joined by NUL) comes to. */
static void
look_up(struct map *m, struct hit *h)
{
	size_t k, flen = 0, o = 0;

	memset(h, 0, sizeof *h);
	for (k = 0; k < m->ncol; k++) {
		const char *s = m->kbuf + o;
		size_t n = strlen(s);
		flen = key_part(&m->fbuf, &m->fcap, flen, s, n, fold);
		o += n + 1;
	}
	h->fkey = estrndup(m->fbuf, flen);
	h->fklen = flen;
	if (m->level_mode) {
		h->level = level_of_name(m->kbuf, strlen(m->kbuf));
		h->kind = h->level >= 0 ? MAPPED : UNMATCHED;
		return;
	}
	h->e = smap_get(m->tab, m->fbuf, flen);
	h->kind = !h->e ? UNMATCHED : h->e->nv > 1 ? AMBIGUOUS : MAPPED;
	if (h->kind == AMBIGUOUS) {
		/* names that fold alike ("Phường Sa Pa", "Phường Sa Pả"): the
		 * one written with its marks, if that one has a single value */
		const struct entry *em;
		size_t mlen = 0;
		for (k = 0, o = 0; k < m->ncol; k++) {
			const char *s = m->kbuf + o;
			size_t n = strlen(s);
			mlen = key_part(&m->mbuf, &m->mcap, mlen, s, n, fold_marked);
			o += n + 1;
		}
		em = smap_get(m->tab_marked, m->mbuf, mlen);
		if (em && em->nv == 1) {
			h->e = em;
			h->kind = MAPPED;
		}
	}
}

static void
on_data(struct map *m, struct csv_row *row)
{
	char what[256], shown_buf[1024];
	const char *what_p, *sv;
	size_t i, k, kn = 0, svn, so = 0;
	struct hit tmp, *h;
	struct seen_slot *ks;
	int blank = 1, added;

	m->rows++;
	if (row->err) {
		csvin_error_text(row, what, sizeof what);
		left_out(m, row, "malformed CSV", row->err_field < m->cur_nf ?
		    m->cur_text[row->err_field] : NULL, what, NULL, 0);
		return;
	}
	if (row->nf != m->cur_nf) {
		csvin_nf_text(row, m->cur_nf, what, sizeof what);
		left_out(m, row, "wrong number of fields", NULL, what, NULL, 0);
		return;
	}
	/* the key as written: its columns trimmed, joined by a NUL */
	for (k = 0; k < m->ncol; k++) {
		const struct csv_field *f = &row->f[m->perm[m->key[k]]];
		const char *s = f->s;
		size_t n = f->n;
		trim(&s, &n);
		blank &= n == 0;
		grow(&m->kbuf, &m->kcap, kn + n + 2);
		memcpy(m->kbuf + kn, s, n);
		kn += n;
		m->kbuf[kn++] = '\0';
	}
	if (blank) {
		if (build_row(m, row, NULL) < 0) {
			not_text(m, row);
			return;
		}
		m->empty++;
		msgs_note(m->msgs, row->file, row->line, m->keyname, "empty: nothing to look up",
		    NULL, 0);
		if (m->strict) {
			m->rejected++;
			reject_line(m, row, m->keyname, "empty: nothing to look up", NULL, 0, 0);
		} else {
			write_row(m, row, NULL);
		}
		return;
	}
	/* a key in the cache was text (trimmed of spaces and no-break
	 * spaces, which are text, and as many NULs as parts); one seen
	 * lately is found without hashing it (200k rows: 2.5% of the lean
	 * export's instructions, 1.5% of the others') */
	ks = seen_slot(m->keys, m->kbuf, kn);
	if (seen_has(ks, m->kbuf, kn))
		h = ks->v;
	else if ((h = smap_get(m->cache, m->kbuf, kn)) != NULL)
		seen_put(ks, m->kbuf, kn, h);
	if (!h) {
		for (k = 0; k < m->ncol; k++)	/* fold needs text */
			if (!is_text(m, row->f[m->perm[m->key[k]]].s, row->f[m->perm[m->key[k]]].n)) {
				not_text(m, row);
				return;
			}
		look_up(m, &tmp);
		if (smap_count(m->cache) < CACHE_MAX) {
			h = smap_put(m->cache, m->kbuf, kn, &added);
			*h = tmp;
			seen_put(ks, m->kbuf, kn, h);
		} else {
			h = &tmp;
		}
	}
	/* the output is UTF-8: a row with a field that is not is left out */
	if (build_row(m, row, h) < 0) {
		not_text(m, row);
		goto done;
	}
	if (h->kind == MAPPED) {
		m->mapped++;
		write_row(m, row, h);
		goto done;
	}
	if (h->kind == UNMATCHED && header_again(m, row)) {
		m->rows--;
		msgs_note(m->msgs, row->file, row->line, NULL, "the header again, inside the file: "
		    "skipped", NULL, 0);
		goto done;
	}
	/* said in the spelling it first had in the file; several columns
	 * joined by " / " */
	for (k = 0, i = 0; k < m->ncol; k++) {
		size_t n = strlen(m->kbuf + i), room;
		if (k && so + 3 < sizeof shown_buf) {
			memcpy(shown_buf + so, " / ", 3);
			so += 3;
		}
		room = sizeof shown_buf - so;	/* a message shows 80 bytes of it */
		memcpy(shown_buf + so, m->kbuf + i, n < room ? n : room);
		so += n < room ? n : room;
		i += n + 1;
	}
	spelling(m, h->fkey, h->fklen, shown_buf, so, &sv, &svn);
	if (h->kind == UNMATCHED) {
		m->unmatched++;
		what_p = m->level_mode ? "no level in the unit's name" : m->not_in;
	} else {
		m->ambiguous++;
		what_p = ambiguous_what(m, (struct entry *)h->e);
	}
	msgs_note(m->msgs, row->file, row->line, m->keyname, what_p, sv, svn);
	if (m->strict) {
		m->rejected++;
		reject_line(m, row, m->keyname, what_p, sv, svn, 0);
	} else {
		write_row(m, row, NULL);
	}
done:
	if (h == &tmp)
		free(tmp.fkey);
}

static int
on_row(struct csv_row *row, void *ctx)
{
	struct map *m = ctx;

	if (m->state == S_SEARCH) {
		search(m, row);
		return m->state == S_FAILED;
	}
	if (m->state == S_FAILED)
		return 1;
	on_data(m, row);
	return 0;
}

static void
free_shown(struct map *m)
{
	size_t it = 0, n;
	const char *k;
	void *v;

	while (smap_next(m->shown, &it, &k, &n, &v))
		free(((struct spell *)v)->s);
	smap_free(m->shown);
	m->shown = NULL;
}

/* One FILE, opened once (a FIFO cannot be opened twice). */
static void
map_file(struct map *m, const char *path)
{
	struct csvin_stats st = {0, 0};
	struct csvin *r;
	int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY), status;
	char msg[1024];

	if (fd < 0) {
		csvin_status_text(CSVIN_EOPEN, path, msg, sizeof msg);
		warnx_("%s", msg);
		m->fatal = 1;
		return;
	}
	m->file = path;
	m->state = S_SEARCH;
	m->look = 0;
	m->shown = smap_new(sizeof(struct spell));
	r = csvin_new(path, m->delim, on_row, m);
	if (m->header_line > 1)
		csvin_skip_lines(r, m->header_line - 1);
	status = csvin_end(r, csvin_feed_fd(r, fd, 0, -1), &st);
	if (fd != 0)
		close(fd);
	if (status != CSVIN_OK && status != CSVIN_STOPPED) {
		if (msgs_flush(m->msgs, stderr) < 0)
			m->fatal = 1;
		csvin_status_text(status, path, msg, sizeof msg);
		warnx_("%s", msg);
		m->fatal = 1;
	} else if (m->state == S_SEARCH) {
		const char *name = strcmp(path, "-") ? path : "standard input";
		if (m->look > 0) {
			no_header(m);
		} else if (m->header_line > 1) {
			warnx_("%s: --header-line %lu: the file has fewer lines", name, m->header_line);
		} else {
			warnx_("%s: empty file: no header line", name);
		}
		m->fatal = 1;
	}
	if (msgs_flush(m->msgs, stderr) < 0)
		m->fatal = 1;
	m->blank += st.empty;
	free_shown(m);
}

static void
summary(struct map *m)
{
	char reasons[1024], extra[1200] = "";
	size_t o = 0;

	if (m->blank)
		warnx_("%lu empty rows skipped (blank, or every field empty)", m->blank);
	msgs_reasons(m->msgs, reasons, sizeof reasons);
	if (m->empty)
		o += (size_t)snprintf(extra + o, sizeof extra - o, ", %lu empty", m->empty);
	if (m->left_out)
		o += (size_t)snprintf(extra + o, sizeof extra - o, ", %lu left out (%s)", m->left_out,
		    reasons);
	if (m->rejected)
		snprintf(extra + o, sizeof extra - o, "; %lu rejected (--strict)", m->rejected);
	warnx_("%lu row%s: %lu mapped, %lu unmatched, %lu ambiguous%s", m->rows,
	    m->rows == 1 ? "" : "s", m->mapped, m->unmatched, m->ambiguous, extra);
}

static void
free_table(struct map *m, struct smap *tab)
{
	size_t it = 0, n, i;
	const char *k;
	void *v;

	if (!tab)
		return;
	while (smap_next(tab, &it, &k, &n, &v)) {
		struct entry *e = v;
		for (i = 0; i < e->nv; i++)
			tval_free(m, &e->v[i]);
		free(e->v);
		free(e->what);
	}
	smap_free(tab);
}

static void
free_all(struct map *m)
{
	size_t it = 0, n;
	const char *k;
	void *v;

	free_table(m, m->tab);
	free_table(m, m->tab_marked);
	while (smap_next(m->cache, &it, &k, &n, &v))
		free(((struct hit *)v)->fkey);
	smap_free(m->cache);
	free_names(m->col, m->ncol);
	free_names(m->colf, m->ncol);
	free_names(m->newc, m->nnew);
	free_names(m->newf, m->nnew);
	if (m->tabc)
		for (n = 0; n < m->nnew; n++) {
			free(m->tabc[n]);
			free(m->tabf[n]);
		}
	free(m->tabc);
	free(m->tabf);
	free_names(m->tnames, m->tnf);
	free_names(m->hf, m->nf);
	free_names(m->cur_f, m->cur_nf);
	free_names(m->cur_text, m->cur_nf);
	free(m->table_path);
	free(m->not_in);
	free(m->tcol);
	free(m->key);
	free(m->target);
	free(m->replaced);
	free(m->keyname);
	free(m->perm);
	free(m->rbuf);
	seen_free(m->text);
	seen_free(m->keys);
	free(m->look_text);
	free(m->kbuf);
	free(m->fbuf);
	free(m->mbuf);
	free(m->nbuf);
	msgs_free(m->msgs);
}

int
main(int argc, char *argv[])
{
	enum { O_LEVEL = 256, O_STRICT, O_REJECTS, O_TDELIM, O_HLINE, O_EXCEL, O_VERSION };
	static const struct option longopts[] = {
		{"column", required_argument, NULL, 'c'},
		{"new", required_argument, NULL, 'n'},
		{"level-from", required_argument, NULL, O_LEVEL},
		{"strict", no_argument, NULL, O_STRICT},
		{"rejects", required_argument, NULL, O_REJECTS},
		{"delimiter", required_argument, NULL, 'd'},
		{"table-delimiter", required_argument, NULL, O_TDELIM},
		{"header-line", required_argument, NULL, O_HLINE},
		{"excel", no_argument, NULL, O_EXCEL},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, O_VERSION},
		{NULL, 0, NULL, 0},
	};
	static char *stdin_only[] = {"-", NULL};
	struct map *m = &M;
	const char *rejects_path = NULL, *level_col = NULL;
	int excel = 0;
	char **files;
	int opt, d, nfiles, i, tdelim_given = 0;
	size_t j, k;
	long v;

	msg_init(argv[0]);
	m->delim = m->tdelim = ',';
	while ((opt = getopt_long(argc, argv, "c:n:d:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'c':
			m->col = split_list(optarg, &m->ncol, m->col, m->ncol);
			break;
		case 'n':
			m->newc = split_list(optarg, &m->nnew, m->newc, m->nnew);
			m->new_given = 1;
			break;
		case O_LEVEL:
			if (level_col)
				die("--level-from is given once: one column holds the unit");
			level_col = optarg;
			break;
		case O_STRICT:
			m->strict = 1;
			break;
		case O_REJECTS:
			rejects_path = optarg;
			break;
		case 'd':
			if ((d = csvin_delim_opt("-d", optarg)) < 0)
				return EXIT_FAIL;
			m->delim = (unsigned char)d;
			break;
		case O_TDELIM:
			if ((d = csvin_delim_opt("--table-delimiter", optarg)) < 0)
				return EXIT_FAIL;
			m->tdelim = (unsigned char)d;
			tdelim_given = 1;
			break;
		case O_HLINE:
			if ((v = opt_int("--header-line", optarg, 1, SEARCH_LINES * 1000L,
			    "a line number")) < 0)
				return EXIT_FAIL;
			m->header_line = (unsigned long)v;
			break;
		case O_EXCEL:
			excel = 1;
			break;
		case 'h':
			usage(stdout);
			return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
		case O_VERSION:
			puts("cchc-map " CCHC_VERSION);
			return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
		default:
			usage(stderr);
			return EXIT_FAIL;
		}
	}
	/* usage errors: said, exit 2, nothing read */
	if (level_col && m->ncol)
		die("-c or --level-from, not both: --level-from reads no TABLE");
	if (!level_col && !m->ncol) {
		warnx_("-c COL or --level-from COL is needed");
		usage(stderr);
		return EXIT_FAIL;
	}
	if (level_col) {
		m->level_mode = 1;
		if (tdelim_given)
			die("--table-delimiter: --level-from reads no TABLE");
		m->col = split_list(level_col, &m->ncol, NULL, 0);
		if (m->ncol != 1)
			die("--level-from: one column (\"%s\" names %zu)", level_col, m->ncol);
		if (m->nnew > 1)
			die("--level-from writes one column: -n names one");
		if (!m->nnew)
			m->newc = split_list("cap", &m->nnew, NULL, 0);
	} else {
		if (optind >= argc) {
			warnx_("TABLE is needed after the options");
			usage(stderr);
			return EXIT_FAIL;
		}
		m->table_name = argv[optind++];
		if (!m->nnew) {
			if (m->ncol > 1)
				die("-c names %zu columns: name the new one with -n (without -n the value "
				    "goes in COL's place, which needs one COL)", m->ncol);
			m->newc = split_list(m->col[0], &m->nnew, NULL, 0);
		}
	}
	m->colf = emalloc((m->ncol + 1) * sizeof *m->colf);
	for (k = 0; k < m->ncol; k++) {
		m->colf[k] = fold(m->col[k], strlen(m->col[k]));
		if (!*m->colf[k])
			die("-c: \"%s\" is not a column name", m->col[k]);
		for (j = 0; j < k; j++)
			if (strcmp(m->colf[j], m->colf[k]) == 0)
				die("-c: %s is given twice", m->col[k]);
	}
	/* NAME=TABLECOL: the column NAME, with TABLECOL's values */
	m->tabc = ecalloc(m->nnew + 1, sizeof *m->tabc);
	m->tabf = ecalloc(m->nnew + 1, sizeof *m->tabf);
	for (k = 0; k < m->nnew; k++) {
		char *eq = strchr(m->newc[k], '=');
		if (!eq)
			continue;
		if (m->level_mode)
			die("--level-from: -n names the new column only (no TABLE: \"%s\")",
			    m->newc[k]);
		*eq = '\0';
		m->tabc[k] = estrndup(eq + 1, strlen(eq + 1));
		m->tabf[k] = fold(m->tabc[k], strlen(m->tabc[k]));
		if (!*m->tabf[k])
			die("-n: \"%s=%s\": no TABLE column named after the =", m->newc[k], m->tabc[k]);
	}
	m->newf = emalloc((m->nnew + 1) * sizeof *m->newf);
	for (k = 0; k < m->nnew; k++) {
		m->newf[k] = fold(m->newc[k], strlen(m->newc[k]));
		if (!*m->newf[k])
			die("-n: \"%s\" is not a column name", m->newc[k]);
		for (j = 0; j < k; j++)
			if (strcmp(m->newf[j], m->newf[k]) == 0)
				die("-n: %s is given twice: a column has one name", m->newc[k]);
	}
	files = optind < argc ? argv + optind : stdin_only;
	nfiles = optind < argc ? argc - optind : 1;
	{	/* standard input is read once */
		int uses = m->table_name && strcmp(m->table_name, "-") == 0;
		if (uses && optind == argc)
			die("-: TABLE is standard input: name the FILEs to read");
		for (i = 0; i < nfiles; i++)
			uses += strcmp(files[i], "-") == 0;
		if (uses > 1)
			die("-: standard input is named twice (it can be read once)");
	}
	out_init_stdout();
	scan_set_init(&m->scan, excel ? ';' : ',');
	if (excel) {
		out_excel(out_stdout);
		m->guard = m->crlf = 1;
	}
	if (!m->level_mode)
		load_table(m, argv[0]);
	if (rejects_path) {
		char **inputs = emalloc((size_t)(nfiles + 2) * sizeof *inputs);
		int n = 0;
		for (i = 0; optind < argc && i < nfiles; i++)
			inputs[n++] = files[i];
		if (optind == argc)
			inputs[n++] = "-";
		if (m->table_path)
			inputs[n++] = m->table_path;
		out_not_input("--rejects", rejects_path, inputs, n);
		free(inputs);
		m->rejects = out_create_aside(rejects_path);
	}
	m->msgs = msgs_new();
	m->cache = smap_new(sizeof(struct hit));
	m->text = seen_new();
	m->keys = seen_new();
	for (i = 0; i < nfiles; i++) {
		map_file(m, files[i]);
		if (m->fatal)	/* the files after it are not read */
			break;
	}
	out_close(out_stdout);
	/* a run that failed leaves the last rejects file as it was */
	if (m->rejects && m->fatal)
		out_discard(m->rejects);
	else if (m->rejects)
		out_commit(m->rejects);
	summary(m);
	i = m->fatal ? EXIT_FAIL : m->left_out || m->rejected ? EXIT_DATA : EXIT_OK;
	free_all(m);
	return i;
}
