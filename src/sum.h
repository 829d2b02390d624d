/* sum.h: what cchc-sum's dossier counting and its --merge share: the
 * count table of groups and how it is written. */
#ifndef CCHC_SUM_H
#define CCHC_SUM_H

#include <stddef.h>
#include <stdint.h>

#include "lib/cols.h"

struct out;
struct smap;

struct counts {
	int64_t c[NCOUNTS];
	int64_t pace[NPACE];	/* zero without --estimate */
	/* --indicators (sum-indicators.c): the counts after the 13, and
	 * which of them are empty (bit i: indicator i unknown, its column
	 * absent from the export the count was made of) */
	int64_t ind[NINDICATORS];
	uint32_t ind_empty;
};

/* An estimate's days (sum-estimate.c): the counts are as of asof; the
 * pace is that of pace_from..asof; the figures are projected to to. */
struct estimate {
	long asof, pace_from, to;
	int known;		/* the days are known (--merge: read from a row) */
};

/* The window's first day: 29 days before asof, or the period's first day
 * when that is later. */
long estimate_pace_from(long from, long asof);
/* c's counts projected to the period's end into uoc; dies when a figure
 * passes 2^63-1. */
void estimate_project(const struct estimate *e, const struct counts *c, int64_t uoc[NCOUNTS]);

/* A group's key is its values, each as a 4-byte length and the bytes. */
void key_add(char **key, size_t *cap, size_t *len, const char *v, size_t n);

/* The total row is keyed "tong" in the first key column and empty in the
 * others; no group is ever written so. A group whose first value is tong,
 * tong', tong''... is written with one more ' (and read back with one less
 * by --merge), so the total row cannot be taken for a group, nor a group
 * for it. */
int key_is_total(const char *const *v, const size_t *n, size_t nkeys);
/* The value written for a group's first key, into buf (n + 2 bytes). */
size_t key_escape(const char *v, size_t n, char *buf);
/* And back: the length of the value read (the bytes are v's own). */
size_t key_unescape(const char *v, size_t n);

/* Adds from's counts into into; dies when a sum passes 2^63-1. */
void add_tables(struct smap *into, struct smap *from);

/* Writes the header (the key columns, then the counts) and one row per
 * group of groups (encoded key -> struct counts) in the order of their
 * keys, then the total row when total is set and there are keys. With no
 * key columns and no group: one row of zeros. total_needed: say an
 * overflow of the total only when it is written. With est, each row has
 * the estimate's columns after its counts; the total row's uoc_ figures
 * are the sum of the groups'. */
void write_table(struct out *o, struct smap *groups, size_t nkeys, char *const *keyname, int total,
                 const struct estimate *est);
/* The same for a table whose groups hold NCOUNTS counts then nextra (at
 * most MAX_EXTRA) more values (int64_t[], not struct counts), named extra:
 * --rollup's. */
enum { MAX_EXTRA = 4 };
void write_table_extra(struct out *o, struct smap *groups, size_t nkeys, char *const *keyname, int total,
                       const char *const *extra, size_t nextra);

/* The columns --rollup adds: the sub-groups (the key columns dropped)
 * with moi_tiep_nhan > 0, and with nop_truc_tuyen > 0. Distinct counts:
 * never added up by --merge. */
enum { R_PHAT_SINH, R_PHAT_SINH_TRUC_TUYEN, NROLLUP };
extern const char *const rollup_name[NROLLUP];

/* --merge (sum-merge.c), and with rollup (COLS, or NULL) the merged table
 * rolled up to those key columns: the exit status. */
int run_merge(unsigned char delim, int total, const char *rollup, char **files, int nfiles);

/* --indicators (sum-indicators.c). sum_indicators: the table has their
 * columns; ind_empty_all: the indicators empty in every row (their columns
 * absent from the export). */
struct csv_row;
struct dossier_parser;
struct intake;
extern int sum_indicators;
extern uint32_t ind_empty_all;
/* Before any row is counted (and any thread started). */
void ind_init(void);
/* The indicators a header's fields (field[col], -1: absent) cannot count,
 * as a mask; say_absent says each missing column once, naming file. */
uint32_t ind_absent(const int *field, const char *file, int say);
/* One dossier counted in c: received in the period (fresh), resolved in
 * it (resolved). Its flags' unknown values are noted on in (NULL: not
 * noted, the row's other tables of cchc-sum --also have noted them). */
void ind_count(struct counts *c, const int *field, struct dossier_parser *p,
               struct intake *in, const struct csv_row *row, int fresh, int resolved);
/* from's indicators added into into (empty ones stay empty): -1, or the
 * indicator whose sum passes 2^63-1. */
int ind_add(struct counts *into, const struct counts *from);
/* The header's indicator columns, and a row's values (empty when unknown). */
void ind_put_header(struct out *o);
void ind_put(struct out *o, const struct counts *c);
/* --merge: a row's value of indicator i (s[0..n)) into c: 0, or a NUM_
 * error; and at the end, whether some indicator was a count in some rows
 * and empty in others (said): 1, else 0. */
int ind_read(struct counts *c, int i, const char *s, size_t n);
int ind_mixed(void);


#endif
