/* intake.h: a dossier export read the one way cchc-check and cchc-sum share.
 *
 * Between the CSV reader and the tool's per-row work: the header is found
 * below title lines, a two-row header (merged group cells above the names)
 * is read as one, a header repeated in the middle of the data maps the rows
 * after it, the footer after the last dossier (totals, signatures) is set
 * apart, and problems with rows are kept to be said once per value (msgs.h).
 *
 * The tool's record callback hands every record to intake_data first: true
 * for a data row, which the tool then works on (the usual case, inline),
 * false when the intake took it (a header, a title line...). A data row the
 * tool finds wrong goes to intake_reject, never straight to a message: it
 * may be a header repeated mid-stream, or a line of the footer. A data row
 * the tool takes goes to intake_ok. */
#ifndef CCHC_INTAKE_H
#define CCHC_INTAKE_H

#include <stddef.h>

#include "cols.h"
#include "csvin.h"
#include "dossier.h"

struct msgs;

/* The header is looked for in the first SEARCH_LINES lines; a footer is at
 * most FOOTER_MAX lines (a longer run of such lines is no footer: its rows
 * are rejected like any others). */
enum { INTAKE_SEARCH_LINES = 30, INTAKE_FOOTER_MAX = 30 };

struct intake_opts {
	unsigned char delim;
	int date_order;
	unsigned long header_line;	/* 0: found; else the header's (first) line */
	int header_rows;		/* 0: found; else 1 or 2 */
	unsigned char required[NCOLS];	/* the columns the tool cannot do without */
	/* the tool's, from the options below */
	int keep_last, keep_given;	/* --keep last; --keep given at all */
	const char *codes[16];		/* --codes FILE... */
	int ncodes;
};

/* The options cchc-check and cchc-sum share, for getopt_long: --header-line,
 * --header-rows, --keep, --codes. */
enum { INTAKE_O_HLINE = 0x1000, INTAKE_O_HROWS, INTAKE_O_KEEP, INTAKE_O_CODES };
#define INTAKE_LONGOPTS \
	{"header-line", required_argument, NULL, INTAKE_O_HLINE}, \
	{"header-rows", required_argument, NULL, INTAKE_O_HROWS}, \
	{"keep", required_argument, NULL, INTAKE_O_KEEP}, \
	{"codes", required_argument, NULL, INTAKE_O_CODES}
/* One of them into o: 1 when taken, 0 when opt is none of them, -1 when
 * its argument is wrong (said). */
int intake_option(struct intake_opts *o, int opt, const char *arg);
/* Whether any was given (they go with dossier exports only). */
int intake_options_given(const struct intake_opts *o);
/* Before the first FILE is read: --keep last's FILEs must be regular
 * files (read twice), the --codes tables are loaded. Dies (exit 2) with
 * what is wrong. */
void intake_prepare(const struct intake_opts *o, char *const *files, int nfiles, int from_stdin);

/* A record kept past the reader's callback. */
struct saved_row {
	struct csv_row row;
	char *mem;
};

/* A rejected row that may still turn out to be the footer. */
struct pending;

enum intake_state { INTAKE_SEARCH, INTAKE_DATA, INTAKE_HOLD, INTAKE_FAILED };

struct intake {
	const struct intake_opts *o;
	enum intake_state state;
	/* the tool's: its context, and what the intake calls back */
	void *ctx;
	/* A file's header was read (the first file's, a later file's, one
	 * repeated mid-stream): cur and perm are set. live is the record the
	 * reader delivered last. Returns -1 when the tool cannot go on
	 * (it has said why). */
	int (*on_header)(void *ctx, struct csv_row *live);
	/* A row counted as rejected (why is what, with the value) or as the
	 * footer: for the rejects file. NULL when the tool keeps none. */
	void (*on_reject)(void *ctx, const struct csv_row *row, const char *col,
	                  const char *why, int footer);
	/* A row counted as rejected, with the reason of the summary (kind),
	 * when it is: for a tool that counts the row in more than one table.
	 * NULL when the tool needs none. */
	void (*on_rejected)(void *ctx, const char *kind);
	/* the columns */
	struct dossier_cols first;	/* the first file's: the output's */
	struct dossier_cols cur;	/* the current file's, or since a header mid-stream */
	int have_first, have_cur, own_first;
	int *perm;			/* output field i is cur's field perm[i] */
	unsigned long headers;		/* headers read in all: changes when cur does */
	unsigned long hdr_line;		/* cur's line, and its text for messages */
	char hdr_text[1024];
	/* the current file */
	const char *file;
	struct saved_row *look;		/* records read while looking for the header */
	size_t nlook, lookcap;
	struct saved_row hold;		/* a header mid-stream, its second row to come */
	/* or maybe the first row of a two-row header again: if the next
	 * record does not make it one, it was a data row, rejected so */
	int hold_maybe;
	struct pending *hold_reject;
	char **top_fold;		/* the upper row of the last two-row header: */
	size_t ntop;			/* its cells folded */
	int is_part;			/* a part of a file (cchc-sum -j): its lines are its own */
	/* notes about the row being read (a status no table knows), said
	 * only if it is taken: a row rejected, or the footer, has none */
	struct { const char *col, *what, *v; size_t n; } note[16];	/* a dozen columns may each have one */
	int nnotes;
	struct pending *pend;		/* the rejected rows that may be the footer */
	size_t npend, pendcap;
	int run_long;			/* that run passed FOOTER_MAX: no footer */
	/* the run */
	struct msgs *msgs;
	unsigned long rows;		/* data rows: passed or counted, rejected, footer */
	unsigned long rejected, footer;
	unsigned long dropped;		/* copies of a dossier not kept (--keep) */
	unsigned long empty;		/* rows of blanks only (no-break spaces, " "):
					 * empty rows, as the reader's blank lines */
	int fatal;
};

/* opts and msgs outlive in. */
void intake_init(struct intake *in, const struct intake_opts *o, struct msgs *msgs);
void intake_free(struct intake *in);

/* A copy for a part of a file read by a thread: the columns of from (read
 * only), a state of its own, counters at zero, msgs its own. */
void intake_part(struct intake *in, const struct intake *from, struct msgs *msgs, void *ctx);
/* Nothing pending: what a part starting here would assume. */
int intake_quiet(const struct intake *in);

/* Each file: begin, read it (the tool's record callback calling
 * intake_data), end. intake_end_file sets the footer apart; returns -1 when
 * the file had no header (said). */
void intake_begin_file(struct intake *in, const char *file);
int intake_end_file(struct intake *in);

/* The record callback's first question: is row a data row for the tool?
 * When not, the intake took it; the callback returns nonzero (stop
 * reading) when in->state is INTAKE_FAILED. */
int intake_take(struct intake *in, struct csv_row *row);
static inline int
intake_data(struct intake *in, struct csv_row *row)
{
	if (__builtin_expect(in->state != INTAKE_DATA, 0) && intake_take(in, row))
		return 0;
	in->rows++;
	in->nnotes = 0;
	return 1;
}

/* A note about the row being read: col and what static, v in the row. */
static inline void
intake_note(struct intake *in, const char *col, const char *what, const char *v, size_t n)
{
	if (in->nnotes < (int)(sizeof in->note / sizeof in->note[0])) {
		in->note[in->nnotes].col = col;
		in->note[in->nnotes].what = what;
		in->note[in->nnotes].v = v;
		in->note[in->nnotes++].n = n;
	}
}

/* A data row taken (passed, counted, outside the period...): its notes
 * said. */
void intake_commit(struct intake *in);
void intake_say_notes(struct intake *in, const struct csv_row *row);
static inline void
intake_ok(struct intake *in, const struct csv_row *row)
{
	if (__builtin_expect(in->npend != 0 || in->run_long, 0))
		intake_commit(in);
	if (__builtin_expect(in->nnotes != 0, 0))
		intake_say_notes(in, row);
}

/* A data row the tool finds wrong: kind is the reason in the summary (a
 * static string), col the column (NULL: the row), what and the value (NULL:
 * none) the message. */
void intake_reject(struct intake *in, struct csv_row *row, const char *kind,
                   const char *col, const char *what, const char *value, size_t vlen);

/* A sound row not kept: another copy of the dossier is (--keep first or
 * last said which, so it is no problem): counted, and in the rejects file
 * with why. */
void intake_drop(struct intake *in, struct csv_row *row, const char *col, const char *why,
                 const char *value, size_t vlen);

#endif
