#!/usr/bin/env bats
# A wide form (06a) in the annex: its workbook sheet read back with xlsx2csv
# and compared with --format csv figure by figure, its merged head, total
# formulas, formats and widths read from the sheet's XML
# (tests/xlsx-dump.py); the heading and provenance in txt, md and html; with
# row forms in one run, and which table's groups are its rows (--groups);
# --chart; where the bytes go.

load helper

H06="tt,linh_vuc,tiep_nhan,nop_truc_tuyen,nop_truc_tiep_buu_chinh,ky_truoc,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han"
HDR="tiep_nhan,ky_truoc,moi_tiep_nhan,nop_truc_tuyen,nop_truc_tiep,nop_buu_chinh,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han"

# form06a.bats's eight dossiers in three fields, each worked by hand for
# 2024: 06a is
#   1 Chứng thực 1,0,1,0,1,0,1,0,0,0,0
#   2 Đất đai    4,1,2,1,3,1,1,1,1,0,1
#   3 Hộ tịch    2,2,0,0,1,1,0,0,1,1,0
#     Tổng cộng  7,3,3,1,5,2,2,1,2,1,1
dossiers() {
	cat > "$T/d.csv" <<'EOF'
ma_ho_so,linh_vuc,cap,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua
d1,Đất đai,tinh,truc_tuyen,2024-02-01,2024-02-10,2024-02-05
d2,Đất đai,tinh,truc_tiep,2024-02-01,2024-02-10,2024-02-10
d3,Đất đai,huyen,buu_chinh,2024-02-01,2024-02-10,2024-02-12
d4,Đất đai,huyen,truc_tiep,2023-12-01,2023-12-20,
h1,Hộ tịch,xa,truc_tuyen,2024-12-10,2024-12-20,
h2,Hộ tịch,xa,truc_tuyen,2024-05-01,2024-05-03,2024-05-02
c1,Chứng thực,xa,truc_tiep,2024-06-01,2024-06-01,2024-06-01
c2,Chứng thực,xa,truc_tiep,2025-01-01,2025-01-05,
EOF
	cchc-sum --period 2024 -g linh_vuc "$T/d.csv" > "$T/c.csv" 2>/dev/null
}

# The sheet's rows under its numbers (1) (2) (3)..., against the csv of the
# same form: every text the same, every figure the same number, nothing more.
same_wide_figures() {
	python3 - "$1" "$2" <<'PY'
import csv, sys
from decimal import Decimal
got = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
want = list(csv.reader(open(sys.argv[2], encoding="utf-8")))[1:]
start = next(i for i, r in enumerate(got) if r[:3] == ["(1)", "(2)", "(3)"]) + 1
got = got[start:start + len(want)]
bad = 0
def same(a, b):
    if a == b:
        return True
    try:
        return Decimal(a) == Decimal(b)
    except Exception:
        return False
for g, w in zip(got, want):
    if len(g) < len(w) or any(x for x in g[len(w):]) or not all(map(same, g, w)):
        print("differs:", g, "want", w)
        bad += 1
if len(got) != len(want):
    print("rows:", len(got), "want", len(want))
    bad += 1
sys.exit(1 if bad else 0)
PY
}

@test "wide xlsx: 06a's sheet: the heading, the head merged level by level, the numbers, a row per group, the total row as SUM() with its values; every figure the csv's" {
	dossiers
	run -0 --separate-stderr cchc-table --form 06a --format xlsx -o "$T/a.xlsx" --unit "UBND TỈNH QUẢNG NGÃI" \
		--unit "VĂN PHÒNG" --title "Phụ lục" --ref "Báo cáo số 3058" --period 2024 --note "Số liệu từ d.csv" "$T/c.csv"
	assert_output ""
	assert_equal "$stderr" ""
	assert_equal "$(unzip -p "$T/a.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"')" '<sheet name="06a"'
	cchc-table --form 06a "$T/c.csv" > "$T/06a.csv"
	same_wide_figures <(xlsx2csv -n 06a "$T/a.xlsx") "$T/06a.csv"
	python3 "$TOP/tests/xlsx-dump.py" "$T/a.xlsx" 06a > "$T/dump"
	tab=$'\t'
	# the heading over the 13 columns: the unit over A:F, the national title over G:M
	head -n 41 "$T/dump" | diff - <(sed "s/|/$tab/g" <<'OUT'
A1|UBND TỈNH QUẢNG NGÃI||General|bold
G1|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM||General|bold
A2|VĂN PHÒNG||General|bold
G2|Độc lập - Tự do - Hạnh phúc||General|bold
A4|Phụ lục||General|bold
A5|(Kèm theo Báo cáo số 3058)||General|italic
A6|Kỳ báo cáo: từ ngày 15/12/2023 đến ngày 14/12/2024||General
A8|Biểu II.06a/VPCP/KSTT||General|bold
A9|Tình hình, kết quả giải quyết TTHC||General|bold
A11|TT||General|bold
B11|Lĩnh vực||General|bold
C11|Số hồ sơ nhận giải quyết||General|bold
G11|Kết quả giải quyết||General|bold
C12|Tổng số||General|bold
D12|Trong kỳ||General|bold
F12|Từ kỳ trước||General|bold
G12|Số hồ sơ đã giải quyết||General|bold
K12|Số hồ sơ đang giải quyết||General|bold
D13|Trực tuyến||General|bold
E13|Trực tiếp, dịch vụ bưu chính||General|bold
G13|Tổng số||General|bold
H13|Trước hạn||General|bold
I13|Đúng hạn||General|bold
J13|Quá hạn||General|bold
K13|Tổng số||General|bold
L13|Trong hạn||General|bold
M13|Quá hạn||General|bold
A14|(1)||General|italic
B14|(2)||General|italic
C14|(3)||General|italic
D14|(4)||General|italic
E14|(5)||General|italic
F14|(6)||General|italic
G14|(7)||General|italic
H14|(8)||General|italic
I14|(9)||General|italic
J14|(10)||General|italic
K14|(11)||General|italic
L14|(12)||General|italic
M14|(13)||General|italic
A15|1||General
OUT
)
	# the head's merged cells are html's rowspan and colspan: TT and Lĩnh vực
	# down the three levels, the two groups across 4 and 7 columns, then
	# Tổng số and Từ kỳ trước down two, Trong kỳ across 2, the two results
	# across 4 and 3
	assert_equal "$(grep '^merge' "$T/dump" | paste -sd' ')" \
		"merge A1:F1 merge G1:M1 merge A2:F2 merge G2:M2 merge A4:M4 merge A5:M5 merge A6:M6 merge A8:M8 merge A9:M9 merge A11:A13 merge B11:B13 merge C11:F11 merge G11:M11 merge C12:C13 merge D12:E12 merge F12:F13 merge G12:J12 merge K12:M12"
	cchc-table --form 06a --format html "$T/c.csv" | grep -oE '<th( [^>]*)?>' | sort | uniq -c | sed 's/^ *//' | paste -sd' ' > "$T/spans"
	assert_equal "$(cat "$T/spans")" '1 <th colspan="2"> 1 <th colspan="3"> 2 <th colspan="4"> 1 <th colspan="7"> 2 <th rowspan="2"> 2 <th rowspan="3"> 22 <th>'
	# the rows: TT, the group and the counts as numbers; the total row bold,
	# blank under TT
	while IFS='|' read -r cell value formula format bold; do
		line="$cell$tab$value$tab$formula$tab$format${bold:+$tab$bold}"
		grep -qxF "$line" "$T/dump" || { echo "no $line: $(grep "^$cell$tab" "$T/dump")"; return 1; }
	done <<'TABLE'
A15|1||General|
B15|Chứng thực||General|
C15|1||#,##0|
A16|2||General|
B16|Đất đai||General|
C16|4||#,##0|
E16|2||#,##0|
M16|1||#,##0|
B17|Hộ tịch||General|
D17|2||#,##0|
B18|Tổng cộng||General|bold
C18|7|=SUM(C15:C17)|#,##0|bold
M18|1|=SUM(M15:M17)|#,##0|bold
A20|Số liệu từ d.csv||General|italic
TABLE
	[ "$(grep -c "^A18$tab" "$T/dump")" -eq 0 ]
	# every formula is the total row's, each worked out again from the cells it names
	run -0 python3 "$TOP/tests/xlsx-dump.py" --formulas "$T/a.xlsx" 06a
	assert_output - <<OUT
C18${tab}=SUM(C15:C17)${tab}7${tab}7
D18${tab}=SUM(D15:D17)${tab}3${tab}3
E18${tab}=SUM(E15:E17)${tab}3${tab}3
F18${tab}=SUM(F15:F17)${tab}1${tab}1
G18${tab}=SUM(G15:G17)${tab}5${tab}5
H18${tab}=SUM(H15:H17)${tab}2${tab}2
I18${tab}=SUM(I15:I17)${tab}2${tab}2
J18${tab}=SUM(J15:J17)${tab}1${tab}1
K18${tab}=SUM(K15:K17)${tab}2${tab}2
L18${tab}=SUM(L15:L17)${tab}1${tab}1
M18${tab}=SUM(M15:M17)${tab}1${tab}1
OUT
	# widths: TT 6, the group 30, a figure 12; the head and the numbers on
	# every printed page, the sheet's name quoted (it starts with a digit);
	# A4 landscape
	assert_equal "$(grep '^col' "$T/dump" | cut -f2- -d' ' | paste -sd' ')" \
		"1 6.7109375 2 30.7109375 3 12.7109375 4 12.7109375 5 12.7109375 6 12.7109375 7 12.7109375 8 12.7109375 9 12.7109375 10 12.7109375 11 12.7109375 12 12.7109375 13 12.7109375"
	unzip -p "$T/a.xlsx" xl/workbook.xml | grep -qF "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'06a'!\$11:\$14</definedName>"
	unzip -p "$T/a.xlsx" xl/worksheets/sheet1.xml | grep -qF '<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>'
	# a generated export by field: every figure the csv's, in any locale
	f=$(sample clean --rows 3000)
	cchc-check "$f" 2>/dev/null | cchc-sum --period 2024 -g linh_vuc --total > "$T/lv.csv" 2>/dev/null
	cchc-table --form 06a --format xlsx --locale en -o "$T/lv.xlsx" "$T/lv.csv"
	cchc-table --form 06a "$T/lv.csv" > "$T/lv-06a.csv"
	[ "$(wc -l < "$T/lv-06a.csv")" -gt 6 ]
	same_wide_figures <(xlsx2csv -n 06a "$T/lv.xlsx") "$T/lv-06a.csv"
	python3 "$TOP/tests/xlsx-dump.py" --formulas "$T/lv.xlsx" 06a > /dev/null
}

@test "wide xlsx: a count the data lacks or that is no count is an empty cell, its total empty, as in csv (exit 1); no group: the totals 0, no formula" {
	printf 'linh_vuc,tiep_nhan,ky_truoc,nop_truc_tuyen,nop_truc_tiep,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han\n' > "$T/c.csv"
	printf 'A,3,0,1,2,3,1,1,1,0,0,0\nB,1,0,"1,5",0,1,1,0,0,0,0,0\n' >> "$T/c.csv"
	run -1 --separate-stderr cchc-table --form 06a --format xlsx -o "$T/m.xlsx" "$T/c.csv"
	# the messages of csv, in the order read
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-table: (5) nop_truc_tiep_buu_chinh: "A": no value for nop_buu_chinh in the data
cchc-table: c.csv:3: a count has no fraction (nop_truc_tuyen, for column (4) of form 06a): "1,5"
cchc-table: (5) nop_truc_tiep_buu_chinh: "B": no value for nop_buu_chinh in the data
ERR
	run -1 --separate-stderr cchc-table --form 06a "$T/c.csv"
	printf '%s\n' "$output" > "$T/m.csv"
	assert_line --index 3 ",Tổng cộng,4,,,0,4,2,1,1,0,0,0"
	same_wide_figures <(xlsx2csv -n 06a "$T/m.xlsx") "$T/m.csv"
	# no formula where the total is empty: (4) and (5)
	assert_equal "$(unzip -p "$T/m.xlsx" xl/worksheets/sheet1.xml | grep -o '<f>[^<]*</f>' | paste -sd' ')" \
		"<f>SUM(C8:C9)</f> <f>SUM(F8:F9)</f> <f>SUM(G8:G9)</f> <f>SUM(H8:H9)</f> <f>SUM(I8:I9)</f> <f>SUM(J8:J9)</f> <f>SUM(K8:K9)</f> <f>SUM(L8:L9)</f> <f>SUM(M8:M9)</f>"
	# a table without groups: the total row alone, its figures 0
	printf 'linh_vuc,%s\n' "$HDR" > "$T/e.csv"
	run -0 cchc-table --form 06a --format xlsx -o "$T/e.xlsx" "$T/e.csv"
	assert_equal "$(xlsx2csv -n 06a "$T/e.xlsx" | tail -n 1)" ",Tổng cộng,0,0,0,0,0,0,0,0,0,0,0"
	[ "$(unzip -p "$T/e.xlsx" xl/worksheets/sheet1.xml | grep -c '<f>')" -eq 0 ]
}

@test "wide xlsx: standard output or -o FILE; a full disk is exit 2, a closed pipe 141" {
	dossiers
	cchc-table --form 06a --format xlsx "$T/c.csv" | cat > "$T/pipe.xlsx"
	cchc-table --form 06a --format xlsx -o "$T/o.xlsx" "$T/c.csv"
	diff <(xlsx2csv -n 06a "$T/pipe.xlsx") <(xlsx2csv -n 06a "$T/o.xlsx")
	[ -c /dev/full ] && [ -w /dev/full ] || skip "no /dev/full device"
	run -2 --separate-stderr sh -c "cchc-table --form 06a --format xlsx '$T/c.csv' > /dev/full"
	assert_equal "$stderr" "cchc-table: write error on standard output: No space left on device"
	run -2 --separate-stderr cchc-table --form 06a --format xlsx -o /dev/full "$T/c.csv"
	assert_equal "$stderr" "cchc-table: write error on /dev/full: No space left on device"
	# 60,000 groups: a workbook of 2.5 MB, larger than a pipe holds (1 MiB)
	{
		printf 'linh_vuc,%s\n' "$HDR"
		seq 1 60000 | awk '{ print "g" $1 ",1,0,1,1,0,0,1,1,0,0,0,0,0" }'
	} > "$T/big.csv"
	run bash -c 'cchc-table --form 06a --format xlsx "$1" | head -c 10 > /dev/null; echo "${PIPESTATUS[0]}"' _ "$T/big.csv"
	assert_output 141
	cchc-table --form 06a --format xlsx -o "$T/big.xlsx" "$T/big.csv"
	assert_equal "$(xlsx2csv -n 06a "$T/big.xlsx" | tail -n 1)" ",Tổng cộng,60000,60000,0,0,60000,60000,0,0,0,0,0"
}

@test "wide heading: txt, md and html carry the unit, the title, the report, the period and the notes around 06a" {
	dossiers
	run -0 --separate-stderr cchc-table --form 06a --format txt --unit "UBND TỈNH" --title "Phụ lục" \
		--ref "Báo cáo số 3058" --period 2024-Q3 --note "Số liệu từ d.csv: 8 hồ sơ" "$T/c.csv"
	assert_output - <<'OUT'
UBND TỈNH    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc

Phụ lục
(Kèm theo Báo cáo số 3058)
Kỳ báo cáo: từ ngày 15/06/2024 đến ngày 14/09/2024

Biểu II.06a/VPCP/KSTT: Tình hình, kết quả giải quyết TTHC

                            Số hồ sơ nhận giải quyết                                     Kết quả giải quyết
                 ----------------------------------------------  ------------------------------------------------------------------
                                  Trong kỳ                              Số hồ sơ đã giải quyết           Số hồ sơ đang giải quyết
                          ------------------------               -------------------------------------  ---------------------------
                                       Trực tiếp,
                                      dịch vụ bưu
TT    Lĩnh vực   Tổng số  Trực tuyến     chính      Từ kỳ trước  Tổng số  Trước hạn  Đúng hạn  Quá hạn  Tổng số  Trong hạn  Quá hạn
(1)     (2)        (3)       (4)          (5)           (6)        (7)       (8)       (9)      (10)     (11)      (12)      (13)
---  ----------  -------  ----------  ------------  -----------  -------  ---------  --------  -------  -------  ---------  -------
  1  Chứng thực        1           0             1            0        1          0         1        0        0          0        0
  2  Đất đai           4           1             2            1        3          1         1        1        1          0        1
  3  Hộ tịch           2           2             0            0        1          1         0        0        1          1        0
     Tổng cộng         7           3             3            1        5          2         2        1        2          1        1

Số liệu từ d.csv: 8 hồ sơ
OUT
	assert_equal "$stderr" ""
	# md: without --title the form's title is the document's, the report and
	# the period under it
	run -0 --separate-stderr cchc-table --form 06a --format md --unit "UBND TỈNH" --unit "VĂN PHÒNG" \
		--ref "Báo cáo số 3058" --period 2024-Q3 --note "Số liệu từ d.csv: 8 hồ sơ" "$T/c.csv"
	printf '%s\n' "$output" | head -n 10 | diff - <(printf '%s\n' \
		"| UBND TỈNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |" "|:---:|:---:|" \
		"| VĂN PHÒNG | Độc lập - Tự do - Hạnh phúc |" "" \
		"## Biểu II.06a/VPCP/KSTT: Tình hình, kết quả giải quyết TTHC" "" \
		"(Kèm theo Báo cáo số 3058)" "" "Kỳ báo cáo: từ ngày 15/06/2024 đến ngày 14/09/2024" "")
	# the table is the one 06a alone writes
	printf '%s\n' "$output" | sed -n '11,19p' | diff - <(cchc-table --form 06a --format md "$T/c.csv" | tail -n +3)
	assert_equal "$(printf '%s\n' "$output" | tail -n 2)" $'\nSố liệu từ d.csv: 8 hồ sơ'
	# html
	run -0 --separate-stderr cchc-table --form 06a --format html --unit "UBND TỈNH" --title "Phụ lục" \
		--ref "Báo cáo số 3058" --period 2024 --note "Số liệu từ d.csv" "$T/c.csv"
	assert_line --index 4 "<title>Phụ lục</title>"
	printf '%s\n' "$output" | sed -n '/^<body>$/,/^<thead>$/p' | diff - <(cat <<'OUT'
<body>
<table class="dau">
<tr><td>UBND TỈNH</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</td></tr>
</table>
<h1>Phụ lục</h1>
<p class="kem">(Kèm theo Báo cáo số 3058)</p>
<p class="ky">Kỳ báo cáo: từ ngày 15/12/2023 đến ngày 14/12/2024</p>
<h2>Biểu II.06a/VPCP/KSTT</h2>
<p class="sub">Tình hình, kết quả giải quyết TTHC</p>
<table class="rong">
<thead>
OUT
)
	printf '%s\n' "$output" | tail -n 5 | diff - <(printf '%s\n' "</tbody>" "</table>" '<p class="ghi">Số liệu từ d.csv</p>' "</body>" "</html>")
	# the style sheet styles the wide table's head, numbers and total row
	assert_line "table.rong tr.tong td { font-weight: bold; }"
	# csv stays the table alone
	run -0 cchc-table --form 06a --unit U --title T --period 2024 --note N "$T/c.csv"
	assert_output "$(cchc-table --form 06a "$T/c.csv")"
}

@test "wide with row forms: one document, each form as it is alone; the groups of the tables keyed alike, --groups when the keys differ" {
	dossiers
	cchc-sum --period 2024 -g cap --total "$T/d.csv" > "$T/cap.csv" 2>/dev/null
	cchc-sum --period 2024 -g linh_vuc --total "$T/d.csv" > "$T/lv.csv" 2>/dev/null
	# Biểu mẫu 1 (values) and 06a: one table, its groups are the rows
	run -0 --separate-stderr cchc-table --form bm1,06a --format md --title "Phụ lục" --note N "$T/c.csv" "$DATA/seed-values.csv"
	assert_equal "$(printf '%s\n' "$output" | grep '^#')" $'# Phụ lục\n## Biểu mẫu 1: Công tác chỉ đạo điều hành CCHC\n## Biểu II.06a/VPCP/KSTT: Tình hình, kết quả giải quyết TTHC'
	cchc-table --form bm1 --format md "$DATA/seed-values.csv" > "$T/bm1.md"
	cchc-table --form 06a --format md "$T/c.csv" > "$T/06a.md"
	printf '%s\n' "$output" | awk '/^## /{n++} n == 1' | sed '$d' | diff "$T/bm1.md" -
	printf '%s\n' "$output" | awk '/^## /{n++} n == 2' | sed '$d' | sed '$d' | diff "$T/06a.md" -
	# html: one page; txt: one after the other
	run -0 --separate-stderr cchc-table --form 06a,bm1 --format html "$T/c.csv" "$DATA/seed-values.csv"
	assert_equal "$(printf '%s\n' "$output" | grep '^<h[12]>\|^<title>\|^<!DOCTYPE\|^</html>')" \
		$'<!DOCTYPE html>\n<title>Biểu II.06a/VPCP/KSTT, Biểu mẫu 1</title>\n<h2>Biểu II.06a/VPCP/KSTT</h2>\n<h2>Biểu mẫu 1</h2>\n</html>'
	# tables of two key columns' groups: the run is refused, never mixed
	run -2 --separate-stderr cchc-table --form bm3,06a --format md "$T/cap.csv" "$T/lv.csv" "$DATA/seed-values.csv"
	assert_output ""
	assert_equal "$stderr" "cchc-table: --form 06a: a wide form's rows are the groups of one table, and the data has tables keyed by cap ($T/cap.csv) and linh_vuc ($T/lv.csv): name its key columns with --groups (--groups linh_vuc)"
	# --groups names them: 06a's rows are the fields, bm3's figures the levels'
	run -0 --separate-stderr cchc-table --form bm3,06a --groups linh_vuc --format md "$T/cap.csv" "$T/lv.csv" "$TOP/samples/values-2024.csv"
	printf '%s\n' "$output" | awk '/^## /{n++} n == 2' | diff "$T/06a.md" -
	cchc-table --form bm3 --format md "$T/cap.csv" "$TOP/samples/values-2024.csv" > "$T/bm3.md"
	printf '%s\n' "$output" | awk '/^## /{n++} n == 1' | sed '$d' | diff "$T/bm3.md" -
	# as the header writes them, folded; the key columns of -k 2 with a comma or '/'
	while IFS='|' read -r k groups; do
		run -0 --separate-stderr cchc-table -k "$k" --form 06a,bm1 --groups "$groups" --format txt "$T/cap.csv" "$T/lv.csv" "$DATA/seed-values.csv"
		assert_line --regexp "^  2  Đất đai +4 +1 +2 +1 +3"
	done <<'TABLE'
1|Lĩnh vực
1| LINH_VUC
TABLE
	cchc-sum --period 2024 -g cap,linh_vuc "$T/d.csv" > "$T/cl.csv" 2>/dev/null
	for groups in cap,linh_vuc cap/linh_vuc; do
		run -0 --separate-stderr cchc-table -k 2 --form 06a --groups "$groups" "$T/cl.csv" "$DATA/seed-values.csv"
		assert_line --index 0 "tt,cap/linh_vuc,${H06#tt,linh_vuc,}"
		assert_line --index 1 "1,huyen/Đất đai,2,0,1,1,1,0,0,1,1,0,1"
	done
	# --groups's mistakes
	while IFS='|' read -r opts message; do
		# shellcheck disable=SC2086
		run -2 --separate-stderr cchc-table $opts "$T/cap.csv" "$T/lv.csv"
		assert_output ""
		assert_equal "$stderr" "cchc-table: ${message//\$T/$T}"
	done <<'TABLE'
--form 06a --groups co_quan|--groups co_quan: no table of the data is keyed by co_quan (its tables are keyed by cap ($T/cap.csv) and linh_vuc ($T/lv.csv))
--form 06a --groups cap,linh_vuc|--groups cap,linh_vuc: no table of the data is keyed by cap/linh_vuc (its tables are keyed by cap ($T/cap.csv) and linh_vuc ($T/lv.csv))
--form 06a --groups linh_vuc,|--groups: an empty column name in "linh_vuc,"
--form 06a --groups ,|--groups: an empty column name in ","
--form bm3 --groups linh_vuc|--groups names the tables whose groups a wide form (06a) lists: no --form is one
TABLE
	run -2 --separate-stderr cchc-table --form 06a --groups linh_vuc "$DATA/seed-values.csv"
	assert_equal "$stderr" "cchc-table: --groups linh_vuc: the data has no table (key columns, then counts), only values"
	# a wide form's message names its form when there are several
	printf 'linh_vuc,tiep_nhan\nA,1\n' > "$T/short.csv"
	run -1 --separate-stderr cchc-table --form bm1,06a --format txt "$T/short.csv" "$DATA/seed-values.csv"
	assert_equal "$(printf '%s\n' "$stderr" | head -n 1)" 'cchc-table: 06a: (4) nop_truc_tuyen: "A": no value for nop_truc_tuyen in the data'
}

@test "wide with row forms: one workbook, a sheet each, each sheet the one its form alone makes" {
	f=$(sample clean --rows 3000)
	cchc-check "$f" 2>/dev/null > "$T/clean.csv"
	cchc-sum --period 2024 -g cap --total "$T/clean.csv" 2>/dev/null | cchc-rate > "$T/cap.csv"
	cchc-sum --period 2024 -g muc_do_dvc --total "$T/clean.csv" > "$T/muc.csv" 2>/dev/null
	cchc-sum --period 2024 -g linh_vuc --total "$T/clean.csv" > "$T/lv.csv" 2>/dev/null
	# the README's command
	run -0 --separate-stderr cchc-table --form bm3,bm7,06a --groups linh_vuc --format xlsx -o "$T/all.xlsx" \
		--unit "VĂN PHÒNG" --period 2024 "$T/cap.csv" "$T/muc.csv" "$T/lv.csv" "$TOP/samples/values-2024.csv"
	assert_equal "$stderr" ""
	assert_equal "$(unzip -p "$T/all.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | paste -sd' ')" \
		'<sheet name="bm3" <sheet name="bm7" <sheet name="06a"'
	cchc-table --form bm3 --format xlsx -o "$T/bm3.xlsx" --unit "VĂN PHÒNG" --period 2024 "$T/cap.csv" "$TOP/samples/values-2024.csv"
	cchc-table --form 06a --format xlsx -o "$T/06a.xlsx" --unit "VĂN PHÒNG" --period 2024 "$T/lv.csv"
	diff <(xlsx2csv -n bm3 "$T/all.xlsx") <(xlsx2csv -n bm3 "$T/bm3.xlsx")
	diff <(xlsx2csv -n 06a "$T/all.xlsx") <(xlsx2csv -n 06a "$T/06a.xlsx")
	same_wide_figures <(xlsx2csv -n 06a "$T/all.xlsx") <(cchc-table --form 06a "$T/lv.csv")
	# each sheet's print titles name its own sheet: the head of bm3 and bm7
	# under the heading's 7 rows, 06a's 3 levels and its numbers
	assert_equal "$(unzip -p "$T/all.xlsx" xl/workbook.xml | grep -o '<definedName [^/]*/definedName>' | sort | paste -sd' ')" \
		"<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'bm3'!\$8:\$8</definedName> <definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">'bm7'!\$8:\$8</definedName> <definedName name=\"_xlnm.Print_Titles\" localSheetId=\"2\">'06a'!\$8:\$11</definedName>"
}

@test "wide --chart: the on-time and online rates of 06a's groups under its table" {
	dossiers
	run -0 --separate-stderr cchc-table --form 06a --format html --chart --target dung_han=90 "$T/c.csv"
	# Chứng thực 1/1 on time, 0/1 online; Đất đai 2/3 and 1/3; Hộ tịch 1/1 and 2/2
	printf '%s\n' "$output" | grep -E '^<rect class="cot|text-anchor="end"' | sed 's/ height=.*%<\/text>$//; s/^<rect class="cot \([a-z_]*\)" x="230" y="[0-9]*" width="\([0-9.]*\)"/\1 \2/' | diff - <(cat <<'OUT'
<text x="222" y="90" text-anchor="end">Chứng thực</text>
dung_han 400.00
truc_tuyen 0.00
<text x="222" y="134" text-anchor="end">Đất đai</text>
dung_han 266.68
truc_tuyen 133.32
<text x="222" y="178" text-anchor="end">Hộ tịch</text>
dung_han 400.00
truc_tuyen 400.00
OUT
)
	assert_line --partial '>66,67%</text>'
	assert_line --partial '>33,33%</text>'
	# under the table, before the page's end
	assert_equal "$(printf '%s\n' "$output" | grep -o '^</table>$\|^<figure\|^</html>$' | paste -sd' ')" "</table> <figure </html>"
	run -2 --separate-stderr cchc-table --form 06a --format xlsx --chart -o "$T/x.xlsx" "$T/c.csv"
	assert_equal "$stderr" "cchc-table: --chart goes with --format html: csv, md, txt and xlsx have no chart"
}
