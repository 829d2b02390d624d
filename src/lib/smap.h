/* smap.h: a map from byte strings to a fixed-size value, open addressing.
 *
 * Entries live in a bump arena of large chunks, so a value pointer stays
 * valid for the map's life. A slot is a pointer plus a 32-bit tag of the
 * hash, which places the key, so most probes and every growth of the
 * table never touch an entry. */
#ifndef CCHC_SMAP_H
#define CCHC_SMAP_H

#include <stddef.h>
#include <stdint.h>

struct smap;

struct smap *smap_new(size_t value_size);
void smap_free(struct smap *m);
/* The value for key, or NULL. */
void *smap_get(struct smap *m, const char *key, size_t n);
/* The value for key, inserted zeroed when absent (*added set then). */
void *smap_put(struct smap *m, const char *key, size_t n, int *added);
/* A key's hash, its slot asked into the cache meanwhile: work done
 * between smap_prefetch and smap_put_hashed hides a cache miss. */
uint64_t smap_prefetch(const struct smap *m, const char *key, size_t n);
void *smap_put_hashed(struct smap *m, const char *key, size_t n, uint64_t h, int *added);
size_t smap_count(const struct smap *m);
/* Every entry in insertion order: call with *it = 0 first. */
int smap_next(struct smap *m, size_t *it, const char **key, size_t *n, void **value);
uint64_t hash_bytes(const void *p, size_t n);

#endif
