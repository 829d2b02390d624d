#!/usr/bin/env bats
# cchc-table --form qd766: the QĐ 766 indicators an export gives, per group:
# numerator, denominator, ratio, target, points, score; the wide form's
# rate, constant and score columns (cchc-table(1), FORMS, WIDE FORMS).

load helper

HDR="tiep_nhan,ky_truoc,moi_tiep_nhan,nop_truc_tuyen,nop_truc_tiep,nop_buu_chinh,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han"
IND="co_phi,thanh_toan_truc_tuyen,so_hoa,tai_su_dung,kho_du_lieu,xac_thuc_vneid,ket_qua_dien_tu,so_hoa_ket_qua_dien_tu,danh_gia,rat_hai_long,hai_long,binh_thuong,khong_hai_long,rat_khong_hai_long"
COLS="tt,co_quan,tu_so_2_1,mau_so_2_1,ty_le_2_1,chi_tieu_2_1,diem_toi_da_2_1,diem_2_1,tu_so_3_3,mau_so_3_3,ty_le_3_3,chi_tieu_3_3,diem_toi_da_3_3,diem_3_3,tu_so_3_6,mau_so_3_6,ty_le_3_6,chi_tieu_3_6,diem_toi_da_3_6,diem_3_6,tu_so_4_1,mau_so_4_1,ty_le_4_1,chi_tieu_4_1,diem_toi_da_4_1,diem_4_1,tu_so_4_2,mau_so_4_2,ty_le_4_2,chi_tieu_4_2,diem_toi_da_4_2,diem_4_2,tu_so_4_3,mau_so_4_3,ty_le_4_3,chi_tieu_4_3,diem_toi_da_4_3,diem_4_3,tu_so_4_4,mau_so_4_4,ty_le_4_4,chi_tieu_4_4,diem_toi_da_4_4,diem_4_4,tu_so_4_5b,mau_so_4_5b,ty_le_4_5b,chi_tieu_4_5b,diem_toi_da_4_5b,diem_4_5b"
UNKNOWN="cchc-table: not in the form (=?, to be filled in): (12) chi_tieu_3_3, (13) diem_toi_da_3_3, (18) chi_tieu_3_6, (19) diem_toi_da_3_6, (24) chi_tieu_4_1, (25) diem_toi_da_4_1, (30) chi_tieu_4_2, (31) diem_toi_da_4_2, (37) diem_toi_da_4_3, (42) chi_tieu_4_4, (43) diem_toi_da_4_4, (48) chi_tieu_4_5b, (49) diem_toi_da_4_5b: empty, and the scores made of them"

# Two offices' counts (cchc-sum --indicators -g co_quan), worked by hand:
#   Sở Tư pháp      tiep_nhan 10 (2 carried over, 8 new: 6 online), resolved
#                   8 (5 early, 2 on time, 1 late), pending 2 (1 within);
#                   fees 4, paid online 1; reused 5, store 2, VNeID 3;
#                   electronic result 6, digitised with it 4
#   UBND xã An Phú  tiep_nhan 3 (all new: 1 online), resolved 2 (1 on time,
#                   1 late), pending 1 (within); no fees; reused 3, store 0,
#                   VNeID 1; electronic result 1, digitised with it 1
# 2.1 = (early + on time + pending within) / tiep_nhan, target 100%, 20 points:
#   Sở Tư pháp 8/10 = 80.00%, score 0.8 x 20 = 16.00; An Phú 2/3 = 66.67%,
#   score 2/3 x 20 = 13.333.. = 13.33; total 10/13 = 76.92%, 15.3846.. = 15.38
# 3.3 6/8 75.00, 1/3 33.33, 7/11 63.64; 3.6 1/4 25.00, 0/0 none, 1/4 25.00;
# 4.1 6/8 75.00, 1/2 50.00, 7/10 70.00; 4.2 4/8 50.00, 1/2 50.00, 5/10 50.00;
# 4.3 5/8 62.50, 3/3 100.00, 8/11 72.73 (target 80%); 4.4 2/8 25.00,
# 0/3 0.00, 2/11 18.18; 4.5b 3/8 37.50, 1/3 33.33, 4/11 36.36
counts() {
	cat > "$T/c.csv" <<EOF
co_quan,$HDR,$IND
UBND xã An Phú,3,0,3,1,1,1,2,0,1,1,1,1,0,0,0,1,3,0,1,1,1,0,0,0,0,0,0
Sở Tư pháp,10,2,8,6,2,0,8,5,2,1,2,1,1,4,1,6,5,2,3,6,4,0,0,0,0,0,0
EOF
}

@test "qd766: each indicator's numerator, denominator, ratio, target, points, score per office, worked by hand; what the form does not know is named" {
	counts
	run --separate-stderr cchc-table --form qd766 "$T/c.csv"
	assert_failure 1
	assert_output - <<OUT
$COLS
1,Sở Tư pháp,8,10,80.00,100,20,16.00,6,8,75.00,,,,1,4,25.00,,,,6,8,75.00,,,,4,8,50.00,,,,5,8,62.50,80,,,2,8,25.00,,,,3,8,37.50,,,
2,UBND xã An Phú,2,3,66.67,100,20,13.33,1,3,33.33,,,,0,0,,,,,1,2,50.00,,,,1,2,50.00,,,,3,3,100.00,80,,,0,3,0.00,,,,1,3,33.33,,,
,Tổng cộng,10,13,76.92,100,20,15.38,7,11,63.64,,,,1,4,25.00,,,,7,10,70.00,,,,5,10,50.00,,,,8,11,72.73,80,,,2,11,18.18,,,,4,11,36.36,,,
OUT
	assert_equal "$stderr" "$UNKNOWN
cchc-table: (17) ty_le_3_6: \"UBND xã An Phú\": no rate: (16) mau_so_3_6 is 0"
	run --separate-stderr cchc-table --form qd766 --partial "$T/c.csv"
	assert_success
	assert_equal "${#lines[@]}" 4
}

@test "qd766: a form with the points filled in: a score under its target, one past it (capped at the points), the total's from the total's counts" {
	counts
	# 4.3's points as a user types them from the QĐ 766 text (10 here)
	cchc-table --show-form qd766 | sed 's/^\(37,diem_toi_da_4_3,[^,]*\),=?,,$/\1,=10,,/' > "$T/f.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" --partial "$T/c.csv"
	assert_success
	# 5/8 / 80% x 10 = 7.8125 = 7.81; 3/3 past 80%: 10.00; 8/11 / 80% x 10 = 9.0909.. = 9.09
	run bash -c 'cut -d, -f2,33-38 <<< "$1"' _ "$output"
	assert_output - <<'OUT'
co_quan,tu_so_4_3,mau_so_4_3,ty_le_4_3,chi_tieu_4_3,diem_toi_da_4_3,diem_4_3
Sở Tư pháp,5,8,62.50,80,10,7.81
UBND xã An Phú,3,3,100.00,80,10,10.00
Tổng cộng,8,11,72.73,80,10,9.09
OUT
}

@test "qd766: an empty indicator (cchc-sum writes its counts empty): its ratio and score empty, each cell named (a row's counts, then its rates), exit 1" {
	counts
	# kho_du_lieu is column 19 of the count table: the export had none
	awk -F, -v OFS=, 'NR > 1 { $19 = "" } 1' "$T/c.csv" > "$T/e.csv"
	run --separate-stderr cchc-table --form qd766 "$T/e.csv"
	assert_failure 1
	run bash -c 'cut -d, -f2,39-44 <<< "$1"' _ "$output"
	assert_output - <<'OUT'
co_quan,tu_so_4_4,mau_so_4_4,ty_le_4_4,chi_tieu_4_4,diem_toi_da_4_4,diem_4_4
Sở Tư pháp,,8,,,,
UBND xã An Phú,,3,,,,
Tổng cộng,,11,,,,
OUT
	assert_equal "$stderr" "$UNKNOWN
cchc-table: (39) tu_so_4_4: \"Sở Tư pháp\": no value for kho_du_lieu in the data
cchc-table: (39) tu_so_4_4: \"UBND xã An Phú\": no value for kho_du_lieu in the data
cchc-table: (17) ty_le_3_6: \"UBND xã An Phú\": no rate: (16) mau_so_3_6 is 0"
}

@test "qd766: a count table without the indicators' columns: 2.1 and 3.3 made, every other indicator named as missing for each office" {
	counts
	cut -d, -f1-14 "$T/c.csv" > "$T/p.csv"
	run --separate-stderr cchc-table --form qd766 "$T/p.csv"
	assert_failure 1
	assert_line --index 1 "1,Sở Tư pháp,8,10,80.00,100,20,16.00,6,8,75.00,,,,,,,,,,,8,,,,,,8,,,,,,8,,80,,,,8,,,,,,8,,,,"
	assert_line --index 3 ",Tổng cộng,10,13,76.92,100,20,15.38,7,11,63.64,,,,,,,,,,,10,,,,,,10,,,,,,11,,80,,,,11,,,,,,11,,,,"
	assert_equal "$stderr" "$UNKNOWN
cchc-table: (15) tu_so_3_6: \"Sở Tư pháp\": no value for thanh_toan_truc_tuyen in the data
cchc-table: (16) mau_so_3_6: \"Sở Tư pháp\": no value for co_phi in the data
cchc-table: (21) tu_so_4_1: \"Sở Tư pháp\": no value for ket_qua_dien_tu in the data
cchc-table: (27) tu_so_4_2: \"Sở Tư pháp\": no value for so_hoa_ket_qua_dien_tu in the data
cchc-table: (33) tu_so_4_3: \"Sở Tư pháp\": no value for tai_su_dung in the data
cchc-table: (39) tu_so_4_4: \"Sở Tư pháp\": no value for kho_du_lieu in the data
cchc-table: (45) tu_so_4_5b: \"Sở Tư pháp\": no value for xac_thuc_vneid in the data
cchc-table: (15) tu_so_3_6: \"UBND xã An Phú\": no value for thanh_toan_truc_tuyen in the data
cchc-table: (16) mau_so_3_6: \"UBND xã An Phú\": no value for co_phi in the data
cchc-table: (21) tu_so_4_1: \"UBND xã An Phú\": no value for ket_qua_dien_tu in the data
cchc-table: (27) tu_so_4_2: \"UBND xã An Phú\": no value for so_hoa_ket_qua_dien_tu in the data
cchc-table: (33) tu_so_4_3: \"UBND xã An Phú\": no value for tai_su_dung in the data
cchc-table: (39) tu_so_4_4: \"UBND xã An Phú\": no value for kho_du_lieu in the data
cchc-table: (45) tu_so_4_5b: \"UBND xã An Phú\": no value for xac_thuc_vneid in the data"
}

@test "qd766: md in the Vietnamese number style, the total row in bold; listed by --list-forms; --show-form prints what is built in" {
	counts
	run --separate-stderr cchc-table --form qd766 --format md --partial "$T/c.csv"
	assert_success
	assert_line --index 0 "## QĐ 766/QĐ-TTg: Chỉ số phục vụ người dân, doanh nghiệp: các chỉ tiêu tính được từ dữ liệu hồ sơ"
	assert_line --index 5 "| 1 | Sở Tư pháp | 8 | 10 | 80,00 | 100 | 20 | 16,00 | 6 | 8 | 75,00 | | | | 1 | 4 | 25,00 | | | | 6 | 8 | 75,00 | | | | 4 | 8 | 50,00 | | | | 5 | 8 | 62,50 | 80 | | | 2 | 8 | 25,00 | | | | 3 | 8 | 37,50 | | | |"
	assert_line --index 7 "| | **Tổng cộng** | **10** | **13** | **76,92** | **100** | **20** | **15,38** | **7** | **11** | **63,64** | | | | **1** | **4** | **25,00** | | | | **7** | **10** | **70,00** | | | | **5** | **10** | **50,00** | | | | **8** | **11** | **72,73** | **80** | | | **2** | **11** | **18,18** | | | | **4** | **11** | **36,36** | | | |"
	run cchc-table --list-forms
	assert_line 'qd766,QĐ 766/QĐ-TTg,"Chỉ số phục vụ người dân, doanh nghiệp: các chỉ tiêu tính được từ dữ liệu hồ sơ"'
	run cchc-table --show-form qd766
	assert_success
	assert_line --index 0 "cot,ten,tieu_de,nguon,tong,kiem_tra"
	assert_line --index 5 "5,ty_le_2_1,\"2.1. Giải quyết trước hạn, đúng hạn và đang trong hạn > Tỷ lệ (%)\",=3/4,,"
	assert_line --index 8 "8,diem_2_1,\"2.1. Giải quyết trước hạn, đúng hạn và đang trong hạn > Điểm\",\"=diem(5,6,7)\",,"
	assert_line --index 37 "37,diem_toi_da_4_3,4.3. Tái sử dụng dữ liệu số hóa > Điểm tối đa,=?,,"
	assert_equal "${#lines[@]}" 51
}

@test "qd766: the workbook holds the rates as percentages (0.8 shown 80.00%), the scores as numbers" {
	counts
	run --separate-stderr cchc-table --form qd766 --format xlsx -o "$T/q.xlsx" --partial "$T/c.csv"
	assert_success
	run bash -c 'xlsx2csv "$1" | grep "Sở Tư pháp" | cut -d, -f1-8,33-36' _ "$T/q.xlsx"
	assert_output "1,Sở Tư pháp,8,10,0.8,1,20,16,5,8,0.625,0.8"
	unzip -p "$T/q.xlsx" xl/styles.xml > "$T/styles.xml"
	run grep -o 'formatCode="0.00%"' "$T/styles.xml"
	assert_success
}

@test "qd766: a wide form's rate, figure and score columns: each mistake named with its line" {
	f="cot,ten,tieu_de,nguon,tong,kiem_tra
1,,Đơn vị,=nhom,Tổng,
2,a,A,tiep_nhan,,
3,b,B,moi_tiep_nhan,,"
	while IFS='|' read -r extra want; do
		printf '%s\n%s\n' "$f" "$extra" > "$T/w.csv"
		run --separate-stderr cchc-table --form "$T/w.csv" /dev/null
		assert_failure 2
		assert_equal "$stderr" "cchc-table: --form: $T/w.csv:5: column 4: $want"
	done <<'EOF'
4,r,R,=2/9,,|nguon "=2/9": no column 9
4,r,R,=2/1,,|nguon "=2/1": column 1 is not a count
4,r,R,=2/3/4,,|nguon "=2/3/4": 2 columns, separated by '/'
4,k,K,=tám,,|nguon "=tám": =stt, =nhom, the data's columns added (nop_truc_tiep+nop_buu_chinh), a rate of columns (=5/4), a figure of the form (=80%, =20, =? when not known), or a score (=diem(6,7,8))
4,k,K,=2000000,,|nguon "=2000000": a figure of the form is from 0 to 1000000, with at most 4 decimals
4,k,K,=20,x,|tong "x": the total row of a figure column is made from the total row's counts, so tong stays empty
4,s,S,"=diem(2,3",,|nguon "=diem(2,3": a score is =diem(RATE,TARGET,POINTS), three columns
4,s,S,"=diem(2,3,3)",,|nguon "=diem(2,3,3)": column 2 is not a rate
EOF
	# a score's target is in %, its points are not; a target is above 0% and at most 100%
	while IFS='|' read -r extra want; do
		printf '%s\n4,r,R,=2/3,,\n5,t,T,%s,,\n6,p,P,%s,,\n7,s,S,"=diem(4,5,6)",,\n' "$f" $extra > "$T/w.csv"
		run --separate-stderr cchc-table --form "$T/w.csv" /dev/null
		assert_failure 2
		assert_equal "$stderr" "cchc-table: --form: $T/w.csv:8: column 7: nguon \"=diem(4,5,6)\": $want"
	done <<'EOF'
=80 =20|column 5 is not a figure of the form in % (a target)
=80% =20%|column 6 is not a figure of the form without % (points)
=0% =20|the target (5) is above 0% and at most 100%
=101% =20|the target (5) is above 0% and at most 100%
EOF
}

@test "qd766: a full disk fails loudly, exit 2, after what was said about the figures" {
	counts
	run --separate-stderr bash -c 'cchc-table --form qd766 --partial "$1" > /dev/full' _ "$T/c.csv"
	assert_failure 2
	assert_equal "$stderr" "$UNKNOWN
cchc-table: (17) ty_le_3_6: \"UBND xã An Phú\": no rate: (16) mau_so_3_6 is 0
cchc-table: write error on standard output: No space left on device"
}

@test "qd766: from a generated portal export through cchc-sum --indicators: every ratio is cchc-rate's on the same counts" {
	"$TOP/samples/gen-export" --rows 2000 --portal > "$T/e.csv"
	cchc-check "$T/e.csv" 2>/dev/null | cchc-sum --period 2024 --indicators -g cap > "$T/ci.csv" 2>/dev/null
	run --separate-stderr cchc-table --form qd766 --partial "$T/ci.csv"
	assert_success
	printf '%s\n' "$output" | cut -d, -f2,5,11,17,23,29,35,41,47 | sed '1d' > "$T/form.csv"
	cchc-rate a=gq_truoc_han+gq_dung_han+dang_trong_han/tiep_nhan b=nop_truc_tuyen/moi_tiep_nhan \
		c=thanh_toan_truc_tuyen/co_phi d=ket_qua_dien_tu/da_giai_quyet \
		e=so_hoa_ket_qua_dien_tu/da_giai_quyet f=tai_su_dung/moi_tiep_nhan \
		g=kho_du_lieu/moi_tiep_nhan h=xac_thuc_vneid/moi_tiep_nhan "$T/ci.csv" |
		awk -F, 'NR > 1 { n = NF; print $1 "," $(n-7) "," $(n-6) "," $(n-5) "," $(n-4) "," $(n-3) "," $(n-2) "," $(n-1) "," $n }' > "$T/rate.csv"
	run diff <(head -n -1 "$T/form.csv") "$T/rate.csv"
	assert_success
	assert_equal "$(wc -l < "$T/rate.csv")" 3
}

@test "qd766 checked: what cchc-table writes passes, in either style; a rate, a score and an empty rate slipped in are each named with both figures" {
	counts
	cchc-table --show-form qd766 | sed 's/^\(37,diem_toi_da_4_3,[^,]*\),=?,,$/\1,=10,,/' > "$T/f.csv"
	for loc in "" "--locale vi" "--locale en"; do
		# shellcheck disable=SC2086
		cchc-table --form "$T/f.csv" --partial $loc "$T/c.csv" > "$T/q.csv" 2>/dev/null
		run --separate-stderr cchc-check --form "$T/f.csv" "$T/q.csv"
		assert_success
		assert_equal "$stderr" "cchc-check: 3 rows: 3 passed, 0 rejected"
	done
	cchc-table --form "$T/f.csv" --partial "$T/c.csv" 2>/dev/null |
		sed 's/,80.00,100,20,16.00,/,81.00,100,20,17.00,/; s/,62.50,80,10,7.81,/,62.50,80,10,7.80,/; 3s/,1,2,50.00,/,1,2,,/' > "$T/slip.csv"
	run --separate-stderr cchc-check --form "$T/f.csv" "$T/slip.csv"
	assert_failure 1
	assert_equal "$stderr" "cchc-check: $T/slip.csv:2: ty_le_2_1: Sở Tư pháp: (5) = (3)/(4) = 8/10 = 80.00 (to 2 decimals, as printed), but it is 81.00
cchc-check: $T/slip.csv:2: diem_2_1: Sở Tư pháp: (8) = min((5)/(6), 1) x (7), with (5) = (3)/(4) = 8/10: 16.00 (to 2 decimals, as printed), but it is 17.00
cchc-check: $T/slip.csv:2: diem_4_3: Sở Tư pháp: (38) = min((35)/(36), 1) x (37), with (35) = (33)/(34) = 5/8: 7.81 (to 2 decimals, as printed), but it is 7.80
cchc-check: $T/slip.csv:3: ty_le_4_1: UBND xã An Phú: (23) = (21)/(22) = 1/2 = 50.00 (to 2 decimals), but it is empty
cchc-check: 3 rows: 1 passed, 2 rejected"
	assert_line --index 1 ",Tổng cộng,10,13,76.92,100,20,15.38,7,11,63.64,,,,1,4,25.00,,,,7,10,70.00,,,,5,10,50.00,,,,8,11,72.73,80,10,9.09,2,11,18.18,,,,4,11,36.36,,,"
}
