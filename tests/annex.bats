#!/usr/bin/env bats
# cchc-table, an annex a person would sign: the heading and provenance
# (--unit, --title, --ref, --period, --note) in txt, md and html, several
# forms in one document, and the period's forms and mistakes.

load helper

# A small form: a heading row, a rate of two rows, and the two rows.
small_form() {
	printf '%s\n' 'stt,chi_tieu,don_vi,nguon,ghi_chu' '1,Kết quả,,,' \
		'1.1,Tỷ lệ đúng hạn,%,=1.1.2/1.1.1,' '1.1.1,Đã giải quyết,Hồ sơ,tinh.da_giai_quyet,' \
		'1.1.2,Đúng hạn,Hồ sơ,tinh.gq_truoc_han+tinh.gq_dung_han,' > "$T/f.csv"
}

# The seed's Phụ lục: its unit, its title, its report, the 2024 period, and
# where the figures come from.
SEED_HEADING=(--unit "UBND TỈNH QUẢNG NGÃI" --unit "VĂN PHÒNG" --title "Phụ lục"
	--title "THỐNG KÊ SỐ LIỆU CCHC NĂM 2024"
	--ref "Báo cáo số 3058/BC-VP ngày 12/12/2024 của Văn phòng UBND tỉnh" --period 2024
	--note "Số liệu từ xuat-2024.csv: 3.000 hồ sơ, 12 bị loại")

@test "annex: txt: the unit beside the national title, the title, the report, the period, the form, the notes" {
	small_form
	run -0 --separate-stderr cchc-table --form "$T/f.csv" --format txt "${SEED_HEADING[@]}" "$DATA/seed-counts.csv"
	assert_output - <<'OUT'
UBND TỈNH QUẢNG NGÃI    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
     VĂN PHÒNG             Độc lập - Tự do - Hạnh phúc

Phụ lục
THỐNG KÊ SỐ LIỆU CCHC NĂM 2024
(Kèm theo Báo cáo số 3058/BC-VP ngày 12/12/2024 của Văn phòng UBND tỉnh)
Kỳ báo cáo: từ ngày 15/12/2023 đến ngày 14/12/2024

f.csv

STT    Chỉ tiêu thống kê  Đơn vị tính  Số liệu  Ghi chú
-----  -----------------  -----------  -------  -------
1      Kết quả
1.1    Tỷ lệ đúng hạn     %             99,95%
1.1.1  Đã giải quyết      Hồ sơ        123.747
1.1.2  Đúng hạn           Hồ sơ        123.683

Số liệu từ xuat-2024.csv: 3.000 hồ sơ, 12 bị loại
OUT
	assert_equal "$stderr" ""
	[ "$(printf '%s\n' "$output" | grep -c ' $')" -eq 0 ]
	# without --title the form's title is the document's: the report and the
	# period follow it; --locale en says the fixed words in English
	run -0 --separate-stderr cchc-table --form bm1 --format txt --locale en --unit "Văn phòng" \
		--ref "Báo cáo 3058" --period 2024-Q1 "$DATA/seed-values.csv"
	printf '%s\n' "$output" | head -n 7 | diff - <(printf '%s\n' \
		"Văn phòng      SOCIALIST REPUBLIC OF VIETNAM" \
		"             Independence - Freedom - Happiness" \
		"" \
		"Biểu mẫu 1: Công tác chỉ đạo điều hành CCHC" \
		"(Attached to Báo cáo 3058)" \
		"Reporting period: from 15/12/2023 to 14/03/2024" \
		"")
	assert_line --index 5 --regexp "^No\. +Indicator"
	# no heading option: the annex as it always was
	run -0 --separate-stderr cchc-table --form bm1 --format txt "$DATA/seed-values.csv"
	printf '%s\n' "$output" | head -n 2 | diff - <(printf '%s\n' "Biểu mẫu 1: Công tác chỉ đạo điều hành CCHC" "")
	assert_line --index 1 --regexp "^STT +Chỉ tiêu thống kê"
}

@test "annex: md: the heading as a table of two columns, titles, paragraphs; every text escaped" {
	small_form
	run -0 --separate-stderr cchc-table --form "$T/f.csv" --format md "${SEED_HEADING[@]}" "$DATA/seed-counts.csv"
	assert_output - <<'OUT'
| UBND TỈNH QUẢNG NGÃI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
|:---:|:---:|
| VĂN PHÒNG | Độc lập - Tự do - Hạnh phúc |

# Phụ lục
# THỐNG KÊ SỐ LIỆU CCHC NĂM 2024

(Kèm theo Báo cáo số 3058/BC-VP ngày 12/12/2024 của Văn phòng UBND tỉnh)

Kỳ báo cáo: từ ngày 15/12/2023 đến ngày 14/12/2024

## f.csv

| STT | Chỉ tiêu thống kê | Đơn vị tính | Số liệu | Ghi chú |
|-------|--------------------------------------------------|------------|-----------:|-------------------|
| 1 | **Kết quả** |  |  |  |
| 1.1 | Tỷ lệ đúng hạn | % | 99,95% |  |
| 1.1.1 | Đã giải quyết | Hồ sơ | 123.747 |  |
| 1.1.2 | Đúng hạn | Hồ sơ | 123.683 |  |

Số liệu từ xuat-2024.csv: 3.000 hồ sơ, 12 bị loại
OUT
	# Markdown's marks are text; what would start a list, a heading, a quote or
	# code at a paragraph's start is escaped; a control character is shown
	run -0 --separate-stderr cchc-table --form "$T/f.csv" --format md --unit 'A | B' \
		--title '*T* <b>' --ref '[x](y)' --note '  - item' --note '12. số' --note '# h' \
		--note $'> q\033[1m' --note 'a_b `c`' "$DATA/seed-counts.csv"
	assert_output - <<'OUT'
| A \| B | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
|:---:|:---:|
|  | Độc lập - Tự do - Hạnh phúc |

# \*T\* \<b>

(Kèm theo \[x\](y))

## f.csv

| STT | Chỉ tiêu thống kê | Đơn vị tính | Số liệu | Ghi chú |
|-------|--------------------------------------------------|------------|-----------:|-------------------|
| 1 | **Kết quả** |  |  |  |
| 1.1 | Tỷ lệ đúng hạn | % | 99,95% |  |
| 1.1.1 | Đã giải quyết | Hồ sơ | 123.747 |  |
| 1.1.2 | Đúng hạn | Hồ sơ | 123.683 |  |

\- item

12\. số

\# h

\> q\\x1b\[1m

a\_b \`c\`
OUT
}

@test "annex: html: the heading, escaped, and the notes under the tables" {
	small_form
	run -0 --separate-stderr cchc-table --form "$T/f.csv" --format html "${SEED_HEADING[@]}" "$DATA/seed-counts.csv"
	assert_line --index 4 "<title>Phụ lục THỐNG KÊ SỐ LIỆU CCHC NĂM 2024</title>"
	printf '%s\n' "$output" | sed -n '/^<body>$/,/^<table>$/p' > "$T/head"
	diff - "$T/head" <<'OUT'
<body>
<table class="dau">
<tr><td>UBND TỈNH QUẢNG NGÃI<br>VĂN PHÒNG</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</td></tr>
</table>
<h1>Phụ lục<br>THỐNG KÊ SỐ LIỆU CCHC NĂM 2024</h1>
<p class="kem">(Kèm theo Báo cáo số 3058/BC-VP ngày 12/12/2024 của Văn phòng UBND tỉnh)</p>
<p class="ky">Kỳ báo cáo: từ ngày 15/12/2023 đến ngày 14/12/2024</p>
<h2>f.csv</h2>
<table>
OUT
	printf '%s\n' "$output" | sed -n '/^<\/table>$/,$p' | tail -n 4 > "$T/tail"
	diff - "$T/tail" <<'OUT'
</table>
<p class="ghi">Số liệu từ xuat-2024.csv: 3.000 hồ sơ, 12 bị loại</p>
</body>
</html>
OUT
	run -0 --separate-stderr cchc-table --form "$T/f.csv" --format html --unit '<script>' \
		--title 'A & "B"' --ref "x'y" --note $'<i>\033' "$DATA/seed-counts.csv"
	assert_line '<tr><td>&lt;script&gt;</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</td></tr>'
	assert_line '<title>A &amp; &quot;B&quot;</title>'
	assert_line '<h1>A &amp; &quot;B&quot;</h1>'
	assert_line '<p class="kem">(Kèm theo x&#39;y)</p>'
	assert_line '<p class="ghi">&lt;i&gt;\x1b</p>'
	# one form without --title: its title is the page's, the lines follow it
	run -0 --separate-stderr cchc-table --form "$T/f.csv" --format html --ref R --period 2024-06 "$DATA/seed-counts.csv"
	printf '%s\n' "$output" | sed -n '/^<body>$/,/^<table>$/p' > "$T/head"
	diff - "$T/head" <<'OUT'
<body>
<h1>f.csv</h1>
<p class="kem">(Kèm theo R)</p>
<p class="ky">Kỳ báo cáo: từ ngày 15/05/2024 đến ngày 14/06/2024</p>
<table>
OUT
}

@test "annex: --period takes cchc-sum's periods and says their bounds; its mistakes are exit 2" {
	small_form
	while IFS='|' read -r opts want; do
		# shellcheck disable=SC2086
		run -0 --separate-stderr cchc-table --form "$T/f.csv" --format txt $opts "$DATA/seed-counts.csv" < /dev/null
		assert_line --index 1 "Kỳ báo cáo: từ ngày $want"
	done <<'TABLE'
--period 2024|15/12/2023 đến ngày 14/12/2024
--period 2024-H1|15/12/2023 đến ngày 14/06/2024
--period 2024-H2|15/06/2024 đến ngày 14/12/2024
--period 2024-9M|15/12/2023 đến ngày 14/09/2024
--period 2024-Q1|15/12/2023 đến ngày 14/03/2024
--period 2024-Q3|15/06/2024 đến ngày 14/09/2024
--period 2024-06|15/05/2024 đến ngày 14/06/2024
--period 2024-01|15/12/2023 đến ngày 14/01/2024
--period=2024-Q1 --calendar|01/01/2024 đến ngày 31/03/2024
--period 2024-02 --calendar|01/02/2024 đến ngày 29/02/2024
--from 01/03/2024 --to 2024-03-31|01/03/2024 đến ngày 31/03/2024
--from 20240101 --to 31.12.2024|01/01/2024 đến ngày 31/12/2024
TABLE
	while IFS='|' read -r opts message; do
		# shellcheck disable=SC2086
		run -2 --separate-stderr cchc-table --form "$T/f.csv" $opts "$DATA/seed-counts.csv" < /dev/null
		assert_output ""
		assert_equal "$(head -n 1 <<< "$stderr")" "cchc-table: $message"
		[[ "$stderr" == *$'\nusage: cchc-table '* ]]
	done <<'TABLE'
--period 2024-Q5|--period: not a period: "2024-Q5" (2024, 2024-H1, 2024-H2, 2024-9M, 2024-Q1..Q4, 2024-01..12)
--period 24|--period: not a period: "24" (2024, 2024-H1, 2024-H2, 2024-9M, 2024-Q1..Q4, 2024-01..12)
--period 2024 --from 01/01/2024|--period or --from/--to, not both
--calendar|--calendar goes with --period
--calendar --from 1/1/2024 --to 2/1/2024|--calendar goes with --period
--from 01/01/2024|--from needs --to: a period is both its days
--to 01/01/2024|--to needs --from: a period is both its days
--from 31/02/2024 --to 01/03/2024|--from: no such day: "31/02/2024"
--from 01/03/2024 --to 01/02/2024|--to 01/02/2024 is before --from 01/03/2024
TABLE
}

@test "annex: csv stays the plain table whatever the heading; one form only" {
	small_form
	run -0 --separate-stderr cchc-table --form "$T/f.csv" "${SEED_HEADING[@]}" "$DATA/seed-counts.csv"
	assert_output "$(cchc-table --form "$T/f.csv" "$DATA/seed-counts.csv")"
	assert_line --index 0 "stt,chi_tieu,don_vi,so_lieu,ghi_chu"
	run -2 --separate-stderr cchc-table --form bm3,bm7 "$DATA/seed-counts.csv" "$DATA/seed-values.csv"
	assert_output ""
	assert_equal "$stderr" "cchc-table: --format csv is one form's table (what cchc-check --form reads): name one --form, or write several as md, html, txt or xlsx"
	run -2 --separate-stderr cchc-table --form bm3 --form bm7 --excel "$DATA/seed-counts.csv"
	assert_equal "$stderr" "cchc-table: --format csv is one form's table (what cchc-check --form reads): name one --form, or write several as md, html, txt or xlsx"
	run -2 --separate-stderr cchc-table --form bm3, "$DATA/seed-counts.csv"
	assert_equal "$stderr" 'cchc-table: --form: an empty form name in "bm3,"'
}

@test "annex: several forms: one document, the heading once, each form with its heading, the notes at the end" {
	run -1 --separate-stderr cchc-table --form bm3,bm7 --format md --title "Phụ lục" --note "N" \
		"$DATA/seed-counts.csv" "$DATA/seed-values.csv"
	assert_equal "$stderr" "cchc-table: bm3: 1.1: no value for tthc_don_gian_hoa in the data"
	# the headings in order, each form's table whole: its rows as the form alone writes them
	assert_equal "$(printf '%s\n' "$output" | grep '^#')" $'# Phụ lục\n## Biểu mẫu 3: Cải cách thủ tục hành chính\n## Biểu mẫu 7: Xây dựng và phát triển Chính quyền điện tử, Chính quyền số'
	# each form's section is what the form alone writes
	cchc-table --form bm3 --format md "$DATA/seed-counts.csv" "$DATA/seed-values.csv" > "$T/bm3.md" 2>/dev/null || true
	cchc-table --form bm7 --format md "$DATA/seed-counts.csv" "$DATA/seed-values.csv" > "$T/bm7.md"
	printf '%s\n' "$output" | awk '/^## /{n++} n == 1' | sed '$d' | diff "$T/bm3.md" -
	printf '%s\n' "$output" | awk '/^## /{n++} n == 2' | sed '$d' | sed '$d' | diff "$T/bm7.md" -
	assert_equal "$(printf '%s\n' "$output" | tail -n 2)" $'\nN'
	# a form file and a built-in, and a form file whose name holds a comma, taken whole
	printf '%s\n' 'stt,chi_tieu,don_vi,nguon,ghi_chu' '1,Nhiệm vụ,Nhiệm vụ,nv_duoc_giao,' > "$T/a,b.csv"
	run -0 --separate-stderr cchc-table --form "$T/a,b.csv" --form bm1 --format txt "$DATA/seed-values.csv"
	printf '%s\n' "$output" | head -n 7 | diff - <(printf '%s\n' "a,b.csv" "" \
		"STT  Chỉ tiêu thống kê  Đơn vị tính  Số liệu  Ghi chú" \
		"---  -----------------  -----------  -------  -------" \
		"1    Nhiệm vụ           Nhiệm vụ         210" "" \
		"Biểu mẫu 1: Công tác chỉ đạo điều hành CCHC")
	# html: one page, a section per form
	run -1 --separate-stderr cchc-table --form bm3,bm7 --format html "$DATA/seed-counts.csv" "$DATA/seed-values.csv"
	assert_equal "$(printf '%s\n' "$output" | grep -c '^<!DOCTYPE html>$')" 1
	assert_equal "$(printf '%s\n' "$output" | grep -c '^</html>$')" 1
	assert_equal "$(printf '%s\n' "$output" | grep '^<h[12]>\|^<title>')" $'<title>Biểu mẫu 3, Biểu mẫu 7</title>\n<h2>Biểu mẫu 3</h2>\n<h2>Biểu mẫu 7</h2>'
	# a value missing or bad is named with its form's name
	printf 'ten,gia_tri\nnv_duoc_giao,1.5\n' > "$T/v.csv"
	run -1 --separate-stderr cchc-table --form bm1,bm1 --format txt "$T/v.csv"
	[[ "$stderr" == *"v.csv:2: a count has no fraction (nv_duoc_giao, for bm1 5.1): \"1.5\""* ]]
	[[ "$stderr" == *"cchc-table: bm1: 5.2: no value for nv_hoan_thanh_dung_han in the data"* ]]
}

# The rows of the tables of a docx with five columns, through pandoc's html,
# as CSV: what Word shows in each cell.
docx_rows() {
	pandoc -f docx -t html "$1" | python3 -c '
import csv, html.parser, sys
class Rows(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell = [], None, None
    def handle_starttag(self, tag, attrs):
        if tag == "tr": self.row = []
        elif tag in ("td", "th"): self.cell = ""
    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.row is not None:
            self.row.append(" ".join(self.cell.split())); self.cell = None
        elif tag == "tr":
            if len(self.row) == 5: self.rows.append(self.row)
            self.row = None
    def handle_data(self, data):
        if self.cell is not None: self.cell += data
p = Rows(); p.feed(sys.stdin.read())
csv.writer(sys.stdout, lineterminator="\n").writerows(p.rows)'
}

@test "annex: Word: pandoc makes a docx of the md and of the html; the heading and every row read back are the annex's" {
	command -v pandoc > /dev/null || skip "no pandoc (make deps installs it)"
	cchc-table --form bm3,bm7 --format md --partial "${SEED_HEADING[@]}" "$DATA/seed-counts.csv" "$DATA/seed-values.csv" > "$T/phu-luc.md" 2>/dev/null
	cchc-table --form bm3,bm7 --format html --partial "${SEED_HEADING[@]}" "$DATA/seed-counts.csv" "$DATA/seed-values.csv" > "$T/phu-luc.html" 2>/dev/null
	# the annex's rows, with its column heads, in the Vietnamese style
	{
		cchc-table --form bm3 --locale vi --partial "$DATA/seed-counts.csv" "$DATA/seed-values.csv" 2>/dev/null |
			sed '1s/.*/STT,Chỉ tiêu thống kê,Đơn vị tính,Số liệu,Ghi chú/'
		cchc-table --form bm7 --locale vi "$DATA/seed-counts.csv" "$DATA/seed-values.csv" |
			sed '1s/.*/STT,Chỉ tiêu thống kê,Đơn vị tính,Số liệu,Ghi chú/'
	} > "$T/want.csv"
	grep -q '^3.1,.*,%,"99,95%",' "$T/want.csv"
	# the commands of the README and cchc-table(1): md read without pandoc's
	# "smart" typesetting, which would make a label's ... one character
	run -0 pandoc -f markdown-smart -o "$T/md.docx" "$T/phu-luc.md"
	run -0 pandoc -o "$T/html.docx" "$T/phu-luc.html"
	for from in md html; do
		docx_rows "$T/$from.docx" | diff "$T/want.csv" -
		pandoc -t plain --wrap=none "$T/$from.docx" > "$T/$from.txt"
		for line in "Phụ lục" "THỐNG KÊ SỐ LIỆU CCHC NĂM 2024" \
			"(Kèm theo Báo cáo số 3058/BC-VP ngày 12/12/2024 của Văn phòng UBND tỉnh)" \
			"Kỳ báo cáo: từ ngày 15/12/2023 đến ngày 14/12/2024" \
			"Số liệu từ xuat-2024.csv: 3.000 hồ sơ, 12 bị loại"; do
			grep -qF "$line" "$T/$from.txt" || { echo "$from.docx lacks: $line"; return 1; }
		done
		grep -qE 'UBND TỈNH QUẢNG NGÃI +CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' "$T/$from.txt"
	done
	# md: the heading in two halves; the columns as wide as the dashes under the heads say (7, 50, 12, 12, 19 of 100)
	assert_equal "$(unzip -p "$T/md.docx" word/document.xml | grep -o '<w:gridCol w:w="[0-9]*" */>' |
		sed 's/[^0-9]//g' | paste -sd' ')" "3960 3960 554 3960 950 950 1504 554 3960 950 950 1504"
}
