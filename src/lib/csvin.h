/* csvin.h: CSV in, through libcsv in strict mode, one record at a time.
 *
 * The reader never prints: problems come back in the row (syntax) or as the
 * return value (open/read errors), and the tool decides what to say. */
#ifndef CCHC_CSVIN_H
#define CCHC_CSVIN_H

#include <stddef.h>
#include <sys/types.h>

struct csv_field {
	const char *s;	/* NUL-terminated copy; may hold NUL bytes before n */
	size_t n;
};

struct csv_row {
	const char *file;	/* name for messages: the path, or "-" */
	unsigned long line;	/* physical line where the record began */
	unsigned long rec;	/* 0 for the header, then 1, 2, ... */
	size_t nf;
	struct csv_field *f;
	/* A syntax error ends the record early: the fields read so far are
	 * in f, err says what, err_field which field it is in (from 0: nf
	 * when the error is in the field after the last one read), err_line
	 * and err_col (in characters, from 1) where: the bad byte, or, for
	 * a quote never closed, the line it opened on (err_col 0). */
	const char *err;
	size_t err_field;
	unsigned long err_line, err_col;
	/* The file's last record, with no line end after it: a file cut short
	 * (a download stopped, a disk full) ends so, never a spreadsheet's. */
	int cut;
	/* Set by the callback (on the header, say): only fields i < nwant with
	 * want[i] are copied; the others arrive empty. The reader keeps it. */
	const unsigned char *want;
	size_t nwant;
};

/* Return nonzero to stop reading this file. */
typedef int (*csv_row_fn)(struct csv_row *row, void *ctx);

enum {
	CSVIN_OK = 0,
	CSVIN_EOPEN,	/* cannot open; errno set */
	CSVIN_EREAD,	/* read error; errno set */
	CSVIN_UTF16,	/* starts with a UTF-16 byte-order mark */
	CSVIN_STOPPED,	/* the callback asked to stop */
	CSVIN_XLSX,	/* not CSV: a workbook (zip), */
	CSVIN_XLS,	/* an Excel 97-2003 workbook, */
	CSVIN_ODS,	/* an OpenDocument spreadsheet, */
	CSVIN_HTML,	/* an HTML or XML page */
	CSVIN_UTF16LE,	/* UTF-16 without a byte-order mark: NULs every other */
	CSVIN_UTF16BE,	/* byte, after (LE) or before (BE) ASCII ones */
};

struct csvin_stats {
	unsigned long empty;	/* blank lines and records with every field empty, skipped */
	unsigned long lines;	/* line ends read */
};

/* Reads path ("-" = standard input) and calls fn for every record, header
 * first. A leading UTF-8 BOM is dropped; blank lines and records whose
 * fields are all empty (",,,," rows that spreadsheets leave) are skipped and
 * counted in st. A file that is not CSV (UTF-16, a workbook, a web page) is
 * its status; csvin_status_text says it. */
int csvin_read(const char *path, unsigned char delim, csv_row_fn fn,
               void *ctx, struct csvin_stats *st);
/* The same from an open descriptor (a pipe or FIFO too), read once. */
int csvin_read_fd(int fd, const char *name, unsigned char delim, csv_row_fn fn,
                  void *ctx, struct csvin_stats *st);
/* The message for a status other than CSVIN_OK and CSVIN_STOPPED: "x.xlsx:
 * an Excel workbook (.xlsx), not CSV; convert it first: xlsx2csv x.xlsx |
 * cchc-sum". errno must be the read's for EOPEN and EREAD. */
size_t csvin_status_text(int status, const char *path, char *buf, size_t size);
/* The same for a file an option names (--codes FILE, --form FILE), which
 * the command converts to a file: "xlsx2csv x.xlsx > x.csv". */
size_t csvin_option_text(int status, const char *path, char *buf, size_t size);
/* What a tool that needs a header says when its read of path ended with
 * status: csvin_status_text's message for a status other than CSVIN_OK and
 * CSVIN_STOPPED, "FILE: empty file: no header line" for CSVIN_OK when no
 * header was read (saw_header 0). Returns the length, 0 (buf "") when there
 * is nothing to say. Every tool says it so: call it before anything that may
 * change errno. */
size_t csvin_end_text(int status, int saw_header, const char *path, char *buf, size_t size);

/* The same, one step at a time: a reader that lives across calls, for the
 * parts of a file read by threads (cchc-sum -j) and for a part read on past
 * its end. */
struct csvin;
struct csvin *csvin_new(const char *name, unsigned char delim, csv_row_fn fn, void *ctx);
/* The first n physical lines are passed unread (--header-line). */
void csvin_skip_lines(struct csvin *r, unsigned long n);
/* A part of a file after its first bytes: no BOM, the first record rec 1,
 * lines counted from 1 where it starts. */
void csvin_set_part(struct csvin *r);
/* Feeds bytes start..end of fd with pread(2), or, end < 0, all that read(2)
 * gives from where fd is. Returns CSVIN_OK, CSVIN_EREAD, CSVIN_STOPPED or a
 * not-CSV status (looked at on the file's first bytes only: the first fed
 * to a reader not csvin_set_part's, wherever start is, as a stream read
 * from an offset a shell left begins there). */
int csvin_feed_fd(struct csvin *r, int fd, off_t start, off_t end);
/* The same from bytes in memory, the first of which are the file's first
 * (a BOM, a workbook's header) when nothing was fed before. */
int csvin_feed_mem(struct csvin *r, const char *buf, size_t len);
/* At a record boundary with nothing pending: no field open, no quote open,
 * no syntax error's line to pass, no CR whose LF may follow. The state a
 * reader started at this point would have. */
int csvin_clean(const struct csvin *r);
/* Line ends read so far. */
unsigned long csvin_lines(const struct csvin *r);
/* Frees r without ending its input (a part whose count is dropped, or one
 * that ended exactly where the next begins); fills st when not NULL. */
void csvin_discard(struct csvin *r, struct csvin_stats *st);
/* The end of input: a quote never closed delivers its record with the error;
 * fills st; frees r. Returns status, or CSVIN_STOPPED. */
int csvin_end(struct csvin *r, int status, struct csvin_stats *st);

/* The same over bytes in memory (a form compiled into the program). */
int csvin_read_mem(const char *name, const char *buf, size_t len,
                   unsigned char delim, csv_row_fn fn, void *ctx,
                   struct csvin_stats *st);

/* A row's syntax error for a message: "malformed CSV at character 14: quote
 * inside an unquoted field", naming the line too when it is not the row's.
 * Returns the length, as snprintf. */
size_t csvin_error_text(const struct csv_row *row, char *buf, size_t size);
/* The record as one line for a message: its fields joined by delim, without
 * the empty cells a spreadsheet pads a line with, "..." where cut short.
 * Returns the text's length. */
size_t csvin_row_text(const struct csv_row *row, unsigned char delim, char *buf, size_t size);
/* "expected N fields, found M", and for a record the file ends inside
 * (row->cut) that it looks cut short; returns the text's length. */
size_t csvin_nf_text(const struct csv_row *row, size_t expected, char *buf, size_t size);
/* The same, with mark in place of that other line's number, given in
 * *line2 (0 when there is none): for messages kept by msgs.h, whose line
 * numbers are counted anew when the parts of a file are merged. */
size_t csvin_error_mark(const struct csv_row *row, const char *mark, char *buf, size_t size,
                        unsigned long *line2);

/* The delimiter an option names: one byte, or "\t" / "tab" for a tab.
 * Returns -1 when it is neither. */
int csvin_delim(const char *arg);
/* csvin_delim for option opt: says what is wrong when it returns -1. */
int csvin_delim_opt(const char *opt, const char *arg);

#endif
