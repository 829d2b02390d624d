/* out.h: CSV out, UTF-8, LF, a field quoted only when it must be (or the
 * CSV a spreadsheet opens: out_excel).
 * Every write is checked: a write error (full disk) is reported and exits 2.
 * A closed pipe on standard output ends the program quietly, but never with
 * status 0: it dies of SIGPIPE (141 in the shell), whether or not its parent
 * ignored the signal; on any other output it is a write error. */
#ifndef CCHC_OUT_H
#define CCHC_OUT_H

#include <stddef.h>

struct out;

struct out *out_open(int fd, const char *name);	/* name for messages */
void out_bytes(struct out *o, const char *s, size_t n);
void out_str(struct out *o, const char *s);
/* One CSV field; a delimiter is written before it unless it starts the row. */
void out_field(struct out *o, const char *s, size_t n);
/* A field the caller knows needs no quotes (a code name, a formatted date):
 * not scanned. */
void out_field_plain(struct out *o, const char *s, size_t n);
void out_fieldz(struct out *o, const char *s);
/* Whether out_field would write s as it is (no quotes, no guard): such a
 * value may go through out_field_plain. */
int out_is_plain(const struct out *o, const char *s, size_t n);
void out_endrow(struct out *o);
/* A spreadsheet runs a cell that starts with = + - or @ as a formula (and
 * drops a leading tab or CR): from now on such a field, unless it is a
 * number, is written after an apostrophe ('=x), which spreadsheets show as
 * text. For documents, never for data read by programs. */
void out_guard_formulas(struct out *o);
/* Whether a field starting with c is one out_guard_formulas guards. */
static inline int
out_formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}
/* From now on, the CSV a person opens with a double-click in Excel set to
 * Vietnamese: a UTF-8 BOM before the first row (Excel reads a file without
 * one in the system's code page), ';' between fields (the list separator
 * of the Vietnamese regional settings: a comma would leave every row in
 * one column), CR LF after each row (what Excel writes; a line end inside
 * a quoted value is left as it is: Excel shows a CR there as a box), and
 * formulas guarded. Call it before anything is written. */
void out_excel(struct out *o);
/* Flush and close; exits 2 on a write error. */
void out_close(struct out *o);

extern struct out *out_stdout;	/* opened by out_init_stdout */
/* Opens out_stdout, and takes SIGPIPE as EPIPE from then on (see above). */
void out_init_stdout(void);

/* A file written aside: a new file in path's directory, renamed to path by
 * out_commit, so path is complete or untouched. The file aside is removed
 * when the program ends without out_commit (exit, die, SIGINT, SIGTERM,
 * SIGHUP, a closed pipe). Exits 2 when it cannot be made. */
struct out *out_create_aside(const char *path);
/* Flushes, closes and renames; exits 2 on a write error. */
void out_commit(struct out *o);
/* The run failed: the file aside is removed, path left as it was (a file
 * that is not regular is only closed). */
void out_discard(struct out *o);

/* A temporary file for a library that writes to a file name
 * (libxlsxwriter): made empty in $TMPDIR (else the system's), its name
 * returned; removed by out_temp_remove, which frees the name, or when the
 * program ends otherwise (exit, die, a signal). Exits 2 when it cannot be
 * made. */
char *out_temp_file(const char *prefix);
void out_temp_remove(char *path);
/* Writes the bytes of the file at path to o; exits 2 when it cannot be
 * read. */
void out_copy_file(struct out *o, const char *path);

/* An output file named by option opt (--rejects) must not be one of the
 * inputs files[0..n) (n = 0: standard input): writing it would destroy
 * it. Exits 2 when it is the same file. */
void out_not_input(const char *opt, const char *path, char *const *files, int n);

#endif
