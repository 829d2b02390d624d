/* out.h: CSV out, UTF-8, LF, a field quoted only when it must be.
 * Every write is checked: a write error (full disk) is reported and exits 2;
 * a closed pipe downstream ends the program quietly with status 0. */
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
void out_endrow(struct out *o);
/* Flush and close; exits 2 on a write error. */
void out_close(struct out *o);

extern struct out *out_stdout;	/* opened by out_init_stdout */
void out_init_stdout(void);

#endif
