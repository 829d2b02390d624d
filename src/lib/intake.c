#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "codes.h"

#include "date.h"
#include "fold.h"
#include "intake.h"
#include "msg.h"
#include "msgs.h"

struct pending {
	struct saved_row r;
	const char *kind;
	char *col, *what, *value;
	size_t vlen;
	unsigned long line2;	/* the line what names at MSGS_LINE */
};

/* --- records kept past their callback --- */

static void
save_row(struct saved_row *d, const struct csv_row *row)
{
	size_t i, len = 0, o = 0;

	for (i = 0; i < row->nf; i++)
		len += row->f[i].n + 1;
	d->row = *row;
	d->row.want = NULL;
	d->row.nwant = 0;
	d->mem = emalloc(len + 1);
	d->row.f = emalloc((row->nf + 1) * sizeof *d->row.f);
	for (i = 0; i < row->nf; i++) {
		memcpy(d->mem + o, row->f[i].s, row->f[i].n);
		d->mem[o + row->f[i].n] = '\0';
		d->row.f[i].s = d->mem + o;
		d->row.f[i].n = row->f[i].n;
		o += row->f[i].n + 1;
	}
}

static void
free_saved(struct saved_row *d)
{
	free(d->mem);
	free(d->row.f);
	memset(d, 0, sizeof *d);
}

/* --- set up --- */

void
intake_init(struct intake *in, const struct intake_opts *o, struct msgs *msgs)
{
	memset(in, 0, sizeof *in);
	in->o = o;
	in->msgs = msgs;
	in->state = INTAKE_SEARCH;
}

static void
drop_look(struct intake *in)
{
	size_t i;

	for (i = 0; i < in->nlook; i++)
		free_saved(&in->look[i]);
	in->nlook = 0;
}

static void
free_pending(struct pending *p)
{
	free_saved(&p->r);
	free(p->col);
	free(p->what);
	free(p->value);
}

void
intake_free(struct intake *in)
{
	size_t i;

	drop_look(in);
	free(in->look);
	free_saved(&in->hold);
	if (in->hold_reject) {
		free_pending(in->hold_reject);
		free(in->hold_reject);
	}
	if (!in->is_part)
		for (i = 0; i < in->ntop; i++)
			free(in->top_fold[i]);
	if (!in->is_part)
		free(in->top_fold);
	for (i = 0; i < in->npend; i++)
		free_pending(&in->pend[i]);
	free(in->pend);
	if (in->have_cur)
		dossier_cols_free(&in->cur);
	if (in->have_first && in->own_first)
		dossier_cols_free(&in->first);
	free(in->perm);
	memset(in, 0, sizeof *in);
}

void
intake_part(struct intake *in, const struct intake *from, struct msgs *msgs, void *ctx)
{
	*in = *from;
	/* the first header is from's, read only; the rest the part's own */
	in->own_first = 0;
	dossier_cols_copy(&in->cur, &from->cur);
	in->perm = emalloc((from->first.nf + 1) * sizeof *in->perm);
	memcpy(in->perm, from->perm, from->first.nf * sizeof *in->perm);
	in->ctx = ctx;
	in->msgs = msgs;
	in->state = INTAKE_DATA;
	in->look = NULL;
	in->nlook = in->lookcap = 0;
	memset(&in->hold, 0, sizeof in->hold);
	in->hold_maybe = 0;
	in->hold_reject = NULL;
	in->is_part = 1;
	in->pend = NULL;
	in->npend = in->pendcap = 0;
	in->run_long = 0;
	in->rows = in->rejected = in->footer = in->dropped = in->empty = 0;
	in->fatal = 0;
}

int
intake_quiet(const struct intake *in)
{
	return in->state == INTAKE_DATA && in->npend == 0 && !in->run_long;
}

void
intake_begin_file(struct intake *in, const char *file)
{
	in->file = file;
	in->state = INTAKE_SEARCH;
	drop_look(in);
	in->run_long = 0;
}

/* --- the header --- */

/* A message that ends the file's reading: said after the problems of the
 * lines before it, in their order (a part's are said when it is merged). */
static void
say(struct intake *in, unsigned long line, const char *what, const char *value, size_t vlen)
{
	if (!in->is_part)
		msgs_flush(in->msgs, stderr);
	msg_at(in->file, line, NULL, what, value, vlen);
}

static void
fail(struct intake *in)
{
	in->state = INTAKE_FAILED;
	in->fatal = 1;
}

/* How many known columns the names of row name, and whether they are all
 * the required ones (a name that is not UTF-8 names nothing). */
static int
known_columns(const struct intake *in, const struct csv_row *row, int *all_required)
{
	int seen[NCOLS] = {0}, k = 0, c, rank;
	size_t i;

	for (i = 0; i < row->nf; i++) {
		const char *s = row->f[i].s;
		size_t n = row->f[i].n, at;
		char *f;
		if (n == 0 || text_check(s, n, &at) != TEXT_OK)
			continue;
		trim_name(&s, &n);
		f = fold(s, n);
		if ((c = col_lookup(f, &rank)) >= 0 && !seen[c]) {
			seen[c] = 1;
			k++;
		}
		free(f);
	}
	*all_required = 1;
	for (c = 0; c < NCOLS; c++)
		if (in->o->required[c] && !seen[c])
			*all_required = 0;
	return k;
}

/* The names of a two-row header, as one row into d: the second row's name
 * where it has one, else the first row's (a cell merged down). A name that
 * is no column alone may be one with its group above it ("Ngày" over
 * "tiếp nhận"): the group is the first row's cell over it, or the nearest
 * one to its left over a named cell (a cell merged across). */
static void
combine_rows(const struct csv_row *top, const struct csv_row *low, struct saved_row *d)
{
	size_t nf = top->nf > low->nf ? top->nf : low->nf, i, len = 0, o = 0;
	const char *group = NULL;
	size_t glen = 0;

	size_t widest = 0;

	/* a name is its own cell, the cell above, or the group to its left
	 * and its own: room for the widest group with every cell */
	for (i = 0; i < top->nf; i++)
		if (top->f[i].n > widest)
			widest = top->f[i].n;
	for (i = 0; i < nf; i++)
		len += (i < top->nf ? top->f[i].n : 0) + (i < low->nf ? low->f[i].n : 0) + widest + 3;
	memset(d, 0, sizeof *d);
	d->row = *low;
	d->row.line = top->line;
	d->row.want = NULL;
	d->row.err = NULL;
	d->row.nf = nf;
	d->mem = emalloc(len + 1);
	d->row.f = emalloc((nf + 1) * sizeof *d->row.f);
	for (i = 0; i < nf; i++) {
		const char *t = i < top->nf ? top->f[i].s : "", *l = i < low->nf ? low->f[i].s : "";
		size_t tn = i < top->nf ? top->f[i].n : 0, ln = i < low->nf ? low->f[i].n : 0;
		char *name = d->mem + o;
		size_t n = 0;

		trim_name(&t, &tn);
		trim_name(&l, &ln);
		if (tn)
			group = t, glen = tn;
		else if (!ln)
			group = NULL;
		if (ln == 0) {
			memcpy(name, t, tn);
			n = tn;
		} else {
			int rank, alone;
			char *f = fold(l, ln);
			alone = col_lookup(f, &rank) >= 0;
			free(f);
			if (!alone && group) {
				char *both = emalloc(glen + ln + 2);
				memcpy(both, group, glen);
				both[glen] = ' ';
				memcpy(both + glen + 1, l, ln);
				f = fold(both, glen + ln + 1);
				if (col_lookup(f, &rank) >= 0) {
					memcpy(name, both, glen + ln + 1);
					n = glen + ln + 1;
				}
				free(f);
				free(both);
			}
			if (n == 0) {
				memcpy(name, l, ln);
				n = ln;
			}
		}
		name[n] = '\0';
		d->row.f[i].s = name;
		d->row.f[i].n = n;
		o += n + 1;
	}
}

/* Whether row holds a received date where cols has the column: a row that
 * does is a dossier, never a header's second row nor a footer line. The
 * value's parse, DATE_OK or what is wrong; -1 for none at all. */
static int
received_date(const struct intake *in, const struct dossier_cols *cols, const struct csv_row *row)
{
	int f = cols->idx[COL_NGAY_TIEP_NHAN];
	const char *s;
	size_t n;
	struct dt t;

	if (f < 0 || (size_t)f >= row->nf)
		return -1;
	s = row->f[f].s;
	n = row->f[f].n;
	trim(&s, &n);
	if (n == 0)
		return -1;
	return date_parse(s, n, in->o->date_order, &t);
}

/* Sets cur from a header row (two rows already made one) and tells the
 * tool. where: "" for a file's header, else how it was met. */
static int
use_header(struct intake *in, const struct csv_row *hdr, struct csv_row *live, int midstream)
{
	char err[1024], text[1024];
	struct dossier_cols c;
	size_t i;
	int missing = 0;

	if (dossier_cols_init(&c, hdr, err, sizeof err) < 0) {
		say(in, hdr->line, err, NULL, 0);
		dossier_cols_free(&c);
		fail(in);
		return -1;
	}
	for (i = 0; i < NCOLS; i++)
		missing |= in->o->required[i] && c.idx[i] < 0;
	if (missing) {
		char miss[256];
		size_t o = 0;
		miss[0] = '\0';
		for (i = 0; i < NCOLS; i++)
			if (in->o->required[i] && c.idx[i] < 0)
				o += (size_t)snprintf(miss + o, sizeof miss - o, "%s%s", o ? ", " : "", col_name[i]);
		csvin_row_text(hdr, in->o->delim, text, sizeof text);
		snprintf(err, sizeof err, "required column missing: %s; the header found", miss);
		say(in, hdr->line, err, text, strlen(text));
		if (in->o->delim == ',' && hdr->nf == 1 && (strchr(text, ';') || strchr(text, '\t')))
			warnx_("the header has no comma: is it delimited by ';' or a tab? try -d ';' or -d '\\t'");
		dossier_cols_free(&c);
		fail(in);
		return -1;
	}
	if (!in->have_first) {
		in->first = c;
		in->have_first = in->own_first = 1;
		dossier_cols_init(&c, hdr, err, sizeof err);
		in->perm = emalloc((in->first.nf + 1) * sizeof *in->perm);
	}
	if (dossier_cols_match(&in->first, &c, in->perm) < 0) {
		char what[256], count[96] = "";
		csvin_row_text(hdr, in->o->delim, text, sizeof text);
		/* the message's header hides empty cells at its end: their
		 * count may be all the difference */
		if (c.nf != in->first.nf)
			snprintf(count, sizeof count, " (%zu columns, the first header's %zu)", c.nf,
			    in->first.nf);
		snprintf(what, sizeof what, "%s%s; the header found", midstream ?
		    "a header in the middle of the data without the first header's columns" :
		    "the header does not have the first file's columns", count);
		say(in, hdr->line, what, text, strlen(text));
		dossier_cols_free(&c);
		fail(in);
		return -1;
	}
	if (in->have_cur)
		dossier_cols_free(&in->cur);
	in->cur = c;
	in->have_cur = 1;
	in->hdr_line = hdr->line;
	csvin_row_text(hdr, in->o->delim, in->hdr_text, sizeof in->hdr_text);
	in->headers++;
	in->state = INTAKE_DATA;
	if (in->on_header(in->ctx, live) < 0) {
		fail(in);
		return -1;
	}
	return 0;
}

/* Do the lines read before the header was found look delimited by ';' or
 * a tab: one of them with two of either (a quote that breaks a ','
 * reading, "Công ty ""X""" in a ';' file, is a common first fault)? */
static int
other_delimiter(const struct intake *in)
{
	size_t k, i, j;

	for (k = 0; k < in->nlook; k++) {
		const struct csv_row *r = &in->look[k].row;
		for (i = 0; i < r->nf; i++) {
			size_t semi = 0, tab = 0;
			for (j = 0; j < r->f[i].n; j++) {
				semi += r->f[i].s[j] == ';';
				tab += r->f[i].s[j] == '\t';
			}
			if (semi >= 2 || tab >= 2)
				return 1;
		}
	}
	return 0;
}

/* A syntax error above or in the header: where the header is cannot be
 * trusted. */
static void
header_syntax(struct intake *in, const struct csv_row *row)
{
	char what[256], msg[512];

	csvin_error_text(row, what, sizeof what);
	snprintf(msg, sizeof msg, "in or above the header: %s%s", what, !in->o->header_line ?
	    " (if the header is below, name it with --header-line N)" : "");
	say(in, row->line, msg, NULL, 0);
	if (in->o->delim == ',' && other_delimiter(in))
		warnx_("the lines above have ';' or tabs between their cells: "
		    "is the file delimited by ';' or a tab? try -d ';' or -d '\\t'");
	fail(in);
}

/* The upper row of a two-row header, kept to know it again mid-stream. */
static void
remember_top(struct intake *in, const struct csv_row *top)
{
	size_t i;

	for (i = 0; i < in->ntop; i++)
		free(in->top_fold[i]);
	free(in->top_fold);
	in->top_fold = emalloc((top->nf + 1) * sizeof *in->top_fold);
	in->ntop = 0;
	for (i = 0; i < top->nf; i++) {
		const char *s = top->f[i].s;
		size_t n = top->f[i].n, at;
		trim_name(&s, &n);
		if (n && text_check(s, n, &at) == TEXT_OK)
			in->top_fold[in->ntop++] = fold(s, n);
	}
}

/* Is row that upper row again: two cells or more, each one of its? */
static int
is_top_again(const struct intake *in, const struct csv_row *row)
{
	size_t i, j, cells = 0;

	if (in->ntop < 2 || row->err)
		return 0;
	for (i = 0; i < row->nf; i++) {
		const char *s = row->f[i].s;
		size_t n = row->f[i].n, at;
		char *f;
		int found = 0;
		trim_name(&s, &n);
		if (n == 0)
			continue;
		if (text_check(s, n, &at) != TEXT_OK)
			return 0;
		f = fold(s, n);
		for (j = 0; j < in->ntop && !found; j++)
			found = strcmp(f, in->top_fold[j]) == 0;
		free(f);
		if (!found)
			return 0;
		cells++;
	}
	return cells >= 2;
}

/* The header has been found at look[k] (and look[k + 1] when two rows):
 * the title lines above it said in one line. */
static int
found_header(struct intake *in, size_t k, int two, struct csv_row *live)
{
	const struct csv_row *top = &in->look[k].row;
	struct saved_row both;
	int r;

	if (top->line > 1 || two) {
		char what[256], text[512];
		/* lines passed unread with --header-line are not said */
		unsigned long above = in->o->header_line ? 0 : top->line - 1;
		if (two && above)
			snprintf(what, sizeof what, "the header, two rows (lines %lu and %lu) read as "
			    "one, below %lu title line%s (skipped)", top->line, in->look[k + 1].row.line,
			    above, above == 1 ? "" : "s");
		else if (two)
			snprintf(what, sizeof what, "the header, two rows (lines %lu and %lu) read as one",
			    top->line, in->look[k + 1].row.line);
		else
			snprintf(what, sizeof what, "the header, below %lu title line%s (skipped)",
			    above, above == 1 ? "" : "s");
		if (above && k > 0) {	/* the first title line, to know it by */
			csvin_row_text(&in->look[0].row, in->o->delim, text, sizeof text);
			msgs_note(in->msgs, in->file, top->line, NULL, what, text, strlen(text));
		} else if (two || above) {
			msgs_note(in->msgs, in->file, top->line, NULL, what, NULL, 0);
		}
	}
	if (two) {
		remember_top(in, top);
		combine_rows(top, &in->look[k + 1].row, &both);
		r = use_header(in, &both.row, live, 0);
		free_saved(&both);
	} else {
		r = use_header(in, top, live, 0);
	}
	drop_look(in);
	return r;
}

/* None of the lines looked at is the header. */
static void
no_header(struct intake *in)
{
	const struct csv_row *first = &in->look[0].row;
	char text[1024], what[256];

	size_t i, j, at;

	csvin_row_text(first, in->o->delim, text, sizeof text);
	snprintf(what, sizeof what, "no header: none of the first %zu lines names the required "
	    "columns; line %lu is", in->nlook, first->line);
	say(in, first->line, what, text, strlen(text));
	if (in->o->delim == ',' && first->nf == 1 && (strchr(text, ';') || strchr(text, '\t')))
		warnx_("the header has no comma: is it delimited by ';' or a tab? try -d ';' or -d '\\t'");
	/* names in a legacy encoding name nothing: say how to convert them */
	for (i = 0; i < in->nlook; i++)
		for (j = 0; j < in->look[i].row.nf; j++) {
			const struct csv_field *f = &in->look[i].row.f[j];
			if (text_check(f->s, f->n, &at) == TEXT_BADUTF8) {
				msg_at(in->file, in->look[i].row.line, NULL, text_advice(f->s, f->n, at),
				    f->s, f->n);
				fail(in);
				return;
			}
		}
	fail(in);
}

/* Looking for the header, record row arrives: decide about the record
 * before it, now that the one after is known. Returns 1 when row was
 * taken (a title line, a header row), 0 when it is the first data row. */
static int
search(struct intake *in, struct csv_row *row)
{
	const struct intake_opts *o = in->o;
	size_t k;

	if (row->err) {
		/* the header may be the record before, alone: this one is
		 * then a data row with an error; else the error is above
		 * or in the header */
		int req = 0;
		if (in->nlook > 0 && o->header_rows != 2) {
			known_columns(in, &in->look[in->nlook - 1].row, &req);
			if (req || o->header_line) {
				found_header(in, in->nlook - 1, 0, row);
				return in->state == INTAKE_FAILED;
			}
		}
		header_syntax(in, row);
		return 1;
	}
	if (in->nlook == in->lookcap) {
		in->lookcap = in->lookcap ? 2 * in->lookcap : 8;
		in->look = erealloc(in->look, in->lookcap * sizeof *in->look);
	}
	save_row(&in->look[in->nlook++], row);
	if (in->nlook < 2)
		return 1;
	k = in->nlook - 2;
	{
		const struct csv_row *top = &in->look[k].row, *low = &in->look[k + 1].row;
		struct saved_row both;
		int top_req, low_req, both_req, top_known, low_known, both_known, data;
		struct dossier_cols bc;
		char err[256];

		top_known = known_columns(in, top, &top_req);
		low_known = known_columns(in, low, &low_req);
		combine_rows(top, low, &both);
		both_known = known_columns(in, &both.row, &both_req);
		/* the second row is no dossier: it holds no received date */
		data = 1;
		if (dossier_cols_init(&bc, &both.row, err, sizeof err) == 0)
			data = received_date(in, &bc, low) == DATE_OK;
		dossier_cols_free(&bc);
		free_saved(&both);
		/* two rows: forced (where found, or where named), or found:
		 * together they name more than either alone (a title line
		 * above a header adds nothing), and the second is no dossier */
		if (o->header_rows == 2 && top_req && dossier_cols_init(&bc, top, err, sizeof err) == 0 &&
		    received_date(in, &bc, low) == DATE_OK)
			data = 1;	/* under the first row alone, the next is a dossier */
		dossier_cols_free(&bc);
		if (o->header_rows == 2 && data && (top_req || both_req || o->header_line)) {
			/* forced, but the row under it is a dossier */
			say(in, low->line, "--header-rows 2: this line holds a received date: "
			    "a dossier, not the header's second row (the header is one row?)", NULL, 0);
			fail(in);
			return 1;
		}
		if (o->header_rows == 2 ? both_req || o->header_line :
		    o->header_rows == 0 && both_req && both_known > top_known &&
		    both_known > low_known && !data) {
			found_header(in, k, 1, row);
			return 1;
		}
		if (o->header_rows != 2 && (top_req || o->header_line)) {
			/* the record after it is the first data row: the tool
			 * reads it live */
			free_saved(&in->look[--in->nlook]);
			return found_header(in, k, 0, row) < 0 ? 1 : 0;
		}
		/* a header all the same (two column names or more) that lacks a
		 * required one, and the next line is none: said now, not 30 lines
		 * on (a group row above a whole header, as xlsx2csv -m copies
		 * merged cells, is passed over) */
		if (top_known >= 2 && !low_req && o->header_rows != 2) {
			use_header(in, top, row, 0);
			return 1;
		}
		if (low->line > INTAKE_SEARCH_LINES) {
			no_header(in);
			return 1;
		}
	}
	return 1;
}

static void reject_row(struct intake *in, struct csv_row *row, struct pending *now, int recv);
static void footer(struct intake *in, const char *what);

/* Has a header row the first header's columns, in any order? */
static int
first_columns(const struct intake *in, const struct csv_row *hdr)
{
	struct dossier_cols c;
	char err[256];
	int *perm = emalloc((in->first.nf + 1) * sizeof *perm), ok;

	ok = dossier_cols_init(&c, hdr, err, sizeof err) == 0 &&
	    dossier_cols_match(&in->first, &c, perm) == 0;
	dossier_cols_free(&c);
	free(perm);
	return ok;
}

static void
footer_before_header(struct intake *in)
{
	char what[128];

	snprintf(what, sizeof what, "%zu line%s before a header repeated mid-stream "
	    "skipped (a footer, title lines)", in->npend, in->npend == 1 ? "" : "s");
	footer(in, what);
}

static void
drop_hold_reject(struct intake *in)
{
	if (in->hold_reject) {
		free_pending(in->hold_reject);
		free(in->hold_reject);
		in->hold_reject = NULL;
	}
	in->hold_maybe = 0;
}

/* The row held as maybe a header's first row was a data row: rejected,
 * in its place, as the tool had said. */
static void
held_was_data(struct intake *in)
{
	struct pending *p = in->hold_reject;

	in->state = INTAKE_DATA;
	in->rows++;
	in->hold_reject = NULL;
	in->hold_maybe = 0;
	p->r = in->hold;	/* the saved row is the pending's now */
	memset(&in->hold, 0, sizeof in->hold);
	reject_row(in, &p->r.row, p, received_date(in, &in->cur, &p->r.row));
	free_saved(&p->r);
	free(p);
}

/* A header mid-stream was held: row, the record after it, is its second
 * row, or the first data row under it. */
static int
held(struct intake *in, struct csv_row *row)
{
	struct saved_row both;
	int both_req, both_known, top_known, top_req, low_known, low_req, data = 1, r;
	struct dossier_cols bc;
	char err[256];

	(void)top_req;
	top_known = known_columns(in, &in->hold.row, &top_req);
	if (!row->err) {
		low_known = known_columns(in, row, &low_req);
		combine_rows(&in->hold.row, row, &both);
		both_known = known_columns(in, &both.row, &both_req);
		if (dossier_cols_init(&bc, &both.row, err, sizeof err) == 0)
			data = received_date(in, &bc, row) == DATE_OK;
		dossier_cols_free(&bc);
		if (both_req && both_known > top_known && both_known > low_known && !data &&
		    in->first.nf == both.row.nf && (!in->hold_maybe || first_columns(in, &both.row))) {
			if (in->hold_maybe)	/* the run before it was a footer */
				footer_before_header(in);
			use_header(in, &both.row, row, 1);
			free_saved(&both);
			free_saved(&in->hold);
			drop_hold_reject(in);
			return 1;
		}
		free_saved(&both);
	}
	if (in->hold_maybe) {	/* a data row after all, rejected as it was */
		held_was_data(in);
		return 0;
	}
	r = use_header(in, &in->hold.row, row, 1);
	free_saved(&in->hold);
	return r < 0 ? 1 : 0;
}

int
intake_take(struct intake *in, struct csv_row *row)
{
	switch (in->state) {
	case INTAKE_SEARCH:
		return search(in, row);
	case INTAKE_HOLD:
		return held(in, row);
	case INTAKE_FAILED:
		return 1;
	case INTAKE_DATA:
		break;
	}
	return 0;
}

/* --- rejected rows and the footer --- */

static void
commit_one(struct intake *in, struct pending *p)
{
	char why[1024];

	in->rejected++;
	msgs_add_line2(in->msgs, p->kind, p->r.row.file, p->r.row.line, p->line2, p->col, p->what,
	    p->value, p->vlen);
	if (in->on_rejected)
		in->on_rejected(in->ctx, p->kind ? p->kind : p->what);
	if (in->on_reject) {
		const char *mark = strchr(p->what, MSGS_LINE[0]);
		int at = mark ? (int)(mark - p->what) : (int)strlen(p->what);
		char q[512] = "";
		if (p->value)
			msg_quote(q, sizeof q, p->value, p->vlen);
		if (mark)
			snprintf(why, sizeof why, "%.*s%lu%s%s%s", at, p->what, p->line2, mark + 1,
			    *q ? ": " : "", q);
		else
			snprintf(why, sizeof why, "%s%s%s", p->what, *q ? ": " : "", q);
		in->on_reject(in->ctx, &p->r.row, p->col, why, 0);
	}
}

void
intake_say_notes(struct intake *in, const struct csv_row *row)
{
	int i;

	for (i = 0; i < in->nnotes; i++)
		msgs_note(in->msgs, row->file, row->line, in->note[i].col, in->note[i].what,
		    in->note[i].v, in->note[i].n);
	in->nnotes = 0;
}

void
intake_commit(struct intake *in)
{
	size_t i;

	for (i = 0; i < in->npend; i++) {
		commit_one(in, &in->pend[i]);
		free_pending(&in->pend[i]);
	}
	in->npend = 0;
	in->run_long = 0;
}

/* The run of rejected rows without a received date, at the end of a file
 * or before a header mid-stream: the footer, skipped. */
static void
footer(struct intake *in, const char *what)
{
	char text[1024];
	size_t i;

	if (in->npend == 0)
		return;
	csvin_row_text(&in->pend[0].r.row, in->o->delim, text, sizeof text);
	msgs_note(in->msgs, in->file, in->pend[0].r.row.line, NULL, what, text, strlen(text));
	for (i = 0; i < in->npend; i++) {
		in->footer++;
		if (in->on_reject)
			in->on_reject(in->ctx, &in->pend[i].r.row, NULL,
			    "footer: a line after the last dossier, with no received date", 1);
		free_pending(&in->pend[i]);
	}
	in->npend = 0;
}

/* Row's value in known column col, trimmed, into *s, *n: false when the
 * row has none there (no such column, or an empty value). */
static int
known_value(const struct intake *in, const struct csv_row *row, int col,
            const char **s, size_t *n)
{
	int f = in->cur.idx[col];

	if (f < 0 || (size_t)f >= row->nf)
		return 0;
	*s = row->f[f].s;
	*n = row->f[f].n;
	trim(s, n);
	return *n > 0;
}

/* Has row a value in known column col? */
static int
has_value(const struct intake *in, const struct csv_row *row, int col)
{
	const char *s;
	size_t n;

	return known_value(in, row, col, &s, &n);
}

/* Does row hold a valid date in known column col? */
static int
valid_date(const struct intake *in, const struct csv_row *row, int col)
{
	const char *s;
	size_t n;
	struct dt t;

	return known_value(in, row, col, &s, &n) &&
	    date_parse(s, n, in->o->date_order, &t) == DATE_OK;
}

/* Has row a digit in known column col? */
static int
has_digit(const struct intake *in, const struct csv_row *row, int col)
{
	int f = in->cur.idx[col];
	size_t i;

	if (f < 0 || (size_t)f >= row->nf)
		return 0;
	for (i = 0; i < row->f[f].n; i++)
		if (row->f[f].s[i] >= '0' && row->f[f].s[i] <= '9')
			return 1;
	return 0;
}

/* Does row hold a known code in known column col (a level, a status)? */
static int
has_code(const struct intake *in, const struct csv_row *row, int col)
{
	const char *s;
	size_t n;

	return known_value(in, row, col, &s, &n) && col_code_raw(col, s, n) >= 0;
}

/* Does row name the required columns, as a header does? */
static int
is_header(const struct intake *in, const struct csv_row *row)
{
	int req;

	return !row->err && row->nf > 1 && known_columns(in, row, &req) > 1 && req;
}

/* Is every field of row blank once trimmed (spaces, tabs, no-break
 * spaces, a quoted " ")? Such a row is an empty row: the reader skips
 * only those with no byte at all, the cheap test on every row. */
static int
all_blank(const struct csv_row *row)
{
	size_t i;

	if (row->err)
		return 0;
	for (i = 0; i < row->nf; i++) {
		const char *s = row->f[i].s;
		size_t n = row->f[i].n;
		trim(&s, &n);
		if (n)
			return 0;
	}
	return 1;
}

static void
intake_reject_(struct intake *in, struct csv_row *row, const char *kind,
               const char *col, const char *what, const char *value, size_t vlen)
{
	struct pending now;
	int recv;

	in->nnotes = 0;	/* a row rejected has no notes */
	if (all_blank(row)) {
		in->rows--;
		in->empty++;
		return;
	}
	recv = received_date(in, &in->cur, row);

	memset(&now, 0, sizeof now);
	now.kind = kind;
	now.col = col ? estrndup(col, strlen(col)) : NULL;
	now.what = estrndup(what, strlen(what));
	now.value = value ? estrndup(value, vlen) : NULL;
	now.vlen = vlen;
	now.line2 = strchr(what, MSGS_LINE[0]) ? row->err_line : 0;
	if (recv != DATE_OK && is_header(in, row)) {
		/* a header repeated mid-stream (files joined with cat): the
		 * run before it was the last file's footer, and the next
		 * record may be its second row */
		in->rows--;
		footer_before_header(in);
		save_row(&in->hold, row);
		in->state = INTAKE_HOLD;
		free_pending(&now);
		return;
	}
	if (recv != DATE_OK && is_top_again(in, row)) {
		/* maybe the upper row of a two-row header again: the next
		 * record says; until then, its rejection is kept */
		in->rows--;
		save_row(&in->hold, row);
		in->hold_reject = emalloc(sizeof *in->hold_reject);
		*in->hold_reject = now;
		in->hold_maybe = 1;
		in->state = INTAKE_HOLD;
		return;
	}
	reject_row(in, row, &now, recv);
}

/* A data row rejected: kept as maybe the footer, or said. now's strings
 * are taken (freed here, or kept with the pending row). */
static void
reject_row(struct intake *in, struct csv_row *row, struct pending *nowp, int recv)
{
	struct pending now = *nowp, *p;
	int candidate;

	/* A line with no received date that does not look like a dossier
	 * either may be the footer ("Tổng cộng", "NGƯỜI LẬP BIỂU" over the
	 * id column, "Quảng Ngãi, ngày ..." over the date's): kept until a
	 * dossier follows. A dossier is a row with a CSV syntax error, or
	 * with an id and something in the date's place, one of them with a
	 * digit (ids and dates have them; the words of a signature do not),
	 * or an id with a digit and a level or status a table knows (a
	 * dossier without its dates: a totals line has neither); and never
	 * the file's last line without its line end (a file cut short). */
	candidate = recv != DATE_OK && !row->err && !row->cut &&
	    !valid_date(in, row, COL_NGAY_HEN_TRA) &&
	    !valid_date(in, row, COL_NGAY_TRA_KET_QUA) &&
	    !(has_value(in, row, COL_MA_HO_SO) && has_digit(in, row, COL_NGAY_TIEP_NHAN)) &&
	    !(has_digit(in, row, COL_MA_HO_SO) &&
	      (has_code(in, row, COL_CAP) || has_code(in, row, COL_TRANG_THAI)));
	if (candidate && !in->run_long) {
		if (in->npend == in->pendcap) {
			in->pendcap = in->pendcap ? 2 * in->pendcap : 8;
			in->pend = erealloc(in->pend, in->pendcap * sizeof *in->pend);
		}
		p = &in->pend[in->npend++];
		*p = now;
		save_row(&p->r, row);
		if (in->npend > INTAKE_FOOTER_MAX) {	/* too long for a footer */
			intake_commit(in);
			in->run_long = 1;
		}
		return;
	}
	/* a dossier ends the run; a long run goes on while such rows come */
	if (in->npend)
		intake_commit(in);
	in->run_long = candidate;
	now.r.row = *row;	/* committed at once: the live row will do */
	commit_one(in, &now);
	free(now.col);
	free(now.what);
	free(now.value);
}

void
intake_reject(struct intake *in, struct csv_row *row, const char *kind,
              const char *col, const char *what, const char *value, size_t vlen)
{
	intake_reject_(in, row, kind, col, what, value, vlen);
}

void
intake_drop(struct intake *in, struct csv_row *row, const char *col, const char *why,
            const char *value, size_t vlen)
{
	char text[1024], q[512];

	in->nnotes = 0;
	intake_ok(in, row);	/* a dossier: what was pending was no footer */
	in->dropped++;
	if (!in->on_reject)
		return;
	msg_quote(q, sizeof q, value, vlen);
	snprintf(text, sizeof text, "%s: %s", why, q);
	in->on_reject(in->ctx, row, col, text, 0);
}

int
intake_end_file(struct intake *in)
{
	if (in->state == INTAKE_SEARCH && in->nlook > 0) {
		/* the last record read, with nothing after it */
		size_t k = in->nlook - 1;
		int req;
		known_columns(in, &in->look[k].row, &req);
		if (req || in->o->header_line)
			found_header(in, k, 0, &in->look[k].row);
		else if (in->nlook == 1)
			use_header(in, &in->look[0].row, &in->look[0].row, 0);	/* says what is missing */
		else
			no_header(in);
		drop_look(in);
	} else if (in->state == INTAKE_HOLD && in->hold_maybe) {
		held_was_data(in);
	} else if (in->state == INTAKE_HOLD) {
		use_header(in, &in->hold.row, &in->hold.row, 1);
		free_saved(&in->hold);
	}
	if (in->state == INTAKE_SEARCH) {
		if (in->o->header_line > 1)
			warnx_("%s: --header-line %lu: the file has fewer lines", strcmp(in->file, "-") ?
			    in->file : "standard input", in->o->header_line);
		else
			warnx_("%s: empty file: no header line", strcmp(in->file, "-") ? in->file :
			    "standard input");
		fail(in);
	}
	if (in->npend) {
		char what[160];
		snprintf(what, sizeof what, "%zu line%s after the last dossier, with no received date, "
		    "skipped as the footer", in->npend, in->npend == 1 ? "" : "s");
		footer(in, what);
	}
	if (in->npend)
		intake_commit(in);
	return in->state == INTAKE_FAILED ? -1 : 0;
}

/* --- the options --- */

int
intake_option(struct intake_opts *o, int opt, const char *arg)
{
	long v;

	switch (opt) {
	case INTAKE_O_HLINE:
		if ((v = opt_int("--header-line", arg, 1, INTAKE_SEARCH_LINES * 1000L, "a line number")) < 0)
			return -1;
		o->header_line = (unsigned long)v;
		return 1;
	case INTAKE_O_HROWS:
		if ((v = opt_int("--header-rows", arg, 1, 2, "a number of header rows")) < 0)
			return -1;
		o->header_rows = (int)v;
		return 1;
	case INTAKE_O_KEEP:
		if (strcmp(arg, "first") && strcmp(arg, "last")) {
			warnx_("--keep: \"%s\" is not first or last", arg);
			return -1;
		}
		o->keep_last = strcmp(arg, "last") == 0;
		o->keep_given = 1;
		return 1;
	case INTAKE_O_CODES:
		if (o->ncodes == (int)(sizeof o->codes / sizeof *o->codes)) {
			warnx_("--codes: at most %zu tables", sizeof o->codes / sizeof *o->codes);
			return -1;
		}
		o->codes[o->ncodes++] = arg;
		return 1;
	}
	return 0;
}

int
intake_options_given(const struct intake_opts *o)
{
	return o->header_line || o->header_rows || o->keep_given || o->ncodes;
}

void
intake_prepare(const struct intake_opts *o, char *const *files, int nfiles, int from_stdin)
{
	static const char twice[] = "--keep last reads the input twice (to know which copy of a "
	    "dossier is the last)";
	struct stat sb;
	char err[1024];
	int i;

	for (i = 0; o->keep_last && i < nfiles; i++) {
		if (from_stdin || strcmp(files[i], "-") == 0)
			die("%s: standard input cannot be; name the files", twice);
		if (stat(files[i], &sb) == 0 && !S_ISREG(sb.st_mode))
			die("%s: %s is not a regular file", twice, files[i]);
	}
	for (i = 0; i < o->ncodes; i++)	/* before any code is looked up, any thread */
		if (codes_load(o->codes[i], o->delim, err, sizeof err) < 0)
			die("--codes: %s", err);
}
