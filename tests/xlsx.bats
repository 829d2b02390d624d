#!/usr/bin/env bats
# cchc-table --format xlsx: the annex as a workbook, one sheet per form, read
# back with xlsx2csv and compared with the csv of each form, figure by
# figure; the formulas, the formats, the bold rows, the widths and the
# heading read from the sheet's XML (tests/xlsx-dump.py); where the bytes
# go, and every way that can fail.

load helper

# The sheet's rows from its header row on, against the csv annex of the same
# form: every text the same, every other figure the same number, every
# percentage the figure/100 that the csv prints, to within a binary double's
# rounding.
same_figures() {
	python3 - "$1" "$2" <<'PY'
import csv, sys
from decimal import Decimal
got = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
want = list(csv.reader(open(sys.argv[2], encoding="utf-8")))[1:]
start = next(i for i, r in enumerate(got) if r[:2] == ["STT", "Chỉ tiêu thống kê"]) + 1
got = got[start:start + len(want)]
bad = 0
for g, w in zip(got, want):
    stt, label, unit, fig, note = w
    ok = g[:3] == [stt, label, unit] and g[4] == note
    if fig == "" or g[3] == "":
        ok = ok and fig == g[3]
    elif unit == "%":
        ok = ok and abs(Decimal(g[3]) * 100 - Decimal(fig)) < Decimal("1e-12")
    else:
        ok = ok and Decimal(g[3]) == Decimal(fig)
    if not ok:
        print("differs:", g, "want", w)
        bad += 1
if len(got) != len(want):
    print("rows:", len(got), "want", len(want))
    bad += 1
sys.exit(1 if bad else 0)
PY
}

counts() {
	local f
	f=$(sample clean --rows 3000)
	cchc-check "$f" 2>/dev/null | cchc-sum --period 2024 -g cap --total 2>/dev/null | cchc-rate > "$T/cap.csv"
	cchc-check "$f" 2>/dev/null | cchc-sum --period 2024 -g muc_do_dvc --total 2>/dev/null > "$T/muc.csv"
}

@test "xlsx: bm3 and bm7 from the counts by level and by service level: a sheet each, every figure the csv's" {
	counts
	run -0 --separate-stderr cchc-table --form bm3,bm7 --format xlsx -o "$T/a.xlsx" \
		"$T/cap.csv" "$T/muc.csv" "$TOP/samples/values-2024.csv"
	assert_output ""
	assert_equal "$stderr" ""
	assert_equal "$(unzip -p "$T/a.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | paste -sd' ')" \
		'<sheet name="bm3" <sheet name="bm7"'
	for f in bm3 bm7; do
		cchc-table --form $f "$T/cap.csv" "$T/muc.csv" "$TOP/samples/values-2024.csv" > "$T/$f.csv"
		xlsx2csv -n $f "$T/a.xlsx" > "$T/$f.got"
		same_figures "$T/$f.got" "$T/$f.csv"
		[ "$(awk -F, 'NR > 1 && $4 != ""' "$T/$f.csv" | wc -l)" -gt 5 ]
		# each formula, worked out again from the cells it names, is its cached value
		python3 "$TOP/tests/xlsx-dump.py" --formulas "$T/a.xlsx" $f > "$T/$f.formulas"
		[ "$(wc -l < "$T/$f.formulas")" -eq 5 ]
	done
	# the same forms in the other order, one --form each: the sheets follow
	run -0 cchc-table --form bm7 --form bm3 --format xlsx -o "$T/b.xlsx" "$T/cap.csv" "$T/muc.csv" "$TOP/samples/values-2024.csv"
	assert_equal "$(unzip -p "$T/b.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | paste -sd' ')" \
		'<sheet name="bm7" <sheet name="bm3"'
	# the counts of another export are other figures: a cell given twice
	sed 's/^tong,2/tong,3/' "$T/muc.csv" > "$T/muc2.csv"
	run -1 --separate-stderr cchc-table --form bm3,bm7 --format xlsx -o "$T/c.xlsx" "$T/cap.csv" "$T/muc2.csv" "$TOP/samples/values-2024.csv"
	[[ "$stderr" == *"muc2.csv:5: tong.tiep_nhan is given twice: "* ]]
}

@test "xlsx: the sheet: heading, bold section rows, numbers in their formats, sums and rates as formulas with their values, widths" {
	run -1 --separate-stderr cchc-table --form bm3 --format xlsx -o "$T/s.xlsx" \
		--unit "UBND TỈNH QUẢNG NGÃI" --unit "VĂN PHÒNG" --title "Phụ lục" --ref "Báo cáo số 3058" \
		--period 2024 --note "Số liệu từ xuat-2024.csv" "$DATA/seed-counts.csv" "$DATA/seed-values.csv"
	assert_equal "$stderr" "cchc-table: 1.1: no value for tthc_don_gian_hoa in the data"
	python3 "$TOP/tests/xlsx-dump.py" "$T/s.xlsx" bm3 > "$T/dump"
	tab=$'\t'
	head -n 17 "$T/dump" | diff - <(sed "s/|/$tab/g" <<'OUT'
A1|UBND TỈNH QUẢNG NGÃI||General|bold
C1|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM||General|bold
A2|VĂN PHÒNG||General|bold
C2|Độc lập - Tự do - Hạnh phúc||General|bold
A4|Phụ lục||General|bold
A5|(Kèm theo Báo cáo số 3058)||General|italic
A6|Kỳ báo cáo: từ ngày 15/12/2023 đến ngày 14/12/2024||General
A8|Biểu mẫu 3||General|bold
A9|Cải cách thủ tục hành chính||General|bold
A11|STT||General|bold
B11|Chỉ tiêu thống kê||General|bold
C11|Đơn vị tính||General|bold
D11|Số liệu||General|bold
E11|Ghi chú||General|bold
A12|1||General|bold
B12|Thống kê TTHC||General|bold
A13|1.1||General
OUT
)
	while IFS='|' read -r cell value formula format; do
		grep -qxF "$cell$tab$value$tab$formula$tab$format" "$T/dump" || { echo "no $cell: $(grep "^$cell$tab" "$T/dump")"; return 1; }
	done <<'TABLE'
D14|289||#,##0
D16|2815|=D17+D18+D19|#,##0
D17|2147||#,##0
D26|123747||#,##0
D27|123683||#,##0
D28|0.995|=ROUND(D30/D29,4)|0.00%
D31|0.9918|=ROUND(D33/D32,4)|0.00%
D34|1|=ROUND(D36/D35,4)|0.00%
TABLE
	# 99,95%: the nearest double to 0.9995, as libxlsxwriter writes it
	grep -qxE "D25${tab}0\.9995(000000000001)?$tab=ROUND\(D27/D26,4\)${tab}0\.00%" "$T/dump"
	# a row without a figure is an empty cell, no formula
	[ "$(grep -c "^D13$tab" "$T/dump")" -eq 0 ]
	grep -qx "A38${tab}Số liệu từ xuat-2024.csv${tab}${tab}General${tab}italic" "$T/dump"
	assert_equal "$(grep '^merge\|^col' "$T/dump" | sort | paste -sd' ')" \
		"col 1 8.7109375 col 2 60.7109375 col 3 14.7109375 col 4 14.7109375 col 5 34.7109375 merge A1:B1 merge A2:B2 merge A4:E4 merge A5:E5 merge A6:E6 merge A8:E8 merge A9:E9 merge C1:E1 merge C2:E2"
	# the formulas are formulas in the sheet's XML: 1.4 and the four rates
	assert_equal "$(unzip -p "$T/s.xlsx" xl/worksheets/sheet1.xml | grep -o '<f>[^<]*</f>' | paste -sd' ')" \
		"<f>D17+D18+D19</f> <f>ROUND(D27/D26,4)</f> <f>ROUND(D30/D29,4)</f> <f>ROUND(D33/D32,4)</f> <f>ROUND(D36/D35,4)</f>"
	# the header row repeats on every printed page, the sheet's name quoted
	# (bm3 reads as a cell to Excel); A4, as wide as the page
	unzip -p "$T/s.xlsx" xl/workbook.xml | grep -qF "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'bm3'!\$11:\$11</definedName>"
	unzip -p "$T/s.xlsx" xl/worksheets/sheet1.xml | grep -qF '<pageSetup paperSize="9" fitToHeight="0"'
	# --locale en: the heads and the fixed words in English; the numbers are Excel's
	cchc-table --form bm1 --format xlsx --locale en --unit U --period 2024-H2 -o "$T/e.xlsx" "$DATA/seed-values.csv"
	python3 "$TOP/tests/xlsx-dump.py" "$T/e.xlsx" bm1 | grep -E "^(A[1-8]|C[12]|D8)$tab" | diff - <(sed "s/|/$tab/g" <<'OUT'
A1|U||General|bold
C1|SOCIALIST REPUBLIC OF VIETNAM||General|bold
C2|Independence - Freedom - Happiness||General|bold
A4|Biểu mẫu 1||General|bold
A5|Công tác chỉ đạo điều hành CCHC||General|bold
A6|Reporting period: from 15/06/2024 to 14/12/2024||General
A8|No.||General|bold
D8|Figure||General|bold
OUT
)
}

@test "xlsx: rows of other kinds: decimals, a rate of sums, a sum of rates; a count summing a rate, a rate of a count by a rate: values, not formulas; a label like a formula: text" {
	printf '%s\n' 'stt,chi_tieu,don_vi,nguon,ghi_chu' '1,a,%,=2+3/4+5,' '2,b,Hồ sơ,p,' '3,c,Hồ sơ,q,' \
		'4,d,Hồ sơ,p,' '5,e,Hồ sơ,r,' '6,f,Hồ sơ,=1+2,' '7,g,lần,=2/4@1,' '8,h,%,=1+1,' \
		'9,i,%,t,' '10,k,%,=2/9,' > "$T/f.csv"
	printf 'ten,gia_tri\np,3\nq,4\nr,5\nt,"83,1"\n' > "$T/v.csv"
	run -0 cchc-table --form "$T/f.csv" "$T/v.csv"
	assert_output - <<'OUT'
stt,chi_tieu,don_vi,so_lieu,ghi_chu
1,a,%,87.50,
2,b,Hồ sơ,3,
3,c,Hồ sơ,4,
4,d,Hồ sơ,3,
5,e,Hồ sơ,5,
6,f,Hồ sơ,90.50,
7,g,lần,100.0,
8,h,%,175.00,
9,i,%,83.1,
10,k,%,3.61,
OUT
	run -0 --separate-stderr cchc-table --form "$T/f.csv" --format xlsx -o "$T/f.xlsx" "$T/v.csv"
	python3 "$TOP/tests/xlsx-dump.py" "$T/f.xlsx" f | grep '^D' > "$T/dump"
	tab=$'\t'
	diff - "$T/dump" <<OUT
D3${tab}Số liệu${tab}${tab}General${tab}bold
D4${tab}0.875${tab}=ROUND((D5+D6)/(D7+D8),4)${tab}0.00%
D5${tab}3${tab}${tab}#,##0
D6${tab}4${tab}${tab}#,##0
D7${tab}3${tab}${tab}#,##0
D8${tab}5${tab}${tab}#,##0
D9${tab}90.5${tab}${tab}#,##0.00
D10${tab}100${tab}=ROUND(D5/D7*100,1)${tab}#,##0.0
D11${tab}1.75${tab}=D4+D4${tab}0.00%
D12${tab}0.831${tab}${tab}0.0%
D13${tab}0.0361${tab}${tab}0.00%
OUT
	same_figures <(xlsx2csv -n f "$T/f.xlsx") <(cchc-table --form "$T/f.csv" "$T/v.csv")
	python3 "$TOP/tests/xlsx-dump.py" --formulas "$T/f.xlsx" f
	# a label a spreadsheet would run is a text cell: no formula, nothing added
	printf '%s\n' 'stt,chi_tieu,don_vi,nguon,ghi_chu' '1,"=HYPERLINK(""x"")",@x,p,+1+2' > "$T/g.csv"
	cchc-table --form "$T/g.csv" --format xlsx -o "$T/g.xlsx" "$T/v.csv"
	python3 "$TOP/tests/xlsx-dump.py" "$T/g.xlsx" g | grep '^[A-E]4' | diff - <(sed "s/|/$tab/g" <<'OUT'
A4|1||General
B4|=HYPERLINK("x")||General
C4|@x||General
D4|3||#,##0
E4|+1+2||General
OUT
)
	[ "$(unzip -p "$T/g.xlsx" xl/worksheets/sheet1.xml | grep -c '<f>')" -eq 0 ]
}

@test "xlsx: a workbook is never written to a terminal" {
	script -qec 'test -t 1' /dev/null < /dev/null > /dev/null 2>&1 || skip "no pseudo-terminal for script(1)"
	run script -qec "cchc-table --form bm1 --format xlsx '$DATA/seed-values.csv'; echo rc=\$?" /dev/null < /dev/null
	assert_output $'cchc-table: --format xlsx: standard output is a terminal: name the workbook with -o FILE, or redirect it (> FILE.xlsx)\r\nrc=2\r'
	# -o FILE on a terminal is fine: the terminal shows nothing
	run script -qec "cchc-table --form bm1 --format xlsx -o '$T/t.xlsx' '$DATA/seed-values.csv'; echo rc=\$?" /dev/null < /dev/null
	assert_output $'rc=0\r'
	unzip -tq "$T/t.xlsx"
}

@test "xlsx: -o FILE or standard output; a full disk, a closed pipe, a missing place are never success" {
	mkdir "$T/tmp"
	export TMPDIR="$T/tmp"
	# standard output that is a file or a pipe: the workbook, the same as -o's
	cchc-table --form bm1 --format xlsx "$DATA/seed-values.csv" > "$T/out.xlsx"
	cchc-table --form bm1 --format xlsx "$DATA/seed-values.csv" | cat > "$T/pipe.xlsx"
	cchc-table --form bm1 --format xlsx -o "$T/o.xlsx" "$DATA/seed-values.csv"
	for f in out pipe; do
		unzip -tq "$T/$f.xlsx"
		diff <(xlsx2csv -n bm1 "$T/$f.xlsx") <(xlsx2csv -n bm1 "$T/o.xlsx")
	done
	xlsx2csv -n bm1 "$T/o.xlsx" | grep -qx '6.1,Số lượng phiếu khảo sát,Số lượng,42000,'
	# -o replaces a file whole, never leaves one half written
	echo old > "$T/keep.xlsx"
	run -2 --separate-stderr cchc-table --form nope --format xlsx -o "$T/keep.xlsx" "$DATA/seed-values.csv"
	assert_equal "$(cat "$T/keep.xlsx")" old
	run -0 cchc-table --form bm1 --format xlsx -o "$T/keep.xlsx" "$DATA/seed-values.csv"
	unzip -tq "$T/keep.xlsx"
	# a full disk
	[ -c /dev/full ] && [ -w /dev/full ] || skip "no /dev/full device"
	run -2 --separate-stderr sh -c "cchc-table --form bm1 --format xlsx '$DATA/seed-values.csv' > /dev/full"
	assert_equal "$stderr" "cchc-table: write error on standard output: No space left on device"
	run -2 --separate-stderr cchc-table --form bm1 --format xlsx -o /dev/full "$DATA/seed-values.csv"
	assert_equal "$stderr" "cchc-table: write error on /dev/full: No space left on device"
	# a closed pipe: SIGPIPE, status 141 (a workbook of 2 MB: more than the
	# 1 MiB the tools ask of a pipe)
	awk 'BEGIN { print "stt,chi_tieu,don_vi,nguon,ghi_chu"
		for (i = 1; i <= 80000; i++) printf "%d,r%d,hồ sơ,x,\n", i, i }' > "$T/big.csv"
	printf 'ten,gia_tri\nx,5\n' > "$T/x.csv"
	run bash -c "cchc-table --form '$T/big.csv' --format xlsx '$T/x.csv' | head -c 10 > /dev/null; echo \${PIPESTATUS[0]}"
	assert_output 141
	# no temporary file is left behind, whatever happened
	assert_equal "$(ls -A "$T/tmp")" ""
	# a place that cannot be written
	run -2 --separate-stderr cchc-table --form bm1 --format xlsx -o "$T/no/such/dir/a.xlsx" "$DATA/seed-values.csv"
	assert_equal "$stderr" "cchc-table: cannot create a file beside $T/no/such/dir/a.xlsx: No such file or directory"
	TMPDIR="$T/none" run -2 --separate-stderr cchc-table --form bm1 --format xlsx -o "$T/x.xlsx" "$DATA/seed-values.csv"
	assert_equal "$stderr" "cchc-table: cannot create a temporary file in $T/none: No such file or directory"
	[ ! -e "$T/x.xlsx" ]
	# -o is the workbook's; never an input
	run -2 --separate-stderr cchc-table --form bm1 --format md -o "$T/x.md" "$DATA/seed-values.csv"
	assert_equal "$stderr" "cchc-table: -o names the workbook of --format xlsx; the other formats write standard output (> FILE)"
	cp "$DATA/seed-values.csv" "$T/v.csv"
	run -2 --separate-stderr cchc-table --form bm1 --format xlsx -o "$T/v.csv" "$T/v.csv"
	assert_equal "$stderr" "cchc-table: -o $T/v.csv is the input $T/v.csv: it would be destroyed; name another file"
	cmp "$T/v.csv" "$DATA/seed-values.csv"
}

@test "xlsx: sheet names as Excel takes them; a text longer than a cell is exit 2" {
	mkdir -p "$T/d"
	printf '%s\n' 'stt,chi_tieu,don_vi,nguon,ghi_chu' '1,a,Hồ sơ,v,' > "$T/d/a[1]:b?.csv"
	cp "$T/d/a[1]:b?.csv" "$T/d/BM1.csv"
	cp "$T/d/a[1]:b?.csv" "$T/d/'Biểu mẫu số 06a của Văn phòng Chính phủ'.csv"
	printf 'ten,gia_tri\nv,5\n' > "$T/v.csv"
	run -0 --separate-stderr cchc-table --format xlsx -o "$T/n.xlsx" --form "$T/d/a[1]:b?.csv" \
		--form "$T/d/'Biểu mẫu số 06a của Văn phòng Chính phủ'.csv" --form bm1,bm1 --form "$T/d/BM1.csv" \
		--partial "$T/v.csv"
	assert_equal "$(unzip -p "$T/n.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | sed 's/<sheet name=//')" \
		"$(printf '%s\n' '"a_1__b_"' '"_Biểu mẫu số 06a của Văn phòng"' '"bm1"' '"bm1 (2)"' '"BM1 (3)"')"
	xlsx2csv -n 'bm1 (2)' "$T/n.xlsx" | grep -q '^STT,'
	# Excel's cell holds 32767 characters
	long=$(head -c 40000 /dev/zero | tr '\0' x)
	printf '%s\n' 'stt,chi_tieu,don_vi,nguon,ghi_chu' "1,$long,Hồ sơ,v," > "$T/long.csv"
	run -2 --separate-stderr cchc-table --format xlsx -o "$T/l.xlsx" --form "$T/long.csv" "$T/v.csv"
	assert_equal "$stderr" "cchc-table: --format xlsx: a text of 40000 bytes is longer than a cell holds (32767 characters): \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\""
	[ ! -e "$T/l.xlsx" ]
	assert_equal "$(find "$T" -maxdepth 1 -name '.l.xlsx.*' | wc -l)" 0
}
