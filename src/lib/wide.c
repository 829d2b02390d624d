/* wide.c: wide forms (06a): a column per row of the form file, a row per
 * group of the data. The layout of the file is cchc-table(1)'s, WIDE FORMS:
 *
 *   cot       the number printed under the headings (3, printed "(3)")
 *   ten       the column's name in csv; empty for =nhom (the data's own)
 *   tieu_de   the heading, its levels from the top separated by '>'
 *   nguon     =stt (the row's number), =nhom (the group), the data's
 *             columns added (nop_truc_tiep+nop_buu_chinh), a rate of two
 *             such columns by cot (=5/4), a figure of the form (=80%, =20;
 *             =? when the form does not know it), a score of a rate, a
 *             target and points (=diem(5,6,7))
 *   tong      what the total row holds there: a text for =stt and =nhom
 *             ("Tổng cộng"); a count's total is its rows' sum, a rate's
 *             and a score's are made from the total row's counts
 *   kiem_tra  what a filled form must show: =4+5+6=7+11, this column is
 *             the sum of those (cchc-check --form)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "fold.h"
#include "forms.h"
#include "msg.h"
#include "num.h"

static void
col_free(struct wide_col *c)
{
	size_t i;

	free(c->cot);
	free(c->ten);
	free(c->tieu_de);
	free(c->nguon);
	free(c->tong);
	expr_free(&c->e);
	for (i = 0; i < c->nlevel; i++)
		free(c->level[i]);
	free(c->level);
	for (i = 0; i < c->ncheck; i++) {
		free(c->check[i].col);
		free(c->check[i].text);
	}
	free(c->check);
}

void
wide_free(struct wide_form *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		col_free(&w->col[i]);
	free(w->col);
	memset(w, 0, sizeof *w);
}

/* s[0..n) without spaces around it and the parentheses of "(4)". */
static void
bare_cot(const char **s, size_t *n)
{
	trim(s, n);
	if (*n >= 2 && (*s)[0] == '(' && (*s)[*n - 1] == ')') {
		(*s)++;
		*n -= 2;
		trim(s, n);
	}
}

int
wide_find(const struct wide_form *w, const char *s, size_t n)
{
	size_t i;

	bare_cot(&s, &n);
	for (i = 0; i < w->n; i++)
		if (strlen(w->col[i].cot) == n && memcmp(w->col[i].cot, s, n) == 0)
			return (int)i;
	return -1;
}

static int64_t
pow10_(int n)
{
	int64_t p = 1;

	while (n-- > 0)
		p *= 10;
	return p;
}

/* The heading's levels: tieu_de cut at each '>', each trimmed. */
static int
split_levels(struct wide_col *c)
{
	const char *p = c->tieu_de;

	for (;;) {
		const char *end = strchr(p, '>'), *s = p;
		size_t n = end ? (size_t)(end - p) : strlen(p);
		trim(&s, &n);
		if (n == 0)
			return -1;
		c->level = erealloc(c->level, (c->nlevel + 1) * sizeof *c->level);
		c->level[c->nlevel++] = estrndup(s, n);
		if (!end)
			return 0;
		p = end + 1;
	}
}

/* A figure of the form, =80% or =20: at most 4 decimals, from 0 to
 * 1000000, so that a score made of it is exact in 127 bits. */
enum { CONST_MAX_SCALE = 4, CONST_MAX = 1000000 };

static int
read_const(struct wide_col *c, const char **why)
{
	const char *s = c->nguon + 1;
	size_t n = strlen(s);
	int64_t whole;
	int i;

	trim(&s, &n);
	if (num_decimal(s, n, &c->k, &c->pct) != NUM_OK)
		return -2;	/* no figure: none of the kinds of nguon */
	for (whole = c->k.v, i = 0; i < c->k.scale; i++)
		whole /= 10;
	if (c->k.v < 0 || c->k.scale > CONST_MAX_SCALE || whole > CONST_MAX ||
	    (whole == CONST_MAX && c->k.v != whole * pow10_(c->k.scale))) {
		*why = "a figure of the form is from 0 to 1000000, with at most 4 decimals";
		return -1;
	}
	return 0;
}

int
wide_add_col(struct wide_form *w, char **t, const char *file, unsigned long line,
             char *err, size_t errsz)
{
	struct wide_col c;
	const char *why, *s;
	size_t at, n;
	int ret;

	memset(&c, 0, sizeof c);
	c.e.digits = -1;
	c.cot = t[0];
	c.ten = t[1];
	c.tieu_de = t[2];
	c.nguon = t[3];
	c.tong = t[4];
	c.line = line;
	s = c.cot;
	n = strlen(s);
	bare_cot(&s, &n);
	memmove(c.cot, s, n);
	c.cot[n] = '\0';
	if (n == 0) {
		snprintf(err, errsz, "%s:%lu: a column without cot (the number printed "
		    "under its heading)", file, line);
		goto fail;
	}
	if (split_levels(&c) < 0) {
		snprintf(err, errsz, "%s:%lu: column %s: tieu_de \"%s\": a heading with an "
		    "empty level (levels are separated by '>')", file, line, c.cot, c.tieu_de);
		goto fail;
	}
	if (strcmp(c.nguon, "=stt") == 0) {
		c.kind = WIDE_STT;
	} else if (strcmp(c.nguon, "=nhom") == 0) {
		c.kind = WIDE_GROUP;
	} else if (strcmp(c.nguon, "=?") == 0) {
		c.kind = WIDE_CONST;	/* not known yet: its cells empty, said */
	} else if (strncmp(c.nguon, "=diem(", 6) == 0) {
		c.kind = WIDE_SCORE;	/* its columns are read by wide_link */
	} else if (c.nguon[0] == '=' && strchr(c.nguon, '/')) {
		c.kind = WIDE_RATE;
		c.pct = 1;
	} else if (c.nguon[0] == '=' && c.nguon[1] && (ret = read_const(&c, &why)) != -2) {
		if (ret < 0) {
			snprintf(err, errsz, "%s:%lu: column %s: nguon \"%s\": %s", file, line,
			    c.cot, c.nguon, why);
			goto fail;
		}
		c.kind = WIDE_CONST;
		c.known = 1;
	} else if (c.nguon[0] == '\0' || c.nguon[0] == '=') {
		snprintf(err, errsz, "%s:%lu: column %s: nguon \"%s\": =stt, =nhom, the "
		    "data's columns added (nop_truc_tiep+nop_buu_chinh), a rate of columns "
		    "(=5/4), a figure of the form (=80%%, =20, =? when not known), or a score "
		    "(=diem(6,7,8))", file, line, c.cot, c.nguon);
		goto fail;
	} else if (expr_parse(c.nguon, EXPR_SLASH_IN_NAMES, &c.e, &why, &at) < 0) {
		snprintf(err, errsz, "%s:%lu: column %s: nguon \"%s\": %s (at byte %zu)",
		    file, line, c.cot, c.nguon, why, at + 1);
		goto fail;
	} else {
		c.kind = WIDE_SUM;
	}
	if (c.kind >= WIDE_SUM && c.tong[0]) {
		snprintf(err, errsz, "%s:%lu: column %s: tong \"%s\": the total row of a "
		    "figure column is %s, so tong stays empty", file, line, c.cot, c.tong,
		    c.kind == WIDE_SUM ? "the sum of its rows" : "made from the total row's counts");
		goto fail;
	}
	if (c.kind != WIDE_GROUP && c.ten[0] == '\0') {
		snprintf(err, errsz, "%s:%lu: column %s: no ten (its name in csv)", file, line, c.cot);
		goto fail;
	}
	if (c.kind != WIDE_SUM && t[5][0]) {
		snprintf(err, errsz, "%s:%lu: column %s: kiem_tra \"%s\": only a figure "
		    "column can be checked", file, line, c.cot, t[5]);
		goto fail;
	}
	/* kiem_tra is read when every cot is known (wide_link) */
	c.check = emalloc(sizeof *c.check);
	c.check[0].text = t[5];
	c.check[0].col = NULL;
	c.check[0].n = 0;
	c.ncheck = 1;
	t[5] = NULL;
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 16;
		w->col = erealloc(w->col, w->cap * sizeof *w->col);
	}
	w->col[w->n++] = c;
	return 0;
fail:
	col_free(&c);
	free(t[5]);
	return -1;
}

/* kiem_tra "=4+5+6=7+11": each '=' starts a sum of columns. */
static int
link_checks(struct wide_form *w, struct wide_col *c, const char *name, char *err, size_t errsz)
{
	char *text = c->check[0].text, *p = text;
	size_t n = 0, i;

	free(c->check);
	c->check = NULL;
	c->ncheck = 0;
	if (text[0] == '\0') {
		free(text);
		return 0;
	}
	if (text[0] != '=') {
		snprintf(err, errsz, "%s:%lu: column %s: kiem_tra \"%s\": sums of columns, "
		    "each after '=' (=4+5+6=7+11)", name, c->line, c->cot, text);
		free(text);
		return -1;
	}
	for (p = text; *p; p++)
		n += *p == '=';
	c->check = ecalloc(n, sizeof *c->check);
	for (p = text + 1; ; ) {
		char *end = strchr(p, '='), *term;
		struct wide_check *k = &c->check[c->ncheck++];
		size_t len = end ? (size_t)(end - p) : strlen(p);

		k->text = emalloc(len + 2);
		k->text[0] = '=';
		memcpy(k->text + 1, p, len);
		k->text[len + 1] = '\0';
		k->col = emalloc((len / 2 + 2) * sizeof *k->col);
		for (term = k->text + 1; ; ) {
			char *plus = strchr(term, '+');
			size_t tn = plus ? (size_t)(plus - term) : strlen(term);
			int at = wide_find(w, term, tn);
			if (at < 0 || w->col[at].kind != WIDE_SUM) {
				const char *s = term;
				trim(&s, &tn);
				snprintf(err, errsz, "%s:%lu: column %s: kiem_tra \"%s\": %s %.*s",
				    name, c->line, c->cot, text, at < 0 ? "no column" :
				    "not a figure column:", (int)tn, s);
				free(text);
				return -1;
			}
			k->col[k->n++] = (size_t)at;
			if (!plus)
				break;
			term = plus + 1;
		}
		/* as a message says it: (4)+(5)+(6) */
		free(k->text);
		for (len = 0, i = 0; i < k->n; i++)
			len += strlen(w->col[k->col[i]].cot) + 3;
		k->text = emalloc(len + 1);
		k->text[0] = '\0';
		for (i = 0; i < k->n; i++) {
			strcat(k->text, i ? "+(" : "(");
			strcat(k->text, w->col[k->col[i]].cot);
			strcat(k->text, ")");
		}
		if (!end)
			break;
		p = end + 1;
	}
	free(text);
	return 0;
}

/* The n columns named in s[0..len), separated by sep: each the kind
 * want[i] (a constant's percentage: pct[i], -1 either). */
static int
link_terms(struct wide_form *w, struct wide_col *c, const char *s, size_t len, int sep,
           size_t n, const int *want, const int *pct, const char *name, char *err,
           size_t errsz)
{
	static const char *const kind_said[] = {"the row's number", "the group", "a count",
	    "a rate", "a figure of the form", "a score"};
	const char *p = s, *end = s + len;
	size_t i;

	for (i = 0; i < n; i++) {
		const char *q = memchr(p, sep, (size_t)(end - p));
		size_t tn;
		int at;
		if (!q)
			q = end;
		if ((q == end) != (i + 1 == n)) {
			snprintf(err, errsz, "%s:%lu: column %s: nguon \"%s\": %zu columns, "
			    "separated by '%c'", name, c->line, c->cot, c->nguon, n, sep);
			return -1;
		}
		tn = (size_t)(q - p);
		if ((at = wide_find(w, p, tn)) < 0 || w->col[at].kind != want[i] ||
		    (pct[i] >= 0 && w->col[at].pct != pct[i] && !(want[i] == WIDE_CONST &&
		    !w->col[at].known))) {
			const char *t = p;
			trim(&t, &tn);
			if (at < 0)
				snprintf(err, errsz, "%s:%lu: column %s: nguon \"%s\": no column %.*s",
				    name, c->line, c->cot, c->nguon, (int)tn, t);
			else
				snprintf(err, errsz, "%s:%lu: column %s: nguon \"%s\": column %.*s is "
				    "not %s%s", name, c->line, c->cot, c->nguon, (int)tn, t,
				    kind_said[want[i]], pct[i] == 1 ? " in % (a target)" :
				    pct[i] == 0 ? " without % (points)" : "");
			return -1;
		}
		c->arg[i] = (size_t)at;
		p = q + 1;
	}
	return 0;
}

/* A rate's columns (=5/4, two counts), a score's (=diem(6,7,8): a rate,
 * a target in %, points). */
static int
link_args(struct wide_form *w, struct wide_col *c, const char *name, char *err, size_t errsz)
{
	static const int rate_want[] = {WIDE_SUM, WIDE_SUM}, rate_pct[] = {-1, -1};
	static const int score_want[] = {WIDE_RATE, WIDE_CONST, WIDE_CONST};
	static const int score_pct[] = {-1, 1, 0};
	size_t len = strlen(c->nguon), i;

	if (c->kind == WIDE_RATE)
		return link_terms(w, c, c->nguon + 1, len - 1, '/', 2, rate_want, rate_pct, name,
		    err, errsz);
	if (c->kind != WIDE_SCORE)
		return 0;
	if (c->nguon[len - 1] != ')') {
		snprintf(err, errsz, "%s:%lu: column %s: nguon \"%s\": a score is =diem(RATE,"
		    "TARGET,POINTS), three columns", name, c->line, c->cot, c->nguon);
		return -1;
	}
	if (link_terms(w, c, c->nguon + 6, len - 7, ',', 3, score_want, score_pct, name, err,
	    errsz) < 0)
		return -1;
	i = c->arg[1];	/* a target of 0 would give no score at all */
	if (w->col[i].known && (w->col[i].k.v == 0 || w->col[i].k.v >
	    100 * (int64_t)pow10_(w->col[i].k.scale))) {
		snprintf(err, errsz, "%s:%lu: column %s: nguon \"%s\": the target (%s) is "
		    "above 0%% and at most 100%%", name, c->line, c->cot, c->nguon, w->col[i].cot);
		return -1;
	}
	return 0;
}

int
wide_link(struct wide_form *w, const char *name, char *err, size_t errsz)
{
	size_t i, j, groups = 0, stts = 0;

	if (w->n == 0) {
		snprintf(err, errsz, "%s: a wide form without columns", name);
		return -1;
	}
	for (i = 0; i < w->n; i++) {
		struct wide_col *c = &w->col[i];
		for (j = 0; j < i; j++) {
			if (strcmp(w->col[j].cot, c->cot) == 0) {
				snprintf(err, errsz, "%s:%lu: column %s again (first on line %lu)",
				    name, c->line, c->cot, w->col[j].line);
				return -1;
			}
			if (c->ten[0] && strcmp(w->col[j].ten, c->ten) == 0) {
				snprintf(err, errsz, "%s:%lu: column %s: ten %s again (column %s)",
				    name, c->line, c->cot, c->ten, w->col[j].cot);
				return -1;
			}
		}
		if (c->kind == WIDE_GROUP) {
			w->group = i;
			groups++;
		}
		stts += c->kind == WIDE_STT;
		if (c->nlevel > w->depth)
			w->depth = c->nlevel;
	}
	if (groups != 1 || stts > 1) {
		snprintf(err, errsz, "%s: a wide form has one column =nhom (the group) and at "
		    "most one =stt; this one has %zu and %zu", name, groups, stts);
		return -1;
	}
	for (i = 0; i < w->n; i++)
		if (link_checks(w, &w->col[i], name, err, errsz) < 0)
			return -1;	/* the columns after it keep their text, freed so */
	for (i = 0; i < w->n; i++)
		if (link_args(w, &w->col[i], name, err, errsz) < 0)
			return -1;
	return 0;
}

/* Whether columns a and b have the same heading down to level l. */
static int
same_path(const struct wide_col *a, const struct wide_col *b, size_t l)
{
	size_t i;

	for (i = 0; i <= l; i++)
		if (strcmp(a->level[i], b->level[i]) != 0)
			return 0;
	return 1;
}

size_t
wide_heads(const struct wide_form *w, struct wide_head **cell)
{
	size_t l, c, n = 0;

	*cell = emalloc((w->depth * w->n + 1) * sizeof **cell);
	for (l = 0; l < w->depth; l++)
		for (c = 0; c < w->n; ) {
			const struct wide_col *col = &w->col[c];
			struct wide_head *h;
			size_t e = c + 1;

			if (col->nlevel <= l) {	/* under a heading that reaches down */
				c++;
				continue;
			}
			h = &(*cell)[n++];
			h->level = l;
			h->col = c;
			h->text = col->level[l];
			if (col->nlevel == l + 1) {	/* its last level: to the bottom */
				h->colspan = 1;
				h->rowspan = w->depth - l;
			} else {	/* over the columns below it */
				while (e < w->n && w->col[e].nlevel > l + 1 && same_path(col, &w->col[e], l))
					e++;
				h->colspan = e - c;
				h->rowspan = 1;
			}
			c = e;
		}
	return n;
}
