#!/usr/bin/env bats
# cchc-sum: counts worked out by hand, period bounds, grouping, merge, parallel.

load helper

HDR="tiep_nhan,ky_truoc,moi_tiep_nhan,nop_truc_tuyen,nop_truc_tiep,nop_buu_chinh,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han"

# tests/data/sum-hand.csv: each row's comment says what it is. By hand, for 2024
# (15/12/2023 .. 14/12/2024):
#   tinh  A01 early, A02 on time (16:59 < 17:00), A03 late (17:01), A04 on time
#         (due without time), A05 late, A06 on time (no due); all new; channels
#         online A01 A05 A06, in person A02 A03, post A04.
#   huyen A07 carried over, early; A09 carried over, pending past due (20/12/2023);
#         A10 new online, pending, due on the last day: within. A08 and A11 outside.
#   xa    A12 pending past due; A13 resolved after the end: pending within; A14
#         pending, no due: within; A17 withdrawn but dated: early; A19 received
#         on the first day: new, early. A15, A16 not received; A18, A20 unclassifiable.
@test "sum: the hand-worked sample, period 2024, by level, with the total" {
	run --separate-stderr cchc-sum --period 2024 -g cap --total "$DATA/sum-hand.csv"
	assert_failure 1
	assert_output - <<OUT
cap,$HDR
huyen,3,2,1,1,0,0,1,1,0,0,2,1,1
tinh,6,0,6,3,2,1,6,1,3,2,0,0,0
xa,5,0,5,3,2,0,2,2,0,0,3,2,1
tong,14,2,12,7,4,1,9,4,3,2,5,3,2
OUT
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$DATA/||") <<'ERR'
cchc-sum: sum-hand.csv:19: kenh: unknown code: "Fax"
cchc-sum: sum-hand.csv:21: ngay_tiep_nhan: no such day: "32/01/2024"
cchc-sum: period 15/12/2023-14/12/2024: 20 rows: 14 counted, 2 outside the period, 2 not received (status 1 or 3), 2 unclassifiable (1 unknown kenh, 1 bad ngay_tiep_nhan)
ERR
}

# As of 10/03/2024: A05 (resolved 11/03) and A06 (01/06) are pending within their
# deadline or without one; A10-A14 and A18 were received after 10/03: outside.
@test "sum: --as-of takes the status on an earlier day" {
	run --separate-stderr cchc-sum --period 2024 --as-of 10/03/2024 -g cap "$DATA/sum-hand.csv"
	assert_failure 1
	assert_output - <<OUT
cap,$HDR
huyen,2,2,0,0,0,0,1,1,0,0,1,0,1
tinh,6,0,6,3,2,1,4,1,2,1,2,2,0
xa,2,0,2,1,1,0,2,2,0,0,0,0,0
OUT
	[[ "$stderr" == *"cchc-sum: period 15/12/2023-14/12/2024 as of 10/03/2024: 20 rows: 10 counted, 7 outside the period, 2 not received (status 1 or 3), 1 unclassifiable (1 bad ngay_tiep_nhan)" ]]
}

# Calendar 2024 (01/01 .. 31/12): A07 and A19, resolved in December 2023, are
# outside; A09 is carried over; A10, A11 and A12 are pending past due at 31/12;
# A13 (resolved 16/12) is early; A18 is now in the period and unclassifiable.
@test "sum: --calendar bounds" {
	run --separate-stderr cchc-sum --period 2024 --calendar -g cap "$DATA/sum-hand.csv"
	assert_failure 1
	assert_output - <<OUT
cap,$HDR
huyen,3,1,2,2,0,0,0,0,0,0,3,0,3
tinh,6,0,6,3,2,1,6,1,3,2,0,0,0
xa,4,0,4,2,2,0,2,2,0,0,2,1,1
OUT
	[[ "$stderr" == *"cchc-sum: period 01/01/2024-31/12/2024: 20 rows: 13 counted, 3 outside the period, 2 not received (status 1 or 3), 2 unclassifiable (1 unknown kenh, 1 bad ngay_tiep_nhan)" ]]
}

@test "sum: --from/--to in any date form equals the period" {
	run --separate-stderr cchc-sum --from 15/12/2023 --to 2024-12-14 -g cap "$DATA/sum-hand.csv"
	a=$output
	run --separate-stderr cchc-sum --period 2024 -g cap "$DATA/sum-hand.csv"
	assert_equal "$a" "$output"
}

# Each period at its edges: resolved the day before 'from' (outside), carried over
# and resolved on 'from' (counted), received on 'to' (counted), received the day
# after 'to' (outside).
@test "sum: every period kind's bounds, at the 14th and the 15th" {
	while read -r p opt from to; do
		[ "$opt" = - ] && opt=
		before=$(date -d "$from -1 day" +%d/%m/%Y)
		after=$(date -d "$to +1 day" +%d/%m/%Y)
		f=$(date -d "$from" +%d/%m/%Y)
		t=$(date -d "$to" +%d/%m/%Y)
		printf 'ma_ho_so,kenh,ngay_tiep_nhan,ngay_tra_ket_qua\n1,1,%s,%s\n2,1,%s,%s\n3,2,%s,\n4,2,%s,\n' \
			"$before" "$before" "$before" "$f" "$t" "$after" > "$T/e.csv"
		run --separate-stderr cchc-sum --period "$p" $opt "$T/e.csv"
		assert_success
		assert_output "$HDR"$'\n'"2,1,1,1,0,0,1,0,1,0,1,1,0"
		assert_equal "$stderr" "cchc-sum: period $f-$t: 4 rows: 2 counted, 2 outside the period, 0 not received (status 1 or 3), 0 unclassifiable"
	done <<'TABLE'
2024 - 2023-12-15 2024-12-14
2024-H1 - 2023-12-15 2024-06-14
2024-H2 - 2024-06-15 2024-12-14
2024-9M - 2023-12-15 2024-09-14
2024-Q1 - 2023-12-15 2024-03-14
2024-Q2 - 2024-03-15 2024-06-14
2024-Q3 - 2024-06-15 2024-09-14
2024-Q4 - 2024-09-15 2024-12-14
2024-01 - 2023-12-15 2024-01-14
2024-09 - 2024-08-15 2024-09-14
2024-12 - 2024-11-15 2024-12-14
2024 --calendar 2024-01-01 2024-12-31
2024-02 --calendar 2024-02-01 2024-02-29
2023-02 --calendar 2023-02-01 2023-02-28
2024-Q1 --calendar 2024-01-01 2024-03-31
2024-H2 --calendar 2024-07-01 2024-12-31
2024-9M --calendar 2024-01-01 2024-09-30
TABLE
}

@test "sum: a period that is not one is a usage error" {
	for p in 2024-Q5 2024-Q0 2024-13 2024-00 2024-H3 24 2024-1 2024-q 2024-9X 20245 ""; do
		run --separate-stderr cchc-sum --period "$p" "$DATA/sum-hand.csv"
		assert_failure 2
		assert_output ""
		[[ "$stderr" == "cchc-sum: --period: not a period: \"$p\" (2024, 2024-H1, 2024-H2, 2024-9M, 2024-Q1..Q4, 2024-01..12)"* ]]
	done
}

@test "sum: other usage errors" {
	run --separate-stderr cchc-sum "$DATA/sum-hand.csv"
	assert_failure 2
	[[ "$stderr" == "cchc-sum: a period is needed: --period P, or --from D and --to D"* ]]
	run --separate-stderr cchc-sum --period 2024 --as-of 2024-12-15 "$DATA/sum-hand.csv"
	assert_failure 2
	[[ "$stderr" == "cchc-sum: --as-of 2024-12-15 is not inside the period 2023-12-15 .. 2024-12-14" ]]
	run --separate-stderr cchc-sum --from 2024-02-30 --to 2024-03-01 "$DATA/sum-hand.csv"
	assert_failure 2
	[[ "$stderr" == 'cchc-sum: --from: no such day: "2024-02-30"'* ]]
	run --separate-stderr cchc-sum --from 2024-03-02 --to 2024-03-01 "$DATA/sum-hand.csv"
	assert_failure 2
	run --separate-stderr cchc-sum --period 2024 -g nowhere "$DATA/sum-hand.csv"
	assert_failure 2
	[[ "$stderr" == *'sum-hand.csv:1: -g nowhere: no such column; the header found: "Mã hồ sơ,Cấp,Hình thức nộp,'* ]]
	run --separate-stderr cchc-sum --merge --period 2024
	assert_failure 2
}

@test "sum: -g takes aliases and other columns; NFC and NFD values land in one group" {
	printf 'Mã hồ sơ,Ngày tiếp nhận,Hình thức nộp,Đơn vị,Cấp giải quyết\n1,1/3/2024,1,UBND x\xc3\xa3 A,xã\n2,1/3/2024,2,UBND xa\xcc\x83 A,Cấp xã\n3,1/3/2024,2, UBND xã A ,XÃ\n4,1/3/2024,2,UBND xã B,xa\n' > "$T/g.csv"
	run --separate-stderr cchc-sum --period 2024 -g "Cơ quan,CAP" "$T/g.csv"
	assert_success
	assert_output - <<OUT
co_quan,cap,$HDR
UBND xã A,xa,3,0,3,2,1,0,0,0,0,0,3,3,0
UBND xã B,xa,1,0,1,1,0,0,0,0,0,0,1,1,0
OUT
}

@test "sum: no -g gives one row, even with no rows counted" {
	printf 'ma_ho_so,ngay_tiep_nhan\n' > "$T/h.csv"
	run --separate-stderr cchc-sum --period 2024 --total "$T/h.csv"
	assert_success
	assert_output "$HDR"$'\n'"0,0,0,0,0,0,0,0,0,0,0,0,0"
	run --separate-stderr cchc-sum --period 2024 -g cap "$T/h.csv"
	assert_failure 2
}

@test "sum: raw export and checked export give the same counts" {
	f=$(sample clean --rows 3000)
	cchc-sum --period 2024 -g cap,kenh,muc_do_dvc --total "$f" > "$T/raw" 2>/dev/null
	cchc-check "$f" 2>/dev/null | cchc-sum --period 2024 -g cap,kenh,muc_do_dvc --total > "$T/checked" 2>/dev/null
	cmp "$T/raw" "$T/checked"
	[ "$(wc -l < "$T/raw")" -gt 10 ]
}

@test "sum: files with their columns in other orders count alike" {
	# The reader copies only the fields a file's header maps: each file maps its own.
	printf 'Mã hồ sơ,Cấp giải quyết,Hình thức nộp,Trạng thái,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Ghi chú\n' > "$T/a.csv"
	printf 'H1,Cấp tỉnh,Trực tuyến,Đã trả kết quả,02/01/2024,10/01/2024,09/01/2024,x\n' >> "$T/a.csv"
	printf 'Ghi chú,Ngày có kết quả,Ngày hẹn trả,Ngày tiếp nhận,Trạng thái,Hình thức nộp,Cấp giải quyết,Mã hồ sơ\n' > "$T/b.csv"
	printf 'y,11/01/2024,10/01/2024,02/01/2024,Đã trả kết quả,Trực tiếp,Cấp xã,H2\n' >> "$T/b.csv"
	run --separate-stderr cchc-sum --period 2024 -g cap "$T/a.csv" "$T/b.csv"
	assert_success
	assert_output "cap,$HDR
tinh,1,0,1,1,0,0,1,1,0,0,0,0,0
xa,1,0,1,0,1,0,1,0,0,1,0,0,0"
	assert_equal "$stderr" "cchc-sum: period 15/12/2023-14/12/2024: 2 rows: 2 counted, 0 outside the period, 0 not received (status 1 or 3), 0 unclassifiable"
}

@test "sum: a row with only an unread column filled is no empty row" {
	printf 'Mã hồ sơ,Cấp giải quyết,Hình thức nộp,Trạng thái,Ngày tiếp nhận,Ghi chú\n,,,,,only a note\n,,,,,\nA,xa,1,4,1/1/2024,\n' > "$T/n.csv"
	run --separate-stderr cchc-sum --period 2024 "$T/n.csv"
	assert_failure 1
	assert_equal "$stderr" "cchc-sum: $T/n.csv:2: ngay_tiep_nhan: required value missing
cchc-sum: 1 empty rows skipped (blank, or every field empty)
cchc-sum: period 15/12/2023-14/12/2024: 2 rows: 1 counted, 0 outside the period, 0 not received (status 1 or 3), 1 unclassifiable (1 no ngay_tiep_nhan)"
	# after the last dossier, such a line is the footer: skipped, no fault
	printf 'Mã hồ sơ,Cấp giải quyết,Hình thức nộp,Trạng thái,Ngày tiếp nhận,Ghi chú\nA,xa,1,4,1/1/2024,\n,,,,,only a note\n' > "$T/n.csv"
	run --separate-stderr cchc-sum --period 2024 "$T/n.csv"
	assert_success
	assert_equal "$stderr" "cchc-sum: $T/n.csv:3: 1 line after the last dossier, with no received date, skipped as the footer: \",,,,,only a note\"
cchc-sum: period 15/12/2023-14/12/2024: 2 rows: 1 counted, 0 outside the period, 0 not received (status 1 or 3), 0 unclassifiable, 1 footer line skipped"
}

@test "sum: every row of the sample's counts obeys the identities; the accounting adds up" {
	f=$(sample bad --rows 3000 --bad)
	run --separate-stderr cchc-sum --period 2024 -g cap,co_quan --total "$f"
	assert_failure 1
	printf '%s\n' "$output" | awk -F, 'NR > 1 {
		if ($3 != $4 + $5 || $3 != $9 + $13 || $5 != $6 + $7 + $8 || $9 != $10 + $11 + $12 || $13 != $14 + $15) { print "identity fails: " $0; bad = 1 } }
		END { exit bad }'
	summary=$(printf '%s\n' "$stderr" | tail -n 1)
	read -r n c o s u <<<"$(echo "$summary" | sed -E 's/.*: ([0-9]+) rows: ([0-9]+) counted, ([0-9]+) outside.*, ([0-9]+) not received.*, ([0-9]+) unclassifiable.*/\1 \2 \3 \4 \5/')"
	[ "$n" -eq 3000 ]
	[ $((c + o + s + u)) -eq "$n" ]
	# the total row's tiep_nhan is the rows counted
	[ "$(printf '%s\n' "$output" | tail -n 1 | cut -d, -f3)" -eq "$c" ]
}

@test "sum: parts merged give the bytes of one run, repeated headers skipped" {
	f=$(sample bad --rows 3000 --bad)
	cchc-sum --period 2024 -g cap,kenh --total "$f" > "$T/one" 2>/dev/null || true
	head -n 1 "$f" > "$T/h"
	tail -n +2 "$f" | split -l 700 - "$T/part."
	for p in "$T"/part.*; do
		cat "$T/h" "$p" > "$p.csv"
		cchc-sum --period 2024 -g cap,kenh --total "$p.csv" 2>/dev/null || true
	done > "$T/parts"
	[ "$(grep -c '^cap,kenh' "$T/parts")" -eq 5 ]
	run --separate-stderr cchc-sum --merge "$T/parts"
	assert_success
	cmp "$T/one" <(printf '%s\n' "$output")
	# the same, with the parts as several files
	for p in "$T"/part.*.csv; do cchc-sum --period 2024 -g cap,kenh "$p" > "$p.sum" 2>/dev/null || true; done
	run --separate-stderr cchc-sum --merge --total "$T"/part.*.sum
	assert_success
	cmp "$T/one" <(printf '%s\n' "$output")
}

@test "sum: a GNU parallel run over parts of the file gives the bytes of one run" {
	f=$(sample big --rows 20000)
	cchc-sum --period 2024 -g cap,muc_do_dvc --total "$f" > "$T/one" 2>/dev/null
	parallel --pipepart -a "$f" --header : --block 300k \
		cchc-sum --period 2024 -g cap,muc_do_dvc --total 2>/dev/null | cchc-sum --merge > "$T/par" 2>/dev/null
	cmp "$T/one" "$T/par"
}

@test "sum: --merge rejects a bad count, an overflow and a rate column" {
	printf 'cap,%s\ntinh,1,0,1,1,0,0,1,1,0,0,0,0,0\nxa,1.5,0,1,1,0,0,1,1,0,0,0,0,0\n' "$HDR" > "$T/m.csv"
	run --separate-stderr cchc-sum --merge "$T/m.csv"
	assert_failure 1
	assert_output "cap,$HDR"$'\n'"tinh,1,0,1,1,0,0,1,1,0,0,0,0,0"
	[[ "$stderr" == *'m.csv:3: tiep_nhan: a count has no fraction: "1.5"'* ]]
	printf 'cap,%s\ntinh,9223372036854775807,0,0,0,0,0,0,0,0,0,0,0,0\ntinh,1,0,0,0,0,0,0,0,0,0,0,0,0\n' "$HDR" > "$T/o.csv"
	run --separate-stderr cchc-sum --merge "$T/o.csv"
	assert_failure 2
	[[ "$stderr" == *"o.csv:3: tiep_nhan: the sum passes the largest count (9223372036854775807)"* ]]
	printf 'cap,%s\ntinh,99999999999999999999,0,0,0,0,0,0,0,0,0,0,0,0\n' "$HDR" > "$T/o.csv"
	run --separate-stderr cchc-sum --merge "$T/o.csv"
	assert_failure 1
	[[ "$stderr" == *'o.csv:2: tiep_nhan: number too large: "99999999999999999999"'* ]]
	printf 'cap,%s,ty_le_dung_han\ntinh,1,0,1,1,0,0,1,1,0,0,0,0,0,100.00\n' "$HDR" > "$T/r.csv"
	run --separate-stderr cchc-sum --merge "$T/r.csv"
	assert_failure 2
	[[ "$stderr" == *"r.csv:1: ty_le_dung_han: a rate column cannot be added up: merge before cchc-rate"* ]]
}

@test "sum: a write error is exit 2; a closed pipe is quiet" {
	[ -w /dev/full ] || skip "no /dev/full"
	run --separate-stderr sh -c "cchc-sum --period 2024 -g cap '$DATA/sum-hand.csv' > /dev/full"
	assert_failure 2
	[[ "$stderr" == *"cchc-sum: write error on standard output: No space left on device"* ]]
	# a row per dossier, 3 MB: more than a pipe holds (cchc-sum asks for 1 MiB)
	f=$(sample big60k --rows 60000)
	run --separate-stderr sh -c "cchc-sum --period 2024 -g ma_ho_so '$f' | head -n 1"
	assert_success
	assert_output "ma_ho_so,$HDR"
	assert_equal "$stderr" ""
}

@test "sum: --help and --version" {
	run cchc-sum --help
	assert_success
	assert_line --index 0 --partial "usage: cchc-sum (--period P | --from D --to D)"
	run cchc-sum --version
	assert_output --regexp '^cchc-sum [0-9.]+$'
}

@test "sum: --merge reads counts in Vietnamese and English style, exactly" {
	printf 'cap,%s\nxa,"301.990",0,"301.990",0,"301,990",0,"301 390","298.921",0,"2.469",600,600,0\nxa,10,0,10,0,10,0,10,10,0,0,0,0,0\n' "$HDR" > "$T/v.csv"
	run --separate-stderr cchc-sum --merge "$T/v.csv"
	assert_success
	assert_output "cap,$HDR"$'\n'"xa,302000,0,302000,0,302000,0,301400,298931,0,2469,600,600,0"
	printf 'cap,%s\nxa,"1.23.4",0,0,0,0,0,0,0,0,0,0,0,0\nxa,"1,2345",0,0,0,0,0,0,0,0,0,0,0,0\nxa,-1,0,0,0,0,0,0,0,0,0,0,0,0\nxa,12a,0,0,0,0,0,0,0,0,0,0,0,0\n' "$HDR" > "$T/v.csv"
	run --separate-stderr cchc-sum --merge "$T/v.csv"
	assert_failure 1
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-sum: v.csv:2: tiep_nhan: a count has no fraction: "1.23.4"
cchc-sum: v.csv:3: tiep_nhan: a count has no fraction: "1,2345"
cchc-sum: v.csv:4: tiep_nhan: a count cannot be negative: "-1"
cchc-sum: v.csv:5: tiep_nhan: not a number: "12a"
cchc-sum: 4 rows: 0 merged, 4 rejected (4 not a count); 0 groups
ERR
}

@test "sum: -j N gives the bytes of -j 1, messages too, with quoted fields over several lines" {
	f=$(sample bad --rows 3000 --bad)
	# the sample, with a note column whose values hold line ends and quotes
	awk 'BEGIN { srand(7) } { sub(/\r$/, "") }
		NR == 1 { print $0 ",Ghi chú\r"; next }
		{ n = int(rand() * 4); note = "";
		  for (i = 0; i < n; i++) note = note "dòng " i " \"\"trích\"\"\r\n";
		  print $0 ",\"" note "x\"\r" }' "$f" > "$T/q.csv"
	[ "$(grep -c 'trích' "$T/q.csv")" -gt 1000 ]
	cchc-sum -j 1 --period 2024 -g cap,kenh --total "$T/q.csv" > "$T/o1" 2> "$T/e1" || true
	[ "$(wc -l < "$T/o1")" -gt 5 ]
	grep -q 'q.csv:[0-9]*: kenh: unknown code: "Fax"' "$T/e1"
	for j in 2 3 5 16; do
		for m in 1 997 100000; do
			CCHC_MIN_PART_SIZE=$m cchc-sum -j $j --period 2024 -g cap,kenh --total "$T/q.csv" > "$T/o2" 2> "$T/e2" || true
			cmp "$T/o1" "$T/o2" && cmp "$T/e1" "$T/e2" || { echo "-j $j, parts of $m bytes"; diff "$T/e1" "$T/e2" | head; return 1; }
		done
	done
	# the line numbers are the file's: the unknown channel's row, counted by hand
	want=$(awk '/,Fax,/ { print NR; exit }' "$T/q.csv")
	grep -q "q.csv:$want: kenh: unknown code" "$T/e1"
}

@test "sum: -j on standard input stays one stream; bad -j is a usage error" {
	f=$(sample clean --rows 3000)
	run --separate-stderr sh -c "cchc-sum -j 4 --period 2024 -g cap < '$f'"
	assert_success
	a=$output
	run --separate-stderr cchc-sum -j 1 --period 2024 -g cap "$f"
	assert_equal "$a" "$output"
	run --separate-stderr cchc-sum -j 0 --period 2024 "$f"
	assert_failure 2
	[[ "$stderr" == 'cchc-sum: -j: "0" is not a number of threads from 1 to 64' ]]
}

# The worked example of cchc-sum(1), STATUS RULES: it must stay true.
@test "sum: the status rules' worked example: withdrawn and stopped finished, waiting within, no end date unclassifiable" {
	cat > "$T/w.csv" <<'CSV'
ma_ho_so,kenh,trang_thai,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua
W1,truc_tiep,7,01/03/2024,10/03/2024,05/03/2024
W2,truc_tiep,8,01/04/2024,10/04/2024,20/04/2024
W3,truc_tiep,7,01/05/2024,10/05/2024,
S1,truc_tiep,5,01/11/2024,20/11/2024,
S2,truc_tiep,6,01/12/2024,05/12/2024,
P1,truc_tiep,4,01/11/2024,20/11/2024,
D1,truc_tiep,10,01/06/2024,10/06/2024,
P2,truc_tiep,4,01/11/2024,20/11/2024,18/11/2024
CSV
	run --separate-stderr cchc-sum --period 2024 "$T/w.csv"
	assert_failure 1
	assert_output "$HDR"$'\n'"6,0,6,0,6,0,3,2,0,1,3,2,1"
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-sum: w.csv:4: ngay_tra_ket_qua: withdrawn or stopped (7, 8) without an end date: no period to place it in
cchc-sum: w.csv:8: ngay_tra_ket_qua: processed (9, 10) without an end date: no period to place it in
cchc-sum: w.csv:9: trang_thai: a status of a dossier not finished, with an end date: the dates decide: "4"
cchc-sum: period 15/12/2023-14/12/2024: 8 rows: 6 counted, 0 outside the period, 0 not received (status 1 or 3), 2 unclassifiable (1 status 7 or 8 without an end date, 1 status 9 or 10 without an end date)
ERR
	run --separate-stderr cchc-sum --period 2024 --withdrawn-on-time "$T/w.csv"
	assert_output "$HDR"$'\n'"6,0,6,0,6,0,3,1,2,0,3,2,1"
	# the man page shows these very lines
	man=$(mandoc -Tascii "$TOP/man/cchc-sum.1" | sed "s/.\x08//g")
	[[ "$man" == *"6,0,6,0,6,0,3,2,0,1,3,2,1"* ]]
	[[ "$man" == *"6,0,6,0,6,0,3,1,2,0,3,2,1"* ]]
}
