#!/usr/bin/env bats
# The code words: every word real exports use for a level, channel, service
# level and status, through cchc-check; negations, control bytes, and the
# user's own table (codes_load, through tests/codes-load.c until the tools
# take --codes).

load helper

setup_file() {
	# the loader's driver, built against the library as it was built
	# (with the sanitizers when make SANITIZE=1 made it)
	local san=
	if nm "$TOP/src/libcchc.a" 2>/dev/null | grep -qE '__(a|ub)san_'; then
		san="-fsanitize=address,undefined"
	fi
	export DRV="$BATS_FILE_TMPDIR/codes-load"
	${CC:-cc} $san -I"$TOP/src/lib" -o "$DRV" "$TOP/tests/codes-load.c" \
	    "$TOP/src/libcchc.a" -lcsv -lutf8proc -lpthread
}

# "value|code" lines on stdin: an export of one row per value in column
# COL, through cchc-check, must come out as those codes, all passed.
words() {
	local col=$1 rows=0 v code
	printf 'ma_ho_so,%s,ngay_tiep_nhan\n' "$col" > "$T/w.csv"
	printf 'ma_ho_so,%s,ngay_tiep_nhan\n' "$col" > "$T/want"
	while IFS='|' read -r v code; do
		rows=$((rows + 1))
		printf 'W%d,"%s",2024-01-01\n' "$rows" "${v//\"/\"\"}" >> "$T/w.csv"
		printf 'W%d,%s,2024-01-01\n' "$rows" "$code" >> "$T/want"
	done
	run --separate-stderr cchc-check "$T/w.csv"
	assert_success
	diff -u "$T/want" <(printf '%s\n' "$output")
	[ "$stderr" = "cchc-check: $rows rows: $rows passed, 0 rejected" ]
}

@test "codes: every level word; the longest phrase wins (thị xã is huyen)" {
	words cap <<'EOF'
tinh|tinh
huyen|huyen
xa|xa
Tỉnh|tinh
Cấp tỉnh|tinh
CẤP TỈNH|tinh
UBND tỉnh|tinh
Sở, ban, ngành|tinh
Sở ngành|tinh
Thành phố trực thuộc trung ương|tinh
Thành phố thuộc trung ương|tinh
Huyện|huyen
Cấp huyện|huyen
Quận|huyen
Quận/huyện|huyen
Thị xã|huyen
Thị xã|huyen
UBND thị xã Đức Phổ|huyen
Thành phố thuộc tỉnh|huyen
Thành phố trực thuộc tỉnh|huyen
Xã|xa
Cấp xã|xa
UBND cấp xã|xa
Cấp xã, phường, thị trấn|xa
Xã/phường/thị trấn|xa
Phường|xa
Thị trấn|xa
Đặc khu|xa
Cơ quan cấp tỉnh|tinh
Ban quản lý khu kinh tế tỉnh|tinh
Lao động - Thương binh và Xã hội cấp tỉnh|tinh
EOF
}

@test "codes: every channel word" {
	words kenh <<'EOF'
1|truc_tiep
2|truc_tuyen
3|buu_chinh
truc_tuyen|truc_tuyen
truc_tiep|truc_tiep
buu_chinh|buu_chinh
Trực tiếp|truc_tiep
Nộp trực tiếp|truc_tiep
Trực tiếp tại Bộ phận Một cửa|truc_tiep
Nộp tại Bộ phận một cửa|truc_tiep
Trực tuyến|truc_tuyen
Nộp trực tuyến|truc_tuyen
Online|truc_tuyen
Online (Cổng DVC)|truc_tuyen
Cổng dịch vụ công|truc_tuyen
Cổng DVCQG|truc_tuyen
Nộp phí trực tuyến|truc_tuyen
Bưu chính|buu_chinh
Qua dịch vụ BCCI|buu_chinh
Nộp qua bưu chính công ích|buu_chinh
Qua dịch vụ bưu chính công ích|buu_chinh
Bưu điện|buu_chinh
Trực tiếp, không qua bưu chính|truc_tiep
Trực tuyến – Cổng DVC|truc_tuyen
«Trực tuyến»|truc_tuyen
trực​tuyến|truc_tuyen
Trực tiếp|truc_tiep
EOF
}

@test "codes: every service-level word; an empty one is khong" {
	words muc_do_dvc <<'EOF'
4|toan_trinh
3|mot_phan
2|khong
1|khong
|khong
toan_trinh|toan_trinh
mot_phan|mot_phan
khong|khong
Toàn trình|toan_trinh
DVC trực tuyến toàn trình|toan_trinh
Dịch vụ công trực tuyến toàn trình|toan_trinh
Mức độ 4|toan_trinh
DVC mức độ 4|toan_trinh
Mức 4|toan_trinh
Một phần|mot_phan
DVC trực tuyến một phần|mot_phan
Mức độ 3|mot_phan
Mức 3|mot_phan
Cung cấp thông tin|khong
Thông tin|khong
Mức độ 2|khong
Mức độ 1|khong
Mức 2|khong
Mức 1|khong
Không|khong
Không trực tuyến|khong
Chưa trực tuyến|khong
EOF
}

@test "codes: every status: the portal's labels, the provinces' phrasings, with and without đã, được, hồ sơ" {
	words trang_thai <<'EOF'
1|1
Mới đăng ký|1
Đăng ký mới|1
Chờ tiếp nhận|1
2|2
Được tiếp nhận|2
Đã tiếp nhận|2
Đã được tiếp nhận|2
Tiếp nhận|2
Hồ sơ đã tiếp nhận|2
3|3
Không được tiếp nhận|3
Không tiếp nhận|3
Từ chối tiếp nhận|3
Đã từ chối tiếp nhận|3
Từ chối|3
Đã từ chối|3
4|4
Đang xử lý|4
Đang giải quyết|4
Hồ sơ đang xử lý|4
5|5
Yêu cầu bổ sung giấy tờ|5
Yêu cầu bổ sung hồ sơ|5
Yêu cầu bổ sung|5
Chờ bổ sung|5
Chờ bổ sung giấy tờ|5
Chờ bổ sung hồ sơ|5
Bổ sung hồ sơ|5
6|6
Yêu cầu thực hiện nghĩa vụ tài chính|6
Chờ thực hiện nghĩa vụ tài chính|6
Chờ thanh toán phí|6
Chờ thanh toán phí, lệ phí|6
Chờ thanh toán|6
Chờ nộp phí|6
Chờ nộp phí, lệ phí|6
7|7
Công dân yêu cầu rút hồ sơ|7
Yêu cầu rút hồ sơ|7
Đã rút hồ sơ|7
Rút hồ sơ|7
Đã rút|7
8|8
Dừng xử lý|8
Đã dừng xử lý|8
Dừng giải quyết|8
Tạm dừng|8
Tạm dừng xử lý|8
Đã tạm dừng|8
Đã hủy|8
Đã huỷ|8
Đã hủy hồ sơ|8
9|9
Đã xử lý xong|9
Xử lý xong|9
Đã xử lý|9
Đã giải quyết|9
Đã có kết quả|9
Chờ trả kết quả|9
Hoàn thành|9
Đã hoàn thành|9
10|10
Đã trả kết quả|10
Trả kết quả|10
Đã trả|10
HỒ SƠ ĐÃ TRẢ KẾT QUẢ|10
EOF
}

@test "codes: a city alone, a negated level or channel, two levels: no code, rejected" {
	cat > "$T/n.csv" <<'EOF'
ma_ho_so,cap,kenh,ngay_tiep_nhan
N1,Thành phố,1,2024-01-01
N2,Thành phố Quảng Ngãi,1,2024-01-01
N3,Không phải cấp xã,1,2024-01-01
N4,"Xã A, thị xã B",1,2024-01-01
N5,xa,Không trực tuyến,2024-01-01
N6,xa,Chưa trực tuyến,2024-01-01
N7,xa,Không nộp trực tuyến,2024-01-01
N8,xa,Ko trực tuyến,2024-01-01
N9,xa,Không – trực tuyến,2024-01-01
N10,xa,Nộp trực tuyến; không qua bưu chính,2024-01-01
N11,xa,Không qua bưu chính,2024-01-01
N12,xa,Trực tuyến và trực tiếp,2024-01-01
N13,xa,Thành phố,2024-01-01
EOF
	run --separate-stderr cchc-check "$T/n.csv"
	assert_failure 1
	assert_output - <<'OUT'
ma_ho_so,cap,kenh,ngay_tiep_nhan
N10,xa,truc_tuyen,2024-01-01
OUT
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: n.csv:2: cap: unknown code: "Thành phố"
cchc-check: n.csv:3: cap: unknown code: "Thành phố Quảng Ngãi"
cchc-check: n.csv:4: cap: unknown code: "Không phải cấp xã"
cchc-check: n.csv:5: cap: names more than one code: "Xã A, thị xã B"
cchc-check: n.csv:6: kenh: unknown code: "Không trực tuyến"
cchc-check: n.csv:7: kenh: unknown code: "Chưa trực tuyến"
cchc-check: n.csv:8: kenh: unknown code: "Không nộp trực tuyến"
cchc-check: n.csv:9: kenh: unknown code: "Ko trực tuyến"
cchc-check: n.csv:10: kenh: unknown code: "Không – trực tuyến"
cchc-check: n.csv:12: kenh: unknown code: "Không qua bưu chính"
cchc-check: n.csv:13: kenh: names more than one code: "Trực tuyến và trực tiếp"
cchc-check: n.csv:14: kenh: unknown code: "Thành phố"
cchc-check: 13 rows: 1 passed, 12 rejected (4 unknown cap, 8 unknown kenh)
ERR
}

@test "codes: a negated service level or status is no code (the lookup itself)" {
	run --separate-stderr "$DRV" -- \
	    muc_do_dvc "Không phải toàn trình" muc_do_dvc "Không toàn trình" \
	    muc_do_dvc "Chưa phải mức độ 4" muc_do_dvc "Không phải DVC một phần" \
	    muc_do_dvc "Không trực tuyến" muc_do_dvc "Toàn trình (mức độ 3)" \
	    trang_thai "Chưa tiếp nhận" trang_thai "Chưa trả kết quả" \
	    trang_thai "Không xử lý" trang_thai "Đang xử lý, chưa trả kết quả"
	assert_success
	assert_output - <<'OUT'
0 words
muc_do_dvc,Không phải toàn trình: unknown code
muc_do_dvc,Không toàn trình: unknown code
muc_do_dvc,Chưa phải mức độ 4: unknown code
muc_do_dvc,Không phải DVC một phần: unknown code
muc_do_dvc,Không trực tuyến: khong
muc_do_dvc,Toàn trình (mức độ 3): names more than one code
trang_thai,Chưa tiếp nhận: unknown code
trang_thai,Chưa trả kết quả: unknown code
trang_thai,Không xử lý: unknown code
trang_thai,Đang xử lý, chưa trả kết quả: unknown code
OUT
	[ -z "$stderr" ]
}

@test "codes: a NUL or control byte in a code value is no code (finding 11)" {
	printf 'ma_ho_so,cap,kenh,muc_do_dvc,ngay_tiep_nhan\n' > "$T/c.csv"
	printf 'C1,xa\000junk,truc_tuyen,4,2024-03-01\n' >> "$T/c.csv"
	printf 'C2,xa,truc_tuyen\000,4,2024-03-01\n' >> "$T/c.csv"
	printf 'C3,xa\001,truc_tuyen,4,2024-03-01\n' >> "$T/c.csv"
	printf 'C4,xa,"truc\ttuyen",4,2024-03-01\n' >> "$T/c.csv"
	printf 'C5,xa,truc_tuyen,\177,2024-03-01\n' >> "$T/c.csv"
	printf 'C6,xa,"tr\xe1\xbb\xb1c tuy\xe1\xba\xbfn\033",4,2024-03-01\n' >> "$T/c.csv"
	printf 'C7,xa,truc_tuyen,"4\302\205",2024-03-01\n' >> "$T/c.csv"
	printf 'C8,xa,\ttruc_tuyen\t,4,2024-03-01\n' >> "$T/c.csv"
	run --separate-stderr cchc-check "$T/c.csv"
	assert_failure 1
	# a service level no table knows keeps its row, as written (cchc-sum
	# groups it as written); a level or channel rejects it
	assert_output - <<OUT
ma_ho_so,cap,kenh,muc_do_dvc,ngay_tiep_nhan
C5,xa,truc_tuyen,$(printf '\177'),2024-03-01
C7,xa,truc_tuyen,4$(printf '\302\205'),2024-03-01
C8,xa,truc_tuyen,toan_trinh,2024-03-01
OUT
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: c.csv:2: cap: NUL byte in the value: "xa\x00junk"
cchc-check: c.csv:3: kenh: NUL byte in the value: "truc_tuyen\x00"
cchc-check: c.csv:4: cap: unknown code: "xa\x01"
cchc-check: c.csv:5: kenh: unknown code: "truc\x09tuyen"
cchc-check: c.csv:6: muc_do_dvc: unknown code, kept as written: "\x7f"
cchc-check: c.csv:7: kenh: unknown code: "trực tuyến\x1b"
cchc-check: c.csv:8: muc_do_dvc: unknown code, kept as written: "4\u0085"
cchc-check: 8 rows: 3 passed, 5 rejected (2 NUL byte, 1 unknown cap, 2 unknown kenh)
ERR
	# cchc-sum counts none of them as a code either
	run --separate-stderr cchc-sum --period 2024 -g cap "$T/c.csv"
	assert_failure 1
	assert_output - <<'OUT'
cap,tiep_nhan,ky_truoc,moi_tiep_nhan,nop_truc_tuyen,nop_truc_tiep,nop_buu_chinh,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han
xa,3,0,3,3,0,0,0,0,0,0,3,3,0
OUT
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-sum: c.csv:2: cap: NUL byte in a group value: "xa\x00junk"
cchc-sum: c.csv:3: kenh: unknown code: "truc_tuyen\x00"
cchc-sum: c.csv:4: cap: unknown code: "xa\x01"
cchc-sum: c.csv:5: kenh: unknown code: "truc\x09tuyen"
cchc-sum: c.csv:7: kenh: unknown code: "trực tuyến\x1b"
cchc-sum: period 15/12/2023-14/12/2024: 8 rows: 3 counted, 0 outside the period, 0 not received (status 1 or 3), 5 unclassifiable (1 NUL byte, 3 unknown kenh, 1 unknown cap)
ERR
}

@test "codes: cchc-sum counts no negated channel as online (finding 12)" {
	cat > "$T/g.csv" <<'EOF'
ma_ho_so,kenh,muc_do_dvc,ngay_tiep_nhan
A1,Không trực tuyến,Không phải toàn trình,2024-03-01
A2,Chưa trực tuyến,Không toàn trình,2024-03-01
A3,Trực tiếp,Một phần,2024-03-01
A4,Nộp phí trực tuyến,Không trực tuyến,2024-03-01
EOF
	run --separate-stderr cchc-sum --period 2024 -g muc_do_dvc "$T/g.csv"
	assert_failure 1
	assert_output - <<'OUT'
muc_do_dvc,tiep_nhan,ky_truoc,moi_tiep_nhan,nop_truc_tuyen,nop_truc_tiep,nop_buu_chinh,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han
khong,1,0,1,1,0,0,0,0,0,0,1,1,0
mot_phan,1,0,1,0,1,0,0,0,0,0,1,1,0
OUT
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-sum: g.csv:2: kenh: unknown code: "Không trực tuyến"
cchc-sum: g.csv:3: kenh: unknown code: "Chưa trực tuyến"
cchc-sum: period 15/12/2023-14/12/2024: 4 rows: 2 counted, 0 outside the period, 0 not received (status 1 or 3), 2 unclassifiable (2 unknown kenh)
ERR
}

@test "codes: the user's table adds words, by any column alias, and wins over ours" {
	cat > "$T/u.csv" <<'EOF'
Cột,Giá trị,Mã,Ghi chú
Hình thức nộp,Qua Zalo,truc_tuyen,
kenh,Nộp trực tiếp,buu_chinh,the user's word wins
Cấp,Thành phố,huyen,
Trạng thái,Đang thẩm định,4,
MucDo,Mức độ 2,TOAN TRINH,
kenh,QUA ZALO,Trực tuyến,the same code twice: no error
EOF
	run --separate-stderr "$DRV" "$T/u.csv" -- kenh "qua zalo!" kenh "Nộp trực tiếp" \
	    kenh "Nộp trực tiếp tại UBND" cap "Thành phố" cap "Thành phố Huế" \
	    trang_thai "Hồ sơ đang thẩm định" muc_do_dvc "mức độ 2" kenh "Zalo"
	assert_success
	assert_output - <<'OUT'
5 words
kenh,qua zalo!: truc_tuyen
kenh,Nộp trực tiếp: buu_chinh
kenh,Nộp trực tiếp tại UBND: truc_tiep
cap,Thành phố: huyen
cap,Thành phố Huế: unknown code
trang_thai,Hồ sơ đang thẩm định: 4
muc_do_dvc,mức độ 2: toan_trinh
kenh,Zalo: unknown code
OUT
	[ -z "$stderr" ]
}

@test "codes: what is wrong in a user's table is one line naming FILE:LINE, and nothing of it is added" {
	# the file's lines|the message after "codes-load: u.csv:"
	while IFS='|' read -r body want; do
		printf "$body" > "$T/u.csv"
		run --separate-stderr "$DRV" "$T/u.csv"
		[ "$status" -eq 2 ] || { echo "$body: exit $status"; return 1; }
		[ -z "$output" ] || { echo "$body: output $output"; return 1; }
		[ "$stderr" = "codes-load: $T/u.csv$want" ] || { echo "$body: $stderr"; return 1; }
	done <<'EOF_CASES'
cot,gia_tri,ma\nfoo,a,xa\n|:2: cot: unknown column: "foo"
cot,gia_tri,ma\nNgày tiếp nhận,a,xa\n|:2: cot: not a code column (cap, kenh, muc_do_dvc, trang_thai): "Ngày tiếp nhận"
cot,gia_tri,ma\nkenh,Fax,fax\n|:2: ma: unknown code for kenh (truc_tuyen, truc_tiep, buu_chinh): "fax"
cot,gia_tri,ma\ntrang_thai,Nháp,11\n|:2: ma: unknown code for trang_thai (1, 2, 3, 4, 5, 6, 7, 8, 9, 10): "11"
cot,gia_tri,ma\nkenh,Zalo,truc_tuyen\ncap,Zalo,xa\nkenh,"zalo.",truc_tiep\n|:4: gia_tri: one value given two codes: truc_tuyen (line 2) and truc_tiep: "zalo."
cot,gia_tri,ma\nkenh,t\340nh,truc_tiep\n|:2: gia_tri: not UTF-8; a legacy Vietnamese file converts with iconv -f CP1258 -t UTF-8 (or -f TCVN5712-1): "t\xe0nh"
cot,gia_tri,ma\nkenh,a\001b,truc_tiep\n|:2: gia_tri: control byte in the value: "a\x01b"
cot,gia_tri,ma\ncap,a\000b,xa\n|:2: gia_tri: NUL byte in the value: "a\x00b"
cot,gia_tri,ma\nkenh,a"b,truc_tiep\n|:2: malformed CSV: quote inside an unquoted field
cot,gia_tri,ma\nkenh,"ab,truc_tiep\n|:2: malformed CSV: quote never closed: the field runs to the end of the file
cot,gia_tri\nkenh,a\n|:1: the header must name cot, gia_tri and ma: "cot,gia_tri"
cot,gia_tri,ma\nkenh,a\n|:2: expected 3 fields, found 2
cot,gia_tri,ma\nkenh,,truc_tiep\n|:2: gia_tri: empty value: ""
cot,gia_tri,ma\nkenh,--,truc_tiep\n|:2: gia_tri: no letter or digit in the value: "--"
cot;gia_tri;ma\ncap;x;xa\n|:1: the header must name cot, gia_tri and ma: "cot;gia_tri;ma"
|: empty file: no header line (cot,gia_tri,ma)
EOF_CASES
	# a table that fails adds nothing: its line 2 is not there after it
	printf 'cot,gia_tri,ma\nkenh,Zalo,truc_tuyen\nkenh,Fax,fax\n' > "$T/u.csv"
	run --separate-stderr "$DRV" -k "$T/u.csv" -- kenh Zalo
	assert_success
	assert_output $'0 words\nkenh,Zalo: unknown code'
	[ "$stderr" = "codes-load: $T/u.csv:3: ma: unknown code for kenh (truc_tuyen, truc_tiep, buu_chinh): \"fax\"" ]
	run --separate-stderr "$DRV" "$T/nonexistent.csv"
	assert_failure 2
	[ "$stderr" = "codes-load: $T/nonexistent.csv: cannot open: No such file or directory" ]
}

@test "codes: a second table may not give a value another code; -d reads a ';' table" {
	printf 'cot,gia_tri,ma\nkenh,Qua Zalo,truc_tuyen\n' > "$T/a.csv"
	printf 'cot;gia_tri;ma\nkenh;qua zalo;truc_tuyen\ncap;Khu phố;xa\n' > "$T/b.csv"
	printf 'cot,gia_tri,ma\ncap,Khu phố,huyen\nkenh,qua zalo,buu_chinh\n' > "$T/c.csv"
	run --separate-stderr "$DRV" -d ';' "$T/b.csv" -- cap "khu phố"
	assert_success
	assert_output $'2 words\ncap,khu phố: xa'
	run --separate-stderr "$DRV" "$T/a.csv" "$T/c.csv"
	assert_failure 2
	[ "$stderr" = "codes-load: $T/c.csv:3: gia_tri: one value given two codes: truc_tuyen ($T/a.csv:2) and buu_chinh: \"qua zalo\"" ]
}
