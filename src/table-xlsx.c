/* table-xlsx.c: cchc-table --format xlsx, the annex as an Excel workbook
 * (libxlsxwriter): one sheet per form, each with the heading, the table
 * with bold section rows, counts and percentages as numbers in their
 * number formats, and the sum and rate rows as formulas over the cells of
 * their rows with their values cached, so the workbook stays live; a wide
 * form (06a) with its merged head, a row per group and a total row of
 * sums.
 *
 * libxlsxwriter writes to a file name, and a workbook is a zip file that
 * is written with seeks: it is made in a temporary file, then copied to
 * standard output or to -o FILE (written aside and renamed: complete or
 * absent), every write checked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xlsxwriter.h>

#include "lib/fold.h"
#include "lib/msg.h"
#include "lib/out.h"
#include "table.h"

/* The columns, and their widths in characters: STT, the label, the unit,
 * the figure, the note; the texts wrap in theirs. */
enum { COL_STT, COL_LABEL, COL_UNIT, COL_FIG, COL_NOTE, NCOLS };
static const double col_width[NCOLS] = {8, 60, 14, 14, 34};

/* Excel's limits: a sheet's name, a formula's length. */
enum { SHEET_NAME_MAX = 31, FORMULA_MAX = 8192 };

/* Number formats: one per kind of figure and number of decimals. Excel
 * stores the format, not the separators: "#,##0" and "0.00%" show
 * 123.747 and 99,95% where Windows is set to Vietnamese, 123,747 and
 * 99.95% where it is set to English. */
enum { MAX_DECIMALS = 18 };

struct book {
	lxw_workbook *wb;
	const struct style *st;
	lxw_format *unit, *title, *ref, *line, *head, *text, *bold, *note;
	lxw_format *num[2][MAX_DECIMALS + 1];	/* [pct][decimals] */
	lxw_format *cot, *stt, *total;	/* a wide form's numbers row, TT, total figures */
};

/* A wide form's column widths, in characters, by the column's kind
 * (enum wide_kind): TT, the group, a count, a rate, a figure of the form,
 * a score; the heads wrap in theirs. */
static const double wide_width[] = {6, 30, 12, 10, 10, 10};

static void
check(lxw_error e, const char *what)
{
	if (e != LXW_NO_ERROR)
		die("--format xlsx: %s: %s", what, lxw_strerror(e));
}

static lxw_format *
new_format(struct book *b)
{
	lxw_format *f = workbook_add_format(b->wb);

	if (!f)
		die("--format xlsx: cannot make a cell format");
	return f;
}

static lxw_format *
num_format(struct book *b, int pct, int decimals)
{
	char code[48];
	int i, n = 0;

	if (decimals > MAX_DECIMALS)
		decimals = MAX_DECIMALS;
	if (b->num[pct][decimals])
		return b->num[pct][decimals];
	n = snprintf(code, sizeof code, "%s", pct ? "0" : "#,##0");
	if (decimals)
		code[n++] = '.';
	for (i = 0; i < decimals; i++)
		code[n++] = '0';
	if (pct)
		code[n++] = '%';
	code[n] = '\0';
	b->num[pct][decimals] = new_format(b);
	format_set_num_format(b->num[pct][decimals], code);
	format_set_border(b->num[pct][decimals], LXW_BORDER_THIN);
	format_set_align(b->num[pct][decimals], LXW_ALIGN_VERTICAL_TOP);
	return b->num[pct][decimals];
}

static void
make_formats(struct book *b)
{
	b->unit = new_format(b);
	format_set_bold(b->unit);
	format_set_align(b->unit, LXW_ALIGN_CENTER);
	b->title = new_format(b);
	format_set_bold(b->title);
	format_set_align(b->title, LXW_ALIGN_CENTER);
	b->ref = new_format(b);
	format_set_italic(b->ref);
	format_set_align(b->ref, LXW_ALIGN_CENTER);
	b->line = new_format(b);
	format_set_align(b->line, LXW_ALIGN_CENTER);
	b->head = new_format(b);
	format_set_bold(b->head);
	format_set_align(b->head, LXW_ALIGN_CENTER);
	format_set_align(b->head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(b->head);
	format_set_border(b->head, LXW_BORDER_THIN);
	b->text = new_format(b);
	format_set_text_wrap(b->text);
	format_set_align(b->text, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(b->text, LXW_BORDER_THIN);
	b->bold = new_format(b);
	format_set_bold(b->bold);
	format_set_text_wrap(b->bold);
	format_set_align(b->bold, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(b->bold, LXW_BORDER_THIN);
	b->note = new_format(b);
	format_set_italic(b->note);
	b->cot = new_format(b);
	format_set_italic(b->cot);
	format_set_align(b->cot, LXW_ALIGN_CENTER);
	format_set_border(b->cot, LXW_BORDER_THIN);
	b->stt = new_format(b);
	format_set_align(b->stt, LXW_ALIGN_CENTER);
	format_set_align(b->stt, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(b->stt, LXW_BORDER_THIN);
	b->total = new_format(b);
	format_set_num_format(b->total, "#,##0");
	format_set_bold(b->total);
	format_set_align(b->total, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(b->total, LXW_BORDER_THIN);
}

/* A text cell: shown text, as md, html and txt show it (no control
 * character, no bidirectional override); an empty one a blank cell. */
static void
put_string(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f)
{
	char *t;
	lxw_error e;

	if (!s[0]) {
		check(worksheet_write_blank(ws, r, c, f), "a cell");
		return;
	}
	t = shown(s);
	e = worksheet_write_string(ws, r, c, t, f);
	if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		die("--format xlsx: a text of %zu bytes is longer than a cell holds (32767 "
		    "characters): \"%.40s...\"", strlen(t), t);
	check(e, "a cell");
	free(t);
}

/* Text over rows r..r2 and columns first..last, merged (Excel merges no
 * single cell: one is written). */
static void
put_range(lxw_worksheet *ws, lxw_row_t r, lxw_col_t first, lxw_row_t r2, lxw_col_t last,
          const char *s, lxw_format *f)
{
	char *t;

	if (r == r2 && first == last) {
		put_string(ws, r, first, s, f);
		return;
	}
	t = shown(s);
	check(worksheet_merge_range(ws, r, first, r2, last, t, f), "a heading");
	free(t);
}

/* A line across columns first..last, merged. */
static void
put_merged(lxw_worksheet *ws, lxw_row_t r, lxw_col_t first, lxw_col_t last,
           const char *s, lxw_format *f)
{
	put_range(ws, r, first, r, last, s, f);
}

/* The sheet's name, from the form's: a built-in's name, a form file's
 * base name without .csv, with what Excel refuses in a name ([]:*?/\, an
 * apostrophe at either end) made '_', cut to 31 characters, and made
 * unique with " (2)", " (3)"... (names differing only in case or marks are
 * one name to Excel). */
static char *
sheet_name(const char *form_name, char **taken, size_t ntaken)
{
	const char *base = strrchr(form_name, '/');
	size_t n, cut, i, len;
	char *s, *name, suffix[24];
	unsigned dup;

	base = base ? base + 1 : form_name;
	n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".csv") == 0)
		n -= 4;
	s = emalloc(n + 2);
	memcpy(s, base, n);
	s[n] = '\0';
	for (i = 0; i < n; i++)
		if (strchr("[]:*?/\\", s[i]) || (unsigned char)s[i] < 0x20)
			s[i] = '_';
	if (n && s[0] == '\'')
		s[0] = '_';
	if (n && s[n - 1] == '\'')
		s[n - 1] = '_';
	if (n == 0) {
		free(s);
		s = estrndup("Sheet", 5);
	}
	name = emalloc(strlen(s) + sizeof suffix);
	for (dup = 1;; dup++) {
		int clash = 0;
		char *folded;
		if (dup == 1)
			suffix[0] = '\0';
		else
			snprintf(suffix, sizeof suffix, " (%u)", dup);
		/* at most 31 characters with the suffix, cut between characters */
		len = strlen(s);
		for (cut = 0, i = 0; cut < len && i + strlen(suffix) < SHEET_NAME_MAX; i++) {
			utf8proc_int32_t cp;
			utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + cut,
			    (utf8proc_ssize_t)(len - cut), &cp);
			cut += k > 0 ? (size_t)k : 1;
		}
		while (cut && s[cut - 1] == ' ')	/* no space at the name's end */
			cut--;
		memcpy(name, s, cut);
		strcpy(name + cut, suffix);
		folded = fold(name, strlen(name));
		for (i = 0; i < ntaken && !clash; i++) {
			char *other = fold(taken[i], strlen(taken[i]));
			clash = strcmp(folded, other) == 0;
			free(other);
		}
		free(folded);
		if (!clash)
			break;
	}
	free(s);
	return name;
}

/* A decimal as the nearest double: v and 10^scale are exact doubles (v
 * below 2^53, scale to 22), so one division rounds once. A cell of a
 * workbook holds a double: the format shows the figure's digits. */
static double
to_double(struct dec d, int extra_scale)
{
	double p = 1;
	int i;

	for (i = 0; i < d.scale + extra_scale; i++)
		p *= 10;
	return (double)d.v / p;
}

/* The formula of an '=' row over the cells of its rows (figures in column
 * D from sheet row first), or NULL where Excel's arithmetic would not be
 * the row's: terms of another kind than the row (a count summing a
 * percentage), or a formula longer than Excel takes. A rate is rounded as
 * the figure is, so the cell's value is the figure printed. */
static char *
row_formula(const struct form *f, size_t i, lxw_row_t first)
{
	const struct form_row *r = &f->row[i];
	size_t k, n = r->e.nnum + r->e.nden, len = 0, cap = 32 + n * 16;
	char *s;
	int digits = r->e.digits >= 0 ? r->e.digits : 2;

	for (k = 0; k < n; k++) {
		int pct = f->row[r->ref[k]].pct;
		if (r->e.nden ? pct != f->row[r->ref[0]].pct : pct != r->pct)
			return NULL;
	}
	s = emalloc(cap);
	len += (size_t)snprintf(s, cap, "=%s%s", r->e.nden ? "ROUND(" : "",
	    r->e.nden && r->e.nnum > 1 ? "(" : "");
	for (k = 0; k < n; k++) {
		if (k == r->e.nnum)
			len += (size_t)snprintf(s + len, cap - len, "%s/%s", r->e.nnum > 1 ? ")" : "",
			    r->e.nden > 1 ? "(" : "");
		else if (k)
			len += (size_t)snprintf(s + len, cap - len, "+");
		len += (size_t)snprintf(s + len, cap - len, "D%lu",
		    (unsigned long)first + (unsigned long)r->ref[k] + 1);
	}
	if (r->e.nden)	/* a percentage cell holds the fraction: 99,95% is 0.9995 */
		snprintf(s + len, cap - len, "%s%s,%d)", r->e.nden > 1 ? ")" : "",
		    r->pct ? "" : "*100", r->pct ? digits + 2 : digits);
	if (strlen(s) > FORMULA_MAX) {
		free(s);
		return NULL;
	}
	return s;
}

/* A sheet's heading, as table-head.c writes it, over the columns
 * 0..last: the unit over 0..split-1, the national title beside it over
 * split..last; the title, the report and the period across; the form's
 * title under --title's. Returns the row of the table's head. */
static lxw_row_t
put_heading(struct book *b, lxw_worksheet *ws, const struct form *f, const struct heading *h,
            const struct heading_text *ht, lxw_col_t split, lxw_col_t last)
{
	lxw_row_t r = 0;
	size_t i, rows;

	if (h->nunit) {
		rows = h->nunit > 2 ? h->nunit : 2;
		for (i = 0; i < rows; i++, r++) {
			put_merged(ws, r, 0, split - 1, i < h->nunit ? h->unit[i] : "", b->unit);
			put_merged(ws, r, split, last, i == 0 ? ht->nation : i == 1 ?
			    ht->motto : "", b->unit);
		}
		r++;
	}
	if (h->ntitle)
		for (i = 0; i < h->ntitle; i++)
			put_merged(ws, r++, 0, last, h->title[i], b->title);
	else {	/* a sheet is its form's page: the form's title is the title */
		put_merged(ws, r++, 0, last, f->title, b->title);
		if (f->subtitle[0])
			put_merged(ws, r++, 0, last, f->subtitle, b->title);
	}
	if (ht->ref)
		put_merged(ws, r++, 0, last, ht->ref, b->ref);
	if (ht->period)
		put_merged(ws, r++, 0, last, ht->period, b->line);
	if (h->ntitle) {
		r++;
		put_merged(ws, r++, 0, last, f->title, b->title);
		if (f->subtitle[0])
			put_merged(ws, r++, 0, last, f->subtitle, b->title);
	}
	return r + 1;
}

/* Rows first..last of sheet name repeated on every printed page: the
 * defined name _xlnm.Print_Titles. Excel wants the sheet's name quoted in
 * it when the name starts with a digit (06a) or reads as a cell (bm3:
 * column BM, row 3), and libxlsxwriter's worksheet_repeat_rows quotes
 * neither, only a name with other characters than letters, digits, '_'
 * and '.'; so the name is written here, quoted, unless it holds a quote,
 * which libxlsxwriter quotes (and its workbook_define_name cannot find
 * the sheet by, doubled). */
static void
repeat_rows(struct book *b, lxw_worksheet *ws, const char *name, lxw_row_t first,
            lxw_row_t last)
{
	size_t n = strlen(name) + 48;
	char *local, *range;

	if (strchr(name, '\'')) {
		check(worksheet_repeat_rows(ws, first, last), "the header rows");
		return;
	}
	local = emalloc(n);
	snprintf(local, n, "'%s'!_xlnm.Print_Titles", name);
	range = emalloc(n);
	snprintf(range, n, "='%s'!$%lu:$%lu", name, (unsigned long)first + 1,
	    (unsigned long)last + 1);
	check(workbook_define_name(b->wb, local, range), "the header rows");
	free(local);
	free(range);
}

/* A new sheet: A4, as wide as the page, as long as it takes. */
static lxw_worksheet *
new_sheet(struct book *b, const char *name)
{
	lxw_worksheet *ws;

	check(workbook_validate_sheet_name(b->wb, name), name);
	if (!(ws = workbook_add_worksheet(b->wb, name)))
		die("--format xlsx: cannot add the sheet \"%s\"", name);
	worksheet_set_paper(ws, 9);	/* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	return ws;
}

/* The notes, a row under the table's last (row r - 1). */
static void
put_notes(struct book *b, lxw_worksheet *ws, lxw_row_t r, const struct heading *h)
{
	size_t i;

	if (h->nnote)
		r++;
	for (i = 0; i < h->nnote; i++)
		put_string(ws, r++, 0, h->note[i], b->note);
}

static void
write_sheet(struct book *b, const struct filled *fm, const struct heading *h,
            const struct heading_text *ht, const char *name)
{
	const struct form *f = &fm->f;
	const char *const *heads = b->st->locale == 'e' ? heads_en : heads_vi;
	lxw_worksheet *ws = new_sheet(b, name);
	lxw_row_t r, first;
	size_t i;
	lxw_col_t c;
	char what[64];

	for (c = 0; c < NCOLS; c++)
		check(worksheet_set_column(ws, c, c, col_width[c], NULL), "a column's width");
	/* the unit over A:B, the national title over C:E */
	r = put_heading(b, ws, f, h, ht, COL_UNIT, COL_NOTE);
	for (c = 0; c < NCOLS; c++)
		put_string(ws, r, c, heads[c], b->head);
	repeat_rows(b, ws, name, r, r);
	first = ++r;
	if ((size_t)first + f->n > LXW_ROW_MAX)
		die("--format xlsx: the form %s has %zu rows: a sheet holds %lu", f->name, f->n,
		    (unsigned long)LXW_ROW_MAX - first);
	for (i = 0; i < f->n; i++, r++) {
		const struct form_row *fr = &f->row[i];
		const struct fig *g = &fm->fig[i];
		lxw_format *tf = fr->e.nnum == 0 ? b->bold : b->text;
		char *formula;
		put_string(ws, r, COL_STT, fr->stt, tf);
		put_string(ws, r, COL_LABEL, fr->chi_tieu, tf);
		put_string(ws, r, COL_UNIT, fr->don_vi, tf);
		put_string(ws, r, COL_NOTE, fr->ghi_chu, tf);
		snprintf(what, sizeof what, "the figure of row %lu", (unsigned long)r + 1);
		if (!g->ok) {	/* no figure: said on standard error, empty here */
			check(worksheet_write_blank(ws, r, COL_FIG, tf), what);
			continue;
		}
		if (fr->e.rows && (formula = row_formula(f, i, first)) != NULL) {
			check(worksheet_write_formula_num(ws, r, COL_FIG, formula,
			    num_format(b, fr->pct, g->d.scale), to_double(g->d, fr->pct ? 2 : 0)), what);
			free(formula);
		} else
			check(worksheet_write_number(ws, r, COL_FIG, to_double(g->d, fr->pct ? 2 : 0),
			    num_format(b, fr->pct, g->d.scale)), what);
	}
	put_notes(b, ws, r, h);
}

/* A wide form's sheet: the heading over all its columns (the unit over
 * the first half), its merged head of wide_heads' cells and the numbers
 * (1)...(n) under it, repeated on every printed page; a row per group, the
 * counts as numbers; the total row in bold, each figure =SUM() of the
 * rows above with its value cached. A figure the form makes of several
 * columns of the data ((5) = nop_truc_tiep + nop_buu_chinh) is the
 * data's count, and so is one kiem_tra relates to others ((3) =
 * (4)+(5)+(6)): a relation is what cchc-check --form checks the filled
 * form for, and a formula would show its sum where the data says
 * otherwise; so every cell is the value csv writes. */
/* A rate, a figure of the form or a score (QĐ 766): a percentage as
 * Excel's (0.8 shown 80,00%), the others as numbers, to their decimals. */
static void
put_wide_dec(struct book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
             const struct wide_col *col, struct dec d, const char *what)
{
	check(worksheet_write_number(ws, r, c, to_double(d, col->pct ? 2 : 0),
	    num_format(b, col->pct, d.scale)), what);
}

static void
write_wide_sheet(struct book *b, const struct filled *fm, const struct heading *h,
                 const struct heading_text *ht, const char *name)
{
	const struct form *f = &fm->f;
	const struct wide_form *w = f->wide;
	const struct wide_filled *t = fm->wide;
	lxw_worksheet *ws = new_sheet(b, name);
	lxw_col_t c, n = (lxw_col_t)w->n, last = n > 1 ? n - 1 : 1;
	lxw_row_t r, head, first;
	struct wide_head *cell;
	size_t i, nh, g;
	char what[64];

	if (w->n > LXW_COL_MAX)
		die("--format xlsx: the form %s has %zu columns: a sheet holds %d", f->name, w->n,
		    LXW_COL_MAX);
	for (c = 0; c < n; c++)
		check(worksheet_set_column(ws, c, c, wide_width[w->col[c].kind], NULL),
		    "a column's width");
	worksheet_set_landscape(ws);	/* 13 columns: the page across */
	head = put_heading(b, ws, f, h, ht, n > 1 ? n / 2 : 1, last);
	nh = wide_heads(w, &cell);
	for (i = 0; i < nh; i++)
		put_range(ws, head + (lxw_row_t)cell[i].level, (lxw_col_t)cell[i].col,
		    head + (lxw_row_t)(cell[i].level + cell[i].rowspan - 1),
		    (lxw_col_t)(cell[i].col + cell[i].colspan - 1), cell[i].text, b->head);
	free(cell);
	r = head + (lxw_row_t)w->depth;
	for (c = 0; c < n; c++) {
		char num[64];
		snprintf(num, sizeof num, "(%s)", w->col[c].cot);
		put_string(ws, r, c, num, b->cot);
	}
	repeat_rows(b, ws, name, head, r);
	first = ++r;
	if ((size_t)first + t->ng + 1 > LXW_ROW_MAX)
		die("--format xlsx: the form %s has %zu groups: a sheet holds %lu", f->name, t->ng,
		    (unsigned long)LXW_ROW_MAX - first - 1);
	for (g = 0; g < t->ng; g++, r++)
		for (c = 0; c < n; c++) {
			const struct wide_col *col = &w->col[c];
			size_t k = g * w->n + c;
			snprintf(what, sizeof what, "the figure of row %lu", (unsigned long)r + 1);
			if (col->kind == WIDE_STT)
				check(worksheet_write_number(ws, r, c, (double)(g + 1), b->stt), what);
			else if (col->kind == WIDE_GROUP)
				put_string(ws, r, c, t->gs[g].label, b->text);
			else if (!t->ok[k])	/* no figure: said on standard error */
				check(worksheet_write_blank(ws, r, c, b->text), what);
			else if (col->kind > WIDE_SUM)
				put_wide_dec(b, ws, r, c, col, t->d[k], what);
			else	/* a count: exact in a double below 2^53 */
				check(worksheet_write_number(ws, r, c, (double)t->v[k],
				    num_format(b, 0, 0)), what);
		}
	snprintf(what, sizeof what, "the total of row %lu", (unsigned long)r + 1);
	for (c = 0; c < n; c++) {
		const struct wide_col *col = &w->col[c];
		size_t k = t->ng * w->n + c;
		char range[LXW_MAX_CELL_RANGE_LENGTH], formula[LXW_MAX_CELL_RANGE_LENGTH + 8];
		if (col->kind > WIDE_SUM && t->ok[k]) {	/* made from the total's counts */
			put_wide_dec(b, ws, r, c, col, t->d[k], what);
		} else if (col->kind > WIDE_SUM) {
			check(worksheet_write_blank(ws, r, c, b->bold), what);
		} else if (col->kind != WIDE_SUM) {
			put_string(ws, r, c, col->tong, b->bold);
		} else if (!t->ok[k]) {
			check(worksheet_write_blank(ws, r, c, b->bold), what);
		} else if (t->ng == 0) {	/* no row to add: the sum of none */
			check(worksheet_write_number(ws, r, c, (double)t->v[k], b->total), what);
		} else {
			lxw_rowcol_to_range(range, first, c, r - 1, c);
			snprintf(formula, sizeof formula, "=SUM(%s)", range);
			check(worksheet_write_formula_num(ws, r, c, formula, b->total,
			    (double)t->v[k]), what);
		}
	}
	put_notes(b, ws, r + 1, h);
}

void
xlsx_write(const struct filled *forms, size_t n, const struct heading *h,
           const struct heading_text *ht, const struct style *st, const char *path)
{
	lxw_workbook_options opt = {0};
	lxw_doc_properties props;
	struct book b;
	char *tmp = out_temp_file("cchc-table.xlsx"), **names, *title;
	size_t i;

	memset(&b, 0, sizeof b);
	b.st = st;
	opt.tmpdir = getenv("TMPDIR");	/* libxlsxwriter's own files too */
	if (opt.tmpdir && !*opt.tmpdir)
		opt.tmpdir = NULL;
	if (!(b.wb = workbook_new_opt(tmp, &opt)))
		die("--format xlsx: cannot make a workbook");
	memset(&props, 0, sizeof props);
	title = document_title(h, forms, n);
	props.title = title;
	check(workbook_set_properties(b.wb, &props), "the workbook's title");
	make_formats(&b);
	names = emalloc((n + 1) * sizeof *names);
	for (i = 0; i < n; i++) {
		names[i] = sheet_name(forms[i].f.name, names, i);
		if (forms[i].f.wide)
			write_wide_sheet(&b, &forms[i], h, ht, names[i]);
		else
			write_sheet(&b, &forms[i], h, ht, names[i]);
	}
	check(workbook_close(b.wb), "writing the workbook");
	if (path) {
		struct out *o = out_create_aside(path);
		out_copy_file(o, tmp);
		out_commit(o);
	} else {
		out_init_stdout();
		out_copy_file(out_stdout, tmp);
		out_close(out_stdout);
	}
	out_temp_remove(tmp);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(title);
}
