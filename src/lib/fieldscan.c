#include <stdlib.h>
#include <string.h>

#include "fieldscan.h"
#include "fold.h"
#include "msg.h"

void
scan_set_init(struct scan_set *t, char d)
{
	int c;

	for (c = 0; c < 256; c++)
		t->cls[c] = (c == 0 || c >= 0x80 ? SCAN_CHECK : 0) |
		    (c == (unsigned char)d || c == '"' || c == '\n' || c == '\r' ? SCAN_QUOTE : 0) |
		    (c == ' ' || c == '\t' ? SCAN_EDGE : 0);
	t->d = d;
}

struct text_seen *
text_seen_new(void)
{
	return ecalloc(1, sizeof(struct text_seen));
}

void
text_seen_free(struct text_seen *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < SEEN_SLOTS; i++)
		free(t->slot[i].s);
	free(t);
}

/* Not in its slot e: checked, and put there when it is text. */
int
text_seen_miss(struct seen_slot *e, const char *s, size_t n, size_t *at)
{
	int r;

	if ((r = text_check(s, n, at)) != TEXT_OK)
		return r;
	if (e->cap < n) {
		e->cap = n < 64 ? 64 : n;
		free(e->s);
		e->s = emalloc(e->cap);
	}
	memcpy(e->s, s, n);
	e->n = n;
	return TEXT_OK;
}
