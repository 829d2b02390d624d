#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "fold.h"
#include "forms.h"
#include "msg.h"
#include "smap.h"

struct loader {
	struct form *f;
	char *err;
	size_t errsz;
	int failed;
	char *buf;
	size_t cap;
};

static const char *const form_cols[] = {"stt", "chi_tieu", "don_vi", "nguon", "ghi_chu"};
static const char *const wide_cols[] = {"cot", "ten", "tieu_de", "nguon", "tong", "kiem_tra"};
enum { NFORM_COLS = 5, NWIDE_COLS = 6 };

static char *
field_text(struct loader *l, const struct csv_field *x)
{
	const char *s = x->s;
	size_t n = x->n, at, len;

	if (text_check(s, n, &at) != TEXT_OK)
		return NULL;
	trim(&s, &n);
	len = nfc(s, n, &l->buf, &l->cap);
	return estrndup(l->buf, len);
}

/* Whether the folded fields t[0..n) are the names want[0..n). */
static int
header_is(char **t, size_t nf, const char *const *want, size_t n)
{
	size_t i;
	int same = nf == n;

	for (i = 0; i < n && same; i++) {
		char *f = fold(t[i], strlen(t[i]));
		same = strcmp(f, want[i]) == 0;
		free(f);
	}
	return same;
}

/* nguon, and after a '|' the one taken when the data lacks a name of it. */
static int
parse_nguon(struct loader *l, const struct csv_row *row, struct form_row *r)
{
	const char *why, *bar = strchr(r->nguon, '|');
	size_t at;
	char *first;
	int bad;

	first = estrndup(r->nguon, bar ? (size_t)(bar - r->nguon) : strlen(r->nguon));
	bad = expr_parse(first, EXPR_SLASH_IN_NAMES, &r->e, &why, &at) < 0;
	free(first);
	if (!bad && bar) {
		if (r->e.rows) {
			why = "'|' gives another source for names, not for rows";
			at = (size_t)(bar - r->nguon);
			bad = 1;
		} else if (strchr(bar + 1, '|')) {
			why = "a second '|': a row has one other source";
			at = (size_t)(strchr(bar + 1, '|') - r->nguon);
			bad = 1;
		} else if (expr_parse(bar + 1, EXPR_SLASH_IN_NAMES, &r->alt, &why, &at) < 0) {
			at += (size_t)(bar + 1 - r->nguon);
			bad = 1;
		} else if (r->alt.rows) {
			why = "'|' gives another source for names, not for rows";
			at = (size_t)(bar + 1 - r->nguon);
			bad = 1;
		} else {
			r->has_alt = 1;
		}
	}
	if (bad) {
		snprintf(l->err, l->errsz, "%s:%lu: %s: nguon \"%s\": %s (at byte %zu)",
		    row->file, row->line, r->stt, r->nguon, why, at + 1);
		l->failed = 1;
		return 1;
	}
	return 0;
}

/* An stt as rows are found by it: spaces and tabs around it and a
 * trailing '.' dropped, then the spaces before that '.' ("3.1 ." is 3.1):
 * the one normalisation of a row's key and of every look-up. */
static void
stt_key(const char **s, size_t *n)
{
	int pass;

	for (pass = 0; pass < 2; pass++) {
		while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
			(*n)--;
		while (*n && (**s == ' ' || **s == '\t'))
			(*s)++, (*n)--;
		if (pass == 0 && *n > 1 && (*s)[*n - 1] == '.')
			(*n)--;
	}
}

static int
on_form_row(struct csv_row *row, void *ctx)
{
	struct loader *l = ctx;
	struct form_row *r;
	size_t i, at, want = l->f->wide ? NWIDE_COLS : NFORM_COLS;
	char *t[NWIDE_COLS];

	if (row->err) {
		char what[256];
		csvin_error_text(row, what, sizeof what);
		snprintf(l->err, l->errsz, "%s:%lu: %s%s", row->file, row->line,
		    row->rec == 0 ? "header: " : "", what);
		l->failed = 1;
		return 1;
	}
	if (row->rec == 0 && row->nf == NWIDE_COLS)
		want = NWIDE_COLS;
	if (row->nf != want) {
		if (row->rec == 0)
			snprintf(l->err, l->errsz, "%s:%lu: a form's header is "
			    "stt,chi_tieu,don_vi,nguon,ghi_chu (or, a wide form's, "
			    "cot,ten,tieu_de,nguon,tong,kiem_tra); this one has %zu fields",
			    row->file, row->line, row->nf);
		else if (l->f->wide)
			snprintf(l->err, l->errsz, "%s:%lu: a wide form's row has 6 fields, "
			    "cot,ten,tieu_de,nguon,tong,kiem_tra; this one has %zu", row->file,
			    row->line, row->nf);
		else
			snprintf(l->err, l->errsz, "%s:%lu: a form row has 5 fields, "
			    "stt,chi_tieu,don_vi,nguon,ghi_chu; this one has %zu", row->file,
			    row->line, row->nf);
		l->failed = 1;
		return 1;
	}
	for (i = 0; i < want; i++)
		if ((t[i] = field_text(l, &row->f[i])) == NULL) {
			int bad = text_check(row->f[i].s, row->f[i].n, &at);
			snprintf(l->err, l->errsz, "%s:%lu: %s", row->file, row->line, bad == TEXT_NUL ?
			    "a NUL byte in a field" : text_advice(row->f[i].s, row->f[i].n, at));
			while (i > 0)
				free(t[--i]);
			l->failed = 1;
			return 1;
		}
	if (row->rec == 0) {
		if (want == NWIDE_COLS && header_is(t, want, wide_cols, NWIDE_COLS))
			l->f->wide = ecalloc(1, sizeof *l->f->wide);
		else if (!header_is(t, want, form_cols, NFORM_COLS)) {
			snprintf(l->err, l->errsz, "%s:%lu: a form's header is "
			    "stt,chi_tieu,don_vi,nguon,ghi_chu (or, a wide form's, "
			    "cot,ten,tieu_de,nguon,tong,kiem_tra)", row->file, row->line);
			l->failed = 1;
		}
		for (i = 0; i < want; i++)
			free(t[i]);
		return l->failed;
	}
	if (l->f->wide) {
		if (wide_add_col(l->f->wide, t, row->file, row->line, l->err, l->errsz) < 0) {
			l->failed = 1;
			return 1;
		}
		return 0;
	}
	if (l->f->n == l->f->cap) {
		l->f->cap = l->f->cap ? 2 * l->f->cap : 64;
		l->f->row = erealloc(l->f->row, l->f->cap * sizeof *l->f->row);
	}
	r = &l->f->row[l->f->n++];
	memset(r, 0, sizeof *r);
	r->stt = t[0];
	r->chi_tieu = t[1];
	r->don_vi = t[2];
	r->nguon = t[3];
	r->ghi_chu = t[4];
	r->line = row->line;
	r->e.digits = -1;
	r->alt.digits = -1;
	{
		const char *k = r->stt;
		size_t kn = strlen(k);
		stt_key(&k, &kn);
		r->key = estrndup(k, kn);
	}
	r->pct = strcmp(r->don_vi, "%") == 0;
	if (r->key[0] == '\0') {
		snprintf(l->err, l->errsz, "%s:%lu: a row without stt", row->file, row->line);
		l->failed = 1;
		return 1;
	}
	if (r->nguon[0])
		return parse_nguon(l, row, r);
	return 0;
}

int
form_builtin(size_t i, const char **name, const char **title,
             const char **subtitle, const char **text)
{
	/* index.csv lists them: ten,tieu_de,mo_ta; parsed once, by hand, since
	 * it is ours and simple: a quoted mo_ta may hold commas */
	static struct { char *name, *title, *sub; } idx[16];
	static size_t nidx;
	size_t k;

	if (nidx == 0) {
		const char *p = embedded_forms[0].text, *e;
		p = strchr(p, '\n') + 1;	/* the header */
		while (*p && nidx < 16) {
			const char *c1 = strchr(p, ','), *c2 = strchr(c1 + 1, ',');
			e = strchr(p, '\n');
			idx[nidx].name = estrndup(p, (size_t)(c1 - p));
			idx[nidx].title = estrndup(c1 + 1, (size_t)(c2 - c1 - 1));
			if (c2[1] == '"')
				idx[nidx].sub = estrndup(c2 + 2, (size_t)(e - c2 - 3));
			else
				idx[nidx].sub = estrndup(c2 + 1, (size_t)(e - c2 - 1));
			nidx++;
			p = e + 1;
		}
	}
	if (i >= nidx)
		return 0;
	*name = idx[i].name;
	*title = idx[i].title;
	*subtitle = idx[i].sub;
	*text = NULL;
	for (k = 1; embedded_forms[k].name; k++)
		if (strcmp(embedded_forms[k].name, idx[i].name) == 0)
			*text = embedded_forms[k].text;
	return 1;
}

/* The index of stt keys, each '=' term's row, and no row that comes round
 * to itself; one stt per row. Linear in the rows and terms. */
static int
link_rows(struct form *f, char *err, size_t errsz)
{
	size_t i, k, dup = SIZE_MAX, dup_first = 0, *stack;
	unsigned char *state;

	f->index = smap_new(sizeof(size_t));
	for (i = 0; i < f->n; i++) {
		int added;
		size_t *at = smap_put(f->index, f->row[i].key, strlen(f->row[i].key), &added);
		if (added)
			*at = i;
		else if (dup == SIZE_MAX) {
			dup = i;	/* said last, as before the index */
			dup_first = *at;
		}
	}
	for (i = 0; i < f->n; i++) {
		struct form_row *r = &f->row[i];
		if (!r->e.rows)
			continue;
		r->ref = emalloc((r->e.nnum + r->e.nden + 1) * sizeof *r->ref);
		for (k = 0; k < r->e.nnum + r->e.nden; k++) {
			const char *t = k < r->e.nnum ? r->e.num[k] : r->e.den[k - r->e.nnum];
			if ((r->ref[k] = form_find(f, t, strlen(t))) < 0) {
				snprintf(err, errsz, "%s:%lu: %s: nguon \"%s\" names no row %s",
				    f->name, r->line, r->stt, r->nguon, t);
				return -1;
			}
		}
	}
	/* depth-first search for a cycle, on a stack of (row, next term)
	 * pairs: state 1 on the path, 2 done */
	state = ecalloc(f->n + 1, 1);
	stack = emalloc((f->n + 1) * 2 * sizeof *stack);
	for (i = 0; i < f->n; i++) {
		size_t sp = 0;
		if (state[i])
			continue;
		stack[sp++] = i;
		stack[sp++] = 0;
		state[i] = 1;
		while (sp) {
			size_t at = stack[sp - 2], next = stack[sp - 1], to;
			struct form_row *r = &f->row[at];
			size_t nref = r->e.rows ? r->e.nnum + r->e.nden : 0;
			if (next == nref) {
				state[at] = 2;
				sp -= 2;
				continue;
			}
			stack[sp - 1]++;
			to = (size_t)r->ref[next];
			if (state[to] == 1) {
				snprintf(err, errsz, "%s:%lu: %s: nguon \"%s\" comes round to itself through %s",
				    f->name, r->line, r->stt, r->nguon, f->row[to].stt);
				free(stack);
				free(state);
				return -1;
			}
			if (state[to] == 0) {	/* a row is on the path once: n pairs at most */
				state[to] = 1;
				stack[sp++] = to;
				stack[sp++] = 0;
			}
		}
	}
	free(stack);
	free(state);
	if (dup != SIZE_MAX) {
		snprintf(err, errsz, "%s:%lu: stt %s again (first on line %lu)",
		    f->name, f->row[dup].line, f->row[dup].stt, f->row[dup_first].line);
		return -1;
	}
	return 0;
}

int
form_load(const char *arg, struct form *f, char *err, size_t errsz)
{
	struct loader l;
	const char *name, *title, *sub, *text;
	size_t i;
	int r = -1;

	memset(f, 0, sizeof *f);
	memset(&l, 0, sizeof l);
	l.f = f;
	l.err = err;
	l.errsz = errsz;
	for (i = 0; form_builtin(i, &name, &title, &sub, &text); i++)
		if (strcmp(name, arg) == 0 && text) {
			f->name = estrndup(name, strlen(name));
			f->title = estrndup(title, strlen(title));
			f->subtitle = estrndup(sub, strlen(sub));
			r = csvin_read_mem(f->name, text, strlen(text), ',', on_form_row, &l, NULL);
			break;
		}
	if (!f->name) {
		const char *base = strrchr(arg, '/');
		f->name = estrndup(arg, strlen(arg));
		f->title = estrndup(base ? base + 1 : arg, strlen(base ? base + 1 : arg));
		f->subtitle = estrndup("", 0);
		r = csvin_read(arg, ',', on_form_row, &l, NULL);
		if (r == CSVIN_EOPEN || r == CSVIN_EREAD) {
			snprintf(err, errsz, "%s: no built-in form of that name, and no form file: %s",
			    arg, strerror(errno));
			free(l.buf);
			return -1;
		}
	}
	free(l.buf);
	if (l.failed)
		return -1;
	if (r != CSVIN_OK) {	/* a workbook, UTF-16...: said, with what converts it */
		csvin_option_text(r, arg, err, errsz);
		return -1;
	}
	if (f->wide)
		return wide_link(f->wide, arg, err, errsz);
	if (f->n == 0) {
		snprintf(err, errsz, "%s: a form without rows", arg);
		return -1;
	}
	return link_rows(f, err, errsz);
}

int
form_load_mem(const char *name, const char *text, size_t len, struct form *f,
              char *err, size_t errsz)
{
	struct loader l;
	int r;

	memset(f, 0, sizeof *f);
	memset(&l, 0, sizeof l);
	l.f = f;
	l.err = err;
	l.errsz = errsz;
	f->name = estrndup(name, strlen(name));
	f->title = estrndup(name, strlen(name));
	f->subtitle = estrndup("", 0);
	r = csvin_read_mem(f->name, text, len, ',', on_form_row, &l, NULL);
	free(l.buf);
	if (l.failed)
		return -1;
	if (r != CSVIN_OK) {
		snprintf(err, errsz, "%s: cannot read the form", name);
		return -1;
	}
	if (f->wide)
		return wide_link(f->wide, name, err, errsz);
	if (f->n == 0) {
		snprintf(err, errsz, "%s: a form without rows", name);
		return -1;
	}
	return link_rows(f, err, errsz);
}

void
form_free(struct form *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		struct form_row *r = &f->row[i];
		free(r->stt);
		free(r->key);
		free(r->chi_tieu);
		free(r->don_vi);
		free(r->nguon);
		free(r->ghi_chu);
		free(r->ref);
		expr_free(&r->e);
		expr_free(&r->alt);
	}
	if (f->wide) {
		wide_free(f->wide);
		free(f->wide);
	}
	free(f->row);
	smap_free(f->index);
	free(f->name);
	free(f->title);
	free(f->subtitle);
	memset(f, 0, sizeof *f);
}

int
form_find(const struct form *f, const char *stt, size_t n)
{
	size_t *at;

	stt_key(&stt, &n);
	if (!f->index || n == 0)
		return -1;
	at = smap_get(f->index, stt, n);
	return at ? (int)*at : -1;
}

/* Evaluation. */
enum { UNMADE = 0, BUSY, MADE };

/* A row being made: where it is in its terms. */
struct frame {
	size_t row, k;		/* the row, and its next term */
	int below, ok;		/* at the terms under the '/'; no term failed */
	int started, alt;	/* its source chosen; the one after '|' */
	struct dec sum, above;
};

/* Whether the data has every name of e. */
static int
has_all(const struct expr *e, const struct form_eval_ops *ops, void *ctx)
{
	size_t k;

	for (k = 0; k < e->nnum + e->nden; k++)
		if (!ops->has(ctx, k < e->nnum ? e->num[k] : e->den[k - e->nnum]))
			return 0;
	return 1;
}

static void
say(const struct form_eval_ops *ops, void *ctx, size_t row, const char *fmt, const char *a)
{
	char why[512];

	snprintf(why, sizeof why, fmt, a);
	ops->missing(ctx, row, why);
}

/* Goes on with fr's row, term by term: returns a row whose figure it needs
 * and that is not made yet (fr stays at that term), or -1 when fr's figure
 * is in fig. */
static long
eval_step(const struct form *f, struct fig *fig, const unsigned char *state,
          struct frame *fr, const struct form_eval_ops *ops, void *ctx)
{
	const struct form_row *r = &f->row[fr->row];
	const struct expr *e;
	struct fig *g = &fig[fr->row];

	g->ok = 0;
	g->d.v = 0;
	g->d.scale = 0;
	if (r->e.nnum == 0)	/* a heading */
		return -1;
	if (!fr->started) {
		fr->started = 1;
		fr->alt = r->has_alt && ops->has && !has_all(&r->e, ops, ctx);
	}
	e = fr->alt ? &r->alt : &r->e;
	for (;;) {
		size_t n = fr->below ? e->nden : e->nnum;
		char **terms = fr->below ? e->den : e->num;
		const int *ref = r->ref ? r->ref + (fr->below ? r->e.nnum : 0) : NULL;

		for (; fr->k < n; fr->k++) {
			struct dec d;
			if (r->e.rows) {
				size_t to = (size_t)ref[fr->k];
				if (state[to] == UNMADE)
					return (long)to;
				if (state[to] != MADE || !fig[to].ok) {
					fr->ok = 0;	/* its own message said why */
					continue;
				}
				d = fig[to].d;
			} else if (ops->value(ctx, fr->row, terms[fr->k], &d) < 0) {
				fr->ok = 0;
				continue;
			}
			if (fr->ok && !dec_add(fr->sum, d, &fr->sum)) {
				say(ops, ctx, fr->row, "the sum passes the largest number (%s)", r->nguon);
				fr->ok = 0;
			}
		}
		if (!fr->ok)
			return -1;
		if (fr->below)
			break;
		if (e->nden == 0) {
			g->ok = 1;
			g->d = fr->sum;
			return -1;
		}
		fr->above = fr->sum;
		fr->sum.v = 0;
		fr->sum.scale = 0;
		fr->below = 1;
		fr->k = 0;
	}
	if (fr->sum.v == 0) {
		say(ops, ctx, fr->row, "no rate: %s has a zero denominator", r->nguon);
		return -1;
	}
	if (!dec_percent(fr->above, fr->sum, e->digits >= 0 ? e->digits : 2, &g->d)) {
		say(ops, ctx, fr->row, "the rate %s is past the largest number", r->nguon);
		return -1;
	}
	g->ok = 1;
	return -1;
}

void
form_eval(const struct form *f, struct fig *fig, const struct form_eval_ops *ops, void *ctx)
{
	unsigned char *state = ecalloc(f->n + 1, 1);
	struct frame *stack = NULL;
	size_t i, sp = 0, cap = 0;

	for (i = 0; i < f->n; i++) {
		size_t next = i;
		if (state[i] != UNMADE)
			continue;
		for (;;) {
			long need;
			if (next != SIZE_MAX) {	/* start a row */
				if (sp == cap) {
					cap = cap ? 2 * cap : 64;
					stack = erealloc(stack, cap * sizeof *stack);
				}
				memset(&stack[sp], 0, sizeof stack[sp]);
				stack[sp].row = next;
				stack[sp].ok = 1;
				sp++;
				state[next] = BUSY;
			}
			need = eval_step(f, fig, state, &stack[sp - 1], ops, ctx);
			if (need >= 0) {
				next = (size_t)need;
				continue;
			}
			state[stack[--sp].row] = MADE;
			if (ops->made)
				ops->made(ctx, stack[sp].row);
			if (sp == 0)
				break;
			next = SIZE_MAX;	/* back to the row that waited */
		}
	}
	free(stack);
	free(state);
}
