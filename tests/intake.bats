#!/usr/bin/env bats
# How cchc-check and cchc-sum read an export (cchc(7), READING AN EXPORT),
# each habit on its own, and what the rejects file promises (UNDER FAULTS):
# exact stdout, stderr and exit status.

load helper

SUMHDR="tiep_nhan,ky_truoc,moi_tiep_nhan,nop_truc_tuyen,nop_truc_tiep,nop_buu_chinh,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han"

@test "intake: title lines above the header, said in one line, shown with the delimiter given" {
	printf 'UBND TỈNH QUẢNG NGÃI;;;\nDANH SÁCH HỒ SƠ;;;\n\nMã hồ sơ;Ngày tiếp nhận;Hình thức nộp\nHS1;03/01/2024;Trực tuyến\n' > "$T/a.csv"
	run --separate-stderr cchc-check -d ';' "$T/a.csv"
	assert_success
	assert_output $'ma_ho_so,ngay_tiep_nhan,kenh\nHS1,2024-01-03,truc_tuyen'
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: a.csv:4: the header, below 3 title lines (skipped): "UBND TỈNH QUẢNG NGÃI"
cchc-check: 1 empty rows skipped (blank, or every field empty)
cchc-check: 1 rows: 1 passed, 0 rejected
ERR
	# cchc-sum finds the same header
	run --separate-stderr cchc-sum -d ';' --period 2024 "$T/a.csv"
	assert_success
	assert_output "$SUMHDR"$'\n'"1,0,1,1,0,0,0,0,0,0,1,1,0"
}

@test "intake: a syntax error above the header is exit 2; --header-line passes those lines unread" {
	printf 'Báo cáo "năm 2024\nma_ho_so,ngay_tiep_nhan\nA1,03/01/2024\n' > "$T/b.csv"
	run --separate-stderr cchc-check "$T/b.csv"
	assert_failure 2
	assert_output ""
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: b.csv:1: in or above the header: malformed CSV at character 9: quote inside an unquoted field (if the header is below, name it with --header-line N)
cchc-check: 0 rows: 0 passed, 0 rejected
ERR
	run --separate-stderr cchc-check --header-line 2 "$T/b.csv"
	assert_success
	assert_output $'ma_ho_so,ngay_tiep_nhan\nA1,2024-01-03'
	assert_equal "$stderr" "cchc-check: 1 rows: 1 passed, 0 rejected"
	# a quote never closed above the header: the same, and no row is lost
	printf '"DANH SÁCH\nma_ho_so,ngay_tiep_nhan,kenh\nA1,03/01/2024,1\n' > "$T/b2.csv"
	run --separate-stderr cchc-sum --period 2024 "$T/b2.csv"
	assert_failure 2
	run --separate-stderr cchc-sum --period 2024 --header-line 2 "$T/b2.csv"
	assert_success
	assert_output "$SUMHDR"$'\n'"1,0,1,0,1,0,0,0,0,0,1,1,0"
}

@test "intake: a two-row header with merged group cells is read as one; --header-rows forces it" {
	printf 'STT,Mã hồ sơ,Thời gian,,,Kênh\n,,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,\n1,A1,03/01/2024,10/01/2024,09/01/2024,1\n' > "$T/c.csv"
	run --separate-stderr cchc-check "$T/c.csv"
	assert_success
	assert_output $'STT,ma_ho_so,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua,kenh\n1,A1,2024-01-03,2024-01-10,2024-01-09,truc_tiep'
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: c.csv:1: the header, two rows (lines 1 and 2) read as one
cchc-check: 1 rows: 1 passed, 0 rejected
ERR
	# a lower name that is no column alone is read with its group
	printf 'Mã hồ sơ,Ngày,,\n,tiếp nhận,hẹn trả,Ghi chú\nA1,03/01/2024,10/01/2024,x\n' > "$T/c2.csv"
	run --separate-stderr cchc-check "$T/c2.csv"
	assert_success
	assert_output $'ma_ho_so,ngay_tiep_nhan,ngay_hen_tra,Ghi chú\nA1,2024-01-03,2024-01-10,x'
	# forced to one row, there is no header
	run --separate-stderr cchc-check --header-rows 1 "$T/c2.csv"
	assert_failure 2
	[[ "$stderr" == *'c2.csv:1: no header: none of the first 3 lines names the required columns; line 1 is: "Mã hồ sơ,Ngày"'* ]]
	# a title line above a header, an empty row between, is no header row
	printf 'DANH SÁCH,,\n,,\nma_ho_so,ngay_tiep_nhan,kenh\nA1,03/01/2024,1\n' > "$T/c3.csv"
	run --separate-stderr cchc-check "$T/c3.csv"
	assert_success
	[[ "$stderr" == *'c3.csv:3: the header, below 2 title lines (skipped): "DANH SÁCH"'* ]]
}

@test "intake: the footer after the last dossier is skipped, counted, in the rejects file, never a failure" {
	printf 'ma_ho_so,ngay_tiep_nhan,ghi_chu\nA1,03/01/2024,\nTổng cộng,,1\n,,\nNGƯỜI LẬP BIỂU,THỦ TRƯỞNG,\n' > "$T/d.csv"
	run --separate-stderr cchc-check --rejects "$T/r.csv" "$T/d.csv"
	assert_success
	assert_output $'ma_ho_so,ngay_tiep_nhan,ghi_chu\nA1,2024-01-03,'
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: d.csv:3: 2 lines after the last dossier, with no received date, skipped as the footer: "Tổng cộng,,1"
cchc-check: 1 empty rows skipped (blank, or every field empty)
cchc-check: 3 rows: 1 passed, 0 rejected, 2 footer lines skipped
ERR
	run sed "s|$T/||" "$T/r.csv"
	assert_output - <<'OUT'
tep,dong,cot,loi,ma_ho_so,ngay_tiep_nhan,ghi_chu
d.csv,3,,"footer: a line after the last dossier, with no received date",Tổng cộng,,1
d.csv,5,,"footer: a line after the last dossier, with no received date",NGƯỜI LẬP BIỂU,THỦ TRƯỞNG,
OUT
	printf 'ma_ho_so,ngay_tiep_nhan,kenh\nA1,03/01/2024,1\nTổng cộng,,1\n,,\nNGƯỜI LẬP BIỂU,THỦ TRƯỞNG,\n' > "$T/d2.csv"
	run --separate-stderr cchc-sum --period 2024 "$T/d2.csv"
	assert_success
	[[ "$stderr" == *"3 rows: 1 counted, 0 outside the period, 0 not received (status 1 or 3), 0 unclassifiable, 2 footer lines skipped" ]]
}

@test "intake: no footer in the middle, none for a dossier with a bad date, none past 30 lines" {
	# followed by a dossier: rejected
	printf 'ma_ho_so,ngay_tiep_nhan,ghi_chu\nA1,03/01/2024,\nTổng cộng,,1\nA2,04/01/2024,\n' > "$T/e.csv"
	run --separate-stderr cchc-check "$T/e.csv"
	assert_failure 1
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: e.csv:3: ngay_tiep_nhan: required value missing
cchc-check: 3 rows: 2 passed, 1 rejected (1 no ngay_tiep_nhan)
ERR
	# the last dossier with an impossible date, a syntax error: dossiers
	printf 'ma_ho_so,ngay_tiep_nhan\nA1,03/01/2024\nA2,31/02/2024\nA3,0"3/01/2024\n' > "$T/e2.csv"
	run --separate-stderr cchc-check "$T/e2.csv"
	assert_failure 1
	[[ "$stderr" == *"3 rows: 1 passed, 2 rejected (1 bad ngay_tiep_nhan, 1 malformed CSV)" ]]
	# 31 lines without a date after the last dossier: no footer, all rejected
	{ printf 'ma_ho_so,ngay_tiep_nhan\nA1,03/01/2024\n'; for i in $(seq 1 31); do printf 'x%d,\n' "$i"; done; } > "$T/e3.csv"
	run --separate-stderr cchc-check "$T/e3.csv"
	assert_failure 1
	[[ "$stderr" == *'e3.csv:3: ngay_tiep_nhan: required value missing (31 rows)'* ]]
	[[ "$stderr" == *"32 rows: 1 passed, 31 rejected (31 no ngay_tiep_nhan)" ]]
}

@test "intake: a header again mid-stream, in another order, maps the rows after it; other columns are exit 2" {
	printf 'ma_ho_so,ngay_tiep_nhan,kenh\nA1,03/01/2024,1\nTổng cộng,,\nkenh,ma_ho_so,ngay_tiep_nhan\n2,A2,04/01/2024\n' > "$T/f.csv"
	run --separate-stderr cchc-check "$T/f.csv"
	assert_success
	assert_output $'ma_ho_so,ngay_tiep_nhan,kenh\nA1,2024-01-03,truc_tiep\nA2,2024-01-04,truc_tuyen'
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: f.csv:3: 1 line before a header repeated mid-stream skipped (a footer, title lines): "Tổng cộng"
cchc-check: 3 rows: 2 passed, 0 rejected, 1 footer line skipped
ERR
	run --separate-stderr cchc-sum --period 2024 -g kenh "$T/f.csv"
	assert_success
	assert_output "kenh,$SUMHDR"$'\ntruc_tiep,1,0,1,0,1,0,0,0,0,0,1,1,0\ntruc_tuyen,1,0,1,1,0,0,0,0,0,0,1,1,0'
	# the same through a pipe, two whole exports joined with cat (one
	# stream: cchc-sum looks for no repeat inside it)
	run --separate-stderr sh -c "cat '$T/f.csv' '$T/f.csv' | cchc-sum --period 2024"
	assert_success
	assert_output "$SUMHDR"$'\n'"4,0,4,2,2,0,0,0,0,0,4,4,0"
	printf 'ma_ho_so,ngay_tiep_nhan,kenh\nA1,03/01/2024,1\nma_ho_so,ngay_tiep_nhan,cap\nA2,04/01/2024,xa\n' > "$T/g.csv"
	run --separate-stderr cchc-check "$T/g.csv"
	assert_failure 2
	[[ "$stderr" == *'g.csv:3: a header in the middle of the data without the first header'"'"'s columns; the header found: "ma_ho_so,ngay_tiep_nhan,cap"'* ]]
}

@test "intake: a workbook, an old Excel file, an OpenDocument file, a web page: named, with what converts them" {
	printf 'PK\003\004\024\000\006\000\010\000\000\000!\000[Content_Types].xml' > "$T/w.xlsx"
	run --separate-stderr cchc-check "$T/w.xlsx"
	assert_failure 2
	assert_output ""
	[[ "$stderr" == "cchc-check: $T/w.xlsx: an Excel workbook (.xlsx), not CSV; convert it first: xlsx2csv -f float $T/w.xlsx | cchc-check (dates as serial numbers, read exactly)"* ]]
	printf '\320\317\021\340\241\261\032\341\000\000' > "$T/w.xls"
	run --separate-stderr cchc-sum --period 2024 "$T/w.xls"
	assert_failure 2
	[[ "$stderr" == "cchc-sum: $T/w.xls: an Excel 97-2003 workbook (.xls), not CSV; convert it first: libreoffice --headless --convert-to csv $T/w.xls"* ]]
	printf 'PK\003\004\024\000\000\000\000\000\000\000!\000\000\000\000\000\000\000\000\000\000\000\000\000\010\000\000\000mimetypeapplication/vnd.oasis.opendocument.spreadsheet' > "$T/w.ods"
	run --separate-stderr cchc-check "$T/w.ods"
	assert_failure 2
	[[ "$stderr" == "cchc-check: $T/w.ods: an OpenDocument spreadsheet (.ods), not CSV; convert it first: libreoffice --headless --convert-to csv $T/w.ods"* ]]
	printf '<html><table><tr><td>Mã hồ sơ</td></tr></table></html>\n' > "$T/w.html"
	run --separate-stderr sh -c "cchc-check < '$T/w.html'"
	assert_failure 2
	[[ "$stderr" == "cchc-check: standard input: an HTML or XML page (a web table saved as .xls?), not CSV; open it in a spreadsheet and save it as CSV (UTF-8)"* ]]
}

@test "intake: a problem is said once per value with its rows; the last line counts by reason" {
	{ printf 'ma_ho_so,ngay_tiep_nhan,kenh\n'; for i in 1 2 3 4 5; do printf 'A%d,03/01/2024,Fax\n' "$i"; done
	  printf 'B1,03/01/2024,Zalo\nB2,31/02/2024,1\n'; } > "$T/m.csv"
	run --separate-stderr cchc-check --rejects "$T/r.csv" "$T/m.csv"
	assert_failure 1
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: m.csv:2: kenh: unknown code: "Fax" (5 rows)
cchc-check: m.csv:7: kenh: unknown code: "Zalo"
cchc-check: m.csv:8: ngay_tiep_nhan: no such day: "31/02/2024"
cchc-check: 7 rows: 0 passed, 7 rejected (6 unknown kenh, 1 bad ngay_tiep_nhan)
ERR
	# every row is still in the rejects file
	[ "$(wc -l < "$T/r.csv")" -eq 8 ]
}

@test "intake: an unknown status or service level keeps its row; status 1 or 3 needs no received date" {
	printf 'ma_ho_so,trang_thai,kenh,ngay_tiep_nhan\nA1,Đã chuyển xử lý,1,03/01/2024\nA2,Đã chuyển xử lý,1,04/01/2024\nA3,,,05/01/2024\nA4,Mới đăng ký,,\n' > "$T/u.csv"
	run --separate-stderr cchc-check "$T/u.csv"
	assert_success
	assert_output $'ma_ho_so,trang_thai,kenh,ngay_tiep_nhan\nA1,Đã chuyển xử lý,truc_tiep,2024-01-03\nA2,Đã chuyển xử lý,truc_tiep,2024-01-04\nA3,,,2024-01-05\nA4,1,,'
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: u.csv:2: trang_thai: unknown code, kept as written: "Đã chuyển xử lý" (2 rows)
cchc-check: u.csv:4: kenh: no channel: cchc-sum counts the dossier only if it was received before the period (2 rows)
cchc-check: 4 rows: 4 passed, 0 rejected
ERR
	run --separate-stderr cchc-sum --period 2024 -g trang_thai "$T/u.csv"
	assert_failure 1
	assert_output "trang_thai,$SUMHDR"$'\nĐã chuyển xử lý,2,0,2,0,2,0,0,0,0,0,2,2,0'
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-sum: u.csv:2: trang_thai: unknown status, the row classified by its dates: "Đã chuyển xử lý" (2 rows)
cchc-sum: u.csv:4: kenh: no channel, for a dossier received in the period
cchc-sum: period 15/12/2023-14/12/2024: 4 rows: 2 counted, 0 outside the period, 1 not received (status 1 or 3), 1 unclassifiable (1 no kenh)
ERR
}

@test "intake: --rejects never names an input (links too), and the input is untouched" {
	printf 'ma_ho_so,ngay_tiep_nhan\nA1,31/02/2024\n' > "$T/x.csv"
	cp "$T/x.csv" "$T/orig.csv"
	ln "$T/x.csv" "$T/hard.csv"
	ln -s "$T/x.csv" "$T/soft.csv"
	for r in x.csv hard.csv soft.csv; do
		run --separate-stderr cchc-check --rejects "$T/$r" "$T/x.csv"
		assert_failure 2
		assert_output ""
		assert_equal "$stderr" "cchc-check: --rejects $T/$r is the input $T/x.csv: it would be destroyed; name another file"
		cmp "$T/x.csv" "$T/orig.csv"
	done
	run --separate-stderr sh -c "cchc-check --rejects '$T/x.csv' < '$T/x.csv'"
	assert_failure 2
	cmp "$T/x.csv" "$T/orig.csv"
}

@test "intake: the rejects file is written aside and renamed: complete or absent, never torn" {
	f=$(sample bad20k --rows 20000 --bad)
	printf 'old\n' > "$T/rej.csv"
	# a run that cannot finish (a write error on standard output) leaves the old file
	if [ -c /dev/full ]; then
		run --separate-stderr sh -c "cchc-check --rejects '$T/rej.csv' '$f' > /dev/full"
		assert_failure 2
		[ "$(cat "$T/rej.csv")" = old ]
	fi
	# a run killed in the middle (its input a pipe that stays open) leaves it too
	mkfifo "$T/in"
	cchc-check --rejects "$T/rej.csv" "$T/in" > /dev/null 2>&1 &
	pid=$!
	exec 8> "$T/in"
	head -n 5000 "$f" >&8
	sleep 0.3
	ls -a "$T" | grep -q '^\.rej\.csv\.' # the file beside it, hidden
	[ "$(cat "$T/rej.csv")" = old ]
	kill -TERM "$pid"
	exec 8>&-
	wait "$pid" || true
	[ "$(cat "$T/rej.csv")" = old ]
	! ls -a "$T" | grep -q '^\.rej\.csv\.'
	# two runs at once: the name holds one whole run's file, never a mix
	cchc-check --rejects "$T/one.csv" "$f" > /dev/null 2>&1 || true
	cchc-check --rejects "$T/rej.csv" "$f" > /dev/null 2>&1 &
	cchc-check --rejects "$T/rej.csv" "$f" > /dev/null 2>&1 &
	wait
	cmp "$T/one.csv" "$T/rej.csv"
}

@test "intake: output lost is never success: the rejects reader gone is exit 2, standard output's is 141" {
	f=$(sample bad20k --rows 20000 --bad)
	# rejects enough to pass a pipe's buffer
	{ echo ma_ho_so,cap,ngay_tiep_nhan; seq 1 60000 | sed 's/.*/A&,zz,03\/01\/2024/'; } > "$T/zz.csv"
	run --separate-stderr bash -c "trap '' PIPE; cchc-check --rejects >(head -c 10 > /dev/null) '$T/zz.csv' > /dev/null"
	assert_failure 2
	[[ "$stderr" == *"cchc-check: write error on /dev/fd/"*": Broken pipe"* ]]
	# SIGPIPE ignored as systemd does: the closed standard output still kills it
	run bash -c "trap '' PIPE; cchc-check --rejects '$T/r.csv' '$f' | head -n 1 > /dev/null; echo \${PIPESTATUS[0]}"
	assert_output 141
	[ ! -e "$T/r.csv" ]
	! ls -a "$T" | grep -q '^\.r\.csv\.'
}

@test "intake: --keep on standard input is refused, saying why; a named pipe is read once" {
	printf 'ma_ho_so,ngay_tiep_nhan,kenh\nA1,03/01/2024,1\n' > "$T/a.csv"
	run --separate-stderr sh -c "cchc-sum --period 2024 --keep last < '$T/a.csv'"
	assert_failure 2
	assert_equal "$stderr" "cchc-sum: --keep last reads the input twice (to know which copy of a dossier is the last): standard input cannot be; name the files"
	mkfifo "$T/p"
	cat "$T/a.csv" > "$T/p" &
	run --separate-stderr timeout 10 cchc-sum --period 2024 "$T/p"
	assert_success
	assert_output "$SUMHDR"$'\n'"1,0,1,0,1,0,0,0,0,0,1,1,0"
}

@test "intake: a group over three columns; a repeated two-row header; a joined file's BOM (found by a tester)" {
	# "Ngày" merged over three columns: each lower name read with it
	printf 'Mã hồ sơ,Cấp,Kênh nộp,Ngày,,\n,,,tiếp nhận,hẹn trả,có kết quả\nA,xa,1,02/01/2024,10/01/2024,05/01/2024\n' > "$T/g.csv"
	run --separate-stderr cchc-check "$T/g.csv"
	assert_success
	assert_output $'ma_ho_so,cap,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua\nA,xa,truc_tiep,2024-01-02,2024-01-10,2024-01-05'
	# two exports with two-row headers joined with cat
	printf 'Mã hồ sơ,Cấp,Kênh nộp,Thời gian,\n,,,Ngày tiếp nhận,Ngày hẹn trả\nJ1,xã,1,02/01/2024,05/01/2024\n' > "$T/j.csv"
	printf 'Mã hồ sơ,Cấp,Kênh nộp,Thời gian,\n,,,Ngày tiếp nhận,Ngày hẹn trả\nJ2,xã,1,02/01/2024,05/01/2024\n' > "$T/k.csv"
	run --separate-stderr sh -c "cat '$T/j.csv' '$T/k.csv' | cchc-check"
	assert_success
	assert_output $'ma_ho_so,cap,kenh,ngay_tiep_nhan,ngay_hen_tra\nJ1,xa,truc_tiep,2024-01-02,2024-01-05\nJ2,xa,truc_tiep,2024-01-02,2024-01-05'
	assert_equal "$stderr" $'cchc-check: -:1: the header, two rows (lines 1 and 2) read as one\ncchc-check: 2 rows: 2 passed, 0 rejected'
	# an upper row alone again, whose next line is data: rejected, as it was
	printf 'Mã hồ sơ,Cấp,Kênh nộp,Thời gian,\n,,,Ngày tiếp nhận,Ngày hẹn trả\nJ1,xã,1,02/01/2024,05/01/2024\nMã hồ sơ,Cấp,,,\nJ3,xã,1,02/01/2024,05/01/2024\n' > "$T/u.csv"
	run --separate-stderr cchc-check "$T/u.csv"
	assert_failure 1
	[[ "$stderr" == *'u.csv:4: cap: unknown code: "Cấp"'* ]]
	[[ "$stderr" == *"3 rows: 2 passed, 1 rejected (1 unknown cap)" ]]
	# each file with its BOM, joined: the second header is the first's
	printf '\357\273\277ma_ho_so,ngay_tiep_nhan,kenh\nA,02/01/2024,1\n' > "$T/b1.csv"
	printf '\357\273\277ma_ho_so,ngay_tiep_nhan,kenh\nB,02/01/2024,1\n' > "$T/b2.csv"
	run --separate-stderr sh -c "cat '$T/b1.csv' '$T/b2.csv' | cchc-sum --period 2024"
	assert_success
	assert_output "$SUMHDR"$'\n'"2,0,2,0,2,0,0,0,0,0,2,2,0"
}

@test "intake: no level for a count by level; a dossier is no footer; a totals label in the date column is (found by a tester)" {
	printf 'ma_ho_so,cap,kenh,ngay_tiep_nhan\nA,xa,1,02/01/2024\nB,,1,02/01/2024\n' > "$T/e.csv"
	run --separate-stderr cchc-sum --period 2024 -g cap "$T/e.csv"
	assert_failure 1
	assert_output "cap,$SUMHDR"$'\nxa,1,0,1,0,1,0,0,0,0,0,1,1,0'
	[[ "$stderr" == *'e.csv:3: cap: no level, for a count by level'* ]]
	run --separate-stderr cchc-check "$T/e.csv"
	assert_success
	[[ "$stderr" == *'e.csv:3: cap: no level: cchc-sum cannot count it by level'* ]]
	# the last row has no received date, but a due date: a dossier, rejected
	printf 'ma_ho_so,kenh,ngay_tiep_nhan,ngay_hen_tra\nA,1,02/01/2024,\nB,1,,10/02/2024\n' > "$T/t.csv"
	run --separate-stderr cchc-check "$T/t.csv"
	assert_failure 1
	[[ "$stderr" == *"2 rows: 1 passed, 1 rejected (1 no ngay_tiep_nhan)" ]]
	# the date column first, "Tổng cộng" in it: the footer
	printf 'ngay_tiep_nhan,ma_ho_so,kenh\n02/01/2024,H1,1\nTổng cộng,2,\n' > "$T/f.csv"
	run --separate-stderr cchc-check "$T/f.csv"
	assert_success
	[[ "$stderr" == *"2 rows: 1 passed, 0 rejected, 1 footer line skipped" ]]
}

@test "intake: a job not done writes no count table; a header's upper row forced over a dossier is refused" {
	printf 'ma_ho_so,ngay_tiep_nhan,kenh\nA,02/01/2024,1\nma_ho_so,ngay_tiep_nhan,cap\nB,02/01/2024,xa\n' > "$T/x.csv"
	run --separate-stderr cchc-sum --period 2024 "$T/x.csv"
	assert_failure 2
	assert_output ""
	printf 'ma_ho_so,ngay_tiep_nhan\nA,03/01/2024\n' > "$T/h.csv"
	run --separate-stderr cchc-check --header-rows 2 "$T/h.csv"
	assert_failure 2
	[[ "$stderr" == *'h.csv:2: --header-rows 2: this line holds a received date: a dossier, not the header'"'"'s second row (the header is one row?)'* ]]
	run --separate-stderr cchc-check --header-line 9 "$T/h.csv"
	assert_failure 2
	[[ "$stderr" == *'h.csv: --header-line 9: the file has fewer lines'* ]]
	# a header in a legacy encoding: how to convert it
	printf 'Ma\336 h\364\314 s\365,Nga\354y tie\352\354p nha\352\362n\nA,1/1/2024\n' > "$T/cp.csv"
	run --separate-stderr cchc-check "$T/cp.csv"
	assert_failure 2
	[[ "$stderr" == *'cp.csv:1: not UTF-8; a legacy Vietnamese file converts with iconv -f CP1258 -t UTF-8'* ]]
}

@test "intake: the rejects file keeps its mode; a signal that ends the run leaves no file aside" {
	f=$(sample bad20k --rows 20000 --bad)
	cchc-check --rejects "$T/r.csv" "$f" > /dev/null 2>&1 || true
	chmod 640 "$T/r.csv"
	cchc-check --rejects "$T/r.csv" "$f" > /dev/null 2>&1 || true
	[ "$(stat -c %a "$T/r.csv")" = 640 ]
	mkfifo "$T/in"
	cchc-check --rejects "$T/r.csv" "$T/in" > /dev/null 2>&1 &
	pid=$!
	exec 8> "$T/in"
	head -n 1000 "$f" >&8
	sleep 0.3
	kill -USR1 "$pid"
	exec 8>&-
	wait "$pid" || true
	! ls -a "$T" | grep -q '^\.r\.csv\.'
	[ "$(stat -c %a "$T/r.csv")" = 640 ]
}

# --- a tester's findings, read from the manuals only (2026-12-02) ---

@test "intake: a header again mid-stream that starts with a BOM (cat of Excel files) is a header in both tools" {
	printf '\xef\xbb\xbfma_ho_so,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua\r\nA1,1,02/01/2024,10/01/2024,08/01/2024\r\n\xef\xbb\xbfma_ho_so,kenh,ngay_tiep_nhan,ngay_tra_ket_qua,ngay_hen_tra\r\nB1,1,05/01/2024,15/01/2024,20/01/2024\r\n' > "$T/bomcat.csv"
	run --separate-stderr cchc-check "$T/bomcat.csv"
	assert_success
	assert_output $'ma_ho_so,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua\nA1,truc_tiep,2024-01-02,2024-01-10,2024-01-08\nB1,truc_tiep,2024-01-05,2024-01-20,2024-01-15'
	assert_equal "$stderr" "cchc-check: 2 rows: 2 passed, 0 rejected"
	# check | sum counts what sum counts of the raw file
	raw=$(cchc-sum -j 1 --period 2024 "$T/bomcat.csv" 2>/dev/null)
	piped=$(cchc-check "$T/bomcat.csv" 2>/dev/null | cchc-sum -j 1 --period 2024 2>/dev/null)
	assert_equal "$piped" "$raw"
	assert_equal "$raw" "$SUMHDR"$'\n'"2,0,2,0,2,0,2,2,0,0,0,0,0"
}

@test "intake: rows of blanks only (no-break spaces, a quoted space) are empty rows, in the middle and at the end" {
	printf 'ma_ho_so,kenh,ngay_tiep_nhan\nA,1,03/01/2024\n\xc2\xa0,\xc2\xa0,\n" ",,\nB,1,03/01/2024\n\t, ,\xc2\xa0\n' > "$T/blank.csv"
	run --separate-stderr cchc-check "$T/blank.csv"
	assert_success
	assert_output $'ma_ho_so,kenh,ngay_tiep_nhan\nA,truc_tiep,2024-01-03\nB,truc_tiep,2024-01-03'
	diff -u - <(printf '%s\n' "$stderr") <<'ERR'
cchc-check: 3 empty rows skipped (blank, or every field empty)
cchc-check: 2 rows: 2 passed, 0 rejected
ERR
	for j in 1 2; do
		run --separate-stderr cchc-sum -j $j --period 2024 "$T/blank.csv"
		assert_success
		assert_output "$SUMHDR"$'\n'"2,0,2,0,2,0,0,0,0,0,2,2,0"
		diff -u - <(printf '%s\n' "$stderr") <<'ERR'
cchc-sum: 3 empty rows skipped (blank, or every field empty)
cchc-sum: period 15/12/2023-14/12/2024: 2 rows: 2 counted, 0 outside the period, 0 not received (status 1 or 3), 0 unclassifiable
ERR
	done
}

@test "intake: the same value precomposed and decomposed is one value in the messages" {
	python3 -c 'import unicodedata,sys; v="Điện thoại"; sys.stdout.write("ma_ho_so,kenh,ngay_tiep_nhan\nA1,%s,03/01/2024\nA2,%s,03/01/2024\nA3,%s,03/01/2024\n" % (unicodedata.normalize("NFC",v), unicodedata.normalize("NFD",v), unicodedata.normalize("NFC",v)))' > "$T/nfd.csv"
	run --separate-stderr cchc-check "$T/nfd.csv"
	assert_failure 1
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: nfd.csv:2: kenh: unknown code: "Điện thoại" (3 rows)
cchc-check: 3 rows: 0 passed, 3 rejected (3 unknown kenh)
ERR
}

@test "intake: a dossier without dates at the end, with an id and a known level or status, is no footer" {
	printf 'ma_ho_so,cap,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua,trang_thai\nH1,xa,1,01/03/2024,05/03/2024,,4\nH2,xa,1,,,,4\nH3,,2,,,,Đang xử lý\nTổng cộng,,,,,,\n' > "$T/nodate.csv"
	run --separate-stderr cchc-check "$T/nodate.csv"
	assert_failure 1
	assert_output $'ma_ho_so,cap,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua,trang_thai\nH1,xa,truc_tiep,2024-03-01,2024-03-05,,4'
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: nodate.csv:3: ngay_tiep_nhan: required value missing (2 rows)
cchc-check: nodate.csv:5: 1 line after the last dossier, with no received date, skipped as the footer: "Tổng cộng"
cchc-check: 4 rows: 1 passed, 2 rejected (2 no ngay_tiep_nhan), 1 footer line skipped
ERR
}

@test "intake: a level written with marks must have them right: place names are no level words" {
	printf 'ma_ho_so,cap,kenh,ngay_tiep_nhan\n' > "$T/cap.csv"
	i=0
	for v in "UBND huyện Sơn Tịnh" "UBND xã Tịnh Khê" "UBND xã Tịnh Ấn" "Cục Hải quan tỉnh Quảng Ngãi" "Chi cục Hải quan Dung Quất" "Quan hệ quốc tế" "Cấp xã, phường, thị trấn" "UBND huyen Son Tinh" "cap tinh"; do
		i=$((i + 1))
		printf 'A%d,"%s",1,03/01/2024\n' $i "$v" >> "$T/cap.csv"
	done
	run --separate-stderr cchc-check "$T/cap.csv"
	assert_failure 1
	assert_output $'ma_ho_so,cap,kenh,ngay_tiep_nhan\nA1,huyen,truc_tiep,2024-01-03\nA2,xa,truc_tiep,2024-01-03\nA3,xa,truc_tiep,2024-01-03\nA4,tinh,truc_tiep,2024-01-03\nA7,xa,truc_tiep,2024-01-03\nA9,tinh,truc_tiep,2024-01-03'
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: cap.csv:6: cap: unknown code: "Chi cục Hải quan Dung Quất"
cchc-check: cap.csv:7: cap: unknown code: "Quan hệ quốc tế"
cchc-check: cap.csv:9: cap: names more than one code: "UBND huyen Son Tinh"
cchc-check: 9 rows: 6 passed, 3 rejected (3 unknown cap)
ERR
}

@test "intake: a later header padded with empty columns is the first's; a refusal says the column counts" {
	printf 'ma_ho_so,kenh,ngay_tiep_nhan\nA,1,03/01/2024\n' > "$T/p1.csv"
	printf 'ma_ho_so,kenh,ngay_tiep_nhan,,\nB,2,03/01/2024,,\n' > "$T/p2.csv"
	run --separate-stderr cchc-check "$T/p1.csv" "$T/p2.csv"
	assert_success
	assert_output $'ma_ho_so,kenh,ngay_tiep_nhan\nA,truc_tiep,2024-01-03\nB,truc_tuyen,2024-01-03'
	run --separate-stderr cchc-sum -j 1 --period 2024 -g kenh "$T/p1.csv" "$T/p2.csv"
	assert_success
	run --separate-stderr cchc-check "$T/p2.csv" "$T/p1.csv"
	assert_failure 2
	[[ "$stderr" == *"p1.csv:1: the header does not have the first file's columns (3 columns, the first header's 5); the header found: \"ma_ho_so,kenh,ngay_tiep_nhan\""* ]]
}

@test "intake: ngay_tra beside a result date is written in ISO form; one that is no date is kept, with a note" {
	printf 'MaHoSo,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra\nA1,1,20240103080000,20240110170000,20240108100000,20240112090000\nA2,1,20240103080000,20240110170000,20240108100000,hôm qua\nA3,1,20240103080000,20240110170000,20240108100000,\n' > "$T/tra.csv"
	run --separate-stderr cchc-check "$T/tra.csv"
	assert_success
	assert_output $'ma_ho_so,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua,ngay_tra\nA1,truc_tiep,2024-01-03T08:00:00,2024-01-10T17:00:00,2024-01-08T10:00:00,2024-01-12T09:00:00\nA2,truc_tiep,2024-01-03T08:00:00,2024-01-10T17:00:00,2024-01-08T10:00:00,hôm qua\nA3,truc_tiep,2024-01-03T08:00:00,2024-01-10T17:00:00,2024-01-08T10:00:00,'
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: tra.csv:3: ngay_tra: not a date, kept as written: "hôm qua"
cchc-check: 3 rows: 3 passed, 0 rejected
ERR
}

@test "intake: a syntax error above a header delimited by ';' suggests -d" {
	printf 'Mã hồ sơ;Kênh nộp;Ngày tiếp nhận;Chủ hồ sơ\r\nA;1;03/01/2024;Nguyễn Văn An\r\nB;1;03/01/2024;"Công ty ""Hoàng Long"""\r\n' > "$T/semi.csv"
	run --separate-stderr cchc-check "$T/semi.csv"
	assert_failure 2
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: semi.csv:3: in or above the header: malformed CSV at character 16: quote inside an unquoted field (if the header is below, name it with --header-line N)
cchc-check: the lines above have ';' or tabs between their cells: is the file delimited by ';' or a tab? try -d ';' or -d '\t'
cchc-check: 0 rows: 0 passed, 0 rejected
ERR
	run --separate-stderr cchc-check -d ';' "$T/semi.csv"
	assert_success
}

@test "intake: a run that fails leaves the last rejects file as it was; the standard streams' files are never wiped" {
	printf 'ma_ho_so,kenh,ngay_tiep_nhan\nA,1,03/01/2024\nB,Fax,03/01/2024\n' > "$T/d.csv"
	echo OLD > "$T/loi.csv"
	run --separate-stderr cchc-check --rejects "$T/loi.csv" "$T/d.csv" "$T/missing.csv"
	assert_failure 2
	assert_equal "$(cat "$T/loi.csv")" "OLD"
	! ls -a "$T" | grep -q '^\.loi\.csv\.'
	# the standard error's file: written to, after what it held
	echo "earlier log" > "$T/log.txt"
	cchc-check --rejects /dev/stderr "$T/d.csv" > "$T/sach.csv" 2>> "$T/log.txt" && false || [ $? = 1 ]
	diff -u - <(sed "s|$T/||" "$T/log.txt") <<'LOG'
earlier log
cchc-check: d.csv:3: kenh: unknown code: "Fax"
tep,dong,cot,loi,ma_ho_so,kenh,ngay_tiep_nhan
d.csv,3,kenh,"unknown code: ""Fax""",B,Fax,03/01/2024
cchc-check: 2 rows: 1 passed, 1 rejected (1 unknown kenh)
LOG
	# the standard output's file or pipe: refused
	echo KEEP > "$T/out.txt"
	run bash -c 'cchc-check --rejects /dev/stdout "$1" >> "$2"' _ "$T/d.csv" "$T/out.txt"
	assert_failure 2
	assert_output "cchc-check: /dev/stdout is the standard output: the rows and the rejects would mix; name another file"
	assert_equal "$(cat "$T/out.txt")" "KEEP"
	run bash -c 'set -o pipefail; cchc-check --rejects /dev/stdout "$1" | cat' _ "$T/d.csv"
	assert_failure 2
}

@test "intake: a header cell on two lines (Alt+Enter in Excel) names its column; a code value on two lines is its code" {
	printf 'Mã hồ sơ,"Ngày\ntiếp nhận","Hình thức\r\nnộp"\nA,01/02/2024,"Trực\ntuyến"\nB,02/02/2024,Trực tiếp\n' > "$T/x.csv"
	run --separate-stderr cchc-check "$T/x.csv"
	assert_success
	assert_output $'ma_ho_so,ngay_tiep_nhan,kenh\nA,2024-02-01,truc_tuyen\nB,2024-02-02,truc_tiep'
	assert_equal "$stderr" "cchc-check: 2 rows: 2 passed, 0 rejected"
	printf 'linh_vuc\n"Hộ\ntịch"\n' > "$T/m.csv"
	run --separate-stderr cchc-map -c linh_vuc -n nhom "$TOP/samples/nhom-trung-tam.csv" "$T/m.csv"
	assert_success
	assert_output $'linh_vuc,nhom\n"Hộ\ntịch","Các sở, ngành"'
}

@test "intake: a file cut short (no line end after its last row) is never a footer: the row is rejected, saying so" {
	"$TOP/samples/gen-export" --rows 400 > "$T/x.csv"
	# cut inside row 400, after its id, as a stopped download leaves it
	python3 - "$T/x.csv" "$T/cut.csv" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
i = d.index(b"\r\n400,")
j = d.index(b",", d.index(b",", i + 3) + 1)
open(sys.argv[2], "wb").write(d[:j])
PY
	run --separate-stderr cchc-check "$T/cut.csv"
	assert_failure 1
	assert_equal "$stderr" "cchc-check: $T/cut.csv:401: expected 12 fields, found 2; the file ends inside this row (no line end after it): cut short?
cchc-check: 400 rows: 399 passed, 1 rejected (1 wrong number of fields)"
	run --separate-stderr cchc-sum --period 2024 "$T/cut.csv"
	assert_failure 1
	assert_equal "${stderr_lines[0]}" "cchc-sum: $T/cut.csv:401: expected 12 fields, found 2; the file ends inside this row (no line end after it): cut short?"
	# the same line with its line end is the footer it looks like
	printf '\r\n' >> "$T/cut.csv"
	run --separate-stderr cchc-check "$T/cut.csv"
	assert_success
	assert_equal "${stderr_lines[1]}" "cchc-check: 400 rows: 399 passed, 0 rejected, 1 footer line skipped"
	# a cut report is no report: exit 1, no annex
	head -c -3 "$T/cut.csv" > "$T/cut2.csv"
	cd "$T"
	run --separate-stderr cchc-report --period 2024 --out r cut2.csv
	assert_failure 1
	[ ! -e r/bm3.csv ]
}
