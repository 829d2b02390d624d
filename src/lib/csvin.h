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
	 * in f, err says what, err_line and err_col (in characters, from 1)
	 * where: the bad byte, or the quote that was never closed. */
	const char *err;
	unsigned long err_line, err_col;
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
};

struct csvin_stats {
	unsigned long empty;	/* blank lines and records with every field empty, skipped */
	unsigned long lines;	/* line ends read */
};

/* Reads path ("-" = standard input) and calls fn for every record, header
 * first. A leading UTF-8 BOM is dropped; records whose fields are all empty
 * (",,,," rows that spreadsheets leave) are skipped and counted in st. */
int csvin_read(const char *path, unsigned char delim, csv_row_fn fn,
               void *ctx, struct csvin_stats *st);

/* Reads bytes start..end of an open regular file (end 0: to its end);
 * header 0: the range has no header, its first record is rec 1. Lines are
 * counted from 1 at start. Each range has a parser of its own: ranges can be
 * read by threads at once. */
int csvin_read_range(int fd, const char *name, off_t start, off_t end, int header,
                     unsigned char delim, csv_row_fn fn, void *ctx,
                     struct csvin_stats *st);

/* Moves each of the n offsets at[] (ascending, each past start) to just
 * after the first line end at or after it that is outside quotes, counting
 * quote parity from start (a record boundary). Returns 0, -1 on read error. */
int csvin_safe_splits(int fd, off_t start, off_t end, off_t *at, size_t n);

/* The same over bytes in memory (a form compiled into the program). */
int csvin_read_mem(const char *name, const char *buf, size_t len,
                   unsigned char delim, csv_row_fn fn, void *ctx,
                   struct csvin_stats *st);

/* A row's syntax error for a message: "malformed CSV at character 14: quote
 * inside an unquoted field", naming the line too when it is not the row's.
 * Returns the length, as snprintf. */
size_t csvin_error_text(const struct csv_row *row, char *buf, size_t size);

/* The delimiter an option names: one byte, or "\t" / "tab" for a tab.
 * Returns -1 when it is neither. */
int csvin_delim(const char *arg);
/* csvin_delim for option opt: says what is wrong when it returns -1. */
int csvin_delim_opt(const char *opt, const char *arg);

#endif
