/* gen-export: a synthetic dossier export, as a provincial one-stop system
 * writes it, for the demo, the tests and the benchmarks.
 *
 * usage: gen-export [--rows N] [--seed S] [--year Y] [--bad] [--portal]
 *
 * Default style: Vietnamese headers, a BOM, CRLF, dates as dd/mm/yyyy with
 * times before or after, codes in words, some text in decomposed Unicode (NFD).
 * --portal: the national portal's field names, LF, yyyyMMddHHmmss, numeric codes.
 * --bad: one row in 400 is wrong in one of the ways cchc-check rejects.
 * --lean: without the procedure's and the field's names (benchmark files).
 * The same arguments always give the same bytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static uint64_t rng = 88172645463325252ULL;

static uint64_t
next(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717ULL;
}

static int
pick(int n)
{
	return (int)(next() % (uint64_t)n);
}

/* percent chance */
static int
chance(int pct10000)
{
	return pick(10000) < pct10000;
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
static const char *const channels[] = {
	"Trực tuyến", "Trực tiếp", "Nộp qua bưu chính công ích",
	"Qua dịch vụ bưu chính công ích",
};
static const char *const service_levels[] = {"Toàn trình", "Một phần", "", "Mức độ 2"};

struct day { int y, m, d; };

static int
mdays(int y, int m)
{
	static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return md[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

static struct day
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

static int
cmp_day(struct day a, struct day b)
{
	if (a.y != b.y)
		return a.y - b.y;
	if (a.m != b.m)
		return a.m - b.m;
	return a.d - b.d;
}

static int portal, lean;

/* One date-time in this export's style; hh < 0 for a date alone. */
static void
put_date(struct day t, int hh, int mi, int ss, int style)
{
	if (portal) {
		printf("%04d%02d%02d%02d%02d%02d", t.y, t.m, t.d, hh < 0 ? 0 : hh, mi, ss);
		return;
	}
	if (hh < 0)
		printf("%02d/%02d/%04d", t.d, t.m, t.y);
	else if (style == 1)
		printf("%02d:%02d %02d/%02d/%04d", hh, mi, t.d, t.m, t.y);
	else
		printf("%02d/%02d/%04d %02d:%02d:%02d", t.d, t.m, t.y, hh, mi, ss);
}

/* Text as given, or decomposed (NFD), as some systems write Vietnamese. */
static void
put_text(const char *s, int nfd)
{
	utf8proc_uint8_t *d = NULL;
	int quote = strchr(s, ',') != NULL;

	if (quote)
		putchar('"');
	if (nfd && utf8proc_map((const utf8proc_uint8_t *)s, 0, &d,
	    UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE) >= 0) {
		fputs((const char *)d, stdout);
		free(d);
	} else {
		fputs(s, stdout);
	}
	if (quote)
		putchar('"');
}

int
main(int argc, char *argv[])
{
	long rows = 3000, i;
	int year = 2024, bad = 0, a;
	const char *eol;
	char prev_id[40] = "";

	for (a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--rows") == 0 && a + 1 < argc)
			rows = atol(argv[++a]);
		else if (strcmp(argv[a], "--seed") == 0 && a + 1 < argc)
			rng ^= strtoull(argv[++a], NULL, 10) * 0x9e3779b97f4a7c15ULL;
		else if (strcmp(argv[a], "--year") == 0 && a + 1 < argc)
			year = atoi(argv[++a]);
		else if (strcmp(argv[a], "--bad") == 0)
			bad = 1;
		else if (strcmp(argv[a], "--portal") == 0)
			portal = 1;
		else if (strcmp(argv[a], "--lean") == 0)
			lean = 1;
		else {
			fputs("usage: gen-export [--rows N] [--seed S] [--year Y] [--bad] [--portal] [--lean]\n", stderr);
			return 2;
		}
	}
	eol = portal ? "\n" : "\r\n";
	if (portal)
		printf("MaHoSo,MaTTHC,%sDonViXuLy,Cap,KenhThucHien,MucDo,"
		    "TrangThaiHoSo,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra%s",
		    lean ? "" : "TenTTHC,TenLinhVuc,", eol);
	else
		printf("\xef\xbb\xbfSTT,Mã hồ sơ,%sCơ quan giải quyết,"
		    "Cấp giải quyết,Hình thức nộp,Mức độ DVC,Trạng thái,Ngày tiếp nhận,"
		    "Ngày hẹn trả,Ngày có kết quả%s", lean ? "" : "Tên thủ tục,Lĩnh vực,", eol);
	for (i = 1; i <= rows; i++) {
		int lv = chance(3300) ? 0 : chance(1000) ? 1 : 2;
		int ag = pick(6), pr = pick(8), nfd = pick(7) == 0;
		int ch = chance(6000) ? 0 : chance(9500) ? 1 : 2 + pick(2);
		int sl = chance(3500) ? 0 : chance(9200) ? 1 : 2 + pick(2);
		/* received between 1 Dec of the year before and 20 Dec */
		struct day recv = add_days((struct day){year - 1, 12, 1}, pick(385));
		int rh = 7 + pick(10), rmi = pick(60), rs = pick(60);
		int span = 1 + pick(15), has_due = !chance(200);
		struct day due = add_days(recv, span);
		int status, resolved, late = chance(150), kind = -1;
		struct day done = recv;
		int dh = 7 + pick(11), dmi = pick(60), ds = pick(60);
		char id[40];

		if (bad && i % 400 == 200)
			kind = (int)(i / 400) % 8;
		if (chance(80))
			status = 1;		/* registered, never received */
		else if (chance(60))
			status = 3;		/* refused */
		else
			status = 0;
		resolved = status == 0 && !chance(300);
		if (resolved) {
			int took = late ? span + 1 + pick(10) : pick(span + 1);
			done = add_days(recv, took);
			if (cmp_day(done, (struct day){year, 12, 20}) > 0)
				resolved = 0;
			else if (cmp_day(done, recv) == 0 && (dh < rh || (dh == rh && dmi <= rmi)))
				dh = rh + (rh < 23), dmi = rmi;
		}
		snprintf(id, sizeof id, "%s.%d.%ld", lv == 0 ? "000.00.12.H48" :
		    lv == 1 ? "000.21.30.H48" : "000.45.31.H48", year, 100000 + i);
		if (kind == 0 && i > 1)	/* the previous row's id again */
			memcpy(id, prev_id, sizeof id);
		memcpy(prev_id, id, sizeof id);
		if (kind == 1)
			id[0] = '\0';
		if (!portal)
			printf("%ld,", i);
		printf("%s,", id);
		if (portal) {
			printf("%s,", procs[pr].code);
			if (!lean) {
				put_text(procs[pr].name, 0);
				putchar(',');
				put_text(procs[pr].field, 0);
				putchar(',');
			}
			put_text(agencies[lv][ag], 0);
			printf(",%s,%d,%d,%d,", lv == 0 ? "Tỉnh" : lv == 1 ? "Huyện" : "Xã", ch == 0 ? 2 : ch == 1 ? 1 : 3,
			    sl == 0 ? 4 : sl == 1 ? 3 : 2,
			    status == 1 ? 1 : status == 3 ? 3 : resolved ? 10 : 4);
		} else {
			if (!lean) {
				put_text(procs[pr].name, nfd);
				putchar(',');
				put_text(procs[pr].field, nfd);
				putchar(',');
			}
			put_text(agencies[lv][ag], nfd);
			printf(",%s,", levels[lv]);
			if (kind == 2)
				printf("Fax,");
			else
				printf("%s,", channels[ch]);
			printf("%s,%s,", service_levels[sl],
			    status == 1 ? "Mới đăng ký" : status == 3 ? "Không được tiếp nhận" :
			    resolved ? (pick(2) ? "Đã trả kết quả" : "Đã xử lý xong") : "Đang xử lý");
		}
		if (kind == 3)
			printf("31/02/%d 08:00:00", year);
		else if (kind == 4)	/* Excel on an English Windows */
			printf("12/%02d/%d", 13 + pick(15), year - 1);
		else
			put_date(recv, rh, rmi, rs, pick(5) == 0);
		if (kind == 5) {	/* a row cut short */
			fputs(eol, stdout);
			continue;
		}
		putchar(',');
		if (has_due)
			put_date(due, 17, 0, 0, 0);
		putchar(',');
		if (kind == 6)
			put_date(add_days(recv, 0), rh > 8 ? rh - 2 : 6, 0, 0, 0),
			    printf("x");
		else if (kind == 7 && recv.d > 1)
			put_date((struct day){recv.y, recv.m, recv.d - 1}, 9, 0, 0, 0);
		else if (resolved)
			put_date(done, dh, dmi, ds, 0);
		if (portal) {	/* handed over a day or two after */
			putchar(',');
			if (resolved)
				put_date(add_days(done, 1 + pick(3)), 10, 0, 0, 0);
		}
		fputs(eol, stdout);
	}
	return ferror(stdout) || fclose(stdout) ? 2 : 0;
}
