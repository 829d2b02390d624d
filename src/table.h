/* table.h: what cchc-table's writers share: the formats, the annex's
 * heading and provenance, the forms filled, and the text helpers of
 * cchc-table.c (shown text, escaping, display width, txt's padding). */
#ifndef CCHC_TABLE_H
#define CCHC_TABLE_H

#include <stddef.h>

#include "lib/forms.h"

enum { FMT_CSV, FMT_MD, FMT_HTML, FMT_TXT, FMT_XLSX };

struct style {
	int fmt;
	int locale;	/* 0 plain, 'v' vi, 'e' en */
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

/* A form and its figures, made from the data. */
struct filled {
	struct form f;
	struct fig *fig;
};

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
void head_md(const struct heading *h, const struct heading_text *ht, int form_heads);
void head_html(const struct heading *h, const struct heading_text *ht, int form_heads);
void head_txt(const struct heading *h, const struct heading_text *ht, int form_heads);
void head_lines_md(const struct heading_text *ht);
void head_lines_html(const struct heading_text *ht);
void head_lines_txt(const struct heading_text *ht);
void notes_md(const struct heading *h);
void notes_html(const struct heading *h);
void notes_txt(const struct heading *h);
/* The page's title (html <title>): --title's lines, or the forms' titles. */
char *document_title(const struct heading *h, const struct filled *forms, size_t n);

/* The workbook: one sheet per form, written to path, or to standard output
 * when path is NULL (table-xlsx.c). Exits 2 on any error. */
void xlsx_write(const struct filled *forms, size_t n, const struct heading *h,
                const struct heading_text *ht, const struct style *st, const char *path);

/* cchc-table.c's column heads, by locale, and its text helpers. */
extern const char *const heads_vi[5], *const heads_en[5];
char *shown(const char *s);
void put_escaped_md(const char *s);
void put_escaped_html(const char *s);
size_t width(const char *s, size_t n);
void pad(size_t n);
void put_text(const char *s, size_t n);
void end_line(void);

#endif
