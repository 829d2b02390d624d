/* table-head.c: cchc-table's heading and provenance in md, html and txt:
 * the issuing unit top left with the national title and motto beside it,
 * the annex's title, the "(Kèm theo ...)" line, the period, and the notes
 * under the forms, as on the seed's Phụ lục. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/msg.h"
#include "lib/out.h"
#include "lib/period.h"
#include "table.h"

/* The heading's fixed words, by locale. */
static const struct words {
	int locale;
	const char *nation, *motto;	/* quốc hiệu, tiêu ngữ */
	const char *attached;		/* the report the annex goes with */
	const char *period_from, *period_to;
} words[] = {
	{'v', "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
	    "Kèm theo", "Kỳ báo cáo: từ ngày", "đến ngày"},
	{'e', "SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness",
	    "Attached to", "Reporting period: from", "to"},
};

void
heading_text(const struct heading *h, int locale, struct heading_text *ht)
{
	const struct words *w = &words[locale == 'e'];
	size_t n;

	ht->nation = w->nation;
	ht->motto = w->motto;
	ht->ref = NULL;
	ht->period = NULL;
	if (h->ref) {
		n = strlen(w->attached) + strlen(h->ref) + 4;
		ht->ref = emalloc(n);
		snprintf(ht->ref, n, "(%s %s)", w->attached, h->ref);
	}
	if (h->has_period) {
		char a[24], b[24];
		day_format_vn(h->from, a);
		day_format_vn(h->to, b);
		n = strlen(w->period_from) + strlen(w->period_to) + 2 * 24 + 4;
		ht->period = emalloc(n);
		snprintf(ht->period, n, "%s %s %s %s", w->period_from, a, w->period_to, b);
	}
}

void
heading_text_free(struct heading_text *ht)
{
	free(ht->ref);
	free(ht->period);
}

/* One style sheet for a page of any forms: a row form's table, a wide
 * form's (table.rong: the heads centred over their columns, the numbers'
 * row in italics, the total row in bold), the heading, the notes. */
void
html_start(const char *doc_title, int locale)
{
	char *t = shown(doc_title);

	out_str(out_stdout, "<!DOCTYPE html>\n<html lang=\"");
	out_str(out_stdout, locale == 'e' ? "en" : "vi");
	out_str(out_stdout, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	put_escaped_html(t);
	free(t);
	out_str(out_stdout, "</title>\n<style>\n"
	    "body { font-family: \"Times New Roman\", serif; margin: 2em; }\n"
	    "h1 { font-size: 1.2em; text-align: center; margin-bottom: 0; }\n"
	    "p.sub { text-align: center; font-weight: bold; margin-top: 0.2em; }\n"
	    "table { border-collapse: collapse; width: 100%; }\n"
	    "th, td { border: 1px solid #000; padding: 0.3em 0.5em; vertical-align: top; }\n"
	    "td.so { text-align: right; white-space: nowrap; }\n"
	    "tr.muc td { font-weight: bold; }\n"
	    "table.rong th { text-align: center; vertical-align: middle; }\n"
	    "table.rong tr.cot th { font-weight: normal; font-style: italic; }\n"
	    "table.rong tr.tong td { font-weight: bold; }\n"
	    "table.dau { margin-bottom: 1.5em; }\n"
	    "table.dau td { border: none; width: 50%; text-align: center; font-weight: bold; }\n"
	    "h2 { font-size: 1.1em; text-align: center; margin: 1.5em 0 0; }\n"
	    "p.kem, p.ky { text-align: center; margin: 0.2em 0; }\n"
	    "p.kem { font-style: italic; }\n"
	    "p.ghi { font-style: italic; margin: 0.3em 0; }\n"
	    "@media print { body { margin: 0; } }\n"
	    "</style>\n</head>\n<body>\n");
}

void
html_end(void)
{
	out_str(out_stdout, "</body>\n</html>\n");
}

char *
document_title(const struct heading *h, const struct filled *forms, size_t n)
{
	char *const *part = h->ntitle ? h->title : NULL;
	size_t i, len = 1, k = h->ntitle ? h->ntitle : n;
	const char *sep = h->ntitle ? " " : ", ";
	char *s;

	for (i = 0; i < k; i++)
		len += strlen(part ? part[i] : forms[i].f.title) + 2;
	s = emalloc(len);
	s[0] = '\0';
	for (i = 0; i < k; i++) {
		if (i)
			strcat(s, sep);
		strcat(s, part ? part[i] : forms[i].f.title);
	}
	return s;
}

/* Shown and escaped text, for md or html. */
static void
put_md(const char *s)
{
	char *t = shown(s);

	put_escaped_md(t);
	free(t);
}

static void
put_html(const char *s)
{
	char *t = shown(s);

	put_escaped_html(t);
	free(t);
}

/* A paragraph of Markdown: shown and escaped, and what would start a
 * block of another kind at its start (a heading, a list, a quote, a rule,
 * code) taken as text: leading spaces dropped (they are not text in a
 * paragraph), a leading # > - + = ~ or the . or ) after leading digits
 * escaped. */
static void
put_md_paragraph(const char *s)
{
	char *t = shown(s), *p = t;
	size_t digits;

	while (*p == ' ')
		p++;
	digits = strspn(p, "0123456789");
	if (digits && (p[digits] == '.' || p[digits] == ')')) {
		out_bytes(out_stdout, p, digits);
		p += digits;
		out_str(out_stdout, "\\");
	} else if (*p && strchr("#>-+=~", *p))
		out_str(out_stdout, "\\");
	put_escaped_md(p);
	free(t);
}

/* Markdown: the unit and the national title side by side, as a table of
 * two columns, since Markdown has no other way to set text beside text
 * (pandoc makes it a table in Word, as offices set it). */
void
head_md(const struct heading *h, const struct heading_text *ht, int form_heads)
{
	size_t i, rows = h->nunit > 2 ? h->nunit : 2;

	if (h->nunit) {
		for (i = 0; i < rows; i++) {
			out_str(out_stdout, "| ");
			if (i < h->nunit)
				put_md(h->unit[i]);
			out_str(out_stdout, " | ");
			put_md(i == 0 ? ht->nation : i == 1 ? ht->motto : "");
			out_str(out_stdout, i == 0 ? " |\n|:---:|:---:|\n" : " |\n");
		}
		out_str(out_stdout, "\n");
	}
	if (form_heads)
		return;
	for (i = 0; i < h->ntitle; i++) {
		out_str(out_stdout, "# ");
		put_md(h->title[i]);
		out_str(out_stdout, "\n");
	}
	if (h->ntitle)
		out_str(out_stdout, "\n");
	head_lines_md(ht);
}

void
head_lines_md(const struct heading_text *ht)
{
	if (ht->ref) {
		put_md_paragraph(ht->ref);
		out_str(out_stdout, "\n\n");
	}
	if (ht->period) {
		put_md_paragraph(ht->period);
		out_str(out_stdout, "\n\n");
	}
}

void
notes_md(const struct heading *h)
{
	size_t i;

	for (i = 0; i < h->nnote; i++) {
		out_str(out_stdout, "\n");
		put_md_paragraph(h->note[i]);
		out_str(out_stdout, "\n");
	}
}

void
head_html(const struct heading *h, const struct heading_text *ht, int form_heads)
{
	size_t i;

	if (h->nunit) {
		out_str(out_stdout, "<table class=\"dau\">\n<tr><td>");
		for (i = 0; i < h->nunit; i++) {
			if (i)
				out_str(out_stdout, "<br>");
			put_html(h->unit[i]);
		}
		out_str(out_stdout, "</td><td>");
		put_html(ht->nation);
		out_str(out_stdout, "<br>");
		put_html(ht->motto);
		out_str(out_stdout, "</td></tr>\n</table>\n");
	}
	if (form_heads)
		return;
	if (h->ntitle) {
		out_str(out_stdout, "<h1>");
		for (i = 0; i < h->ntitle; i++) {
			if (i)
				out_str(out_stdout, "<br>");
			put_html(h->title[i]);
		}
		out_str(out_stdout, "</h1>\n");
	}
	head_lines_html(ht);
}

void
head_lines_html(const struct heading_text *ht)
{
	if (ht->ref) {
		out_str(out_stdout, "<p class=\"kem\">");
		put_html(ht->ref);
		out_str(out_stdout, "</p>\n");
	}
	if (ht->period) {
		out_str(out_stdout, "<p class=\"ky\">");
		put_html(ht->period);
		out_str(out_stdout, "</p>\n");
	}
}

void
notes_html(const struct heading *h)
{
	size_t i;

	for (i = 0; i < h->nnote; i++) {
		out_str(out_stdout, "<p class=\"ghi\">");
		put_html(h->note[i]);
		out_str(out_stdout, "</p>\n");
	}
}

/* A line of txt: s centred in w columns, after lead columns; no spaces at
 * the line's end (pad and put_text hold them back). */
static void
put_centred(const char *s, size_t w)
{
	size_t sw = width(s, strlen(s));

	if (sw < w)
		pad((w - sw) / 2);
	put_text(s, strlen(s));
	if (sw < w)
		pad(w - sw - (w - sw) / 2);
}

/* txt: the unit's lines and the national title's, each block centred in
 * its own width, four columns apart, as the two blocks of a Vietnamese
 * official document stand. */
void
head_txt(const struct heading *h, const struct heading_text *ht, int form_heads)
{
	size_t i, rows = h->nunit > 2 ? h->nunit : 2, lw = 0, rw, w;
	char **unit;

	if (h->nunit) {
		unit = emalloc(h->nunit * sizeof *unit);
		for (i = 0; i < h->nunit; i++) {
			unit[i] = shown(h->unit[i]);
			if ((w = width(unit[i], strlen(unit[i]))) > lw)
				lw = w;
		}
		rw = width(ht->nation, strlen(ht->nation));
		if ((w = width(ht->motto, strlen(ht->motto))) > rw)
			rw = w;
		for (i = 0; i < rows; i++) {
			put_centred(i < h->nunit ? unit[i] : "", lw);
			pad(4);
			put_centred(i == 0 ? ht->nation : i == 1 ? ht->motto : "", rw);
			end_line();
		}
		end_line();
		for (i = 0; i < h->nunit; i++)
			free(unit[i]);
		free(unit);
	}
	if (form_heads)
		return;
	for (i = 0; i < h->ntitle; i++) {
		char *t = shown(h->title[i]);
		put_text(t, strlen(t));
		end_line();
		free(t);
	}
	head_lines_txt(ht);
	if (h->ntitle || ht->ref || ht->period)
		end_line();
}

void
head_lines_txt(const struct heading_text *ht)
{
	char *t;

	if (ht->ref) {
		t = shown(ht->ref);
		put_text(t, strlen(t));
		end_line();
		free(t);
	}
	if (ht->period) {
		put_text(ht->period, strlen(ht->period));
		end_line();
	}
}

void
notes_txt(const struct heading *h)
{
	size_t i;

	if (h->nnote)
		end_line();
	for (i = 0; i < h->nnote; i++) {
		char *t = shown(h->note[i]);
		put_text(t, strlen(t));
		end_line();
		free(t);
	}
}

/* A form's start in md, html or txt: the document's start and heading when
 * it is the first form, then the form's title and subtitle, and the ref and
 * period lines when the form's title is the document's. */
void
form_top(const struct style *st, const struct place *pl, const char *title, const char *subtitle)
{
	switch (st->fmt) {
	case FMT_MD:
		if (pl->first)
			head_md(pl->h, pl->ht, pl->form_heads);
		else
			out_str(out_stdout, "\n");
		out_str(out_stdout, "## ");
		put_escaped_md(title);
		if (subtitle[0]) {
			out_str(out_stdout, ": ");
			put_escaped_md(subtitle);
		}
		out_str(out_stdout, "\n\n");
		if (pl->form_heads)
			head_lines_md(pl->ht);
		break;
	case FMT_HTML:
		if (pl->first) {
			html_start(pl->doc_title, st->locale);
			head_html(pl->h, pl->ht, pl->form_heads);
		}
		out_str(out_stdout, pl->form_heads ? "<h1>" : "<h2>");
		put_escaped_html(title);
		out_str(out_stdout, pl->form_heads ? "</h1>\n" : "</h2>\n");
		if (subtitle[0]) {
			out_str(out_stdout, "<p class=\"sub\">");
			put_escaped_html(subtitle);
			out_str(out_stdout, "</p>\n");
		}
		if (pl->form_heads)
			head_lines_html(pl->ht);
		break;
	case FMT_TXT:
		if (pl->first)
			head_txt(pl->h, pl->ht, pl->form_heads);
		else
			end_line();
		out_str(out_stdout, title);
		if (subtitle[0]) {
			out_str(out_stdout, ": ");
			out_str(out_stdout, subtitle);
		}
		out_str(out_stdout, "\n");
		if (pl->form_heads)
			head_lines_txt(pl->ht);
		out_str(out_stdout, "\n");
		break;
	}
}
