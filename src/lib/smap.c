#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "msg.h"
#include "smap.h"

#define CHUNK_MAX ((size_t)16 << 20)
#define HUGE_PAGE ((size_t)2 << 20)
#define BIG ((size_t)4 << 20)	/* from here, mapped on huge pages */

struct entry {
	uint32_t n;
	/* then, at offset align, the value (value_size); then the key bytes
	 * and a NUL */
};

struct smap {
	size_t value_size;	/* rounded up to align */
	size_t align;		/* 8 for values of 8 bytes or more, else 4 */
	struct entry **slot;
	uint32_t *tag;		/* the high half of the key's hash, never 0; 0: empty */
	size_t cap, count;
	struct chunk { char *p; size_t used, size; } *chunks;
	size_t nchunks, chunkcap;
	char *cur;
	size_t cur_left;
};

uint64_t
hash_bytes(const void *p, size_t n)
{
	/* a 64-bit multiply-xorshift hash over 8-byte words */
	const unsigned char *s = p;
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0xff51afd7ed558ccdULL), w;

	while (n >= 8) {
		memcpy(&w, s, 8);
		h = (h ^ (w * 0xc4ceb9fe1a85ec53ULL)) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 29;
		s += 8;
		n -= 8;
	}
	w = 0;
	memcpy(&w, s, n);
	h = (h ^ (w * 0xc4ceb9fe1a85ec53ULL)) * 0x9e3779b97f4a7c15ULL;
	h ^= h >> 32;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

/* Zeroed memory. A big table (millions of dossier ids) is mapped aligned
 * and asked for huge pages: else it costs a page fault every 4 KiB, a
 * tenth of cchc-check's time. */
static void *
big_alloc(size_t size)
{
	char *p, *a;
	size_t head;

	if (size < BIG) {
		if ((p = calloc(size, 1)) == NULL)
			die("out of memory (%zu bytes)", size);
		return p;
	}
	p = mmap(NULL, size + HUGE_PAGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		die("out of memory (%zu bytes)", size);
	a = (char *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
	head = (size_t)(a - p);
	if (head)
		munmap(p, head);
	munmap(a + size, HUGE_PAGE - head);
#ifdef MADV_HUGEPAGE
	madvise(a, size, MADV_HUGEPAGE);	/* a hint: no huge pages is fine */
#endif
	return a;
}

static void
big_free(void *p, size_t size)
{
	if (!p)
		return;
	if (size < BIG)
		free(p);
	else
		munmap(p, size);
}

struct smap *
smap_new(size_t value_size)
{
	struct smap *m = emalloc(sizeof *m);

	memset(m, 0, sizeof *m);
	m->align = value_size >= 8 ? 8 : 4;
	m->value_size = (value_size + m->align - 1) & ~(m->align - 1);
	m->cap = 64;
	m->slot = big_alloc(m->cap * sizeof *m->slot);
	m->tag = big_alloc(m->cap * sizeof *m->tag);
	return m;
}

void
smap_free(struct smap *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->nchunks; i++)
		big_free(m->chunks[i].p, m->chunks[i].size);
	free(m->chunks);
	big_free(m->slot, m->cap * sizeof *m->slot);
	big_free(m->tag, m->cap * sizeof *m->tag);
	free(m);
}

static void *
value_of(const struct smap *m, struct entry *e)
{
	return (char *)e + m->align;
}

static const char *
key_of(const struct smap *m, struct entry *e)
{
	return (char *)e + m->align + m->value_size;
}

/* A key's tag: its slot is tag & (cap - 1), and the tag says where it goes
 * when the table doubles without a look at the entry (a cache miss each,
 * a third of cchc-check's id set time when the entry held the hash). */
static inline uint32_t
tag_of(uint64_t h)
{
	uint32_t t = (uint32_t)(h >> 32);

	return t ? t : 1;
}

static void
grow(struct smap *m)
{
	size_t ncap = m->cap * 2, i, mask = ncap - 1;
	struct entry **slot;
	uint32_t *tag;

	if (ncap > (size_t)1 << 32)	/* the tag places a key: 32 bits */
		die("too many keys in one table (%zu)", m->count);
	slot = big_alloc(ncap * sizeof *slot);
	tag = big_alloc(ncap * sizeof *tag);
	for (i = 0; i < m->cap; i++) {
		size_t j;
		if (!m->tag[i])
			continue;
		for (j = m->tag[i] & mask; tag[j]; j = (j + 1) & mask)
			;
		slot[j] = m->slot[i];
		tag[j] = m->tag[i];
	}
	big_free(m->slot, m->cap * sizeof *m->slot);
	big_free(m->tag, m->cap * sizeof *m->tag);
	m->slot = slot;
	m->tag = tag;
	m->cap = ncap;
}

static size_t
entry_size(const struct smap *m, size_t n)
{
	return (m->align + m->value_size + n + 1 + m->align - 1) & ~(m->align - 1);
}

static struct entry *
alloc_entry(struct smap *m, size_t n)
{
	size_t need = entry_size(m, n);
	char *p;

	if (need > m->cur_left) {
		/* chunks double from 4 KiB to 16 MiB: a map of a few codes
		 * stays small, one of millions of ids takes few huge pages */
		size_t size = m->nchunks < 12 ? (size_t)4096 << m->nchunks : CHUNK_MAX;
		if (need > size)
			size = need;
		if (m->nchunks == m->chunkcap) {
			m->chunkcap = m->chunkcap ? 2 * m->chunkcap : 16;
			m->chunks = erealloc(m->chunks, m->chunkcap * sizeof *m->chunks);
		}
		m->cur = big_alloc(size);
		m->chunks[m->nchunks].p = m->cur;
		m->chunks[m->nchunks].size = size;
		m->chunks[m->nchunks++].used = 0;
		m->cur_left = size;
	}
	m->chunks[m->nchunks - 1].used += need;
	p = m->cur;
	m->cur += need;
	m->cur_left -= need;
	return (struct entry *)p;
}

/* The probe walks the tags alone (16 to a cache line; 0 is an empty
 * slot) and looks at a slot, another cache miss, only when its tag matches:
 * a key of the same first slot has the tag's other bits to differ by. */
static size_t
find(struct smap *m, const char *key, size_t n, uint64_t h)
{
	uint32_t t = tag_of(h);
	size_t mask = m->cap - 1, j = t & mask;

	for (;; j = (j + 1) & mask) {
		struct entry *e;
		if (m->tag[j] == 0)
			return j;
		if (m->tag[j] != t)
			continue;
		e = m->slot[j];
		if (e->n == n && memcmp(key_of(m, e), key, n) == 0)
			return j;
	}
}

void *
smap_get(struct smap *m, const char *key, size_t n)
{
	uint64_t h = hash_bytes(key, n);
	size_t j = find(m, key, n, h);

	return m->tag[j] ? value_of(m, m->slot[j]) : NULL;
}

uint64_t
smap_prefetch(const struct smap *m, const char *key, size_t n)
{
	uint64_t h = hash_bytes(key, n);
	size_t j = tag_of(h) & (m->cap - 1);

	__builtin_prefetch(&m->tag[j]);
	__builtin_prefetch(&m->slot[j]);
	return h;
}

void *
smap_put(struct smap *m, const char *key, size_t n, int *added)
{
	return smap_put_hashed(m, key, n, hash_bytes(key, n), added);
}

void *
smap_put_hashed(struct smap *m, const char *key, size_t n, uint64_t h, int *added)
{
	size_t j = find(m, key, n, h);
	struct entry *e;

	if (m->tag[j]) {
		if (added)
			*added = 0;
		return value_of(m, m->slot[j]);
	}
	if (n > UINT32_MAX)
		die("key too long (%zu bytes)", n);
	e = alloc_entry(m, n);
	e->n = (uint32_t)n;
	memset(value_of(m, e), 0, m->value_size);
	memcpy((char *)key_of(m, e), key, n);
	((char *)key_of(m, e))[n] = '\0';
	m->slot[j] = e;
	m->tag[j] = tag_of(h);
	m->count++;
	if (added)
		*added = 1;
	if (m->count * 10 > m->cap * 7)
		grow(m);
	return value_of(m, e);
}

size_t
smap_count(const struct smap *m)
{
	return m->count;
}

int
smap_next(struct smap *m, size_t *it, const char **key, size_t *n, void **value)
{
	/* *it is chunk << 32 | offset: entries lie in insertion order */
	size_t c = *it >> 32, off = *it & 0xffffffffu;
	struct entry *e;

	while (c < m->nchunks && off >= m->chunks[c].used)
		c++, off = 0;
	if (c >= m->nchunks)
		return 0;
	e = (struct entry *)(m->chunks[c].p + off);
	*key = key_of(m, e);
	*n = e->n;
	*value = value_of(m, e);
	off += entry_size(m, e->n);
	*it = c << 32 | off;
	return 1;
}
