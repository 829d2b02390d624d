/* dossiers.h: the synthetic dossiers of gen-export and gen-xlsx, and their
 * clean twin. A dossier is drawn once, with every fact the export can show;
 * each writer then shows it in its habits, and the twin shows the same facts
 * canonically, to the precision the raw file carries (a time written to the
 * minute is a time to the minute in the twin too).
 *
 * Three random streams: the dossiers' (rng), drawn in exactly the order the
 * first gen-export drew it, so that its default output stays byte for byte
 * what it was; the facts only the Excel-style exports show (frng: statuses
 * 2 and 5-8, the applicant...), drawn once a dossier; and the habits' (hrng),
 * for everything a writer chooses on its own. So every style, and gen-xlsx,
 * shows the same dossiers: row i is the same dossier everywhere. */
#ifndef DOSSIERS_H
#define DOSSIERS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static uint64_t rng = 88172645463325252ULL;
static uint64_t hrng = 0x2545f4914f6cdd1dULL;
static uint64_t frng = 0x6a09e667f3bcc909ULL;
static uint64_t grng = 0xbb67ae8584caa73bULL;

static inline uint64_t
next_of(uint64_t *r)
{
	*r ^= *r >> 12;
	*r ^= *r << 25;
	*r ^= *r >> 27;
	return *r * 2685821657736338717ULL;
}

static inline void
seed_streams(unsigned long long s)
{
	rng ^= s * 0x9e3779b97f4a7c15ULL;
	hrng ^= s * 0xbf58476d1ce4e5b9ULL;
	frng ^= s * 0x94d049bb133111ebULL;
	grng ^= s * 0xd6e8feb86659fd93ULL;
}

/* the dossiers' stream */
static inline int
pick(int n)
{
	return (int)(next_of(&rng) % (uint64_t)n);
}

/* chance in ten thousand */
static inline int
chance(int pct10000)
{
	return pick(10000) < pct10000;
}

/* the habits' stream */
static inline int
hpick(int n)
{
	return (int)(next_of(&hrng) % (uint64_t)n);
}

/* the portal flags' stream, in ten thousand */
static inline int
gchance(int pct10000)
{
	return (int)(next_of(&grng) % 10000u) < pct10000;
}

/* the Excel-style facts' stream */
static inline int
fpick(int n)
{
	return (int)(next_of(&frng) % (uint64_t)n);
}

static const char *const levels[] = {"Cấp tỉnh", "Cấp huyện", "Cấp xã"};
static const char *const agencies[3][6] = {
	{"Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường",
	 "Sở Giao thông vận tải", "Sở Xây dựng", "Văn phòng UBND tỉnh"},
	{"UBND huyện Bình Sơn", "UBND huyện Sơn Tịnh", "UBND thành phố Quảng Ngãi",
	 "UBND thị xã Đức Phổ", "UBND huyện Mộ Đức", "UBND huyện Tư Nghĩa"},
	{"UBND xã Bình Châu", "UBND xã Tịnh Khê", "UBND phường Nghĩa Lộ",
	 "UBND xã Phổ Thạnh", "UBND xã Đức Lợi", "UBND phường Trần Phú"},
};
/* The same units in exports of 2026 on, after the 1 July 2025 reorganisation:
 * departments merged (Kế hoạch và Đầu tư into Tài chính, Tài nguyên và Môi
 * trường into Nông nghiệp và Môi trường, Giao thông vận tải into Xây dựng);
 * no district level: a district's dossiers are those of the commune that took
 * its seat (its level is then xa); communes as the Statistics Office's table
 * merged them. samples/don-vi-2025.csv maps each unit above to its successor
 * here, and tests/map-pipeline.bats checks the communes against
 * share/cchc/dvhc-2025.csv. */
static const char *const agencies_2025[3][6] = {
	{"Sở Tư pháp", "Sở Tài chính", "Sở Nông nghiệp và Môi trường",
	 "Sở Xây dựng", "Sở Xây dựng", "Văn phòng UBND tỉnh"},
	{"UBND xã Bình Sơn", "UBND xã Sơn Tịnh", "UBND phường Cẩm Thành",
	 "UBND phường Đức Phổ", "UBND xã Mộ Đức", "UBND xã Tư Nghĩa"},
	{"UBND xã Đông Sơn", "UBND xã Tịnh Khê", "UBND phường Nghĩa Lộ",
	 "UBND phường Sa Huỳnh", "UBND xã Long Phụng", "UBND phường Nghĩa Lộ"},
};
static const struct {
	const char *field, *code, *name;
} procs[] = {
	{"Hộ tịch", "1.001193", "Đăng ký khai sinh"},
	{"Hộ tịch", "1.000894", "Đăng ký kết hôn"},
	{"Chứng thực", "2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản"},
	{"Đất đai", "1.004227", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất"},
	{"Thành lập và hoạt động của hộ kinh doanh", "2.000720", "Đăng ký thành lập hộ kinh doanh"},
	{"Xây dựng", "1.009794", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ"},
	{"Lý lịch tư pháp", "2.001417", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam"},
	{"Đường bộ", "1.002804", "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp"},
};
/* The procedure has fees or charges (by procs[]): a birth or a marriage is
 * registered free. */
static const int proc_fee[] = {0, 0, 1, 1, 1, 1, 1, 1};
/* The portal's satisfaction rating, best first. */
static const char *const ratings[] = {
	"Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng",
};
/* The same as cchc-check writes them (the twin's). */
static const char *const rating_code[] = {
	"rat_hai_long", "hai_long", "binh_thuong", "khong_hai_long", "rat_khong_hai_long",
};
static const char *const channels[] = {
	"Trực tuyến", "Trực tiếp", "Nộp qua bưu chính công ích",
	"Qua dịch vụ bưu chính công ích",
};
static const char *const service_levels[] = {"Toàn trình", "Một phần", "", "Mức độ 2"};

/* the canonical codes, by the index the tables above use */
static const char *const cap_code[] = {"tinh", "huyen", "xa"};
static const char *const kenh_code[] = {"truc_tuyen", "truc_tiep", "buu_chinh", "buu_chinh"};
static const char *const muc_do_code[] = {"toan_trinh", "mot_phan", "khong", "khong"};

struct day { int y, m, d; };

static inline int
mdays(int y, int m)
{
	static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return md[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

static inline struct day
add_days(struct day t, int n)
{
	while (n-- > 0)
		if (++t.d > mdays(t.y, t.m)) {
			t.d = 1;
			if (++t.m > 12)
				t.m = 1, t.y++;
		}
	return t;
}

static inline struct day
prev_day(struct day t)
{
	if (--t.d == 0) {
		if (--t.m == 0)
			t.m = 12, t.y--;
		t.d = mdays(t.y, t.m);
	}
	return t;
}

static inline int
cmp_day(struct day a, struct day b)
{
	if (a.y != b.y)
		return a.y - b.y;
	if (a.m != b.m)
		return a.m - b.m;
	return a.d - b.d;
}

/* days since 1 Jan 1970 (Howard Hinnant's days_from_civil) */
static inline long
civil_days(struct day t)
{
	long y = t.y - (t.m <= 2), era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (t.m + (t.m > 2 ? -3 : 9)) + 2) / 5 + t.d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* Excel's serial day (1900 system; right from 1 March 1900 on) */
static inline long
serial_day(struct day t)
{
	return civil_days(t) - civil_days((struct day){1899, 12, 30});
}

/* A date-time as an export shows it, in Vietnam time: prec 0 the day alone,
 * 1 to the minute, 2 to the second. */
struct when {
	struct day d;
	int hh, mi, ss, prec;
};

static inline struct when
shown(struct day d, int hh, int mi, int ss, int prec)
{
	struct when w = {d, prec ? hh : 0, prec ? mi : 0, prec > 1 ? ss : 0, prec};
	return w;
}

/* the twin's form: yyyy-mm-dd[THH:MM[:SS]] */
static inline void
iso_when(char *buf, size_t n, struct when w)
{
	if (w.prec == 0)
		snprintf(buf, n, "%04d-%02d-%02d", w.d.y, w.d.m, w.d.d);
	else if (w.prec == 1)
		snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d", w.d.y, w.d.m, w.d.d, w.hh, w.mi);
	else
		snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02d", w.d.y, w.d.m, w.d.d,
		    w.hh, w.mi, w.ss);
}

/* The dossier: every fact, drawn from rng in the order the first gen-export
 * drew them (row i of every style is the same dossier). kind >= 0: the wrong
 * row of --bad, in one of eight ways. */
struct dossier {
	long i;
	int lv, ag, pr, nfd, ch, sl;
	const char *unit;	/* agencies[lv][ag], or from 2026 agencies_2025 */
	struct day recv, due, done;
	int rh, rmi, rs, dh, dmi, ds;
	int span, has_due, late, status, resolved, kind;
	char id[40];
	/* the choices the default and portal writers made while writing */
	int returned;	/* resolved: 10 "Đã trả kết quả", else 9 "Đã xử lý xong" */
	int time_first;	/* the received time before its date */
	int us_day;	/* kind 4: the day of a month-first date */
	int handover;	/* portal: days from the result to its hand-over (NgayTra) */
	/* drawn from hrng, for the styles that show more (see draw_more) */
	int code;	/* TrangThaiHoSo 1-10 once finished (or as it stays) */
	int pending;	/* TrangThaiHoSo while not finished: 2, 4, 5 or 6 */
	int holder, note;	/* the applicant and the note (-1: none) */
	/* the portal's flags, from grng (see draw_flags) */
	int paid, digitised, e_result, reused, from_store, vneid, rating;
};

/* The flags of the portal's sync form (--portal without --lean), drawn from
 * their own stream so the dossiers stay the same: paid online 45% of online
 * dossiers of a procedure with fees and 10% of the others with fees;
 * components digitised 70%; an electronic result 60% of those finished;
 * digitised data reused 25%; data from the national store 20%; an account
 * authenticated with VNeID 55% of online dossiers; a rating for 30% of those
 * finished: 62% rất hài lòng, 25% hài lòng, 8% bình thường, 3% không hài
 * lòng, 2% rất không hài lòng. What a flag depends on (fees, channel,
 * finished) is applied when it is written (flag_text). */
static inline void
draw_flags(struct dossier *d)
{
	int r;

	d->paid = gchance(d->ch == 0 ? 4500 : 1000);
	d->digitised = gchance(7000);
	d->e_result = gchance(6000);
	d->reused = gchance(2500);
	d->from_store = gchance(2000);
	d->vneid = gchance(5500);
	r = (int)(next_of(&grng) % 10000u);
	d->rating = r >= 3000 ? -1 : r < 1860 ? 0 : r < 2610 ? 1 : r < 2850 ? 2 : r < 2940 ? 3 : 4;
}

static inline void
draw_dossier(struct dossier *x, long i, int year, int bad, int portal, char *prev_id)
{
	struct dossier d = {0};
	int took;

	d.i = i;
	d.kind = -1;
	d.lv = chance(3300) ? 0 : chance(1000) ? 1 : 2;
	d.ag = pick(6), d.pr = pick(8), d.nfd = pick(7) == 0;
	d.ch = chance(6000) ? 0 : chance(9500) ? 1 : 2 + pick(2);
	d.sl = chance(3500) ? 0 : chance(9200) ? 1 : 2 + pick(2);
	/* received between 1 Dec of the year before and 20 Dec */
	d.recv = add_days((struct day){year - 1, 12, 1}, pick(385));
	d.rh = 7 + pick(10), d.rmi = pick(60), d.rs = pick(60);
	d.span = 1 + pick(15), d.has_due = !chance(200);
	d.due = add_days(d.recv, d.span);
	d.late = chance(150);
	d.done = d.recv;
	d.dh = 7 + pick(11), d.dmi = pick(60), d.ds = pick(60);
	if (bad && i % 400 == 200)
		d.kind = (int)(i / 400) % 8;
	if (chance(80))
		d.status = 1;		/* registered, never received */
	else if (chance(60))
		d.status = 3;		/* refused */
	else
		d.status = 0;
	d.resolved = d.status == 0 && !chance(300);
	if (d.resolved) {
		took = d.late ? d.span + 1 + pick(10) : pick(d.span + 1);
		d.done = add_days(d.recv, took);
		if (cmp_day(d.done, (struct day){year, 12, 20}) > 0)
			d.resolved = 0;
		else if (cmp_day(d.done, d.recv) == 0 &&
		    (d.dh < d.rh || (d.dh == d.rh && d.dmi <= d.rmi)))
			d.dh = d.rh + (d.rh < 23), d.dmi = d.rmi;
	}
	snprintf(d.id, sizeof d.id, "%s.%d.%ld", d.lv == 0 ? "000.00.12.H48" :
	    d.lv == 1 ? "000.21.30.H48" : "000.45.31.H48", year, 100000 + i);
	if (d.kind == 0 && i > 1)	/* the previous row's id again */
		memcpy(d.id, prev_id, sizeof d.id);
	memcpy(prev_id, d.id, sizeof d.id);
	if (d.kind == 1)
		d.id[0] = '\0';
	d.unit = (year >= 2026 ? agencies_2025 : agencies)[d.lv][d.ag];
	if (year >= 2026 && d.lv == 1)
		d.lv = 2;	/* no district level: the commune of its seat */
	/* what the first gen-export drew while writing the row, in its order */
	if (!portal && d.resolved)
		d.returned = pick(2);
	if (d.kind == 4)
		d.us_day = 13 + pick(15);
	else if (d.kind != 3)
		d.time_first = pick(5) == 0;
	if (portal && d.kind != 5 && d.resolved)
		d.handover = 1 + pick(3);
	if (portal)
		d.returned = 1;
	d.code = d.status == 1 ? 1 : d.status == 3 ? 3 : d.resolved ? 9 + d.returned : 4;
	d.pending = 4;
	d.holder = d.note = -1;
	draw_flags(&d);
	*x = d;
}

/* The facts the Excel-style exports show beyond the default's, from hrng:
 * the portal's ten statuses (withdrawn and stopped dossiers are finished on
 * their end date; 5 and 6 are pending with the clock stopped), online
 * dossiers sent in the small hours (their received day in UTC is the day
 * before), the applicant, a note. */
static inline void
draw_more(struct dossier *d)
{
	int p = fpick(100);

	d->pending = p < 10 ? 2 : p < 80 ? 4 : p < 92 ? 5 : 6;
	if (d->status == 0 && d->resolved) {
		p = fpick(100);
		d->code = p < 4 ? 7 : p < 7 ? 8 : 9 + d->returned;
	} else if (d->status == 0) {
		d->code = d->pending;
	}
	if (d->ch == 0 && fpick(10000) < 2000) {	/* online, between 00:00 and 06:59 */
		d->rh = fpick(7), d->rmi = fpick(60), d->rs = fpick(60);
		if (d->rh == 0 && d->rmi == 0)
			d->rmi = 1;
	}
	d->holder = fpick(12);
	d->note = fpick(10000) < 3000 ? fpick(8) : -1;
}

/* Words for each code, as people write them (first: the plainest). */
static const char *const cap_words[3][4] = {
	{"Cấp tỉnh", "Sở, ban, ngành", "Tỉnh", "UBND cấp tỉnh"},
	{"Cấp huyện", "UBND cấp huyện", "Huyện", "cấp huyện"},
	{"Cấp xã", "UBND cấp xã", "Xã", "CẤP XÃ"},
};
static const char *const kenh_words[3][4] = {
	{"Trực tuyến", "Online (Cổng DVC)", "Nộp trực tuyến", "Trực tuyến (Cổng DVC quốc gia)"},
	{"Trực tiếp", "Nộp trực tiếp", "Trực tiếp tại Bộ phận Một cửa", "TRỰC TIẾP"},
	{"Qua dịch vụ BCCI", "Nộp qua bưu chính công ích", "Qua dịch vụ bưu chính công ích", "Bưu chính"},
};
static const char *const muc_do_words[3][4] = {
	{"Toàn trình", "DVC trực tuyến toàn trình", "Mức độ 4", "toàn trình"},
	{"Một phần", "DVC trực tuyến một phần", "Mức độ 3", "Một phần"},
	{"", "Mức độ 2", "Cung cấp thông tin", ""},
};
/* TrangThaiHoSo: the portal's label first, then the provincial phrasings */
static const char *const status_words[11][4] = {
	{NULL},
	{"Mới đăng ký", "Chờ tiếp nhận"},
	{"Được tiếp nhận", "Đã tiếp nhận"},
	{"Không được tiếp nhận", "Từ chối tiếp nhận"},
	{"Đang xử lý", "Đang giải quyết"},
	{"Yêu cầu bổ sung giấy tờ", "Chờ bổ sung", "Yêu cầu bổ sung"},
	{"Yêu cầu thực hiện nghĩa vụ tài chính", "Chờ thanh toán phí",
	 "Chờ thực hiện nghĩa vụ tài chính"},
	{"Công dân yêu cầu rút hồ sơ", "Đã rút hồ sơ", "Rút hồ sơ"},
	{"Dừng xử lý", "Tạm dừng", "Đã hủy"},
	{"Đã xử lý xong", "Chờ trả kết quả", "Hoàn thành"},
	{"Đã trả kết quả", "Đã trả"},
};

static inline const char *
one_of(const char *const *w, int n)
{
	int k = 0;

	while (k < n && w[k])
		k++;
	return w[hpick(k)];
}

/* the dossier as of the end of day asof: finished, or not yet */
static inline int
finished_by(const struct dossier *d, struct day asof)
{
	return d->resolved && cmp_day(d->done, asof) <= 0;
}

static inline int
code_as_of(const struct dossier *d, struct day asof)
{
	if (d->status != 0)
		return d->code;
	return finished_by(d, asof) ? d->code : d->pending;
}

static const char *const holders[] = {
	"Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Văn Hùng", "Phạm Thị Thu Hà",
	"Huỳnh Minh Tuấn", "Võ Thị Lan", "Công ty TNHH Xây dựng \"Hoàng Long\"",
	"Công ty Cổ phần Đầu tư, Thương mại Sa Huỳnh", "Hộ kinh doanh Đặng Văn Sáu",
	"Bùi Thị Hoa; Bùi Văn Nam", "Đỗ Quang Vinh", "Trương Thị Mỹ Dung",
};
static const char *const notes[] = {
	"Bổ sung: bản sao CCCD; giấy xác nhận cư trú",
	"Đã hẹn lại\nlần 2",
	"Công dân phản ánh \"chậm\", đã giải thích",
	"Hồ sơ liên thông: khai sinh, thường trú, BHYT",
	"Nộp kèm bản chính; đối chiếu xong",
	"Trả qua bưu điện\nđịa chỉ: thôn 3, xã Bình Châu",
	"Liên hệ: 0255.3822.xxx",
	"Chờ ý kiến \"Phòng Tài nguyên và Môi trường\"; đã gửi văn bản",
};

/* Text decomposed (NFD), as some systems write Vietnamese; into buf. */
static inline const char *
nfd_text(const char *s, char *buf, size_t n)
{
	utf8proc_uint8_t *d = NULL;

	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &d,
	    UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE) < 0)
		return s;
	snprintf(buf, n, "%s", (const char *)d);
	free(d);
	return buf;
}

/* One CSV row: each cell quoted when it holds the delimiter, a quote, CR or
 * LF, or (as cchc-check quotes) a space at either end. */
static inline void
put_row(FILE *o, const char *const *cell, int n, char delim, const char *eol)
{
	int c;

	for (c = 0; c < n; c++) {
		const char *s = cell[c] ? cell[c] : "";
		size_t len = strlen(s);
		int q = strchr(s, delim) || strchr(s, '"') || strchr(s, '\r') ||
		    strchr(s, '\n') || (len && (s[0] == ' ' || s[len - 1] == ' '));

		if (c)
			putc(delim, o);
		if (!q) {
			fputs(s, o);
			continue;
		}
		putc('"', o);
		for (; *s; s++) {
			if (*s == '"')
				putc('"', o);
			putc(*s, o);
		}
		putc('"', o);
	}
	fputs(eol, o);
}

/* The twin's columns, in the order of the raw file's: canonical names for the
 * columns cchc-check knows, the folded header for the others. */
enum twin_col {
	T_STT, T_MA_HO_SO, T_MA_TTHC, T_TEN_TTHC, T_LINH_VUC, T_CO_QUAN, T_CAP,
	T_KENH, T_MUC_DO, T_CHU_HO_SO, T_TRANG_THAI, T_TIEP_NHAN, T_HEN_TRA,
	T_KET_QUA, T_NGAY_TRA, T_GHI_CHU,
	/* the portal's flags */
	T_CO_PHI, T_THANH_TOAN, T_SO_HOA, T_KQ_DIEN_TU, T_TAI_SU_DUNG, T_KHO_DU_LIEU,
	T_VNEID, T_DANH_GIA
};
static const char *const twin_name[] = {
	"stt", "ma_ho_so", "ma_tthc", "ten_tthc", "linh_vuc", "co_quan", "cap",
	"kenh", "muc_do_dvc", "chu_ho_so", "trang_thai", "ngay_tiep_nhan",
	"ngay_hen_tra", "ngay_tra_ket_qua", "ngay_tra", "ghi_chu",
	"co_phi", "thanh_toan_truc_tuyen", "so_hoa", "ket_qua_dien_tu", "tai_su_dung",
	"kho_du_lieu", "xac_thuc_vneid", "danh_gia"
};

/* A flag as the portal writes it ("1", "0"; the rating's words, or empty
 * when there is none); finished: the dossier's status is 7 to 10 as written.
 * twin: as cchc-check writes it (the flags the same, the rating's code). */
static inline const char *
flag_text(int col, const struct dossier *d, int finished, int twin)
{
	int fee = proc_fee[d->pr];

	switch (col) {
	case T_CO_PHI: return fee ? "1" : "0";
	case T_THANH_TOAN: return fee && d->paid ? "1" : "0";
	case T_SO_HOA: return d->digitised ? "1" : "0";
	case T_KQ_DIEN_TU: return finished && d->e_result ? "1" : "0";
	case T_TAI_SU_DUNG: return d->reused ? "1" : "0";
	case T_KHO_DU_LIEU: return d->from_store ? "1" : "0";
	case T_VNEID: return d->ch == 0 && d->vneid ? "1" : "0";
	case T_DANH_GIA:
		return finished && d->rating >= 0 ? (twin ? rating_code : ratings)[d->rating] : "";
	}
	return "";
}

/* One dossier as the twin has it. stt: its number in the raw file; the dates
 * as the raw file shows them (when.prec < 0: empty). */
static inline void
put_twin(FILE *o, const enum twin_col *col, int ncol, const struct dossier *d,
         long stt, int code, struct when recv, struct when due, struct when done,
         struct when handover)
{
	char b[32][64], stt_s[24];
	const char *cell[32];
	int c;

	for (c = 0; c < ncol; c++) {
		const char *v = "";
		struct when w = {{0, 0, 0}, 0, 0, 0, -1};

		switch (col[c]) {
		case T_STT: snprintf(stt_s, sizeof stt_s, "%ld", stt); v = stt_s; break;
		case T_MA_HO_SO: v = d->id; break;
		case T_MA_TTHC: v = procs[d->pr].code; break;
		case T_TEN_TTHC: v = procs[d->pr].name; break;
		case T_LINH_VUC: v = procs[d->pr].field; break;
		case T_CO_QUAN: v = d->unit; break;
		case T_CAP: v = cap_code[d->lv]; break;
		case T_KENH: v = kenh_code[d->ch]; break;
		case T_MUC_DO: v = muc_do_code[d->sl]; break;
		case T_CHU_HO_SO: v = d->holder >= 0 ? holders[d->holder] : ""; break;
		case T_TRANG_THAI: snprintf(b[c], sizeof b[c], "%d", code); v = b[c]; break;
		case T_TIEP_NHAN: w = recv; break;
		case T_HEN_TRA: w = due; break;
		case T_KET_QUA: w = done; break;
		case T_NGAY_TRA: w = handover; break;
		case T_GHI_CHU: v = d->note >= 0 ? notes[d->note] : ""; break;
		default: v = flag_text(col[c], d, code >= 7, 1); break;
		}
		if (w.prec >= 0) {
			iso_when(b[c], sizeof b[c], w);
			v = b[c];
		}
		cell[c] = v;
	}
	put_row(o, cell, ncol, ',', "\n");
}

static inline void
put_twin_header(FILE *o, const enum twin_col *col, int ncol)
{
	const char *cell[32];
	int c;

	for (c = 0; c < ncol; c++)
		cell[c] = twin_name[col[c]];
	put_row(o, cell, ncol, ',', "\n");
}

#endif
