#!/usr/bin/env bats
# Form 06a (cchc-table --form 06a, cchc-check --form 06a), wide forms of
# one's own, and cchc-sum --rollup (Biểu mẫu 7's 6.2.1 and 6.2.2).

load helper

HDR="tiep_nhan,ky_truoc,moi_tiep_nhan,nop_truc_tuyen,nop_truc_tiep,nop_buu_chinh,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han"
H06="tt,linh_vuc,tiep_nhan,nop_truc_tuyen,nop_truc_tiep_buu_chinh,ky_truoc,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han"

# Eight dossiers in three fields, each worked by hand for 2024
# (15/12/2023 .. 14/12/2024):
#   Đất đai    d1 online, early; d2 in person, on the due day; d3 by post,
#              late; d4 received 01/12/2023, carried over, pending past due
#   Hộ tịch    h1 online, pending, due after the period's end: within;
#              h2 online, early
#   Chứng thực c1 in person, on time; c2 received in 2025: outside
dossiers() {
	cat > "$T/d.csv" <<'EOF'
ma_ho_so,linh_vuc,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua
d1,Đất đai,truc_tuyen,2024-02-01,2024-02-10,2024-02-05
d2,Đất đai,truc_tiep,2024-02-01,2024-02-10,2024-02-10
d3,Đất đai,buu_chinh,2024-02-01,2024-02-10,2024-02-12
d4,Đất đai,truc_tiep,2023-12-01,2023-12-20,
h1,Hộ tịch,truc_tuyen,2024-12-10,2024-12-20,
h2,Hộ tịch,truc_tuyen,2024-05-01,2024-05-03,2024-05-02
c1,Chứng thực,truc_tiep,2024-06-01,2024-06-01,2024-06-01
c2,Chứng thực,truc_tiep,2025-01-01,2025-01-05,
EOF
	cchc-sum --period 2024 -g linh_vuc "$T/d.csv" > "$T/c.csv" 2>/dev/null
}

@test "06a: dossiers by field, counted and laid out: each figure worked by hand, (5) = in person + post, a total row" {
	dossiers
	run --separate-stderr cchc-table --form 06a "$T/c.csv"
	assert_success
	assert_output - <<OUT
$H06
1,Chứng thực,1,0,1,0,1,0,1,0,0,0,0
2,Đất đai,4,1,2,1,3,1,1,1,1,0,1
3,Hộ tịch,2,2,0,0,1,1,0,0,1,1,0
,Tổng cộng,7,3,3,1,5,2,2,1,2,1,1
OUT
	assert_equal "$stderr" ""
	# the table's own total row (--total) is no group: the total is made again
	cchc-sum --period 2024 -g linh_vuc --total "$T/d.csv" 2>/dev/null > "$T/ct.csv"
	run --separate-stderr cchc-table --form 06a "$T/ct.csv"
	assert_success
	assert_line --index 4 ",Tổng cộng,7,3,3,1,5,2,2,1,2,1,1"
	assert_equal "${#lines[@]}" 5
}

@test "06a: groups in Vietnamese alphabetical order; a group named tong is tong; by co_quan the column is co_quan" {
	{
		printf 'co_quan,%s\n' "$HDR"
		for g in "Phường 10" "Đất đai" "tong'" "Phường 2" "Đăng ký" "Dân tộc" "Hộ tịch"; do
			printf '%s,1,0,1,1,0,0,1,1,0,0,0,0,0\n' "$g"
		done
		printf 'tong,7,0,7,7,0,0,7,7,0,0,0,0,0\n'
	} > "$T/c.csv"
	run --separate-stderr cchc-table --form 06a "$T/c.csv"
	assert_success
	assert_output - <<'OUT'
tt,co_quan,tiep_nhan,nop_truc_tuyen,nop_truc_tiep_buu_chinh,ky_truoc,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han
1,Dân tộc,1,1,0,0,1,1,0,0,0,0,0
2,Đăng ký,1,1,0,0,1,1,0,0,0,0,0
3,Đất đai,1,1,0,0,1,1,0,0,0,0,0
4,Hộ tịch,1,1,0,0,1,1,0,0,0,0,0
5,Phường 2,1,1,0,0,1,1,0,0,0,0,0
6,Phường 10,1,1,0,0,1,1,0,0,0,0,0
7,tong,1,1,0,0,1,1,0,0,0,0,0
,Tổng cộng,7,7,0,0,7,7,0,0,0,0,0
OUT
}

@test "06a: txt, the three-level heading over its columns, the numbers (1)...(13) under it" {
	dossiers
	run --separate-stderr cchc-table --form 06a --format txt "$T/c.csv"
	assert_success
	assert_output - <<'OUT'
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
OUT
}

@test "06a: html has the merged heading (rowspan, colspan) and the numbers; md writes each level as a row" {
	dossiers
	run --separate-stderr cchc-table --form 06a --format html "$T/c.csv"
	assert_success
	assert_line '<tr><th rowspan="3">TT</th><th rowspan="3">Lĩnh vực</th><th colspan="4">Số hồ sơ nhận giải quyết</th><th colspan="7">Kết quả giải quyết</th></tr>'
	assert_line '<tr><th rowspan="2">Tổng số</th><th colspan="2">Trong kỳ</th><th rowspan="2">Từ kỳ trước</th><th colspan="4">Số hồ sơ đã giải quyết</th><th colspan="3">Số hồ sơ đang giải quyết</th></tr>'
	assert_line '<tr><th>Trực tuyến</th><th>Trực tiếp, dịch vụ bưu chính</th><th>Tổng số</th><th>Trước hạn</th><th>Đúng hạn</th><th>Quá hạn</th><th>Tổng số</th><th>Trong hạn</th><th>Quá hạn</th></tr>'
	assert_line '<tr class="cot"><th>(1)</th><th>(2)</th><th>(3)</th><th>(4)</th><th>(5)</th><th>(6)</th><th>(7)</th><th>(8)</th><th>(9)</th><th>(10)</th><th>(11)</th><th>(12)</th><th>(13)</th></tr>'
	assert_line '<tr><td class="so">2</td><td>Đất đai</td><td class="so">4</td><td class="so">1</td><td class="so">2</td><td class="so">1</td><td class="so">3</td><td class="so">1</td><td class="so">1</td><td class="so">1</td><td class="so">1</td><td class="so">0</td><td class="so">1</td></tr>'
	assert_line '<tr class="tong"><td class="so"></td><td>Tổng cộng</td><td class="so">7</td><td class="so">3</td><td class="so">3</td><td class="so">1</td><td class="so">5</td><td class="so">2</td><td class="so">2</td><td class="so">1</td><td class="so">2</td><td class="so">1</td><td class="so">1</td></tr>'
	assert_line --index -1 "</html>"
	run --separate-stderr cchc-table --form 06a --format md "$T/c.csv"
	assert_success
	assert_output - <<'OUT'
## Biểu II.06a/VPCP/KSTT: Tình hình, kết quả giải quyết TTHC

| TT | Lĩnh vực | Số hồ sơ nhận giải quyết | | | | Kết quả giải quyết | | | | | | |
|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| | | **Tổng số** | **Trong kỳ** | | **Từ kỳ trước** | **Số hồ sơ đã giải quyết** | | | | **Số hồ sơ đang giải quyết** | | |
| | | | **Trực tuyến** | **Trực tiếp, dịch vụ bưu chính** | | **Tổng số** | **Trước hạn** | **Đúng hạn** | **Quá hạn** | **Tổng số** | **Trong hạn** | **Quá hạn** |
| **(1)** | **(2)** | **(3)** | **(4)** | **(5)** | **(6)** | **(7)** | **(8)** | **(9)** | **(10)** | **(11)** | **(12)** | **(13)** |
| 1 | Chứng thực | 1 | 0 | 1 | 0 | 1 | 0 | 1 | 0 | 0 | 0 | 0 |
| 2 | Đất đai | 4 | 1 | 2 | 1 | 3 | 1 | 1 | 1 | 1 | 0 | 1 |
| 3 | Hộ tịch | 2 | 2 | 0 | 0 | 1 | 1 | 0 | 0 | 1 | 1 | 0 |
| | **Tổng cộng** | **7** | **3** | **3** | **1** | **5** | **2** | **2** | **1** | **2** | **1** | **1** |
OUT
}

@test "06a: Vietnamese and English number styles; --excel; --list-forms and --show-form" {
	printf 'linh_vuc,%s\n' "$HDR" > "$T/c.csv"
	printf 'Đất đai,125547,1800,123747,100000,23000,747,123747,120000,3683,64,1800,1000,800\n' >> "$T/c.csv"
	printf 'Hộ tịch,30130,0,30130,30000,100,30,30130,30000,130,0,0,0,0\n' >> "$T/c.csv"
	run --separate-stderr cchc-table --form 06a --locale vi "$T/c.csv"
	assert_success
	assert_line --index 1 '1,Đất đai,125.547,100.000,23.747,1.800,123.747,120.000,3.683,64,1.800,1.000,800'
	assert_line --index 3 ',Tổng cộng,155.677,130.000,23.877,1.800,153.877,150.000,3.813,64,1.800,1.000,800'
	run --separate-stderr cchc-table --form 06a --locale en "$T/c.csv"
	assert_line --index 3 ',Tổng cộng,"155,677","130,000","23,877","1,800","153,877","150,000","3,813",64,"1,800","1,000",800'
	cchc-table --form 06a --excel "$T/c.csv" > "$T/x.csv"
	[ "$(head -c 3 "$T/x.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]
	[ "$(sed -n 4p "$T/x.csv")" = $';Tổng cộng;155.677;130.000;23.877;1.800;153.877;150.000;3.813;64;1.800;1.000;800\r' ]
	run cchc-table --list-forms
	assert_line --index 4 '06a,Biểu II.06a/VPCP/KSTT,"Tình hình, kết quả giải quyết TTHC"'
	run cchc-table --show-form 06a
	assert_success
	assert_line --index 0 "cot,ten,tieu_de,nguon,tong,kiem_tra"
	assert_line --index 5 '5,nop_truc_tiep_buu_chinh,"Số hồ sơ nhận giải quyết > Trong kỳ > Trực tiếp, dịch vụ bưu chính",nop_truc_tiep+nop_buu_chinh,,'
	assert_equal "${#lines[@]}" 14
}

@test "06a: a count the data lacks or that is not one is named; its cell and its total are empty (exit 1, 0 with --partial)" {
	printf 'linh_vuc,tiep_nhan,ky_truoc,nop_truc_tuyen,nop_truc_tiep,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han\n' > "$T/c.csv"
	printf 'A,3,0,1,2,3,1,1,1,0,0,0\nB,1,0,"1,5",0,1,1,0,0,0,0,0\n' >> "$T/c.csv"
	run --separate-stderr cchc-table --form 06a "$T/c.csv"
	assert_failure 1
	assert_output - <<OUT
$H06
1,A,3,1,,0,3,1,1,1,0,0,0
2,B,1,,,0,1,1,0,0,0,0,0
,Tổng cộng,4,,,0,4,2,1,1,0,0,0
OUT
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-table: (5) nop_truc_tiep_buu_chinh: "A": no value for nop_buu_chinh in the data
cchc-table: c.csv:3: a count has no fraction (nop_truc_tuyen, for column (4) of form 06a): "1,5"
cchc-table: (5) nop_truc_tiep_buu_chinh: "B": no value for nop_buu_chinh in the data
ERR
	run --separate-stderr cchc-table --partial --form 06a "$T/c.csv"
	assert_failure 1	# a value that is not a count is no missing value
	printf 'linh_vuc,tiep_nhan,ky_truoc,nop_truc_tuyen,nop_truc_tiep,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han\nA,3,0,1,2,3,1,1,1,0,0,0\n' > "$T/c.csv"
	run --separate-stderr cchc-table --partial --form 06a "$T/c.csv"
	assert_success
	assert_line --index 2 ",Tổng cộng,3,1,,0,3,1,1,1,0,0,0"
}

@test "06a: -k 2 makes a row of each pair; a table without groups gives the total row alone" {
	printf 'cap,linh_vuc,%s\n' "$HDR" > "$T/c.csv"
	printf 'xa,Hộ tịch,2,0,2,1,1,0,2,2,0,0,0,0,0\ntinh,Đất đai,3,1,2,2,0,0,2,1,1,0,1,1,0\n' >> "$T/c.csv"
	run --separate-stderr cchc-table -k 2 --form 06a "$T/c.csv"
	assert_success
	assert_line --index 0 "tt,cap/linh_vuc,tiep_nhan,nop_truc_tuyen,nop_truc_tiep_buu_chinh,ky_truoc,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han"
	assert_line --index 1 "1,tinh/Đất đai,3,2,0,1,2,1,1,0,1,1,0"
	assert_line --index 2 "2,xa/Hộ tịch,2,1,1,0,2,2,0,0,0,0,0"
	printf 'linh_vuc,%s\n' "$HDR" > "$T/e.csv"
	run --separate-stderr cchc-table --form 06a "$T/e.csv"
	assert_success
	assert_output "$H06"$'\n'",Tổng cộng,0,0,0,0,0,0,0,0,0,0,0"
}

@test "wide form of one's own: two levels, any columns, its heading and its checks from the file" {
	cat > "$T/f.csv" <<'EOF'
cot,ten,tieu_de,nguon,tong,kiem_tra
A,don_vi,Đơn vị,=nhom,Cộng,
B,nhan,Hồ sơ > Nhận,tiep_nhan,,=C+D
C,xong,Hồ sơ > Đã xong,da_giai_quyet,,
D,dang,Hồ sơ > Đang làm,dang_giai_quyet,,
E,tre,Trễ hạn,gq_qua_han+dang_qua_han,,
EOF
	printf 'co_quan,%s\n' "$HDR" > "$T/c.csv"
	printf 'Sở Tư pháp,10,2,8,5,2,1,7,3,3,1,3,2,1\nSở Y tế,4,0,4,4,0,0,4,4,0,0,0,0,0\n' >> "$T/c.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" "$T/c.csv"
	assert_success
	assert_output - <<'OUT'
don_vi,nhan,xong,dang,tre
Sở Tư pháp,10,7,3,2
Sở Y tế,4,4,0,0
Cộng,14,11,3,2
OUT
	run --separate-stderr cchc-table --form "$T/f.csv" --format html "$T/c.csv"
	assert_line '<tr><th rowspan="2">Đơn vị</th><th colspan="3">Hồ sơ</th><th rowspan="2">Trễ hạn</th></tr>'
	assert_line '<tr><th>Nhận</th><th>Đã xong</th><th>Đang làm</th></tr>'
	assert_line '<tr class="cot"><th>(A)</th><th>(B)</th><th>(C)</th><th>(D)</th><th>(E)</th></tr>'
	cchc-table --form "$T/f.csv" "$T/c.csv" > "$T/filled.csv"
	run --separate-stderr cchc-check --form "$T/f.csv" "$T/filled.csv"
	assert_success
	sed -i 's/^Sở Y tế,4,4,0,0/Sở Y tế,5,4,0,0/' "$T/filled.csv"
	run --separate-stderr cchc-check --form "$T/f.csv" "$T/filled.csv"
	assert_failure 1
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: filled.csv:3: nhan: Sở Y tế: (B) = (C)+(D): 5, but 4+0 = 4
cchc-check: filled.csv:4: nhan: Cộng: (B) = the sum of the 2 rows above: 14, but that sum is 15
cchc-check: 3 rows: 1 passed, 2 rejected
ERR
}

@test "wide form: a form that cannot be used is exit 2, naming its line and what is wrong" {
	f() { { echo cot,ten,tieu_de,nguon,tong,kiem_tra; printf '%s\n' "$@"; } > "$T/f.csv"; }
	f '1,a,X,=nhom,,' '2,b,Y,tiep_nhan,,=1+3'
	run --separate-stderr cchc-table --form "$T/f.csv" /dev/null
	assert_failure 2
	assert_equal "$stderr" "cchc-table: --form: $T/f.csv:3: column 2: kiem_tra \"=1+3\": not a figure column: 1"
	f '1,a,X,=nhom,,' '2,b,Y,tiep_nhan,,=3'
	run --separate-stderr cchc-table --form "$T/f.csv" /dev/null
	assert_equal "$stderr" "cchc-table: --form: $T/f.csv:3: column 2: kiem_tra \"=3\": no column 3"
	f '1,a,X,tiep_nhan,,' '2,b,Y,tiep_nhan,,'
	run --separate-stderr cchc-table --form "$T/f.csv" /dev/null
	assert_equal "$stderr" "cchc-table: --form: $T/f.csv: a wide form has one column =nhom (the group) and at most one =stt; this one has 0 and 0"
	f '1,a,X,=nhom,,' '1,b,Y,tiep_nhan,,'
	run --separate-stderr cchc-table --form "$T/f.csv" /dev/null
	assert_equal "$stderr" "cchc-table: --form: $T/f.csv:3: column 1 again (first on line 2)"
	f '1,a,X,=nhom,,' '2,b,Y > ,tiep_nhan,,'
	run --separate-stderr cchc-table --form "$T/f.csv" /dev/null
	assert_equal "$stderr" "cchc-table: --form: $T/f.csv:3: column 2: tieu_de \"Y >\": a heading with an empty level (levels are separated by '>')"
	f '1,a,X,=nhom,,' '2,b,Y,tiep_nhan,Cộng,'
	run --separate-stderr cchc-table --form "$T/f.csv" /dev/null
	assert_equal "$stderr" "cchc-table: --form: $T/f.csv:3: column 2: tong \"Cộng\": the total row of a figure column is the sum of its rows, so tong stays empty"
	f '1,a,X,=nhom,,' '2,b,Y,=2+3,,'
	run --separate-stderr cchc-table --form "$T/f.csv" /dev/null
	assert_equal "$stderr" "cchc-table: --form: $T/f.csv:3: column 2: nguon \"=2+3\": =stt, =nhom, the data's columns added (nop_truc_tiep+nop_buu_chinh), a rate of columns (=5/4), a figure of the form (=80%, =20, =? when not known), or a score (=diem(6,7,8))"
	f '1,a,X,=nhom,,' '2,,Y,tiep_nhan,,'
	run --separate-stderr cchc-table --form "$T/f.csv" /dev/null
	assert_equal "$stderr" "cchc-table: --form: $T/f.csv:3: column 2: no ten (its name in csv)"
	f '1,a,X,=nhom,,' '2,b,Y,tiep_nhan,'
	run --separate-stderr cchc-table --form "$T/f.csv" /dev/null
	assert_equal "$stderr" "cchc-table: --form: $T/f.csv:3: a wide form's row has 6 fields, cot,ten,tieu_de,nguon,tong,kiem_tra; this one has 5"
}

@test "06a checked: what cchc-table writes passes in every style; each slip named with its line, column and both figures" {
	dossiers
	cchc-table --form 06a "$T/c.csv" > "$T/f.csv"
	run --separate-stderr cchc-check --form 06a "$T/f.csv"
	assert_success
	cmp <(printf '%s\n' "$output") "$T/f.csv"
	assert_equal "$stderr" "cchc-check: 4 rows: 4 passed, 0 rejected"
	cchc-table --form 06a --excel "$T/c.csv" > "$T/x.csv"
	run --separate-stderr cchc-check --form 06a -d ';' "$T/x.csv"
	assert_success
	# Đất đai: (3) typed 5 where 4 is right; the total's (9) typed 3 where 2 is
	sed -e 's/^2,Đất đai,4,/2,Đất đai,5,/' -e 's/^,Tổng cộng,7,3,3,1,5,2,2,/,Tổng cộng,7,3,3,1,5,2,3,/' "$T/f.csv" > "$T/s.csv"
	run --separate-stderr cchc-check --form 06a "$T/s.csv"
	assert_failure 1
	assert_output "$H06"$'\n'"1,Chứng thực,1,0,1,0,1,0,1,0,0,0,0"$'\n'"3,Hộ tịch,2,2,0,0,1,1,0,0,1,1,0"
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: s.csv:3: tiep_nhan: Đất đai: (3) = (4)+(5)+(6): 5, but 1+2+1 = 4
cchc-check: s.csv:3: tiep_nhan: Đất đai: (3) = (7)+(11): 5, but 3+1 = 4
cchc-check: s.csv:5: da_giai_quyet: Tổng cộng: (7) = (8)+(9)+(10): 5, but 2+3+1 = 6
cchc-check: s.csv:5: tiep_nhan: Tổng cộng: (3) = the sum of the 3 rows above: 7, but that sum is 8
cchc-check: s.csv:5: gq_dung_han: Tổng cộng: (9) = the sum of the 3 rows above: 3, but that sum is 2
cchc-check: 4 rows: 2 passed, 2 rejected
ERR
}

@test "06a checked: a count that is not one, a missing total row, a header that is not 06a's" {
	printf '%s\n1,A,"158.55",1,0,0,1,1,0,0,0,0,0\n,Tổng cộng,1,1,0,0,1,1,0,0,0,0,0\n' "$H06" > "$T/f.csv"
	run --separate-stderr cchc-check --form 06a "$T/f.csv"
	assert_failure 1
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: f.csv:2: tiep_nhan: a count has no fraction: "158.55"
cchc-check: 2 rows: 1 passed, 1 rejected
ERR
	printf '%s\n1,A,1,1,0,0,1,1,0,0,0,0,0\n' "$H06" > "$T/f.csv"
	run --separate-stderr cchc-check --form 06a "$T/f.csv"
	assert_failure 1
	assert_equal "$output" "$H06"$'\n'"1,A,1,1,0,0,1,1,0,0,0,0,0"
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: f.csv:2: no total row (Tổng cộng) after the 1 rows above
cchc-check: 1 rows: 1 passed, 0 rejected
ERR
	printf 'tt,linh_vuc,%s\n' "$HDR" | cut -d, -f1-13 > "$T/f.csv"
	run --separate-stderr cchc-check --form 06a "$T/f.csv"
	assert_failure 2
	[[ "$stderr" == "cchc-check: $T/f.csv:1: not a filled 06a: column 4 is (4) nop_truc_tuyen; the header found: "* ]]
}

# Services with dossiers: five services of two levels, worked by hand
# (2024): toan_trinh A (2 new, 1 online), B (1 new, in person), E (1 new,
# by post); mot_phan C (1 new, online), D (carried over only: no new
# dossier). So toan_trinh has 3 services with dossiers, 1 with an online
# one; mot_phan 1 and 1.
services() {
	cat > "$T/s.csv" <<'EOF'
ma_ho_so,muc_do_dvc,ma_tthc,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua
1,toan_trinh,A,truc_tuyen,2024-03-01,2024-03-10,2024-03-05
2,toan_trinh,A,truc_tiep,2024-03-01,2024-03-10,
3,toan_trinh,B,truc_tiep,2024-03-01,2024-03-10,2024-03-05
4,mot_phan,C,truc_tuyen,2024-03-01,2024-03-10,2024-03-05
5,mot_phan,D,truc_tiep,2023-11-01,2023-11-10,
6,toan_trinh,E,buu_chinh,2024-04-01,2024-04-10,
7,toan_trinh,B,truc_tiep,2024-05-01,2024-05-10,2024-05-09
EOF
}

@test "rollup: the counts summed over the keys dropped, the services with dossiers and with online dossiers" {
	services
	cchc-sum --period 2024 -g muc_do_dvc,ma_tthc "$T/s.csv" > "$T/sub.csv" 2>/dev/null
	run --separate-stderr cchc-sum --rollup muc_do_dvc --total "$T/sub.csv"
	assert_success
	assert_output - <<OUT
muc_do_dvc,$HDR,dvctt_phat_sinh_ho_so,dvctt_phat_sinh_ho_so_truc_tuyen
mot_phan,2,1,1,1,0,0,1,1,0,0,1,0,1,1,1
toan_trinh,5,0,5,1,3,1,3,3,0,0,2,0,2,3,1
tong,7,1,6,2,3,1,4,4,0,0,3,0,3,4,2
OUT
	assert_equal "$stderr" "cchc-sum: 5 rows: 5 merged, 0 rejected; 5 groups, rolled up to 2"
	# the key columns named as the table names them, after folding
	run --separate-stderr cchc-sum --rollup 'Mức độ DVC' "$T/sub.csv"
	assert_success
	assert_line --index 2 "toan_trinh,5,0,5,1,3,1,3,3,0,0,2,0,2,3,1"
}

@test "rollup: parts counted apart, merged, rolled up = one run rolled up; parts cut inside a service too" {
	services
	cchc-sum --period 2024 -g muc_do_dvc,ma_tthc "$T/s.csv" 2>/dev/null | cchc-sum --rollup muc_do_dvc > "$T/one.csv" 2>/dev/null
	# service B's two dossiers (lines 4 and 8) in different parts
	head -5 "$T/s.csv" > "$T/p1.csv"
	{ head -1 "$T/s.csv"; tail -n +6 "$T/s.csv"; } > "$T/p2.csv"
	cchc-sum --period 2024 -g muc_do_dvc,ma_tthc "$T/p1.csv" > "$T/c1.csv" 2>/dev/null
	cchc-sum --period 2024 -g muc_do_dvc,ma_tthc "$T/p2.csv" > "$T/c2.csv" 2>/dev/null
	cchc-sum --merge "$T/c1.csv" "$T/c2.csv" 2>/dev/null | cchc-sum --rollup muc_do_dvc > "$T/merged.csv" 2>/dev/null
	cmp "$T/one.csv" "$T/merged.csv"
	# --rollup merges the parts itself: joined as GNU parallel joins them
	cat "$T/c1.csv" "$T/c2.csv" | cchc-sum --rollup muc_do_dvc > "$T/joined.csv" 2>/dev/null
	cmp "$T/one.csv" "$T/joined.csv"
	# rolling the parts up, then adding, counts B in both parts: 4, not 3
	cchc-sum --rollup muc_do_dvc "$T/c1.csv" > "$T/u1.csv" 2>/dev/null
	cchc-sum --rollup muc_do_dvc "$T/c2.csv" > "$T/u2.csv" 2>/dev/null
	[ "$(awk -F, '$1 == "toan_trinh" { n += $15 } END { print n }' "$T/u1.csv" "$T/u2.csv")" = 4 ]
	[ "$(awk -F, '$1 == "toan_trinh" { print $15 }' "$T/one.csv")" = 3 ]
	# and --merge refuses such tables
	run --separate-stderr cchc-sum --merge "$T/u1.csv" "$T/u2.csv"
	assert_failure 2
	assert_output ""
	[[ "$stderr" == "cchc-sum: $T/u1.csv:1: dvctt_phat_sinh_ho_so: services counted once each cannot be added up (one service can have dossiers in two parts): merge the tables --rollup read, then roll up once"* ]]
}

@test "rollup: a column that is no key column, named twice, or with a period, is exit 2; a write error too" {
	services
	cchc-sum --period 2024 -g muc_do_dvc,ma_tthc "$T/s.csv" > "$T/sub.csv" 2>/dev/null
	run --separate-stderr cchc-sum --rollup cap "$T/sub.csv"
	assert_failure 2
	assert_output ""
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" 'cchc-sum: --rollup: "cap" is no key column of the table (its key columns: muc_do_dvc, ma_tthc)'
	run --separate-stderr cchc-sum --rollup muc_do_dvc,muc_do_dvc "$T/sub.csv"
	assert_failure 2
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "cchc-sum: --rollup: muc_do_dvc is named twice"
	run --separate-stderr cchc-sum --rollup tiep_nhan "$T/sub.csv"
	assert_failure 2
	run --separate-stderr cchc-sum --period 2024 --rollup muc_do_dvc "$T/sub.csv"
	assert_failure 2
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "cchc-sum: --rollup adds up count tables: it takes no period, --as-of, --estimate, -g, --also, --keep, --codes or header options"
	run bash -c 'cchc-sum --rollup muc_do_dvc "$1" > /dev/full' _ "$T/sub.csv"
	assert_failure 2
	run bash -c 'cchc-table --form 06a "$1" > /dev/full' _ "$T/sub.csv"
	assert_failure 2
}

@test "bm7: 6.2.1 and 6.2.2 from the rolled-up table (toàn trình + một phần), from values otherwise" {
	services
	cchc-sum --period 2024 -g muc_do_dvc,ma_tthc "$T/s.csv" 2>/dev/null | cchc-sum --rollup muc_do_dvc > "$T/up.csv" 2>/dev/null
	run --separate-stderr cchc-table --partial --form bm7 "$T/up.csv"
	assert_success
	# 3 + 1 services with dossiers, 1 + 1 with online ones: 2/4 = 50.0%
	assert_line --index 6 "6.2,Tỷ lệ DVC có phát sinh hồ sơ nộp trực tuyến (toàn trình + một phần),%,50.0,"
	assert_line --index 7 "6.2.1,Tổng số DVCTT có phát sinh hồ sơ (gồm các DVCTT có phát sinh hồ sơ trực tuyến hoặc trực tiếp hoặc cả 2 hình thức),DVC,4,"
	assert_line --index 8 "6.2.2,Số DVCTT có phát sinh hồ sơ trực tuyến,DVC,2,"
	# 6.3 from the same table: 1 online of 5 new toàn trình dossiers
	assert_line --index 9 "6.3,Tỷ lệ hồ sơ trực tuyến toàn trình,%,20.0,Từ hệ thống một cửa (theo mức độ DVC)"
	[[ "$stderr" != *6.2* ]]
	# without the rolled-up columns: the values
	printf 'ten,gia_tri\ndvctt_phat_sinh_ho_so,645\ndvctt_phat_sinh_ho_so_truc_tuyen,536\n' > "$T/v.csv"
	cchc-sum --period 2024 -g muc_do_dvc "$T/s.csv" > "$T/m.csv" 2>/dev/null
	run --separate-stderr cchc-table --partial --form bm7 "$T/m.csv" "$T/v.csv"
	assert_success
	assert_line --index 7 "6.2.1,Tổng số DVCTT có phát sinh hồ sơ (gồm các DVCTT có phát sinh hồ sơ trực tuyến hoặc trực tiếp hoặc cả 2 hình thức),DVC,645,"
	assert_line --index 8 "6.2.2,Số DVCTT có phát sinh hồ sơ trực tuyến,DVC,536,"
	# neither: the value is named
	run --separate-stderr cchc-table --form bm7 "$T/m.csv"
	assert_failure 1
	[[ "$stderr" == *"cchc-table: 6.2.1: no value for dvctt_phat_sinh_ho_so in the data"* ]]
}

@test "06a: a closed pipe downstream is never status 0; cchc-check reads back 20,000 groups" {
	{
		printf 'linh_vuc,%s\n' "$HDR"
		seq 1 20000 | awk '{ print "g" $1 ",1,0,1,1,0,0,1,1,0,0,0,0,0" }'
	} > "$T/c.csv"
	# 80,000 groups, 2.7 MB: more than a pipe holds (cchc-table asks for 1 MiB)
	{
		printf 'linh_vuc,%s\n' "$HDR"
		seq 1 80000 | awk '{ print "g" $1 ",1,0,1,1,0,0,1,1,0,0,0,0,0" }'
	} > "$T/big.csv"
	run bash -c 'cchc-table --form 06a "$1" | head -1; exit "${PIPESTATUS[0]}"' _ "$T/big.csv"
	assert_equal "$status" 141
	assert_output "$H06"
	run --separate-stderr bash -c 'cchc-table --form 06a --locale vi "$1" | cchc-check --form 06a | tail -1' _ "$T/c.csv"
	assert_success
	assert_output ",Tổng cộng,20.000,20.000,0,0,20.000,20.000,0,0,0,0,0"
	assert_equal "$stderr" "cchc-check: 20001 rows: 20001 passed, 0 rejected"
}

@test "forms: an stt is the same with spaces or tabs before its dot (fuzz_form found a row its key did not find)" {
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n8,a,Hồ sơ,x,\n"8\t .",b,Hồ sơ,y,\n' > "$T/f.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" /dev/null
	assert_failure 2
	assert_equal "$stderr" "cchc-table: --form: $T/f.csv:3: stt 8	 . again (first on line 2)"
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n3.1,a,Hồ sơ,x,\n3.2,b,Hồ sơ,=3.1 .,\n' > "$T/f.csv"
	printf 'ten,gia_tri\nx,5\n' > "$T/v.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" "$T/v.csv"
	assert_success
	assert_line --index 2 "3.2,b,Hồ sơ,5,"
}
