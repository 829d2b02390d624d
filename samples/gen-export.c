/* gen-export: a synthetic dossier export, as a provincial one-stop system
 * writes it, for the demo, the tests and the benchmarks; and its clean twin.
 *
 * usage: gen-export [--rows N] [--seed S] [--year Y] [--bad] [--portal [--no-level]] [--lean]
 *                   [--quoted] [--excel [--portal-labels]] [--twin FILE] [--monthly PREFIX]
 *
 * Default style: Vietnamese headers, a BOM, CRLF, dates as dd/mm/yyyy with
 * times before or after, codes in words, some text in decomposed Unicode (NFD).
 * --portal: the national portal's field names, LF, yyyyMMddHHmmss, numeric codes;
 *   without --lean, the sync form's flags and rating too (ThuTucCoPhi ...
 *   MucDoHaiLong: draw_flags in dossiers.h says their proportions).
 * --no-level: with --portal, no Cap column: the level is the unit's (DonViXuLy),
 *   as in the portal's own sync form (cchc-map --level-from); the twin keeps it.
 * --bad: one row in 400 is wrong in one of the ways cchc-check rejects.
 * --lean: without the procedure's and the field's names (benchmark files).
 * --quoted: the default style with every text field quoted, as many provincial
 *   systems write them (the benchmark's quoted export); the same dossiers.
 * --year Y: the reporting year (default 2024). From 2026 the units are those
 *   after the 1 July 2025 reorganisation (agencies_2025 in dossiers.h: no
 *   district level, merged departments and communes); the same draws.
 *
 * --excel: the same dossiers (row i is row i of the default) as a provincial
 * office's list comes out of Excel saved as CSV, with every habit met in real
 * exports, and no data error among them:
 *   - `;` between fields (Excel with Vietnamese regional settings), a BOM, CRLF
 *     ending the rows, a bare LF for a line break inside a cell (Alt+Enter);
 *   - title lines above the header ("UBND TỈNH QUẢNG NGÃI", "DANH SÁCH HỒ SƠ ...",
 *     "Từ ngày ... đến ngày ..."), padded with empty cells to the table's width
 *     as Excel pads every row, an empty row (`;;;;`) and a blank line;
 *   - an STT column; a two-row header with merged cells: a group cell over its
 *     columns ("Thời gian" over "Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả",
 *     "Thủ tục hành chính" over "Mã TTHC;Tên thủ tục;Lĩnh vực"), the cells after
 *     it empty; a cell merged down ("Mã hồ sơ") whose second row is empty;
 *   - date-times in every form of date_forms[] below: Excel serial numbers with
 *     a fraction (to the second: rounded to the nearest second it is the time;
 *     a decimal comma, as Vietnamese Excel writes it, or a point) and whole
 *     days; `8:15 SA`, `2:15 CH` (12:xx is CH, 00:xx is `12:xx SA`); AM/PM;
 *     fractions of a second (dropped); ISO with `+07:00`, or in UTC with `Z`
 *     (online dossiers sent before 07:00 are on the day before in UTC); a
 *     no-break space or several spaces between date and time; time first; d/m
 *     without zeros; `-` and `.` between the parts; the portal's compact form;
 *   - statuses as the national portal labels them (Mới đăng ký ... Đã trả kết
 *     quả, the ten TrangThaiHoSo) or in a provincial phrasing (Chờ tiếp nhận,
 *     Từ chối tiếp nhận, Chờ bổ sung, Đã rút hồ sơ, Tạm dừng, Hoàn thành, Đã trả,
 *     ...); --portal-labels: the portal's labels only;
 *   - levels, channels and service levels as people write them ("UBND cấp xã",
 *     "Sở, ban, ngành", "Nộp trực tiếp", "Trực tiếp tại Bộ phận Một cửa",
 *     "Online (Cổng DVC)", "Qua dịch vụ BCCI", "DVC trực tuyến toàn trình",
 *     "Cung cấp thông tin");
 *   - text with `;`, commas, quotes and line breaks inside (quoted as Excel
 *     quotes: only for `;`, a quote or a line break); NFD text, code words too;
 *   - a few all-empty rows (`;;;;`) among the dossiers;
 *   - after the dossiers: a "Tổng cộng" row, an empty row, the place and date
 *     ("Quảng Ngãi, ngày 12 tháng 12 năm 2024") and the signatures ("NGƯỜI LẬP
 *     BIỂU"), in the columns where a sheet puts them.
 *
 * --twin FILE: the same dossiers, clean, into FILE: comma, LF, one header row,
 * canonical columns (ma_ho_so, cap, ..., ngay_tra_ket_qua; stt, chu_ho_so and
 * ghi_chu for the others), canonical codes (tinh/huyen/xa, truc_tuyen/...,
 * toan_trinh/mot_phan/khong, statuses 1-10), NFC, and the date-times in
 * Vietnam time as yyyy-mm-dd[THH:MM[:SS]], to the precision the raw file shows
 * (a date alone, the minute, the second). Computed from the dossier, never
 * from the raw text. cchc-check of the raw file and of its twin must agree,
 * and so must their cchc-sum counts. Not with --bad.
 *
 * --monthly PREFIX: the dossiers as the monthly exports an office makes, one
 * file PREFIX-yyyy-mm.csv per reporting month (15th of the month before to the
 * 14th), each reaching 7 days further back (from the 8th), each made at the end
 * of its month's 14th and showing every dossier as it then stood. A dossier
 * received between the 8th and the 14th is in two files: in the first maybe
 * still pending, in the second as it stood a month later (the later export is
 * the truer). In any style; nothing on standard output. With --twin: the
 * truth, each dossier once, as the last file that has it shows it.
 *
 * The same arguments always give the same bytes. */
#include "dossiers.h"

static int portal, no_level, lean, excel, portal_labels, quoted, year = 2024;

/* the end of time: a single export shows every dossier as it finally stands */
static const struct day never = {9999, 12, 31};

/* ---- The default and portal styles (the first gen-export's writer) ---- */

/* One date-time in this export's style; hh < 0 for a date alone. */
static void
put_date(FILE *o, struct day t, int hh, int mi, int ss, int style)
{
	if (portal) {
		fprintf(o, "%04d%02d%02d%02d%02d%02d", t.y, t.m, t.d, hh < 0 ? 0 : hh, mi, ss);
		return;
	}
	if (hh < 0)
		fprintf(o, "%02d/%02d/%04d", t.d, t.m, t.y);
	else if (style == 1)
		fprintf(o, "%02d:%02d %02d/%02d/%04d", hh, mi, t.d, t.m, t.y);
	else
		fprintf(o, "%02d/%02d/%04d %02d:%02d:%02d", t.d, t.m, t.y, hh, mi, ss);
}

/* Text as given, or decomposed (NFD), as some systems write Vietnamese. */
static void
put_text(FILE *o, const char *s, int nfd)
{
	char buf[512];
	int quote = quoted || strchr(s, ',') != NULL;

	if (quote)
		putc('"', o);
	fputs(nfd ? nfd_text(s, buf, sizeof buf) : s, o);
	if (quote)
		putc('"', o);
}

static const enum twin_col plain_cols[] = {
	T_STT, T_MA_HO_SO, T_TEN_TTHC, T_LINH_VUC, T_CO_QUAN, T_CAP, T_KENH,
	T_MUC_DO, T_TRANG_THAI, T_TIEP_NHAN, T_HEN_TRA, T_KET_QUA,
};
static const enum twin_col plain_lean_cols[] = {
	T_STT, T_MA_HO_SO, T_CO_QUAN, T_CAP, T_KENH, T_MUC_DO, T_TRANG_THAI,
	T_TIEP_NHAN, T_HEN_TRA, T_KET_QUA,
};
static const enum twin_col portal_cols[] = {
	T_MA_HO_SO, T_MA_TTHC, T_TEN_TTHC, T_LINH_VUC, T_CO_QUAN, T_CAP, T_KENH,
	T_MUC_DO, T_TRANG_THAI, T_CO_PHI, T_THANH_TOAN, T_SO_HOA, T_KQ_DIEN_TU,
	T_TAI_SU_DUNG, T_KHO_DU_LIEU, T_VNEID, T_DANH_GIA, T_TIEP_NHAN, T_HEN_TRA,
	T_KET_QUA, T_NGAY_TRA,
};
enum { NFLAGS = 8 };
static const enum twin_col portal_lean_cols[] = {
	T_MA_HO_SO, T_MA_TTHC, T_CO_QUAN, T_CAP, T_KENH, T_MUC_DO, T_TRANG_THAI,
	T_TIEP_NHAN, T_HEN_TRA, T_KET_QUA, T_NGAY_TRA,
};

static void
plain_header(FILE *o)
{
	const char *eol = portal ? "\n" : "\r\n";

	if (portal)
		fprintf(o, "MaHoSo,MaTTHC,%sDonViXuLy,%sKenhThucHien,MucDo,"
		    "TrangThaiHoSo,%sNgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra%s",
		    lean ? "" : "TenTTHC,TenLinhVuc,", no_level ? "" : "Cap,",
		    lean ? "" : "ThuTucCoPhi,DuocThanhToanTrucTuyen,HoSoCoThanhPhanSoHoa,"
		    "CoKetQuaDienTu,DuocTaiSuDung,DuocLayTuKhoDMQG,TaiKhoanDuocXacThucVoiVNeID,"
		    "MucDoHaiLong,", eol);
	else
		fprintf(o, "\xef\xbb\xbfSTT,Mã hồ sơ,%sCơ quan giải quyết,"
		    "Cấp giải quyết,Hình thức nộp,Mức độ DVC,Trạng thái,Ngày tiếp nhận,"
		    "Ngày hẹn trả,Ngày có kết quả%s", lean ? "" : "Tên thủ tục,Lĩnh vực,", eol);
}

static void
plain_twin_header(FILE *t)
{
	if (portal)
		put_twin_header(t, lean ? portal_lean_cols : portal_cols,
		    lean ? 11 : 13 + NFLAGS);
	else
		put_twin_header(t, lean ? plain_lean_cols : plain_cols, lean ? 10 : 12);
}

/* One dossier as it stood at the end of day asof; its twin into t. */
static void
plain_row(FILE *o, const struct dossier *d, long stt, struct day asof, FILE *t)
{
	const char *eol = portal ? "\n" : "\r\n";
	struct day handed = add_days(d->done, d->handover);
	int fin = finished_by(d, asof), given = fin && cmp_day(handed, asof) <= 0;
	int code = d->status == 1 ? 1 : d->status == 3 ? 3 :
	    !fin ? 4 : portal ? 9 + given : 9 + d->returned;
	int kind = d->kind;

	if (!portal)
		fprintf(o, "%ld,", stt);
	fprintf(o, "%s,", d->id);
	if (portal) {
		fprintf(o, "%s,", procs[d->pr].code);
		if (!lean) {
			put_text(o, procs[d->pr].name, 0);
			putc(',', o);
			put_text(o, procs[d->pr].field, 0);
			putc(',', o);
		}
		put_text(o, d->unit, 0);
		putc(',', o);
		if (!no_level)
			fprintf(o, "%s,", d->lv == 0 ? "Tỉnh" : d->lv == 1 ? "Huyện" : "Xã");
		fprintf(o, "%d,%d,%d,", d->ch == 0 ? 2 : d->ch == 1 ? 1 : 3,
		    d->sl == 0 ? 4 : d->sl == 1 ? 3 : 2, code);
		for (int f = 0; !lean && f < NFLAGS; f++)
			fprintf(o, "%s,", flag_text(T_CO_PHI + f, d, code >= 7, 0));
	} else {
		if (!lean) {
			put_text(o, procs[d->pr].name, d->nfd);
			putc(',', o);
			put_text(o, procs[d->pr].field, d->nfd);
			putc(',', o);
		}
		put_text(o, d->unit, d->nfd);
		putc(',', o);
		put_text(o, levels[d->lv], 0);
		putc(',', o);
		put_text(o, kind == 2 ? "Fax" : channels[d->ch], 0);
		putc(',', o);
		put_text(o, service_levels[d->sl], 0);
		putc(',', o);
		put_text(o, code == 1 ? "Mới đăng ký" : code == 3 ? "Không được tiếp nhận" :
		    code == 10 ? "Đã trả kết quả" : code == 9 ? "Đã xử lý xong" : "Đang xử lý", 0);
		putc(',', o);
	}
	if (kind == 3)
		fprintf(o, "31/02/%d 08:00:00", year);
	else if (kind == 4)	/* Excel on an English Windows */
		fprintf(o, "12/%02d/%d", d->us_day, year - 1);
	else
		put_date(o, d->recv, d->rh, d->rmi, d->rs, d->time_first);
	if (kind == 5) {	/* a row cut short */
		fputs(eol, o);
		return;
	}
	putc(',', o);
	if (d->has_due)
		put_date(o, d->due, 17, 0, 0, 0);
	putc(',', o);
	if (kind == 6)
		put_date(o, add_days(d->recv, 0), d->rh > 8 ? d->rh - 2 : 6, 0, 0, 0),
		    fprintf(o, "x");
	else if (kind == 7 && d->recv.d > 1)
		put_date(o, (struct day){d->recv.y, d->recv.m, d->recv.d - 1}, 9, 0, 0, 0);
	else if (fin)
		put_date(o, d->done, d->dh, d->dmi, d->ds, 0);
	if (portal) {	/* handed over a day or two after */
		putc(',', o);
		if (given)
			put_date(o, handed, 10, 0, 0, 0);
	}
	fputs(eol, o);
	if (t) {
		struct when none = {{0, 0, 0}, 0, 0, 0, -1};
		struct when recv = shown(d->recv, d->rh, d->rmi, d->rs,
		    !portal && d->time_first ? 1 : 2);

		if (portal)
			put_twin(t, lean ? portal_lean_cols : portal_cols, lean ? 11 : 13 + NFLAGS, d,
			    stt, code, recv,
			    d->has_due ? shown(d->due, 17, 0, 0, 2) : none,
			    fin ? shown(d->done, d->dh, d->dmi, d->ds, 2) : none,
			    given ? shown(handed, 10, 0, 0, 2) : none);
		else
			put_twin(t, lean ? plain_lean_cols : plain_cols, lean ? 10 : 12, d,
			    stt, code, recv,
			    d->has_due ? shown(d->due, 17, 0, 0, 2) : none,
			    fin ? shown(d->done, d->dh, d->dmi, d->ds, 2) : none, none);
	}
}

/* ---- The Excel style ---- */

static const enum twin_col excel_cols[] = {
	T_STT, T_MA_HO_SO, T_MA_TTHC, T_TEN_TTHC, T_LINH_VUC, T_CO_QUAN, T_CAP,
	T_KENH, T_MUC_DO, T_CHU_HO_SO, T_TRANG_THAI, T_TIEP_NHAN, T_HEN_TRA,
	T_KET_QUA, T_GHI_CHU,
};
#define NEXCEL ((int)(sizeof excel_cols / sizeof excel_cols[0]))
#define X_TIEP_NHAN 11	/* the first date column */

/* the header's two rows, as merged cells come out of Excel */
static const char *const excel_head[2][NEXCEL] = {
	{"STT", "Mã hồ sơ", "Thủ tục hành chính", "", "", "Cơ quan giải quyết",
	 "Cấp giải quyết", "Hình thức nộp", "Mức độ DVC", "Chủ hồ sơ", "Trạng thái",
	 "Thời gian", "", "", "Ghi chú"},
	{"", "", "Mã TTHC", "Tên thủ tục", "Lĩnh vực", "", "", "", "", "", "",
	 "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày có kết quả", ""},
};

/* Every form a date-time takes in these exports, and the precision it keeps. */
enum form {
	F_DMY_HMS, F_HM_DMY, F_HMS_DMY, F_DMY_HM_NOPAD, F_DAY, F_SERIAL_DOT,
	F_SERIAL_COMMA, F_SERIAL_DAY, F_SACH, F_SACH_S, F_AMPM, F_AMPM_M, F_FRAC,
	F_ISO_OFFSET, F_ISO_Z, F_ISO_MS_Z, F_NBSP, F_SPACES, F_ISO_SPACE, F_DASH,
	F_DOT, F_COMPACT, NFORMS
};
static const struct {
	int prec;
	const char *example;	/* 30 July 2024, 14:05:09 Vietnam time */
} date_forms[NFORMS] = {
	[F_DMY_HMS] = {2, "30/07/2024 14:05:09"},
	[F_HM_DMY] = {1, "14:05 30/07/2024"},
	[F_HMS_DMY] = {2, "14:05:09 30/07/2024"},
	[F_DMY_HM_NOPAD] = {1, "30/7/2024 14:05"},
	[F_DAY] = {0, "30/07/2024"},
	[F_SERIAL_DOT] = {2, "45503.5868"},	/* 45503.5868... to 10 decimals */
	[F_SERIAL_COMMA] = {2, "45503,5868"},
	[F_SERIAL_DAY] = {0, "45503"},
	[F_SACH] = {1, "30/07/2024 2:05 CH"},
	[F_SACH_S] = {2, "30/07/2024 2:05:09 CH"},
	[F_AMPM] = {2, "30/07/2024 02:05:09 PM"},
	[F_AMPM_M] = {1, "30/07/2024 2:05 PM"},
	[F_FRAC] = {2, "30/07/2024 14:05:09.387"},
	[F_ISO_OFFSET] = {2, "2024-07-30T14:05:09+07:00"},
	[F_ISO_Z] = {2, "2024-07-30T07:05:09Z"},
	[F_ISO_MS_Z] = {2, "2024-07-30T07:05:09.387Z"},
	[F_NBSP] = {2, "30/07/2024\xc2\xa0" "14:05:09"},
	[F_SPACES] = {1, "30/07/2024   14:05"},
	[F_ISO_SPACE] = {2, "2024-07-30 14:05:09"},
	[F_DASH] = {1, "30-07-2024 14:05"},
	[F_DOT] = {2, "30.07.2024 14:05:09"},
	[F_COMPACT] = {2, "20240730140509"},
};

/* The serial of a date-time, as Excel writes it in General format: 15
 * significant digits (10 decimals for a day of five digits), the decimal
 * point or comma dec. Checked: read back as a reader does (in double) and
 * rounded to the nearest second, it is w's second. */
static void
put_serial(char *buf, size_t n, struct when w, char dec)
{
	long day = serial_day(w.d);
	unsigned long long s = (unsigned long long)(w.hh * 3600 + w.mi * 60 + w.ss);
	unsigned long long f = (s * 20000000000ULL + 86400) / 172800;	/* s/86400 to 1e-10, rounded */
	char frac[16], back[40], *p;
	double x;
	long long secs;

	if (w.prec == 0 || s == 0) {
		snprintf(buf, n, "%ld", day);
		return;
	}
	snprintf(frac, sizeof frac, "%010llu", f);
	for (p = frac + strlen(frac); p > frac && p[-1] == '0'; )
		*--p = '\0';
	snprintf(buf, n, "%ld%c%s", day, dec, frac);
	snprintf(back, sizeof back, "%ld.%s", day, frac);
	x = strtod(back, NULL);
	secs = (long long)((x - (double)(long long)x) * 86400.0 + 0.5);
	if ((long long)x != day || secs != (long long)s) {
		fprintf(stderr, "gen-export: the serial %s is not %02d:%02d:%02d\n", buf,
		    w.hh, w.mi, w.ss);
		abort();
	}
}

/* A date-time in the form f; returns what it shows. */
static struct when
put_when(char *buf, size_t n, struct day d, int hh, int mi, int ss, enum form f)
{
	struct when w = shown(d, hh, mi, ss, date_forms[f].prec), u;
	int h12 = w.hh % 12 == 0 ? 12 : w.hh % 12, ms = hpick(1000);
	const char *sach = w.hh < 12 ? "SA" : "CH", *ampm = w.hh < 12 ? "AM" : "PM";

	if ((f == F_SERIAL_DOT || f == F_SERIAL_COMMA) && w.hh + w.mi + w.ss == 0)
		w.prec = 0;	/* midnight: a whole day, a date alone */
	u = w;
	if (w.hh >= 7)	/* the same moment in UTC */
		u.hh -= 7;
	else
		u.d = prev_day(u.d), u.hh += 17;
	switch (f) {
	case F_DMY_HMS: snprintf(buf, n, "%02d/%02d/%04d %02d:%02d:%02d", d.d, d.m, d.y, w.hh, w.mi, w.ss); break;
	case F_HM_DMY: snprintf(buf, n, "%02d:%02d %02d/%02d/%04d", w.hh, w.mi, d.d, d.m, d.y); break;
	case F_HMS_DMY: snprintf(buf, n, "%02d:%02d:%02d %02d/%02d/%04d", w.hh, w.mi, w.ss, d.d, d.m, d.y); break;
	case F_DMY_HM_NOPAD: snprintf(buf, n, "%d/%d/%04d %d:%02d", d.d, d.m, d.y, w.hh, w.mi); break;
	case F_DAY: snprintf(buf, n, "%02d/%02d/%04d", d.d, d.m, d.y); break;
	case F_SERIAL_DOT: put_serial(buf, n, w, '.'); break;
	case F_SERIAL_COMMA: put_serial(buf, n, w, ','); break;
	case F_SERIAL_DAY: put_serial(buf, n, w, '.'); break;
	case F_SACH: snprintf(buf, n, "%02d/%02d/%04d %d:%02d %s", d.d, d.m, d.y, h12, w.mi, sach); break;
	case F_SACH_S: snprintf(buf, n, "%02d/%02d/%04d %d:%02d:%02d %s", d.d, d.m, d.y, h12, w.mi, w.ss, sach); break;
	case F_AMPM: snprintf(buf, n, "%02d/%02d/%04d %02d:%02d:%02d %s", d.d, d.m, d.y, h12, w.mi, w.ss, ampm); break;
	case F_AMPM_M: snprintf(buf, n, "%02d/%02d/%04d %d:%02d %s", d.d, d.m, d.y, h12, w.mi, ampm); break;
	case F_FRAC: snprintf(buf, n, "%02d/%02d/%04d %02d:%02d:%02d.%03d", d.d, d.m, d.y, w.hh, w.mi, w.ss, ms); break;
	case F_ISO_OFFSET: snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", d.y, d.m, d.d, w.hh, w.mi, w.ss); break;
	case F_ISO_Z: snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02dZ", u.d.y, u.d.m, u.d.d, u.hh, u.mi, u.ss); break;
	case F_ISO_MS_Z: snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", u.d.y, u.d.m, u.d.d, u.hh, u.mi, u.ss, ms); break;
	case F_NBSP: snprintf(buf, n, "%02d/%02d/%04d\xc2\xa0%02d:%02d:%02d", d.d, d.m, d.y, w.hh, w.mi, w.ss); break;
	case F_SPACES: snprintf(buf, n, "%02d/%02d/%04d   %02d:%02d", d.d, d.m, d.y, w.hh, w.mi); break;
	case F_ISO_SPACE: snprintf(buf, n, "%04d-%02d-%02d %02d:%02d:%02d", d.y, d.m, d.d, w.hh, w.mi, w.ss); break;
	case F_DASH: snprintf(buf, n, "%02d-%02d-%04d %02d:%02d", d.d, d.m, d.y, w.hh, w.mi); break;
	case F_DOT: snprintf(buf, n, "%02d.%02d.%04d %02d:%02d:%02d", d.d, d.m, d.y, w.hh, w.mi, w.ss); break;
	case F_COMPACT: snprintf(buf, n, "%04d%02d%02d%02d%02d%02d", d.y, d.m, d.d, w.hh, w.mi, w.ss); break;
	case NFORMS: break;
	}
	return w;
}

/* a form for a received or result time: any; for a due date: the day, or
 * its 17:00 in the forms offices use for deadlines */
static enum form
time_form(void)
{
	return (enum form)hpick(NFORMS);
}

static enum form
due_form(void)
{
	static const enum form due[] = {
		F_DAY, F_DAY, F_DAY, F_SERIAL_DAY, F_SERIAL_DAY, F_DMY_HMS, F_DMY_HMS,
		F_SERIAL_DOT, F_SERIAL_COMMA, F_SACH, F_AMPM_M, F_ISO_OFFSET, F_HM_DMY,
	};
	return due[hpick((int)(sizeof due / sizeof due[0]))];
}

static void
excel_padded(FILE *o, int at, const char *s)
{
	const char *cell[NEXCEL] = {0};

	cell[at] = s;
	put_row(o, cell, NEXCEL, ';', "\r\n");
}

/* the title lines and the header; from, to: the dates the list covers */
static void
excel_header(FILE *o, struct day from, struct day to)
{
	char range[96];

	fputs("\xef\xbb\xbf", o);
	excel_padded(o, 0, "UBND TỈNH QUẢNG NGÃI");
	excel_padded(o, 0, "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG");
	excel_padded(o, 0, "");
	excel_padded(o, 0, "DANH SÁCH HỒ SƠ TIẾP NHẬN VÀ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
	snprintf(range, sizeof range, "Từ ngày %02d/%02d/%04d đến ngày %02d/%02d/%04d",
	    from.d, from.m, from.y, to.d, to.m, to.y);
	excel_padded(o, 0, range);
	fputs("\r\n", o);
	put_row(o, excel_head[0], NEXCEL, ';', "\r\n");
	put_row(o, excel_head[1], NEXCEL, ';', "\r\n");
}

/* n in the Vietnamese style: 3.000, 1.234.567 */
static void
group_vi(char *buf, size_t size, long n)
{
	if (n < 1000) {
		snprintf(buf, size, "%ld", n);
		return;
	}
	group_vi(buf, size, n / 1000);
	snprintf(buf + strlen(buf), size - strlen(buf), ".%03ld", n % 1000);
}

/* the total and the signatures; signed: the day the list was signed */
static void
excel_footer(FILE *o, long n, struct day signed_on)
{
	const char *cell[NEXCEL] = {0};
	char total[32], place[96];

	group_vi(total, sizeof total, n);
	cell[0] = "Tổng cộng";
	cell[2] = total;
	put_row(o, cell, NEXCEL, ';', "\r\n");
	excel_padded(o, 0, "");
	snprintf(place, sizeof place, "Quảng Ngãi, ngày %d tháng %d năm %d",
	    signed_on.d, signed_on.m, signed_on.y);
	excel_padded(o, X_TIEP_NHAN, place);
	cell[0] = cell[2] = NULL;
	cell[1] = "NGƯỜI LẬP BIỂU";
	cell[X_TIEP_NHAN] = "THỦ TRƯỞNG ĐƠN VỊ";
	put_row(o, cell, NEXCEL, ';', "\r\n");
	cell[1] = "(Ký, ghi rõ họ tên)";
	cell[X_TIEP_NHAN] = "(Ký tên, đóng dấu)";
	put_row(o, cell, NEXCEL, ';', "\r\n");
}

/* One dossier as it stood at the end of day asof, with habits; its twin into t. */
static void
excel_row(FILE *o, const struct dossier *d, long stt, struct day asof, FILE *t)
{
	const char *cell[NEXCEL];
	char buf[NEXCEL][512], stt_s[24];
	struct when none = {{0, 0, 0}, 0, 0, 0, -1}, recv, due = none, done = none;
	int fin = finished_by(d, asof), code = code_as_of(d, asof), c;

	snprintf(stt_s, sizeof stt_s, "%ld", stt);
	cell[0] = stt_s;
	cell[1] = d->id;
	cell[2] = procs[d->pr].code;
	cell[3] = procs[d->pr].name;
	cell[4] = procs[d->pr].field;
	cell[5] = d->unit;
	cell[6] = one_of(cap_words[d->lv], 4);
	cell[7] = one_of(kenh_words[d->ch < 2 ? d->ch : 2], 4);
	cell[8] = one_of(muc_do_words[d->sl < 2 ? d->sl : 2], 4);
	cell[9] = holders[d->holder];
	cell[10] = portal_labels ? status_words[code][0] : one_of(status_words[code], 4);
	recv = put_when(buf[11], sizeof buf[11], d->recv, d->rh, d->rmi, d->rs, time_form());
	cell[11] = buf[11];
	cell[12] = "";
	if (d->has_due) {
		due = put_when(buf[12], sizeof buf[12], d->due, 17, 0, 0, due_form());
		cell[12] = buf[12];
	}
	cell[13] = "";
	if (fin) {
		done = put_when(buf[13], sizeof buf[13], d->done, d->dh, d->dmi, d->ds, time_form());
		cell[13] = buf[13];
	}
	cell[14] = d->note >= 0 ? notes[d->note] : "";
	if (d->nfd)	/* the text, and the code words too */
		for (c = 3; c < NEXCEL; c++)
			if (c != 11 && c != 12 && c != 13 && cell[c] != buf[c])
				cell[c] = nfd_text(cell[c], buf[c], sizeof buf[c]);
	put_row(o, cell, NEXCEL, ';', "\r\n");
	if (t)
		put_twin(t, excel_cols, NEXCEL, d, stt, code, recv, due, done, none);
}

/* ---- One export, or the monthly ones ---- */

static void
header(FILE *o, struct day from, struct day to)
{
	if (excel)
		excel_header(o, from, to);
	else
		plain_header(o);
}

static void
row(FILE *o, const struct dossier *d, long stt, struct day asof, FILE *t)
{
	if (excel)
		excel_row(o, d, stt, asof, t);
	else
		plain_row(o, d, stt, asof, t);
}

/* the reporting month (y, m): 15th of the month before to the 14th */
static struct day
month_start(int y, int m)
{
	return m == 1 ? (struct day){y - 1, 12, 15} : (struct day){y, m - 1, 15};
}

static void
next_month(int *y, int *m)
{
	if (++*m > 12)
		*m = 1, ++*y;
}

static int
monthly(const char *prefix, long rows, int bad, FILE *twin)
{
	enum { NMONTHS = 14 };	/* December of the year before to January after */
	FILE *f[NMONTHS];
	long stt[NMONTHS] = {0}, i;
	struct day asof[NMONTHS];
	char path[4096], prev_id[40] = "";
	int k, y = year - 1, m = 12, err = 0;

	for (k = 0; k < NMONTHS; k++, next_month(&y, &m)) {
		struct day from = month_start(y, m);
		from.d = 8;
		asof[k] = (struct day){y, m, 14};
		snprintf(path, sizeof path, "%s-%04d-%02d.csv", prefix, y, m);
		if ((f[k] = fopen(path, "w")) == NULL) {
			perror(path);
			return 2;
		}
		header(f[k], from, asof[k]);
	}
	for (i = 1; i <= rows; i++) {
		struct dossier d;
		struct day r;
		int first, both;

		draw_dossier(&d, i, year, bad, portal, prev_id);
		if (excel)
			draw_more(&d);
		r = d.recv;
		/* the month whose 14th is on or after r, counted from December */
		first = (r.y - (year - 1)) * 12 + r.m - 12 + (r.d > 14);
		both = r.d >= 8 && r.d <= 14;
		row(f[first], &d, ++stt[first], asof[first], both ? NULL : twin);
		if (both)
			row(f[first + 1], &d, ++stt[first + 1], asof[first + 1], twin);
	}
	for (k = 0; k < NMONTHS; k++) {
		if (excel)
			excel_footer(f[k], stt[k], add_days(asof[k], 1));
		if (ferror(f[k]) | fclose(f[k]))
			err = 2;
	}
	return err;
}

static void
usage(void)
{
	fputs("usage: gen-export [--rows N] [--seed S] [--year Y] [--bad] [--portal [--no-level]] [--lean]\n"
	    "                  [--quoted] [--excel [--portal-labels]] [--twin FILE] [--monthly PREFIX]\n", stderr);
	exit(2);
}

int
main(int argc, char *argv[])
{
	long rows = 3000, i;
	int bad = 0, a, err = 0;
	const char *twin_path = NULL, *prefix = NULL;
	FILE *twin = NULL;
	char prev_id[40] = "";

	for (a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--rows") == 0 && a + 1 < argc)
			rows = atol(argv[++a]);
		else if (strcmp(argv[a], "--seed") == 0 && a + 1 < argc)
			seed_streams(strtoull(argv[++a], NULL, 10));
		else if (strcmp(argv[a], "--year") == 0 && a + 1 < argc)
			year = atoi(argv[++a]);
		else if (strcmp(argv[a], "--bad") == 0)
			bad = 1;
		else if (strcmp(argv[a], "--portal") == 0)
			portal = 1;
		else if (strcmp(argv[a], "--no-level") == 0)
			no_level = 1;
		else if (strcmp(argv[a], "--lean") == 0)
			lean = 1;
		else if (strcmp(argv[a], "--quoted") == 0)
			quoted = 1;
		else if (strcmp(argv[a], "--excel") == 0)
			excel = 1;
		else if (strcmp(argv[a], "--portal-labels") == 0)
			portal_labels = 1;
		else if (strcmp(argv[a], "--twin") == 0 && a + 1 < argc)
			twin_path = argv[++a];
		else if (strcmp(argv[a], "--monthly") == 0 && a + 1 < argc)
			prefix = argv[++a];
		else
			usage();
	}
	if ((excel && (portal || lean || bad)) || (portal_labels && !excel)) {
		fputs("gen-export: --excel is a style of its own, without --portal, --lean or --bad;"
		    " --portal-labels goes with --excel\n", stderr);
		return 2;
	}
	if (quoted && (portal || excel)) {
		fputs("gen-export: --quoted quotes the default style's text: not with --portal or --excel\n",
		    stderr);
		return 2;
	}
	if (twin_path && bad) {
		fputs("gen-export: --twin is the clean twin of a sound export: not with --bad\n", stderr);
		return 2;
	}
	if (twin_path && (twin = fopen(twin_path, "w")) == NULL) {
		perror(twin_path);
		return 2;
	}
	if (twin) {
		if (excel)
			put_twin_header(twin, excel_cols, NEXCEL);
		else
			plain_twin_header(twin);
	}
	if (prefix) {
		err = monthly(prefix, rows, bad, twin);
	} else {
		header(stdout, (struct day){year - 1, 12, 1}, (struct day){year, 12, 20});
		for (i = 1; i <= rows; i++) {
			struct dossier d;

			draw_dossier(&d, i, year, bad, portal, prev_id);
			if (excel) {
				draw_more(&d);
				excel_row(stdout, &d, i, never, twin);
				if (i % 250 == 7)	/* an empty row among the dossiers */
					excel_padded(stdout, 0, "");
			} else {
				plain_row(stdout, &d, i, never, twin);
			}
		}
		if (excel)
			excel_footer(stdout, rows, (struct day){year, 12, 12});
		if (ferror(stdout) || fclose(stdout))
			err = 2;
	}
	if (twin && (ferror(twin) | fclose(twin)))
		err = 2;
	return err;
}
