#!/usr/bin/env bats
# cchc-sum --estimate: the counts as of a day, the pace of the 30 days up to it,
# the figures projected to the period's end, worked by hand; -j, --merge.

load helper

HDR="tiep_nhan,ky_truoc,moi_tiep_nhan,nop_truc_tuyen,nop_truc_tiep,nop_buu_chinh,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han"
EST="ngay_so_lieu,nhip_tu_ngay,uoc_den_ngay,nhip_nop_truc_tuyen,nhip_nop_truc_tiep,nhip_nop_buu_chinh,nhip_gq_truoc_han,nhip_gq_dung_han,nhip_gq_qua_han,uoc_tiep_nhan,uoc_ky_truoc,uoc_moi_tiep_nhan,uoc_nop_truc_tuyen,uoc_nop_truc_tiep,uoc_nop_buu_chinh,uoc_da_giai_quyet,uoc_gq_truoc_han,uoc_gq_dung_han,uoc_gq_qua_han,uoc_dang_giai_quyet,uoc_dang_trong_han,uoc_dang_qua_han"
PERIOD="--from 2024-11-01 --to 2024-12-31"

# The period 01/11/2024 .. 31/12/2024, as of 16/12/2024: the pace window is
# 17/11 .. 16/12 (30 days), 15 days are left, so each pace is halved.
export_hand() {
	cat > "$T/e.csv" <<'CSV'
ma_ho_so,cap,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua
K1,tinh,truc_tiep,2024-10-20,2024-11-10,2024-11-05
E1,tinh,truc_tuyen,2024-11-05,2024-11-15,
T1,tinh,truc_tuyen,2024-11-20,2024-11-30,2024-11-25
T2,tinh,truc_tuyen,2024-12-01,2024-12-10,2024-12-10
T3,tinh,truc_tuyen,2024-12-05,2024-12-12,2024-12-14
T4,tinh,truc_tiep,2024-12-10,2024-12-20,
T5,tinh,buu_chinh,2024-12-15,2024-12-20,2024-12-18
A1,tinh,truc_tiep,2024-12-20,2024-12-28,
X1,xa,truc_tiep,2024-11-18,2024-11-20,2024-11-19
X2,xa,truc_tiep,2024-11-25,2024-11-26,2024-11-26
X3,xa,truc_tiep,2024-12-02,2024-12-03,2024-12-03
X4,xa,truc_tuyen,2024-12-09,2024-12-10,2024-12-09
Y1,xa,truc_tiep,2024-10-25,2024-11-20,2024-11-20
Y2,xa,truc_tiep,2024-10-28,2024-11-15,2024-11-22
Y3,xa,truc_tiep,2024-10-30,2024-12-01,2024-11-28
CSV
}

# By hand. tinh as of 16/12: K1 carried over, early (05/11, before the window);
# new E1 (online, pending past due 15/11), T1 early, T2 on time, T3 late (14/12),
# all three online and resolved in the window; T4 in person and T5 by post are
# pending within (T5's result on 18/12 comes after the day); A1 is received
# after it: outside. So 7 = 1 + 6; 4 resolved (2 early, 1 on time, 1 late); 3
# pending (2 within, 1 past). Pace: received 3 online, 1 in person, 1 by post;
# resolved 1, 1, 1.
#   new:      5 x 15/30 = 2.5, half up 3; by channel 3 x 3/5 = 1.8, 3 x 1/5 =
#             0.6 twice: whole parts 1, 0, 0, the 2 left to the largest
#             fractions, .8 then .6 (in person before post: the column order)
#             = 2, 1, 0. uoc: 6 + 3 = 9 = 4+2, 1+1, 1+0; tiep_nhan 1 + 9 = 10.
#   resolved: 3 x 15/30 = 1.5, half up 2 (at most 3 pending + 3 new: 6); 2/3
#             each: 0, 0, 0, then early and on time = 1, 1, 0. uoc: 4 + 2 = 6
#             = 3, 2, 1.
#   pending:  10 - 6 = 4, as the day's 2 within : 1 past: 8/3 = 2.67, 4/3 =
#             1.33: 2, 1, and the 1 left to within: 3, 1.
# xa as of 16/12: Y1 on time, Y2 late, Y3 early, all carried over and resolved
# in the window; X1 early, X2 and X3 on time (in person), X4 early (online):
# 7 = 3 + 4, 7 resolved (3, 3, 1), none pending. Pace: received 1 online, 3 in
# person; resolved 3, 3, 1.
#   new:      4 x 15/30 = 2; 2/4 and 6/4: 0 r.5, 1 r.5, the 1 left to online
#             (the tie to the earlier column) = 1, 1, 0: uoc 6 = 2, 4, 0; 9.
#   resolved: 7 x 15/30 = 3.5, half up 4, but only 0 pending + 2 new can be: 2;
#             6/7, 6/7, 2/7: 1, 1, 0. uoc 9 = 4, 4, 1; none pending.
# tong: the counts and the pace added up, its uoc the sum of the groups'.
@test "estimate: the hand-worked case, by level, with the total" {
	export_hand
	run --separate-stderr cchc-sum $PERIOD --as-of 2024-12-16 --estimate -g cap --total "$T/e.csv"
	assert_success
	assert_output - <<OUT
cap,$HDR,$EST
tinh,7,1,6,4,1,1,4,2,1,1,3,2,1,2024-12-16,2024-11-17,2024-12-31,3,1,1,1,1,1,10,1,9,6,2,1,6,3,2,1,4,3,1
xa,7,3,4,1,3,0,7,3,3,1,0,0,0,2024-12-16,2024-11-17,2024-12-31,1,3,0,3,3,1,9,3,6,2,4,0,9,4,4,1,0,0,0
tong,14,4,10,5,4,1,11,5,4,2,3,2,1,2024-12-16,2024-11-17,2024-12-31,4,4,1,4,4,2,19,4,15,8,6,1,15,7,6,2,4,3,1
OUT
	assert_equal "$stderr" "cchc-sum: period 01/11/2024-31/12/2024 as of 16/12/2024 (estimated to 31/12/2024 from 17/11/2024-16/12/2024): 15 rows: 14 counted, 1 outside the period, 0 not received (status 1 or 3), 0 unclassifiable"
}

@test "estimate: the counts are those of --as-of alone, and without --estimate nothing changes" {
	export_hand
	cchc-sum $PERIOD --as-of 2024-12-16 --estimate -g cap --total "$T/e.csv" 2>/dev/null | cut -d, -f1-14 > "$T/cut"
	run --separate-stderr cchc-sum $PERIOD --as-of 2024-12-16 -g cap --total "$T/e.csv"
	assert_success
	assert_output "$(cat "$T/cut")"
	assert_output - <<OUT
cap,$HDR
tinh,7,1,6,4,1,1,4,2,1,1,3,2,1
xa,7,3,4,1,3,0,7,3,3,1,0,0,0
tong,14,4,10,5,4,1,11,5,4,2,3,2,1
OUT
	assert_equal "$stderr" "cchc-sum: period 01/11/2024-31/12/2024 as of 16/12/2024: 15 rows: 14 counted, 1 outside the period, 0 not received (status 1 or 3), 0 unclassifiable"
}

# As of the last day nothing is left to project: the estimate is the count. As
# of 10/11, ten days into the period, the window is 01/11 .. 10/11 (10 days) and
# 51 are left: tinh's one new dossier (E1, online, 05/11) and one resolved (K1,
# early, 05/11) in it make 1 x 51/10 = 5.1, 5 each: 6 new online, 6 early, and
# 7 - 6 = 1 pending, within as E1 is on 10/11. xa has no pace: its counts.
@test "estimate: as of the period's end, the counts; early in it, the window starts with the period" {
	export_hand
	run --separate-stderr cchc-sum $PERIOD --as-of 2024-12-31 --estimate -g cap "$T/e.csv"
	assert_success
	assert_output - <<OUT
cap,$HDR,$EST
tinh,8,1,7,4,2,1,5,3,1,1,3,0,3,2024-12-31,2024-12-02,2024-12-31,1,2,1,1,1,1,8,1,7,4,2,1,5,3,1,1,3,0,3
xa,7,3,4,1,3,0,7,3,3,1,0,0,0,2024-12-31,2024-12-02,2024-12-31,1,1,0,1,1,0,7,3,4,1,3,0,7,3,3,1,0,0,0
OUT
	run --separate-stderr cchc-sum $PERIOD --as-of 2024-11-10 --estimate -g cap "$T/e.csv"
	assert_success
	assert_output - <<OUT
cap,$HDR,$EST
tinh,2,1,1,1,0,0,1,1,0,0,1,1,0,2024-11-10,2024-11-01,2024-12-31,1,0,0,1,0,0,7,1,6,6,0,0,6,6,0,0,1,1,0
xa,3,3,0,0,0,0,0,0,0,0,3,3,0,2024-11-10,2024-11-01,2024-12-31,0,0,0,0,0,0,3,3,0,0,0,0,0,0,0,0,3,3,0
OUT
}

@test "estimate: --estimate needs --as-of, inside the period; --merge takes neither" {
	export_hand
	run --separate-stderr cchc-sum $PERIOD --estimate "$T/e.csv"
	assert_failure 2
	assert_output ""
	[[ "$stderr" == "cchc-sum: --estimate projects the counts as of a day: it needs --as-of D"$'\n'"usage: cchc-sum "* ]]
	run --separate-stderr cchc-sum $PERIOD --as-of 2025-01-01 --estimate "$T/e.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-sum: --as-of 2025-01-01 is not inside the period 2024-11-01 .. 2024-12-31"
	run --separate-stderr cchc-sum --merge --estimate "$T/e.csv"
	assert_failure 2
	[[ "$stderr" == "cchc-sum: --merge adds up count tables: it takes no period, --as-of, --estimate, -g, --also, --keep, --codes or header options"$'\n'* ]]
}

@test "estimate: a write error is exit 2, a closed pipe quiet" {
	export_hand
	run bash -c "cchc-sum $PERIOD --as-of 2024-12-16 --estimate '$T/e.csv' > /dev/full"
	assert_failure 2
	assert_line -n 0 "cchc-sum: write error on standard output: No space left on device"
	# a row per dossier, 2.3 MB: more than a pipe holds (1 MiB)
	f=$(sample big --rows 20000)
	run bash -c "cchc-sum --period 2024 --as-of 2024-12-12 --estimate -g ma_ho_so '$f' 2>'$T/err' | head -c 10; echo \" \${PIPESTATUS[0]}\""
	assert_output "ma_ho_so,t 141"
	assert_equal "$(cat "$T/err")" ""
}

# Parts of the export, each estimated, then merged: the merge makes the uoc_
# figures again from the counts and the pace added up, so they are one run's
# (the parts' own estimates differ: each rounds on its own).
@test "estimate: parts merged give the bytes of one run" {
	export_hand
	cchc-sum $PERIOD --as-of 2024-12-16 --estimate -g cap --total "$T/e.csv" > "$T/one" 2>/dev/null
	{ head -1 "$T/e.csv"; sed -n '2,6p;10,12p' "$T/e.csv"; } > "$T/p1.csv"
	{ head -1 "$T/e.csv"; sed -n '7,9p;13,16p' "$T/e.csv"; } > "$T/p2.csv"
	cchc-sum $PERIOD --as-of 2024-12-16 --estimate -g cap --total "$T/p1.csv" > "$T/t1" 2>/dev/null
	cchc-sum $PERIOD --as-of 2024-12-16 --estimate -g cap "$T/p2.csv" > "$T/t2" 2>/dev/null
	# the parts' own xa estimates: 5 and 4, not 9 together
	run grep -c '^xa,.*,5,0,5,0,5,0,5,2,3,0,0,0,0$' "$T/t1"
	assert_output 1
	run --separate-stderr cchc-sum --merge "$T/t1" "$T/t2"
	assert_success
	assert_output "$(cat "$T/one")"
	assert_equal "$stderr" "cchc-sum: 5 rows: 5 merged, 0 rejected; 2 groups"
	run --separate-stderr cchc-sum --merge <(cat "$T/t2" "$T/t1")
	assert_output "$(cat "$T/one")"
}

@test "estimate: -j N and parts merged on a generated export equal one run, and every identity holds" {
	f=$(sample 4000 --rows 4000)
	cchc-sum -j 1 --period 2024 --as-of 2024-12-12 --estimate -g cap,kenh --total "$f" > "$T/one" 2>"$T/e1"
	CCHC_MIN_PART_SIZE=20000 cchc-sum -j 4 --period 2024 --as-of 2024-12-12 --estimate -g cap,kenh --total "$f" > "$T/par" 2>"$T/e4"
	cmp "$T/one" "$T/par"
	cmp "$T/e1" "$T/e4"
	{ head -1 "$f"; sed -n '2,1500p' "$f"; } > "$T/a.csv"
	{ head -1 "$f"; sed -n '1501,$p' "$f"; } > "$T/b.csv"
	for p in a b; do
		cchc-sum --period 2024 --as-of 2024-12-12 --estimate -g cap,kenh "$T/$p.csv" > "$T/$p.sum" 2>/dev/null
	done
	run --separate-stderr cchc-sum --merge --total "$T/a.sum" "$T/b.sum"
	assert_success
	assert_output "$(cat "$T/one")"
	# the seed's case: written on 12/12 for a period ending on the 14th
	run sed -n 2p "$T/one"
	output=$(printf '%s\n' "$output" | cut -d, -f16-18)
	assert_output "2024-12-12,2024-11-13,2024-12-14"
	# the identities of DOMAIN.md on the uoc_ columns of every row (from field 25,
	# after 2 keys, 13 counts, 3 days and 6 pace counts); none below its count
	run awk -F, 'NR > 1 { u = 25
		if ($(u) != $(u+1) + $(u+2) || $(u) != $(u+6) + $(u+10) ||
		    $(u+2) != $(u+3) + $(u+4) + $(u+5) || $(u+6) != $(u+7) + $(u+8) + $(u+9) ||
		    $(u+10) != $(u+11) + $(u+12) || $(u+1) != $4 || $(u+6) < $9 || $(u+2) < $5) print "line " NR ": " $0
		n++ } END { print n " rows" }' "$T/one"
	assert_output "$(($(wc -l < "$T/one") - 1)) rows"
}

@test "estimate: --merge rejects rows of other days, and a table without the estimate's columns" {
	export_hand
	cchc-sum $PERIOD --as-of 2024-12-16 --estimate -g cap "$T/e.csv" > "$T/t1" 2>/dev/null
	cchc-sum $PERIOD --as-of 2024-12-15 --estimate -g cap "$T/e.csv" > "$T/t2" 2>/dev/null
	run --separate-stderr cchc-sum --merge "$T/t1" "$T/t2"
	assert_failure 1
	assert_output "$(cat "$T/t1")"
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-sum: t2:2: ngay_so_lieu: another day than the rows before (2024-12-16): an estimate made on other days: "2024-12-15" (2 rows)
cchc-sum: 4 rows: 2 merged, 2 rejected (2 other estimate days); 2 groups
ERR
	cchc-sum $PERIOD --as-of 2024-12-16 -g cap "$T/e.csv" > "$T/t3" 2>/dev/null
	run --separate-stderr cchc-sum --merge "$T/t1" "$T/t3"
	assert_failure 2
	[[ "$stderr" == *"t3:1: the header does not have the first file's columns; the header found: \"cap,tiep_nhan,"* ]]
	cut -d, -f1-20 "$T/t1" > "$T/t4"
	run --separate-stderr cchc-sum --merge "$T/t4"
	assert_failure 2
	[[ "$stderr" == *"t4:1: not an estimate's count table (cchc-sum --estimate): column nhip_gq_truoc_han missing"* ]]
	sed '2s/,2024-12-16,/,16 tháng 12,/' "$T/t1" > "$T/t5"
	run --separate-stderr cchc-sum --merge "$T/t5"
	assert_failure 1
	[[ "$stderr" == *"t5:2: ngay_so_lieu: not a day (yyyy-mm-dd): \"16 tháng 12\""* ]]
}

# to the end: tinh 5 of 6 resolved on time (3 + 2) = 83.33%, online 6 of 9
# = 66.67%; xa 8/9, 2/6; tong 13/15 = 86.67%, 8/15 = 53.33%
@test "estimate: cchc-rate appends the rates of the estimate too" {
	export_hand
	cchc-sum $PERIOD --as-of 2024-12-16 --estimate -g cap --total "$T/e.csv" > "$T/one" 2>/dev/null
	run --separate-stderr cchc-rate "$T/one"
	assert_success
	run cut -d, -f1,37- <<< "$output"
	assert_output - <<'OUT'
cap,ty_le_dung_han,ty_le_truc_tuyen,uoc_ty_le_dung_han,uoc_ty_le_truc_tuyen
tinh,75.00,66.67,83.33,66.67
xa,85.71,25.00,88.89,33.33
tong,81.82,50.00,86.67,53.33
OUT
	run --separate-stderr cchc-check --counts "$T/one"
	assert_success
	# an estimate's rate cannot be added up either
	cchc-rate "$T/one" | cut -d, -f1-36,39 > "$T/uoc-rate"
	run --separate-stderr cchc-sum --merge "$T/uoc-rate"
	assert_failure 2
	[[ "$stderr" == *"uoc-rate:1: uoc_ty_le_dung_han: a rate column cannot be added up: merge before cchc-rate"* ]]
}

@test "estimate: cchc-check --counts checks the estimate's identities, rates and total row" {
	export_hand
	cchc-sum $PERIOD --as-of 2024-12-16 --estimate -g cap --total "$T/e.csv" 2>/dev/null | cchc-rate > "$T/r.csv"
	run --separate-stderr cchc-check --counts "$T/r.csv"
	assert_success
	assert_output "$(cat "$T/r.csv")"
	# tinh's uoc_ky_truoc made 2 (2 + 9 is not 10, and not its ky_truoc), one
	# of its uoc_ pending within dropped (2 + 1 is not 4), its uoc_ rate 83.34;
	# so the total row no longer adds up either
	sed -e '2s/,10,1,9,6,2,1,6,3,2,1,4,3,1,/,10,2,9,6,2,1,6,3,2,1,4,2,1,/' -e '2s/,83.33,66.67$/,83.34,66.67/' \
		"$T/r.csv" > "$T/bad.csv"
	run --separate-stderr cchc-check --counts "$T/bad.csv"
	assert_failure 1
	assert_output - <<OUT
$(sed -n '1p;3p' "$T/r.csv")
OUT
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: bad.csv:2: tinh: uoc_tiep_nhan = uoc_ky_truoc + uoc_moi_tiep_nhan: 10, but 2 + 9 = 11
cchc-check: bad.csv:2: tinh: uoc_dang_giai_quyet = uoc_dang_trong_han + uoc_dang_qua_han: 4, but 2 + 1 = 3
cchc-check: bad.csv:2: tinh: uoc_ky_truoc = ky_truoc: 2, but ky_truoc = 1
cchc-check: bad.csv:2: tinh: uoc_ty_le_dung_han = uoc_gq_truoc_han+uoc_gq_dung_han/uoc_da_giai_quyet: 83.34, but 5/6 = 83.33 to 2 decimals
cchc-check: bad.csv:4: tong: uoc_ky_truoc = the sum of the 2 rows above: 4, but that sum is 5
cchc-check: bad.csv:4: tong: uoc_dang_trong_han = the sum of the 2 rows above: 3, but that sum is 2
cchc-check: 3 rows: 1 passed, 2 rejected
ERR
}
