/* table.h: what cchc-table's files share: the formats, the data read, the
 * groups a wide form lists, the annex's heading and provenance, the forms
 * filled, and the text helpers of md, html and txt (cchc-table.c); the
 * wide forms' writer (table-wide.c), the heading's (table-head.c), the
 * workbook's (table-xlsx.c), the chart of the rates by group that --chart
 * adds to html (table-chart.c). */
#ifndef CCHC_TABLE_H
#define CCHC_TABLE_H

#include <stddef.h>

#include "lib/csvin.h"
#include "lib/forms.h"
#include "lib/num.h"

enum { FMT_CSV, FMT_MD, FMT_HTML, FMT_TXT, FMT_XLSX };

struct chart_hook;

struct style {
	int fmt;
	int locale;	/* 0 plain, 'v' vi, 'e' en */
	struct chart_hook *chart;	/* --chart, under the html table */
};

/* A value of the data, by its folded name (KEY.COLUMN, or a value's). */
struct datum {
	char *raw;
	const char *file;
	unsigned long line;
};

/* A group of the data: a row's key, as a wide form lists it. */
struct table_group {
	char *key;		/* the key columns' values, NFC, joined by '/' */
	size_t klen;
	char *label;		/* as shown: a group tong' is tong */
	size_t sk, skn;		/* its sort key, at sk in the groups' buffer */
	size_t table;		/* its table's key names: an index of tables[] */
	int total;		/* cchc-sum --total's row (tong), made anew */
};

/* The tables' key names (their first -k columns, folded, joined by '/'),
 * each once, with the first file that has them: a wide form lists the
 * groups of the tables of one of them (--groups, when there are several). */
struct table_keys {
	char *name;
	const char *file;
};

struct table_groups {
	int want;		/* set for a wide form: keep the keys */
	struct smap *seen;	/* table and folded key -> nothing: each group once */
	struct table_group *g;
	size_t n, cap;
	struct table_keys *tables;
	size_t ntables, cur;	/* cur: the key names of the table being read */
	const char *keyname;	/* those whose groups a wide form lists, or NULL */
	size_t pick;		/* their index */
	char *sortkeys;		/* collate.h keys of every group */
	size_t sklen, skcap;
};

/* A table's header: its first keys folded names colname are its groups'
 * key columns; file: the table's. */
void table_group_names(struct table_groups *g, char *const *colname, size_t keys,
                       const char *file);
/* A data row's key (cchc-table.c has made it: key[0..klen)), kept the
 * first time it is met in a table of its key names. */
void table_group_add(struct table_groups *g, const struct csv_row *row, size_t keys,
                     const char *key, size_t klen);
/* Which tables' groups a wide form lists: those keyed by want (--groups:
 * column names separated by ',' or '/'), or, when want is NULL, by the
 * only key names the tables have. Exits 2 when want names none, or when
 * want is NULL and the tables have several: form, the wide form's name,
 * says whose rows they would be. */
void table_groups_pick(struct table_groups *g, const char *want, const char *form);
void table_groups_free(struct table_groups *g);

/* A wide form filled: its groups in order, then the total row; each
 * figure's count (v, with ok set when there is one), row by row, the
 * form's columns in each; a column =stt or =nhom has none. */
struct wide_filled {
	struct table_group *gs;	/* the groups (their strings are table_groups') */
	size_t ng;
	int64_t *v;
	struct dec *d;		/* a rate's, a constant's, a score's figure */
	unsigned char *ok;
	const char *keyname;	/* the group column's name in csv */
};

/* The heading of the seed's Phụ lục, and the provenance under the forms;
 * every part may be absent. */
struct heading {
	char **unit;		/* --unit lines, top left: the issuing body */
	size_t nunit;
	char **title;		/* --title lines: the annex's own title */
	size_t ntitle;
	const char *ref;	/* --ref: the report it goes with */
	int has_period;		/* --period, or --from and --to */
	long from, to;		/* its days, both inclusive */
	char **note;		/* --note lines: where the figures come from */
	size_t nnote;
};

/* A form and its figures, made from the data: a row form's figure per
 * row, or a wide form's table. */
struct filled {
	struct form f;
	struct fig *fig;
	struct wide_filled *wide;
};

/* Where a form stands in the document: the page's start and heading come
 * with the first, the notes (and the chart) and the page's end with the
 * last; form_heads: the form's title is the document's (see head_md). */
struct place {
	const struct heading *h;
	const struct heading_text *ht;
	const char *doc_title;
	int form_heads, first, last;
};

/* A wide form (table-wide.c): its table made from the data's cells
 * (folded KEY.COLUMN -> struct datum) for the groups picked in g, into
 * fm->wide; returns how many cells lacked a value, and adds to *bad those
 * whose value is no count (each said, with label, the form's name, when
 * it is not NULL). */
unsigned long wide_fill(struct filled *fm, struct smap *data, const struct table_groups *g,
                        const char *label, unsigned long *bad);
/* Writes it in st's format (csv, md, html or txt) to standard output, in
 * its place in the document; csv is the table alone. */
void wide_write(const struct filled *fm, const struct style *st, const struct place *pl);
void wide_filled_free(struct wide_filled *x);

/* The lines of the heading that are made of fixed words and the options:
 * the national title and motto beside the unit (words[0], words[1]), the
 * "(Kèm theo ...)" line and the period's line; new strings (NULL when the
 * option is absent), the caller frees. The words follow the locale. */
struct heading_text {
	const char *nation, *motto;
	char *ref, *period;
};
void heading_text(const struct heading *h, int locale, struct heading_text *ht);
void heading_text_free(struct heading_text *ht);

/* The document's parts, for md, html and txt (table-head.c). A document is
 * the heading, then each form (its own heading and table), then the notes.
 * When the form is the only one and --title is not given, the form's title
 * is the document's (form_heads): the ref and period lines follow it, and
 * the form's writer calls head_lines_* after its title. */
/* A form's start in md, html or txt (nothing in csv): see form_top in
 * table-head.c. */
struct place;
void form_top(const struct style *st, const struct place *pl, const char *title,
              const char *subtitle);
void head_md(const struct heading *h, const struct heading_text *ht, int form_heads);
void head_html(const struct heading *h, const struct heading_text *ht, int form_heads);
void head_txt(const struct heading *h, const struct heading_text *ht, int form_heads);
void head_lines_md(const struct heading_text *ht);
void head_lines_html(const struct heading_text *ht);
void head_lines_txt(const struct heading_text *ht);
void notes_md(const struct heading *h);
void notes_html(const struct heading *h);
void notes_txt(const struct heading *h);
/* An html page's start up to <body>, its style sheet the same for every
 * form; and its end, from </body>. */
void html_start(const char *doc_title, int locale);
void html_end(void);
/* The page's title (html <title>): --title's lines, or the forms' titles. */
char *document_title(const struct heading *h, const struct filled *forms, size_t n);

/* The workbook: one sheet per form, written to path, or to standard output
 * when path is NULL (table-xlsx.c). Exits 2 on any error. */
void xlsx_write(const struct filled *forms, size_t n, const struct heading *h,
                const struct heading_text *ht, const struct style *st, const char *path);

/* cchc-table.c's column heads, by locale. */
extern const char *const heads_vi[5], *const heads_en[5];

/* The text helpers of cchc-table.c. */
char *shown(const char *s);		/* text safe to show: a new string */
void put_escaped_md(const char *s);
void put_escaped_html(const char *s);
size_t width(const char *s, size_t n);	/* display columns */

/* The lines a cell is wrapped into: as many as it takes. */
struct lines {
	const char **start;
	size_t *len, n, cap;
};
void wrap(const char *s, size_t w, struct lines *l);
/* txt: spaces are held back until text follows, so no line ends in them */
void pad(size_t n);
void put_text(const char *s, size_t n);
void end_line(void);

/* A day of the data (2024-12-14) as the report writes it (14/12/2024); any
 * other text as it is. */
void report_day(const char *day, char *buf, size_t size);

/* A cell's text as the data gives it: the figure to the period's end when
 * the data has one (*est set to 1, *to its day or NULL), and where it was
 * read; NULL when the data has no such cell. */
struct cell {
	const char *raw, *to, *file;
	unsigned long line;
	int est;
};
typedef int (*cell_fn)(void *ctx, const char *key, const char *col, struct cell *c);

/* --chart: the chart of the data's groups, under the last form of an html
 * page (cchc-table.c); its problems are counted in st->chart. */
void table_chart(const struct style *st);

/* The targets drawn: the on-time rate's, the online rate's. */
struct chart_targets {
	int has[2];
	struct dec at[2];
};
/* --target NAME=P (dung_han or truc_tuyen, P a percentage from 0 to 100)
 * into tg: 0, or -1 with the reason in err. */
int chart_target(struct chart_targets *tg, const char *arg, char *err, size_t errsz);

struct chart;

struct chart *chart_new(const struct chart_targets *tg);
void chart_free(struct chart *c);
/* A row's key in a wide table (the first -k values joined by '/', NFC), in
 * the order read: each group once, its first time. */
void chart_group(struct chart *c, const char *key, size_t n);
/* Writes the chart as an inline SVG figure into the html page. Returns
 * the number of problems said on standard error (a value that is not a
 * count; no group with the counts of a rate), 0 when none. */
unsigned long chart_write_html(struct chart *c, cell_fn cell, void *ctx, int locale);

#endif
