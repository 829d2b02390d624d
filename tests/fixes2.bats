#!/usr/bin/env bats
# A tester's faults, each with its regression: files that are not CSV named
# alike by every tool, UTF-16 without a byte-order mark, standard input read
# from the shell's offset by cchc-sum -j.

load helper

# The files that are not CSV, in $T: "NAME|the message after 'NAME: '", PROG
# standing for the tool's name.
not_csv_files() {
	printf 'PK\3\4\n' > "$T/fake.xlsx"
	"$TOP/samples/gen-xlsx" --rows 5 "$T/real.xlsx"
	printf '\320\317\021\340\241\261\032\341\000\000' > "$T/old.xls"
	printf 'PK\003\004\024\000\000\000\000\000\000\000!\000\000\000\000\000\000\000\000\000\000\000\000\000\010\000\000\000mimetypeapplication/vnd.oasis.opendocument.spreadsheet' > "$T/w.ods"
	printf '<html><table><tr><td>Mã hồ sơ</td></tr></table></html>\n' > "$T/page.xls"
	printf '<?xml version="1.0"?>\n<Workbook/>\n' > "$T/xml.xls"
	printf 'ma_ho_so,kenh\nK1,1\n' | iconv -f UTF-8 -t UTF-16LE > "$T/le.csv"
	printf 'Mã hồ sơ,Kênh\nK1,1\n' | iconv -f UTF-8 -t UTF-16BE > "$T/be.csv"
	printf '\377\376m\000a\000\n\000' > "$T/bom.csv"
	cat > "$T/cases" <<'CASES'
fake.xlsx|an Excel workbook (.xlsx), not CSV; convert it first: xlsx2csv -f float fake.xlsx | PROG (dates as serial numbers, read exactly)
real.xlsx|an Excel workbook (.xlsx), not CSV; convert it first: xlsx2csv -f float real.xlsx | PROG (dates as serial numbers, read exactly)
old.xls|an Excel 97-2003 workbook (.xls), not CSV; convert it first: libreoffice --headless --convert-to csv old.xls
w.ods|an OpenDocument spreadsheet (.ods), not CSV; convert it first: libreoffice --headless --convert-to csv w.ods
page.xls|an HTML or XML page (a web table saved as .xls?), not CSV; open it in a spreadsheet and save it as CSV (UTF-8)
xml.xls|an HTML or XML page (a web table saved as .xls?), not CSV; open it in a spreadsheet and save it as CSV (UTF-8)
le.csv|the file is UTF-16 (little-endian, no byte-order mark); convert it first: iconv -f UTF-16LE -t UTF-8
be.csv|the file is UTF-16 (big-endian, no byte-order mark); convert it first: iconv -f UTF-16BE -t UTF-8
bom.csv|the file is UTF-16; convert it first: iconv -f UTF-16 -t UTF-8
CASES
}

# Every tool, every mode that reads CSV: "ARGS|the last line it writes after
# the message, or nothing".
TOOLS='cchc-rate||
cchc-rate|r=a/b|
cchc-table|--form bm3|
cchc-check|--counts|cchc-check: 0 rows: 0 passed, 0 rejected
cchc-check|--form bm3|
cchc-check||cchc-check: 0 rows: 0 passed, 0 rejected
cchc-sum|--period 2024|cchc-sum: period 15/12/2023-14/12/2024: 0 rows: 0 counted, 0 outside the period, 0 not received (status 1 or 3), 0 unclassifiable
cchc-sum|--merge|cchc-sum: 0 rows: 0 merged, 0 rejected; 0 groups'

@test "fixes2: a workbook, a web page, UTF-16 (marked or not): every tool names it with what converts it, exit 2, no output" {
	not_csv_files
	cd "$T"
	while IFS='|' read -r tool args tail; do
		while IFS='|' read -r file msg; do
			want="$tool: $file: ${msg//PROG/$tool}"
			[ -z "$tail" ] || want="$want"$'\n'"$tail"
			run --separate-stderr $tool $args "$file"
			[ "$status" -eq 2 ] && [ "$output" = "" ] && [ "$stderr" = "$want" ] || {
				echo "$tool $args $file: exit $status"
				echo "stdout: $output"
				diff <(echo "$want") <(echo "$stderr")
				return 1
			}
		done < cases
	done <<< "$TOOLS"
}

@test "fixes2: a workbook on standard input, and after a good FILE: named, exit 2" {
	not_csv_files
	cd "$T"
	run --separate-stderr sh -c 'cchc-rate < fake.xlsx'
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-rate: standard input: an Excel workbook (.xlsx), not CSV; convert it first: xlsx2csv -f float FILE | cchc-rate (dates as serial numbers, read exactly)"
	# a good table first: its rows are written, then the workbook stops the job
	printf 'da_giai_quyet,gq_truoc_han,gq_dung_han\n4,1,2\n' > t.csv
	run --separate-stderr cchc-rate t.csv real.xlsx
	assert_failure 2
	assert_output $'da_giai_quyet,gq_truoc_han,gq_dung_han,ty_le_dung_han\n4,1,2,75.00'
	assert_equal "$stderr" "cchc-rate: real.xlsx: an Excel workbook (.xlsx), not CSV; convert it first: xlsx2csv -f float real.xlsx | cchc-rate (dates as serial numbers, read exactly)"
	# an empty standard input is named as standard input in every mode
	run --separate-stderr sh -c 'cchc-check --counts < /dev/null'
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" $'cchc-check: standard input: empty file: no header line\ncchc-check: 0 rows: 0 passed, 0 rejected'
}

@test "fixes2: a --codes or --form file that is not CSV: named, with the command that writes it as a file" {
	not_csv_files
	cd "$T"
	printf 'ma_ho_so,kenh,ngay_tiep_nhan\nK1,1,02/01/2024\n' > d.csv
	run --separate-stderr cchc-check --codes fake.xlsx d.csv
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-check: --codes: fake.xlsx: an Excel workbook (.xlsx), not CSV; convert it first: xlsx2csv fake.xlsx > fake.csv"
	run --separate-stderr cchc-sum --period 2024 --codes le.csv d.csv
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-sum: --codes: le.csv: the file is UTF-16 (little-endian, no byte-order mark); convert it first: iconv -f UTF-16LE -t UTF-8"
	run --separate-stderr cchc-table --form real.xlsx d.csv
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-table: --form: real.xlsx: an Excel workbook (.xlsx), not CSV; convert it first: xlsx2csv real.xlsx > real.csv"
	run --separate-stderr cchc-check --form old.xls d.csv
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-check: --form: old.xls: an Excel 97-2003 workbook (.xls), not CSV; convert it first: libreoffice --headless --convert-to csv old.xls"
}

@test "fixes2: UTF-16 without a byte-order mark converts with the advice given; NUL bytes in UTF-8 are not UTF-16" {
	printf 'ma_ho_so,kenh,ngay_tiep_nhan\nK1,1,02/01/2024\n' > "$T/d.csv"
	for enc in UTF-16LE UTF-16BE; do
		iconv -f UTF-8 -t $enc "$T/d.csv" > "$T/u.csv"
		run --separate-stderr cchc-check "$T/u.csv"
		assert_failure 2
		assert_output ""
		e=${enc#UTF-16}
		[ "$e" = LE ] && end=little || end=big
		assert_equal "$stderr" "cchc-check: $T/u.csv: the file is UTF-16 ($end-endian, no byte-order mark); convert it first: iconv -f $enc -t UTF-8"$'\n'"cchc-check: 0 rows: 0 passed, 0 rejected"
		# the advice works
		run --separate-stderr sh -c "iconv -f $enc -t UTF-8 '$T/u.csv' | cchc-check"
		assert_success
		assert_output $'ma_ho_so,kenh,ngay_tiep_nhan\nK1,truc_tiep,2024-01-02'
	done
	# a NUL in a UTF-8 file's values stays a NUL in a value
	printf 'ma_ho_so,kenh,ngay_tiep_nhan\nA\0B,1,02/01/2024\n' > "$T/n.csv"
	run --separate-stderr cchc-check "$T/n.csv"
	assert_failure 1
	assert_output "ma_ho_so,kenh,ngay_tiep_nhan"
	assert_equal "$stderr" "cchc-check: $T/n.csv:2: ma_ho_so: NUL byte in the value: \"A\\x00B\""$'\n'"cchc-check: 1 rows: 0 passed, 1 rejected (1 NUL byte)"
}

# The tester's file: an old export's header and row, then the export read.
off_csv() {
	printf 'ma_ho_so,kenh,ngay_tiep_nhan\nOLD,3,01/05/2024\nma_ho_so,kenh,ngay_tiep_nhan\nK1,1,02/01/2024\nK2,1,02/01/2024\n' > "$T/off.csv"
}

SUMMARY2='cchc-sum: period 15/12/2023-14/12/2024: 2 rows: 2 counted, 0 outside the period, 0 not received (status 1 or 3), 0 unclassifiable'
SUMMARY3='cchc-sum: period 15/12/2023-14/12/2024: 3 rows: 3 counted, 0 outside the period, 0 not received (status 1 or 3), 0 unclassifiable'
HDR_SUM='tiep_nhan,ky_truoc,moi_tiep_nhan,nop_truc_tuyen,nop_truc_tiep,nop_buu_chinh,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han'

@test "fixes2: cchc-sum -j N reads standard input, a regular file, from where the shell left it, as -j 1 does" {
	off_csv
	cd "$T"
	for j in 1 2 4; do
		for part in "" 1; do
			run --separate-stderr env CCHC_MIN_PART_SIZE=$part sh -c \
			    "{ read l; read l; cchc-sum -j $j --period 2024 -g kenh; } < off.csv"
			assert_success
			assert_output "kenh,$HDR_SUM"$'\ntruc_tiep,2,0,2,0,2,0,0,0,0,0,2,2,0'
			assert_equal "$stderr" "$SUMMARY2"
		done
	done
	# and leaves it at the end: what follows in the shell reads nothing more
	run --separate-stderr sh -c '{ read l; read l; cchc-sum -j 2 --period 2024 > /dev/null 2>&1; cat; } < off.csv'
	assert_success
	assert_output ""
	# what is at the offset is looked at as a file's start: a BOM, a workbook
	{ printf 'skipped\n\357\273\277'; sed 1,2d off.csv; } > bom.csv
	{ printf 'skipped\n'; printf 'PK\3\4 a workbook after a line\n'; } > wb.csv
	for j in 1 2; do
		run --separate-stderr env CCHC_MIN_PART_SIZE=1 sh -c "{ read l; cchc-sum -j $j --period 2024; } < bom.csv"
		assert_success
		assert_output "$HDR_SUM"$'\n2,0,2,0,2,0,0,0,0,0,2,2,0'
		assert_equal "$stderr" "$SUMMARY2"
		run --separate-stderr env CCHC_MIN_PART_SIZE=1 sh -c "{ read l; cchc-sum -j $j --period 2024; } < wb.csv"
		assert_failure 2
		assert_output ""
		assert_equal "$stderr" "cchc-sum: standard input: an Excel workbook (.xlsx), not CSV; convert it first: xlsx2csv -f float FILE | cchc-sum (dates as serial numbers, read exactly)"$'\n'"cchc-sum: period 15/12/2023-14/12/2024: 0 rows: 0 counted, 0 outside the period, 0 not received (status 1 or 3), 0 unclassifiable"
	done
}

@test "fixes2: '- -' reads standard input twice from where it is: at its end an empty file, exit 2, the same for every -j and cchc-check" {
	off_csv
	cd "$T"
	sed 1,2d off.csv > f.csv
	for j in 1 2 4; do
		run --separate-stderr env CCHC_MIN_PART_SIZE=1 sh -c "cchc-sum -j $j --period 2024 - - < f.csv"
		assert_failure 2
		assert_output ""
		assert_equal "$stderr" "cchc-sum: standard input: empty file: no header line"$'\n'"$SUMMARY2"
	done
	run --separate-stderr sh -c 'cchc-check - - < f.csv'
	assert_failure 2
	assert_output $'ma_ho_so,kenh,ngay_tiep_nhan\nK1,truc_tiep,2024-01-02\nK2,truc_tiep,2024-01-02'
	assert_equal "$stderr" $'cchc-check: standard input: empty file: no header line\ncchc-check: 2 rows: 2 passed, 0 rejected'
	# a pipe, the same
	run --separate-stderr sh -c 'cat f.csv | cchc-sum -j 2 --period 2024 - -'
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-sum: standard input: empty file: no header line"$'\n'"$SUMMARY2"
}

@test "fixes2: --keep last refuses a regular file redirected on standard input, as any standard input" {
	off_csv
	cd "$T"
	for tool in "cchc-sum --period 2024" cchc-check; do
		for args in "" "-"; do
			run --separate-stderr sh -c "{ read l; read l; $tool --keep last $args; } < off.csv"
			assert_failure 2
			assert_output ""
			assert_equal "$stderr" "${tool%% *}: --keep last reads the input twice (to know which copy of a dossier is the last): standard input cannot be; name the files"
		done
	done
}
