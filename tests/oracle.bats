#!/usr/bin/env bats
# cchc-sum against an independent oracle of its status rules, written from
# the manuals alone (tests/oracle/sum_oracle.py; the generator and runner are
# tests/oracle/fuzz.py, whose docstring says what they cover). A failure
# prints the seed, the command, the input files and a diff, and keeps the
# inputs under the test's tmp dir (ORACLE_TMP=DIR keeps them there instead,
# past the end of the run). Long runs: make oracle-long, or ORACLE_COUNT=N
# (and ORACLE_FIRST=S) here.

load helper

oracle() {
	python3 "$TOP/tests/oracle/fuzz.py" --bin "$TOP/bin" "$@"
}

# Compares cchc-sum (-j 1 and the default -j) with the oracle on the files
# written in $T: same ARGS... FILE...
same() {
	oracle --dir "$T" -- "$@"
}

@test "oracle: reads the manual's worked examples as the manual does (STATUS RULES, EXAMPLE)" {
	# the table of cchc-sum(1), A worked example, in the oracle's date form
	printf '%s\n' 'ma_ho_so,kenh,trang_thai,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua' \
		'W1,truc_tiep,7,2024-03-01,2024-03-10,2024-03-05' \
		'W2,truc_tiep,8,2024-04-01,2024-04-10,2024-04-20' \
		'W3,truc_tiep,7,2024-05-01,2024-05-10,' \
		'S1,truc_tiep,5,2024-11-01,2024-11-20,' \
		'S2,truc_tiep,6,2024-12-01,2024-12-05,' \
		'P1,truc_tiep,4,2024-11-01,2024-11-20,' \
		'D1,truc_tiep,10,2024-06-01,2024-06-10,' \
		'P2,truc_tiep,4,2024-11-01,2024-11-20,2024-11-18' > "$T/w.csv"
	cd "$T"
	run python3 "$TOP/tests/oracle/sum_oracle.py" --period 2024 w.csv
	[ "$status" -eq 1 ]
	[ "${lines[1]}" = "6,0,6,0,6,0,3,2,0,1,3,2,1" ]
	[ "${lines[2]}" = "cchc-sum: period 15/12/2023-14/12/2024: 8 rows: 6 counted, 0 outside the period, 0 not received (status 1 or 3), 2 unclassifiable (1 status 7 or 8 without an end date, 1 status 9 or 10 without an end date)" ]
	run python3 "$TOP/tests/oracle/sum_oracle.py" --period 2024 --withdrawn-on-time w.csv
	[ "${lines[1]}" = "6,0,6,0,6,0,3,1,2,0,3,2,1" ]
	# EXAMPLE
	printf '%s\n' 'ma_ho_so,cap,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua' \
		'X1,xa,truc_tuyen,2023-12-10,2023-12-20,2023-12-18' \
		'X2,xa,truc_tiep,2024-12-01,2024-12-10,' > x.csv
	run python3 "$TOP/tests/oracle/sum_oracle.py" --period 2024 -g cap x.csv
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "xa,2,1,1,0,1,0,1,1,0,0,1,0,1" ]
	# and cchc-sum agrees on both
	same --period 2024 w.csv
	same --period 2024 --withdrawn-on-time w.csv
	same --period 2024 -g cap x.csv
}

# Seeds 1 to N: 500 dossier sets, each counted with -j 1 and the default -j,
# about 10 s on 2 cores. A sanitizer build (make SANITIZE=1 check) is 3 to 4
# times slower per run: a third of the seeds.
@test "oracle: cchc-sum on random dossier sets: stdout byte for byte, exit status, summary numbers (-j 1, default -j)" {
	local n=${ORACLE_COUNT:-500}
	if [ -z "${ORACLE_COUNT:-}" ] && grep -qa __asan_init "$TOP/bin/cchc-sum" 2>/dev/null; then
		n=$(((n + 2) / 3))
	fi
	oracle --first "${ORACLE_FIRST:-1}" --count "$n" --show 3 --shrink \
		--max-failures "${ORACLE_MAX_FAILURES:-50}" --tmp "${ORACLE_TMP:-$T}" || {
		[ -n "${ORACLE_TMP:-}" ] || echo "(bats removes its tmp dir when it ends: ORACLE_TMP=DIR keeps" \
			"the inputs there; fuzz.py --case S writes a seed's files again)"
		return 1
	}
}

# The disagreements the oracle found, each on its smallest input: the manual
# was made precise where it was silent (the first and the last two), the tool
# was wrong (the second).

@test "oracle: a result or due date on the received day, at an earlier time, is before the received date (by the clock)" {
	printf '%s\n' 'ma_ho_so,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua' \
		'A,truc_tiep,2024-02-15T08:00:01,,2024-02-15T07:30:00' \
		'B,truc_tiep,2024-06-14T17:00:00,2024-06-14T11:59:59,' > "$T/m.csv"
	same --period 2024 m.csv
}

@test "oracle: --keep last, FILEs with their columns in other orders: the header names the group columns" {
	printf '%s\n' 'ma_ho_so,ngay_tiep_nhan,kenh' 'A,2024-01-01,truc_tiep' > "$T/a.csv"
	printf '%s\n' 'kenh,ngay_tiep_nhan,ma_ho_so' 'buu_chinh,2024-02-01,B' 'truc_tuyen,2024-02-01,A' > "$T/b.csv"
	same --period 2024 -g kenh --keep last a.csv b.csv
	if command -v valgrind >/dev/null && ! grep -qa __asan_init "$TOP/bin/cchc-sum"; then
		run valgrind -q --error-exitcode=99 "$TOP/bin/cchc-sum" --period 2024 -g kenh --keep last -j 1 "$T/a.csv" "$T/b.csv"
		[ "$status" -ne 99 ] || { echo "$output" | head -20; return 1; }
	fi
}

@test "oracle: --keep first|last keeps the first or the last FILE's copy that can be classified, and drops the others" {
	printf '%s\n' 'ma_ho_so,ngay_tiep_nhan,kenh,trang_thai' 'A,2024-01-01,,' 'C,2024-01-01,truc_tiep,4' > "$T/a.csv"
	printf '%s\n' 'ma_ho_so,ngay_tiep_nhan,kenh,trang_thai' 'A,2024-02-01,truc_tiep,4' 'C,2024-02-01,,' > "$T/b.csv"
	same --period 2024 --keep first a.csv b.csv
	same --period 2024 --keep last a.csv b.csv
}

@test "oracle: without --keep, a dossier classified in an earlier FILE is a repeat; an unclassifiable copy is none" {
	printf '%s\n' 'ma_ho_so,ngay_tiep_nhan,kenh,trang_thai' 'A,2024-01-01,,' 'C,2024-01-01,truc_tiep,4' > "$T/a.csv"
	printf '%s\n' 'ma_ho_so,ngay_tiep_nhan,kenh,trang_thai' 'A,2024-02-01,truc_tiep,4' 'C,2024-02-01,,' > "$T/b.csv"
	same --period 2024 a.csv b.csv
}

@test "oracle: what the manual calls usage errors: exit 2" {
	printf '%s\n' 'ma_ho_so,ngay_tiep_nhan,kenh' 'A,2024-01-01,truc_tiep' > "$T/a.csv"
	for args in "--period 2024-Q5" "--period 2024-13" "--period 2024-H3" "--period 2024-00" \
		"--from 45503 --to 2024-12-14" "--from 2024 --to 2024-12-14" "--period 2024 -g co_quan"; do
		run cchc-sum $args "$T/a.csv"
		[ "$status" -eq 2 ] || { echo "cchc-sum $args: exit $status"; return 1; }
	done
}
