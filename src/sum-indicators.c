/* cchc-sum --indicators: the counts the QĐ 766 indicators need (the
 * portal's flags and the rating), after the 13; the table in cols.c says
 * what each counts over which dossiers (man/cchc-sum.1, INDICATORS). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sum.h"
#include "lib/csvin.h"
#include "lib/dossier.h"
#include "lib/fold.h"
#include "lib/intake.h"
#include "lib/msg.h"
#include "lib/num.h"
#include "lib/out.h"

int sum_indicators;
uint32_t ind_empty_all;

/* The flag and rating columns, and the rows each is read for: bit
 * NEED_RECEIVED for an indicator over the dossiers received in the
 * period, NEED_RESOLVED over those resolved in it. */
enum { FIRST_COL = COL_CO_PHI, NFLAGCOLS = COL_DANH_GIA - COL_CO_PHI + 1 };
enum { NEED_RECEIVED = 1, NEED_RESOLVED = 2 };
static unsigned char need[NFLAGCOLS];
static unsigned char over[NINDICATORS];	/* NEED_RECEIVED or NEED_RESOLVED */

/* The dossiers an indicator counts among: its base's, down to one of the
 * 13 (moi_tiep_nhan: received; da_giai_quyet: resolved). */
static int
root_base(int i)
{
	int b = indicator[i].base;

	while (b >= NCOUNTS)
		b = indicator[b - NCOUNTS].base;
	return b;
}

void
ind_init(void)
{
	int i;

	memset(need, 0, sizeof need);
	for (i = 0; i < NINDICATORS; i++) {
		int b = root_base(i);
		if (b != C_MOI_TIEP_NHAN && b != C_DA_GIAI_QUYET)
			die("internal error: indicator %s over %s", indicator[i].name, count_name[b]);
		over[i] = b == C_MOI_TIEP_NHAN ? NEED_RECEIVED : NEED_RESOLVED;
		need[indicator[i].col - FIRST_COL] |= over[i];
		if (indicator[i].col2 >= 0)
			need[indicator[i].col2 - FIRST_COL] |= over[i];
	}
}

uint32_t
ind_absent(const int *field, const char *file, int say)
{
	char cols[512], names[1024];
	size_t co = 0, no = 0;
	uint32_t mask = 0;
	int col, i, ncols = 0;

	cols[0] = names[0] = '\0';
	for (col = FIRST_COL; col < FIRST_COL + NFLAGCOLS; col++)
		if (field[col] < 0) {
			co += (size_t)snprintf(cols + co, sizeof cols - co, "%s%s", co ? ", " : "",
			    col_name[col]);
			ncols++;
		}
	for (i = 0; i < NINDICATORS; i++)
		if (field[indicator[i].col] < 0 ||
		    (indicator[i].col2 >= 0 && field[indicator[i].col2] < 0)) {
			mask |= 1u << i;
			no += (size_t)snprintf(names + no, sizeof names - no, "%s%s", no ? ", " : "",
			    indicator[i].name);
		}
	if (say && mask)
		warnx_("%s: --indicators: no %s column%s: %s written empty (unknown, not 0)",
		    strcmp(file, "-") ? file : "standard input", cols, ncols > 1 ? "s" : "",
		    mask == (1u << NINDICATORS) - 1 ? "every indicator" : names);
	return mask;
}

void
ind_count(struct counts *c, const int *field, struct dossier_parser *p,
          struct intake *in, const struct csv_row *row, int fresh, int resolved)
{
	int code[NFLAGCOLS], k, i;
	unsigned rows = (fresh ? NEED_RECEIVED : 0) | (resolved ? NEED_RESOLVED : 0);

	if (!rows)	/* carried over and pending: in no indicator */
		return;
	for (k = 0; k < NFLAGCOLS; k++) {
		int f = field[FIRST_COL + k];
		const char *v;
		size_t n;

		code[k] = -1;
		if (f < 0 || !(need[k] & rows))
			continue;
		v = row->f[f].s;
		n = row->f[f].n;
		trim(&v, &n);
		if (n == 0)	/* no flag set, no rating */
			continue;
		if ((code[k] = dossier_code(p, FIRST_COL + k, v, n)) < 0) {
			if (in)
				intake_note(in, col_name[FIRST_COL + k], FIRST_COL + k == COL_DANH_GIA ?
				    "not a rating: counted as not rated" :
				    "neither yes nor no: counted as not set", v, n);
			code[k] = -1;
		}
	}
	for (i = 0; i < NINDICATORS; i++) {
		const struct indicator *x = &indicator[i];
		int got = code[x->col - FIRST_COL];

		if (!(over[i] & rows) || (x->code < 0 ? got < 0 : got != x->code))
			continue;
		if (x->col2 >= 0 && code[x->col2 - FIRST_COL] != x->code2)
			continue;
		c->ind[i]++;
	}
	/* a payment without a fee is counted in no base: said */
	if (in && fresh && code[COL_THANH_TOAN_TRUC_TUYEN - FIRST_COL] == FLAG_YES &&
	    field[COL_CO_PHI] >= 0 && code[COL_CO_PHI - FIRST_COL] != FLAG_YES) {
		const char *v = row->f[field[COL_CO_PHI]].s;
		size_t n = row->f[field[COL_CO_PHI]].n;
		trim(&v, &n);
		intake_note(in, col_name[COL_CO_PHI], "paid online, but the procedure is not "
		    "marked as having fees: not counted in thanh_toan_truc_tuyen", v, n);
	}
}

int
ind_add(struct counts *into, const struct counts *from)
{
	int i;

	into->ind_empty |= from->ind_empty;
	for (i = 0; i < NINDICATORS; i++)
		if (!num_add(&into->ind[i], from->ind[i]))
			return i;
	return -1;
}

void
ind_put_header(struct out *o)
{
	int i;

	for (i = 0; i < NINDICATORS; i++)
		out_fieldz(o, indicator[i].name);
}

void
ind_put(struct out *o, const struct counts *c)
{
	char buf[32];
	int i;

	for (i = 0; i < NINDICATORS; i++) {
		if ((c->ind_empty | ind_empty_all) >> i & 1) {
			out_field_plain(o, "", 0);
			continue;
		}
		num_format_count(c->ind[i], 0, buf);
		out_field_plain(o, buf, strlen(buf));
	}
}

/* --merge: the rows where each indicator was a count, and empty */
static unsigned long merged_count[NINDICATORS], merged_empty[NINDICATORS];

int
ind_read(struct counts *c, int i, const char *s, size_t n)
{
	int err;

	trim(&s, &n);
	if (n == 0) {
		c->ind_empty |= 1u << i;
		merged_empty[i]++;
		return NUM_OK;
	}
	if ((err = num_count(s, n, &c->ind[i])) == NUM_OK)
		merged_count[i]++;
	return err;
}

int
ind_mixed(void)
{
	int i, mixed = 0;

	for (i = 0; i < NINDICATORS; i++)
		if (merged_count[i] && merged_empty[i]) {
			warnx_("%s: a count in %lu rows, empty in %lu (tables counted from exports "
			    "with and without its column): a group with an empty one is written "
			    "empty", indicator[i].name, merged_count[i], merged_empty[i]);
			mixed = 1;
		}
	return mixed;
}
