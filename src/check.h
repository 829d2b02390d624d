/* check.h: cchc-check's modes that are tools of their own. Each reads its
 * FILEs ("-" for standard input), writes the sound rows to standard output,
 * and returns the exit status. */
#ifndef CCHC_CHECK_H
#define CCHC_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "lib/num.h"

/* --counts: a count table (check-counts.c) */
int run_counts(unsigned char delim, char **files, int nfiles);
/* --form NAME|FILE: a filled annex (check-form.c) */
int run_form(const char *form, unsigned char delim, char **files, int nfiles);
/* --form of a wide form (06a), loaded: its filled table (check-wide.c) */
struct form;
int run_wide(const struct form *f, unsigned char delim, char **files, int nfiles);

/* What the modes share. */

/* A header's text (check-header.c): 0, or -1 with what is wrong in what,
 * the value at fault in *v (NULL when none, *vn its length): a syntax
 * error, a name that is not UTF-8 or holds a NUL byte. */
struct csv_row;
int check_header_text(const struct csv_row *row, char *what, size_t size, const char **v,
                      size_t *vn);
/* Whether row names folded[0..nf), in that order, after folding; when not,
 * hdr holds the header found, for CHECK_NOT_FIRST's message. */
int check_same_header(const struct csv_row *row, char *const *folded, size_t nf, char *hdr,
                      size_t size);
/* A file read: its messages said, and csvin_end_text's why, if any (a
 * workbook, UTF-16, no header): returns 1 then (the run fails), else 0.
 * Dies when standard error cannot be written. */
struct msgs;
int check_file_end(struct msgs *m, const char *why);
/* The run's last lines on standard error: the empty rows, the rows. */
void check_summary(unsigned long empty, unsigned long rows, unsigned long passed,
                   unsigned long rejected);
#define CHECK_NOT_FIRST "the header is not the first file's (the same columns in the same " \
	"order); the header found"

/* What is wrong with a count, in words (num_strerror's are cchc-sum's). */
static inline const char *
check_count_error(int err)
{
	switch (err) {
	case NUM_EFRACTION:
		return "a count has no fraction";
	case NUM_ERANGE:
		return "a count past 9223372036854775807, the largest there can be";
	case NUM_ENEG:
		return "a count cannot be negative";
	}
	return "not a number";
}

/* Whether the printed rate p (its scale is its precision) is a/b*100 to
 * within half a unit of its last digit, as dec_percent_matches, but with
 * every step checked: -1 when the numbers are too large to compare
 * exactly in 128 bits (never a wrapped answer), or b is 0. */
static inline int
check_rate_matches(struct dec p, struct dec a, struct dec b)
{
	__int128 av = a.v, bv = b.v, lhs, rhs;
	int i;

	for (i = a.scale; i < b.scale; i++)
		if (__builtin_mul_overflow(av, 10, &av))
			return -1;
	for (i = b.scale; i < a.scale; i++)
		if (__builtin_mul_overflow(bv, 10, &bv))
			return -1;
	if (bv == 0)
		return -1;
	if (bv < 0) {
		bv = -bv;
		av = -av;
	}
	if (__builtin_mul_overflow((__int128)2 * p.v, bv, &lhs) ||
	    __builtin_mul_overflow(av, 200, &rhs))
		return -1;
	for (i = 0; i < p.scale; i++)
		if (__builtin_mul_overflow(rhs, 10, &rhs))
			return -1;
	if (__builtin_sub_overflow(lhs, rhs, &lhs) || __builtin_sub_overflow(0, lhs, &rhs))
		return -1;
	if (lhs < 0)
		lhs = rhs;
	return lhs <= bv;
}

#endif
