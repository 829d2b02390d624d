/* cols.h: the dossier columns and their codes, as the contract names them.
 * The tables themselves are data in cols.c; nothing else spells an alias. */
#ifndef CCHC_COLS_H
#define CCHC_COLS_H

#include <stddef.h>

enum col {
	COL_MA_HO_SO, COL_CAP, COL_CO_QUAN, COL_LINH_VUC, COL_MA_TTHC,
	COL_TEN_TTHC, COL_KENH, COL_MUC_DO_DVC, COL_TRANG_THAI,
	COL_NGAY_TIEP_NHAN, COL_NGAY_HEN_TRA, COL_NGAY_TRA_KET_QUA,
	/* the national portal's flags, optional: yes or no each */
	COL_CO_PHI, COL_THANH_TOAN_TRUC_TUYEN, COL_SO_HOA, COL_KET_QUA_DIEN_TU,
	COL_TAI_SU_DUNG, COL_KHO_DU_LIEU, COL_XAC_THUC_VNEID,
	/* and the citizen's rating, five levels */
	COL_DANH_GIA,
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

/* Code columns: cap, kenh, muc_do_dvc, trang_thai, the flags, danh_gia. */
extern const unsigned char col_coded[NCOLS];
static inline int
col_has_codes(int col)
{
	return col_coded[col];
}
/* A flag column (co_phi ... xac_thuc_vneid): codes FLAG_NO, FLAG_YES. */
static inline int
col_is_flag(int col)
{
	return col >= COL_CO_PHI && col <= COL_XAC_THUC_VNEID;
}
/* A code column whose unknown value keeps its row, as written, and is said
 * once: it decides no count of the 13 (a status: the dates decide; a
 * service level; a flag, a rating). */
static inline int
col_keeps_unknown(int col)
{
	return col == COL_TRANG_THAI || col == COL_MUC_DO_DVC || col >= COL_CO_PHI;
}

/* What col_code returns for a value that is no code: every one negative,
 * none below -100 (dossier.h's CODE_UNSEEN). col_code_error says each. */
enum {
	CODE_NONE = -1,		/* unknown: the value names no code */
	CODE_SEVERAL = -2,	/* it names two codes ("trực tuyến và trực tiếp") */
	CODE_NUL = -3,		/* a NUL byte in the value */
	CODE_CONTROL = -4,	/* another control byte (C0, DEL or C1) */
	CODE_NOT_UTF8 = -5,	/* bytes that are not UTF-8 */
};
/* The reason for a negative code, as a message says it ("unknown code",
 * "names more than one code", "NUL byte in the value", ...): static. */
const char *col_code_error(int code);

/* The code a folded value is (its index into col_code_name), or one of the
 * negative CODE_ values. The rules (man/cchc-check.1, CODES): a word of the
 * user's table (codes.h) first, then an exact word of the built-in table,
 * then phrases (cap, kenh, muc_do_dvc): the longest phrase found wins over
 * a shorter one inside it, a phrase after a negation (không, chưa) in its
 * clause is no match, and the phrases left must all name one code. Costly
 * (a dozen phrases a column): call it once per distinct value. */
int col_code(int col, const char *folded);
/* The same for raw bytes s[0..n), any bytes: not UTF-8, a NUL or another
 * control byte is its CODE_ value; else the value is folded and looked up. */
int col_code_raw(int col, const char *s, size_t n);
/* 0 when s[0..n) can be a code (UTF-8 without a NUL or control byte),
 * else CODE_NUL, CODE_NOT_UTF8 or CODE_CONTROL. */
int col_code_text(const char *s, size_t n);
const char *col_code_name(int col, int code);
/* How many codes col has (0 for no code column). */
int col_ncodes(int col);
/* A folded value as the code words are written: its words joined by one
 * '_', spaces and punctuation gone ("online_(cong_dvc)" is online_cong_dvc).
 * The caller frees it. */
char *col_code_key(const char *folded);
/* The code a code's canonical name is ("truc_tuyen", "7"), or -1. */
int col_code_by_name(int col, const char *name);

/* The codes, by index. cap: */
enum { CAP_TINH = 0, CAP_HUYEN, CAP_XA };
/* kenh, in the order of the count columns: */
enum { KENH_TRUC_TUYEN = 0, KENH_TRUC_TIEP, KENH_BUU_CHINH };
/* muc_do_dvc: */
enum { MUC_TOAN_TRINH = 0, MUC_MOT_PHAN, MUC_KHONG };
/* trang_thai: the national portal's TrangThaiHoSo 1-10 are codes 0-9,
 * named "1".."10". */
enum { NSTATUS = 10 };
/* a flag: "0", "1" */
enum { FLAG_NO = 0, FLAG_YES };
/* danh_gia, best first: rat_hai_long ... rat_khong_hai_long */
enum { DG_RAT_HAI_LONG = 0, DG_HAI_LONG, DG_BINH_THUONG, DG_KHONG_HAI_LONG,
       DG_RAT_KHONG_HAI_LONG, NRATINGS };

/* What a status means for the rules (DOMAIN.md, "Statuses"): */
enum status_kind {
	STATUS_NOT_RECEIVED,	/* 1 registered, 3 refused: never counted */
	STATUS_IN_PROGRESS,	/* 2 received, 4 processing */
	STATUS_WAITING,		/* 5 supplements, 6 fees: the citizen acts */
	STATUS_WITHDRAWN,	/* 7 */
	STATUS_STOPPED,		/* 8 */
	STATUS_PROCESSED,	/* 9 processed, 10 returned */
	NSTATUS_KINDS
};
extern const unsigned char status_kind_of[NSTATUS];
/* A status code's kind, or -1 for a code that is none (-1: empty). */
static inline int
status_kind(int code)
{
	return code >= 0 && code < NSTATUS ? status_kind_of[code] : -1;
}
/* The kind's name: "not_received", "in_progress", "waiting", "withdrawn",
 * "stopped", "processed". */
extern const char *const status_kind_name[NSTATUS_KINDS];


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

/* The pace window's counts (cchc-sum --estimate): the dossiers received in it by
 * channel, and those resolved in it by how, in the order of their count
 * columns (C_NOP_TRUC_TUYEN.., C_GQ_TRUOC_HAN..). */
enum {
	P_NOP_TRUC_TUYEN, P_NOP_TRUC_TIEP, P_NOP_BUU_CHINH,
	P_GQ_TRUOC_HAN, P_GQ_DUNG_HAN, P_GQ_QUA_HAN, NPACE
};

/* The columns an estimate adds after the counts, in their order:
 * ngay_so_lieu, nhip_tu_ngay, uoc_den_ngay, the NPACE nhip_ counts, the
 * NCOUNTS uoc_ counts. */
enum { EST_ASOF, EST_PACE_FROM, EST_TO, EST_PACE, EST_UOC = EST_PACE + NPACE,
       NEST_COLS = EST_UOC + NCOUNTS };
/* The estimate column a folded name is (EST_*), or -1. */
int estimate_column(const char *name);
const char *estimate_column_name(int col);

/* cchc-sum --indicators: the counts the QD 766 indicators need, after the
 * 13 (man/cchc-sum.1, INDICATORS). In a table they are columns NCOUNTS +
 * I_...: a table column is a count (< NCOUNTS) or an indicator. */
enum {
	I_CO_PHI, I_THANH_TOAN_TRUC_TUYEN, I_SO_HOA, I_TAI_SU_DUNG, I_KHO_DU_LIEU,
	I_XAC_THUC_VNEID, I_KET_QUA_DIEN_TU, I_SO_HOA_KET_QUA_DIEN_TU, I_DANH_GIA,
	I_RAT_HAI_LONG, I_HAI_LONG, I_BINH_THUONG, I_KHONG_HAI_LONG,
	I_RAT_KHONG_HAI_LONG, NINDICATORS
};
enum { NTABLE = NCOUNTS + NINDICATORS };
/* What an indicator counts: the dossiers of its base (a table column:
 * moi_tiep_nhan, da_giai_quyet, or another indicator) whose column col is
 * code (and col2 is code2, when col2 >= 0). Never more than its base. */
struct indicator {
	const char *name;
	int base;
	int col, code, col2, code2;
};
extern const struct indicator indicator[NINDICATORS];
/* The indicator a name is, or -1. */
int indicator_lookup(const char *name);
/* A table column's name: a count's or an indicator's. */
static inline const char *
table_name(int t)
{
	return t < NCOUNTS ? count_name[t] : indicator[t - NCOUNTS].name;
}
/* The table column a name is (count or indicator), or -1. */
int table_lookup(const char *name);

/* The identities of a count table: lhs = the sum of rhs (-1 ends it). */
struct identity {
	int lhs, rhs[4];
};
extern const struct identity count_identity[];
extern const size_t ncount_identity;
/* The indicators' own, in table columns: the ratings add up to danh_gia. */
extern const int rating_identity[NRATINGS + 2];	/* lhs, rhs..., -1 */

/* The report's standard rates: NAME = EXPR (see expr.h). */
struct std_rate {
	const char *name, *expr;
};
extern const struct std_rate standard_rate[];
extern const size_t nstandard_rate;

#endif
