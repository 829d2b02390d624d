#!/usr/bin/env bats
# cchc-check, dossier mode: what the user sees on stdout, stderr, and the exit status.

load helper

@test "check: normalises headers, codes, dates, NFC, spaces; BOM and CRLF gone" {
	run --separate-stderr cchc-check "$DATA/good.csv"
	assert_success
	assert_output - <<'OUT'
ma_ho_so,cap,co_quan,kenh,muc_do_dvc,trang_thai,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua,Ghi chú
HS1,tinh,Sở Tư pháp,buu_chinh,toan_trinh,10,2024-01-03T08:15,2024-01-10,2024-01-09,"a, b"
HS2,xa,UBND xã A,truc_tuyen,mot_phan,4,2024-01-05T08:15:00,2024-01-10T17:00:00,,
HS3,huyen,Phòng Tư pháp,truc_tiep,khong,4,2024-01-05T07:05,2024-01-15,,
OUT
	[ "$stderr" = "cchc-check: 3 rows: 3 passed, 0 rejected" ]
}

@test "check: the decomposed (NFD) agency name comes out precomposed (NFC)" {
	run --separate-stderr cchc-check "$DATA/good.csv"
	# "xã" as x, a, U+0303 in the input; as x, U+00E3 in the output
	grep -q $'xa\xcc\x83' "$DATA/good.csv"
	[[ "$output" == *$'UBND x\xc3\xa3 A'* ]]
	[[ "$output" != *$'\xcc\x83'* ]]
}

@test "check: every kind of bad row is rejected with line, column, reason and value" {
	run --separate-stderr cchc-check --rejects "$T/rej.csv" "$DATA/bad.csv"
	assert_failure 1
	assert_output - <<'OUT'
ma_ho_so,cap,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua
A1,tinh,truc_tiep,2024-01-03,2024-01-10,2024-01-09
A16,tinh,truc_tiep,2024-01-03,,
OUT
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$DATA/||") <<'ERR'
cchc-check: bad.csv:3: ma_ho_so: repeated ma_ho_so (first on line 2): "A1"
cchc-check: bad.csv:4: ngay_tiep_nhan: no such day: "31/02/2024"
cchc-check: bad.csv:5: ngay_tiep_nhan: no such day (it is one read month first: --date-order mdy?): "12/25/2024"
cchc-check: bad.csv:6: kenh: unknown code: "Fax"
cchc-check: bad.csv:7: kenh: names more than one code: "trực tuyến và trực tiếp"
cchc-check: bad.csv:8: cap: unknown code: "Thành phố"
cchc-check: bad.csv:9: ngay_hen_tra: due date before the received date: "2024-01-02"
cchc-check: bad.csv:10: ngay_tra_ket_qua: result date before the received date: "2024-01-03T09:59"
cchc-check: bad.csv:11: expected 6 fields, found 3
cchc-check: bad.csv:12: ma_ho_so: required value missing
cchc-check: bad.csv:13: ngay_tiep_nhan: required value missing
cchc-check: bad.csv:14: ngay_tiep_nhan: no such time of day: "03/01/2024 25:00"
cchc-check: bad.csv:15: cap: malformed CSV at character 6: quote inside an unquoted field
cchc-check: bad.csv:16: cap: malformed CSV at character 11: text after a closing quote
cchc-check: bad.csv:18: cap: not UTF-8; a legacy Vietnamese file converts with iconv -f CP1258 -t UTF-8 (or -f TCVN5712-1): "t\xe0nh"
cchc-check: bad.csv:19: cap: malformed CSV in field 2: quote never closed: the field runs to the end of the file
cchc-check: 18 rows: 2 passed, 16 rejected (1 repeated ma_ho_so, 3 bad ngay_tiep_nhan, 2 unknown kenh, 1 unknown cap, 1 due before received, 1 result before received, 1 wrong number of fields, 1 no ma_ho_so, 1 no ngay_tiep_nhan, 3 malformed CSV, 1 not UTF-8)
ERR
}

@test "check: the rejects file explains every rejected row and keeps its fields" {
	run --separate-stderr cchc-check --rejects "$T/rej.csv" "$DATA/bad.csv"
	assert_failure 1
	run sed -n "s|^$DATA/||;1,4p;10,12p" "$T/rej.csv"
	assert_output - <<'OUT'
tep,dong,cot,loi,ma_ho_so,cap,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua
bad.csv,3,ma_ho_so,"repeated ma_ho_so (first on line 2): ""A1""",A1,xa,1,03/01/2024,,
bad.csv,4,ngay_tiep_nhan,"no such day: ""31/02/2024""",A3,tinh,1,31/02/2024,,
bad.csv,5,ngay_tiep_nhan,"no such day (it is one read month first: --date-order mdy?): ""12/25/2024""",A4,tinh,1,12/25/2024,,
bad.csv,11,,"expected 6 fields, found 3",A10,tinh,1
bad.csv,12,ma_ho_so,required value missing,,tinh,1,03/01/2024,,
bad.csv,13,ngay_tiep_nhan,required value missing,A12,tinh,1,,,
OUT
	# one line per rejected row, plus the header
	[ "$(wc -l < "$T/rej.csv")" -eq 17 ]
}

@test "check: N = P + R on the sample export, and the rejects file has R rows" {
	f=$(sample bad --rows 3000 --bad)
	run --separate-stderr cchc-check --rejects "$T/rej.csv" "$f"
	assert_failure 1
	summary=$(printf '%s\n' "$stderr" | tail -n 1)
	[ "$summary" = "cchc-check: 3000 rows: 2992 passed, 8 rejected (1 repeated ma_ho_so, 1 no ma_ho_so, 1 unknown kenh, 2 bad ngay_tiep_nhan, 1 wrong number of fields, 1 bad ngay_tra_ket_qua, 1 result before received)" ]
	[ "$(printf '%s\n' "$output" | wc -l)" -eq 2993 ]
	[ "$(wc -l < "$T/rej.csv")" -eq 9 ]
}

@test "check: a required column missing is exit 2, naming it and the header found" {
	printf 'Mã hồ sơ,Cấp\nA1,tinh\n' > "$T/x.csv"
	run --separate-stderr cchc-check "$T/x.csv"
	assert_failure 2
	assert_output ""
	diff -u - <(printf '%s\n' "$stderr") <<ERR
cchc-check: $T/x.csv:1: required column missing: ngay_tiep_nhan; the header found: "Mã hồ sơ,Cấp"
cchc-check: 0 rows: 0 passed, 0 rejected
ERR
}

@test "check: a ';' file read as ',' gets a hint; -d ';' reads it" {
	printf 'Mã hồ sơ;Ngày tiếp nhận\nA1;3/1/2024\n' > "$T/x.csv"
	run --separate-stderr cchc-check "$T/x.csv"
	assert_failure 2
	[[ "$stderr" == *"try -d ';' or -d '\t'"* ]]
	run --separate-stderr cchc-check -d ';' "$T/x.csv"
	assert_success
	assert_output $'ma_ho_so,ngay_tiep_nhan\nA1,2024-01-03'
}

@test "check: a tab-delimited file with -d '\\t'" {
	printf 'Mã hồ sơ\tNgày tiếp nhận\tGhi chú\nA1\t3/1/2024\tx, y\n' > "$T/x.tsv"
	run --separate-stderr cchc-check -d '\t' "$T/x.tsv"
	assert_success
	assert_output $'ma_ho_so,ngay_tiep_nhan,Ghi chú\nA1,2024-01-03,"x, y"'
}

@test "check: every date-time form of the contract, normalised" {
	local i=0
	{
		echo "ma_ho_so,ngay_tiep_nhan"
		for d in 03/01/2024 3/1/2024 03-01-2024 03.01.2024 2024-01-03 \
		    "03/01/2024 08:15" "03/01/2024 08:15:09" "08:15 03/01/2024" "8:15 3/1/2024" \
		    "2024-01-03T08:15:09" "2024-01-03 08:15" 20240103 20240103081509 \
		    "2024-01-03 08:15:09.123" 29/02/2024; do
			echo "$((i += 1)),$d"
		done
	} > "$T/d.csv"
	run --separate-stderr cchc-check "$T/d.csv"
	assert_success
	assert_output - <<'OUT'
ma_ho_so,ngay_tiep_nhan
1,2024-01-03
2,2024-01-03
3,2024-01-03
4,2024-01-03
5,2024-01-03
6,2024-01-03T08:15
7,2024-01-03T08:15:09
8,2024-01-03T08:15
9,2024-01-03T08:15
10,2024-01-03T08:15:09
11,2024-01-03T08:15
12,2024-01-03
13,2024-01-03T08:15:09
14,2024-01-03T08:15:09
15,2024-02-29
OUT
}

@test "check: impossible dates and times are rejected, each with its reason" {
	local i=0
	{
		echo "ma_ho_so,ngay_tiep_nhan"
		for d in 31/02/2024 29/02/2023 31/04/2024 00/01/2024 03/13/2024 \
		    "03/01/2024 24:00" "03/01/2024 23:60" 2024-1-3x 20240230 03/01/24 \
		    hôm_qua "03/01/2024 08:15 x"; do
			echo "$((i += 1)),$d"
		done
	} > "$T/d.csv"
	run --separate-stderr cchc-check "$T/d.csv"
	assert_failure 1
	assert_output "ma_ho_so,ngay_tiep_nhan"
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: d.csv:2: ngay_tiep_nhan: no such day: "31/02/2024"
cchc-check: d.csv:3: ngay_tiep_nhan: no such day: "29/02/2023"
cchc-check: d.csv:4: ngay_tiep_nhan: no such day: "31/04/2024"
cchc-check: d.csv:5: ngay_tiep_nhan: no such day: "00/01/2024"
cchc-check: d.csv:6: ngay_tiep_nhan: no such day (it is one read month first: --date-order mdy?): "03/13/2024"
cchc-check: d.csv:7: ngay_tiep_nhan: no such time of day: "03/01/2024 24:00"
cchc-check: d.csv:8: ngay_tiep_nhan: no such time of day: "03/01/2024 23:60"
cchc-check: d.csv:9: ngay_tiep_nhan: not a date: "2024-1-3x"
cchc-check: d.csv:10: ngay_tiep_nhan: no such day: "20240230"
cchc-check: d.csv:11: ngay_tiep_nhan: not a date: a year in two digits, as a spreadsheet's date format writes it (a workbook? xlsx2csv -f float writes its dates as serials): "03/01/24"
cchc-check: d.csv:12: ngay_tiep_nhan: not a date: "hôm_qua"
cchc-check: d.csv:13: ngay_tiep_nhan: not a date: "03/01/2024 08:15 x"
cchc-check: 12 rows: 0 passed, 12 rejected (12 bad ngay_tiep_nhan)
ERR
}

@test "check: --date-order mdy reads US slashes, and only slashes" {
	printf 'ma_ho_so,ngay_tiep_nhan\nA,12/25/2024\nB,1/3/2024 08:00\nC,03.01.2024\nD,25/12/2024\n' > "$T/us.csv"
	run --separate-stderr cchc-check --date-order mdy "$T/us.csv"
	assert_failure 1
	assert_output $'ma_ho_so,ngay_tiep_nhan\nA,2024-12-25\nB,2024-01-03T08:00\nC,2024-01-03'
	[[ "$stderr" == *'us.csv:5: ngay_tiep_nhan: no such day: "25/12/2024"'* ]]
	run --separate-stderr cchc-check --date-order ymd "$T/us.csv"
	assert_failure 2
	[ "$stderr" = 'cchc-check: --date-order: "ymd" is not dmy or mdy' ]
}

@test "check: processing end and hand-over both present: the processing end is ngay_tra_ket_qua" {
	f=$(sample portal --rows 50 --portal)
	run --separate-stderr cchc-check "$f"
	assert_success
	assert_line --index 0 "ma_ho_so,ma_tthc,ten_tthc,linh_vuc,co_quan,cap,kenh,muc_do_dvc,trang_thai,co_phi,thanh_toan_truc_tuyen,so_hoa,ket_qua_dien_tu,tai_su_dung,kho_du_lieu,xac_thuc_vneid,danh_gia,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua,ngay_tra"
	[ "$stderr" = "cchc-check: 50 rows: 50 passed, 0 rejected" ]
}

@test "check: portal codes: KenhThucHien 1/2/3, MucDo 2/3/4, TrangThaiHoSo words" {
	printf 'MaHoSo,KenhThucHien,MucDo,TrangThaiHoSo,NgayTiepNhan\nA,2,4,Mới đăng ký,20240103\nB,1,3,không được tiếp nhận,20240103\nC,3,2,9,20240103\nD,online,,Đã trả kết quả,20240103\n' > "$T/p.csv"
	run --separate-stderr cchc-check "$T/p.csv"
	assert_success
	assert_output - <<'OUT'
ma_ho_so,kenh,muc_do_dvc,trang_thai,ngay_tiep_nhan
A,truc_tuyen,toan_trinh,1,2024-01-03
B,truc_tiep,mot_phan,3,2024-01-03
C,buu_chinh,khong,9,2024-01-03
D,truc_tuyen,khong,10,2024-01-03
OUT
}

@test "check: two columns naming one column is exit 2" {
	printf 'Mã hồ sơ,Số hồ sơ,Ngày tiếp nhận\nA,B,3/1/2024\n' > "$T/x.csv"
	run --separate-stderr cchc-check "$T/x.csv"
	assert_failure 2
	[[ "$stderr" == *'x.csv:1: columns 1 and 2 both name ma_ho_so: "Mã hồ sơ" and "Số hồ sơ"'* ]]
}

@test "check: several files: one header out, later columns reordered by name, ids unique in the run" {
	printf 'Mã hồ sơ,Ngày tiếp nhận,Cấp\nA,3/1/2024,xã\nB,3/1/2024,xã\n' > "$T/a.csv"
	printf 'cap,ngay_tiep_nhan,ma_ho_so\ntinh,4/1/2024,A\ntinh,5/1/2024,C\n' > "$T/b.csv"
	run --separate-stderr cchc-check --rejects "$T/r.csv" "$T/a.csv" "$T/b.csv"
	assert_failure 1
	assert_output $'ma_ho_so,ngay_tiep_nhan,cap\nA,2024-01-03,xa\nB,2024-01-03,xa\nC,2024-01-05,tinh'
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||g") <<'ERR'
cchc-check: b.csv:2: ma_ho_so: repeated ma_ho_so (first on a.csv:2): "A"
cchc-check: 4 rows: 3 passed, 1 rejected (1 repeated ma_ho_so)
ERR
	# the rejected row under the output's header, in its order
	run sed "s|$T/||g" "$T/r.csv"
	assert_output - <<'OUT'
tep,dong,cot,loi,ma_ho_so,ngay_tiep_nhan,cap
b.csv,2,ma_ho_so,"repeated ma_ho_so (first on a.csv:2): ""A""",A,4/1/2024,tinh
OUT
	# --keep last: the later copy; the earlier one, dropped as asked, is
	# no problem, but in the rejects file with why
	run --separate-stderr cchc-check --keep last --rejects "$T/r.csv" "$T/a.csv" "$T/b.csv"
	assert_success
	assert_output $'ma_ho_so,ngay_tiep_nhan,cap\nB,2024-01-03,xa\nA,2024-01-04,tinh\nC,2024-01-05,tinh'
	assert_equal "$stderr" "cchc-check: 4 rows: 3 passed, 0 rejected, 1 earlier copy dropped (--keep last)"
	run sed "s|$T/||g" "$T/r.csv"
	assert_output - <<'OUT'
tep,dong,cot,loi,ma_ho_so,ngay_tiep_nhan,cap
a.csv,2,ma_ho_so,"repeated ma_ho_so (a later copy kept, b.csv:2): ""A""",A,3/1/2024,xã
OUT
	# which needs files it can read twice
	run --separate-stderr sh -c "cat '$T/a.csv' | cchc-check --keep last"
	assert_failure 2
	assert_output ""
	[ "$stderr" = "cchc-check: --keep last reads the input twice (to know which copy of a dossier is the last): standard input cannot be; name the files" ]
}

@test "check: standard input, and '-' among files" {
	run --separate-stderr sh -c "cchc-check < '$DATA/good.csv'"
	assert_success
	assert_line --index 1 'HS1,tinh,Sở Tư pháp,buu_chinh,toan_trinh,10,2024-01-03T08:15,2024-01-10,2024-01-09,"a, b"'
	run --separate-stderr sh -c "printf 'ma_ho_so,ngay_tiep_nhan\nZ,1/1/2024\n' | cchc-check - '$DATA/good.csv'"
	assert_failure 2
	[[ "$stderr" == *"good.csv:1: the header does not have the first file's columns"* ]]
}

@test "check: a later file with other columns, or one that cannot be opened, is exit 2; the rest is done" {
	run --separate-stderr cchc-check "$DATA/good.csv" "$T/nonexistent.csv"
	assert_failure 2
	[ "$(printf '%s\n' "$output" | wc -l)" -eq 4 ]
	diff -u - <(printf '%s\n' "$stderr") <<ERR
cchc-check: $T/nonexistent.csv: cannot open: No such file or directory
cchc-check: 3 rows: 3 passed, 0 rejected
ERR
}

@test "check: empty file, BOM only, header only" {
	: > "$T/empty.csv"
	run --separate-stderr cchc-check "$T/empty.csv"
	assert_failure 2
	assert_output ""
	[ "$stderr" = "cchc-check: $T/empty.csv: empty file: no header line"$'\n'"cchc-check: 0 rows: 0 passed, 0 rejected" ]
	printf '\xef\xbb\xbf' > "$T/bom.csv"
	run --separate-stderr cchc-check "$T/bom.csv"
	assert_failure 2
	printf 'Mã hồ sơ,Ngày tiếp nhận\r\n' > "$T/h.csv"
	run --separate-stderr cchc-check "$T/h.csv"
	assert_success
	assert_output "ma_ho_so,ngay_tiep_nhan"
	[ "$stderr" = "cchc-check: 0 rows: 0 passed, 0 rejected" ]
}

@test "check: no final newline, lone CR line ends, blank and all-empty rows" {
	printf 'ma_ho_so,ngay_tiep_nhan\rA,1/1/2024\r\r,\rB,2/1/2024' > "$T/cr.csv"
	run --separate-stderr cchc-check "$T/cr.csv"
	assert_success
	assert_output $'ma_ho_so,ngay_tiep_nhan\nA,2024-01-01\nB,2024-01-02'
	[ "$stderr" = $'cchc-check: 2 empty rows skipped (blank, or every field empty)\ncchc-check: 2 rows: 2 passed, 0 rejected' ]
	printf 'ma_ho_so,ngay_tiep_nhan\rA,1/1/2024\rB,31/2/2024\r' > "$T/cr.csv"
	run --separate-stderr cchc-check "$T/cr.csv"
	[[ "$stderr" == *"cr.csv:3: ngay_tiep_nhan: no such day"* ]]
}

@test "check: a quoted field over several lines; the line of a broken quote" {
	printf 'ma_ho_so,ngay_tiep_nhan,ghi_chu\nA,1/1/2024,"two\nlines"\nB,1/1/2024,x\nC,1/1/2024,"open\n\nD,1/1/2024,x\n' > "$T/q.csv"
	run --separate-stderr cchc-check "$T/q.csv"
	assert_failure 1
	assert_output $'ma_ho_so,ngay_tiep_nhan,ghi_chu\nA,2024-01-01,"two\nlines"\nB,2024-01-01,x'
	[[ "$stderr" == *"q.csv:5: ghi_chu: malformed CSV in field 3: quote never closed: the field runs to the end of the file"* ]]
	printf 'ma_ho_so,ngay_tiep_nhan,ghi_chu\nA,1/1/2024,"x\ny"z\nB,1/1/2024,x\n' > "$T/q.csv"
	run --separate-stderr cchc-check "$T/q.csv"
	assert_failure 1
	assert_output $'ma_ho_so,ngay_tiep_nhan,ghi_chu\nB,2024-01-01,x'
	[[ "$stderr" == *"q.csv:2: ghi_chu: malformed CSV at line 3, character 3: text after a closing quote"* ]]
	[[ "$stderr" == *"2 rows: 1 passed, 1 rejected"* ]]
}

@test "check: NUL bytes and UTF-16 are reported, not passed" {
	printf 'ma_ho_so,ngay_tiep_nhan\nA\0B,1/1/2024\nC,1/1/2024\n' > "$T/n.csv"
	run --separate-stderr cchc-check "$T/n.csv"
	assert_failure 1
	assert_output $'ma_ho_so,ngay_tiep_nhan\nC,2024-01-01'
	[[ "$stderr" == *'n.csv:2: ma_ho_so: NUL byte in the value: "A\x00B"'* ]]
	# in a date, the text's fault is said, not "not a date"; spaces and
	# no-break spaces around a date are no fault
	printf 'ma_ho_so,ngay_tiep_nhan\nA,1/1\0002024\nB,1/1/2024\xc3\nC,\xc2\xa0 1/1/2024\xc2\xa0\nD,\xe1\xbb\x871/1/2024\n' > "$T/d.csv"
	run --separate-stderr cchc-check "$T/d.csv"
	assert_failure 1
	assert_output $'ma_ho_so,ngay_tiep_nhan\nC,2024-01-01'
	[[ "$stderr" == *'d.csv:2: ngay_tiep_nhan: NUL byte in the value: "1/1\x002024"'* ]]
	[[ "$stderr" == *'d.csv:3: ngay_tiep_nhan: a UTF-8 character is cut short at the end of the field: "1/1/2024\xc3"'* ]]
	[[ "$stderr" == *'d.csv:5: ngay_tiep_nhan: not a date: "ệ1/1/2024"'* ]]
	printf '\xff\xfem\x00a\x00\n\x00' > "$T/u16.csv"
	run --separate-stderr cchc-check "$T/u16.csv"
	assert_failure 2
	[[ "$stderr" == *"u16.csv: the file is UTF-16; convert it first: iconv -f UTF-16 -t UTF-8"* ]]
}

@test "check: the same output at every read block size (buffer boundaries)" {
	# bad.csv twice: a header again mid-stream, every id repeated, the
	# syntax errors at every offset (a run that fails writes no rejects)
	cat "$DATA/bad.csv" "$DATA/bad.csv" > "$T/all.csv"
	cchc-check --rejects "$T/r0" "$T/all.csv" > "$T/o0" 2> "$T/e0" || true
	size=$(wc -c < "$T/all.csv")
	for b in $(seq 1 "$size"); do
		CCHC_BLOCK_SIZE=$b cchc-check --rejects "$T/r" "$T/all.csv" > "$T/o" 2> "$T/e" || true
		cmp -s "$T/o0" "$T/o" && cmp -s "$T/e0" "$T/e" && cmp -s "$T/r0" "$T/r" || {
			echo "differs at block size $b"; diff "$T/e0" "$T/e"; return 1; }
	done
}

@test "check: a value is quoted exactly when it holds a comma, quote, CR or LF, at any place and length" {
	# every length 1-40, the special byte at every place (the quoting scan
	# goes 16 and 8 bytes at a time, the tail overlapping): the output is
	# the input, written the one RFC 4180 way
	awk 'BEGIN {
		print "ma_ho_so,kenh,ngay_tiep_nhan,ghi_chu"
		split(",|\"|\r|\n", sp, "|"); id = 0
		for (len = 1; len <= 40; len++) {
			v = ""; for (i = 0; i < len; i++) v = v sprintf("%c", 97 + i % 26)
			printf "H%d,1,2024-01-01,%s\n", ++id, v
			for (k = 1; k <= 4; k++)
				for (p = 1; p <= len; p++) {
					w = substr(v, 1, p - 1) sp[k] substr(v, p + 1)
					gsub(/"/, "\"\"", w)
					printf "H%d,1,2024-01-01,\"%s\"\n", ++id, w
				}
		}
	}' > "$T/q.csv"
	run --separate-stderr cchc-check "$T/q.csv"
	[ "$status" -eq 0 ]
	sed 's/^\(H[0-9]*\),1,/\1,truc_tiep,/' "$T/q.csv" > "$T/want"
	printf '%s\n' "$output" | cmp - "$T/want"
	[ "$stderr" = "cchc-check: 3320 rows: 3320 passed, 0 rejected" ]
}

@test "check: a write error (full disk) is exit 2 with a message" {
	[ -w /dev/full ] || skip "no /dev/full"
	run --separate-stderr sh -c "cchc-check '$DATA/good.csv' > /dev/full"
	assert_failure 2
	[[ "$stderr" == "cchc-check: write error on standard output: No space left on device"* ]]
	run --separate-stderr cchc-check --rejects /dev/full "$DATA/bad.csv"
	assert_failure 2
	[[ "$stderr" == *"cchc-check: write error on /dev/full: No space left on device"* ]]
}

@test "check: a closed pipe downstream ends quietly" {
	f=$(sample big --rows 20000)
	run --separate-stderr sh -c "cchc-check '$f' | head -n 1"
	assert_success
	assert_output "STT,ma_ho_so,ten_tthc,linh_vuc,co_quan,cap,kenh,muc_do_dvc,trang_thai,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua"
	assert_equal "$stderr" ""
}

@test "check: --help, --version, a bad option" {
	run cchc-check --help
	assert_success
	assert_line --index 0 "usage: cchc-check [-d C] [--rejects FILE] [--date-order dmy|mdy] [--header-line N] [--header-rows N] [--keep first|last] [--codes FILE] [--excel] [FILE]..."
	run cchc-check --version
	assert_success
	assert_output --regexp '^cchc-check [0-9]+\.[0-9]+\.[0-9]+$'
	run --separate-stderr cchc-check --bogus
	assert_failure 2
	[[ "$stderr" == *"usage: cchc-check"* ]]
	run --separate-stderr cchc-check -d ';;'
	assert_failure 2
}

@test "check: a record longer than the reader's 64 KB arena, a field across many blocks, comes through whole" {
	# libcsv writes each field into the reader's arena: a field that
	# outgrows it moves the record's fields read so far, at any block size
	awk 'BEGIN {
		print "ma_ho_so,ghi_chu,kenh,ngay_tiep_nhan"
		v = ""; for (i = 0; i < 20000; i++) v = v "ab,\"\"c\r\nd"
		printf "H1,\"%s\",truc_tiep,2024-01-01\n", v
		printf "H2,x,truc_tuyen,2024-01-02\n"
		printf "H3,\"%s%s\",truc_tiep,2024-01-03\n", v, v
	}' > "$T/long.csv"
	for b in 7 4096 ""; do
		CCHC_BLOCK_SIZE=$b run --separate-stderr cchc-check "$T/long.csv"
		assert_success
		printf '%s\n' "$output" | cmp - "$T/long.csv"
		[[ "$stderr" == *"3 rows: 3 passed, 0 rejected"* ]]
	done
	# an arena of one byte to start with: the first records outgrow it
	# field by field, wanted or not
	# bad.csv twice: a header again mid-stream, every id repeated, the
	# syntax errors at every offset (a run that fails writes no rejects)
	cat "$DATA/bad.csv" "$DATA/bad.csv" > "$T/all.csv"
	cchc-check --rejects "$T/r0" "$T/all.csv" > "$T/o0" 2> "$T/e0" || true
	cchc-sum --period 2024 -g cap,kenh "$T/all.csv" > "$T/s0" 2> "$T/se0" || true
	for b in 1 7 ""; do
		CCHC_ARENA_SIZE=1 CCHC_BLOCK_SIZE=$b cchc-check --rejects "$T/r" "$T/all.csv" > "$T/o" 2> "$T/e" || true
		cmp "$T/o0" "$T/o" && cmp "$T/e0" "$T/e" && cmp "$T/r0" "$T/r"
		CCHC_ARENA_SIZE=1 CCHC_BLOCK_SIZE=$b cchc-sum --period 2024 -g cap,kenh "$T/all.csv" > "$T/s" 2> "$T/se" || true
		cmp "$T/s0" "$T/s" && cmp "$T/se0" "$T/se"
	done
}

# A text column's value is checked and normalised once and its later rows
# take the result (cchc-check.c, seen_text): every row must come out as if
# each were read alone.
@test "check: repeated text values: NFD and NFC alike, quoting, a bad value rejected each time" {
	{
		printf 'ma_ho_so,ngay_tiep_nhan,co_quan,ten_tthc,Ghi chu\n'
		for k in 1 2; do
			printf 'A%s,01/03/2024,UBND x\xc3\xa3 A,"Cấp, đổi",  x  \n' "$k"
			printf 'B%s,01/03/2024,UBND xa\xcc\x83 A,"Cấp, đổi",=1+1\n' "$k"
			printf 'C%s,01/03/2024,S\xff Tư pháp,"Cấp, đổi",x\n' "$k"
			printf 'D%s,01/03/2024, UBND xa\xcc\x83 A ,"Cấp, đổi","a ""b"""\n' "$k"
		done
	} > "$T/rep.csv"
	run --separate-stderr cchc-check "$T/rep.csv"
	assert_failure 1
	assert_output - <<'OUT'
ma_ho_so,ngay_tiep_nhan,co_quan,ten_tthc,Ghi chu
A1,2024-03-01,UBND xã A,"Cấp, đổi",x
B1,2024-03-01,UBND xã A,"Cấp, đổi",=1+1
D1,2024-03-01,UBND xã A,"Cấp, đổi","a ""b"""
A2,2024-03-01,UBND xã A,"Cấp, đổi",x
B2,2024-03-01,UBND xã A,"Cấp, đổi",=1+1
D2,2024-03-01,UBND xã A,"Cấp, đổi","a ""b"""
OUT
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: rep.csv:4: co_quan: not UTF-8; a legacy Vietnamese file converts with iconv -f CP1258 -t UTF-8 (or -f TCVN5712-1): "S\xff Tư pháp" (2 rows)
cchc-check: 8 rows: 6 passed, 2 rejected (2 not UTF-8)
ERR
	# the same rows for a spreadsheet: the formula guarded in every row
	run --separate-stderr cchc-check --excel "$T/rep.csv"
	[ "$(printf '%s\n' "$output" | grep -c "'=1+1")" = 2 ]
}

@test "check: a text column with more distinct values than are kept comes out as read" {
	python3 - "$T/many.csv" <<'PY'
import sys, unicodedata
with open(sys.argv[1], "w", encoding="utf-8", newline="") as f:
    f.write("ma_ho_so,ngay_tiep_nhan,co_quan\n")
    for i in range(12000):
        name = unicodedata.normalize("NFD" if i % 3 else "NFC", "Xã số %d" % (i % 6000))
        f.write("H%d,01/03/2024,%s\n" % (i, name))
PY
	run --separate-stderr cchc-check "$T/many.csv"
	assert_success
	python3 - "$T/many.csv" "$T/want.csv" <<'PY'
import sys, unicodedata
rows = open(sys.argv[1], encoding="utf-8").read().splitlines()[1:]
with open(sys.argv[2], "w", encoding="utf-8") as w:
    w.write("ma_ho_so,ngay_tiep_nhan,co_quan\n")
    for r in rows:
        i, d, name = r.split(",")
        w.write("%s,2024-03-01,%s\n" % (i, unicodedata.normalize("NFC", name)))
PY
	diff -u "$T/want.csv" <(printf '%s\n' "$output")
	[ "$stderr" = "cchc-check: 12000 rows: 12000 passed, 0 rejected" ]
}
