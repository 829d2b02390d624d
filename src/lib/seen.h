/* seen.h: byte strings seen lately, each with a value: a table of slots
 * placed by a string's length and first and last bytes, a string in its
 * slot or not there (a string that shares its slot with another takes it
 * from the other). For values a column repeats (units, procedures,
 * statuses: a few dozen), known again by one compare where hashing the
 * string, or checking it, costs more.
 *
 * seen_text: text_check (fold.h) of a value, the values that passed
 * remembered. */
#ifndef CCHC_SEEN_H
#define CCHC_SEEN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fold.h"

/* SEEN_SLOTS is 2^SEEN_BITS; a string longer than SEEN_MAX is not kept. */
enum { SEEN_BITS = 10, SEEN_SLOTS = 1 << SEEN_BITS, SEEN_MAX = 1024 };

struct seen_slot {
	char *s;
	size_t n, cap;
	void *v;
};

struct seen {
	struct seen_slot slot[SEEN_SLOTS];
};

struct seen *seen_new(void);
void seen_free(struct seen *t);
/* s[0..n) and v into slot e (seen_slot's), when n <= SEEN_MAX. */
void seen_put(struct seen_slot *e, const char *s, size_t n, void *v);
/* text_check of a string not in its slot e (n > 0); put there when text. */
int seen_text_miss(struct seen_slot *e, const char *s, size_t n, size_t *at);

/* The slot of s[0..n), n > 0. */
static inline struct seen_slot *
seen_slot(struct seen *t, const char *s, size_t n)
{
	uint64_t a, b, h;
	uint32_t x, y;

	if (n >= 8) {
		memcpy(&a, s, 8);
		memcpy(&b, s + n - 8, 8);
	} else if (n >= 4) {
		memcpy(&x, s, 4);
		memcpy(&y, s + n - 4, 4);
		a = x;
		b = y;
	} else {
		a = (unsigned char)s[0];
		b = (unsigned char)s[n - 1] | (uint64_t)(unsigned char)s[n / 2] << 8;
	}
	h = ((a * 0x9e3779b97f4a7c15u) ^ (b * 0xc4ceb9fe1a85ec53u) ^ n) * 0xff51afd7ed558ccdu;
	return &t->slot[h >> (64 - SEEN_BITS)];
}

/* Does slot e hold s[0..n)? */
static inline int
seen_has(const struct seen_slot *e, const char *s, size_t n)
{
	return e->n == n && memcmp(e->s, s, n) == 0;
}

/* text_check(s, n, at) (n > 0): a string that passed before is not
 * checked again. */
static inline int
seen_text(struct seen *t, const char *s, size_t n, size_t *at)
{
	struct seen_slot *e = seen_slot(t, s, n);

	return seen_has(e, s, n) ? TEXT_OK : seen_text_miss(e, s, n, at);
}

#endif
