/* cchc-table --chart: the on-time and online rates of each group of the
 * data as an SVG bar chart inside the html page, against the targets given
 * with --target. No script: the bars are rectangles whose widths are the
 * rates, computed exactly as cchc-rate computes them; the text is text; a
 * fixed viewBox, so that it scales to the page and prints as drawn. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "lib/cols.h"
#include "lib/date.h"
#include "lib/expr.h"
#include "lib/msg.h"
#include "lib/num.h"
#include "lib/out.h"
#include "lib/smap.h"

/* The geometry, in the viewBox's units: a label column, then the bars (a
 * percent is SCALE units wide), then room for the figures. */
enum {
	WIDTH = 760, LABEL_RIGHT = 222, BAR_X = 230, SCALE = 4, TOP = 64,
	ROW = 44, BAR_H = 16, LEGEND = 70, LEGEND_X = 40,
};

/* The rates drawn, each one of cchc-rate's standard rates (cols.h), with
 * its colours and words. */
static const struct measure {
	const char *rate, *target_name, *fill, *target_stroke;
	const char *label_vi, *label_en;
} measures[] = {
	{"ty_le_dung_han", "dung_han", "#1f5fa8", "#0b2e59",
	    "Tỷ lệ hồ sơ giải quyết đúng hạn (trước hạn và đúng hạn)",
	    "Resolved on time (early or on the due day)"},
	{"ty_le_truc_tuyen", "truc_tuyen", "#d9822b", "#7a3d00",
	    "Tỷ lệ hồ sơ nộp trực tuyến", "Submitted online"},
};
enum { NMEASURES = sizeof measures / sizeof measures[0] };
_Static_assert(NMEASURES == sizeof ((struct chart_targets *)0)->has /
    sizeof ((struct chart_targets *)0)->has[0], "a target for each rate drawn");

/* The words a group's code is shown by, for the code columns' values. */
static const struct {
	const char *code, *vi, *en;
} code_label[] = {
	{"tinh", "Cấp tỉnh", "Province"}, {"huyen", "Cấp huyện", "District"},
	{"xa", "Cấp xã", "Commune"}, {"toan_trinh", "DVC toàn trình", "Full online"},
	{"mot_phan", "DVC một phần", "Partly online"}, {"khong", "Không trực tuyến", "Not online"},
	{"truc_tuyen", "Trực tuyến", "Online"}, {"truc_tiep", "Trực tiếp", "In person"},
	{"buu_chinh", "Bưu chính", "By post"},
};

struct chart {
	struct smap *seen;	/* the groups' keys */
	char **key;		/* in the order read */
	size_t n, cap;
	struct chart_targets tg;
};

struct chart *
chart_new(const struct chart_targets *tg)
{
	struct chart *c = ecalloc(1, sizeof *c);

	c->seen = smap_new(1);
	c->tg = *tg;
	return c;
}

void
chart_free(struct chart *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->n; i++)
		free(c->key[i]);
	free(c->key);
	smap_free(c->seen);
	free(c);
}

/* 10^s, for a decimal's scale (0..18). */
static int64_t
pow10_(int s)
{
	int64_t p = 1;

	while (s-- > 0)
		p *= 10;
	return p;
}

int
chart_target(struct chart_targets *tg, const char *arg, char *err, size_t errsz)
{
	const char *eq = strchr(arg, '=');
	size_t i, n = eq ? (size_t)(eq - arg) : 0;
	struct dec d;
	int pct;

	for (i = 0; eq && i < NMEASURES; i++)
		if ((strlen(measures[i].target_name) == n && memcmp(arg, measures[i].target_name, n) == 0) ||
		    (strlen(measures[i].rate) == n && memcmp(arg, measures[i].rate, n) == 0))
			break;
	if (!eq || i == NMEASURES) {
		snprintf(err, errsz, "\"%s\" is not dung_han=P or truc_tuyen=P", arg);
		return -1;
	}
	if (num_decimal(eq + 1, strlen(eq + 1), &d, &pct) != NUM_OK || d.v < 0 || d.scale > 15 ||
	    d.v > 100 * pow10_(d.scale)) {
		snprintf(err, errsz, "\"%s\": not a percentage from 0 to 100", arg);
		return -1;
	}
	tg->has[i] = 1;
	tg->at[i] = d;
	return 0;
}

void
chart_group(struct chart *c, const char *key, size_t n)
{
	int added;

	smap_put(c->seen, key, n, &added);
	if (!added)
		return;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 16;
		c->key = erealloc(c->key, c->cap * sizeof *c->key);
	}
	c->key[c->n++] = estrndup(key, n);
}

/* A bar: the rate of a group, or none (no data, or no dossier). */
struct bar {
	int ok, none;	/* none: the denominator is 0 */
	struct dec rate;
};

/* The sum of a group's cells named by terms, into *sum: 0; 1 when a cell
 * is missing; -1 when one is not a count (said). */
static int
add_cells(cell_fn cell, void *ctx, const char *key, char **terms, size_t n, int64_t *sum,
          int *est, const char **to)
{
	size_t k;

	*sum = 0;
	for (k = 0; k < n; k++) {
		struct cell cl;
		int64_t v;
		int err;
		memset(&cl, 0, sizeof cl);
		if (cell(ctx, key, terms[k], &cl) < 0 || !cl.raw || !cl.raw[0])
			return 1;
		if ((err = num_count(cl.raw, strlen(cl.raw), &v)) != NUM_OK) {
			char what[256];
			snprintf(what, sizeof what, "%s (%s.%s, for --chart)", num_strerror(err), key,
			    terms[k]);
			msg_at(cl.file, cl.line, NULL, what, cl.raw, strlen(cl.raw));
			return -1;
		}
		if (!num_add(sum, v)) {
			warnx_("--chart: %s: the sum passes the largest count", key);
			return -1;
		}
		if (cl.est) {
			*est = 1;
			if (!*to)
				*to = cl.to;
		}
	}
	return 0;
}

static void
put_dec(struct dec d, char point)
{
	char buf[64];

	num_format_dec(d, point, 0, buf);
	out_str(out_stdout, buf);
}

static void
put_int(long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%ld", v);
	out_str(out_stdout, buf);
}

/* x of a percentage: BAR_X + p x SCALE, exactly (p from 0 to 100). */
static struct dec
x_of(struct dec p)
{
	struct dec x = {p.v * SCALE + BAR_X * pow10_(p.scale), p.scale};

	return x;
}

static void
put_svg_text(const char *s)
{
	char *v = shown(s);

	put_escaped_html(v);
	free(v);
}

/* A group's label: its key's parts, each a code's words or as written;
 * the total row "Tổng cộng". */
static void
put_label(const char *key, int en)
{
	const char *p = key, *slash;
	size_t i;

	if (strncmp(key, "tong", 4) == 0 && strspn(key + 4, "/") == strlen(key + 4)) {
		out_str(out_stdout, en ? "Total" : "Tổng cộng");
		return;
	}
	for (;;) {
		size_t n;
		char *part;
		slash = strchr(p, '/');
		n = slash ? (size_t)(slash - p) : strlen(p);
		part = estrndup(p, n);
		for (i = 0; i < sizeof code_label / sizeof code_label[0]; i++)
			if (strcmp(part, code_label[i].code) == 0)
				break;
		put_svg_text(i < sizeof code_label / sizeof code_label[0] ?
		    (en ? code_label[i].en : code_label[i].vi) : part);
		free(part);
		if (!slash)
			break;
		out_str(out_stdout, " / ");
		p = slash + 1;
	}
}

unsigned long
chart_write_html(struct chart *c, cell_fn cell, void *ctx, int locale)
{
	int en = locale == 'e', est = 0, any = 0;
	char point = en ? '.' : ',';
	const char *to = NULL;
	struct bar *bar = ecalloc(c->n * NMEASURES + 1, sizeof *bar);
	unsigned long problems = 0;
	long height = TOP + (long)c->n * ROW + LEGEND, bottom = TOP + (long)c->n * ROW, y;
	size_t g, m;
	static const int grid[] = {0, 25, 50, 75, 100};

	for (m = 0; m < NMEASURES; m++) {
		struct expr e;
		const char *why, *expr = NULL;
		size_t at, i;
		for (i = 0; i < nstandard_rate; i++)
			if (strcmp(standard_rate[i].name, measures[m].rate) == 0)
				expr = standard_rate[i].expr;
		if (!expr || expr_parse(expr, EXPR_RATES, &e, &why, &at) < 0)
			die("--chart: the rate %s is not known", measures[m].rate);
		for (g = 0; g < c->n; g++) {
			struct bar *b = &bar[g * NMEASURES + m];
			int64_t above, below;
			int r1 = add_cells(cell, ctx, c->key[g], e.num, e.nnum, &above, &est, &to), r2;
			r2 = r1 ? r1 : add_cells(cell, ctx, c->key[g], e.den, e.nden, &below, &est, &to);
			if (r1 < 0 || r2 < 0) {
				problems++;
				continue;
			}
			if (r1 || r2)
				continue;
			if (below == 0) {
				b->none = 1;
				continue;
			}
			b->ok = dec_percent((struct dec){above, 0}, (struct dec){below, 0}, 2, &b->rate);
			any |= b->ok;
		}
		expr_free(&e);
	}
	if (!any) {
		warnx_("--chart: no group has the counts of a rate (gq_truoc_han, gq_dung_han, "
		    "da_giai_quyet; nop_truc_tuyen, moi_tiep_nhan): no chart");
		free(bar);
		return problems + 1;
	}
	out_str(out_stdout, "<figure class=\"bieu-do\" style=\"margin: 1.5em auto; max-width: 760px; "
	    "break-inside: avoid; page-break-inside: avoid;\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 ");
	put_int(WIDTH);
	out_str(out_stdout, " ");
	put_int(height);
	out_str(out_stdout, "\" width=\"100%\" role=\"img\" aria-labelledby=\"bieu-do-tieu-de\" "
	    "font-family=\"'Times New Roman', serif\" font-size=\"13\">\n<title id=\"bieu-do-tieu-de\">");
	out_str(out_stdout, en ? "On-time and online rates by group" :
	    "Tỷ lệ giải quyết đúng hạn và nộp trực tuyến theo nhóm");
	out_str(out_stdout, "</title>\n<rect x=\"0\" y=\"0\" width=\"760\" height=\"");
	put_int(height);
	out_str(out_stdout, "\" fill=\"#ffffff\"/>\n<text x=\"380\" y=\"22\" text-anchor=\"middle\" "
	    "font-size=\"15\" font-weight=\"bold\">");
	out_str(out_stdout, en ? "On-time and online rates by group" :
	    "Tỷ lệ giải quyết đúng hạn và nộp trực tuyến theo nhóm");
	out_str(out_stdout, "</text>\n");
	if (est) {	/* as the annex's notes say it */
		char day[32] = "";
		if (to)
			report_day(to, day, sizeof day);
		out_str(out_stdout, "<text x=\"380\" y=\"38\" text-anchor=\"middle\" font-style=\"italic\">");
		out_str(out_stdout, en ? "estimated (ước)" : "Số liệu ước");
		if (day[0]) {
			out_str(out_stdout, en ? " to " : " đến ");
			put_svg_text(day);
		}
		out_str(out_stdout, "</text>\n");
	}
	for (g = 0; g < sizeof grid / sizeof grid[0]; g++) {
		struct dec p = {grid[g], 0};
		out_str(out_stdout, "<line x1=\"");
		put_dec(x_of(p), '.');
		out_str(out_stdout, "\" y1=\"");
		put_int(TOP - 6);
		out_str(out_stdout, "\" x2=\"");
		put_dec(x_of(p), '.');
		out_str(out_stdout, "\" y2=\"");
		put_int(bottom);
		out_str(out_stdout, "\" stroke=\"#bbbbbb\" stroke-width=\"1\"/><text x=\"");
		put_dec(x_of(p), '.');
		out_str(out_stdout, "\" y=\"");
		put_int(TOP - 10);
		out_str(out_stdout, "\" text-anchor=\"middle\" font-size=\"11\">");
		put_int(grid[g]);
		out_str(out_stdout, "%</text>\n");
	}
	/* the targets under the bars and their figures */
	for (m = 0; m < NMEASURES; m++) {
		if (c->tg.has[m]) {
			out_str(out_stdout, "<line class=\"muc-tieu ");
			out_str(out_stdout, measures[m].target_name);
			out_str(out_stdout, "\" x1=\"");
			put_dec(x_of(c->tg.at[m]), '.');
			out_str(out_stdout, "\" y1=\"");
			put_int(TOP - 6);
			out_str(out_stdout, "\" x2=\"");
			put_dec(x_of(c->tg.at[m]), '.');
			out_str(out_stdout, "\" y2=\"");
			put_int(bottom);
			out_str(out_stdout, "\" stroke=\"");
			out_str(out_stdout, measures[m].target_stroke);
			out_str(out_stdout, "\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n");
		}
	}
	for (g = 0; g < c->n; g++) {
		y = TOP + (long)g * ROW;
		out_str(out_stdout, "<text x=\"");
		put_int(LABEL_RIGHT);
		out_str(out_stdout, "\" y=\"");
		put_int(y + 26);
		out_str(out_stdout, "\" text-anchor=\"end\">");
		put_label(c->key[g], en);
		out_str(out_stdout, "</text>\n");
		for (m = 0; m < NMEASURES; m++) {
			const struct bar *b = &bar[g * NMEASURES + m];
			long by = y + 4 + (long)m * (BAR_H + 2);
			struct dec w, full = {100, 0};
			if (!b->ok) {
				out_str(out_stdout, "<text x=\"");
				put_int(BAR_X + 6);
				out_str(out_stdout, "\" y=\"");
				put_int(by + 12);
				out_str(out_stdout, "\" font-size=\"12\" font-style=\"italic\">");
				out_str(out_stdout, b->none ? (en ? "no dossiers" : "không có hồ sơ") :
				    (en ? "no data" : "không có số liệu"));
				out_str(out_stdout, "</text>\n");
				continue;
			}
			/* a rate past 100% (hand-made data) is drawn full */
			w = b->rate.v > 100 * pow10_(b->rate.scale) ? full : b->rate;
			out_str(out_stdout, "<rect class=\"cot ");
			out_str(out_stdout, measures[m].target_name);
			out_str(out_stdout, "\" x=\"");
			put_int(BAR_X);
			out_str(out_stdout, "\" y=\"");
			put_int(by);
			out_str(out_stdout, "\" width=\"");
			put_dec((struct dec){w.v * SCALE, w.scale}, '.');
			out_str(out_stdout, "\" height=\"");
			put_int(BAR_H);
			out_str(out_stdout, "\" fill=\"");
			out_str(out_stdout, measures[m].fill);
			out_str(out_stdout, "\"/><text x=\"");
			put_dec(x_of(w), '.');
			out_str(out_stdout, "\" dx=\"6\" y=\"");
			put_int(by + 12);
			out_str(out_stdout, "\" font-size=\"12\" stroke=\"#ffffff\" stroke-width=\"3\" "
			    "paint-order=\"stroke\">");
			put_dec(b->rate, point);
			out_str(out_stdout, "%</text>\n");
		}
	}
	for (m = 0; m < NMEASURES; m++) {
		long ly = bottom + 18 + (long)m * 22;
		out_str(out_stdout, "<rect x=\"");
		put_int(LEGEND_X);
		out_str(out_stdout, "\" y=\"");
		put_int(ly);
		out_str(out_stdout, "\" width=\"14\" height=\"14\" fill=\"");
		out_str(out_stdout, measures[m].fill);
		out_str(out_stdout, "\"/><text x=\"");
		put_int(LEGEND_X + 20);
		out_str(out_stdout, "\" y=\"");
		put_int(ly + 12);
		out_str(out_stdout, "\">");
		out_str(out_stdout, en ? measures[m].label_en : measures[m].label_vi);
		if (c->tg.has[m]) {
			out_str(out_stdout, en ? "; target (dashed line): " : "; mục tiêu (nét đứt): ");
			put_dec(c->tg.at[m], point);
			out_str(out_stdout, "%");
		}
		out_str(out_stdout, "</text>\n");
	}
	out_str(out_stdout, "</svg>\n</figure>\n");
	free(bar);
	return problems;
}
