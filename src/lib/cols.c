#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "codes.h"
#include "cols.h"
#include "fold.h"
#include "msg.h"

const char *const col_name[NCOLS] = {
	"ma_ho_so", "cap", "co_quan", "linh_vuc", "ma_tthc", "ten_tthc",
	"kenh", "muc_do_dvc", "trang_thai", "ngay_tiep_nhan", "ngay_hen_tra",
	"ngay_tra_ket_qua",
	"co_phi", "thanh_toan_truc_tuyen", "so_hoa", "ket_qua_dien_tu",
	"tai_su_dung", "kho_du_lieu", "xac_thuc_vneid", "danh_gia",
};

const char *const count_name[NCOUNTS] = {
	"tiep_nhan", "ky_truoc", "moi_tiep_nhan", "nop_truc_tuyen",
	"nop_truc_tiep", "nop_buu_chinh", "da_giai_quyet", "gq_truoc_han",
	"gq_dung_han", "gq_qua_han", "dang_giai_quyet", "dang_trong_han",
	"dang_qua_han",
};

const struct identity count_identity[] = {
	{C_TIEP_NHAN, {C_KY_TRUOC, C_MOI_TIEP_NHAN, -1}},
	{C_TIEP_NHAN, {C_DA_GIAI_QUYET, C_DANG_GIAI_QUYET, -1}},
	{C_MOI_TIEP_NHAN, {C_NOP_TRUC_TUYEN, C_NOP_TRUC_TIEP, C_NOP_BUU_CHINH, -1}},
	{C_DA_GIAI_QUYET, {C_GQ_TRUOC_HAN, C_GQ_DUNG_HAN, C_GQ_QUA_HAN, -1}},
	{C_DANG_GIAI_QUYET, {C_DANG_TRONG_HAN, C_DANG_QUA_HAN, -1}},
};
const size_t ncount_identity = sizeof count_identity / sizeof count_identity[0];

static const char *const est_name[NEST_COLS] = {
	[EST_ASOF] = "ngay_so_lieu", [EST_PACE_FROM] = "nhip_tu_ngay", [EST_TO] = "uoc_den_ngay",
	[EST_PACE + P_NOP_TRUC_TUYEN] = "nhip_nop_truc_tuyen",
	[EST_PACE + P_NOP_TRUC_TIEP] = "nhip_nop_truc_tiep",
	[EST_PACE + P_NOP_BUU_CHINH] = "nhip_nop_buu_chinh",
	[EST_PACE + P_GQ_TRUOC_HAN] = "nhip_gq_truoc_han",
	[EST_PACE + P_GQ_DUNG_HAN] = "nhip_gq_dung_han",
	[EST_PACE + P_GQ_QUA_HAN] = "nhip_gq_qua_han",
	[EST_UOC + C_TIEP_NHAN] = "uoc_tiep_nhan", [EST_UOC + C_KY_TRUOC] = "uoc_ky_truoc",
	[EST_UOC + C_MOI_TIEP_NHAN] = "uoc_moi_tiep_nhan",
	[EST_UOC + C_NOP_TRUC_TUYEN] = "uoc_nop_truc_tuyen",
	[EST_UOC + C_NOP_TRUC_TIEP] = "uoc_nop_truc_tiep",
	[EST_UOC + C_NOP_BUU_CHINH] = "uoc_nop_buu_chinh",
	[EST_UOC + C_DA_GIAI_QUYET] = "uoc_da_giai_quyet",
	[EST_UOC + C_GQ_TRUOC_HAN] = "uoc_gq_truoc_han",
	[EST_UOC + C_GQ_DUNG_HAN] = "uoc_gq_dung_han",
	[EST_UOC + C_GQ_QUA_HAN] = "uoc_gq_qua_han",
	[EST_UOC + C_DANG_GIAI_QUYET] = "uoc_dang_giai_quyet",
	[EST_UOC + C_DANG_TRONG_HAN] = "uoc_dang_trong_han",
	[EST_UOC + C_DANG_QUA_HAN] = "uoc_dang_qua_han",
};

int
estimate_column(const char *name)
{
	int i;

	for (i = 0; i < NEST_COLS; i++)
		if (strcmp(name, est_name[i]) == 0)
			return i;
	return -1;
}

const char *
estimate_column_name(int col)
{
	return est_name[col];
}

const struct std_rate standard_rate[] = {
	{"ty_le_dung_han", "gq_truoc_han+gq_dung_han/da_giai_quyet"},
	{"ty_le_truc_tuyen", "nop_truc_tuyen/moi_tiep_nhan"},
};
const size_t nstandard_rate = sizeof standard_rate / sizeof standard_rate[0];

int
count_lookup(const char *name)
{
	int i;

	for (i = 0; i < NCOUNTS; i++)
		if (strcmp(name, count_name[i]) == 0)
			return i;
	return -1;
}

/* cchc-sum --indicators, in the order written (man/cchc-sum.1,
 * INDICATORS): what each counts, over which dossiers. code -1: any code
 * (rated at all). */
const struct indicator indicator[NINDICATORS] = {
	/* received in the period */
	{"co_phi", C_MOI_TIEP_NHAN, COL_CO_PHI, FLAG_YES, -1, 0},
	{"thanh_toan_truc_tuyen", NCOUNTS + I_CO_PHI, COL_THANH_TOAN_TRUC_TUYEN, FLAG_YES,
	 COL_CO_PHI, FLAG_YES},
	{"so_hoa", C_MOI_TIEP_NHAN, COL_SO_HOA, FLAG_YES, -1, 0},
	{"tai_su_dung", C_MOI_TIEP_NHAN, COL_TAI_SU_DUNG, FLAG_YES, -1, 0},
	{"kho_du_lieu", C_MOI_TIEP_NHAN, COL_KHO_DU_LIEU, FLAG_YES, -1, 0},
	{"xac_thuc_vneid", C_MOI_TIEP_NHAN, COL_XAC_THUC_VNEID, FLAG_YES, -1, 0},
	/* resolved in the period */
	{"ket_qua_dien_tu", C_DA_GIAI_QUYET, COL_KET_QUA_DIEN_TU, FLAG_YES, -1, 0},
	/* QD 766's 4.2: digitised components and an electronic result */
	{"so_hoa_ket_qua_dien_tu", NCOUNTS + I_KET_QUA_DIEN_TU, COL_KET_QUA_DIEN_TU, FLAG_YES,
	 COL_SO_HOA, FLAG_YES},
	{"danh_gia", C_DA_GIAI_QUYET, COL_DANH_GIA, -1, -1, 0},
	{"rat_hai_long", NCOUNTS + I_DANH_GIA, COL_DANH_GIA, DG_RAT_HAI_LONG, -1, 0},
	{"hai_long", NCOUNTS + I_DANH_GIA, COL_DANH_GIA, DG_HAI_LONG, -1, 0},
	{"binh_thuong", NCOUNTS + I_DANH_GIA, COL_DANH_GIA, DG_BINH_THUONG, -1, 0},
	{"khong_hai_long", NCOUNTS + I_DANH_GIA, COL_DANH_GIA, DG_KHONG_HAI_LONG, -1, 0},
	{"rat_khong_hai_long", NCOUNTS + I_DANH_GIA, COL_DANH_GIA, DG_RAT_KHONG_HAI_LONG, -1, 0},
};

const int rating_identity[NRATINGS + 2] = {
	NCOUNTS + I_DANH_GIA, NCOUNTS + I_RAT_HAI_LONG, NCOUNTS + I_HAI_LONG,
	NCOUNTS + I_BINH_THUONG, NCOUNTS + I_KHONG_HAI_LONG, NCOUNTS + I_RAT_KHONG_HAI_LONG, -1
};

int
indicator_lookup(const char *name)
{
	int i;

	for (i = 0; i < NINDICATORS; i++)
		if (strcmp(name, indicator[i].name) == 0)
			return i;
	return -1;
}

int
table_lookup(const char *name)
{
	int i = count_lookup(name);

	if (i >= 0)
		return i;
	return (i = indicator_lookup(name)) >= 0 ? NCOUNTS + i : -1;
}

const unsigned char col_required[NCOLS] = {
	[COL_MA_HO_SO] = 1, [COL_NGAY_TIEP_NHAN] = 1,
};

const unsigned char col_coded[NCOLS] = {
	[COL_CAP] = 1, [COL_KENH] = 1, [COL_MUC_DO_DVC] = 1, [COL_TRANG_THAI] = 1,
	[COL_CO_PHI] = 1, [COL_THANH_TOAN_TRUC_TUYEN] = 1, [COL_SO_HOA] = 1,
	[COL_KET_QUA_DIEN_TU] = 1, [COL_TAI_SU_DUNG] = 1, [COL_KHO_DU_LIEU] = 1,
	[COL_XAC_THUC_VNEID] = 1, [COL_DANH_GIA] = 1,
};

/* Header aliases, already folded (see fold.h). */
static const struct {
	const char *folded;
	int col, rank;
} header_alias[] = {
	{"ma_ho_so", COL_MA_HO_SO, 0}, {"so_ho_so", COL_MA_HO_SO, 0},
	{"mahoso", COL_MA_HO_SO, 0}, {"sobiennhan", COL_MA_HO_SO, 0},
	{"cap", COL_CAP, 0}, {"cap_giai_quyet", COL_CAP, 0},
	{"cap_thuc_hien", COL_CAP, 0},
	{"co_quan", COL_CO_QUAN, 0}, {"co_quan_giai_quyet", COL_CO_QUAN, 0},
	{"don_vi", COL_CO_QUAN, 0}, {"donvixuly", COL_CO_QUAN, 0},
	{"linh_vuc", COL_LINH_VUC, 0}, {"tenlinhvuc", COL_LINH_VUC, 0},
	{"ma_tthc", COL_MA_TTHC, 0}, {"ma_thu_tuc", COL_MA_TTHC, 0},
	{"matthc", COL_MA_TTHC, 0},
	{"ten_tthc", COL_TEN_TTHC, 0}, {"ten_thu_tuc", COL_TEN_TTHC, 0},
	{"tentthc", COL_TEN_TTHC, 0},
	{"kenh", COL_KENH, 0}, {"hinh_thuc_nop", COL_KENH, 0},
	{"kenh_nop", COL_KENH, 0}, {"kenhthuchien", COL_KENH, 0},
	{"muc_do_dvc", COL_MUC_DO_DVC, 0}, {"muc_do", COL_MUC_DO_DVC, 0},
	{"loai_dvc", COL_MUC_DO_DVC, 0}, {"mucdo", COL_MUC_DO_DVC, 0},
	{"trang_thai", COL_TRANG_THAI, 0}, {"trang_thai_ho_so", COL_TRANG_THAI, 0},
	{"trangthaihoso", COL_TRANG_THAI, 0},
	{"ngay_tiep_nhan", COL_NGAY_TIEP_NHAN, 0},
	{"ngaytiepnhan", COL_NGAY_TIEP_NHAN, 0},
	{"ngay_hen_tra", COL_NGAY_HEN_TRA, 0}, {"han_xu_ly", COL_NGAY_HEN_TRA, 0},
	{"ngayhentra", COL_NGAY_HEN_TRA, 0},
	/* the processing end: on-time is judged on it */
	{"ngay_co_ket_qua", COL_NGAY_TRA_KET_QUA, 0},
	{"ngay_hoan_thanh", COL_NGAY_TRA_KET_QUA, 0},
	{"ngay_ket_thuc_xu_ly", COL_NGAY_TRA_KET_QUA, 0},
	{"ngayketthucxuly", COL_NGAY_TRA_KET_QUA, 0},
	/* the hand-over, used when there is no processing end */
	{"ngay_tra_ket_qua", COL_NGAY_TRA_KET_QUA, 1},
	{"ngaytra", COL_NGAY_TRA_KET_QUA, 1},
	/* the portal's flags (its sync form's names), and the headers
	 * provincial exports give them */
	{"co_phi", COL_CO_PHI, 0}, {"thutuccophi", COL_CO_PHI, 0},
	{"thu_tuc_co_phi", COL_CO_PHI, 0}, {"co_phi_le_phi", COL_CO_PHI, 0},
	{"thanh_toan_truc_tuyen", COL_THANH_TOAN_TRUC_TUYEN, 0},
	{"duocthanhtoantructuyen", COL_THANH_TOAN_TRUC_TUYEN, 0},
	{"duoc_thanh_toan_truc_tuyen", COL_THANH_TOAN_TRUC_TUYEN, 0},
	{"da_thanh_toan_truc_tuyen", COL_THANH_TOAN_TRUC_TUYEN, 0},
	{"so_hoa", COL_SO_HOA, 0}, {"hosocothanhphansohoa", COL_SO_HOA, 0},
	{"co_thanh_phan_so_hoa", COL_SO_HOA, 0}, {"ho_so_co_thanh_phan_so_hoa", COL_SO_HOA, 0},
	{"thanh_phan_so_hoa", COL_SO_HOA, 0}, {"so_hoa_ho_so", COL_SO_HOA, 0},
	{"ket_qua_dien_tu", COL_KET_QUA_DIEN_TU, 0}, {"coketquadientu", COL_KET_QUA_DIEN_TU, 0},
	{"co_ket_qua_dien_tu", COL_KET_QUA_DIEN_TU, 0},
	{"tra_ket_qua_dien_tu", COL_KET_QUA_DIEN_TU, 0},
	{"tai_su_dung", COL_TAI_SU_DUNG, 0}, {"duoctaisudung", COL_TAI_SU_DUNG, 0},
	{"duoc_tai_su_dung", COL_TAI_SU_DUNG, 0}, {"tai_su_dung_du_lieu", COL_TAI_SU_DUNG, 0},
	{"kho_du_lieu", COL_KHO_DU_LIEU, 0}, {"duoclaytukhodmqg", COL_KHO_DU_LIEU, 0},
	{"lay_tu_kho_dmqg", COL_KHO_DU_LIEU, 0}, {"kho_dmqg", COL_KHO_DU_LIEU, 0},
	{"xac_thuc_vneid", COL_XAC_THUC_VNEID, 0},
	{"taikhoanduocxacthucvoivneid", COL_XAC_THUC_VNEID, 0},
	{"tai_khoan_xac_thuc_vneid", COL_XAC_THUC_VNEID, 0},
	{"danh_gia", COL_DANH_GIA, 0}, {"mucdohailong", COL_DANH_GIA, 0},
	{"muc_do_hai_long", COL_DANH_GIA, 0}, {"danh_gia_hai_long", COL_DANH_GIA, 0},
	{"ket_qua_danh_gia", COL_DANH_GIA, 0},
};

int
col_lookup(const char *folded, int *rank)
{
	size_t i;

	for (i = 0; i < sizeof header_alias / sizeof header_alias[0]; i++)
		if (strcmp(folded, header_alias[i].folded) == 0) {
			*rank = header_alias[i].rank;
			return header_alias[i].col;
		}
	return -1;
}

const char *
col_loser_name(int col)
{
	return col == COL_NGAY_TRA_KET_QUA ? "ngay_tra" : col_name[col];
}

/* The code words: every word real exports use for a code, one table.
 *
 * A word is written here as the lookup sees it: folded (fold.h), and with
 * every run of punctuation and spaces made one '_' ("Online (Cổng DVC)" is
 * online_cong_dvc). EXACT is the whole value; PHRASE is whole words
 * anywhere in the value; MASK is a phrase that is no code, there only to
 * hide the shorter phrases inside it (the "quan" of "cơ quan"). Where two
 * phrases are found one inside the other, the longer wins: "thị xã" (a
 * district-level town) is huyen though it holds the word xã. */
enum { EXACT, PHRASE, MASK };

/* A word of every flag column (cols.h, col_is_flag). */
enum { ANY_FLAG = 255 };

struct code_word {
	unsigned char col, how;
	signed char code;	/* -1 for a MASK */
	const char *w;
};

static const char *const cap_codes[] = {"tinh", "huyen", "xa", NULL};
static const char *const kenh_codes[] = {"truc_tuyen", "truc_tiep", "buu_chinh", NULL};
static const char *const muc_do_codes[] = {"toan_trinh", "mot_phan", "khong", NULL};
static const char *const status_codes[] = {
	"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", NULL
};
static const char *const flag_codes[] = {"0", "1", NULL};
static const char *const rating_codes[] = {
	"rat_hai_long", "hai_long", "binh_thuong", "khong_hai_long", "rat_khong_hai_long", NULL
};

static const struct code_word code_word[] = {
	/* cap. A code's own name is always exact (for every column), and a
	 * leading "cấp" is dropped first (code_prefix). Never "thành phố"
	 * alone: a city is a province or a district. */
	{COL_CAP, PHRASE, CAP_TINH, "tinh"},
	{COL_CAP, PHRASE, CAP_TINH, "so_ban_nganh"},	/* Sở, ban, ngành */
	{COL_CAP, PHRASE, CAP_TINH, "so_nganh"},
	{COL_CAP, EXACT, CAP_TINH, "so"},	/* "Cấp Sở": exact, "số" folds to it too */
	{COL_CAP, PHRASE, CAP_TINH, "thanh_pho_truc_thuoc_trung_uong"},
	{COL_CAP, PHRASE, CAP_TINH, "thanh_pho_thuoc_trung_uong"},
	{COL_CAP, PHRASE, CAP_HUYEN, "huyen"},
	{COL_CAP, PHRASE, CAP_HUYEN, "quan"},
	{COL_CAP, PHRASE, CAP_HUYEN, "thi_xa"},		/* holds "xa": longer wins */
	{COL_CAP, PHRASE, CAP_HUYEN, "thanh_pho_thuoc_tinh"},	/* holds "tinh" */
	{COL_CAP, PHRASE, CAP_HUYEN, "thanh_pho_truc_thuoc_tinh"},
	{COL_CAP, PHRASE, CAP_XA, "xa"},
	{COL_CAP, PHRASE, CAP_XA, "phuong"},
	{COL_CAP, PHRASE, CAP_XA, "thi_tran"},
	{COL_CAP, PHRASE, CAP_XA, "dac_khu"},		/* commune level since 2025 */
	{COL_CAP, MASK, -1, "co_quan"},			/* cơ quan: no quận */
	{COL_CAP, MASK, -1, "quan_ly"},			/* quản lý */
	{COL_CAP, MASK, -1, "xa_hoi"},			/* xã hội: no xã */

	/* kenh: KenhThucHien 1-3, and the words */
	{COL_KENH, EXACT, KENH_TRUC_TIEP, "1"},
	{COL_KENH, EXACT, KENH_TRUC_TUYEN, "2"},
	{COL_KENH, EXACT, KENH_BUU_CHINH, "3"},
	{COL_KENH, PHRASE, KENH_TRUC_TUYEN, "truc_tuyen"},
	{COL_KENH, PHRASE, KENH_TRUC_TUYEN, "online"},
	{COL_KENH, PHRASE, KENH_TRUC_TUYEN, "cong_dvc"},
	{COL_KENH, PHRASE, KENH_TRUC_TUYEN, "cong_dvcqg"},
	{COL_KENH, PHRASE, KENH_TRUC_TUYEN, "cong_dich_vu_cong"},
	{COL_KENH, PHRASE, KENH_TRUC_TIEP, "truc_tiep"},
	{COL_KENH, PHRASE, KENH_TRUC_TIEP, "bo_phan_mot_cua"},
	{COL_KENH, PHRASE, KENH_BUU_CHINH, "buu_chinh"},	/* b. c. công ích */
	{COL_KENH, PHRASE, KENH_BUU_CHINH, "bcci"},
	{COL_KENH, PHRASE, KENH_BUU_CHINH, "buu_dien"},

	/* muc_do_dvc: MucDo 2-4 (1 and 2 are no online service) */
	{COL_MUC_DO_DVC, EXACT, MUC_TOAN_TRINH, "4"},
	{COL_MUC_DO_DVC, EXACT, MUC_MOT_PHAN, "3"},
	{COL_MUC_DO_DVC, EXACT, MUC_KHONG, "2"},
	{COL_MUC_DO_DVC, EXACT, MUC_KHONG, "1"},
	{COL_MUC_DO_DVC, EXACT, MUC_KHONG, ""},
	{COL_MUC_DO_DVC, PHRASE, MUC_TOAN_TRINH, "toan_trinh"},
	{COL_MUC_DO_DVC, PHRASE, MUC_TOAN_TRINH, "muc_do_4"},
	{COL_MUC_DO_DVC, PHRASE, MUC_TOAN_TRINH, "muc_4"},
	{COL_MUC_DO_DVC, PHRASE, MUC_MOT_PHAN, "mot_phan"},
	{COL_MUC_DO_DVC, PHRASE, MUC_MOT_PHAN, "muc_do_3"},
	{COL_MUC_DO_DVC, PHRASE, MUC_MOT_PHAN, "muc_3"},
	{COL_MUC_DO_DVC, PHRASE, MUC_KHONG, "muc_do_2"},
	{COL_MUC_DO_DVC, PHRASE, MUC_KHONG, "muc_do_1"},
	{COL_MUC_DO_DVC, PHRASE, MUC_KHONG, "muc_2"},
	{COL_MUC_DO_DVC, PHRASE, MUC_KHONG, "muc_1"},
	{COL_MUC_DO_DVC, PHRASE, MUC_KHONG, "thong_tin"},	/* Cung cấp thông tin */
	/* a service that is not (yet) online: the negation is the code */
	{COL_MUC_DO_DVC, PHRASE, MUC_KHONG, "khong_truc_tuyen"},
	{COL_MUC_DO_DVC, PHRASE, MUC_KHONG, "chua_truc_tuyen"},

	/* trang_thai: exact only (the statuses share words: "tiếp nhận" is
	 * in 1, 2 and 3). The portal's labels, DOMAIN.md's phrasings, and
	 * their forms with and without "đã", "được", "hồ sơ" (a leading
	 * "hồ sơ" is dropped first: code_prefix). */
	{COL_TRANG_THAI, EXACT, 0, "moi_dang_ky"},
	{COL_TRANG_THAI, EXACT, 0, "dang_ky_moi"},
	{COL_TRANG_THAI, EXACT, 0, "cho_tiep_nhan"},
	{COL_TRANG_THAI, EXACT, 1, "duoc_tiep_nhan"},
	{COL_TRANG_THAI, EXACT, 1, "da_tiep_nhan"},
	{COL_TRANG_THAI, EXACT, 1, "da_duoc_tiep_nhan"},
	{COL_TRANG_THAI, EXACT, 1, "tiep_nhan"},
	{COL_TRANG_THAI, EXACT, 2, "khong_duoc_tiep_nhan"},
	{COL_TRANG_THAI, EXACT, 2, "khong_tiep_nhan"},
	{COL_TRANG_THAI, EXACT, 2, "tu_choi_tiep_nhan"},
	{COL_TRANG_THAI, EXACT, 2, "da_tu_choi_tiep_nhan"},
	{COL_TRANG_THAI, EXACT, 2, "tu_choi"},
	{COL_TRANG_THAI, EXACT, 2, "da_tu_choi"},
	{COL_TRANG_THAI, EXACT, 3, "dang_xu_ly"},
	{COL_TRANG_THAI, EXACT, 3, "dang_giai_quyet"},
	{COL_TRANG_THAI, EXACT, 4, "yeu_cau_bo_sung_giay_to"},
	{COL_TRANG_THAI, EXACT, 4, "yeu_cau_bo_sung_ho_so"},
	{COL_TRANG_THAI, EXACT, 4, "yeu_cau_bo_sung"},
	{COL_TRANG_THAI, EXACT, 4, "cho_bo_sung"},
	{COL_TRANG_THAI, EXACT, 4, "cho_bo_sung_giay_to"},
	{COL_TRANG_THAI, EXACT, 4, "cho_bo_sung_ho_so"},
	{COL_TRANG_THAI, EXACT, 4, "bo_sung_ho_so"},
	{COL_TRANG_THAI, EXACT, 5, "yeu_cau_thuc_hien_nghia_vu_tai_chinh"},
	{COL_TRANG_THAI, EXACT, 5, "cho_thuc_hien_nghia_vu_tai_chinh"},
	{COL_TRANG_THAI, EXACT, 5, "cho_thanh_toan_phi"},	/* phí */
	{COL_TRANG_THAI, EXACT, 5, "cho_thanh_toan_phi_le_phi"},
	{COL_TRANG_THAI, EXACT, 5, "cho_thanh_toan"},
	{COL_TRANG_THAI, EXACT, 5, "cho_nop_phi"},
	{COL_TRANG_THAI, EXACT, 5, "cho_nop_phi_le_phi"},
	{COL_TRANG_THAI, EXACT, 6, "cong_dan_yeu_cau_rut_ho_so"},
	{COL_TRANG_THAI, EXACT, 6, "yeu_cau_rut_ho_so"},
	{COL_TRANG_THAI, EXACT, 6, "da_rut_ho_so"},
	{COL_TRANG_THAI, EXACT, 6, "rut_ho_so"},
	{COL_TRANG_THAI, EXACT, 6, "da_rut"},
	{COL_TRANG_THAI, EXACT, 7, "dung_xu_ly"},
	{COL_TRANG_THAI, EXACT, 7, "da_dung_xu_ly"},
	{COL_TRANG_THAI, EXACT, 7, "dung_giai_quyet"},
	{COL_TRANG_THAI, EXACT, 7, "tam_dung"},
	{COL_TRANG_THAI, EXACT, 7, "tam_dung_xu_ly"},
	{COL_TRANG_THAI, EXACT, 7, "da_tam_dung"},
	{COL_TRANG_THAI, EXACT, 7, "da_huy"},
	{COL_TRANG_THAI, EXACT, 7, "da_huy_ho_so"},
	{COL_TRANG_THAI, EXACT, 8, "da_xu_ly_xong"},
	{COL_TRANG_THAI, EXACT, 8, "xu_ly_xong"},
	{COL_TRANG_THAI, EXACT, 8, "da_xu_ly"},
	{COL_TRANG_THAI, EXACT, 8, "da_giai_quyet"},
	{COL_TRANG_THAI, EXACT, 8, "da_co_ket_qua"},
	{COL_TRANG_THAI, EXACT, 8, "cho_tra_ket_qua"},
	{COL_TRANG_THAI, EXACT, 8, "hoan_thanh"},
	{COL_TRANG_THAI, EXACT, 8, "da_hoan_thanh"},
	{COL_TRANG_THAI, EXACT, 9, "da_tra_ket_qua"},
	{COL_TRANG_THAI, EXACT, 9, "tra_ket_qua"},
	{COL_TRANG_THAI, EXACT, 9, "da_tra"},

	/* the flags: 1/0 are the codes' own names; the words exports write
	 * (có/không, x or nothing, true/false from a workbook, yes/no,
	 * đã/chưa, được) and phrases ("Đã thanh toán", "Chưa số hóa"). A
	 * negation is a phrase of its own, so "Không có" is no, not both. An
	 * empty value is no flag set (the x-or-nothing habit). */
	{ANY_FLAG, EXACT, FLAG_YES, "x"},
	{ANY_FLAG, EXACT, FLAG_YES, "true"},
	{ANY_FLAG, EXACT, FLAG_YES, "yes"},
	{ANY_FLAG, EXACT, FLAG_YES, "y"},
	{ANY_FLAG, EXACT, FLAG_YES, "1_0"},	/* xlsx2csv -f float */
	{ANY_FLAG, EXACT, FLAG_NO, "false"},
	{ANY_FLAG, EXACT, FLAG_NO, "no"},
	{ANY_FLAG, EXACT, FLAG_NO, "n"},
	{ANY_FLAG, EXACT, FLAG_NO, "0_0"},
	{ANY_FLAG, PHRASE, FLAG_YES, "co"},
	{ANY_FLAG, PHRASE, FLAG_YES, "da"},
	{ANY_FLAG, PHRASE, FLAG_YES, "duoc"},
	{ANY_FLAG, PHRASE, FLAG_NO, "khong"},
	{ANY_FLAG, PHRASE, FLAG_NO, "ko"},
	{ANY_FLAG, PHRASE, FLAG_NO, "chua"},
	{ANY_FLAG, PHRASE, FLAG_NO, "khong_co"},
	{ANY_FLAG, PHRASE, FLAG_NO, "chua_co"},
	{ANY_FLAG, PHRASE, FLAG_NO, "khong_duoc"},
	{ANY_FLAG, PHRASE, FLAG_NO, "chua_duoc"},
	{COL_CO_PHI, PHRASE, FLAG_NO, "mien_phi"},	/* miễn phí: free */

	/* danh_gia: the five levels in words. The longer phrase wins ("rất
	 * hài lòng" holds "hài lòng"); a negation is a level of its own. The
	 * portal's numeric codes are not read: no published table says which
	 * end 1 is (--codes says it for an export that has them). */
	{COL_DANH_GIA, PHRASE, DG_RAT_HAI_LONG, "rat_hai_long"},
	{COL_DANH_GIA, PHRASE, DG_HAI_LONG, "hai_long"},
	{COL_DANH_GIA, PHRASE, DG_BINH_THUONG, "binh_thuong"},
	{COL_DANH_GIA, PHRASE, DG_KHONG_HAI_LONG, "khong_hai_long"},
	{COL_DANH_GIA, PHRASE, DG_KHONG_HAI_LONG, "chua_hai_long"},
	{COL_DANH_GIA, PHRASE, DG_RAT_KHONG_HAI_LONG, "rat_khong_hai_long"},
};

/* Is code_word's col w a word of column col? */
static int
word_of(unsigned char w, int col)
{
	return w == col || (w == ANY_FLAG && col_is_flag(col));
}

/* The level words with their marks, case folded: a value written with
 * marks names a level only with them, as place names fold onto them
 * ("Sơn Tịnh" onto tỉnh, "Hải quan" onto quận, "Xa" onto xã). A value
 * with no mark at all is read as typed without them. */
static const struct {
	const char *w, *marked;
} cap_marks[] = {
	{"tinh", "tỉnh"},
	{"so_ban_nganh", "sở_ban_ngành"},
	{"so_nganh", "sở_ngành"},
	{"thanh_pho_truc_thuoc_trung_uong", "thành_phố_trực_thuộc_trung_ương"},
	{"thanh_pho_thuoc_trung_uong", "thành_phố_thuộc_trung_ương"},
	{"huyen", "huyện"},
	{"quan", "quận"},
	{"thi_xa", "thị_xã"},
	{"thanh_pho_thuoc_tinh", "thành_phố_thuộc_tỉnh"},
	{"thanh_pho_truc_thuoc_tinh", "thành_phố_trực_thuộc_tỉnh"},
	{"xa", "xã"},
	{"phuong", "phường"},
	{"thi_tran", "thị_trấn"},
	{"dac_khu", "đặc_khu"},
};

/* The marked form of col's phrase w, or NULL when it has none. */
static const char *
marked_word(int col, const char *w)
{
	size_t k;

	if (col != COL_CAP)
		return NULL;
	for (k = 0; k < sizeof cap_marks / sizeof cap_marks[0]; k++)
		if (strcmp(cap_marks[k].w, w) == 0)
			return cap_marks[k].marked;
	return NULL;
}

/* A leading word dropped before the exact words are compared (not before
 * the user's, nor the phrases): "Cấp tỉnh", "Hồ sơ đang xử lý". */
static const struct {
	int col;
	const char *w;	/* with its '_' */
} code_prefix[] = {
	{COL_CAP, "cap_"},
	{COL_TRANG_THAI, "ho_so_"},
};

/* Negations: a phrase after one of these words, in the same clause (up to
 * the next punctuation mark), is no match, unless the word is itself part
 * of a phrase found ("không trực tuyến" in muc_do_dvc). Not "phi": phí
 * (a fee) folds to it, and "Nộp phí trực tuyến" is online. */
static const char *const negation[] = {"khong", "chua", "ko", "not"};

/* What a status means (cols.h): */
const unsigned char status_kind_of[NSTATUS] = {
	STATUS_NOT_RECEIVED,	/* 1 */
	STATUS_IN_PROGRESS,	/* 2 */
	STATUS_NOT_RECEIVED,	/* 3 */
	STATUS_IN_PROGRESS,	/* 4 */
	STATUS_WAITING,		/* 5 */
	STATUS_WAITING,		/* 6 */
	STATUS_WITHDRAWN,	/* 7 */
	STATUS_STOPPED,		/* 8 */
	STATUS_PROCESSED,	/* 9 */
	STATUS_PROCESSED,	/* 10 */
};

const char *const status_kind_name[NSTATUS_KINDS] = {
	"not_received", "in_progress", "waiting", "withdrawn", "stopped", "processed",
};

static const char *const *
codes_of(int col)
{
	switch (col) {
	case COL_CAP:
		return cap_codes;
	case COL_KENH:
		return kenh_codes;
	case COL_MUC_DO_DVC:
		return muc_do_codes;
	case COL_TRANG_THAI:
		return status_codes;
	case COL_DANH_GIA:
		return rating_codes;
	}
	return col_is_flag(col) ? flag_codes : NULL;
}

int
col_ncodes(int col)
{
	const char *const *codes = codes_of(col);
	int n = 0;

	while (codes && codes[n])
		n++;
	return n;
}

const char *
col_code_name(int col, int code)
{
	return codes_of(col)[code];
}

int
col_code_by_name(int col, const char *name)
{
	const char *const *codes = codes_of(col);
	int i;

	for (i = 0; codes && codes[i]; i++)
		if (strcmp(name, codes[i]) == 0)
			return i;
	return -1;
}

const char *
col_code_error(int code)
{
	switch (code) {
	case CODE_SEVERAL:
		return "names more than one code";
	case CODE_NUL:
		return "NUL byte in the value";
	case CODE_CONTROL:
		return "control byte in the value";
	case CODE_NOT_UTF8:
		return "not UTF-8";
	}
	return "unknown code";
}

/* A folded value's words: norm holds them joined by '_' (punctuation and
 * spaces gone), at[i] where word i starts in it, clause[i] its clause (a
 * clause ends at punctuation: anything between words but spaces). */
struct words {
	char *norm;
	size_t n, *at, *clause;
};

/* What a character of folded text is to the words: a letter, digit or
 * mark is part of a word; a space (fold made the ASCII ones '_'; others,
 * and invisible format characters such as U+200B, stay) or a dash ('-' is
 * a space to fold, and so "–" is) only separates; anything else,
 * punctuation or a symbol ("," "(" "/" "«"), also ends a clause. *len is the character's length in bytes. */
enum { CH_WORD, CH_SPACE, CH_BREAK };

static int
char_class(const char *s, size_t n, size_t *len)
{
	unsigned char c = (unsigned char)*s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;

	*len = 1;
	if (c < 0x80) {
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
			return CH_WORD;
		return c == '_' ? CH_SPACE : CH_BREAK;
	}
	k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp);
	if (k <= 0)
		return CH_WORD;	/* not UTF-8: cannot be (fold makes UTF-8) */
	*len = (size_t)k;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return CH_WORD;
	case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
	case UTF8PROC_CATEGORY_CF:
	case UTF8PROC_CATEGORY_PD:	/* a dash, as fold makes '-' a space */
		return CH_SPACE;
	default:
		return CH_BREAK;
	}
}

static void
words_split(struct words *w, const char *folded)
{
	size_t len = strlen(folded), i = 0, o = 0, clause = 0, k;
	int in_word = 0;

	w->norm = emalloc(len + 1);
	w->at = emalloc((len / 2 + 1) * sizeof *w->at);
	w->clause = emalloc((len / 2 + 1) * sizeof *w->clause);
	w->n = 0;
	while (i < len) {
		int cl = char_class(folded + i, len - i, &k);
		if (cl != CH_WORD) {
			if (cl == CH_BREAK && w->n)
				clause++;
			in_word = 0;
			i += k;
			continue;
		}
		if (!in_word) {
			if (w->n)
				w->norm[o++] = '_';
			w->at[w->n] = o;
			w->clause[w->n++] = clause;
			in_word = 1;
		}
		memcpy(w->norm + o, folded + i, k);
		o += k;
		i += k;
	}
	w->norm[o] = '\0';
}

static void
words_free(struct words *w)
{
	free(w->norm);
	free(w->at);
	free(w->clause);
}

char *
col_code_key(const char *folded)
{
	struct words w;

	words_split(&w, folded);
	free(w.at);
	free(w.clause);
	return w.norm;
}

/* Words phrase[] at word i of w: returns how many, or 0. */
static size_t
phrase_at(const struct words *w, size_t i, const char *phrase, size_t plen, size_t pwords)
{
	const char *s = w->norm + w->at[i];

	if (i + pwords > w->n || strncmp(s, phrase, plen) != 0 ||
	    (s[plen] != '\0' && s[plen] != '_'))
		return 0;
	return pwords;
}

struct occ {
	size_t a, b;	/* words a..b-1 */
	int code;	/* -1: a MASK */
	unsigned char dead, neg;
};

static int
is_negation(const struct words *w, size_t i)
{
	const char *s = w->norm + w->at[i];
	size_t k, n = strcspn(s, "_");

	for (k = 0; k < sizeof negation / sizeof negation[0]; k++)
		if (strlen(negation[k]) == n && strncmp(s, negation[k], n) == 0)
			return 1;
	return 0;
}

/* The phrases of col in w: the code they name, CODE_NONE or CODE_SEVERAL.
 * Linear in the words (a 4 MB value is hostile input, not a code): the
 * phrases found come in the order of their first word, and one inside
 * another starts at most the longest phrase's length before it. */
static int
phrase_code(int col, const struct words *w, const struct words *marked)
{
	struct occ *o = NULL;
	unsigned char *covered;
	size_t no = 0, cap = 0, longest = 1, i, j, k, e;
	int found = CODE_NONE, active = 0;

	for (i = 0; i < w->n; i++)
		for (e = 0; e < sizeof code_word / sizeof code_word[0]; e++) {
			const char *p = code_word[e].w, *mw;
			size_t plen, pwords = 1, c;

			if (!word_of(code_word[e].col, col) || code_word[e].how == EXACT)
				continue;
			plen = strlen(p);
			for (c = 0; c < plen; c++)
				pwords += p[c] == '_';
			if (!phrase_at(w, i, p, plen, pwords))
				continue;
			if (marked && (mw = marked_word(col, p)) &&
			    !phrase_at(marked, i, mw, strlen(mw), pwords))
				continue;	/* "Tịnh" is no tỉnh */
			if (no == cap) {
				cap = cap ? 2 * cap : 8;
				o = erealloc(o, cap * sizeof *o);
			}
			o[no].a = i;
			o[no].b = i + pwords;
			o[no].code = code_word[e].how == MASK ? -1 : code_word[e].code;
			o[no].dead = o[no].neg = 0;
			no++;
			if (pwords > longest)
				longest = pwords;
		}
	/* the longest phrase wins over a shorter one inside it */
	for (k = 0; k < no; k++) {
		for (j = k; j-- > 0 && o[j].a + longest >= o[k].a;)
			if (o[j].a < o[k].a ? o[k].b <= o[j].b : o[k].b < o[j].b)
				o[k].dead = 1;
		for (j = k + 1; j < no && o[j].a == o[k].a; j++)
			if (o[k].b < o[j].b)
				o[k].dead = 1;
	}
	/* a negation that is no part of a phrase negates the phrases after it
	 * in its clause */
	covered = ecalloc(w->n + 1, 1);
	for (k = 0; k < no; k++)
		for (i = o[k].a; i < o[k].b; i++)
			covered[i] = 1;
	for (i = 0, k = 0; i < w->n; i++) {
		if (i > 0 && w->clause[i] != w->clause[i - 1])
			active = 0;
		for (; k < no && o[k].a == i; k++)
			o[k].neg = (unsigned char)active;
		if (!covered[i] && is_negation(w, i))
			active = 1;
	}
	free(covered);
	for (k = 0; k < no; k++) {
		if (o[k].dead || o[k].neg || o[k].code < 0)
			continue;
		if (found >= 0 && found != o[k].code) {
			found = CODE_SEVERAL;
			break;
		}
		found = o[k].code;
	}
	free(o);
	return found;
}

/* A C0 control byte, DEL, or a C1 control (U+0080-U+009F: c2 80-9f);
 * the text is UTF-8. */
static int
has_control(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		/* a line break in a cell (Alt+Enter in Excel) is a space
		 * between words (fold.h); a tab or another control byte makes
		 * no code */
		if ((c < 0x20 && c != '\n' && c != '\r') || c == 0x7f ||
		    (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] < 0xa0))
			return 1;
	}
	return 0;
}

/* The exact words: a code's own name, or an EXACT word. */
static int
exact_code(int col, const char *s)
{
	size_t e;
	int code = col_code_by_name(col, s);

	if (code >= 0)
		return code;
	for (e = 0; e < sizeof code_word / sizeof code_word[0]; e++)
		if (word_of(code_word[e].col, col) && code_word[e].how == EXACT &&
		    strcmp(s, code_word[e].w) == 0)
			return code_word[e].code;
	return CODE_NONE;
}

/* col's code for a folded value; marked, when not NULL, is the value's
 * words with their marks (case folded, NFC), word for word. */
static int
code_lookup(int col, const char *folded, const struct words *marked)
{
	struct words w;
	const char *s;
	size_t k;
	int code;

	if (!codes_of(col))
		return CODE_NONE;
	if (has_control(folded, strlen(folded)))
		return CODE_CONTROL;
	words_split(&w, folded);
	/* the user's words first, then ours */
	if ((code = codes_user(col, w.norm)) >= 0)
		goto done;
	s = w.norm;
	for (k = 0; k < sizeof code_prefix / sizeof code_prefix[0]; k++) {
		size_t n = strlen(code_prefix[k].w);
		if (code_prefix[k].col == col && strncmp(s, code_prefix[k].w, n) == 0) {
			s += n;
			if ((code = codes_user(col, s)) >= 0)
				goto done;
		}
	}
	if ((code = exact_code(col, s)) >= 0)
		goto done;
	code = phrase_code(col, &w, marked && marked->n == w.n ? marked : NULL);
done:
	words_free(&w);
	return code;
}

int
col_code(int col, const char *folded)
{
	return code_lookup(col, folded, NULL);
}

int
col_code_text(const char *s, size_t n)
{
	size_t at;

	switch (text_check(s, n, &at)) {
	case TEXT_NUL:
		return CODE_NUL;
	case TEXT_BADUTF8:
		return CODE_NOT_UTF8;
	}
	return has_control(s, n) ? CODE_CONTROL : 0;
}

static int
is_ascii_text(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

int
col_code_raw(int col, const char *s, size_t n)
{
	char *f;
	int code;

	if ((code = col_code_text(s, n)) < 0)
		return code;
	f = fold(s, n);
	if (col == COL_CAP && !is_ascii_text(s, n)) {
		/* a level written with marks: its words must have them right */
		utf8proc_uint8_t *m = NULL;
		utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
		    &m, UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STABLE);
		if (len >= 0) {
			struct words marked;
			words_split(&marked, (const char *)m);
			code = code_lookup(col, f, &marked);
			words_free(&marked);
		} else {
			code = col_code(col, f);
		}
		free(m);
	} else {
		code = col_code(col, f);
	}
	free(f);
	return code;
}
