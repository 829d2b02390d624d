/* codes.c: the user's own code words (--codes FILE), read with csvin. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "cols.h"
#include "csvin.h"
#include "fold.h"
#include "msg.h"
#include "smap.h"

struct entry {
	int code;
	int file;		/* index into files[] */
	unsigned long line;
};

/* The table: per column, a value's key -> entry. Only read once loaded. */
static struct smap *user[NCOLS];
static size_t nuser;
static char **files;		/* the names entries came from */
static int nfiles;

int
codes_user(int col, const char *key)
{
	struct entry *e;

	if (!nuser || !user[col])
		return -1;
	e = smap_get(user[col], key, strlen(key));
	return e ? e->code : -1;
}

size_t
codes_count(void)
{
	return nuser;
}

void
codes_clear(void)
{
	int i;

	for (i = 0; i < NCOLS; i++) {
		smap_free(user[i]);
		user[i] = NULL;
	}
	for (i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	files = NULL;
	nfiles = 0;
	nuser = 0;
}

enum { F_COT, F_GIA_TRI, F_MA, NF };
static const char *const field_name[NF] = {"cot", "gia_tri", "ma"};

struct load {
	const char *path;
	int file;
	int idx[NF];		/* each field's place in the header */
	size_t nf;
	struct smap *stage[NCOLS];	/* this file's words, added at its end */
	size_t nstage;
	int saw_header;
	char *err;
	size_t errsz;
};

static int
fail(struct load *l, unsigned long line, const char *col, const char *what,
     const char *v, size_t n)
{
	size_t o = (size_t)snprintf(l->err, l->errsz, "%s:%lu: ", l->path, line);

	if (o < l->errsz)
		msg_tail(l->err + o, l->errsz - o, col, what, v, n);
	return 1;
}

/* Field i as text: trimmed, UTF-8 without a NUL or control byte. */
static int
field_text(struct load *l, const struct csv_row *row, int i, const char **s, size_t *n)
{
	size_t at;
	int bad;

	*s = row->f[l->idx[i]].s;
	*n = row->f[l->idx[i]].n;
	if ((bad = text_check(*s, *n, &at)) != TEXT_OK)
		return fail(l, row->line, field_name[i], bad == TEXT_NUL ?
		    "NUL byte in the value" : text_advice(*s, *n, at), *s, *n);
	trim(s, n);
	if (col_code_text(*s, *n) == CODE_CONTROL)
		return fail(l, row->line, field_name[i], col_code_error(CODE_CONTROL), *s, *n);
	return 0;
}

static int
on_header(struct load *l, const struct csv_row *row)
{
	size_t i, at;
	int k;

	l->saw_header = 1;
	for (k = 0; k < NF; k++)
		l->idx[k] = -1;
	if (row->err) {
		char what[200];
		snprintf(what, sizeof what, "malformed CSV: %s", row->err);
		return fail(l, row->line, NULL, what, NULL, 0);
	}
	for (i = 0; i < row->nf; i++) {
		const char *s = row->f[i].s;
		size_t n = row->f[i].n;
		char *f;
		int bad;

		if ((bad = text_check(s, n, &at)) != TEXT_OK)
			return fail(l, row->line, NULL, bad == TEXT_NUL ? "NUL byte in the header" :
			    text_advice(s, n, at), s, n);
		trim(&s, &n);
		f = fold(s, n);
		for (k = 0; k < NF; k++)
			if (strcmp(f, field_name[k]) == 0 && l->idx[k] < 0)
				l->idx[k] = (int)i;
		free(f);
	}
	l->nf = row->nf;
	for (k = 0; k < NF; k++)
		if (l->idx[k] < 0) {
			char hdr[256];
			size_t o = 0;
			hdr[0] = '\0';
			for (i = 0; i < row->nf && o < sizeof hdr; i++)
				o += (size_t)snprintf(hdr + o, sizeof hdr - o, "%s%.*s", i ? "," : "",
				    (int)row->f[i].n, row->f[i].s);
			return fail(l, row->line, NULL,
			    "the header must name cot, gia_tri and ma", hdr, strlen(hdr));
		}
	return 0;
}

static int
on_row(struct csv_row *row, void *ctx)
{
	struct load *l = ctx;
	const char *s, *val, *ma;
	size_t n, vn, mn;
	char *f, *key, what[200];
	int col, code, rank, added;
	struct entry *e;

	if (row->rec == 0)
		return on_header(l, row);
	if (row->err) {
		snprintf(what, sizeof what, "malformed CSV: %s", row->err);
		return fail(l, row->line, NULL, what, NULL, 0);
	}
	if (row->nf != l->nf) {
		snprintf(what, sizeof what, "expected %zu fields, found %zu", l->nf, row->nf);
		return fail(l, row->line, NULL, what, NULL, 0);
	}
	/* cot: a code column, by any of its names */
	if (field_text(l, row, F_COT, &s, &n))
		return 1;
	f = fold(s, n);
	col = col_lookup(f, &rank);
	free(f);
	if (col < 0)
		return fail(l, row->line, "cot", "unknown column", s, n);
	if (!col_has_codes(col))
		return fail(l, row->line, "cot",
		    "not a code column (cap, kenh, muc_do_dvc, trang_thai)", s, n);
	/* ma: one of the column's codes */
	if (field_text(l, row, F_MA, &ma, &mn))
		return 1;
	f = fold(ma, mn);
	code = col_code_by_name(col, f);
	free(f);
	if (code < 0) {
		int k, o = snprintf(what, sizeof what, "unknown code for %s (", col_name[col]);
		for (k = 0; k < col_ncodes(col) && o > 0 && (size_t)o < sizeof what; k++)
			o += snprintf(what + o, sizeof what - (size_t)o, "%s%s", k ? ", " : "",
			    col_code_name(col, k));
		if (o > 0 && (size_t)o < sizeof what)
			snprintf(what + o, sizeof what - (size_t)o, ")");
		return fail(l, row->line, "ma", what, ma, mn);
	}
	/* gia_tri: the value, as a whole */
	if (field_text(l, row, F_GIA_TRI, &val, &vn))
		return 1;
	f = fold(val, vn);
	key = col_code_key(f);
	free(f);
	if (!*key) {
		free(key);
		return fail(l, row->line, "gia_tri",
		    vn ? "no letter or digit in the value" : "empty value", val, vn);
	}
	e = user[col] ? smap_get(user[col], key, strlen(key)) : NULL;
	if (!e) {
		if (!l->stage[col])
			l->stage[col] = smap_new(sizeof(struct entry));
		e = smap_put(l->stage[col], key, strlen(key), &added);
		if (added) {
			e->code = code;
			e->file = l->file;
			e->line = row->line;
			l->nstage++;
		}
	}
	free(key);
	if (e->code != code) {
		if (e->file == l->file)
			snprintf(what, sizeof what, "one value given two codes: %s (line %lu) and %s",
			    col_code_name(col, e->code), e->line, col_code_name(col, code));
		else
			snprintf(what, sizeof what, "one value given two codes: %s (%s:%lu) and %s",
			    col_code_name(col, e->code), files[e->file], e->line,
			    col_code_name(col, code));
		return fail(l, row->line, "gia_tri", what, val, vn);
	}
	return 0;
}

int
codes_load(const char *path, unsigned char delim, char *err, size_t errsz)
{
	struct load l;
	struct csvin_stats st;
	int r, col, ok;

	memset(&l, 0, sizeof l);
	l.path = path;
	l.err = err;
	l.errsz = errsz;
	l.file = nfiles;
	err[0] = '\0';
	/* the name is kept for a later file's message */
	files = erealloc(files, (size_t)(nfiles + 1) * sizeof *files);
	files[nfiles++] = estrndup(path, strlen(path));
	r = csvin_read(path, delim, on_row, &l, &st);
	if (r != CSVIN_OK && r != CSVIN_STOPPED)	/* a workbook, UTF-16...: said */
		csvin_option_text(r, path, err, errsz);
	else if (r == CSVIN_OK && !l.saw_header)
		snprintf(err, errsz, "%s: empty file: no header line (cot,gia_tri,ma)", path);
	ok = r == CSVIN_OK && l.saw_header;
	for (col = 0; col < NCOLS; col++) {
		size_t it = 0, n;
		const char *key;
		void *v;
		int added;

		if (!l.stage[col])
			continue;
		while (ok && smap_next(l.stage[col], &it, &key, &n, &v)) {
			struct entry *e;
			if (!user[col])
				user[col] = smap_new(sizeof(struct entry));
			e = smap_put(user[col], key, n, &added);
			*e = *(struct entry *)v;
		}
		smap_free(l.stage[col]);
	}
	if (!ok)
		return -1;
	nuser += l.nstage;
	return 0;
}
