/* collate.h: Vietnamese alphabetical order, for the rows a person reads
 * (the groups of a count table, the rows of a table listed per group).
 *
 * Texts are compared level by level; a level is looked at only when the
 * levels before it found the two texts equal:
 *   1. the characters, read in NFD (so NFC and NFD text sort the same):
 *      end of text < white space (a run of it is one) < punctuation and
 *      symbols (by code point) < numbers (a run of ASCII digits, by its
 *      value: "Phường 2" < "Phường 10") < letters, in the alphabet's order
 *      (a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z:
 *      f j w z, which Vietnamese does not use, where Latin puts them) <
 *      other letters (by their lower-case code point). A letter is its base
 *      letter with the mark that makes it a letter of the alphabet (breve,
 *      circumflex, horn); case, tones and other marks are not looked at;
 *   2. the tones, word by word (a word: a run of letters): none < huyền <
 *      hỏi < ngã < sắc < nặng. A word's tone is the tone mark on any of its
 *      letters, so "hòa" and "hoà" (the old and new place of the mark) are
 *      equal here;
 *   3. case, letter by letter: lower before upper;
 *   4. the bytes of the NFC text;
 *   5. the bytes as given (two texts equal in NFC but written otherwise).
 * So the order is total: two texts are equal only when their bytes are.
 * Several columns: by the first, all its levels, then the next.
 *
 * The alphabet and the tones are data, in collate.c. */
#ifndef CCHC_COLLATE_H
#define CCHC_COLLATE_H

#include <stddef.h>

/* Appends the sort key of s[0..n) (any bytes; text that is not UTF-8 is
 * ordered by its bytes) to *buf at *len, growing it: keys compared with
 * collate_keycmp order their texts as above, and the keys of a row's
 * columns one after the other order rows column by column. Made once per
 * text, for a sort. */
void collate_key(const char *s, size_t n, char **buf, size_t *cap, size_t *len);

/* memcmp, the shorter first when one key begins the other. */
int collate_keycmp(const char *a, size_t an, const char *b, size_t bn);

/* Two texts compared in the order: for one comparison; a sort makes keys. */
int collate_cmp(const char *a, size_t an, const char *b, size_t bn);

#endif
