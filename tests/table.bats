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
	[ "$(printf '%s\n' "$output" | grep -c ' $')" -eq 0 ]
}

@test "table: md and html, escaped" {
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n1,"A <b>&</b> | x",Hồ sơ,v,"n""q"\n' > "$T/f.csv"
	printf 'ten,gia_tri\nv,1234567\n' > "$T/v.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" --format md "$T/v.csv"
	assert_success
	assert_output - <<'OUT'
## f.csv

| STT | Chỉ tiêu thống kê | Đơn vị tính | Số liệu | Ghi chú |
|-------|--------------------------------------------------|------------|-----------:|-------------------|
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
06a,Biểu II.06a/VPCP/KSTT,"Tình hình, kết quả giải quyết TTHC"
qd766,QĐ 766/QĐ-TTg,"Chỉ số phục vụ người dân, doanh nghiệp: các chỉ tiêu tính được từ dữ liệu hồ sơ"
OUT
	for f in bm1 bm3 bm7 06a qd766; do
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
	[ -c /dev/full ] && [ -w /dev/full ] || skip "no /dev/full device"
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

# Finding 13: a chain of rows (=i+1) is evaluated without recursion, and
# loaded in linear time (the quadratic loader took 136 s for 100,000 rows;
# the recursive evaluator overflowed the stack near 15,000).
@test "table: 100,000 chained rows load and evaluate, exactly; a cycle through them is named" {
	awk 'BEGIN { print "stt,chi_tieu,don_vi,nguon,ghi_chu"
		for (i = 1; i < 100000; i++) printf "%d,r%d,hồ sơ,=%d,\n", i, i, i + 1
		print "100000,r100000,hồ sơ,x," }' > "$T/chain.csv"
	awk 'BEGIN { print "stt,chi_tieu,don_vi,so_lieu,ghi_chu"
		for (i = 1; i <= 100000; i++) printf "%d,r%d,hồ sơ,%d,\n", i, i, 4242 }' > "$T/want.csv"
	printf 'ten,gia_tri\nx,4242\n' > "$T/v.csv"
	run --separate-stderr timeout 20 cchc-table --form "$T/chain.csv" "$T/v.csv"
	assert_success
	assert_equal "$stderr" ""
	printf '%s\n' "$output" | cmp - "$T/want.csv"
	# the same chain backwards (=i-1), and a value missing at its end: said once,
	# every row after it empty
	awk 'BEGIN { print "stt,chi_tieu,don_vi,nguon,ghi_chu"; print "1,r1,hồ sơ,y,"
		for (i = 2; i <= 100000; i++) printf "%d,r%d,hồ sơ,=%d,\n", i, i, i - 1 }' > "$T/back.csv"
	run --separate-stderr timeout 20 cchc-table --form "$T/back.csv" "$T/v.csv"
	assert_failure 1
	assert_equal "$stderr" "cchc-table: 1: no value for y in the data"
	[ "$(printf '%s\n' "$output" | awk -F, 'NR > 1 && $4 == ""' | wc -l)" -eq 100000 ]
	# the last row names the first: round to itself through every row
	sed '$s/,x,$/,=1,/' "$T/chain.csv" > "$T/cycle.csv"
	run --separate-stderr timeout 20 cchc-table --form "$T/cycle.csv" "$T/v.csv"
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-table: --form: $T/cycle.csv:100001: 100000: nguon \"=1\" comes round to itself through 1"
}

@test "table: rows are made after the rows they name, whatever their order; messages in form order" {
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n1,a,%%,=2/3,\n2,b,Hồ sơ,=4+5,\n3,c,Hồ sơ,=5,\n4,d,Hồ sơ,p,\n5,e,Hồ sơ,q,\n6,f,Hồ sơ,=1+4,\n7,g,%%,=4/8,\n8,h,Hồ sơ,z,\n' > "$T/f.csv"
	printf 'ten,gia_tri\np,3\nq,4\nz,0\n' > "$T/v.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" "$T/v.csv"
	assert_failure 1
	assert_output - <<'OUT'
stt,chi_tieu,don_vi,so_lieu,ghi_chu
1,a,%,175.00,
2,b,Hồ sơ,7,
3,c,Hồ sơ,4,
4,d,Hồ sơ,3,
5,e,Hồ sơ,4,
6,f,Hồ sơ,178.00,
7,g,%,,
8,h,Hồ sơ,0,
OUT
	assert_equal "$stderr" "cchc-table: 7: no rate: =4/8 has a zero denominator"
	# a sum past the largest number, and a value missing, said where they are
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n1,a,Hồ sơ,=2+3,\n2,b,Hồ sơ,big+big,\n3,c,Hồ sơ,nope,\n' > "$T/g.csv"
	printf 'ten,gia_tri\nbig,9223372036854775807\n' > "$T/w.csv"
	run --separate-stderr cchc-table --form "$T/g.csv" "$T/w.csv"
	assert_failure 1
	assert_output $'stt,chi_tieu,don_vi,so_lieu,ghi_chu\n1,a,Hồ sơ,,\n2,b,Hồ sơ,,\n3,c,Hồ sơ,,'
	assert_equal "$stderr" "cchc-table: 2: the sum passes the largest number (big+big)
cchc-table: 3: no value for nope in the data"
}

# Finding 14: txt dropped a label's text past its 64th line.
@test "table: txt wraps a label of any length and drops nothing" {
	label=$(seq -f 'w%04g' 0 999 | paste -sd' ')
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n1,%s,Hồ sơ,x,END\n' "$label" > "$T/f.csv"
	printf 'ten,gia_tri\nx,5\n' > "$T/v.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" --format txt "$T/v.csv"
	assert_success
	assert_line --index 3 "1    w0000 w0001 w0002 w0003 w0004 w0005 w0006 w0007 w0008     Hồ sơ              5  END"
	assert_line --index 4 "     w0009 w0010 w0011 w0012 w0013 w0014 w0015 w0016 w0017"
	assert_line --index -1 "     w0999"
	[ "${#lines[@]}" -eq $((3 + 1000 / 9 + 1)) ]
	# every word, once, in order
	[ "$(printf '%s\n' "$output" | sed 1,4d | cut -c6-61 | tr -s ' ' '\n' | sed '/^$/d' | paste -sd' ')" = "$label" ]
	# a word longer than the column is cut, not dropped; a wide character is never split
	long=$(printf 'x%.0s' $(seq 1 150))
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n1,%s,a%s,x,\n' "$long" "$(printf '漢%.0s' $(seq 1 20))" > "$T/g.csv"
	run --separate-stderr cchc-table --form "$T/g.csv" --format txt "$T/v.csv"
	assert_success
	[ "$(printf '%s\n' "$output" | sed 1,4d | cut -c6-61 | tr -d ' \n')" = "$long" ]
	x56=$(printf 'x%.0s' $(seq 1 56))
	assert_line --index 3 "1    $x56  a漢漢漢漢漢漢漢         5"
	assert_line --index 4 "     $x56  漢漢漢漢漢漢漢漢"
	assert_line --index 5 "     $(printf 'x%.0s' $(seq 1 38))                    漢漢漢漢漢"
	[ "${#lines[@]}" -eq 6 ]
}

# Finding 15: labels are shown, not run, by a terminal, a Markdown renderer or a browser.
@test "table: control characters in labels are shown as \\xNN in txt, md and html; csv keeps them" {
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n1,"A\033[31mred\033[0m\tb\r\nc",Hồ sơ,v,"x\302\233y\177 \342\200\256cba"\n' > "$T/f.csv"
	printf 'ten,gia_tri\nv,5\n' > "$T/v.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" --format txt "$T/v.csv"
	assert_success
	assert_line --index 3 '1    A\x1b[31mred\x1b[0m b  c  Hồ sơ              5  x\xc2\x9by\x7f \u202Ecba'
	run --separate-stderr cchc-table --form "$T/f.csv" --format md "$T/v.csv"
	assert_success
	assert_line --index 3 '| 1 | A\\x1b\[31mred\\x1b\[0m b  c | Hồ sơ | 5 | x\\xc2\\x9by\\x7f \\u202Ecba |'
	run --separate-stderr cchc-table --form "$T/f.csv" --format html "$T/v.csv"
	assert_success
	assert_line '<tr><td>1</td><td>A\x1b[31mred\x1b[0m b  c</td><td>Hồ sơ</td><td class="so">5</td><td>x\xc2\x9by\x7f \u202Ecba</td></tr>'
	[ "$(printf '%s' "$output" | LC_ALL=C grep -c $'[\001-\010\013-\037\177]')" -eq 0 ]
	# the form's name is its title: shown too
	cp "$T/f.csv" "$T/"$'t\033]0;x\a.csv'
	run --separate-stderr cchc-table --form "$T/"$'t\033]0;x\a.csv' --format txt "$T/v.csv"
	assert_success
	assert_line --index 0 't\x1b]0;x\x07.csv'
	# csv is data: the bytes as they are, quoted where they must be
	run --separate-stderr cchc-table --form "$T/f.csv" "$T/v.csv"
	assert_success
	assert_equal "$output" $'stt,chi_tieu,don_vi,so_lieu,ghi_chu\n1,"A\033[31mred\033[0m\tb\r\nc",Hồ sơ,5,x\302\233y\177 \342\200\256cba'
}

# Finding 01 for cchc-table: a header with an open or stray quote made the
# table vanish without a word.
@test "table: a syntax error in a header (data or form) is exit 2 naming file, line and character" {
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n1,a,Hồ sơ,tinh.x,\n' > "$T/f.csv"
	printf 'cap,"x\ntinh,5\n' > "$T/open.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" "$T/open.csv"
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-table: $T/open.csv:1: header: malformed CSV in field 2: quote never closed: the field runs to the end of the file"
	printf 'cap,x "y"\ntinh,5\n' > "$T/stray.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" "$T/stray.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-table: $T/stray.csv:1: header: malformed CSV at character 7: quote inside an unquoted field"
	printf 'stt,chi_tieu,don_vi,nguon,"ghi_chu\n1,a,Hồ sơ,tinh.x,\n' > "$T/fo.csv"
	printf 'cap,x\ntinh,5\n' > "$T/c.csv"
	run --separate-stderr cchc-table --form "$T/fo.csv" "$T/c.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-table: --form: $T/fo.csv:1: header: malformed CSV in field 5: quote never closed: the field runs to the end of the file"
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n1,a "b",Hồ sơ,tinh.x,\n' > "$T/fr.csv"
	run --separate-stderr cchc-table --form "$T/fr.csv" "$T/c.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-table: --form: $T/fr.csv:2: malformed CSV at character 5: quote inside an unquoted field"
	# in a data row: the row is reported (exit 1), once per problem with its count
	printf 'cap,x\ntinh,5\nxa,1"2\nhuyen,1"2\nq,1,2\nr,1,2\n' > "$T/rows.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" "$T/rows.csv"
	assert_failure 1
	assert_line --index 1 "1,a,Hồ sơ,5,"
	assert_equal "$stderr" "cchc-table: $T/rows.csv:3: malformed CSV at character 5: quote inside an unquoted field
cchc-table: $T/rows.csv:4: malformed CSV at character 8: quote inside an unquoted field
cchc-table: $T/rows.csv:5: expected 2 fields, found 3 (2 rows)"
}

@test "table: standard input once; a closed pipe is never status 0; not UTF-8 and NUL named" {
	printf 'ten,gia_tri\nx,5\n' > "$T/v.csv"
	run --separate-stderr cchc-table --form bm1 - - < "$T/v.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-table: -: standard input is named twice (it can be read once)"
	run --separate-stderr cchc-table --form - < "$T/v.csv"
	assert_failure 2
	[[ "$stderr" == *"the form is read from standard input, so the data must be named"* ]]
	run --separate-stderr cchc-table --form - - < "$T/v.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-table: -: standard input is named twice (it can be read once)"
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n1,a,Hồ sơ,x,\n' > "$T/f.csv"
	run --separate-stderr sh -c "cchc-table --form - '$T/v.csv' < '$T/f.csv'"
	assert_success
	assert_output $'stt,chi_tieu,don_vi,so_lieu,ghi_chu\n1,a,Hồ sơ,5,'
	# | head: the tool dies of SIGPIPE (141), even when SIGPIPE was ignored
	awk 'BEGIN { print "stt,chi_tieu,don_vi,nguon,ghi_chu"
		for (i = 1; i <= 100000; i++) printf "%d,r%d,hồ sơ,x,\n", i, i }' > "$T/big.csv"
	run bash -c "cchc-table --form '$T/big.csv' '$T/v.csv' | head -n 1; echo \${PIPESTATUS[0]}"
	assert_output $'stt,chi_tieu,don_vi,so_lieu,ghi_chu\n141'
	run bash -c "trap '' PIPE; cchc-table --form '$T/big.csv' '$T/v.csv' | head -n 1 >/dev/null; echo \${PIPESTATUS[0]}"
	assert_output "141"
	# not UTF-8 and a NUL byte in data rows: reported, once per value
	printf 'ten,gia_tri\nx,5\ny,H\xe0 N\xf4i\nz,H\xe0 N\xf4i\nw,a\000b\n' > "$T/bad.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" "$T/bad.csv"
	assert_failure 1
	assert_equal "$stderr" "cchc-table: $T/bad.csv:3: not UTF-8; a legacy Vietnamese file converts with iconv -f CP1258 -t UTF-8 (or -f TCVN5712-1): \"H\\xe0 N\\xf4i\" (2 rows)
cchc-table: $T/bad.csv:5: a NUL byte in the text: \"a\\x00b\""
	# a header that is not UTF-8: no table
	printf 'ten,gi\xe1 tr\xec\nx,5\n' > "$T/bh.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" "$T/bh.csv"
	assert_failure 2
	[[ "$stderr" == "cchc-table: $T/bh.csv:1: header: not UTF-8; a legacy Vietnamese"* ]]
	# a BOM and CRLF are read as the contract says; an empty file and a header alone
	printf '\357\273\277ten,gia_tri\r\nx,5\r\n' > "$T/bom.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" "$T/bom.csv"
	assert_success
	assert_output $'stt,chi_tieu,don_vi,so_lieu,ghi_chu\n1,a,Hồ sơ,5,'
	: > "$T/empty.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" "$T/empty.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-table: $T/empty.csv: empty file: no header line"
	printf 'ten,gia_tri\n' > "$T/h.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" "$T/h.csv"
	assert_failure 1
	assert_equal "$stderr" "cchc-table: 1: no value for x in the data"
}
