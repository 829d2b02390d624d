/* dossier.h: a dossier export's header and values, read one way for every
 * tool (cchc-check normalises them, cchc-sum counts them). */
#ifndef CCHC_DOSSIER_H
#define CCHC_DOSSIER_H

#include <stddef.h>
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

/* A code column's few short raw values, looked at before any hashing. */
enum { CODE_CACHE = 16, CODE_CACHE_LEN = 30 };
struct code_cache {
	unsigned char len;
	signed char code;
	char s[CODE_CACHE_LEN];
};

struct dossier_parser {
	int date_order;
	struct smap *memo[NCOLS];	/* code of each distinct raw value */
	struct code_cache cache[NCOLS][CODE_CACHE];
	unsigned char ncache[NCOLS];
};

void dossier_parser_init(struct dossier_parser *p, int date_order);

/* The code of code column col's trimmed value s[0..n), n > 0: its index
 * into col_code_name, -1 when it is none, -2 when it names several.
 * Values already seen are matched inline, first bytes first (codes are
 * short); only valid UTF-8 is kept for that, so a match is text_check
 * clean. */
int dossier_code_slow(struct dossier_parser *p, int col, const char *s, size_t n);
static inline int
dossier_code(struct dossier_parser *p, int col, const char *s, size_t n)
{
	const struct code_cache *c = p->cache[col];
	unsigned i, k = p->ncache[col];

	for (i = 0; i < k; i++)
		if (c[i].len == n && c[i].s[0] == s[0] && (n == 1 ||
		    (c[i].s[1] == s[1] && (n == 2 || memcmp(c[i].s + 2, s + 2, n - 2) == 0))))
			return c[i].code;
	return dossier_code_slow(p, col, s, n);
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
	if (date_parse_compact(s, n, t) == DATE_OK) {
		if (has)
			*has = 1;
		return 0;
	}
	return dossier_date_slow(p, col, s, n, t, has, why);
}
/* The dates against each other once all are read: returns the column that
 * is wrong (due or result before received) and sets *why, or -1. */
int dossier_dates(const struct dossier *d, const char **why);

#endif
