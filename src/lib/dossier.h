/* dossier.h: a dossier export's header and values, read one way for every
 * tool (cchc-check normalises them, cchc-sum counts them). */
#ifndef CCHC_DOSSIER_H
#define CCHC_DOSSIER_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cols.h"
#include "csvin.h"
#include "date.h"

struct smap;

struct dossier_cols {
	size_t nf;		/* fields in the header */
	int idx[NCOLS];		/* the field of each known column, or -1 */
	int *role;		/* each field's known column, or -1 */
	char **name;		/* each field's output name */
	char **folded;		/* each field's folded name */
};

/* Reads a header row. Returns 0, or -1 with err filled: a header that is
 * not UTF-8, or two columns naming one known column equally strongly. */
int dossier_cols_init(struct dossier_cols *c, const struct csv_row *hdr,
                      char *err, size_t errsz);
void dossier_cols_free(struct dossier_cols *c);
/* A copy of its own. */
void dossier_cols_copy(struct dossier_cols *to, const struct dossier_cols *from);
/* The field a user's column name (any alias, any spelling) names, or -1. */
int dossier_cols_find(const struct dossier_cols *c, const char *name);
/* The required columns missing, as "ma_ho_so, ngay_tiep_nhan", or NULL. */
const char *dossier_cols_missing(const struct dossier_cols *c, char *buf, size_t size);
/* A later file's header against the first's: perm[i] is the later file's
 * field for the first's field i. Returns 0, or -1 when the columns differ. */
int dossier_cols_match(const struct dossier_cols *first,
                       const struct dossier_cols *later, int *perm);
/* The header as it was, one line, for a message. */
void dossier_header_text(const struct csv_row *hdr, char *buf, size_t size);

struct dossier {
	struct dt recv, due, done;
	unsigned char has_due, has_done;
	int code[NCOLS];	/* each code column's code, -1 when empty */
};

/* A code column's raw values, looked up by their bytes before any hashing:
 * a direct-mapped table whose key is the value itself up to 8 bytes, and
 * its two ends beyond (the bytes kept to compare). */
enum { CODE_SLOTS = 64, CODE_CACHE_LEN = 30 };
struct code_slot {
	uint64_t key;
	unsigned char len;	/* 0: an empty slot */
	signed char code;
	char s[CODE_CACHE_LEN];
};

struct dossier_parser {
	int date_order;
	struct smap *memo[NCOLS];	/* code of each distinct raw value */
	struct code_slot slot[NCOLS][CODE_SLOTS];
};

void dossier_parser_init(struct dossier_parser *p, int date_order);

/* s[0..n), n > 0, as a number: the value itself when n <= 8 (with n, no
 * two values have one key), its two ends beyond. No byte outside s is read. */
static inline uint64_t
code_key(const char *s, size_t n)
{
	uint32_t a, b;
	uint64_t x, y;

	if (n > 8) {
		memcpy(&x, s, 8);
		memcpy(&y, s + n - 8, 8);
		return x ^ (y * 0x9E3779B97F4A7C15u);
	}
	if (n >= 4) {
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		return (uint64_t)b << 32 | a;
	}
	return (unsigned char)s[0] | (unsigned)(unsigned char)s[n / 2] << 8 |
	    (unsigned)(unsigned char)s[n - 1] << 16;
}

/* A value's first slot; its second is the next one (two values of one
 * slot are common enough among a dozen codes in 64 slots). */
static inline unsigned
code_slot_of(uint64_t key, size_t n)
{
	return (unsigned)(((key ^ n) * 0x9E3779B97F4A7C15u) >> 58);
}

static inline int
code_slot_is(const struct code_slot *e, uint64_t k, const char *s, size_t n)
{
	return e->len == n && e->key == k && (n <= 8 || memcmp(e->s, s, n) == 0);
}

/* The code of code column col's trimmed value s[0..n): its index into
 * col_code_name, or a negative CODE_ value (cols.h: none, several, a NUL,
 * a control byte, not UTF-8; col_code_error says which).
 * A value seen before is found inline; only valid UTF-8 is kept in the
 * table, so a match is text_check clean. */
int dossier_code_slow(struct dossier_parser *p, int col, const char *s, size_t n);
/* The slot holding s[0..n), or NULL. Inline, like dossier_code: three
 * codes a row. */
static inline __attribute__((always_inline)) const struct code_slot *
code_slot_find(const struct dossier_parser *p, int col, const char *s, size_t n)
{
	uint64_t k = code_key(s, n);
	unsigned j = code_slot_of(k, n);
	const struct code_slot *e = p->slot[col];

	if (code_slot_is(&e[j], k, s, n))
		return &e[j];
	if (code_slot_is(&e[(j + 1) % CODE_SLOTS], k, s, n))
		return &e[(j + 1) % CODE_SLOTS];
	return NULL;
}
/* dossier_code for a value in the table, else CODE_UNSEEN (s may then be
 * any bytes: nothing is folded). */
enum { CODE_UNSEEN = -100 };
static inline int
dossier_code_seen(const struct dossier_parser *p, int col, const char *s, size_t n)
{
	const struct code_slot *e = code_slot_find(p, col, s, n);

	return e ? e->code : CODE_UNSEEN;
}
static inline __attribute__((always_inline)) int
dossier_code(struct dossier_parser *p, int col, const char *s, size_t n)
{
	const struct code_slot *e = code_slot_find(p, col, s, n);

	return e ? e->code : dossier_code_slow(p, col, s, n);
}
void dossier_parser_free(struct dossier_parser *p);

/* Parses the trimmed value of known column col into d. Returns 0, or -1
 * with *why saying what is wrong (a static string). */
int dossier_value(struct dossier_parser *p, int col, const char *s, size_t n,
                  struct dossier *d, const char **why);
/* dossier_value for a date column (any other column is 0); s[0..n) may be
 * untrimmed. Inline: with the column known where it is called, the switch
 * is gone, and the usual value (digits alone) needs no trimming. */
int dossier_date_slow(struct dossier_parser *p, int col, const char *s, size_t n,
                      struct dt *t, unsigned char *has, const char **why);
static inline __attribute__((always_inline)) int
dossier_date(struct dossier_parser *p, int col, const char *s, size_t n,
             struct dossier *d, const char **why)
{
	unsigned char *has = NULL;
	struct dt *t;

	switch (col) {
	case COL_NGAY_TIEP_NHAN:
		t = &d->recv;
		break;
	case COL_NGAY_HEN_TRA:
		t = &d->due;
		has = &d->has_due;
		break;
	case COL_NGAY_TRA_KET_QUA:
		t = &d->done;
		has = &d->has_done;
		break;
	default:
		return 0;
	}
	if (date_parse_compact(s, n, t) == DATE_OK ||
	    date_parse_written(s, n, p->date_order, t) == DATE_OK) {
		if (has)
			*has = 1;
		return 0;
	}
	return dossier_date_slow(p, col, s, n, t, has, why);
}
/* a before b: by the clock when both have a time, else by the day */
static inline int
dossier_before(const struct dt *a, const struct dt *b)
{
	if (a->days != b->days || !a->has_time || !b->has_time)
		return a->days < b->days;
	return (a->hh * 60 + a->mi) * 60 + a->ss < (b->hh * 60 + b->mi) * 60 + b->ss;
}

/* The dates against each other once all are read: returns the column that
 * is wrong (due or result before received) and sets *why, or -1. */
static inline int
dossier_dates(const struct dossier *d, const char **why)
{
	if (d->has_due && dossier_before(&d->due, &d->recv)) {
		*why = "due date before the received date";
		return COL_NGAY_HEN_TRA;
	}
	if (d->has_done && dossier_before(&d->done, &d->recv)) {
		*why = "result date before the received date";
		return COL_NGAY_TRA_KET_QUA;
	}
	return -1;
}

#endif
