/* cols.h: the dossier columns and their codes, as the contract names them.
 * The tables themselves are data in cols.c; nothing else spells an alias. */
#ifndef CCHC_COLS_H
#define CCHC_COLS_H

#include <stddef.h>

enum col {
	COL_MA_HO_SO, COL_CAP, COL_CO_QUAN, COL_LINH_VUC, COL_MA_TTHC,
	COL_TEN_TTHC, COL_KENH, COL_MUC_DO_DVC, COL_TRANG_THAI,
	COL_NGAY_TIEP_NHAN, COL_NGAY_HEN_TRA, COL_NGAY_TRA_KET_QUA,
	NCOLS
};

extern const char *const col_name[NCOLS];	/* canonical names */

static inline int
col_is_date(int col)
{
	return col >= COL_NGAY_TIEP_NHAN && col <= COL_NGAY_TRA_KET_QUA;
}
extern const unsigned char col_required[NCOLS];

/* The column a folded header name is, or -1; *rank says how strongly: when
 * two header columns name one column, the lower rank wins (the processing
 * end NgayKetThucXuLy over the hand-over NgayTra). */
int col_lookup(const char *folded, int *rank);
/* The name a header column that lost to a stronger alias is written under. */
const char *col_loser_name(int col);

/* Code columns: cap, kenh, muc_do_dvc, trang_thai. */
extern const unsigned char col_coded[NCOLS];
static inline int
col_has_codes(int col)
{
	return col_coded[col];
}
/* The code a folded value is (its index into col_code_names), -1 when it
 * is none, -2 when it names several (a phrase with two channels in it). */
int col_code(int col, const char *folded);
const char *col_code_name(int col, int code);
/* How many codes col has (0 for no code column). */
int col_ncodes(int col);

/* trang_thai: the statuses that are not received dossiers (1 registered,
 * 3 refused). */
static inline int
status_not_received(int code)
{
	return code == 0 || code == 2;	/* "1" and "3" */
}

/* The count table's columns, in the contract's order. */
enum {
	C_TIEP_NHAN, C_KY_TRUOC, C_MOI_TIEP_NHAN, C_NOP_TRUC_TUYEN,
	C_NOP_TRUC_TIEP, C_NOP_BUU_CHINH, C_DA_GIAI_QUYET, C_GQ_TRUOC_HAN,
	C_GQ_DUNG_HAN, C_GQ_QUA_HAN, C_DANG_GIAI_QUYET, C_DANG_TRONG_HAN,
	C_DANG_QUA_HAN, NCOUNTS
};
extern const char *const count_name[NCOUNTS];
/* The count column a name is, or -1. */
int count_lookup(const char *name);

/* The identities of a count table: lhs = the sum of rhs (-1 ends it). */
struct identity {
	int lhs, rhs[4];
};
extern const struct identity count_identity[];
extern const size_t ncount_identity;

/* The report's standard rates: NAME = EXPR (see expr.h). */
struct std_rate {
	const char *name, *expr;
};
extern const struct std_rate standard_rate[];
extern const size_t nstandard_rate;

/* kenh codes, in the order of the count columns */
enum { KENH_TRUC_TUYEN = 0, KENH_TRUC_TIEP, KENH_BUU_CHINH };

#endif
