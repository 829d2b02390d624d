/* expr.h: sums and ratios of names, as rates and form rows write them.
 *
 *   A+B/C      a rate: (A+B)/C*100      (cchc-rate NAME=EXPR, form sources)
 *   A+B        a sum                    (form sources)
 *   =1.4.1+1.4.2, =3.1.2/3.1.1   terms are rows of the form, by stt
 *   ...@1      a rate rounded to 1 decimal (form sources)
 * Parsers return a status and never print. */
#ifndef CCHC_EXPR_H
#define CCHC_EXPR_H

#include <stddef.h>

struct expr {
	char **num, **den;	/* the terms above and below the '/' */
	size_t nnum, nden;	/* nden 0: a sum */
	int rows;		/* '=': the terms are stt of rows */
	int digits;		/* '@N', or -1 */
};

/* Returns 0, or -1 with *why (static) and *at, the byte offset in s of the
 * mistake, for a caret under it. With EXPR_SLASH_IN_NAMES, a '/' in an
 * expression without '=' is part of a name (a form's tinh/truc_tuyen.nop,
 * keys joined by -k), and only '=' rows make rates. */
enum { EXPR_RATES = 0, EXPR_SLASH_IN_NAMES = 1 };
int expr_parse(const char *s, int mode, struct expr *e, const char **why, size_t *at);
void expr_free(struct expr *e);

#endif
