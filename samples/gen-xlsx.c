/* gen-xlsx: the dossiers of gen-export --excel as a workbook (.xlsx), the way
 * an office keeps its list in Excel; and its clean twin.
 *
 * usage: gen-xlsx [--rows N] [--seed S] [--year Y] [--excel-formats] [--twin FILE] OUT.xlsx
 *
 * One sheet: title rows merged across the table ("UBND TỈNH QUẢNG NGÃI", ...,
 * "Từ ngày ... đến ngày ..."), blank rows, a two-row header with merged cells
 * ("Thời gian" over three columns, "Mã hồ sơ" merged down), borders, wrapped
 * text; the received time a date cell (format dd/mm/yyyy hh:mm:ss), the due
 * day a date cell (dd/mm/yyyy), the result time a plain number (General), as
 * sheets hold it when the column was pasted from another system; a bordered
 * empty row now and then and a missing row once in a while; after the table a
 * "Tổng cộng" row (a formula with its value), the place and date, signatures.
 * --excel-formats: the dates in Excel's own built-in formats, as Excel gives a
 * cell you type a date into (numFmt 22 "m/d/yy h:mm" for the received time,
 * 14 "mm-dd-yy" for the due day; Excel shows them in the regional style, but
 * not every converter does), written with libxlsxwriter's datetime call.
 * --twin FILE: the same dossiers as gen-export --twin writes them: row i is
 * the dossier of gen-export --excel's row i; the precision of each date is
 * the cell's (the due day a date alone, the times to the second).
 * The same arguments always give the same bytes.
 *
 * What xlsx2csv (Debian's 0.7.8) makes of each kind of cell, found by trying:
 *   - a string: as is; quoted (RFC 4180, minimal) for the delimiter, a quote
 *     or a line break; `-d ';'` / `-d tab` change the delimiter (then a comma
 *     is no longer quoted); lines end in LF (`-l '\r\n'` for CRLF); no BOM.
 *   - a number without a style: the text of the XML as written (libxlsxwriter
 *     writes %.16G: 45503.60853009259); with a style whose format is General
 *     (a border is enough): printf %f, trailing zeros cut: 6 decimals,
 *     45503.608530 -> 45503.60853, 3000.0 -> 3000. A serial at 6 decimals is
 *     the time to 0.09 s: rounded to the nearest second it is exact;
 *     truncated it is a second early for half of all seconds.
 *   - a date cell: its format turned into strftime (yyyy %Y, dd %d, mm %m,
 *     hh:mm %H:%M, ss %S, AM/PM %p) and the value converted with Python's
 *     timedelta, the seconds truncated: dd/mm/yyyy hh:mm:ss gives
 *     30/07/2024 14:36:17. Three traps: a lone h becomes %I, the 12-hour
 *     clock, with no AM/PM unless the format has it (dd/mm/yyyy h:mm shows
 *     14:36 as 02:36, silently); the built-in formats are read in their US
 *     form whatever the locale (14: 07-30-24; 22, Excel's date-time: 07/30/24
 *     02:36, month first, two-digit year, 12-hour, no seconds); and the
 *     truncation: libxlsxwriter's worksheet_write_datetime stores 16 digits
 *     that are often a hair under the second (00:00:16 as
 *     45503.00018518518), which comes out as 00:00:15: 8,448 of the 86,400
 *     seconds of a day, 128 of its 1,440 whole minutes. So gen-xlsx writes its
 *     date cells as numbers of its own, the serial rounded up at the 11th
 *     decimal (never under the second, at most 1.2 us over), which
 *     timedelta always brings to the right second (checked for every second
 *     of several days).
 *   - --dateformat FMT (-f): every date cell through strftime(FMT), whatever
 *     its own format: a date-only cell then shows the time it holds (00:00:00,
 *     or a time the format hid), and a day-only due date with a time of
 *     00:00 makes every result on the due day late by the clock. `-f float`
 *     is the safe one: every date cell as its serial (%f: 45503.60853, a
 *     whole day 45510), exact to the second once rounded, whatever the
 *     formats were (built-in, h:mm, AM/PM).
 *   - merged cells: the value in the first cell, the others empty (a title
 *     row is "UBND TỈNH QUẢNG NGÃI,,,,..."; "Mã hồ sơ" merged down leaves the
 *     header's second row empty there); with -m the value is copied into
 *     every cell of the range (the title repeated 15 times, "Thời gian"
 *     three times, "Mã hồ sơ" in both header rows).
 *   - rows: every row padded to the sheet's width (its dimension); a row
 *     with no cell (never written) is an empty line; a row of empty styled
 *     cells is ",,,,"; -i drops both. --skipemptycolumns cuts every row to
 *     the first row's last non-empty cell: with a title row, to one column.
 *   - a formula: its cached value (libxlsxwriter writes 0 unless given one).
 * So the realistic pipelines: `xlsx2csv export.xlsx | cchc-check` for this
 * workbook (title rows, a two-row header, dd/mm/yyyy dates, 6-decimal serials,
 * the footer) and `xlsx2csv -f float export.xlsx | cchc-check` for any
 * workbook (with --excel-formats, only that one is right). */
#include <time.h>
#include <xlsxwriter.h>

#include "dossiers.h"

#define NCOLS 15

static const char *const head_top[NCOLS] = {
	"STT", "Mã hồ sơ", "Thủ tục hành chính", NULL, NULL, "Cơ quan giải quyết",
	"Cấp giải quyết", "Hình thức nộp", "Mức độ DVC", "Chủ hồ sơ", "Trạng thái",
	"Thời gian", NULL, NULL, "Ghi chú",
};
static const char *const head_sub[NCOLS] = {
	NULL, NULL, "Mã TTHC", "Tên thủ tục", "Lĩnh vực", NULL, NULL, NULL, NULL,
	NULL, NULL, "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày có kết quả", NULL,
};
static const enum twin_col cols[NCOLS] = {
	T_STT, T_MA_HO_SO, T_MA_TTHC, T_TEN_TTHC, T_LINH_VUC, T_CO_QUAN, T_CAP,
	T_KENH, T_MUC_DO, T_CHU_HO_SO, T_TRANG_THAI, T_TIEP_NHAN, T_HEN_TRA,
	T_KET_QUA, T_GHI_CHU,
};

static lxw_worksheet *ws;
static lxw_format *f_title, *f_head, *f_text, *f_num, *f_recv, *f_due, *f_plain;

/* A date-time's serial, as a number whose 16 significant digits (what
 * libxlsxwriter writes) are the exact value rounded up at the 11th decimal:
 * read back it is never under the second, so a reader that truncates (as
 * xlsx2csv does) and one that rounds both find it. */
static double
serial_of(struct when w)
{
	long day = serial_day(w.d);
	unsigned long long s = (unsigned long long)(w.hh * 3600 + w.mi * 60 + w.ss);
	unsigned long long f = (s * 100000000000ULL + 86399) / 86400;	/* ceil(s/86400 * 1e11) */
	char text[40], back[40];
	double x;
	size_t n;

	if (w.prec == 0 || s == 0)
		return (double)day;
	snprintf(text, sizeof text, "%ld.%011llu", day, f);
	n = strlen(text);
	while (text[n - 1] == '0')
		text[--n] = '\0';
	x = strtod(text, NULL);
	snprintf(back, sizeof back, "%.16G", x);
	if (strcmp(back, text) != 0 || day < 10000 || day > 99999 ||
	    (long long)((x - (double)day) * 86400.0 + 0.5) != (long long)s) {
		fprintf(stderr, "gen-xlsx: the serial %s of %02d:%02d:%02d does not come back\n",
		    text, w.hh, w.mi, w.ss);
		abort();
	}
	return x;
}

static lxw_datetime
lxw_of(struct when w)
{
	lxw_datetime t = {w.d.y, w.d.m, w.d.d, w.hh, w.mi, (double)w.ss};
	return t;
}

static void
text(int r, int c, const char *s, int nfd)
{
	char buf[512];

	worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c,
	    nfd ? nfd_text(s, buf, sizeof buf) : s, f_text);
}

static void
across(int r, int c1, int c2, const char *s, lxw_format *f)
{
	worksheet_merge_range(ws, (lxw_row_t)r, (lxw_col_t)c1, (lxw_row_t)r, (lxw_col_t)c2, s, f);
}

static void
usage(void)
{
	fputs("usage: gen-xlsx [--rows N] [--seed S] [--year Y] [--excel-formats] [--twin FILE] OUT.xlsx\n",
	    stderr);
	exit(2);
}

int
main(int argc, char *argv[])
{
	long rows = 3000, i;
	int year = 2024, builtin = 0, a, r, c;
	const char *out = NULL, *twin_path = NULL;
	char prev_id[40] = "", range[96], place[96], formula[64];
	FILE *twin = NULL;
	lxw_workbook *wb;
	lxw_doc_properties props = {0};
	lxw_error err;

	for (a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--rows") == 0 && a + 1 < argc)
			rows = atol(argv[++a]);
		else if (strcmp(argv[a], "--seed") == 0 && a + 1 < argc)
			seed_streams(strtoull(argv[++a], NULL, 10));
		else if (strcmp(argv[a], "--year") == 0 && a + 1 < argc)
			year = atoi(argv[++a]);
		else if (strcmp(argv[a], "--excel-formats") == 0)
			builtin = 1;
		else if (strcmp(argv[a], "--twin") == 0 && a + 1 < argc)
			twin_path = argv[++a];
		else if (argv[a][0] != '-' && !out)
			out = argv[a];
		else
			usage();
	}
	if (!out)
		usage();
	if (twin_path && (twin = fopen(twin_path, "w")) == NULL) {
		perror(twin_path);
		return 2;
	}
	if ((wb = workbook_new(out)) == NULL) {
		fprintf(stderr, "gen-xlsx: cannot create %s\n", out);
		return 2;
	}
	/* the same bytes for the same arguments: a fixed creation time (the
	 * signing day, 08:00 in Vietnam) */
	props.title = "Danh sách hồ sơ";
	props.author = "Trung tâm Phục vụ hành chính công";
	props.created = (time_t)(civil_days((struct day){year, 12, 12}) * 86400L + 3600L);
	workbook_set_properties(wb, &props);
	ws = workbook_add_worksheet(wb, "Danh sách hồ sơ");

	f_title = workbook_add_format(wb);
	format_set_bold(f_title);
	format_set_align(f_title, LXW_ALIGN_CENTER);
	f_head = workbook_add_format(wb);
	format_set_bold(f_head);
	format_set_border(f_head, LXW_BORDER_THIN);
	format_set_align(f_head, LXW_ALIGN_CENTER);
	format_set_align(f_head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(f_head);
	f_text = workbook_add_format(wb);
	format_set_border(f_text, LXW_BORDER_THIN);
	format_set_text_wrap(f_text);
	f_num = workbook_add_format(wb);	/* General, with a border */
	format_set_border(f_num, LXW_BORDER_THIN);
	f_recv = workbook_add_format(wb);
	format_set_border(f_recv, LXW_BORDER_THIN);
	f_due = workbook_add_format(wb);
	format_set_border(f_due, LXW_BORDER_THIN);
	if (builtin) {
		format_set_num_format_index(f_recv, 22);
		format_set_num_format_index(f_due, 14);
	} else {
		format_set_num_format(f_recv, "dd/mm/yyyy hh:mm:ss");
		format_set_num_format(f_due, "dd/mm/yyyy");
	}
	f_plain = workbook_add_format(wb);
	format_set_align(f_plain, LXW_ALIGN_CENTER);

	worksheet_set_column(ws, 0, 0, 6, NULL);
	worksheet_set_column(ws, 1, 1, 28, NULL);
	worksheet_set_column(ws, 2, 2, 10, NULL);
	worksheet_set_column(ws, 3, 4, 36, NULL);
	worksheet_set_column(ws, 5, 10, 18, NULL);
	worksheet_set_column(ws, 11, 13, 20, NULL);
	worksheet_set_column(ws, 14, 14, 30, NULL);

	across(0, 0, NCOLS - 1, "UBND TỈNH QUẢNG NGÃI", f_title);
	across(1, 0, NCOLS - 1, "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", f_title);
	across(3, 0, NCOLS - 1, "DANH SÁCH HỒ SƠ TIẾP NHẬN VÀ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", f_title);
	snprintf(range, sizeof range, "Từ ngày 01/12/%04d đến ngày 20/12/%04d", year - 1, year);
	across(4, 0, NCOLS - 1, range, f_plain);
	for (c = 0; c < NCOLS; c++) {	/* the header: the sheet's rows 7 and 8 */
		if (head_top[c] && !head_sub[c])
			worksheet_merge_range(ws, 6, (lxw_col_t)c, 7, (lxw_col_t)c, head_top[c], f_head);
		else if (head_top[c])
			across(6, c, c + 2, head_top[c], f_head);
		if (head_sub[c])
			worksheet_write_string(ws, 7, (lxw_col_t)c, head_sub[c], f_head);
	}
	worksheet_freeze_panes(ws, 8, 0);
	if (twin)
		put_twin_header(twin, cols, NCOLS);

	r = 8;
	for (i = 1; i <= rows; i++) {
		struct dossier d;
		struct when none = {{0, 0, 0}, 0, 0, 0, -1}, recv, due = none, done = none;
		const char *cell[NCOLS];

		draw_dossier(&d, i, year, 0, 0, prev_id);
		draw_more(&d);
		recv = shown(d.recv, d.rh, d.rmi, d.rs, 2);
		if (d.has_due)
			due = shown(d.due, 0, 0, 0, 0);
		if (d.resolved)
			done = shown(d.done, d.dh, d.dmi, d.ds, 2);
		cell[1] = d.id;
		cell[2] = procs[d.pr].code;
		cell[3] = procs[d.pr].name;
		cell[4] = procs[d.pr].field;
		cell[5] = d.unit;
		cell[6] = one_of(cap_words[d.lv], 4);
		cell[7] = one_of(kenh_words[d.ch < 2 ? d.ch : 2], 4);
		cell[8] = one_of(muc_do_words[d.sl < 2 ? d.sl : 2], 4);
		cell[9] = holders[d.holder];
		cell[10] = one_of(status_words[d.code], 4);
		cell[14] = d.note >= 0 ? notes[d.note] : "";
		worksheet_write_number(ws, (lxw_row_t)r, 0, (double)i, f_num);
		for (c = 1; c <= 10; c++)
			text(r, c, cell[c], d.nfd && c >= 3);
		if (builtin) {
			lxw_datetime t = lxw_of(recv);
			worksheet_write_datetime(ws, (lxw_row_t)r, 11, &t, f_recv);
		} else {
			worksheet_write_number(ws, (lxw_row_t)r, 11, serial_of(recv), f_recv);
		}
		if (d.has_due)
			worksheet_write_number(ws, (lxw_row_t)r, 12, serial_of(due), f_due);
		else
			worksheet_write_blank(ws, (lxw_row_t)r, 12, f_due);
		if (d.resolved)	/* the result time: a bare serial */
			worksheet_write_number(ws, (lxw_row_t)r, 13, serial_of(done), f_num);
		else
			worksheet_write_blank(ws, (lxw_row_t)r, 13, f_num);
		text(r, 14, cell[14], d.nfd);
		r++;
		if (i % 250 == 7) {	/* an empty row with its borders */
			for (c = 0; c < NCOLS; c++)
				worksheet_write_blank(ws, (lxw_row_t)r, (lxw_col_t)c, f_text);
			r++;
		}
		if (i % 1000 == 500)	/* a row left out: no cell at all */
			r++;
		if (twin)
			put_twin(twin, cols, NCOLS, &d, i, d.code, recv, due, done, none);
	}
	/* the footer */
	across(r, 0, 1, "Tổng cộng", f_head);
	snprintf(formula, sizeof formula, "=COUNTA(B9:B%d)", r);
	worksheet_write_formula_num(ws, (lxw_row_t)r, 2, formula, f_num, (double)rows);
	r += 2;
	snprintf(place, sizeof place, "Quảng Ngãi, ngày 12 tháng 12 năm %d", year);
	across(r, 11, 14, place, f_plain);
	r++;
	across(r, 1, 3, "NGƯỜI LẬP BIỂU", f_title);
	across(r, 11, 14, "THỦ TRƯỞNG ĐƠN VỊ", f_title);
	r++;
	across(r, 1, 3, "(Ký, ghi rõ họ tên)", f_plain);
	across(r, 11, 14, "(Ký tên, đóng dấu)", f_plain);

	if ((err = workbook_close(wb)) != LXW_NO_ERROR) {
		fprintf(stderr, "gen-xlsx: %s: %s\n", out, lxw_strerror(err));
		return 2;
	}
	if (twin && (ferror(twin) | fclose(twin)))
		return 2;
	return 0;
}
