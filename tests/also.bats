#!/usr/bin/env bats
# cchc-sum --also COLS=FILE: more count tables of the same rows, in one read.
# Each must be the table of a run of its own (-g COLS); equiv.bats runs the
# same comparison on generated hostile exports.

load helper

HDR="tiep_nhan,ky_truoc,moi_tiep_nhan,nop_truc_tuyen,nop_truc_tiep,nop_buu_chinh,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han"

# tests/data/sum-hand.csv (sum.bats says each row), and A21: a dossier of no
# level, new, online, early: in the table of all, in none by level.
hand() {
	{
		cat "$DATA/sum-hand.csv"
		echo "A21,,Trực tuyến,10,01/03/2024,10/03/2024,05/03/2024,no level"
	} > "$T/h.csv"
}

@test "also: the hand-worked sample: the table of all on stdout, by level in a file; a row of no level unclassifiable there only, said once" {
	hand
	cd "$T"
	run --separate-stderr cchc-sum --period 2024 --total --also cap=cap.csv --also cap,kenh=cap-kenh.csv h.csv
	assert_failure 1
	assert_output - <<OUT
$HDR
15,2,13,8,4,1,10,5,3,2,5,3,2
OUT
	diff -u - cap.csv <<OUT
cap,$HDR
huyen,3,2,1,1,0,0,1,1,0,0,2,1,1
tinh,6,0,6,3,2,1,6,1,3,2,0,0,0
xa,5,0,5,3,2,0,2,2,0,0,3,2,1
tong,14,2,12,7,4,1,9,4,3,2,5,3,2
OUT
	diff -u - <(sed -n '1p;$p' cap-kenh.csv) <<OUT
cap,kenh,$HDR
tong,,14,2,12,7,4,1,9,4,3,2,5,3,2
OUT
	diff -u - <(printf '%s\n' "$stderr") <<'ERR'
cchc-sum: h.csv:19: kenh: unknown code: "Fax"
cchc-sum: h.csv:21: ngay_tiep_nhan: no such day: "32/01/2024"
cchc-sum: h.csv:22: cap: no level, for a count by level
cchc-sum: cap.csv: period 15/12/2023-14/12/2024: 21 rows: 14 counted, 2 outside the period, 2 not received (status 1 or 3), 3 unclassifiable (1 unknown kenh, 1 bad ngay_tiep_nhan, 1 no cap)
cchc-sum: cap-kenh.csv: period 15/12/2023-14/12/2024: 21 rows: 14 counted, 2 outside the period, 2 not received (status 1 or 3), 3 unclassifiable (1 unknown kenh, 1 bad ngay_tiep_nhan, 1 no cap)
cchc-sum: period 15/12/2023-14/12/2024: 21 rows: 15 counted, 2 outside the period, 2 not received (status 1 or 3), 2 unclassifiable (1 unknown kenh, 1 bad ngay_tiep_nhan)
ERR
	# each file is the output of a run of its own
	cchc-sum --period 2024 --total -g cap h.csv 2>/dev/null | cmp - cap.csv
	cchc-sum --period 2024 --total -g cap,kenh h.csv 2>/dev/null | cmp - cap-kenh.csv
}

@test "also: a row the first table cannot place is counted in no table; an empty COLS is the table of all" {
	hand
	cd "$T"
	run --separate-stderr cchc-sum --period 2024 -g cap --also =all.csv --also kenh=kenh.csv h.csv
	assert_failure 1
	assert_equal "$(tail -n 1 all.csv)" "14,2,12,7,4,1,9,4,3,2,5,3,2"
	assert_equal "$(tail -n 1 kenh.csv)" "truc_tuyen,7,0,7,7,0,0,4,2,1,1,3,2,1"
	diff -u - <(printf '%s\n' "$stderr" | tail -n 3) <<'ERR'
cchc-sum: all.csv: period 15/12/2023-14/12/2024: 21 rows: 14 counted, 2 outside the period, 2 not received (status 1 or 3), 3 unclassifiable (1 unknown kenh, 1 bad ngay_tiep_nhan, 1 no cap)
cchc-sum: kenh.csv: period 15/12/2023-14/12/2024: 21 rows: 14 counted, 2 outside the period, 2 not received (status 1 or 3), 3 unclassifiable (1 unknown kenh, 1 bad ngay_tiep_nhan, 1 no cap)
cchc-sum: period 15/12/2023-14/12/2024: 21 rows: 14 counted, 2 outside the period, 2 not received (status 1 or 3), 3 unclassifiable (1 unknown kenh, 1 bad ngay_tiep_nhan, 1 no cap)
ERR
}

@test "also: -j 2 and -j 1, --keep first and last over monthly exports, --estimate, --indicators, --excel: each table a run of its own" {
	cd "$T"
	"$TOP/samples/gen-export" --rows 60000 --seed 3 --bad --portal > p.csv
	"$TOP/samples/gen-export" --monthly m --rows 3000 --seed 4
	same() { # OPTIONS... FILES...: the tables of --also are those of runs of their own
		local own
		cchc-sum "$@" --also cap=x1.csv --also muc_do_dvc,kenh=x2.csv > x0.csv 2> xe && rc=0 || rc=$?
		cchc-sum "$@" > y0.csv 2> ye0 && own=0 || own=$?
		cchc-sum "$@" -g cap > y1.csv 2> /dev/null || true
		cchc-sum "$@" -g muc_do_dvc,kenh > y2.csv 2> /dev/null || true
		cmp x0.csv y0.csv
		cmp x1.csv y1.csv
		cmp x2.csv y2.csv
		assert_equal "$rc" "$own"
		assert_equal "$(tail -n 1 xe)" "$(tail -n 1 ye0)"
	}
	same --period 2024 --total -j 1 p.csv
	same --period 2024 --total -j 2 p.csv
	CCHC_MIN_PART_SIZE=4096 same --period 2024 -j 2 p.csv
	same --period 2024 --indicators p.csv
	same --period 2024 --as-of 2024-11-30 --estimate p.csv
	same --period 2024 --excel p.csv
	same --period 2024 --keep last m-*.csv
	same --period 2024 --keep first m-*.csv
	same --period 2024-Q3 m-*.csv
	# the monthly exports overlap: without --keep, repeats (exit 1)
	assert_equal "$rc" 1
}

@test "also: usage: COLS=FILE, a file of its own, not standard output, not an input; no --merge or --rollup" {
	hand
	cd "$T"
	run --separate-stderr cchc-sum --period 2024 --also cap h.csv
	assert_failure 2
	assert_equal "${stderr%%$'\n'*}" 'cchc-sum: --also: "cap" is not COLS=FILE (the columns to group by, then the file to write the table in)'
	run --separate-stderr cchc-sum --period 2024 --also cap= h.csv
	assert_failure 2
	run --separate-stderr cchc-sum --period 2024 --also cap=- h.csv
	assert_failure 2
	assert_equal "$stderr" 'cchc-sum: --also cap=-: standard output has the first table: give a file'
	run --separate-stderr cchc-sum --period 2024 --also cap=a.csv --also kenh=a.csv h.csv
	assert_failure 2
	assert_equal "$stderr" 'cchc-sum: --also: a.csv: the file of two tables'
	run --separate-stderr cchc-sum --period 2024 --also cap=h.csv h.csv
	assert_failure 2
	assert_equal "$stderr" 'cchc-sum: --also h.csv is the input h.csv: it would be destroyed; name another file'
	run --separate-stderr cchc-sum --period 2024 --also cap,,kenh=a.csv h.csv
	assert_failure 2
	assert_equal "$stderr" 'cchc-sum: --also: an empty column name in "cap,,kenh"'
	run --separate-stderr cchc-sum --merge --also cap=a.csv h.csv
	assert_failure 2
	assert_equal "${stderr%%$'\n'*}" 'cchc-sum: --merge adds up count tables: it takes no period, --as-of, --estimate, -g, --also, --keep, --codes or header options'
	[ ! -e a.csv ]
	run cchc-sum --help
	assert_success
	assert_line '      --also COLS=FILE also the table grouped by COLS (none: the one row of all),'
}

@test "also: a job not done writes no table: a column the file lacks, a FILE that cannot be made, a write error, a closed pipe" {
	hand
	# a folder of its own: nothing is left in it but what the test made
	mkdir "$T/w"
	mv "$T/h.csv" "$T/w"
	cd "$T/w"
	echo old > keep.csv
	run --separate-stderr cchc-sum --period 2024 --also nosuch=keep.csv h.csv
	assert_failure 2
	assert_equal "${stderr%%$'\n'*}" 'cchc-sum: h.csv:1: --also nosuch: no such column; the header found: "Mã hồ sơ,Cấp,Hình thức nộp,Trạng thái,Ngày tiếp nhận,Ngày hẹ..."'
	assert_equal "$(cat keep.csv)" old
	assert_equal "$output" ""
	# made before any row is read
	run --separate-stderr cchc-sum --period 2024 --also cap=no/such/dir.csv h.csv
	assert_failure 2
	assert_equal "$stderr" 'cchc-sum: cannot create a file beside no/such/dir.csv: No such file or directory'
	assert_equal "$output" ""
	# standard output lost: the other tables are not written either
	bash -c 'cchc-sum --period 2024 --also cap=keep.csv h.csv > /dev/full' 2> err && rc=0 || rc=$?
	assert_equal "$rc" 2
	assert_equal "$(tail -n 1 err)" 'cchc-sum: write error on standard output: No space left on device'
	assert_equal "$(cat keep.csv)" old
	run --separate-stderr cchc-sum --period 2024 --also cap=/dev/full h.csv
	assert_failure 2
	[[ "$stderr" == *"No space left on device"* ]]
	# a closed pipe: quiet, not 0, no table written (2 MB past the pipe)
	"$TOP/samples/gen-export" --rows 60000 --seed 5 > big.csv
	bash -c 'set -o pipefail; cchc-sum -j 1 --period 2024 -g ma_ho_so --also cap=keep.csv big.csv | head -c 100 > /dev/null' 2> err && rc=0 || rc=$?
	assert_equal "$rc" 141
	assert_equal "$(cat err)" ""
	assert_equal "$(cat keep.csv)" old
	assert_equal "$(ls -A | tr '\n' ' ')" "big.csv err h.csv keep.csv "
}
