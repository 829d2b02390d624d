/* fold.h: text as the contract matches it.
 *
 * fold: NFC, case folded, diacritics removed, đ→d, runs of spaces (tabs,
 * line breaks, no-break spaces), '_' and '-' made one '_', none at either end. "Ngày tiếp nhận", "NGAY_TIEP_NHAN"
 * and "ngay  tiep-nhan" all fold to "ngay_tiep_nhan". */
#ifndef CCHC_FOLD_H
#define CCHC_FOLD_H

#include <stddef.h>

/* Folds s[0..n) into a new NUL-terminated string (caller frees).
 * s must be valid UTF-8 (see text_check). */
char *fold(const char *s, size_t n);
/* The same keeping the diacritics and đ (NFC): "Sa Pa" and "Sa Pả", one
 * key folded, are two keys marked. */
char *fold_marked(const char *s, size_t n);

/* NFC of s[0..n) into *buf (grown as needed, NUL-terminated); returns its
 * length. s must be valid UTF-8. Text made only of characters that are NFC
 * in any company (ASCII, precomposed Vietnamese) is copied without a call
 * into utf8proc. */
size_t nfc(const char *s, size_t n, char **buf, size_t *cap);
/* The same without a copy when s is NFC already: returns s itself, or
 * *buf holding the normalised text; *len is its length. */
const char *nfc_ref(const char *s, size_t n, char **buf, size_t *cap, size_t *len);

/* Trims spaces, tabs and no-break spaces at both ends: adjusts *s and *n.
 * Inline for the usual value, which has nothing to trim. */
void trim_ends(const char **s, size_t *n);
static inline void
trim(const char **s, size_t *n)
{
	unsigned char a, z;

	if (*n == 0)
		return;
	a = (unsigned char)(*s)[0];
	z = (unsigned char)(*s)[*n - 1];
	if (a > ' ' && a != 0xc2 && z > ' ' && z != 0xa0)
		return;
	trim_ends(s, n);
}

/* A header cell's name: trimmed, and a BOM at its start dropped (the BOM
 * of a file joined to the one before with cat), then trimmed again. */
void trim_name(const char **s, size_t *n);

enum { TEXT_OK = 0, TEXT_NUL, TEXT_BADUTF8 };
/* Checks that s[0..n) is UTF-8 without NUL bytes; on failure *at is the
 * offset of the first bad byte. */
int text_check(const char *s, size_t n, size_t *at);

/* The advice for a file that is not UTF-8, naming the legacy encodings
 * iconv knows when the bytes look like one of them. */
const char *text_advice(const char *s, size_t n, size_t at);

#endif
