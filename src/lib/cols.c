#include <string.h>

#include "cols.h"

const char *const col_name[NCOLS] = {
	"ma_ho_so", "cap", "co_quan", "linh_vuc", "ma_tthc", "ten_tthc",
	"kenh", "muc_do_dvc", "trang_thai", "ngay_tiep_nhan", "ngay_hen_tra",
	"ngay_tra_ket_qua",
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

const unsigned char col_required[NCOLS] = {
	[COL_MA_HO_SO] = 1, [COL_NGAY_TIEP_NHAN] = 1,
};

const unsigned char col_coded[NCOLS] = {
	[COL_CAP] = 1, [COL_KENH] = 1, [COL_MUC_DO_DVC] = 1, [COL_TRANG_THAI] = 1,
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

/* Code aliases, folded. An exact alias is the whole value; a phrase matches
 * as whole words anywhere in it ("nop_qua_buu_chinh_cong_ich"). */
enum { EXACT, PHRASE };

struct code_alias {
	int col, code, how;
	const char *folded;
};

static const char *const cap_codes[] = {"tinh", "huyen", "xa", NULL};
static const char *const kenh_codes[] = {"truc_tuyen", "truc_tiep", "buu_chinh", NULL};
static const char *const muc_do_codes[] = {"toan_trinh", "mot_phan", "khong", NULL};
static const char *const status_codes[] = {
	"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", NULL
};

static const struct code_alias code_alias[] = {
	{COL_CAP, 0, EXACT, "tinh"}, {COL_CAP, 1, EXACT, "huyen"},
	{COL_CAP, 2, EXACT, "xa"},

	{COL_KENH, KENH_TRUC_TUYEN, EXACT, "2"},
	{COL_KENH, KENH_TRUC_TUYEN, PHRASE, "truc_tuyen"},
	{COL_KENH, KENH_TRUC_TUYEN, PHRASE, "online"},
	{COL_KENH, KENH_TRUC_TIEP, EXACT, "1"},
	{COL_KENH, KENH_TRUC_TIEP, PHRASE, "truc_tiep"},
	{COL_KENH, KENH_BUU_CHINH, EXACT, "3"},
	{COL_KENH, KENH_BUU_CHINH, PHRASE, "buu_chinh"},
	{COL_KENH, KENH_BUU_CHINH, PHRASE, "bcci"},
	{COL_KENH, KENH_BUU_CHINH, PHRASE, "buu_dien"},

	{COL_MUC_DO_DVC, 0, EXACT, "4"}, {COL_MUC_DO_DVC, 0, PHRASE, "toan_trinh"},
	{COL_MUC_DO_DVC, 0, PHRASE, "muc_do_4"}, {COL_MUC_DO_DVC, 0, PHRASE, "muc_4"},
	{COL_MUC_DO_DVC, 1, EXACT, "3"}, {COL_MUC_DO_DVC, 1, PHRASE, "mot_phan"},
	{COL_MUC_DO_DVC, 1, PHRASE, "muc_do_3"}, {COL_MUC_DO_DVC, 1, PHRASE, "muc_3"},
	{COL_MUC_DO_DVC, 2, EXACT, ""}, {COL_MUC_DO_DVC, 2, EXACT, "1"},
	{COL_MUC_DO_DVC, 2, EXACT, "2"}, {COL_MUC_DO_DVC, 2, EXACT, "khong"},
	{COL_MUC_DO_DVC, 2, PHRASE, "muc_do_1"}, {COL_MUC_DO_DVC, 2, PHRASE, "muc_do_2"},
	{COL_MUC_DO_DVC, 2, PHRASE, "muc_1"}, {COL_MUC_DO_DVC, 2, PHRASE, "muc_2"},
	{COL_MUC_DO_DVC, 2, PHRASE, "thong_tin"},

	/* the national portal's TrangThaiHoSo, 1-10, and their words */
	{COL_TRANG_THAI, 0, EXACT, "1"}, {COL_TRANG_THAI, 0, EXACT, "moi_dang_ky"},
	{COL_TRANG_THAI, 0, EXACT, "dang_ky_moi"},
	{COL_TRANG_THAI, 1, EXACT, "2"}, {COL_TRANG_THAI, 1, EXACT, "da_tiep_nhan"},
	{COL_TRANG_THAI, 1, EXACT, "tiep_nhan"},
	{COL_TRANG_THAI, 2, EXACT, "3"}, {COL_TRANG_THAI, 2, EXACT, "khong_duoc_tiep_nhan"},
	{COL_TRANG_THAI, 2, EXACT, "khong_tiep_nhan"}, {COL_TRANG_THAI, 2, EXACT, "tu_choi"},
	{COL_TRANG_THAI, 2, EXACT, "tu_choi_tiep_nhan"},
	{COL_TRANG_THAI, 3, EXACT, "4"}, {COL_TRANG_THAI, 3, EXACT, "dang_xu_ly"},
	{COL_TRANG_THAI, 3, EXACT, "dang_giai_quyet"},
	{COL_TRANG_THAI, 4, EXACT, "5"}, {COL_TRANG_THAI, 4, EXACT, "yeu_cau_bo_sung"},
	{COL_TRANG_THAI, 4, EXACT, "cho_bo_sung"}, {COL_TRANG_THAI, 4, EXACT, "bo_sung_ho_so"},
	{COL_TRANG_THAI, 5, EXACT, "6"}, {COL_TRANG_THAI, 5, EXACT, "cho_nop_phi"},
	{COL_TRANG_THAI, 5, EXACT, "cho_thanh_toan"}, {COL_TRANG_THAI, 5, EXACT, "cho_nop_phi_le_phi"},
	{COL_TRANG_THAI, 6, EXACT, "7"}, {COL_TRANG_THAI, 6, EXACT, "rut_ho_so"},
	{COL_TRANG_THAI, 6, EXACT, "da_rut"}, {COL_TRANG_THAI, 6, EXACT, "da_rut_ho_so"},
	{COL_TRANG_THAI, 7, EXACT, "8"}, {COL_TRANG_THAI, 7, EXACT, "dung_xu_ly"},
	{COL_TRANG_THAI, 7, EXACT, "dung_giai_quyet"},
	{COL_TRANG_THAI, 8, EXACT, "9"}, {COL_TRANG_THAI, 8, EXACT, "da_xu_ly"},
	{COL_TRANG_THAI, 8, EXACT, "da_xu_ly_xong"}, {COL_TRANG_THAI, 8, EXACT, "da_giai_quyet"},
	{COL_TRANG_THAI, 8, EXACT, "da_co_ket_qua"},
	{COL_TRANG_THAI, 9, EXACT, "10"}, {COL_TRANG_THAI, 9, EXACT, "da_tra_ket_qua"},
	{COL_TRANG_THAI, 9, EXACT, "tra_ket_qua"}, {COL_TRANG_THAI, 9, EXACT, "da_tra"},
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
	}
	return NULL;
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

/* phrase occurs in s as whole '_'-separated words */
static int
has_phrase(const char *s, const char *phrase)
{
	size_t n = strlen(phrase);
	const char *p = s;

	while ((p = strstr(p, phrase)) != NULL) {
		if ((p == s || p[-1] == '_') && (p[n] == '\0' || p[n] == '_'))
			return 1;
		p++;
	}
	return 0;
}

int
col_code(int col, const char *folded)
{
	const char *const *codes = codes_of(col);
	size_t i;
	int found = -1;

	if (!codes)
		return -1;
	/* "cấp tỉnh": a leading "cấp " is no part of the code */
	if (col == COL_CAP && strncmp(folded, "cap_", 4) == 0)
		folded += 4;
	for (i = 0; codes[i]; i++)
		if (strcmp(folded, codes[i]) == 0)
			return (int)i;
	for (i = 0; i < sizeof code_alias / sizeof code_alias[0]; i++)
		if (code_alias[i].col == col && code_alias[i].how == EXACT &&
		    strcmp(folded, code_alias[i].folded) == 0)
			return code_alias[i].code;
	/* phrases: the words of exactly one code */
	for (i = 0; i < sizeof code_alias / sizeof code_alias[0]; i++) {
		if (code_alias[i].col != col || code_alias[i].how != PHRASE ||
		    !has_phrase(folded, code_alias[i].folded))
			continue;
		if (found >= 0 && found != code_alias[i].code)
			return -2;
		found = code_alias[i].code;
	}
	return found;
}
