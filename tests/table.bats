#!/usr/bin/env bats
# cchc-table: the seed's annex filled from its own figures, in every format.

load helper

@test "table: bm3 from the seed's figures is the seed's annex (3.3 computed, not copied)" {
	run --separate-stderr cchc-table --form bm3 "$DATA/seed-counts.csv" "$DATA/seed-values.csv"
	assert_failure 1
	assert_output - <<'OUT'
stt,chi_tieu,don_vi,so_lieu,ghi_chu
1,Thống kê TTHC,,,
1.1,Số TTHC đã được phê duyệt phương án đơn giản hóa,Thủ tục,,
1.2,Số TTHC công bố mới,Thủ tục,289,
1.3,"Số TTHC bãi bỏ, thay thế",Thủ tục,178,
1.4,Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương,Thủ tục,2815,
1.4.1,Số TTHC cấp tỉnh (Bao gồm cả TTHC của cơ quan ngành dọc),Thủ tục,2147,
1.4.2,Số TTHC cấp huyện (Bao gồm cả TTHC của cơ quan ngành dọc),Thủ tục,467,
1.4.3,Số TTHC cấp xã (Bao gồm cả TTHC của cơ quan ngành dọc),Thủ tục,201,
2,"Thực hiện cơ chế một cửa, một cửa liên thông",,,
2.1,Số TTHC liên thông cùng cấp,Thủ tục,271,
2.2,Số TTHC liên thông giữa các cấp chính quyền,Thủ tục,116,
2.3,Số TTHC đã thực hiện tiếp nhận và giải quyết hồ sơ không phụ thuộc vào địa giới hành chính.,Thủ tục,0,
3,Kết quả giải quyết TTHC,,,
3.1,"Tỷ lệ hồ sơ TTHC do các sở, ngành tiếp nhận được giải quyết đúng hạn",%,99.95,Từ hệ thống một cửa (theo cấp giải quyết)
3.1.1,Tổng số hồ sơ TTHC đã giải quyết xong,Hồ sơ,123747,
3.1.2,Số hồ sơ TTHC giải quyết đúng hạn,Hồ sơ,123683,
3.2,Tỷ lệ hồ sơ TTHC do UBND cấp huyện tiếp nhận được giải quyết đúng hạn,%,99.50,Từ hệ thống một cửa (theo cấp giải quyết)
3.2.1,Tổng số hồ sơ TTHC đã giải quyết xong,Hồ sơ,29781,
3.2.2,Số hồ sơ TTHC giải quyết đúng hạn,Hồ sơ,29632,
3.3,Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn,%,99.18,Từ hệ thống một cửa (theo cấp giải quyết)
3.3.1,Tổng số hồ sơ TTHC đã giải quyết xong,Hồ sơ,301390,
3.3.2,Số hồ sơ TTHC giải quyết đúng hạn,Hồ sơ,298921,
3.4,"Tỷ lệ giải quyết phản ánh, kiến nghị (PAKN) về quy định TTHC",%,100.00,
3.4.1,Tổng số PAKN đã tiếp nhận (trực tiếp hoặc do cơ quan có thẩm quyền chuyển đến),PAKN,300,
3.4.2,Số PAKN đã giải quyết xong,PAKN,300,
OUT
	assert_equal "$stderr" "cchc-table: 1.1: no value for tthc_don_gian_hoa in the data"
	run --separate-stderr cchc-table --partial --form bm3 "$DATA/seed-counts.csv" "$DATA/seed-values.csv"
	assert_success
	assert_equal "$stderr" "cchc-table: 1.1: no value for tthc_don_gian_hoa in the data"
}

@test "table: bm1 and bm7, Vietnamese style with --locale vi" {
	run --separate-stderr cchc-table --form bm1 --locale vi "$DATA/seed-values.csv"
	assert_success
	assert_line --index 7 "6.1,Số lượng phiếu khảo sát,Số lượng,42.000,"
	run --separate-stderr cchc-table --form bm7 --locale vi "$DATA/seed-counts.csv" "$DATA/seed-values.csv"
	assert_success
	assert_line --index 6 '6.2,Tỷ lệ DVC có phát sinh hồ sơ nộp trực tuyến (toàn trình + một phần),%,"83,1%",'
	assert_line --index 9 '6.3,Tỷ lệ hồ sơ trực tuyến toàn trình,%,"90,4%",Từ hệ thống một cửa (theo mức độ DVC)'
	assert_line --index 10 "6.3.1,Tổng số hồ sơ của DVCTT toàn trình (gồm hồ sơ nộp trực tuyến + trực tiếp),Hồ sơ,175.326,"
	assert_line --index 11 "6.3.2,Số hồ sơ nộp trực tuyến của các DVCTT toàn trình,Hồ sơ,158.550,"
	assert_line --index 12 "6.4,Tỷ lệ hồ sơ trực tuyến một phần,%,83%,Từ hệ thống một cửa (theo mức độ DVC)"
	run --separate-stderr cchc-table --form bm7 --locale en "$DATA/seed-counts.csv" "$DATA/seed-values.csv"
	assert_line --index 11 '6.3.2,Số hồ sơ nộp trực tuyến của các DVCTT toàn trình,Hồ sơ,"158,550",'
}

@test "table: txt aligns by display width, wraps labels, right-aligns figures" {
	run --separate-stderr cchc-table --form bm3 --format txt --partial "$DATA/seed-counts.csv" "$DATA/seed-values.csv"
	assert_success
	assert_line --index 0 "Biểu mẫu 3: Cải cách thủ tục hành chính"
	assert_line --index 1 "STT    Chỉ tiêu thống kê                                         Đơn vị tính  Số liệu  Ghi chú"
	assert_line --index 2 "-----  --------------------------------------------------------  -----------  -------  --------------------------------"
	assert_line "1.4    Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương   Thủ tục        2.815"
	assert_line "1.4.2  Số TTHC cấp huyện (Bao gồm cả TTHC của cơ quan ngành      Thủ tục          467"
	assert_line "       dọc)"
	assert_line "3.1.1  Tổng số hồ sơ TTHC đã giải quyết xong                     Hồ sơ        123.747"
	# the figures end at one display column, whatever marks the labels carry
	printf '%s\n' "$output" | grep -E '  (Thủ tục|Hồ sơ|PAKN) +[0-9.]+$' | while IFS= read -r l; do
		[ "$(printf '%s' "$l" | wc -m)" -eq 85 ] || { echo "width: $l"; return 1; }
	done
	! printf '%s\n' "$output" | grep -q ' $'
}

@test "table: md and html, escaped" {
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n1,"A <b>&</b> | x",Hồ sơ,v,"n""q"\n' > "$T/f.csv"
	printf 'ten,gia_tri\nv,1234567\n' > "$T/v.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" --format md "$T/v.csv"
	assert_success
	assert_output - <<'OUT'
## f.csv

| STT | Chỉ tiêu thống kê | Đơn vị tính | Số liệu | Ghi chú |
|---|---|---|---:|---|
| 1 | A \<b>&\</b> \| x | Hồ sơ | 1.234.567 | n"q |
OUT
	run --separate-stderr cchc-table --form "$T/f.csv" --format html "$T/v.csv"
	assert_success
	assert_line --index 0 "<!DOCTYPE html>"
	assert_line '<meta charset="utf-8">'
	assert_line '<tr><td>1</td><td>A &lt;b&gt;&amp;&lt;/b&gt; | x</td><td>Hồ sơ</td><td class="so">1.234.567</td><td>n&quot;q</td></tr>'
	assert_line --index -1 "</html>"
}

@test "table: csv never lets a label run as a spreadsheet formula" {
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n1,"=HYPERLINK(""x"")",@x,v,+1+2\n2,-3,Hồ sơ,w,-\n' > "$T/f.csv"
	printf 'ten,gia_tri\nv,5\nw,7\n' > "$T/v.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" "$T/v.csv"
	assert_success
	assert_output - <<'OUT'
stt,chi_tieu,don_vi,so_lieu,ghi_chu
1,"'=HYPERLINK(""x"")",'@x,5,'+1+2
2,-3,Hồ sơ,7,'-
OUT
}

@test "table: -k joins key columns; a value given twice differently is named" {
	printf 'cap,kenh,nop\ntinh,truc_tuyen,5\nxa,truc_tuyen,7\n' > "$T/c.csv"
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n1,x,Hồ sơ,tinh/truc_tuyen.nop+xa/truc_tuyen.nop,\n' > "$T/f.csv"
	run --separate-stderr cchc-table -k 2 --form "$T/f.csv" "$T/c.csv"
	assert_success
	assert_line --index 1 "1,x,Hồ sơ,12,"
	printf 'ten,gia_tri\na,1\na,2\n' > "$T/v.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" "$T/v.csv"
	assert_failure 1
	[[ "$stderr" == *'v.csv:3: a is given twice: "1" on line 2, and here: "2"'* ]]
}

@test "table: form errors are exit 2: unknown row, circular rows, bad nguon, no form" {
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n1,x,,=2+3,\n2,y,,=1,\n3,z,,a,\n' > "$T/c.csv"
	run --separate-stderr cchc-table --form "$T/c.csv" /dev/null
	assert_failure 2
	[[ "$stderr" == *'c.csv:3: 2: nguon "=1" comes round to itself through 1'* ]]
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n1,x,,=9,\n' > "$T/u.csv"
	run --separate-stderr cchc-table --form "$T/u.csv"
	assert_failure 2
	[[ "$stderr" == *'u.csv:2: 1: nguon "=9" names no row 9'* ]]
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n1,x,,a++b,\n' > "$T/b.csv"
	run --separate-stderr cchc-table --form "$T/b.csv"
	assert_failure 2
	[[ "$stderr" == *'b.csv:2: 1: nguon "a++b": a name is missing before this (at byte 3)'* ]]
	run --separate-stderr cchc-table --form bm9
	assert_failure 2
	[[ "$stderr" == "cchc-table: --form: bm9: no built-in form of that name, and no form file: No such file or directory" ]]
}

@test "table: a zero denominator leaves the rate empty and says so" {
	printf 'ten,gia_tri\npakn_tiep_nhan,0\npakn_da_giai_quyet,0\n' > "$T/v.csv"
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n3.4,r,%%,=3.4.2/3.4.1,\n3.4.1,a,PAKN,pakn_tiep_nhan,\n3.4.2,b,PAKN,pakn_da_giai_quyet,\n' > "$T/f.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" "$T/v.csv"
	assert_failure 1
	assert_line --index 1 "3.4,r,%,,"
	assert_equal "$stderr" "cchc-table: 3.4: no rate: =3.4.2/3.4.1 has a zero denominator"
}

@test "table: --list-forms, --show-form; every built-in form loads and round-trips" {
	run cchc-table --list-forms
	assert_success
	assert_output - <<'OUT'
ten,tieu_de,mo_ta
bm1,Biểu mẫu 1,Công tác chỉ đạo điều hành CCHC
bm3,Biểu mẫu 3,Cải cách thủ tục hành chính
bm7,Biểu mẫu 7,"Xây dựng và phát triển Chính quyền điện tử, Chính quyền số"
OUT
	for f in bm1 bm3 bm7; do
		cchc-table --show-form $f > "$T/$f.csv"
		cmp "$T/$f.csv" "$TOP/src/forms/$f.csv"
		cchc-table --partial --form "$T/$f.csv" "$DATA/seed-values.csv" "$DATA/seed-counts.csv" > "$T/a" 2>/dev/null
		cchc-table --partial --form $f "$DATA/seed-values.csv" "$DATA/seed-counts.csv" > "$T/b" 2>/dev/null
		cmp "$T/a" "$T/b"
	done
	run --separate-stderr cchc-table --show-form nope
	assert_failure 2
}

@test "table: the whole pipeline: check | sum | rate | table" {
	f=$(sample clean --rows 3000)
	run --separate-stderr sh -c "cchc-check '$f' 2>/dev/null | cchc-sum --period 2024 -g cap 2>/dev/null | cchc-rate | cchc-table --form bm3 --partial - '$DATA/seed-values.csv'"
	assert_success
	assert_line --index 15 --regexp '^3\.1\.1,Tổng số hồ sơ TTHC đã giải quyết xong,Hồ sơ,[0-9]+,$'
	[ -z "$(printf '%s\n' "$output" | sed -n '15,23p' | awk -F, '$4 == ""')" ]
}

@test "table: /dev/full, --help, bad options" {
	[ -w /dev/full ] || skip "no /dev/full"
	run --separate-stderr sh -c "cchc-table --form bm1 '$DATA/seed-values.csv' > /dev/full"
	assert_failure 2
	[[ "$stderr" == *"write error on standard output: No space left on device"* ]]
	run cchc-table --help
	assert_success
	assert_line --index 0 --partial "usage: cchc-table --form NAME|FILE"
	run --separate-stderr cchc-table --form bm1 --format pdf
	assert_failure 2
	run --separate-stderr cchc-table "$DATA/seed-values.csv"
	assert_failure 2
}
