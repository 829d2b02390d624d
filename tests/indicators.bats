#!/usr/bin/env bats
# The portal's flags and rating (cchc(7), THE DATA MODEL) and
# cchc-sum --indicators (cchc-sum(1), INDICATORS): by hand, against an oracle
# written from the manual, merged, checked.

load helper

HDR="tiep_nhan,ky_truoc,moi_tiep_nhan,nop_truc_tuyen,nop_truc_tiep,nop_buu_chinh,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han"
IND="co_phi,thanh_toan_truc_tuyen,so_hoa,tai_su_dung,kho_du_lieu,xac_thuc_vneid,ket_qua_dien_tu,so_hoa_ket_qua_dien_tu,danh_gia,rat_hai_long,hai_long,binh_thuong,khong_hai_long,rat_khong_hai_long"

# tests/data/indicators-hand.csv, period 2024 (15/12/2023 .. 14/12/2024). By hand:
#   tinh  H01 new, resolved: every flag set (Có, Đã thanh toán, x, 1), rất hài lòng.
#         H02 new, resolved late: fees (1), not paid (0), not digitised (empty),
#         an electronic result (TRUE), hài lòng. H03 carried over, resolved: counted
#         among the resolved only (electronic, digitised: 4.2; bình thường), its
#         received-side flags not. H04 new, pending: no fees (Không) but paid (Có):
#         said, counted in no base; Đã số hóa, Có, yes: set; its result and rating
#         not (pending).
#   huyen H05 every flag no (Miễn phí, Không có, Chưa...), không hài lòng. H06 every
#         flag yes (Có phí, Có), rất không hài lòng. H07 co_phi N/A, paid ?,
#         digitised 2: unknown, not set; rating 5: not rated. H08 N/A again, all 0.
#   xa    H09 all x, chưa hài lòng (khong_hai_long). H10 outside, H11 not received:
#         in no count. H12 new, resolved after the end (pending): TRUE/FALSE/yes/no.
@test "indicators: the hand-worked export, period 2024, by level, with the total" {
	run --separate-stderr cchc-sum --period 2024 -g cap --total --indicators "$DATA/indicators-hand.csv"
	assert_success
	assert_output - <<OUT
cap,$HDR,$IND
huyen,4,0,4,2,1,1,4,2,2,0,0,0,0,1,1,1,1,1,1,2,1,2,0,0,0,1,1
tinh,4,1,3,2,1,0,3,2,0,1,1,1,0,2,1,2,1,2,2,3,2,3,1,1,1,0,0
xa,2,0,2,1,1,0,1,1,0,0,1,0,1,2,1,2,1,2,1,1,1,1,0,0,0,1,0
tong,10,1,9,5,3,1,8,5,2,1,2,1,1,5,3,5,3,5,4,6,4,6,1,1,1,2,1
OUT
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$DATA/||") <<'ERR'
cchc-sum: indicators-hand.csv:5: co_phi: paid online, but the procedure is not marked as having fees: not counted in thanh_toan_truc_tuyen: "Không"
cchc-sum: indicators-hand.csv:8: co_phi: neither yes nor no: counted as not set: "N/A" (2 rows)
cchc-sum: indicators-hand.csv:8: thanh_toan_truc_tuyen: neither yes nor no: counted as not set: "?"
cchc-sum: indicators-hand.csv:8: so_hoa: neither yes nor no: counted as not set: "2"
cchc-sum: indicators-hand.csv:8: danh_gia: not a rating: counted as not rated: "5"
cchc-sum: period 15/12/2023-14/12/2024: 12 rows: 10 counted, 1 outside the period, 1 not received (status 1 or 3), 0 unclassifiable
ERR
	# the table passes cchc-check --counts: bounds, the ratings' sum, the total
	run --separate-stderr cchc-check --counts <(cchc-sum --period 2024 -g cap --total --indicators "$DATA/indicators-hand.csv" 2>/dev/null)
	assert_success
	[ "$stderr" = "cchc-check: 4 rows: 4 passed, 0 rejected" ]
}

@test "indicators: cchc-check writes the flags 1/0 and the rating's code; unknown values kept, said once with their count" {
	run --separate-stderr cchc-check "$DATA/indicators-hand.csv"
	assert_success
	assert_output - <<'OUT'
ma_ho_so,cap,kenh,trang_thai,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua,co_phi,thanh_toan_truc_tuyen,so_hoa,ket_qua_dien_tu,tai_su_dung,kho_du_lieu,xac_thuc_vneid,danh_gia
H01,tinh,truc_tuyen,,2024-01-10,2024-01-20,2024-01-15,1,1,1,1,1,1,1,rat_hai_long
H02,tinh,truc_tiep,,2024-02-05,2024-02-10,2024-02-12,1,0,,1,0,0,,hai_long
H03,tinh,truc_tuyen,,2023-12-01,2023-12-25,2023-12-20,1,1,1,1,1,1,1,binh_thuong
H04,tinh,truc_tuyen,,2024-03-01,2024-12-30,,0,1,1,1,0,1,1,rat_hai_long
H05,huyen,buu_chinh,,2024-06-01,2024-06-10,2024-06-05,0,0,0,0,0,0,0,khong_hai_long
H06,huyen,truc_tuyen,,2024-06-02,2024-06-10,2024-06-03,1,1,1,1,1,1,1,rat_khong_hai_long
H07,huyen,truc_tuyen,,2024-06-03,2024-06-04,2024-06-04,N/A,?,2,1,0,0,0,5
H08,huyen,truc_tiep,,2024-06-04,,2024-06-05,N/A,0,0,0,0,0,0,
H09,xa,truc_tuyen,10,2024-07-10,2024-07-20,2024-07-12,1,1,1,1,1,1,1,khong_hai_long
H10,xa,truc_tuyen,,2024-12-20,2024-12-30,,1,1,1,1,1,1,1,rat_hai_long
H11,xa,truc_tuyen,1,,,,1,1,1,1,1,1,1,
H12,xa,truc_tiep,,2024-07-11,2024-07-20,2024-12-15,1,0,1,1,0,1,0,rat_hai_long
OUT
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$DATA/||") <<'ERR'
cchc-check: indicators-hand.csv:8: co_phi: neither yes nor no, kept as written (cchc-sum counts it as not set): "N/A" (2 rows)
cchc-check: indicators-hand.csv:8: thanh_toan_truc_tuyen: neither yes nor no, kept as written (cchc-sum counts it as not set): "?"
cchc-check: indicators-hand.csv:8: so_hoa: neither yes nor no, kept as written (cchc-sum counts it as not set): "2"
cchc-check: indicators-hand.csv:8: danh_gia: not a rating, kept as written (cchc-sum counts it as not rated): "5"
cchc-check: 12 rows: 12 passed, 0 rejected
ERR
	# checked, it counts the same
	diff -u <(cchc-sum --period 2024 -g cap --indicators "$DATA/indicators-hand.csv" 2>/dev/null) \
	    <(cchc-check "$DATA/indicators-hand.csv" 2>/dev/null | cchc-sum --period 2024 -g cap --indicators 2>/dev/null)
}

@test "indicators: the words of a flag and of a rating, as exports write them" {
	# value -> what cchc-check writes, in a flag column (so_hoa, co_phi) and danh_gia
	while IFS='|' read -r col value want; do
		printf 'ma_ho_so,ngay_tiep_nhan,%s\nA,2024-01-01,"%s"\n' "$col" "$value" > "$T/v.csv"
		got=$(cchc-check "$T/v.csv" 2>/dev/null | tail -n 1)
		[ "$got" = "A,2024-01-01,$want" ] || { echo "$col \"$value\": $got, not $want"; return 1; }
	done <<'TABLE'
so_hoa|1|1
so_hoa|0|0
so_hoa||
so_hoa|x|1
so_hoa|X|1
so_hoa|Có|1
so_hoa|có|1
so_hoa|Không|0
so_hoa|KHÔNG|0
so_hoa|ko|0
so_hoa|TRUE|1
so_hoa|False|0
so_hoa|yes|1
so_hoa|No|0
so_hoa|y|1
so_hoa|n|0
so_hoa|1.0|1
so_hoa|0.0|0
so_hoa|Đã|1
so_hoa|Chưa|0
so_hoa|Đã số hóa|1
so_hoa|Chưa số hóa|0
so_hoa|Không có|0
so_hoa|Chưa có|0
so_hoa|Được|1
so_hoa|Không được|0
so_hoa|Chưa được tái sử dụng|0
so_hoa|Miễn phí|Miễn phí
so_hoa|2|2
co_phi|Có phí|1
co_phi|Không có phí|0
co_phi|Miễn phí|0
co_phi|Không thu phí|0
danh_gia|Rất hài lòng|rat_hai_long
danh_gia|RẤT HÀI LÒNG|rat_hai_long
danh_gia|Hài lòng|hai_long
danh_gia|Bình thường|binh_thuong
danh_gia|Không hài lòng|khong_hai_long
danh_gia|Chưa hài lòng|khong_hai_long
danh_gia|Rất không hài lòng|rat_khong_hai_long
danh_gia|rat_khong_hai_long|rat_khong_hai_long
danh_gia||
danh_gia|5|5
danh_gia|Tốt|Tốt
TABLE
}

@test "indicators: the portal's names and the headers people write name the columns" {
	while IFS='|' read -r header col; do
		printf 'ma_ho_so,ngay_tiep_nhan,%s\nA,2024-01-01,1\n' "$header" > "$T/h.csv"
		got=$(cchc-check "$T/h.csv" 2>/dev/null | head -n 1)
		[ "$got" = "ma_ho_so,ngay_tiep_nhan,$col" ] || { echo "$header: $got"; return 1; }
	done <<'TABLE'
ThuTucCoPhi|co_phi
Thủ tục có phí|co_phi
DuocThanhToanTrucTuyen|thanh_toan_truc_tuyen
Thanh toán trực tuyến|thanh_toan_truc_tuyen
HoSoCoThanhPhanSoHoa|so_hoa
Có thành phần số hóa|so_hoa
CoKetQuaDienTu|ket_qua_dien_tu
Kết quả điện tử|ket_qua_dien_tu
DuocTaiSuDung|tai_su_dung
Tái sử dụng|tai_su_dung
DuocLayTuKhoDMQG|kho_du_lieu
Kho dữ liệu|kho_du_lieu
TaiKhoanDuocXacThucVoiVNeID|xac_thuc_vneid
Xác thực VNeID|xac_thuc_vneid
MucDoHaiLong|danh_gia
Mức độ hài lòng|danh_gia
Đánh giá|danh_gia
TABLE
}

@test "indicators: --codes gives an export's numeric ratings their levels" {
	printf 'cot,gia_tri,ma\nMức độ hài lòng,1,rat_hai_long\ndanh_gia,5,rat_khong_hai_long\n' > "$T/codes.csv"
	printf 'ma_ho_so,kenh,ngay_tiep_nhan,ngay_tra_ket_qua,MucDoHaiLong\nA,2,20240101,20240102,1\nB,2,20240101,20240102,5\nC,2,20240101,20240102,3\n' > "$T/n.csv"
	run --separate-stderr cchc-sum --period 2024 --indicators --codes "$T/codes.csv" "$T/n.csv"
	assert_success
	assert_output - <<OUT
$HDR,$IND
3,0,3,3,0,0,3,0,3,0,0,0,0,,,,,,,,,2,1,0,0,0,1
OUT
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-sum: n.csv: --indicators: no co_phi, thanh_toan_truc_tuyen, so_hoa, ket_qua_dien_tu, tai_su_dung, kho_du_lieu, xac_thuc_vneid columns: co_phi, thanh_toan_truc_tuyen, so_hoa, tai_su_dung, kho_du_lieu, xac_thuc_vneid, ket_qua_dien_tu, so_hoa_ket_qua_dien_tu written empty (unknown, not 0)
cchc-sum: n.csv:4: danh_gia: not a rating: counted as not rated: "3"
cchc-sum: period 15/12/2023-14/12/2024: 3 rows: 3 counted, 0 outside the period, 0 not received (status 1 or 3), 0 unclassifiable
ERR
}

@test "indicators: an export without the flags: every indicator empty, said once, exit 0; --counts accepts it" {
	run --separate-stderr cchc-sum --period 2024 -g cap --total --indicators "$DATA/sum-hand.csv"
	assert_failure 1	# sum-hand.csv's own two unclassifiable rows
	assert_output - <<OUT
cap,$HDR,$IND
huyen,3,2,1,1,0,0,1,1,0,0,2,1,1,,,,,,,,,,,,,,
tinh,6,0,6,3,2,1,6,1,3,2,0,0,0,,,,,,,,,,,,,,
xa,5,0,5,3,2,0,2,2,0,0,3,2,1,,,,,,,,,,,,,,
tong,14,2,12,7,4,1,9,4,3,2,5,3,2,,,,,,,,,,,,,,
OUT
	[ "$(printf '%s\n' "$stderr" | head -n 1 | sed "s|$DATA/||")" = "cchc-sum: sum-hand.csv: --indicators: no co_phi, thanh_toan_truc_tuyen, so_hoa, ket_qua_dien_tu, tai_su_dung, kho_du_lieu, xac_thuc_vneid, danh_gia columns: every indicator written empty (unknown, not 0)" ]
	cchc-sum --period 2024 -g cap --total --indicators "$DATA/sum-hand.csv" > "$T/c.csv" 2>/dev/null || true
	run --separate-stderr cchc-check --counts "$T/c.csv"
	assert_success
	[ "$stderr" = "cchc-check: 4 rows: 4 passed, 0 rejected" ]
	# and it merges as it is: empty stays empty
	run --separate-stderr cchc-sum --merge "$T/c.csv" "$T/c.csv"
	assert_success
	assert_line --index 4 "tong,28,4,24,14,8,2,18,8,6,4,10,6,4,,,,,,,,,,,,,,"
}

@test "indicators: without --indicators, the output is today's, byte for byte" {
	"$TOP/samples/gen-export" --portal --rows 3000 --seed 5 > "$T/p.csv"
	# sha256 of the output of cchc-sum before --indicators existed (0.2.0's
	# tree before this change), on the same bytes
	[ "$(cchc-sum --period 2024 -g cap --total "$T/p.csv" 2>/dev/null | sha256sum)" = \
	    "8cf99956dc181b6f8ef4517115512e68b5f1e3bf30da16c6a27bf36df1195d40  -" ]
	[ "$(cchc-sum --period 2024-Q2 -g co_quan,kenh "$T/p.csv" 2>/dev/null | sha256sum)" = \
	    "ca9c4e39c6da439ec42470b1273651a1ef37112b36385909ff98c6e6d554d209  -" ]
	# and the 13 with --indicators are those without it
	for g in cap co_quan,kenh linh_vuc; do
		diff -u <(cchc-sum --period 2024 -g "$g" --total "$T/p.csv" 2>/dev/null) \
		    <(cchc-sum --period 2024 -g "$g" --total --indicators "$T/p.csv" 2>/dev/null |
		      python3 -c 'import csv,sys; w=csv.writer(sys.stdout, lineterminator="\n"); [w.writerow(r[:-14]) for r in csv.reader(sys.stdin)]')
	done
}

@test "indicators: cchc-sum --indicators agrees with an oracle written from the manual, on the portal's twin" {
	"$TOP/samples/gen-export" --portal --rows 6000 --seed 13 --twin "$T/t.csv" > "$T/raw.csv"
	for p in "2023-12-15 2024-12-14" "2024-03-15 2024-06-14" "2024-01-01 2024-12-31"; do
		set -- $p
		for g in cap co_quan kenh,muc_do_dvc linh_vuc,cap ""; do
			cchc-sum --from "$1" --to "$2" ${g:+-g "$g"} --indicators "$T/t.csv" > "$T/s.csv" 2>/dev/null
			python3 "$TOP/tests/oracle/indicators_oracle.py" "$1" "$2" "$g" "$T/t.csv" "$T/s.csv" ||
			    { echo "$1..$2 -g '$g'"; return 1; }
			# the raw export counts as its twin
			cchc-sum --from "$1" --to "$2" ${g:+-g "$g"} --indicators "$T/raw.csv" 2>/dev/null |
			    diff -u "$T/s.csv" -
		done
	done
	# the oracle sees a slip: one count off by one
	cchc-sum --period 2024 -g cap --indicators "$T/t.csv" 2>/dev/null |
	    awk -F, -v OFS=, 'NR == 3 { $20 = $20 + 1 } { print }' > "$T/slip.csv"
	run python3 "$TOP/tests/oracle/indicators_oracle.py" 2023-12-15 2024-12-14 cap "$T/t.csv" "$T/slip.csv"
	assert_failure 1
	assert_output --partial "group ('tinh',): oracle"
}

@test "indicators: parts merged are one run, -j N is -j 1, and the tables pass --counts" {
	"$TOP/samples/gen-export" --portal --rows 8000 --seed 17 > "$T/p.csv"
	cchc-sum -j 1 --period 2024 -g co_quan,kenh --total --indicators "$T/p.csv" > "$T/one.csv" 2> "$T/one.err"
	for j in 2 3 5; do
		CCHC_MIN_PART_SIZE=4096 cchc-sum -j $j --period 2024 -g co_quan,kenh --total --indicators "$T/p.csv" > "$T/j.csv" 2> "$T/j.err"
		cmp "$T/one.csv" "$T/j.csv"
		cmp "$T/one.err" "$T/j.err"
	done
	# cut in three at line ends, each part with the header, counted, merged
	head -n 1 "$T/p.csv" > "$T/h"
	tail -n +2 "$T/p.csv" | split -l 2700 - "$T/part."
	for f in "$T"/part.*; do
		cat "$T/h" "$f" > "$f.csv"
		cchc-sum --period 2024 -g co_quan,kenh --indicators "$f.csv" 2>/dev/null
	done > "$T/parts.csv"
	run --separate-stderr cchc-sum --merge --total "$T/parts.csv"
	assert_success
	diff -u "$T/one.csv" - <<<"$output"
	run --separate-stderr cchc-check --counts "$T/one.csv"
	assert_success
}

@test "indicators: --merge: an empty count added to a count is empty, said, exit 1; all the columns or none" {
	printf 'cap,%s,%s\n' "$HDR" "$IND" > "$T/a.csv"
	printf 'tinh,2,0,2,1,1,0,2,2,0,0,0,0,0,2,1,1,1,0,1,2,1,2,1,1,0,0,0\n' >> "$T/a.csv"
	printf 'xa,1,0,1,1,0,0,1,1,0,0,0,0,0,1,1,1,0,0,1,1,1,1,0,0,1,0,0\n' >> "$T/a.csv"
	printf 'cap,%s,%s\n' "$HDR" "$IND" > "$T/b.csv"
	printf 'tinh,1,0,1,1,0,0,1,1,0,0,0,0,0,,,1,1,1,1,1,1,,,,,,\n' >> "$T/b.csv"
	run --separate-stderr cchc-sum --merge --total "$T/a.csv" "$T/b.csv"
	assert_failure 1
	assert_output - <<OUT
cap,$HDR,$IND
tinh,3,0,3,2,1,0,3,3,0,0,0,0,0,,,2,2,1,2,3,2,,,,,,
xa,1,0,1,1,0,0,1,1,0,0,0,0,0,1,1,1,0,0,1,1,1,1,0,0,1,0,0
tong,4,0,4,3,1,0,4,4,0,0,0,0,0,,,3,2,1,3,4,3,,,,,,
OUT
	diff -u - <(printf '%s\n' "$stderr") <<'ERR'
cchc-sum: co_phi: a count in 2 rows, empty in 1 (tables counted from exports with and without its column): a group with an empty one is written empty
cchc-sum: thanh_toan_truc_tuyen: a count in 2 rows, empty in 1 (tables counted from exports with and without its column): a group with an empty one is written empty
cchc-sum: danh_gia: a count in 2 rows, empty in 1 (tables counted from exports with and without its column): a group with an empty one is written empty
cchc-sum: rat_hai_long: a count in 2 rows, empty in 1 (tables counted from exports with and without its column): a group with an empty one is written empty
cchc-sum: hai_long: a count in 2 rows, empty in 1 (tables counted from exports with and without its column): a group with an empty one is written empty
cchc-sum: binh_thuong: a count in 2 rows, empty in 1 (tables counted from exports with and without its column): a group with an empty one is written empty
cchc-sum: khong_hai_long: a count in 2 rows, empty in 1 (tables counted from exports with and without its column): a group with an empty one is written empty
cchc-sum: rat_khong_hai_long: a count in 2 rows, empty in 1 (tables counted from exports with and without its column): a group with an empty one is written empty
cchc-sum: 3 rows: 3 merged, 0 rejected; 2 groups
ERR
	# a table with some of the indicators only is none of cchc-sum's
	printf 'cap,%s,co_phi,so_hoa\ntinh,1,0,1,1,0,0,1,1,0,0,0,0,0,1,1\n' "$HDR" > "$T/c.csv"
	run --separate-stderr cchc-sum --merge "$T/c.csv"
	assert_failure 2
	[ "$stderr" = "cchc-sum: $T/c.csv:1: not a table of cchc-sum --indicators: column thanh_toan_truc_tuyen missing"$'\n'"cchc-sum: 0 rows: 0 merged, 0 rejected; 0 groups" ]
	# a value that is no count is rejected, as the 13's are
	printf 'xa,1,0,1,1,0,0,1,1,0,0,0,0,0,1,1,1,0,0,1,1,1,1.5,0,0,1,0,0\n' >> "$T/a.csv"
	run --separate-stderr cchc-sum --merge "$T/a.csv"
	assert_failure 1
	[[ "$stderr" == *'a.csv:4: danh_gia: '*'"1.5"'* ]]
}

@test "indicators: cchc-check --counts: an indicator past its base, ratings that do not add up" {
	printf 'cap,%s,%s\n' "$HDR" "$IND" > "$T/k.csv"
	printf 'tinh,3,0,3,2,1,0,3,3,0,0,0,0,0,4,1,2,2,1,2,3,2,3,1,1,0,0,0\n' >> "$T/k.csv"
	printf 'xa,1,0,1,1,0,0,1,1,0,0,0,0,0,1,2,1,0,0,1,1,1,1,0,0,1,0,0\n' >> "$T/k.csv"
	printf 'huyen,1,0,1,1,0,0,1,1,0,0,0,0,0,1,1,1,0,0,1,0,1,1,0,0,1,0,0\n' >> "$T/k.csv"
	printf 'tong,5,0,5,4,1,0,5,5,0,0,0,0,0,6,4,4,2,1,4,4,4,5,1,1,2,0,0\n' >> "$T/k.csv"
	run --separate-stderr cchc-check --counts "$T/k.csv"
	assert_failure 1
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: k.csv:2: tinh: danh_gia = rat_hai_long + hai_long + binh_thuong + khong_hai_long + rat_khong_hai_long: 3, but 1 + 1 + 0 + 0 + 0 = 2
cchc-check: k.csv:2: tinh: co_phi <= moi_tiep_nhan: 4, but moi_tiep_nhan = 3
cchc-check: k.csv:3: xa: thanh_toan_truc_tuyen <= co_phi: 2, but co_phi = 1
cchc-check: k.csv:4: huyen: so_hoa_ket_qua_dien_tu <= ket_qua_dien_tu: 1, but ket_qua_dien_tu = 0
cchc-check: k.csv:5: tong: danh_gia = rat_hai_long + hai_long + binh_thuong + khong_hai_long + rat_khong_hai_long: 5, but 1 + 1 + 2 + 0 + 0 = 4
cchc-check: k.csv:5: tong: co_phi <= moi_tiep_nhan: 6, but moi_tiep_nhan = 5
cchc-check: 4 rows: 0 passed, 4 rejected
ERR
}

@test "indicators: grouped by a flag: its codes; an unknown value grouped as written, said" {
	run --separate-stderr cchc-sum --period 2024 -g co_phi --total "$DATA/indicators-hand.csv"
	assert_success
	assert_output - <<OUT
co_phi,$HDR
0,2,0,2,1,0,1,1,1,0,0,1,1,0
1,6,1,5,3,2,0,5,4,0,1,1,0,1
N/A,2,0,2,1,1,0,2,0,2,0,0,0,0
tong,10,1,9,5,3,1,8,5,2,1,2,1,1
OUT
	[[ "$stderr" == *'indicators-hand.csv:8: co_phi: unknown value, grouped as written: "N/A" (2 rows)'* ]]
}

@test "indicators: usage, --help, a write error, a closed pipe" {
	run --separate-stderr cchc-sum --merge --indicators /dev/null
	assert_failure 2
	assert_equal "$(printf '%s\n' "$stderr" | head -n 1)" "cchc-sum: --merge adds the indicators when its tables have them: no --indicators"
	run cchc-sum --help
	assert_success
	assert_line --index 0 --partial "[--withdrawn-on-time] [--indicators] [--header-line N]"
	assert_output --partial "--indicators     add the counts of the QD 766 indicators"
	[ -w /dev/full ] || skip "no /dev/full"
	run --separate-stderr sh -c "cchc-sum --period 2024 -g cap --indicators '$DATA/indicators-hand.csv' > /dev/full"
	assert_failure 2
	[[ "$stderr" == *"cchc-sum: write error on standard output: No space left on device"* ]]
	# 3 MB: more than a pipe holds (1 MiB)
	"$TOP/samples/gen-export" --portal --rows 40000 > "$T/big.csv"
	run --separate-stderr sh -c "cchc-sum --period 2024 -g ma_ho_so --indicators '$T/big.csv' | head -n 1"
	assert_success
	assert_output "ma_ho_so,$HDR,$IND"
	assert_equal "$stderr" ""
}

@test "indicators: a row with every flag, the rating and the status unknown: each said, the row kept" {
	printf 'ma_ho_so,ngay_tiep_nhan,trang_thai,%s\nA,2024-01-01,s?,a?,b?,c?,d?,e?,f?,g?,h?\n' \
	    "co_phi,thanh_toan_truc_tuyen,so_hoa,ket_qua_dien_tu,tai_su_dung,kho_du_lieu,xac_thuc_vneid,danh_gia" > "$T/u.csv"
	run --separate-stderr cchc-check "$T/u.csv"
	assert_success
	assert_line --index 1 "A,2024-01-01,s?,a?,b?,c?,d?,e?,f?,g?,h?"
	[ "$(printf '%s\n' "$stderr" | grep -c 'u.csv:2: ')" = 9 ]
	[[ "$stderr" == *'u.csv:2: danh_gia: not a rating, kept as written (cchc-sum counts it as not rated): "h?"'* ]]
	[ "$(printf '%s\n' "$stderr" | tail -n 1)" = "cchc-check: 1 rows: 1 passed, 0 rejected" ]
}

@test "indicators: with --estimate, and rolled up: refused, saying so (neither is made yet)" {
	printf 'ma_ho_so,ngay_tiep_nhan,cap,kenh\nA,01/03/2024,xa,1\n' > "$T/x.csv"
	run --separate-stderr cchc-sum --period 2024 --as-of 01/12/2024 --estimate --indicators "$T/x.csv"
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "cchc-sum: --estimate and --indicators: one or the other (an estimate of the indicators is not made)"
	cchc-sum --period 2024 --indicators -g cap,ma_ho_so "$T/x.csv" > "$T/i.csv" 2>/dev/null || true
	run --separate-stderr cchc-sum --rollup cap "$T/i.csv"
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "cchc-sum: --rollup: the table has indicators: roll up the counts made without --indicators"
}

@test "indicators: the report's text figures (online, by post, paid, digitised, reused, rated, satisfied) by level, as the README computes them" {
	# worked by hand from the counts of the first test: tinh 3 new, 2 online, 2 with fees,
	# 1 paid, 2 digitised, 1 reused, 3 rated (1 rất hài lòng, 1 hài lòng); huyen 4 new, 2
	# online, 1 by post, 1 with fees and paid, 1 digitised, 1 reused, 2 rated, none
	# satisfied; xa 2 new, 1 online, 2 with fees, 1 paid, 2 digitised, 1 reused, 1 rated,
	# not satisfied
	run --separate-stderr bash -c "set -o pipefail; cchc-sum --period 2024 -g cap --total --indicators '$DATA/indicators-hand.csv' 2>/dev/null |
		cchc-rate ty_le_truc_tuyen=nop_truc_tuyen/moi_tiep_nhan ty_le_thanh_toan=thanh_toan_truc_tuyen/co_phi \
		ty_le_so_hoa=so_hoa/moi_tiep_nhan ty_le_tai_su_dung=tai_su_dung/moi_tiep_nhan \
		ty_le_hai_long=rat_hai_long+hai_long/danh_gia | cut -d, -f1,7,23,29-"
	assert_success
	assert_output - <<'OUT'
cap,nop_buu_chinh,danh_gia,ty_le_truc_tuyen,ty_le_thanh_toan,ty_le_so_hoa,ty_le_tai_su_dung,ty_le_hai_long
huyen,1,2,50.00,100.00,25.00,25.00,0.00
tinh,0,3,66.67,50.00,66.67,33.33,66.67
xa,0,1,50.00,50.00,100.00,50.00,0.00
tong,1,6,55.56,60.00,55.56,33.33,33.33
OUT
}
