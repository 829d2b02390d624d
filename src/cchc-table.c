/* cchc-table: fill an annex form from count tables and named values. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "lib/csvin.h"
#include "lib/date.h"
#include "lib/fold.h"
#include "lib/forms.h"
#include "lib/msg.h"
#include "lib/msgs.h"
#include "lib/num.h"
#include "lib/out.h"
#include "lib/period.h"
#include "lib/smap.h"
#include "table.h"

static void
usage(FILE *fp)
{
	fputs("usage: cchc-table --form NAME|FILE[,NAME|FILE]... [--format csv|md|html|txt|xlsx] "
	    "[-o FILE] [--locale vi|en] [--excel] [--chart [--target NAME=P]...] [-k N] [--groups COLS] "
	    "[--partial] "
	    "[--unit TEXT]... [--title TEXT]... [--ref TEXT] [--period P [--calendar] | --from D --to D] "
	    "[--note TEXT]... [FILE]...\n"
	    "       cchc-table --list-forms\n"
	    "       cchc-table --show-form NAME\n", fp);
	if (fp == stderr)
		return;
	fputs("Fill an annex form from data and write it as stt,chi_tieu,don_vi,so_lieu,ghi_chu\n"
	    "(a wide form, 06a or qd766: a row per group of the data, its columns, a total row).\n"
	    "\n"
	    "  -f, --form NAME|FILE   bm1, bm3, bm7, 06a, qd766, or a form file (see\n"
	    "                         --show-form); several (bm3,bm7 or --form again):\n"
	    "                         one after another in md, html and txt, a sheet\n"
	    "                         each in xlsx\n"
	    "  -t, --format FMT       csv (default), md, html, txt or xlsx (a workbook)\n"
	    "  -o, --output FILE      the workbook's file (xlsx writes standard output\n"
	    "                         otherwise, never a terminal)\n"
	    "  -l, --locale LOC       vi (123.747, 99,95%) or en (123,747, 99.95%);\n"
	    "                         csv is plain unless given, the others vi\n"
	    "      --excel            csv for a Vietnamese Excel: BOM, ';', CR LF, vi numbers\n"
	    "      --chart            html: the on-time and online rates by group, a bar chart\n"
	    "      --target NAME=P    the chart's target line: dung_han=P or truc_tuyen=P (%)\n"
	    "  -k, --keys N           a table's key is its first N columns joined by '/'\n"
	    "      --groups COLS      a wide form's rows: the groups of the tables keyed by\n"
	    "                         COLS (linh_vuc), when the tables have several keys\n"
	    "      --partial          a value the data lacks is named, but exit 0\n"
	    "\n"
	    "The heading and provenance (md, html, txt, xlsx; csv is the table alone):\n"
	    "      --unit TEXT        the reporting unit, top left (again: one more line)\n"
	    "      --title TEXT       the annex's title, in the form's place (again: a line)\n"
	    "      --ref TEXT         the report it goes with: \"(Kèm theo TEXT)\"\n"
	    "      --period P         the period's bounds: 2024, 2024-H1, 2024-H2, 2024-9M,\n"
	    "                         2024-Q3 or 2024-09, as cchc-sum takes it\n"
	    "      --calendar         calendar bounds for --period (1 Jan .. 31 Dec)\n"
	    "      --from D, --to D   the period's first and last day\n"
	    "      --note TEXT        a line under the forms: where the figures come from\n"
	    "\n"
	    "      --list-forms       list the built-in forms\n"
	    "      --show-form NAME   print a built-in form, to copy and edit\n"
	    "  -d, --delimiter C      input delimiter: , (default), ; or \\t\n"
	    "  -h, --help             show this help\n"
	    "      --version          show the version\n"
	    "\n"
	    "Data: in a table, each cell is KEY.COLUMN (tinh.da_giai_quyet); a table\n"
	    "with the header ten,gia_tri names values directly. Exit status: 0 fine, 1\n"
	    "a value was missing or bad (named), 2 usage, a bad form, unreadable input.\n"
	    "See cchc-table(1).\n", fp);
}

struct table {
	unsigned char delim;
	int keys;
	struct smap *data;	/* folded name -> struct datum */
	/* the file being read */
	int values;		/* a ten,gia_tri table */
	char **colname;		/* folded column names */
	size_t nf;
	int saw_header;
	unsigned long bad;
	int fatal;
	struct msgs *msgs;	/* problems of data rows, said at each file's end */
	struct table_groups groups;	/* for a wide form: the rows' keys */
	struct chart *chart;	/* --chart: the groups, in order */
	char *buf;
	size_t cap;
};

/* What is wrong with text that text_check refused. */
static const char *
text_problem(int err, const char *s, size_t n, size_t at)
{
	return err == TEXT_NUL ? "a NUL byte in the text" : text_advice(s, n, at);
}

static void
define(struct table *t, const struct csv_row *row, const char *name, size_t nlen,
       const char *raw, size_t rlen)
{
	char *key = fold(name, nlen);
	int added;
	struct datum *d = smap_put(t->data, key, strlen(key), &added);

	if (added) {
		d->raw = estrndup(raw, rlen);
		d->file = row->file;
		d->line = row->line;
	} else if (strlen(d->raw) != rlen || memcmp(d->raw, raw, rlen) != 0) {
		char what[1024], q[512];
		msg_quote(q, sizeof q, d->raw, strlen(d->raw));
		snprintf(what, sizeof what, "%s is given twice: %s on line %lu, and here",
		    key, q, d->line);
		msgs_add(t->msgs, NULL, row->file, row->line, NULL, what, raw, rlen);
		t->bad++;
	}
	free(key);
}

static int
on_data_row(struct csv_row *row, void *ctx)
{
	struct table *t = ctx;
	size_t i, at;
	char *key;
	int err;

	if (row->rec == 0 && row->err) {	/* a header that is not one: no table */
		char what[256];
		csvin_error_text(row, what, sizeof what);
		msg_at(row->file, row->line, "header", what, NULL, 0);
		t->fatal = 1;
		return 1;
	}
	if (row->err) {
		char what[256];
		csvin_error_text(row, what, sizeof what);
		msgs_add(t->msgs, NULL, row->file, row->line, NULL, what, NULL, 0);
		t->bad++;
		return 0;
	}
	for (i = 0; i < row->nf; i++)
		if ((err = text_check(row->f[i].s, row->f[i].n, &at)) != TEXT_OK) {
			const char *why = text_problem(err, row->f[i].s, row->f[i].n, at);
			if (row->rec == 0) {
				msg_at(row->file, row->line, "header", why, row->f[i].s, row->f[i].n);
				t->fatal = 1;
				return 1;
			}
			msgs_add(t->msgs, NULL, row->file, row->line, NULL, why, row->f[i].s, row->f[i].n);
			t->bad++;
			return 0;
		}
	if (row->rec == 0) {
		t->saw_header = 1;
		for (i = 0; i < t->nf; i++)
			free(t->colname[i]);
		t->nf = row->nf;
		t->colname = erealloc(t->colname, (row->nf + 1) * sizeof *t->colname);
		for (i = 0; i < row->nf; i++) {
			const char *s = row->f[i].s;
			size_t n = row->f[i].n;
			trim(&s, &n);
			t->colname[i] = fold(s, n);
		}
		t->values = row->nf == 2 && strcmp(t->colname[0], "ten") == 0 &&
		    strcmp(t->colname[1], "gia_tri") == 0;
		if (!t->values && row->nf <= (size_t)t->keys) {
			msg_at(row->file, row->line, NULL, "a table needs key columns and value columns "
			    "(or the header ten,gia_tri)", NULL, 0);
			t->fatal = 1;
			return 1;
		}
		if (t->groups.want && !t->values)
			table_group_names(&t->groups, t->colname, (size_t)t->keys, row->file);
		return 0;
	}
	if (row->nf != t->nf) {
		char what[160];
		csvin_nf_text(row, t->nf, what, sizeof what);
		msgs_add(t->msgs, NULL, row->file, row->line, NULL, what, NULL, 0);
		t->bad++;
		return 0;
	}
	if (t->values) {
		const char *s = row->f[1].s;
		size_t n = row->f[1].n;
		trim(&s, &n);
		define(t, row, row->f[0].s, row->f[0].n, s, n);
		return 0;
	}
	/* KEY.COLUMN, KEY the first k values joined by '/' */
	{
		size_t klen = 0, len;
		key = NULL;
		for (i = 0; i < (size_t)t->keys; i++) {
			const char *s = row->f[i].s;
			size_t n = row->f[i].n;
			trim(&s, &n);
			len = nfc(s, n, &t->buf, &t->cap);
			key = erealloc(key, klen + len + 2);
			if (i)
				key[klen++] = '/';
			memcpy(key + klen, t->buf, len);
			klen += len;
		}
		if (t->chart)
			chart_group(t->chart, key, klen);
		for (i = (size_t)t->keys; i < row->nf; i++) {
			const char *s = row->f[i].s;
			size_t n = row->f[i].n, cl = strlen(t->colname[i]);
			char *name = emalloc(klen + cl + 2);
			memcpy(name, key, klen);
			name[klen] = '.';
			memcpy(name + klen + 1, t->colname[i], cl + 1);
			trim(&s, &n);
			define(t, row, name, klen + cl + 1, s, n);
			free(name);
		}
		if (t->groups.want)
			table_group_add(&t->groups, row, (size_t)t->keys, key, klen);
		free(key);
	}
	return 0;
}

/* Evaluation: form_eval makes every figure, each once, asking for the
 * names' values here. */
struct eval {
	const struct form *f;
	struct table *t;
	const char *label;	/* the form's name, when there are several */
	unsigned long missing;
	unsigned char *est;	/* per row: its figure is an estimate ("ước") */
	const char **est_to;	/* the day it is estimated to, or NULL */
};

/* The estimate of a cell or value name (folded), as cchc-sum --estimate
 * writes it: KEY.uoc_COLUMN (uoc_NAME), with the day KEY.uoc_den_ngay
 * into *to (NULL when the data has none). NULL when there is none. */
static struct datum *
estimate_of(struct table *t, const char *name, const char **to)
{
	const char *dot = strrchr(name, '.'), *col = dot ? dot + 1 : name;
	size_t klen = (size_t)(col - name);
	char *uoc = emalloc(strlen(name) + 16);
	struct datum *x, *day;

	memcpy(uoc, name, klen);
	strcpy(uoc + klen, strncmp(col, "uoc_", 4) == 0 ? "" : "uoc_");
	strcat(uoc, col);
	x = smap_get(t->data, uoc, strlen(uoc));
	strcpy(uoc + klen, "uoc_den_ngay");
	day = smap_get(t->data, uoc, strlen(uoc));
	*to = day && day->raw[0] ? day->raw : NULL;
	free(uoc);
	return x && x->raw[0] ? x : NULL;
}

/* An '=' row is an estimate when a row it names is. */
static void
on_made(void *ctx, size_t i)
{
	struct eval *ev = ctx;
	const struct form_row *r = &ev->f->row[i];
	size_t k;

	if (!r->e.rows)
		return;
	for (k = 0; k < r->e.nnum + r->e.nden; k++)
		if (ev->est[r->ref[k]]) {
			ev->est[i] = 1;
			if (!ev->est_to[i])
				ev->est_to[i] = ev->est_to[r->ref[k]];
		}
}

void
report_day(const char *day, char *buf, size_t size)
{
	struct dt t;

	if (date_parse(day, strlen(day), DATE_DMY, &t) == DATE_OK)
		snprintf(buf, size, "%02d/%02d/%04d", t.d, t.m, t.y);
	else
		snprintf(buf, size, "%s", day);
}

/* The note of an estimated row: its own, then "Số liệu ước đến 14/12/2024". */
static void
mark_estimate(struct form_row *r, const char *to, int locale)
{
	char day[64] = "", *note;

	if (to)
		report_day(to, day, sizeof day);
	note = emalloc(strlen(r->ghi_chu) + strlen(day) + 64);
	sprintf(note, "%s%s%s%s%s", r->ghi_chu, r->ghi_chu[0] ? "; " : "",
	    locale == 'e' ? "estimated (ước)" : "Số liệu ước", day[0] ? (locale == 'e' ? " to " :
	    " đến ") : "", day);
	free(r->ghi_chu);
	r->ghi_chu = note;
}

static void
on_missing(void *ctx, size_t i, const char *why)
{
	struct eval *ev = ctx;

	if (ev->label)
		warnx_("%s: %s: %s", ev->label, ev->f->row[i].stt, why);
	else
		warnx_("%s: %s", ev->f->row[i].stt, why);
	ev->missing++;
}

/* The value of a name, parsed for the row's unit. */
static int
on_value(void *ctx, size_t i, const char *name, struct dec *d)
{
	struct eval *ev = ctx;
	const struct form_row *r = &ev->f->row[i];
	char *key = fold(name, strlen(name));
	const char *to;
	struct datum *x = estimate_of(ev->t, key, &to);
	int err, pct;
	int64_t v;

	if (x) {	/* the figure to the period's end, when the data has it */
		ev->est[i] = 1;
		if (!ev->est_to[i])
			ev->est_to[i] = to;
	} else {
		x = smap_get(ev->t->data, key, strlen(key));
	}
	free(key);
	if (!x || x->raw[0] == '\0') {
		char why[512];
		snprintf(why, sizeof why, "no value for %s in the data", name);
		on_missing(ev, i, why);
		return -1;
	}
	if (r->pct) {
		err = num_decimal(x->raw, strlen(x->raw), d, &pct);
	} else {
		err = num_count(x->raw, strlen(x->raw), &v);
		d->v = v;
		d->scale = 0;
	}
	if (err != NUM_OK) {
		char what[256];
		snprintf(what, sizeof what, "%s (%s, for %s%s%s)", num_strerror(err), name,
		    ev->label ? ev->label : "", ev->label ? " " : "", r->stt);
		msg_at(x->file, x->line, NULL, what, x->raw, strlen(x->raw));
		ev->missing++;
		return -1;
	}
	return 0;
}

/* Whether the data has a value for name (a source A|B takes B without). */
static int
on_has(void *ctx, const char *name)
{
	struct eval *ev = ctx;
	char *key = fold(name, strlen(name));
	struct datum *x = smap_get(ev->t->data, key, strlen(key));

	free(key);
	return x && x->raw[0] != '\0';
}

/* Writing. */

struct chart_hook {
	struct chart *c;
	struct table *t;
	unsigned long problems;
};

/* A cell for the chart: the figure to the period's end when the data has
 * it, as the form's rows take it. */
static int
chart_cell(void *ctx, const char *key, const char *col, struct cell *c)
{
	struct table *t = ctx;
	char *name = emalloc(strlen(key) + strlen(col) + 2), *folded;
	struct datum *x;

	sprintf(name, "%s.%s", key, col);
	folded = fold(name, strlen(name));
	free(name);
	if ((x = estimate_of(t, folded, &c->to)) != NULL)
		c->est = 1;
	else
		x = smap_get(t->data, folded, strlen(folded));
	free(folded);
	if (!x)
		return -1;
	c->raw = x->raw;
	c->file = x->file;
	c->line = x->line;
	return 0;
}

void
table_chart(const struct style *st)
{
	st->chart->problems = chart_write_html(st->chart->c, chart_cell, st->chart->t, st->locale);
}

static void
format_fig(const struct style *st, const struct form_row *r, struct fig g, char *buf)
{
	size_t n;

	if (!g.ok) {
		buf[0] = '\0';
		return;
	}
	if (st->locale == 'v')
		n = num_format_dec(g.d, ',', '.', buf);
	else if (st->locale == 'e')
		n = num_format_dec(g.d, '.', ',', buf);
	else
		n = num_format_dec(g.d, '.', 0, buf);
	if (st->locale && r->pct)
		strcpy(buf + n, "%");
}

/* Text for a terminal, a Markdown renderer or a browser (md, html, txt):
 * a tab or a line end is a space; a control character (C0, DEL, C1), a
 * bidirectional override or isolate, and a byte that is not UTF-8 are
 * shown as \xNN (each byte) or \uNNNN, so that no text can move the
 * cursor, recolour the terminal, reorder what is shown, or break the
 * layout. A new string, the caller frees. */
char *
shown(const char *s)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = strlen(s), i = 0, o = 0;
	char *out = emalloc(n * 6 + 1);	/* at most \uNNNN for 3 bytes, \xNN for 1 */

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;

		if (c == '\t' || c == '\n' || c == '\r') {
			out[o++] = ' ';
			i++;
			continue;
		}
		if (c < 0x20 || c == 0x7f) {
			o += (size_t)sprintf(out + o, "\\x%c%c", hex[c >> 4], hex[c & 15]);
			i++;
			continue;
		}
		if (c < 0x80) {
			out[o++] = (char)c;
			i++;
			continue;
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {	/* not UTF-8: the byte */
			o += (size_t)sprintf(out + o, "\\x%c%c", hex[c >> 4], hex[c & 15]);
			i++;
			continue;
		}
		if (cp <= 0x9f) {	/* C1: each byte, as a control byte is shown */
			o += (size_t)sprintf(out + o, "\\x%c%c\\x%c%c", hex[c >> 4], hex[c & 15],
			    hex[(unsigned char)s[i + 1] >> 4], hex[(unsigned char)s[i + 1] & 15]);
		} else if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) {
			o += (size_t)sprintf(out + o, "\\u%04X", (unsigned)cp);
		} else {
			memcpy(out + o, s + i, (size_t)k);
			o += (size_t)k;
		}
		i += (size_t)k;
	}
	out[o] = '\0';
	return out;
}

/* The share of the page's width each column takes, in percent: in html's
 * colgroup, and in Markdown as the dashes under the heads, which pandoc
 * takes as the columns' widths in Word. */
static const int col_share[5] = {7, 50, 12, 12, 19};

const char *const heads_vi[5] = {"STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"};
const char *const heads_en[5] = {"No.", "Indicator", "Unit", "Figure", "Note"};

/* Markdown: the characters that make emphasis, code, links, HTML or a new
 * cell are taken as text. s is shown text (no control bytes). */
void
put_escaped_md(const char *s)
{
	for (; *s; s++) {
		if (*s == '|' || *s == '\\' || *s == '*' || *s == '_' || *s == '`' ||
		    *s == '<' || *s == '[' || *s == ']')
			out_bytes(out_stdout, "\\", 1);
		out_bytes(out_stdout, s, 1);
	}
}

/* HTML: s is shown text (no control bytes). */
void
put_escaped_html(const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': out_str(out_stdout, "&amp;"); break;
		case '<': out_str(out_stdout, "&lt;"); break;
		case '>': out_str(out_stdout, "&gt;"); break;
		case '"': out_str(out_stdout, "&quot;"); break;
		case '\'': out_str(out_stdout, "&#39;"); break;
		default: out_bytes(out_stdout, s, 1);
		}
	}
}

/* The display width of the character at s (before end) into *w, its
 * length returned: a Vietnamese letter with its marks is one column. */
static size_t
char_width(const char *s, const char *end, size_t *w)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)(end - s), &cp);
	int cw;

	if (k <= 0) {	/* not UTF-8 (shown text has none): a byte, a column */
		*w += 1;
		return 1;
	}
	cw = utf8proc_charwidth(cp);
	*w += cw > 0 ? (size_t)cw : 0;
	return (size_t)k;
}

size_t
width(const char *s, size_t n)
{
	const char *end = s + n;
	size_t w = 0;

	while (s < end)
		s += char_width(s, end, &w);
	return w;
}

static void
add_line(struct lines *l, const char *s, size_t n)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->start = erealloc(l->start, l->cap * sizeof *l->start);
		l->len = erealloc(l->len, l->cap * sizeof *l->len);
	}
	l->start[l->n] = s;
	l->len[l->n++] = n;
}

/* Cuts s into lines of at most w columns, at the last space that fits, or
 * inside a word longer than the column; every byte of s is in a line but
 * the spaces lines are cut at. */
void
wrap(const char *s, size_t w, struct lines *l)
{
	const char *p = s, *end = s + strlen(s);

	l->n = 0;
	if (p == end) {
		add_line(l, s, 0);
		return;
	}
	while (p < end) {
		const char *line = p, *last_space = NULL, *q = p, *last = p;
		size_t cw = 0;
		/* cw: the width of line..q; stops a character past the column */
		while (q < end && cw <= w) {
			if (*q == ' ')
				last_space = q;
			last = q;
			q += char_width(q, end, &cw);
		}
		if (cw <= w) {	/* the rest fits */
			add_line(l, line, (size_t)(end - line));
			break;
		}
		if (last_space && last_space > line) {
			add_line(l, line, (size_t)(last_space - line));
			p = last_space + 1;
		} else {	/* one word longer than the column: cut before
				 * the character that does not fit, or after it
				 * when it is the line's first */
			const char *cut = last > line ? last : q;
			add_line(l, line, (size_t)(cut - line));
			p = cut;
		}
	}
}

/* Spaces are held back until text follows: no line ends in spaces. */
static size_t pending;

void
pad(size_t n)
{
	pending += n;
}

void
put_text(const char *s, size_t n)
{
	if (n == 0)
		return;
	while (pending) {
		out_bytes(out_stdout, " ", 1);
		pending--;
	}
	out_bytes(out_stdout, s, n);
}

void
end_line(void)
{
	pending = 0;
	out_str(out_stdout, "\n");
}

static void
write_txt(const struct form *f, char **cell, const char *const *heads)
{
	/* widths: stt, label (wrapped), unit (wrapped), figure, note (wrapped) */
	size_t w[5] = {0, 0, 0, 0, 0}, cap[5] = {8, 56, 16, 14, 32}, i, c;
	struct lines ln[5];

	memset(ln, 0, sizeof ln);
	for (c = 0; c < 5; c++)
		w[c] = width(heads[c], strlen(heads[c]));
	for (i = 0; i < f->n; i++)
		for (c = 0; c < 5; c++) {
			size_t cw = width(cell[i * 5 + c], strlen(cell[i * 5 + c]));
			if (cw > cap[c] && c != 0 && c != 3)
				cw = cap[c];
			if (cw > w[c])
				w[c] = cw;
		}
	for (i = 0; i <= f->n; i++) {
		size_t lines = 1, l;
		for (c = 0; c < 5; c++) {
			const char *s = i == 0 ? heads[c] : cell[(i - 1) * 5 + c];
			wrap(s, w[c] ? w[c] : 1, &ln[c]);
			if (ln[c].n > lines)
				lines = ln[c].n;
		}
		for (l = 0; l < lines; l++) {
			for (c = 0; c < 5; c++) {
				size_t cw = l < ln[c].n ? width(ln[c].start[l], ln[c].len[l]) : 0;
				if (c)
					pad(2);
				if (c == 3 && i > 0)	/* figures to the right */
					pad(w[c] - cw);
				if (l < ln[c].n)
					put_text(ln[c].start[l], ln[c].len[l]);
				if (c != 4 && !(c == 3 && i > 0))
					pad(w[c] - cw);
			}
			end_line();
		}
		if (i == 0) {
			for (c = 0; c < 5; c++) {
				size_t k;
				if (c)
					pad(2);
				for (k = 0; k < w[c]; k++)
					put_text("-", 1);
			}
			end_line();
		}
	}
	for (c = 0; c < 5; c++) {
		free(ln[c].start);
		free(ln[c].len);
	}
}

static void
write_form(const struct form *f, const struct style *st, struct fig *fig,
           const struct place *pl)
{
	const char *const *heads = st->locale == 'e' ? heads_en : heads_vi;
	char **cell = emalloc((f->n * 5 + 1) * sizeof *cell), num[64], *title, *subtitle;
	size_t i, c;
	int text = st->fmt != FMT_CSV;	/* a document to show: shown text */

	for (i = 0; i < f->n; i++) {
		const struct form_row *r = &f->row[i];
		const char *src[5];
		format_fig(st, r, fig[i], num);
		src[0] = r->stt;
		src[1] = r->chi_tieu;
		src[2] = r->don_vi;
		src[3] = num;
		src[4] = r->ghi_chu;
		for (c = 0; c < 5; c++)
			cell[i * 5 + c] = text ? shown(src[c]) : estrndup(src[c], strlen(src[c]));
	}
	title = shown(f->title);
	subtitle = shown(f->subtitle);
	switch (st->fmt) {
	case FMT_CSV:
		out_fieldz(out_stdout, "stt");
		out_fieldz(out_stdout, "chi_tieu");
		out_fieldz(out_stdout, "don_vi");
		out_fieldz(out_stdout, "so_lieu");
		out_fieldz(out_stdout, "ghi_chu");
		out_endrow(out_stdout);
		for (i = 0; i < f->n; i++) {
			for (c = 0; c < 5; c++)
				out_fieldz(out_stdout, cell[i * 5 + c]);
			out_endrow(out_stdout);
		}
		break;
	case FMT_MD:
		form_top(st, pl, title, subtitle);
		out_str(out_stdout, "|");
		for (c = 0; c < 5; c++) {
			out_str(out_stdout, " ");
			put_escaped_md(heads[c]);
			out_str(out_stdout, " |");
		}
		out_str(out_stdout, "\n|");
		for (c = 0; c < 5; c++) {	/* figures to the right: "--:" */
			int k;
			for (k = c == 3; k < col_share[c]; k++)
				out_str(out_stdout, "-");
			out_str(out_stdout, c == 3 ? ":|" : "|");
		}
		out_str(out_stdout, "\n");
		for (i = 0; i < f->n; i++) {
			int heading = f->row[i].e.nnum == 0;
			out_str(out_stdout, "|");
			for (c = 0; c < 5; c++) {
				int bold = heading && c == 1 && cell[i * 5 + c][0];
				out_str(out_stdout, bold ? " **" : " ");
				put_escaped_md(cell[i * 5 + c]);
				out_str(out_stdout, bold ? "** |" : " |");
			}
			out_str(out_stdout, "\n");
		}
		if (pl->last)
			notes_md(pl->h);
		break;
	case FMT_HTML:
		form_top(st, pl, title, subtitle);
		out_str(out_stdout, "<table>\n<colgroup>");
		for (c = 0; c < 5; c++) {
			char col[48];
			snprintf(col, sizeof col, "<col style=\"width: %d%%\">", col_share[c]);
			out_str(out_stdout, col);
		}
		out_str(out_stdout, "</colgroup>\n<thead>\n<tr>");
		for (c = 0; c < 5; c++) {
			out_str(out_stdout, "<th>");
			put_escaped_html(heads[c]);
			out_str(out_stdout, "</th>");
		}
		out_str(out_stdout, "</tr>\n</thead>\n<tbody>\n");
		for (i = 0; i < f->n; i++) {
			out_str(out_stdout, f->row[i].e.nnum == 0 ? "<tr class=\"muc\">" : "<tr>");
			for (c = 0; c < 5; c++) {
				out_str(out_stdout, c == 3 ? "<td class=\"so\">" : "<td>");
				put_escaped_html(cell[i * 5 + c]);
				out_str(out_stdout, "</td>");
			}
			out_str(out_stdout, "</tr>\n");
		}
		out_str(out_stdout, "</tbody>\n</table>\n");
		if (!pl->last)
			break;
		if (st->chart)
			table_chart(st);
		notes_html(pl->h);
		html_end();
		break;
	case FMT_TXT:
		pending = 0;
		form_top(st, pl, title, subtitle);
		pending = 0;
		write_txt(f, cell, heads);
		if (pl->last)
			notes_txt(pl->h);
		break;
	}
	for (i = 0; i < f->n * 5; i++)
		free(cell[i]);
	free(cell);
	free(title);
	free(subtitle);
}

static int
list_forms(void)
{
	const char *name, *title, *sub, *text;
	size_t i;

	out_init_stdout();
	out_fieldz(out_stdout, "ten");
	out_fieldz(out_stdout, "tieu_de");
	out_fieldz(out_stdout, "mo_ta");
	out_endrow(out_stdout);
	for (i = 0; form_builtin(i, &name, &title, &sub, &text); i++) {
		out_fieldz(out_stdout, name);
		out_fieldz(out_stdout, title);
		out_fieldz(out_stdout, sub);
		out_endrow(out_stdout);
	}
	out_close(out_stdout);
	return EXIT_OK;
}

static int
show_form(const char *want)
{
	const char *name, *title, *sub, *text;
	size_t i;

	for (i = 0; form_builtin(i, &name, &title, &sub, &text); i++)
		if (strcmp(name, want) == 0 && text) {
			out_init_stdout();
			out_str(out_stdout, text);
			out_close(out_stdout);
			return EXIT_OK;
		}
	warnx_("--show-form: no built-in form \"%s\" (see --list-forms)", want);
	return EXIT_FAIL;
}

/* A line option given again adds a line. */
static void
add_line_arg(char ***v, size_t *n, char *arg)
{
	*v = erealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = arg;
}

/* --form's argument: names separated by commas (bm3,bm7), or a file's name
 * whole when a file has it, commas and all. */
static void
add_forms(char ***v, size_t *n, char *arg)
{
	char *p = arg, *comma;

	if (!strchr(arg, ',') || access(arg, F_OK) == 0) {
		add_line_arg(v, n, arg);
		return;
	}
	if (arg[0] == ',' || arg[strlen(arg) - 1] == ',' || strstr(arg, ",,")) {
		warnx_("--form: an empty form name in \"%s\"", arg);
		exit(EXIT_FAIL);
	}
	for (;;) {
		comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		add_line_arg(v, n, p);
		if (!comma)
			break;
		p = comma + 1;
	}
}

int
main(int argc, char *argv[])
{
	enum { O_PARTIAL = 256, O_LIST, O_SHOW, O_VERSION, O_EXCEL, O_TITLE, O_UNIT, O_REF,
	       O_PERIOD, O_CALENDAR, O_FROM, O_TO, O_NOTE, O_CHART, O_TARGET, O_GROUPS };
	static const struct option longopts[] = {
		{"form", required_argument, NULL, 'f'},
		{"format", required_argument, NULL, 't'},
		{"locale", required_argument, NULL, 'l'},
		{"keys", required_argument, NULL, 'k'},
		{"partial", no_argument, NULL, O_PARTIAL},
		{"groups", required_argument, NULL, O_GROUPS},
		{"excel", no_argument, NULL, O_EXCEL},
		{"output", required_argument, NULL, 'o'},
		{"title", required_argument, NULL, O_TITLE},
		{"unit", required_argument, NULL, O_UNIT},
		{"ref", required_argument, NULL, O_REF},
		{"period", required_argument, NULL, O_PERIOD},
		{"calendar", no_argument, NULL, O_CALENDAR},
		{"from", required_argument, NULL, O_FROM},
		{"to", required_argument, NULL, O_TO},
		{"note", required_argument, NULL, O_NOTE},
		{"chart", no_argument, NULL, O_CHART},
		{"target", required_argument, NULL, O_TARGET},
		{"list-forms", no_argument, NULL, O_LIST},
		{"show-form", required_argument, NULL, O_SHOW},
		{"delimiter", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, O_VERSION},
		{NULL, 0, NULL, 0},
	};
	/* the option's lists, static: still held when a usage error returns */
	static struct heading h;
	static char **form_arg;
	struct table t;
	struct filled *forms;
	struct heading_text ht;
	struct style st = {FMT_CSV, 0, NULL};
	struct chart_hook hook = {NULL, NULL, 0};
	struct chart_targets targets_at;
	int targets = 0, chart = 0;
	struct eval ev;
	char err[1024];
	const char *output = NULL, *period = NULL, *from = NULL, *to = NULL, *groups = NULL;
	const char *wide_name = NULL;
	size_t nforms = 0, k;
	int opt, i, partial = 0, d, locale_given = 0, excel = 0, calendar = 0;
	unsigned long missing = 0;

	msg_init(argv[0]);
	memset(&t, 0, sizeof t);
	memset(&h, 0, sizeof h);
	memset(&targets_at, 0, sizeof targets_at);
	t.delim = ',';
	t.keys = 1;
	while ((opt = getopt_long(argc, argv, "f:t:l:k:d:o:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'f': add_forms(&form_arg, &nforms, optarg); break;
		case 't':
			if (strcmp(optarg, "csv") == 0) st.fmt = FMT_CSV;
			else if (strcmp(optarg, "md") == 0) st.fmt = FMT_MD;
			else if (strcmp(optarg, "html") == 0) st.fmt = FMT_HTML;
			else if (strcmp(optarg, "txt") == 0) st.fmt = FMT_TXT;
			else if (strcmp(optarg, "xlsx") == 0) st.fmt = FMT_XLSX;
			else {
				warnx_("--format: \"%s\" is not csv, md, html, txt or xlsx", optarg);
				return EXIT_FAIL;
			}
			break;
		case 'l':
			if (strcmp(optarg, "vi") && strcmp(optarg, "en")) {
				warnx_("--locale: \"%s\" is not vi or en", optarg);
				return EXIT_FAIL;
			}
			st.locale = optarg[0] == 'v' ? 'v' : 'e';
			locale_given = 1;
			break;
		case 'k':
			if ((t.keys = (int)opt_int("-k", optarg, 1, 64, "a number of key columns")) < 0)
				return EXIT_FAIL;
			break;
		case O_PARTIAL: partial = 1; break;
		case O_GROUPS: groups = optarg; break;
		case O_EXCEL: excel = 1; break;
		case 'o': output = optarg; break;
		case O_TITLE: add_line_arg(&h.title, &h.ntitle, optarg); break;
		case O_UNIT: add_line_arg(&h.unit, &h.nunit, optarg); break;
		case O_REF: h.ref = optarg; break;
		case O_PERIOD: period = optarg; break;
		case O_CALENDAR: calendar = 1; break;
		case O_FROM: from = optarg; break;
		case O_TO: to = optarg; break;
		case O_NOTE: add_line_arg(&h.note, &h.nnote, optarg); break;
		case O_CHART: chart = 1; break;
		case O_TARGET:
			if (chart_target(&targets_at, optarg, err, sizeof err) < 0) {
				warnx_("--target: %s", err);
				return EXIT_FAIL;
			}
			targets++;
			break;
		case O_LIST: return list_forms();
		case O_SHOW: return show_form(optarg);
		case 'd':
			if ((d = csvin_delim_opt("-d", optarg)) < 0)
				return EXIT_FAIL;
			t.delim = (unsigned char)d;
			break;
		case 'h':
			usage(stdout);
			return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
		case O_VERSION:
			puts("cchc-table " CCHC_VERSION);
			return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
		default:
			usage(stderr);
			return EXIT_FAIL;
		}
	}
	if (!nforms) {
		warnx_("--form is needed: bm1, bm3, bm7, 06a, qd766 or a form file");
		usage(stderr);
		return EXIT_FAIL;
	}
	if (targets && !chart) {
		warnx_("--target goes with --chart");
		return EXIT_FAIL;
	}
	if (chart && st.fmt != FMT_HTML) {
		warnx_("--chart goes with --format html: csv, md, txt and xlsx have no chart");
		return EXIT_FAIL;
	}
	if (excel && st.fmt != FMT_CSV) {
		warnx_("--excel goes with --format csv (the default)");
		return EXIT_FAIL;
	}
	if (nforms > 1 && st.fmt == FMT_CSV) {
		warnx_("--format csv is one form's table (what cchc-check --form reads): name one "
		    "--form, or write several as md, html, txt or xlsx");
		return EXIT_FAIL;
	}
	if (output && st.fmt != FMT_XLSX) {
		warnx_("-o names the workbook of --format xlsx; the other formats write standard "
		    "output (> FILE)");
		return EXIT_FAIL;
	}
	/* a workbook is bytes for a program, never for a terminal */
	if (st.fmt == FMT_XLSX && !output && isatty(1)) {
		warnx_("--format xlsx: standard output is a terminal: name the workbook with "
		    "-o FILE, or redirect it (> FILE.xlsx)");
		return EXIT_FAIL;
	}
	if ((d = period_options(period, calendar, from, to, DATE_DMY, &h.from, &h.to, err,
	    sizeof err)) < 0) {
		warnx_("%s", err);
		usage(stderr);
		return EXIT_FAIL;
	}
	h.has_period = d == 0;
	/* a Vietnamese Excel reads 99,95% as a number, 99.95 as none */
	if (!locale_given && (st.fmt != FMT_CSV || excel))
		st.locale = 'v';
	{	/* standard input is read once: a second '-' would be empty */
		int stdin_uses = 0, form_stdin = 0;
		for (i = optind; i < argc; i++)
			stdin_uses += strcmp(argv[i], "-") == 0;
		stdin_uses += optind == argc;
		for (k = 0; k < nforms; k++)
			form_stdin += strcmp(form_arg[k], "-") == 0;
		if (form_stdin) {
			stdin_uses += form_stdin;
			if (optind == argc) {
				warnx_("--form -: the form is read from standard input, so the data "
				    "must be named: FILE");
				return EXIT_FAIL;
			}
		}
		if (stdin_uses > 1) {
			warnx_("-: standard input is named twice (it can be read once)");
			return EXIT_FAIL;
		}
	}
	if (output)	/* the workbook must not replace what it is made from */
		out_not_input("-o", output, argv + optind, argc - optind);
	forms = ecalloc(nforms, sizeof *forms);
	for (k = 0; k < nforms; k++)
		if (form_load(form_arg[k], &forms[k].f, err, sizeof err) < 0) {
			form_free(&forms[k].f);
			die("--form: %s", err);
		}
	/* a wide form (06a) lists the groups of the data's tables */
	for (k = 0; k < nforms && !wide_name; k++)
		if (forms[k].f.wide)
			wide_name = forms[k].f.name;
	if (groups && !wide_name)
		die("--groups names the tables whose groups a wide form (06a) lists: "
		    "no --form is one");
	t.groups.want = wide_name != NULL;
	t.data = smap_new(sizeof(struct datum));
	t.msgs = msgs_new();
	if (chart) {
		t.chart = hook.c = chart_new(&targets_at);
		hook.t = &t;
		st.chart = &hook;
	}
	for (i = optind; i < argc || (i == optind && optind == argc); i++) {
		const char *path = i < argc ? argv[i] : "-";
		char why[1024];
		int r;
		t.saw_header = 0;
		r = csvin_read(path, t.delim, on_data_row, &t, NULL);
		csvin_end_text(r, t.saw_header, path, why, sizeof why);
		if (msgs_flush(t.msgs, stderr) < 0)
			die("write error on standard error");
		if (t.fatal)
			exit(EXIT_FAIL);
		if (why[0])	/* a workbook, UTF-16, no header...: no table */
			die("%s", why);
		if (i >= argc)
			break;
	}
	if (wide_name)	/* the tables whose rows a wide form lists */
		table_groups_pick(&t.groups, groups, wide_name);
	/* every form from the same data: their names say whose rows are
	 * whose when there are several */
	for (k = 0; k < nforms; k++) {
		static const struct form_eval_ops ops = {on_value, on_missing, on_has, on_made};
		struct form *f = &forms[k].f;
		size_t r;
		if (f->wide) {	/* a row per group: table-wide.c */
			missing += wide_fill(&forms[k], t.data, &t.groups, nforms > 1 ? f->name : NULL,
			    &t.bad);
			continue;
		}
		memset(&ev, 0, sizeof ev);
		ev.f = f;
		ev.t = &t;
		ev.label = nforms > 1 ? f->name : NULL;
		ev.est = ecalloc(f->n + 1, 1);
		ev.est_to = ecalloc(f->n + 1, sizeof *ev.est_to);
		forms[k].fig = ecalloc(f->n + 1, sizeof *forms[k].fig);
		form_eval(f, forms[k].fig, &ops, &ev);
		for (r = 0; r < f->n; r++)	/* every format writes the note */
			if (ev.est[r] && forms[k].fig[r].ok)
				mark_estimate(&f->row[r], ev.est_to[r], st.locale);
		free(ev.est);
		free(ev.est_to);
		missing += ev.missing;
	}
	heading_text(&h, st.locale, &ht);
	if (st.fmt == FMT_XLSX) {
		xlsx_write(forms, nforms, &h, &ht, &st, output);
	} else {
		struct place pl;
		char *doc_title = document_title(&h, forms, nforms);
		pl.h = &h;
		pl.ht = &ht;
		pl.doc_title = doc_title;
		pl.form_heads = h.ntitle == 0 && nforms == 1;
		out_init_stdout();
		if (excel)
			out_excel(out_stdout);
		else if (st.fmt == FMT_CSV)	/* the annex is a document: opened, printed */
			out_guard_formulas(out_stdout);
		for (k = 0; k < nforms; k++) {
			pl.first = k == 0;
			pl.last = k + 1 == nforms;
			if (forms[k].f.wide)
				wide_write(&forms[k], &st, &pl);
			else
				write_form(&forms[k].f, &st, forms[k].fig, &pl);
		}
		out_close(out_stdout);
		free(doc_title);
	}
	heading_text_free(&ht);
	table_groups_free(&t.groups);
	{
		size_t it = 0, n;
		const char *key;
		void *v;
		while (smap_next(t.data, &it, &key, &n, &v))
			free(((struct datum *)v)->raw);
		smap_free(t.data);
		msgs_free(t.msgs);
		for (k = 0; k < t.nf; k++)
			free(t.colname[k]);
		free(t.colname);
		free(t.buf);
		for (k = 0; k < nforms; k++) {
			free(forms[k].fig);
			wide_filled_free(forms[k].wide);
			form_free(&forms[k].f);
		}
		free(forms);
		free(form_arg);
		free(h.title);
		free(h.unit);
		free(h.note);
		chart_free(hook.c);
	}
	if (hook.problems)
		return EXIT_DATA;
	if (t.bad)
		return EXIT_DATA;
	return missing && !partial ? EXIT_DATA : EXIT_OK;
}
