/* msg.h: one message format and the exit codes of the contract. */
#ifndef CCHC_MSG_H
#define CCHC_MSG_H

#include <stddef.h>

enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_FAIL = 2 };

extern const char *prog;	/* set by msg_init from argv[0] */

void msg_init(const char *argv0);
/* PROG: what */
void warnx_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* PROG: what, then exit 2 */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
/* PROG: FILE:LINE: COLUMN: what: "value". file, col and value may be NULL.
 * The value is printed quoted, control bytes escaped, cut at 80 bytes:
 * a 4 MB field must not flood a terminal. */
void msg_at(const char *file, unsigned long line, const char *col,
            const char *what, const char *value, size_t vlen);
/* What msg_at prints after "FILE:LINE: ", into buf; returns its length
 * (as snprintf). */
size_t msg_tail(char *buf, size_t size, const char *col, const char *what,
                const char *value, size_t vlen);
/* The value as msg_at prints it, into buf (NUL-terminated). */
void msg_quote(char *buf, size_t size, const char *value, size_t vlen);
/* Option opt's argument arg as an integer from lo (0 or more) to hi; else
 * says 'OPT: "ARG" is not WHAT from LO to HI' and returns -1. */
long opt_int(const char *opt, const char *arg, long lo, long hi, const char *what);
/* Or-die allocation. */
void *emalloc(size_t n);
void *ecalloc(size_t n, size_t size);
void *erealloc(void *p, size_t n);
char *estrndup(const char *s, size_t n);

#endif
