#!/usr/bin/env bats
# The raw exports as real systems and Excel write them, through the tools: each
# must give what its clean twin gives (the generators write both from the same
# dossiers; tests/samples.bats checks that a reference reader finds the twin in
# each raw file).

load helper

GEN="$TOP/samples/gen-export"
XLSX="$TOP/samples/gen-xlsx"
REF="$TOP/tests/samples-ref.py"
KNOWN=ma_ho_so,ma_tthc,ten_tthc,linh_vuc,co_quan,cap,kenh,muc_do_dvc,trang_thai,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua

# the counts of a raw export (cchc-sum ARGS... on it) and of its twin agree,
# for several groupings and periods; $1: the raw file, $2: its twin, the rest
# the reading options for the raw one
same_counts() {
	local raw=$1 twin=$2 g p
	shift 2
	for g in cap kenh,muc_do_dvc trang_thai co_quan linh_vuc,ma_tthc; do
		for p in "--period 2024" "--period 2024-Q2" "--period 2024-09" \
		    "--period 2024 --calendar" "--period 2024 --as-of 2024-11-30"; do
			cchc-sum $p -g "$g" --total "$twin" > "$T/want.csv"
			cchc-sum "$@" $p -g "$g" --total "$raw" > "$T/got.csv"
			diff -u "$T/want.csv" "$T/got.csv" || { echo "cchc-sum $p -g $g"; return 1; }
			cchc-check "$@" "$raw" 2>/dev/null | cchc-sum $p -g "$g" --total > "$T/got.csv"
			diff -u "$T/want.csv" "$T/got.csv" || { echo "cchc-check | cchc-sum $p -g $g"; return 1; }
		done
	done
}

# cchc-check of the raw export passes every dossier, and its known columns
# are the twin's, row for row
same_rows() {
	local raw=$1 twin=$2 n=$3
	shift 3
	run --separate-stderr cchc-check --rejects "$T/rej.csv" "$@" "$raw"
	assert_success
	[[ "$stderr" == *"$n passed, 0 rejected"* ]]
	printf '%s\n' "$output" > "$T/checked.csv"
	python3 "$REF" cols "$KNOWN" "$T/checked.csv" > "$T/got.csv"
	python3 "$REF" cols "$KNOWN" "$twin" > "$T/want.csv"
	diff -u "$T/want.csv" "$T/got.csv"
}

@test "raw: --excel through cchc-check: every dossier passes, the title lines, empty rows and footer skipped" {
	"$GEN" --excel --rows 3000 --twin "$T/twin.csv" > "$T/raw.csv"
	same_rows "$T/raw.csv" "$T/twin.csv" 3000 -d ';'
	# the footer is no dossier, and never a failure
	! grep -q 'Tổng cộng\|NGƯỜI LẬP BIỂU' "$T/checked.csv"
}

@test "raw: --excel gives its twin's counts, raw or checked, by any grouping and period" {
	"$GEN" --excel --rows 3000 --twin "$T/twin.csv" > "$T/raw.csv"
	same_counts "$T/raw.csv" "$T/twin.csv" -d ';'
}

@test "raw: --excel with the portal's labels only, and another year and seed" {
	"$GEN" --excel --portal-labels --rows 2000 --twin "$T/twin.csv" > "$T/raw.csv"
	same_rows "$T/raw.csv" "$T/twin.csv" 2000 -d ';'
	same_counts "$T/raw.csv" "$T/twin.csv" -d ';'
	"$GEN" --excel --year 2025 --seed 11 --rows 2000 --twin "$T/twin.csv" > "$T/raw.csv"
	same_rows "$T/raw.csv" "$T/twin.csv" 2000 -d ';'
	for g in cap trang_thai; do
		diff -u <(cchc-sum --period 2025 -g $g --total "$T/twin.csv") \
		    <(cchc-sum -d ';' --period 2025 -g $g --total "$T/raw.csv")
	done
}

@test "raw: overlapping monthly --excel exports: --keep last gives the truth" {
	cd "$T"
	"$GEN" --excel --monthly e --rows 3000 --twin truth.csv
	run --separate-stderr cchc-check -d ';' --keep last e-*.csv
	assert_success
	[[ "$stderr" == *"passed, 0 rejected"* ]]
	printf '%s\n' "$output" > kept.csv
	diff -u <(python3 "$REF" cols "$KNOWN" truth.csv | sort) <(python3 "$REF" cols "$KNOWN" kept.csv | sort)
	for g in cap trang_thai; do
		diff -u <(cchc-sum --period 2024 -g $g --total truth.csv) \
		    <(cchc-sum --period 2024 -g $g --total kept.csv)
	done
	# without it, every dossier of two files is rejected once: the later one
	twice=$(($(cat e-*.csv | grep -c '^[0-9]*;000\.') - 3000))
	[ "$twice" -gt 0 ]
	run --separate-stderr cchc-check -d ';' e-*.csv
	assert_failure 1
	[[ "$stderr" == *"3000 passed, $twice rejected"* ]]
}

@test "raw: overlapping monthly exports in the default style: --keep last gives the truth" {
	cd "$T"
	"$GEN" --monthly x --rows 3000 --twin truth.csv
	cchc-check --keep last x-*.csv > kept.csv
	diff -u <(tail -n +2 truth.csv | cut -d, -f2- | sort) <(tail -n +2 kept.csv | cut -d, -f2- | sort)
}

@test "raw: the workbook: xlsx2csv | cchc-check is its twin (plain, -m, -f float)" {
	cd "$T"
	"$XLSX" --rows 3000 --twin twin.csv w.xlsx
	xlsx2csv w.xlsx > w.csv
	same_rows w.csv twin.csv 3000
	same_counts w.csv twin.csv
	xlsx2csv -m w.xlsx > m.csv
	same_rows m.csv twin.csv 3000
	xlsx2csv -f float w.xlsx > f.csv
	same_rows f.csv twin.csv 3000
	same_counts f.csv twin.csv
	xlsx2csv -d ';' w.xlsx > s.csv
	same_rows s.csv twin.csv 3000 -d ';'
}

@test "raw: Excel's built-in date formats: xlsx2csv's US dates are rejected, never misread; -f float reads them" {
	cd "$T"
	"$XLSX" --excel-formats --rows 3000 --twin twin.csv b.xlsx
	xlsx2csv b.xlsx > b.csv	# 08/15/24 03:10 for 15/08/2024 15:10:33
	run --separate-stderr cchc-check b.csv
	assert_failure 1
	[[ "$stderr" == *" 0 passed, 3000 rejected"* ]]
	xlsx2csv -f float b.xlsx > f.csv
	same_rows f.csv twin.csv 3000
	same_counts f.csv twin.csv
}

@test "raw: a workbook given as input is named, exit 2, with the command that converts it" {
	"$XLSX" --rows 10 "$T/w.xlsx"
	run --separate-stderr cchc-check "$T/w.xlsx"
	assert_failure 2
	[[ "$stderr" == *xlsx2csv* ]]
	run --separate-stderr cchc-sum --period 2024 "$T/w.xlsx"
	assert_failure 2
	[[ "$stderr" == *xlsx2csv* ]]
}
