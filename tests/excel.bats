#!/usr/bin/env bats
# --excel: the CSV a person opens with a double-click in Excel set to
# Vietnamese (cchc(7), SPREADSHEETS): a UTF-8 BOM, ';' between fields, CR LF
# after each row, formulas written as text, decimals in the Vietnamese style;
# every byte checked, and the files read back by the tools.

load helper

HDR="tiep_nhan;ky_truoc;moi_tiep_nhan;nop_truc_tuyen;nop_truc_tiep;nop_buu_chinh;da_giai_quyet;gq_truoc_han;gq_dung_han;gq_qua_han;dang_giai_quyet;dang_trong_han;dang_qua_han"
BOM=$'\xef\xbb\xbf'

# Period 2024, by hand: A1 new online, early; A2 new in person, late; A3 in
# person, on its due day; A4 online, pending, no due date: within; A5 by post,
# pending past its due day.
export_csv() {
	printf '%s\n' 'ma_ho_so,co_quan,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua' \
		'A1,Sở Tư pháp,truc_tuyen,01/03/2024,10/03/2024,05/03/2024' \
		'A2,Sở Tư pháp,truc_tiep,01/03/2024,10/03/2024,12/03/2024' \
		'A3,UBND xã A; B,truc_tiep,01/03/2024,10/03/2024,10/03/2024' \
		'A4,"=SUM(1)",truc_tuyen,01/03/2024,,' \
		'A5,"Đội 1, 2",buu_chinh,01/03/2024,10/03/2024,'
}

# Bytes, shown as od(1) writes them, so that a difference is seen.
same_bytes() {
	diff -u <(od -An -c "$1") <(od -An -c "$2")
}

@test "excel: cchc-sum --excel: the BOM, ';', CR LF, a ';' quoted, a ',' not, a formula as text; no BOM when nothing is written" {
	export_csv > "$T/x.csv"
	run -0 --separate-stderr cchc-sum --period 2024 -g co_quan --total --excel "$T/x.csv"
	printf '%s\r\n' "${BOM}co_quan;$HDR" \
		"'=SUM(1);1;0;1;1;0;0;0;0;0;0;1;1;0" \
		"Đội 1, 2;1;0;1;0;0;1;0;0;0;0;1;0;1" \
		"Sở Tư pháp;2;0;2;1;1;0;2;1;0;1;0;0;0" \
		'"UBND xã A; B";1;0;1;0;1;0;1;0;1;0;0;0;0' \
		"tong;5;0;5;2;2;1;3;1;1;1;2;1;1" > "$T/want.csv"
	cchc-sum --period 2024 -g co_quan --total --excel "$T/x.csv" > "$T/got.csv" 2>/dev/null
	same_bytes "$T/want.csv" "$T/got.csv"
	# --merge --excel of the plain table: the same bytes
	cchc-sum --period 2024 -g co_quan --total "$T/x.csv" 2>/dev/null | cchc-sum --merge --excel > "$T/merged.csv" 2>/dev/null
	same_bytes "$T/want.csv" "$T/merged.csv"
	# a job not done writes nothing, not even the BOM
	run -2 --separate-stderr cchc-sum --period 2024 -g nothing --excel "$T/x.csv"
	assert_output ""
}

@test "excel: read back: cchc-rate -d ';' and cchc-sum --merge -d ';' give what the plain table gives" {
	export_csv | grep -v SUM > "$T/x.csv"
	cchc-sum --period 2024 -g co_quan --total --excel "$T/x.csv" > "$T/f.csv" 2>/dev/null
	cchc-sum --period 2024 -g co_quan --total "$T/x.csv" > "$T/plain.csv" 2>/dev/null
	run -0 cchc-rate -d ';' "$T/f.csv"
	assert_output "$(cchc-rate "$T/plain.csv")"
	run -0 --separate-stderr cchc-sum --merge -d ';' "$T/f.csv"
	assert_output "$(cat "$T/plain.csv")"
	# a value written as text is read with its apostrophe: a changed key
	export_csv > "$T/y.csv"
	cchc-sum --period 2024 -g co_quan --excel "$T/y.csv" > "$T/g.csv" 2>/dev/null
	run -0 --separate-stderr cchc-sum --merge -d ';' "$T/g.csv"
	assert_line --index 1 "'=SUM(1),1,0,1,1,0,0,0,0,0,0,1,1,0"
}

@test "excel: cchc-rate --excel writes its rates with a decimal comma; cchc-check --counts and cchc-table read them" {
	export_csv | grep -v SUM > "$T/x.csv"
	cchc-sum --period 2024 -g co_quan --total "$T/x.csv" > "$T/t.csv" 2>/dev/null
	cchc-rate -p 1 --excel "$T/t.csv" > "$T/r.csv"
	# on time: Sở 1 of 2, UBND 1 of 1, Đội none resolved (empty); online:
	# Sở 1 of 2, the others 0
	printf '%s\r\n' "${BOM}co_quan;$HDR;ty_le_dung_han;ty_le_truc_tuyen" \
		"Đội 1, 2;1;0;1;0;0;1;0;0;0;0;1;0;1;;0,0" \
		"Sở Tư pháp;2;0;2;1;1;0;2;1;0;1;0;0;0;50,0;50,0" \
		'"UBND xã A; B";1;0;1;0;1;0;1;0;1;0;0;0;0;100,0;0,0' \
		"tong;4;0;4;1;2;1;3;1;1;1;1;0;1;66,7;25,0" > "$T/want.csv"
	same_bytes "$T/want.csv" "$T/r.csv"
	run -0 --separate-stderr cchc-check --counts -d ';' "$T/r.csv"
	run -0 cchc-rate -d ';' "$T/r.csv" x=gq_truoc_han/da_giai_quyet
	assert_line --index 4 "tong,4,0,4,1,2,1,3,1,1,1,1,0,1,\"66,7\",\"25,0\",33.33"
	printf '%s\n' 'stt,chi_tieu,don_vi,nguon,ghi_chu' '1,Đúng hạn,%,tong.ty_le_dung_han,' > "$T/form.csv"
	run -0 cchc-table --form "$T/form.csv" -d ';' "$T/r.csv"
	assert_output - <<'OUT'
stt,chi_tieu,don_vi,so_lieu,ghi_chu
1,Đúng hạn,%,66.7,
OUT
}

@test "excel: cchc-table --excel: the annex's bytes, figures in the Vietnamese style; cchc-check --form reads it back" {
	# the seed's values, and the one it leaves empty
	{ cat "$DATA/seed-values.csv"; echo 'tthc_don_gian_hoa,0'; } > "$T/v.csv"
	cchc-table --form bm3 --excel "$DATA/seed-counts.csv" "$T/v.csv" > "$T/a.csv"
	# the BOM and the header, then every row ends CR LF
	diff <(head -n 1 "$T/a.csv" | od -An -c) <(printf '%s\r\n' "${BOM}stt;chi_tieu;don_vi;so_lieu;ghi_chu" | od -An -c)
	[ "$(grep -c $'\r$' "$T/a.csv")" = "$(wc -l < "$T/a.csv")" ]
	[ "$(wc -l < "$T/a.csv")" = 26 ]
	# the seed's 3.1, 123.683 of 123.747: 99,95%; a label's comma needs no quotes
	grep -qx $'3.1;Tỷ lệ hồ sơ TTHC do các sở, ngành tiếp nhận được giải quyết đúng hạn;%;99,95%;Từ hệ thống một cửa (theo cấp giải quyết)\r' "$T/a.csv"
	grep -qx $'3.1.1;Tổng số hồ sơ TTHC đã giải quyết xong;Hồ sơ;123.747;\r' "$T/a.csv"
	run -0 --separate-stderr cchc-check --form bm3 -d ';' "$T/a.csv"
	# the rows read back are those of the plain annex in the same style
	assert_output "$(cchc-table --form bm3 --locale vi "$DATA/seed-counts.csv" "$T/v.csv")"
	assert_equal "$stderr" "cchc-check: 25 rows: 25 passed, 0 rejected"
	# --locale en wins; --excel is csv's
	cchc-table --form bm3 --excel --locale en "$DATA/seed-counts.csv" "$T/v.csv" > "$T/e.csv"
	grep -qx $'3.1.1;Tổng số hồ sơ TTHC đã giải quyết xong;Hồ sơ;123,747;\r' "$T/e.csv"
	run -2 --separate-stderr cchc-table --form bm3 --excel --format md "$DATA/seed-counts.csv"
	assert_equal "$stderr" "cchc-table: --excel goes with --format csv (the default)"
	assert_output ""
}

@test "excel: cchc-check --excel: standard output and the rejects file; a line end inside a value stays LF; cchc-sum reads it back" {
	{ export_csv; printf '%s\n' 'A6,Sở Tư pháp,Fax,01/03/2024,,' 'A7,"Sở Tư pháp",truc_tiep,02/03/2024,,'; } |
		sed 's/^ma_ho_so,co_quan,/ma_ho_so,ghi_chu,co_quan,/; s/^\(A[1-5]\),/\1,,/; s/^A6,/A6,x,/; s/^A7,/A7,"hai\ndong",/' > "$T/x.csv"
	run -1 --separate-stderr cchc-check --excel --rejects "$T/loi.csv" "$T/x.csv"
	printf '%s\r\n' "${BOM}ma_ho_so;ghi_chu;co_quan;kenh;ngay_tiep_nhan;ngay_hen_tra;ngay_tra_ket_qua" \
		"A1;;Sở Tư pháp;truc_tuyen;2024-03-01;2024-03-10;2024-03-05" \
		"A2;;Sở Tư pháp;truc_tiep;2024-03-01;2024-03-10;2024-03-12" \
		'A3;;"UBND xã A; B";truc_tiep;2024-03-01;2024-03-10;2024-03-10' \
		"A4;;'=SUM(1);truc_tuyen;2024-03-01;;" \
		"A5;;Đội 1, 2;buu_chinh;2024-03-01;2024-03-10;" \
		'A7;"hai'$'\n''dong";Sở Tư pháp;truc_tiep;2024-03-02;;' > "$T/want.csv"
	cchc-check --excel "$T/x.csv" > "$T/got.csv" 2>/dev/null || true
	same_bytes "$T/want.csv" "$T/got.csv"
	printf '%s\r\n' "${BOM}tep;dong;cot;loi;ma_ho_so;ghi_chu;co_quan;kenh;ngay_tiep_nhan;ngay_hen_tra;ngay_tra_ket_qua" \
		"$T/x.csv;7;kenh;\"unknown code: \"\"Fax\"\"\";A6;x;Sở Tư pháp;Fax;01/03/2024;;" > "$T/want-loi.csv"
	same_bytes "$T/want-loi.csv" "$T/loi.csv"
	# read back: the counts of the plain path, but for the value written as text
	run -0 --separate-stderr cchc-sum --period 2024 -g co_quan -d ';' "$T/got.csv"
	assert_output "$(cchc-check "$T/x.csv" 2>/dev/null | cchc-sum --period 2024 -g co_quan 2>/dev/null | sed "s/^=SUM/'=SUM/")"
}

@test "excel: cchc-map --excel: BOM, ';', CR LF, the formula guarded; read back with -d ';' it is the plain output" {
	export_csv > "$T/x.csv"
	printf 'co_quan,nhom\nSở Tư pháp,"Sở, ngành"\nUBND xã A; B,Cấp xã\n' > "$T/t.csv"
	run -0 --separate-stderr cchc-map -c co_quan -n nhom --excel "$T/t.csv" "$T/x.csv"
	cchc-map -c co_quan -n nhom --excel "$T/t.csv" "$T/x.csv" > "$T/got.csv" 2>/dev/null
	printf '%s\r\n' "${BOM}ma_ho_so;co_quan;kenh;ngay_tiep_nhan;ngay_hen_tra;ngay_tra_ket_qua;nhom" \
		"A1;Sở Tư pháp;truc_tuyen;01/03/2024;10/03/2024;05/03/2024;Sở, ngành" \
		"A2;Sở Tư pháp;truc_tiep;01/03/2024;10/03/2024;12/03/2024;Sở, ngành" \
		'A3;"UBND xã A; B";truc_tiep;01/03/2024;10/03/2024;10/03/2024;Cấp xã' \
		"A4;'=SUM(1);truc_tuyen;01/03/2024;;;" \
		"A5;Đội 1, 2;buu_chinh;01/03/2024;10/03/2024;;" > "$T/want.csv"
	same_bytes "$T/want.csv" "$T/got.csv"
	assert_equal "$stderr" "cchc-map: $T/x.csv:5: co_quan: not in $T/t.csv: \"=SUM(1)\"
cchc-map: $T/x.csv:6: co_quan: not in $T/t.csv: \"Đội 1, 2\"
cchc-map: 5 rows: 3 mapped, 2 unmatched, 0 ambiguous"
	# the next tool reads it with -d ';': the same as the plain run (but the guard)
	cchc-map -c co_quan -n nhom "$T/t.csv" "$T/x.csv" 2>/dev/null | sed "s/,=SUM/,'=SUM/" |
		cchc-map -c co_quan -n nhom2=nhom "$T/t.csv" > "$T/plain.csv" 2>/dev/null
	cchc-map -d ';' -c co_quan -n nhom2=nhom "$T/t.csv" "$T/got.csv" > "$T/back.csv" 2>/dev/null
	diff -u "$T/plain.csv" "$T/back.csv"
}
