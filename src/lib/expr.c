#include <string.h>
#include <stdlib.h>

#include "expr.h"
#include "msg.h"

static int
add_term(char ***v, size_t *n, const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return -1;
	/* room doubles when n reaches a power of two: a sum of 100,000
	 * rows is not copied at every term */
	if ((*n & (*n - 1)) == 0)
		*v = erealloc(*v, (*n ? 2 * *n : 1) * sizeof **v);
	(*v)[(*n)++] = estrndup(s, len);
	return 0;
}

int
expr_parse(const char *s, int mode, struct expr *e, const char **why, size_t *at)
{
	size_t i = 0, start, n = strlen(s);
	int below = 0;

	memset(e, 0, sizeof *e);
	e->digits = -1;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < n && s[i] == '=') {
		e->rows = 1;
		i++;
	}
	/* '@N' at the end: the rate's decimals */
	if (e->rows || mode == EXPR_RATES) {
		const char *atp = strrchr(s + i, '@');
		if (atp) {
			char *end;
			long d = strtol(atp + 1, &end, 10);
			if (end == atp + 1 || *end != '\0' || d < 0 || d > 10) {
				*why = "'@' takes the number of decimals, 0 to 10";
				*at = (size_t)(atp - s) + 1;
				goto fail;
			}
			e->digits = (int)d;
			n = (size_t)(atp - s);
		}
	}
	start = i;
	for (;; i++) {
		int slash = s[i] == '/' && (e->rows || mode == EXPR_RATES);
		if (i == n || s[i] == '+' || slash) {
			if (add_term(below ? &e->den : &e->num, below ? &e->nden : &e->nnum,
			    s + start, i - start) < 0) {
				*why = i == n && start == i ? "a name is missing at the end" :
				    "a name is missing before this";
				*at = i;
				goto fail;
			}
			if (i == n)
				break;
			if (slash) {
				if (below) {
					*why = "a second '/': a rate has one";
					*at = i;
					goto fail;
				}
				below = 1;
			}
			start = i + 1;
		} else if (s[i] == '=' || s[i] == '*' || s[i] == '(' || s[i] == ')') {
			*why = "only names, '+' and one '/' may be used";
			*at = i;
			goto fail;
		}
	}
	if (e->digits >= 0 && !below) {
		*why = "'@' goes with a rate";
		*at = n;
		goto fail;
	}
	return 0;
fail:
	expr_free(e);
	return -1;
}

void
expr_free(struct expr *e)
{
	size_t i;

	for (i = 0; i < e->nnum; i++)
		free(e->num[i]);
	for (i = 0; i < e->nden; i++)
		free(e->den[i]);
	free(e->num);
	free(e->den);
	memset(e, 0, sizeof *e);
	e->digits = -1;
}
