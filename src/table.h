/* table.h: what cchc-table's files share: the formats, the data read, the
 * groups a wide form lists, and the text helpers of md, html and txt
 * (cchc-table.c); the wide forms' writer (table-wide.c). */
#ifndef CCHC_TABLE_H
#define CCHC_TABLE_H

#include <stddef.h>

#include "lib/csvin.h"
#include "lib/forms.h"

enum { FMT_CSV, FMT_MD, FMT_HTML, FMT_TXT };

struct style {
	int fmt;
	int locale;	/* 0 plain, 'v' vi, 'e' en */
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
	int total;		/* cchc-sum --total's row (tong), made anew */
};

struct table_groups {
	int want;		/* set for a wide form: keep the keys */
	struct smap *seen;	/* folded key -> nothing: each group once */
	struct table_group *g;
	size_t n, cap;
	char *keyname;		/* the first table's key columns, folded, joined by '/' */
	char *sortkeys;		/* collate.h keys of every group */
	size_t sklen, skcap;
};

/* A table's header: its first keys folded names colname name the group
 * column (the first table's). */
void table_group_names(struct table_groups *g, char *const *colname, size_t keys);
/* A data row's key (cchc-table.c has made it: key[0..klen)), kept the
 * first time it is met. */
void table_group_add(struct table_groups *g, const struct csv_row *row, size_t keys,
                     const char *key, size_t klen);
void table_groups_free(struct table_groups *g);

/* Writes wide form f (f->wide) to standard output from the data's cells
 * (folded KEY.COLUMN -> struct datum) for the groups g, in style st
 * (excel: csv for Excel); returns how many cells lacked a value, and adds
 * to *bad those whose value is no count (each said). */
unsigned long table_wide(const struct form *f, struct smap *data, struct table_groups *g,
                         const struct style *st, int excel, unsigned long *bad);

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

#endif
