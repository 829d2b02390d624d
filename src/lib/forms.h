/* forms.h: annex forms: their rows, how each row's figure is made, and the
 * forms compiled into the programs (the CSV files in src/forms).
 *
 * A form is CSV: stt,chi_tieu,don_vi,nguon,ghi_chu. nguon is a cell or
 * value name, a sum of them (tinh.gq_truoc_han+tinh.gq_dung_han), a sum of
 * rows (=1.4.1+1.4.2), a rate of rows (=3.1.2/3.1.1, @N for N decimals), or
 * empty for a heading; A|B is A when the data has every name of A, else B.
 *
 * A wide form (06a) is CSV: cot,ten,tieu_de,nguon,tong,kiem_tra, one row
 * per column of the table, left to right; the table has one row per group
 * of the data, then a total row (wide.c, and cchc-table(1)). A column is a
 * count (the data's columns added), a rate of two of them (=5/4), a figure
 * of the form (=80%, =20, =? unknown) or a score (=diem(5,6,7)): qd766. */
#ifndef CCHC_FORMS_H
#define CCHC_FORMS_H

#include <stddef.h>

#include "expr.h"
#include "num.h"

struct embedded_file {
	const char *name, *text;
};
extern const struct embedded_file embedded_forms[];

struct form_row {
	char *stt, *key;	/* key: stt without a trailing '.' */
	char *chi_tieu, *don_vi, *nguon, *ghi_chu;
	unsigned long line;
	struct expr e;		/* nnum 0: a heading */
	int pct;		/* don_vi is % */
	int *ref;		/* '=' rows: the rows the terms name */
	struct expr alt;	/* after '|': when the data lacks a name of e */
	int has_alt;
};

struct smap;

/* A wide form's column: what its cells hold. */
enum wide_kind {
	WIDE_STT,	/* nguon =stt: the row's number, 1, 2, ... */
	WIDE_GROUP,	/* nguon =nhom: the group, its key columns joined by '/' */
	WIDE_SUM,	/* nguon names the data's columns: their sum, a count */
	WIDE_RATE,	/* nguon =5/4: column 5 over column 4 (counts), a % */
	WIDE_CONST,	/* nguon =80% or =20: the form's figure, the same on every
			 * row; =? when the form does not know it yet */
	WIDE_SCORE,	/* nguon =diem(6,7,8): min(rate / target, 1) x points
			 * (columns: a WIDE_RATE, two WIDE_CONST) */
};

/* A relation a filled wide form must show on every row: the column's
 * figure = the sum of the columns col[0..n) (kiem_tra =4+5+6). */
struct wide_check {
	size_t *col, n;
	char *text;	/* as a message says it: "(4)+(5)+(6)" */
};

struct wide_col {
	char *cot;		/* the number printed under the headings: "3" */
	char *ten;		/* its name in csv; empty for =nhom: the data's key names */
	char *tieu_de;		/* the heading, its levels separated by '>' */
	char *nguon, *tong;	/* tong: the total row's text (=stt, =nhom) */
	unsigned long line;
	int kind;		/* enum wide_kind */
	struct expr e;		/* WIDE_SUM: the data's columns added */
	char **level;		/* the heading's levels, from the top, trimmed */
	size_t nlevel;
	struct wide_check *check;
	size_t ncheck;
	size_t arg[3];		/* WIDE_RATE: over, under; WIDE_SCORE: rate, target, points */
	struct dec k;		/* WIDE_CONST: its figure, when known */
	int known;		/* WIDE_CONST: k is set (not =?) */
	int pct;		/* its figures are percentages (WIDE_RATE, a const's %) */
};

/* The columns, and how deep the heading is (its most levels). */
struct wide_form {
	struct wide_col *col;
	size_t n, cap, depth;
	size_t group;		/* the =nhom column */
};

/* One cell of a wide form's merged heading, as a writer lays it out (html,
 * xlsx, txt): at level (0 the top) over columns col..col+colspan-1, down
 * to level + rowspan - 1. The cells tile the heading's depth x n grid; a
 * cell over several columns has rowspan 1, a column's last level reaches
 * down to the bottom. The numbers (1)...(n) are a row of their own, under
 * it, made of the columns' cot. */
struct wide_head {
	size_t level, col, colspan, rowspan;
	const char *text;	/* the form's own: valid while it is */
};

struct form {
	char *name, *title, *subtitle;
	struct form_row *row;
	size_t n, cap;
	struct smap *index;	/* key -> the row's index (first of a key) */
	struct wide_form *wide;	/* a wide form: its columns (row, n unused) */
};

/* Loads a built-in form by name, or a form file. Returns 0, or -1 with a
 * message in err (no such form, a bad nguon, an unknown or circular row). */
int form_load(const char *name_or_path, struct form *f, char *err, size_t errsz);
/* The same from a form's text in memory. */
int form_load_mem(const char *name, const char *text, size_t len, struct form *f,
                  char *err, size_t errsz);
void form_free(struct form *f);
/* The row with this stt (spaces around and a trailing '.' ignored), or -1:
 * a look-up in the form's index, whatever its size. */
int form_find(const struct form *f, const char *stt, size_t n);
/* The built-in forms: name, title, subtitle, text; NULL name at the end. */
int form_builtin(size_t i, const char **name, const char **title,
                 const char **subtitle, const char **text);

/* The heading of a wide form, cell by cell, level by level, left to right,
 * into a new array *cell (the caller frees it); returns how many. */
size_t wide_heads(const struct wide_form *w, struct wide_head **cell);

/* What forms.c asks of wide.c while it loads a wide form: a column from
 * its six fields (taken, or freed on failure), and the columns linked (the
 * kiem_tra terms, one =nhom). 0, or -1 with a message in err. */
int wide_add_col(struct wide_form *w, char **field, const char *file, unsigned long line,
                 char *err, size_t errsz);
int wide_link(struct wide_form *w, const char *name, char *err, size_t errsz);
void wide_free(struct wide_form *w);
/* The column whose cot is s[0..n) ("4" or "(4)"), or -1. */
int wide_find(const struct wide_form *w, const char *s, size_t n);

/* A figure: a number, or none (what is missing was said). */
struct fig {
	int ok;
	struct dec d;
};

/* What form_eval asks of its caller. */
struct form_eval_ops {
	/* The value of name, for row (the row's pct says how to read it):
	 * 0 with *d set, or -1 when there is none (the callback says why). */
	int (*value)(void *ctx, size_t row, const char *name, struct dec *d);
	/* Row has no figure, and why: "no rate: =3.4.2/3.4.1 has a zero
	 * denominator". */
	void (*missing)(void *ctx, size_t row, const char *why);
	/* Whether the data has name (for A|B); NULL: take A. */
	int (*has)(void *ctx, const char *name);
	/* Optional (NULL): row's figure is made, or is known to be none,
	 * after the figures of every row it names. */
	void (*made)(void *ctx, size_t row);
};

/* Makes every row's figure into fig[0..n): a heading has none; a sum of
 * names or rows adds them; a rate is the sum above the '/' over the sum
 * below, x 100, rounded half away from zero (@N decimals, else 2). A row
 * is made once, after the rows it names; the rows are taken in order and
 * each one's terms in order, so the callbacks are called in the order a
 * recursive evaluation calls them. No recursion: the rows waiting for
 * others are kept on a stack of their own, so a chain of a million rows
 * is evaluated in memory proportional to it, never on the C stack. The
 * form must be linked (form_load), so has no cycle. */
void form_eval(const struct form *f, struct fig *fig, const struct form_eval_ops *ops,
               void *ctx);

#endif
