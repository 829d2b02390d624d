#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"
#include "fold.h"
#include "msg.h"
#include "smap.h"

int
dossier_cols_init(struct dossier_cols *c, const struct csv_row *hdr,
                  char *err, size_t errsz)
{
	int rank[NCOLS];
	size_t i;
	char *buf = NULL;
	size_t cap = 0;

	memset(c, 0, sizeof *c);
	c->nf = hdr->nf;
	c->role = emalloc(hdr->nf * sizeof *c->role);
	c->name = emalloc(hdr->nf * sizeof *c->name);
	c->folded = emalloc(hdr->nf * sizeof *c->folded);
	for (i = 0; i < NCOLS; i++) {
		c->idx[i] = -1;
		rank[i] = 99;
	}
	for (i = 0; i < hdr->nf; i++) {
		const char *s = hdr->f[i].s;
		size_t n = hdr->f[i].n, at, len;
		int col, r;

		c->name[i] = c->folded[i] = NULL;
		c->role[i] = -1;
		if (text_check(s, n, &at) != TEXT_OK) {
			char q[256];
			msg_quote(q, sizeof q, s, n);
			snprintf(err, errsz, "header column %zu: %s: %s", i + 1,
			    text_advice(s, n, at), q);
			c->nf = i;
			free(buf);
			return -1;
		}
		trim_name(&s, &n);
		len = nfc(s, n, &buf, &cap);
		c->name[i] = estrndup(buf, len);
		c->folded[i] = fold(buf, len);
		col = col_lookup(c->folded[i], &r);
		if (col < 0)
			continue;
		if (r < rank[col]) {
			if (c->idx[col] >= 0) {	/* the weaker alias loses */
				int old = c->idx[col];
				c->role[old] = -1;
				free(c->name[old]);
				c->name[old] = estrndup(col_loser_name(col), strlen(col_loser_name(col)));
			}
			c->idx[col] = (int)i;
			rank[col] = r;
			c->role[i] = col;
			free(c->name[i]);
			c->name[i] = estrndup(col_name[col], strlen(col_name[col]));
		} else if (r == rank[col]) {
			snprintf(err, errsz, "columns %d and %zu both name %s: \"%s\" and \"%s\"",
			    c->idx[col] + 1, i + 1, col_name[col],
			    hdr->f[c->idx[col]].s, hdr->f[i].s);
			c->nf = i + 1;
			free(buf);
			return -1;
		} else {
			free(c->name[i]);
			c->name[i] = estrndup(col_loser_name(col), strlen(col_loser_name(col)));
		}
	}
	free(buf);
	return 0;
}

void
dossier_cols_copy(struct dossier_cols *to, const struct dossier_cols *from)
{
	size_t i;

	*to = *from;
	to->role = emalloc((from->nf + 1) * sizeof *to->role);
	to->name = emalloc((from->nf + 1) * sizeof *to->name);
	to->folded = emalloc((from->nf + 1) * sizeof *to->folded);
	for (i = 0; i < from->nf; i++) {
		to->role[i] = from->role[i];
		to->name[i] = estrndup(from->name[i], strlen(from->name[i]));
		to->folded[i] = estrndup(from->folded[i], strlen(from->folded[i]));
	}
}

void
dossier_cols_free(struct dossier_cols *c)
{
	size_t i;

	for (i = 0; i < c->nf; i++) {
		free(c->name[i]);
		free(c->folded[i]);
	}
	free(c->role);
	free(c->name);
	free(c->folded);
	memset(c, 0, sizeof *c);
}

int
dossier_cols_find(const struct dossier_cols *c, const char *name)
{
	char *f = fold(name, strlen(name));
	int col, r;
	size_t i;

	col = col_lookup(f, &r);
	if (col >= 0 && c->idx[col] >= 0) {
		free(f);
		return c->idx[col];
	}
	for (i = 0; i < c->nf; i++)
		if (strcmp(c->folded[i], f) == 0) {
			free(f);
			return (int)i;
		}
	free(f);
	return -1;
}

const char *
dossier_cols_missing(const struct dossier_cols *c, char *buf, size_t size)
{
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < NCOLS; i++)
		if (col_required[i] && c->idx[i] < 0)
			o += (size_t)snprintf(buf + o, size - o, "%s%s", o ? ", " : "", col_name[i]);
	return o ? buf : NULL;
}

int
dossier_cols_match(const struct dossier_cols *first,
                   const struct dossier_cols *later, int *perm)
{
	size_t i, j;
	unsigned char *used;
	int ok = 1;

	/* later may have more columns, if they are empty names: the cells a
	 * spreadsheet pads a header with */
	if (first->nf > later->nf)
		return -1;
	used = calloc(later->nf + 1, 1);
	if (!used)
		die("out of memory");
	for (i = 0; i < first->nf && ok; i++) {
		perm[i] = -1;
		for (j = 0; j < later->nf; j++)
			if (!used[j] && strcmp(first->name[i], later->name[j]) == 0) {
				perm[i] = (int)j;
				used[j] = 1;
				break;
			}
		ok = perm[i] >= 0;
	}
	for (j = 0; j < later->nf && ok; j++)
		ok = used[j] || later->name[j][0] == '\0';
	free(used);
	return ok ? 0 : -1;
}

void
dossier_header_text(const struct csv_row *hdr, char *buf, size_t size)
{
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < hdr->nf && o + 8 < size; i++) {
		size_t n = hdr->f[i].n, room = size - o - 8;
		if (i)
			buf[o++] = ',';
		if (n > room)
			n = room;
		memcpy(buf + o, hdr->f[i].s, n);
		o += n;
		buf[o] = '\0';
	}
	if (i < hdr->nf)
		snprintf(buf + o, size - o, "...");
}

void
dossier_parser_init(struct dossier_parser *p, int date_order)
{
	int i;

	memset(p, 0, sizeof *p);
	p->date_order = date_order | DATE_SERIAL;	/* an export's date columns: Excel serials too */
	for (i = 0; i < NCOLS; i++)
		if (col_has_codes(i))
			p->memo[i] = smap_new(sizeof(int));
}

void
dossier_parser_free(struct dossier_parser *p)
{
	int i;

	for (i = 0; i < NCOLS; i++)
		smap_free(p->memo[i]);
}

/* Folding is costly; an export has few distinct codes: fold each once.
 * A short one goes to the table dossier_code looks in: its first slot when
 * free, else its second (three values of one slot take turns there).
 * The value's own bytes are looked up, all n of them: one holding a NUL, a
 * control byte or bytes that are not UTF-8 is no code (col_code_raw). */
int
dossier_code_slow(struct dossier_parser *p, int col, const char *s, size_t n)
{
	int added, *v;
	size_t at;

	if (smap_count(p->memo[col]) > 4096)	/* free text, not codes */
		return col_code_raw(col, s, n);
	v = smap_put(p->memo[col], s, n, &added);
	if (added)
		*v = col_code_raw(col, s, n);
	if (n > 0 && n <= CODE_CACHE_LEN && text_check(s, n, &at) == TEXT_OK) {
		uint64_t k = code_key(s, n);
		unsigned j = code_slot_of(k, n);
		struct code_slot *e = &p->slot[col][j];
		if (e->len)	/* taken: the second slot, whatever it holds */
			e = &p->slot[col][(j + 1) % CODE_SLOTS];
		e->key = k;
		e->len = (unsigned char)n;
		e->code = (signed char)*v;
		memcpy(e->s, s, n);
	}
	return *v;
}

int
dossier_value(struct dossier_parser *p, int col, const char *s, size_t n,
              struct dossier *d, const char **why)
{
	if (n == 0 && col_required[col]) {
		*why = "required value missing";
		return -1;
	}
	if (col_has_codes(col)) {
		int code;
		if (n == 0 && col != COL_MUC_DO_DVC) {
			d->code[col] = -1;
			return 0;
		}
		code = n ? dossier_code(p, col, s, n) : dossier_code_slow(p, col, s, n);
		if (code < 0) {
			*why = code == -2 ? "names more than one code" : "unknown code";
			return -1;
		}
		d->code[col] = code;
		return 0;
	}
	return dossier_date(p, col, s, n, d, why);
}

int
dossier_date_slow(struct dossier_parser *p, int col, const char *s, size_t n,
                  struct dt *t, unsigned char *has, const char **why)
{
	int err;

	trim(&s, &n);
	if (has)
		*has = n > 0;
	if (n == 0) {
		if (!col_required[col])
			return 0;
		*why = "required value missing";
		return -1;
	}
	if ((err = date_parse_other(s, n, p->date_order, t)) != DATE_OK) {
		*why = date_strerror(err);
		return -1;
	}
	return 0;
}
