#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "msg.h"
#include "seen.h"

struct seen *
seen_new(void)
{
	return ecalloc(1, sizeof(struct seen));
}

void
seen_free(struct seen *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < SEEN_SLOTS; i++)
		free(t->slot[i].s);
	free(t);
}

void
seen_put(struct seen_slot *e, const char *s, size_t n, void *v)
{
	if (n > SEEN_MAX)
		return;
	if (e->cap < n) {
		e->cap = n < 64 ? 64 : n;
		free(e->s);
		e->s = emalloc(e->cap);
	}
	memcpy(e->s, s, n);
	e->n = n;
	e->v = v;
}

int
seen_text_miss(struct seen_slot *e, const char *s, size_t n, size_t *at)
{
	int r = text_check(s, n, at);

	if (r == TEXT_OK)
		seen_put(e, s, n, NULL);
	return r;
}
