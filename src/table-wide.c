/* cchc-table's wide forms (06a): one row per group of the tables of one
 * set of key columns (--groups), in Vietnamese alphabetical order, the
 * form's columns, a total row last; filled once (wide_fill), then written
 * in its place of the document with the annex's heading (table-head.c):
 * csv with one header row of names, md, html with the merged heading, txt;
 * the workbook's sheet is table-xlsx.c's. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/collate.h"
#include "lib/fold.h"
#include "lib/forms.h"
#include "lib/msg.h"
#include "lib/num.h"
#include "lib/out.h"
#include "lib/smap.h"
#include "table.h"

/* The groups. */

void
table_group_names(struct table_groups *g, char *const *colname, size_t keys, const char *file)
{
	size_t i, len = 0;
	char *name;

	for (i = 0; i < keys; i++)
		len += strlen(colname[i]) + 1;
	name = emalloc(len + 1);
	name[0] = '\0';
	for (i = 0; i < keys; i++) {
		if (i)
			strcat(name, "/");
		strcat(name, colname[i]);
	}
	for (g->cur = 0; g->cur < g->ntables; g->cur++)
		if (strcmp(g->tables[g->cur].name, name) == 0) {
			free(name);
			return;
		}
	g->tables = erealloc(g->tables, (g->ntables + 1) * sizeof *g->tables);
	g->tables[g->ntables].name = name;
	g->tables[g->ntables].file = file;
	g->cur = g->ntables++;
}

void
table_group_add(struct table_groups *g, const struct csv_row *row, size_t keys,
                const char *key, size_t klen)
{
	struct table_group *x;
	char *folded, *seen, *buf = NULL;
	size_t i, cap = 0, first = 0, n;
	int added;

	if (!g->seen)
		g->seen = smap_new(1);
	/* names are matched folded (cchc-table(1)): groups that fold alike
	 * are one group, as their cells are one cell; a group is its
	 * table's: the same key in a table of other key names is another */
	folded = fold(key, klen);
	n = strlen(folded);
	seen = emalloc(n + 24);
	n = (size_t)snprintf(seen, n + 24, "%zu:%s", g->cur, folded);
	smap_put(g->seen, seen, n, &added);
	free(seen);
	free(folded);
	if (!added)
		return;
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 64;
		g->g = erealloc(g->g, g->cap * sizeof *g->g);
	}
	x = &g->g[g->n++];
	memset(x, 0, sizeof *x);
	x->key = estrndup(key, klen);
	x->klen = klen;
	x->table = g->cur;
	x->sk = g->sklen;
	/* the sort key, column by column, as cchc-sum orders its groups;
	 * cchc-sum --total's row: tong, the other key columns empty */
	x->total = 1;
	for (i = 0; i < keys; i++) {
		const char *s = row->f[i].s;
		size_t len;
		n = row->f[i].n;
		trim(&s, &n);
		len = nfc(s, n, &buf, &cap);
		if (i == 0)
			first = len;
		if (i == 0 ? len != 4 || memcmp(buf, "tong", 4) != 0 : len != 0)
			x->total = 0;
		/* a group tong' sorts as tong, as cchc-sum sorts it */
		collate_key(buf, i == 0 && len > 4 && memcmp(buf, "tong", 4) == 0 &&
		    strspn(buf + 4, "'") == len - 4 ? len - 1 : len, &g->sortkeys, &g->skcap, &g->sklen);
	}
	free(buf);
	x->skn = g->sklen - x->sk;
	/* shown: a group whose first key is tong', tong''... is tong, tong'... */
	x->label = estrndup(key, klen);
	if (first > 4 && memcmp(key, "tong", 4) == 0 && strspn(key + 4, "'") == first - 4)
		memmove(x->label + first - 1, x->label + first, klen - first + 1);
}

/* The tables' key names, for a message: "cap (c.csv) and linh_vuc (l.csv)". */
static char *
tables_said(const struct table_groups *g)
{
	size_t i, len = 1;
	char *s;

	for (i = 0; i < g->ntables; i++)
		len += strlen(g->tables[i].name) + strlen(g->tables[i].file) + 8;
	s = emalloc(len);
	s[0] = '\0';
	for (i = 0; i < g->ntables; i++) {
		if (i)
			strcat(s, i + 1 == g->ntables ? " and " : ", ");
		strcat(s, g->tables[i].name);
		strcat(s, " (");
		strcat(s, g->tables[i].file);
		strcat(s, ")");
	}
	return s;
}

void
table_groups_pick(struct table_groups *g, const char *want, const char *form)
{
	const char *p;
	char *name, *said;
	size_t i, len = 0;

	if (!want) {
		if (g->ntables > 1) {
			said = tables_said(g);
			die("--form %s: a wide form's rows are the groups of one table, and the data "
			    "has tables keyed by %s: name its key columns with --groups (--groups %s)",
			    form, said, g->tables[g->ntables - 1].name);
		}
		if (g->ntables == 1)
			g->keyname = g->tables[0].name;
		return;
	}
	/* cap,linh_vuc or cap/linh_vuc, each name folded, as a header's */
	name = estrndup("", 0);
	for (p = want; *p; ) {
		size_t n = strcspn(p, ",/"), sn = n, fl;
		const char *s = p;
		char *f;
		trim(&s, &sn);
		f = fold(s, sn);
		if (!(fl = strlen(f)))
			die("--groups: an empty column name in \"%s\"", want);
		name = erealloc(name, len + fl + 2);
		if (len)
			name[len++] = '/';
		memcpy(name + len, f, fl + 1);
		len += fl;
		free(f);
		p += n;
		if (*p && !*++p)
			die("--groups: an empty column name in \"%s\"", want);
	}
	for (i = 0; i < g->ntables; i++)
		if (strcmp(g->tables[i].name, name) == 0) {
			g->keyname = g->tables[i].name;
			g->pick = i;
			free(name);
			return;
		}
	if (!g->ntables)
		die("--groups %s: the data has no table (key columns, then counts), only values",
		    want);
	said = tables_said(g);
	die("--groups %s: no table of the data is keyed by %s (its tables are keyed by %s)",
	    want, name, said);
}

void
table_groups_free(struct table_groups *g)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		free(g->g[i].key);
		free(g->g[i].label);
	}
	free(g->g);
	for (i = 0; i < g->ntables; i++)
		free(g->tables[i].name);
	free(g->tables);
	free(g->sortkeys);
	if (g->seen)
		smap_free(g->seen);
	memset(g, 0, sizeof *g);
}

static const char *sort_base;

static int
cmp_group(const void *pa, const void *pb)
{
	const struct table_group *a = pa, *b = pb;

	return collate_keycmp(sort_base + a->sk, a->skn, sort_base + b->sk, b->skn);
}

/* The figures. */

struct wide_fill {
	const struct form *f;
	const struct wide_form *w;
	struct smap *data;
	const char *label;	/* the form's name, when there are several */
	char *name;
	size_t cap;
	unsigned long missing, bad;	/* no value; a value that is no count */
};

/* The count named term of group key, into *v: 0, or -1 (said). */
static int
cell_value(struct wide_fill *x, const struct table_group *grp, const struct wide_col *c,
           const char *term, int64_t *v)
{
	size_t tl = strlen(term), need = grp->klen + tl + 2;
	struct datum *d;
	char *key, q[256], what[512];
	int err;

	if (x->cap < need) {
		x->cap = need;
		x->name = erealloc(x->name, need);
	}
	memcpy(x->name, grp->key, grp->klen);
	x->name[grp->klen] = '.';
	memcpy(x->name + grp->klen + 1, term, tl + 1);
	key = fold(x->name, need - 1);
	d = smap_get(x->data, key, strlen(key));
	free(key);
	if (!d || d->raw[0] == '\0') {
		msg_quote(q, sizeof q, grp->label, strlen(grp->label));
		warnx_("%s%s(%s) %s: %s: no value for %s in the data", x->label ? x->label : "",
		    x->label ? ": " : "", c->cot, c->ten[0] ? c->ten : "", q, term);
		x->missing++;
		return -1;
	}
	if ((err = num_count(d->raw, strlen(d->raw), v)) != NUM_OK) {
		snprintf(what, sizeof what, "%s (%s, for column (%s) of form %s)", num_strerror(err),
		    term, c->cot, x->f->name);
		msg_at(d->file, d->line, NULL, what, d->raw, strlen(d->raw));
		x->bad++;
		return -1;
	}
	return 0;
}

/* The derived columns of row r (r == ng: the total row), from its counts:
 * the rates, the form's figures, then the scores made of them. */
enum { SCORE_DIGITS = 2, RATE_DIGITS = 2 };

static const char *
row_label(const struct wide_fill *x, const struct wide_filled *t, size_t r)
{
	return r < t->ng ? t->gs[r].label : x->w->col[x->w->group].tong;
}

static void
derive(struct wide_fill *x, struct wide_filled *t, size_t r)
{
	const struct wide_form *w = x->w;
	size_t c, base = r * w->n;
	char q[256];
	int pass;

	for (pass = WIDE_RATE; pass <= WIDE_SCORE; pass++)
		for (c = 0; c < w->n; c++) {
			const struct wide_col *col = &w->col[c];
			size_t a = col->arg[0], b = col->arg[1], i = base + c;
			struct dec over, under;

			if (col->kind != pass)
				continue;
			if (pass == WIDE_CONST) {
				t->d[i] = col->k;
				t->ok[i] = (unsigned char)col->known;
			} else if (pass == WIDE_RATE) {
				if (!t->ok[base + a] || !t->ok[base + b])
					continue;	/* the count that is missing was said */
				if (t->v[base + b] == 0) {
					const char *g = row_label(x, t, r);
					msg_quote(q, sizeof q, g, strlen(g));
					warnx_("%s%s(%s) %s: %s: no rate: (%s) %s is 0",
					    x->label ? x->label : "", x->label ? ": " : "", col->cot,
					    col->ten, q, w->col[b].cot, w->col[b].ten);
					x->missing++;
					continue;
				}
				over.v = t->v[base + a];
				under.v = t->v[base + b];
				over.scale = under.scale = 0;
				if (!dec_percent(over, under, RATE_DIGITS, &t->d[i]))
					continue;	/* cannot be: counts fit */
				t->ok[i] = 1;
			} else {
				const struct wide_col *rate = &w->col[a];
				size_t tg = col->arg[1], pt = col->arg[2];
				if (!t->ok[base + a] || !t->ok[base + tg] || !t->ok[base + pt])
					continue;	/* said: the rate's, or the form's =? */
				/* the form's figures are within dec_score's bounds (wide.c) */
				t->ok[i] = (unsigned char)dec_score(t->v[base + rate->arg[0]],
				    t->v[base + rate->arg[1]], t->d[base + tg], t->d[base + pt],
				    SCORE_DIGITS, &t->d[i]);
			}
		}
}

/* Every figure: rows 0..ng-1 the groups, row ng the total; made row by
 * row, so that what is missing is said in the order it is read. */
static void
fill(struct wide_fill *x, struct wide_filled *t)
{
	const struct wide_form *w = x->w;
	size_t r, c, k, ng = t->ng;
	int64_t *total = t->v + ng * w->n;
	unsigned char *total_ok = t->ok + ng * w->n;

	for (c = 0; c < w->n; c++)
		total_ok[c] = w->col[c].kind == WIDE_SUM;
	for (r = 0; r < ng; r++) {
		for (c = 0; c < w->n; c++) {
			const struct wide_col *col = &w->col[c];
			int64_t sum = 0, v;
			int ok = 1;

			if (col->kind != WIDE_SUM)
				continue;
			for (k = 0; k < col->e.nnum; k++) {
				if (cell_value(x, &t->gs[r], col, col->e.num[k], &v) < 0) {
					ok = 0;
					continue;
				}
				if (ok && !num_add(&sum, v)) {
					warnx_("%s%s(%s) %s: the sum %s passes the largest count",
					    x->label ? x->label : "", x->label ? ": " : "", col->cot,
					    col->ten, col->nguon);
					x->missing++;
					ok = 0;
				}
			}
			if (!ok) {
				total_ok[c] = 0;
				continue;
			}
			t->v[r * w->n + c] = sum;
			t->ok[r * w->n + c] = 1;
			if (total_ok[c] && !num_add(&total[c], sum)) {
				warnx_("%s%s(%s) %s: the total passes the largest count",
				    x->label ? x->label : "", x->label ? ": " : "", col->cot, col->ten);
				x->missing++;
				total_ok[c] = 0;
			}
		}
		derive(x, t, r);
	}
	derive(x, t, ng);
}

/* The figures the form does not know (=?): said in one line, before the
 * rows, each column named. */
static void
unknown_consts(struct wide_fill *x)
{
	const struct wide_form *w = x->w;
	size_t c, len = 1;
	char *said;

	for (c = 0; c < w->n; c++)
		if (w->col[c].kind == WIDE_CONST && !w->col[c].known)
			len += strlen(w->col[c].cot) + strlen(w->col[c].ten) + 6;
	if (len == 1)
		return;
	said = emalloc(len);
	said[0] = '\0';
	for (c = 0; c < w->n; c++)
		if (w->col[c].kind == WIDE_CONST && !w->col[c].known) {
			size_t at = strlen(said);
			snprintf(said + at, len - at, "%s(%s) %s", at ? ", " : "", w->col[c].cot,
			    w->col[c].ten);
			x->missing++;
		}
	warnx_("%s%snot in the form (=?, to be filled in): %s: empty, and the scores made "
	    "of them", x->label ? x->label : "", x->label ? ": " : "", said);
	free(said);
}

unsigned long
wide_fill(struct filled *fm, struct smap *data, const struct table_groups *g, const char *label,
          unsigned long *bad)
{
	const struct wide_form *w = fm->f.wide;
	struct wide_filled *t = ecalloc(1, sizeof *t);
	struct wide_fill x;
	size_t i;

	/* the rows: the groups of the tables picked but the total row, which
	 * is made again */
	t->gs = emalloc((g->n + 1) * sizeof *t->gs);
	for (i = 0; i < g->n; i++)
		if (g->keyname && g->g[i].table == g->pick && !g->g[i].total)
			t->gs[t->ng++] = g->g[i];
	sort_base = g->sortkeys;
	qsort(t->gs, t->ng, sizeof *t->gs, cmp_group);
	t->keyname = g->keyname;
	t->v = ecalloc((t->ng + 1) * w->n + 1, sizeof *t->v);
	t->d = ecalloc((t->ng + 1) * w->n + 1, sizeof *t->d);
	t->ok = ecalloc((t->ng + 1) * w->n + 1, 1);
	memset(&x, 0, sizeof x);
	x.f = &fm->f;
	x.w = w;
	x.data = data;
	x.label = label;
	unknown_consts(&x);
	fill(&x, t);
	free(x.name);
	fm->wide = t;
	*bad += x.bad;
	return x.missing;
}

void
wide_filled_free(struct wide_filled *t)
{
	if (!t)
		return;
	free(t->gs);
	free(t->v);
	free(t->d);
	free(t->ok);
	free(t);
}

/* Every cell's text, as csv writes it (text: as md, html and txt show it),
 * in the locale's number style: rows x columns, the total row last. */
static char **
cell_texts(const struct filled *fm, int locale, int text)
{
	const struct wide_form *w = fm->f.wide;
	const struct wide_filled *t = fm->wide;
	size_t nrows = t->ng + 1, r, c;
	char **cell = ecalloc(nrows * w->n + 1, sizeof *cell), buf[64];
	const char *s;

	for (r = 0; r < nrows; r++)
		for (c = 0; c < w->n; c++) {
			const struct wide_col *col = &w->col[c];
			size_t i = r * w->n + c;
			if (r == t->ng && col->kind < WIDE_SUM) {
				s = col->tong;
			} else if (col->kind == WIDE_STT) {
				snprintf(buf, sizeof buf, "%zu", r + 1);
				s = buf;
			} else if (col->kind == WIDE_GROUP) {
				s = t->gs[r].label;
			} else if (t->ok[i] && col->kind > WIDE_SUM) {
				num_format_dec(t->d[i], locale == 'v' ? ',' : '.',
				    locale == 'v' ? '.' : locale == 'e' ? ',' : 0, buf);
				s = buf;
			} else if (t->ok[i]) {
				num_format_count(t->v[i], locale == 'v' ? '.' : locale == 'e' ? ',' : 0,
				    buf);
				s = buf;
			} else {
				s = "";
			}
			cell[i] = text ? shown(s) : estrndup(s, strlen(s));
		}
	return cell;
}

/* The writers. */

static void
write_csv(const struct wide_form *w, char **cell, size_t nrows, const char *keyname)
{
	size_t r, c;

	for (c = 0; c < w->n; c++)
		out_fieldz(out_stdout, w->col[c].ten[0] ? w->col[c].ten :
		    keyname ? keyname : "nhom");
	out_endrow(out_stdout);
	for (r = 0; r < nrows; r++) {
		for (c = 0; c < w->n; c++)
			out_fieldz(out_stdout, cell[r * w->n + c]);
		out_endrow(out_stdout);
	}
}

/* md has one header row and no merged cells: the heading's top level is
 * that row, the levels below and the numbers are the first rows, in bold;
 * a cell over several columns is written in its first. */
static void
write_md(const struct wide_form *w, char **cell, size_t nrows, const struct wide_head *h,
         size_t nh)
{
	size_t l, c, r, i;

	for (l = 0; l <= w->depth; l++) {
		out_str(out_stdout, "|");
		for (c = 0; c < w->n; c++) {
			const char *text = NULL;
			char num[64];
			if (l == w->depth) {
				snprintf(num, sizeof num, "(%s)", w->col[c].cot);
				text = num;
			}
			for (i = 0; i < nh && !text; i++)
				if (h[i].level == l && h[i].col == c)
					text = h[i].text;
			if (text && l > 0) {
				char *s = shown(text);
				out_str(out_stdout, " **");
				put_escaped_md(s);
				out_str(out_stdout, "** |");
				free(s);
			} else if (text) {
				char *s = shown(text);
				out_str(out_stdout, " ");
				put_escaped_md(s);
				out_str(out_stdout, " |");
				free(s);
			} else {
				out_str(out_stdout, " |");
			}
		}
		out_str(out_stdout, "\n");
		if (l == 0) {
			out_str(out_stdout, "|");
			for (c = 0; c < w->n; c++)
				out_str(out_stdout, w->col[c].kind == WIDE_GROUP ? "---|" : "---:|");
			out_str(out_stdout, "\n");
		}
	}
	for (r = 0; r < nrows; r++) {
		int total = r == nrows - 1;
		out_str(out_stdout, "|");
		for (c = 0; c < w->n; c++) {
			const char *s = cell[r * w->n + c];
			int bold = total && s[0];
			if (!s[0]) {
				out_str(out_stdout, " |");
				continue;
			}
			out_str(out_stdout, bold ? " **" : " ");
			put_escaped_md(s);
			out_str(out_stdout, bold ? "** |" : " |");
		}
		out_str(out_stdout, "\n");
	}
}

static void
write_html(const struct wide_form *w, char **cell, size_t nrows, const struct wide_head *h,
           size_t nh)
{
	size_t l, c, r, i;
	char num[64];

	out_str(out_stdout, "<table class=\"rong\">\n<thead>\n");
	for (l = 0, i = 0; l < w->depth; l++) {
		out_str(out_stdout, "<tr>");
		for (; i < nh && h[i].level == l; i++) {
			char *s = shown(h[i].text);
			out_str(out_stdout, "<th");
			if (h[i].rowspan > 1) {
				snprintf(num, sizeof num, " rowspan=\"%zu\"", h[i].rowspan);
				out_str(out_stdout, num);
			}
			if (h[i].colspan > 1) {
				snprintf(num, sizeof num, " colspan=\"%zu\"", h[i].colspan);
				out_str(out_stdout, num);
			}
			out_str(out_stdout, ">");
			put_escaped_html(s);
			out_str(out_stdout, "</th>");
			free(s);
		}
		out_str(out_stdout, "</tr>\n");
	}
	out_str(out_stdout, "<tr class=\"cot\">");
	for (c = 0; c < w->n; c++) {
		char *s;
		snprintf(num, sizeof num, "(%s)", w->col[c].cot);
		s = shown(num);
		out_str(out_stdout, "<th>");
		put_escaped_html(s);
		out_str(out_stdout, "</th>");
		free(s);
	}
	out_str(out_stdout, "</tr>\n</thead>\n<tbody>\n");
	for (r = 0; r < nrows; r++) {
		out_str(out_stdout, r == nrows - 1 ? "<tr class=\"tong\">" : "<tr>");
		for (c = 0; c < w->n; c++) {
			out_str(out_stdout, w->col[c].kind == WIDE_GROUP ? "<td>" : "<td class=\"so\">");
			put_escaped_html(cell[r * w->n + c]);
			out_str(out_stdout, "</td>");
		}
		out_str(out_stdout, "</tr>\n");
	}
	out_str(out_stdout, "</tbody>\n</table>\n");
}

/* The widest word of s, in display columns. */
static size_t
widest_word(const char *s)
{
	size_t best = 0;

	while (*s) {
		size_t n = strcspn(s, " "), w = width(s, n);
		if (w > best)
			best = w;
		s += n;
		s += strspn(s, " ");
	}
	return best;
}

/* txt: the heading's cells centred over the columns they span, a rule of
 * dashes under a cell over several columns, the numbers, a rule, then the
 * rows: numbers to the right, the group to the left, wrapped past 40. */
enum { TXT_GROUP_MAX = 40, TXT_HEAD_MIN = 12 };

static size_t
span_width(const size_t *wd, size_t col, size_t colspan)
{
	size_t i, sum = 0;

	for (i = col; i < col + colspan; i++)
		sum += wd[i] + (i > col ? 2 : 0);
	return sum;
}

static const struct wide_head *sort_heads;

static int
cmp_head_col(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;

	return sort_heads[a].col < sort_heads[b].col ? -1 : sort_heads[a].col > sort_heads[b].col;
}

static void
write_txt(const struct wide_form *w, char **cell, size_t nrows, struct wide_head *h,
          size_t nh)
{
	size_t *wd = ecalloc(w->n + 1, sizeof *wd), *lines, *start, i, c, r, l, y, total;
	char **num = emalloc((w->n + 1) * sizeof *num), **head = emalloc((nh + 1) * sizeof *head);
	struct lines *hl = ecalloc(nh + 1, sizeof *hl), *bl = ecalloc(w->n + 1, sizeof *bl);
	size_t *order = emalloc((nh + 1) * sizeof *order);

	for (c = 0; c < w->n; c++) {
		char buf[64];
		snprintf(buf, sizeof buf, "(%s)", w->col[c].cot);
		num[c] = shown(buf);
		wd[c] = width(num[c], strlen(num[c]));
		for (r = 0; r < nrows; r++) {
			size_t cw = width(cell[r * w->n + c], strlen(cell[r * w->n + c]));
			if (w->col[c].kind == WIDE_GROUP && cw > TXT_GROUP_MAX)
				cw = TXT_GROUP_MAX;
			if (cw > wd[c])
				wd[c] = cw;
		}
	}
	for (i = 0; i < nh; i++) {	/* a column is as wide as its own heading's words */
		size_t ww, tw;
		head[i] = shown(h[i].text);
		if (h[i].colspan != 1)
			continue;
		ww = widest_word(head[i]);
		tw = width(head[i], strlen(head[i]));
		if (tw > TXT_HEAD_MIN)
			tw = TXT_HEAD_MIN;
		if (ww > wd[h[i].col])
			wd[h[i].col] = ww;
		if (tw > wd[h[i].col])
			wd[h[i].col] = tw;
	}
	for (i = 0; i < nh; i++) {	/* and a span as wide as its widest word */
		size_t ww = widest_word(head[i]), sw = span_width(wd, h[i].col, h[i].colspan);
		if (ww > sw)
			wd[h[i].col + h[i].colspan - 1] += ww - sw;
	}
	/* each level's lines: its cells' wrapped lines, and a line for the rule
	 * under a span; a cell reaching down takes lines of the levels below */
	lines = ecalloc(w->depth + 1, sizeof *lines);
	start = ecalloc(w->depth + 2, sizeof *start);
	for (i = 0; i < nh; i++) {
		wrap(head[i], span_width(wd, h[i].col, h[i].colspan), &hl[i]);
		if (h[i].rowspan == 1 && hl[i].n + (h[i].colspan > 1) > lines[h[i].level])
			lines[h[i].level] = hl[i].n + (h[i].colspan > 1);
	}
	for (i = 0; i < nh; i++) {
		size_t have = 0, bottom = h[i].level + h[i].rowspan - 1;
		if (h[i].rowspan == 1)
			continue;
		for (l = h[i].level; l <= bottom; l++)
			have += lines[l];
		if (hl[i].n > have)
			lines[bottom] += hl[i].n - have;
	}
	for (l = 0; l < w->depth; l++)
		start[l + 1] = start[l] + lines[l];
	total = start[w->depth];
	/* a line's cells, left to right: the heads in the order of their columns */
	for (i = 0; i < nh; i++)
		order[i] = i;
	sort_heads = h;
	qsort(order, nh, sizeof *order, cmp_head_col);
	for (y = 0; y < total; y++) {
		size_t oi;
		for (oi = 0; oi < nh; oi++) {
			const struct wide_head *x = &h[order[oi]];
			const struct lines *xl = &hl[order[oi]];
			size_t first = start[x->level], end = start[x->level + x->rowspan];
			size_t sw = span_width(wd, x->col, x->colspan), rule = x->colspan > 1;
			size_t top = end - rule - xl->n;	/* the text sits at the bottom */
			if (y < first || y >= end)
				continue;
			if (x->col)
				pad(2);
			if (rule && y == end - 1) {
				size_t k;
				for (k = 0; k < sw; k++)
					put_text("-", 1);
			} else if (y >= top && y < end - rule) {
				size_t li = y - top, tw = width(xl->start[li], xl->len[li]);
				pad((sw - tw) / 2);
				put_text(xl->start[li], xl->len[li]);
				pad(sw - tw - (sw - tw) / 2);
			} else {
				pad(sw);
			}
		}
		end_line();
	}
	for (c = 0; c < w->n; c++) {	/* the numbers, centred */
		size_t tw = width(num[c], strlen(num[c]));
		if (c)
			pad(2);
		pad((wd[c] - tw) / 2);
		put_text(num[c], strlen(num[c]));
		pad(wd[c] - tw - (wd[c] - tw) / 2);
	}
	end_line();
	for (c = 0; c < w->n; c++) {
		size_t k;
		if (c)
			pad(2);
		for (k = 0; k < wd[c]; k++)
			put_text("-", 1);
	}
	end_line();
	for (r = 0; r < nrows; r++) {
		size_t most = 1, li;
		for (c = 0; c < w->n; c++) {
			wrap(cell[r * w->n + c], wd[c], &bl[c]);
			if (bl[c].n > most)
				most = bl[c].n;
		}
		for (li = 0; li < most; li++) {
			for (c = 0; c < w->n; c++) {
				size_t cw = li < bl[c].n ? width(bl[c].start[li], bl[c].len[li]) : 0;
				int left = w->col[c].kind == WIDE_GROUP;
				if (c)
					pad(2);
				if (!left)
					pad(wd[c] - cw);
				if (li < bl[c].n)
					put_text(bl[c].start[li], bl[c].len[li]);
				if (left)
					pad(wd[c] - cw);
			}
			end_line();
		}
	}
	for (i = 0; i < nh; i++) {
		free(head[i]);
		free(hl[i].start);
		free(hl[i].len);
	}
	for (c = 0; c < w->n; c++) {
		free(num[c]);
		free(bl[c].start);
		free(bl[c].len);
	}
	free(head);
	free(order);
	free(hl);
	free(bl);
	free(num);
	free(wd);
	free(lines);
	free(start);
}

void
wide_write(const struct filled *fm, const struct style *st, const struct place *pl)
{
	const struct form *f = &fm->f;
	const struct wide_form *w = f->wide;
	size_t i, nh, nrows = fm->wide->ng + 1;
	struct wide_head *h;
	char **cell = cell_texts(fm, st->locale, st->fmt != FMT_CSV), *title, *subtitle;

	nh = wide_heads(w, &h);
	title = shown(f->title);
	subtitle = shown(f->subtitle);
	/* the form's title and the heading around the table, as a row
	 * form's (cchc-table.c's write_form) */
	switch (st->fmt) {
	case FMT_CSV:
		write_csv(w, cell, nrows, fm->wide->keyname);
		break;
	case FMT_MD:
		form_top(st, pl, title, subtitle);
		write_md(w, cell, nrows, h, nh);
		if (pl->last)
			notes_md(pl->h);
		break;
	case FMT_HTML:
		form_top(st, pl, title, subtitle);
		write_html(w, cell, nrows, h, nh);
		if (pl->last) {
			if (st->chart)
				table_chart(st);
			notes_html(pl->h);
			html_end();
		}
		break;
	case FMT_TXT:
		form_top(st, pl, title, subtitle);
		write_txt(w, cell, nrows, h, nh);
		if (pl->last)
			notes_txt(pl->h);
		break;
	}
	for (i = 0; i < nrows * w->n; i++)
		free(cell[i]);
	free(cell);
	free(h);
	free(title);
	free(subtitle);
}
