/* table.h: what cchc-table's parts share: its text escaping, and the
 * chart (table-chart.c) of the rates by group that --chart adds to html. */
#ifndef CCHC_TABLE_H
#define CCHC_TABLE_H

#include <stddef.h>

#include "lib/num.h"

/* cchc-table.c: text for people (control bytes, bidi overrides and bytes
 * that are not UTF-8 made visible; a new string), and text into html. */
char *shown(const char *s);
void put_escaped_html(const char *s);
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
