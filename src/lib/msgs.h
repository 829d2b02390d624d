/* msgs.h: problems with rows, said once per distinct value.
 *
 * A problem with a row (a value that is not a date, an unknown code) is
 * kept, not printed: the same problem with the same value in the same file
 * is said once, on its first line, with the number of rows that have it
 * ("cchc-check: x.csv:12: kenh: unknown code: "Fax" (1928 rows)"), when the
 * tool calls msgs_flush (at the end of each file). Each row is still counted
 * by its reason, for the summary line ("1928 unknown kenh, 12 not a date").
 * Memory is bounded: past MSGS_MAX distinct problems, further new values are
 * only counted, and said in one line per file, column and reason. */
#ifndef CCHC_MSGS_H
#define CCHC_MSGS_H

#include <stddef.h>
#include <stdio.h>

enum { MSGS_MAX = 10000 };

struct msgs;

struct msgs *msgs_new(void);
void msgs_free(struct msgs *m);

/* A problem of one row: at file:line, in column col (NULL: the row), what is
 * wrong and the value (NULL: none). kind names the reason in the summary
 * ("unknown kenh"; NULL: what itself); it must outlive m or be static. */
void msgs_add(struct msgs *m, const char *kind, const char *file, unsigned long line,
              const char *col, const char *what, const char *value, size_t vlen);

/* msgs_add with a second line named in what (a record's broken quote on
 * a later line): what holds MSGS_LINE where it goes, and it is counted from
 * the same line base as line when parts are merged. */
#define MSGS_LINE "\001"
void msgs_add_line2(struct msgs *m, const char *kind, const char *file, unsigned long line,
                    unsigned long line2, const char *col, const char *what, const char *value,
                    size_t vlen);

/* A row counted by reason kind, with no message (said elsewhere). */
void msgs_count(struct msgs *m, const char *kind, unsigned long rows);

/* A note about the file, not a row's problem (title lines skipped, the
 * footer): said in its place among the problems, counted in no reason. */
void msgs_note(struct msgs *m, const char *file, unsigned long line, const char *col,
               const char *what, const char *value, size_t vlen);

/* The problems of from, whose lines are counted from line_base + 1 in file
 * (a part of it read by a thread), added to m after m's own: first lines
 * keep their order when the parts are merged in the order of the file.
 * from is emptied. */
void msgs_merge(struct msgs *m, struct msgs *from, unsigned long line_base);

/* Prints every problem kept, in the order of their first rows, to fp, and
 * forgets them; the counts by reason stay. Returns -1 on a write error. */
int msgs_flush(struct msgs *m, FILE *fp);

/* The rows counted by reason, "1928 unknown kenh, 12 not a date", into buf
 * (NUL-terminated, cut short with "..." when it does not fit); returns the
 * number of rows counted in all. */
unsigned long msgs_reasons(const struct msgs *m, char *buf, size_t size);

#endif
