#!/usr/bin/env bats
# cchc-report: the whole job in one command. Its summary exactly, its annexes
# byte for byte the hand pipeline's, its exit statuses (0, 1 with no annex past
# the threshold, 2 naming the failed stage), and the directory it leaves: the
# whole report or nothing.

load helper

VALUES="$TOP/samples/values-2024.csv"

# the tests' files in a directory of their own (bats keeps its own in T's)
setup() {
	T="$BATS_TEST_TMPDIR/w"
	mkdir -p "$T"
}

# an export of the generator (made once per run for its arguments), copied
# into $T as NAME.csv with a known modification time
export_in() { # NAME GEN-ARGS...
	local name=$1
	shift
	cp "$(sample "$(printf '%s' "$*" | tr -c 'a-z0-9' _)" "$@")" "$T/$name.csv"
	touch -t 202412120830.00 "$T/$name.csv"
}

# the files of a directory, one a line, hidden ones too
files_in() {
	(cd "$1" && ls -A)
}

# nothing but the exports in $T: no report, no directory left beside it
nothing_left() {
	run files_in "$T"
	assert_output "$(printf '%s\n' "$@")"
}

@test "report: a clean export: the summary exactly, every file, exit 0" {
	export_in clean --rows 3000
	cd "$T"
	TZ=UTC run --separate-stderr cchc-report --period 2024 --values "$VALUES" clean.csv
	assert_success
	assert_output ""
	assert_equal "$stderr" "cchc-report: 2024: 3000 rows read, 0 not counted; annexes bm1 bm3 bm7"
	run cat 2024/summary.txt
	assert_output - <<'OUT'
cchc-report 0.1.0: the annex of 2024
period: 2024, 15/12/2023 to 14/12/2024
read: clean.csv (763748 bytes, modified 2024-12-12 08:30:00 +0000)
rows read: 3000
passed: 3000
rejected: 0, in rejects.csv
footer lines skipped: 0
outside the period: 122
not received (status 1 or 3): 43
counted: 2835 in counts.csv, 0 unclassifiable
counted: 2835 in counts-cap.csv, 0 unclassifiable
counted: 2835 in counts-muc_do_dvc.csv, 0 unclassifiable
not counted: 0 of 3000 dossiers read (0.00%); threshold: 0 rows (the default)
annexes: bm1 bm3 bm7, in csv html md xlsx; every form a sheet of annex.xlsx
OUT
	run files_in 2024
	assert_output - <<'OUT'
annex.xlsx
bm1.csv
bm1.html
bm1.md
bm1.xlsx
bm3.csv
bm3.html
bm3.md
bm3.xlsx
bm7.csv
bm7.html
bm7.md
bm7.xlsx
checked.csv
counts-cap.csv
counts-muc_do_dvc.csv
counts.csv
messages.txt
rejects.csv
summary.txt
OUT
	nothing_left 2024 clean.csv
	# the numbers are the tools' own
	cchc-check clean.csv 2>&1 >/dev/null | tail -n 1 | grep -qx 'cchc-check: 3000 rows: 3000 passed, 0 rejected'
	cchc-sum --period 2024 clean.csv 2>&1 >/dev/null | tail -n 1 |
		grep -qx 'cchc-sum: period 15/12/2023-14/12/2024: 3000 rows: 2835 counted, 122 outside the period, 43 not received (status 1 or 3), 0 unclassifiable'
	assert_equal "$(wc -c < clean.csv)" 763748
}

@test "report: every annex and count table is the hand pipeline's, byte for byte" {
	export_in clean --rows 3000
	cd "$T"
	run cchc-report --period 2024 --values "$VALUES" --out r clean.csv
	assert_success
	set -o pipefail
	cchc-check clean.csv 2>/dev/null > hand-checked.csv || true
	cmp hand-checked.csv r/checked.csv
	cchc-sum --period 2024 --total hand-checked.csv 2>/dev/null | cchc-rate > hand-counts.csv
	cmp hand-counts.csv r/counts.csv
	for g in cap muc_do_dvc; do
		cchc-sum --period 2024 -g $g --total hand-checked.csv 2>/dev/null | cchc-rate > hand-$g.csv
		cmp hand-$g.csv r/counts-$g.csv
	done
	# the README's pipeline, without --total: the same annex, with the
	# heading the report gives (the period; the exports read, the rows read
	# and not counted)
	note="Số liệu từ clean.csv: 3000 hồ sơ đọc, 0 không được tính (cchc-report $(cchc-report --version | cut -d' ' -f2))"
	for fmt in csv html md; do
		cchc-check clean.csv 2>/dev/null | cchc-sum --period 2024 -g cap 2>/dev/null | cchc-rate |
			cchc-table --form bm3 --format $fmt --period 2024 --note "$note" - "$VALUES" > hand-bm3.$fmt
		cmp hand-bm3.$fmt r/bm3.$fmt
		cchc-table --form bm7 --format $fmt --period 2024 --note "$note" hand-muc_do_dvc.csv "$VALUES" > hand-bm7.$fmt
		cmp hand-bm7.$fmt r/bm7.$fmt
		cchc-table --form bm1 --format $fmt --period 2024 --note "$note" "$VALUES" > hand-bm1.$fmt
		cmp hand-bm1.$fmt r/bm1.$fmt
	done
	grep -qx "$note" r/bm3.md
	# the workbooks: each form's, and annex.xlsx with every form a sheet,
	# read back: the figures of the csv annexes
	for f in bm1 bm3 bm7; do
		xlsx2csv r/$f.xlsx > $f-back.csv
		grep -q "^\"Số liệu từ clean.csv: 3000 hồ sơ đọc" $f-back.csv
	done
	[ "$(xlsx2csv -a r/annex.xlsx | grep -c '^-------- ')" -eq 3 ]
	for f in bm3 bm7; do
		sed 1d r/$f.csv | cut -d, -f1 | grep -v '^$' | while read -r stt; do
			grep -q "^$stt," $f-back.csv
		done
	done
	# and the annex is sound
	cchc-check --form bm3 r/bm3.csv > /dev/null 2>&1
	cchc-check --form bm7 r/bm7.csv > /dev/null 2>&1
	# the raw export as an office's Excel saves it gives its clean twin's counts
	"$TOP/samples/gen-export" --excel --rows 3000 --twin twin.csv > raw.csv
	run cchc-report --period 2024 -d ';' --out raw raw.csv
	assert_success
	run cchc-report --period 2024 --out twin twin.csv
	assert_success
	for t in counts counts-cap counts-muc_do_dvc; do
		cmp raw/$t.csv twin/$t.csv
	done
	grep -qx 'footer lines skipped: 4' raw/summary.txt
}

@test "report: rows rejected past the threshold: exit 1, no annex, the counts and the summary say why" {
	export_in bad --rows 3000 --bad
	cd "$T"
	TZ=UTC run --separate-stderr cchc-report --period 2024 bad.csv
	assert_failure 1
	assert_output ""
	assert_equal "$stderr" "cchc-report: 2024: 8 rows not counted, threshold 0 rows (the default): no annex written (summary.txt)"
	run cat 2024/summary.txt
	assert_output - <<'OUT'
cchc-report 0.1.0: the annex of 2024
period: 2024, 15/12/2023 to 14/12/2024
read: bad.csv (763695 bytes, modified 2024-12-12 08:30:00 +0000)
rows read: 3000
passed: 2992
rejected: 8 (1 repeated ma_ho_so, 1 no ma_ho_so, 1 unknown kenh, 2 bad ngay_tiep_nhan, 1 wrong number of fields, 1 bad ngay_tra_ket_qua, 1 result before received), in rejects.csv
footer lines skipped: 0
outside the period: 122
not received (status 1 or 3): 43
counted: 2827 in counts.csv, 0 unclassifiable
counted: 2827 in counts-cap.csv, 0 unclassifiable
counted: 2827 in counts-muc_do_dvc.csv, 0 unclassifiable
not counted: 8 of 3000 dossiers read (0.27%); threshold: 0 rows (the default)
annexes: none written: 8 rows not counted, more than the threshold allows (see rejects.csv and messages.txt)
OUT
	run files_in 2024
	assert_output - <<'OUT'
checked.csv
counts-cap.csv
counts-muc_do_dvc.csv
counts.csv
messages.txt
rejects.csv
summary.txt
OUT
	# every rejected row is in the rejects file, every message in messages.txt
	assert_equal "$(($(wc -l < 2024/rejects.csv) - 1))" 8
	cchc-check --rejects hand-rejects.csv bad.csv > /dev/null 2> hand-messages.txt || true
	cmp hand-rejects.csv 2024/rejects.csv
	head -n "$(wc -l < hand-messages.txt)" 2024/messages.txt | cmp - hand-messages.txt
}

@test "report: --max-rejected N rows or P% of the rows read, at the edge" {
	export_in bad --rows 3000 --bad
	cd "$T"
	# 8 rows not counted of 3000 (0.2666...%): the argument, the status, the threshold line
	while IFS='|' read -r arg want line; do
		rm -rf r
		run --separate-stderr cchc-report --period 2024 --max-rejected "$arg" --out r bad.csv
		[ "$status" -eq "$want" ] || { echo "$arg: exit $status"; return 1; }
		grep -qx "not counted: 8 of 3000 dossiers read (0.27%); threshold: $line" r/summary.txt ||
			{ echo "$arg: $(grep '^not counted' r/summary.txt)"; return 1; }
		if [ "$want" -eq 0 ]; then
			[ -s r/bm3.csv ] && grep -qx 'annexes: bm1 bm3 bm7, in csv html md xlsx; every form a sheet of annex.xlsx' r/summary.txt
		else
			! ls r/bm* 2>/dev/null
		fi
	done <<'EOF_CASES'
8|0|8 rows (--max-rejected 8)
7|1|7 rows (--max-rejected 7)
0|1|0 rows (--max-rejected 0)
100|0|100 rows (--max-rejected 100)
0.27%|0|0.27% of the dossiers read (--max-rejected 0.27%)
0.266667%|0|0.266667% of the dossiers read (--max-rejected 0.266667%)
0.266666%|1|0.266666% of the dossiers read (--max-rejected 0.266666%)
0.26%|1|0.26% of the dossiers read (--max-rejected 0.26%)
1%|0|1% of the dossiers read (--max-rejected 1%)
0%|1|0% of the dossiers read (--max-rejected 0%)
100%|0|100% of the dossiers read (--max-rejected 100%)
EOF_CASES
}

@test "report: rows a count table cannot classify, and units whose level cannot be read, are rows not counted" {
	cd "$T"
	# a dossier of the period without a level: counted in all, not by level
	cat > e.csv <<'CSV'
ma_ho_so,co_quan,cap,kenh,muc_do_dvc,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua
A1,Sở Tư pháp,tinh,1,4,01/03/2024,10/03/2024,05/03/2024
A2,UBND xã Tịnh Khê,,2,3,01/03/2024,10/03/2024,05/03/2024
A3,UBND xã Tịnh Khê,xa,2,3,01/03/2024,10/03/2024,12/03/2024
CSV
	run --separate-stderr cchc-report --period 2024 --form bm3,bm7 --out r e.csv
	assert_failure 1
	run grep -E '^(rows read|passed|counted|not counted|annexes):' r/summary.txt
	assert_output - <<'OUT'
rows read: 3
passed: 3
counted: 3 in counts.csv, 0 unclassifiable
counted: 2 in counts-cap.csv, 1 unclassifiable, 1 no cap
counted: 3 in counts-muc_do_dvc.csv, 0 unclassifiable
not counted: 1 of 3 dossiers read (33.33%); threshold: 0 rows (the default)
annexes: none written: 1 row not counted, more than the threshold allows (see rejects.csv and messages.txt)
OUT
	# said by cchc-check of the export, by cchc-sum of checked.csv (the report's)
	grep -qx 'cchc-check: e.csv:3: cap: no level: cchc-sum cannot count it by level' r/messages.txt
	grep -qx 'cchc-sum: checked.csv:3: cap: no level, for a count by level' r/messages.txt
	sed -n 3p r/checked.csv | grep -q '^A2,'
	run cchc-report --period 2024 --form bm7 --out r7 e.csv
	assert_success
	# a national-portal export: the level from the unit; one it cannot read
	cat > p.csv <<'CSV'
MaHoSo,DonViXuLy,KenhThucHien,MucDo,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy
B1,Sở Tư pháp,2,4,20240301080000,20240310170000,20240305100000
B2,UBND xã Tịnh Khê,1,3,20240301080000,20240310170000,20240305100000
B3,Phòng Tư pháp huyện Sơn Tịnh,1,3,20240301080000,20240310170000,20240305100000
CSV
	run --separate-stderr cchc-report --period 2024 --form bm3 --level-from DonViXuLy --max-rejected 1 --out p p.csv
	assert_success
	run grep -E '^(level from [^:]*|counted|not counted):' p/summary.txt
	assert_output - <<'OUT'
level from co_quan: 2 mapped, 1 unmatched, 0 ambiguous; 1 rejected (--strict), in rejects-level.csv
counted: 2 in counts.csv, 0 unclassifiable
counted: 2 in counts-cap.csv, 0 unclassifiable
not counted: 1 of 3 dossiers read (33.33%); threshold: 1 row (--max-rejected 1)
OUT
	run cut -d, -f1-4,6 p/rejects-level.csv
	assert_output - <<'OUT'
tep,dong,cot,loi,co_quan
checked.csv,4,co_quan,"no level in the unit's name: ""Phòng Tư pháp huyện Sơn Tịnh""",Phòng Tư pháp huyện Sơn Tịnh
OUT
	set -o pipefail
	cchc-check p.csv 2>/dev/null | cchc-map --level-from co_quan 2>/dev/null | grep -v Phòng |
		cchc-sum --period 2024 -g cap --total 2>/dev/null | cchc-rate | cmp - p/counts-cap.csv
	# without --max-rejected: withheld
	run cchc-report --period 2024 --form bm3 --level-from DonViXuLy --out p2 p.csv
	assert_failure 1
}

@test "report: figures the data lacks are left empty and listed; figures cchc-table doubts withhold the annexes" {
	export_in clean --rows 3000
	cd "$T"
	run --separate-stderr cchc-report --period 2024 --form bm3 --out r clean.csv
	assert_success
	run sed -n '/^annexes:/,$p' r/summary.txt
	assert_output - <<'OUT'
annexes: bm3, in csv html md xlsx; every form a sheet of annex.xlsx
figures left empty (the data lacks them; also in messages.txt):
  bm3 1.1: no value for tthc_don_gian_hoa in the data
  bm3 1.2: no value for tthc_cong_bo_moi in the data
  bm3 1.3: no value for tthc_bai_bo_thay_the in the data
  bm3 1.4.1: no value for tthc_cap_tinh in the data
  bm3 1.4.2: no value for tthc_cap_huyen in the data
  bm3 1.4.3: no value for tthc_cap_xa in the data
  bm3 2.1: no value for tthc_lien_thong_cung_cap in the data
  bm3 2.2: no value for tthc_lien_thong_cac_cap in the data
  bm3 2.3: no value for tthc_khong_phu_thuoc_dia_gioi in the data
  bm3 3.4.2: no value for pakn_da_giai_quyet in the data
  bm3 3.4.1: no value for pakn_tiep_nhan in the data
OUT
	printf 'ten,gia_tri\nnv_duoc_giao,210\nnv_duoc_giao,211\n' > twice.csv
	run --separate-stderr cchc-report --period 2024 --form bm1,bm3 --values twice.csv --out d clean.csv
	assert_failure 1
	assert_equal "$stderr" "cchc-report: d: cchc-table doubts figures: no annex written (summary.txt)"
	grep -qx '  bm1 twice.csv:3: nv_duoc_giao is given twice: "210" on line 2, and here: "211"' d/summary.txt
	grep -qx 'annexes: none written: cchc-table doubts figures (also in messages.txt):' d/summary.txt
	! ls d/bm*
}

@test "report: a broken export, a missing one, a workbook: exit 2 naming the stage, nothing written" {
	export_in clean --rows 300
	cd "$T"
	printf 'ma_ho_so,"ngay\n' > header.csv
	printf 'PK\003\004' > book.csv
	# the exports|the messages
	while IFS='|' read -r args want; do
		run --separate-stderr cchc-report --period 2024 --out r $args
		[ "$status" -eq 2 ] || { echo "$args: exit $status"; return 1; }
		[ -z "$output" ] || { echo "$args: output $output"; return 1; }
		[ "$stderr" = "$(printf '%b' "$want")" ] || { echo "$args: $stderr"; return 1; }
		nothing_left book.csv clean.csv header.csv
	done <<'EOF_CASES'
header.csv|cchc-check: header.csv:1: in or above the header: malformed CSV in field 2: quote never closed: the field runs to the end of the file (if the header is below, name it with --header-line N)\ncchc-check: 0 rows: 0 passed, 0 rejected\ncchc-report: cchc-check failed (exit 2): nothing written
clean.csv missing.csv|cchc-check: missing.csv: cannot open: No such file or directory\ncchc-check: 300 rows: 300 passed, 0 rejected\ncchc-report: cchc-check failed (exit 2): nothing written
book.csv|cchc-check: book.csv: an Excel workbook (.xlsx), not CSV; convert it first: xlsx2csv -f float book.csv | cchc-check (dates as serial numbers, read exactly)\ncchc-check: 0 rows: 0 passed, 0 rejected\ncchc-report: cchc-check failed (exit 2): nothing written
--values missing.csv clean.csv|cchc-report: --values: missing.csv: no such file, or not readable\nusage: cchc-report --period P [--form NAME[,NAME]...] [--values FILE] [--out DIR] [--force] [--max-rejected N|P%] [-d C] [--keep first|last] [--level-from COL] [--unit TEXT]... [--title TEXT]... [--ref TEXT] EXPORT...
--level-from DonViXuLy clean.csv|cchc-map: checked.csv:1: cap: the input has this column already; name another with -n\ncchc-map: 0 rows: 0 mapped, 0 unmatched, 0 ambiguous\ncchc-report: cchc-map failed (exit 2): nothing written
--level-from nosuch clean.csv|cchc-map: checked.csv:1: no header: none of the first 30 lines names the column nosuch; line 1 is: "STT,ma_ho_so,ten_tthc,linh_vuc,co_quan,cap,kenh,muc_do_dvc,trang_thai,ngay_tiep_..."\ncchc-map: 0 rows: 0 mapped, 0 unmatched, 0 ambiguous\ncchc-report: cchc-map failed (exit 2): nothing written
EOF_CASES
}

@test "report: usage errors: exit 2 and the message, before anything is read or made" {
	cd "$T"
	printf 'ma_ho_so,ngay_tiep_nhan\n' > e.csv
	U='usage: cchc-report --period P [--form NAME[,NAME]...] [--values FILE] [--out DIR] [--force] [--max-rejected N|P%] [-d C] [--keep first|last] [--level-from COL] [--unit TEXT]... [--title TEXT]... [--ref TEXT] EXPORT...'
	# the arguments|the first line of the message (the synopsis follows)
	while IFS='|' read -r args want; do
		eval "set -- $args"
		run --separate-stderr cchc-report "$@"
		[ "$status" -eq 2 ] || { echo "$args: exit $status"; return 1; }
		[ "$stderr" = "$want
$U" ] || { echo "$args: $stderr"; return 1; }
		nothing_left e.csv
	done <<'EOF_CASES'
e.csv|cchc-report: --period is required
--period 2024|cchc-report: no EXPORT: name the exports to read
--period 2024-13 e.csv|cchc-report: --period: not a period: "2024-13" (2024, 2024-H1, 2024-H2, 2024-9M, 2024-Q1..Q4, 2024-01..12)
--period 2024 --form bm3,06b e.csv|cchc-report: --form: unknown form: "06b" (known: bm1 bm3 bm7 06a)
--period 2024 --form 'bm.' e.csv|cchc-report: --form: unknown form: "bm." (known: bm1 bm3 bm7 06a)
--period 2024 --form bm3,bm3 e.csv|cchc-report: --form: "bm3" given twice
--period 2024 --form '' e.csv|cchc-report: --form: no form named
--period 2024 --form bm3,,bm7 e.csv|cchc-report: --form: unknown form: "" (known: bm1 bm3 bm7 06a)
--period 2024 --max-rejected x e.csv|cchc-report: --max-rejected: "x" is not a number of rows (N) or a share of the rows read (P%, P from 0 to 100, at most 6 decimals)
--period 2024 --max-rejected 100.5% e.csv|cchc-report: --max-rejected: "100.5%" is not a number of rows (N) or a share of the rows read (P%, P from 0 to 100, at most 6 decimals)
--period 2024 --max-rejected 0.1234567% e.csv|cchc-report: --max-rejected: "0.1234567%" is not a number of rows (N) or a share of the rows read (P%, P from 0 to 100, at most 6 decimals)
--period 2024 --max-rejected -1 e.csv|cchc-report: --max-rejected: "-1" is not a number of rows (N) or a share of the rows read (P%, P from 0 to 100, at most 6 decimals)
--period 2024 --max-rejected 1.5 e.csv|cchc-report: --max-rejected: "1.5" is not a number of rows (N) or a share of the rows read (P%, P from 0 to 100, at most 6 decimals)
--period 2024 --max-rejected .5% e.csv|cchc-report: --max-rejected: ".5%" is not a number of rows (N) or a share of the rows read (P%, P from 0 to 100, at most 6 decimals)
--period 2024 --max-rejected 5%5 e.csv|cchc-report: --max-rejected: "5%5" is not a number of rows (N) or a share of the rows read (P%, P from 0 to 100, at most 6 decimals)
--period 2024 --bogus e.csv|cchc-report: unrecognized option '--bogus'
--period 2024 -x e.csv|cchc-report: invalid option -- 'x'
--period 2024 e.csv --out|cchc-report: option '--out' requires an argument
--period 2024 --force=yes e.csv|cchc-report: option '--force' doesn't allow an argument
--period 2024 --out . e.csv|cchc-report: --out: "." names no directory to make (give a new name)
--period 2024 --out / e.csv|cchc-report: --out: "/" names no directory to make (give a new name)
EOF_CASES
	run cchc-report --version
	assert_success
	assert_output "cchc-report 0.1.0"
	run cchc-report --help
	assert_success
	assert_line --index 0 "$U"
}

@test "report: options after the exports, --opt=value, -dC, --, and standard input" {
	cd "$T"
	"$TOP/samples/gen-export" --excel --rows 200 > raw.csv
	run cchc-report raw.csv --period=2024 -d';' --out=a --form=bm3 --max-rejected=0
	assert_success
	run cchc-report --period 2024 --delimiter ';' --form bm3 --out b -- raw.csv
	assert_success
	cmp a/bm3.csv b/bm3.csv
	run cchc-report --period 2024 -d ';' --form bm3 --out c - < raw.csv
	assert_success
	cmp a/bm3.csv c/bm3.csv
	grep -qx 'read: standard input' c/summary.txt
	# a file named like an option, after --
	cp raw.csv ./-x.csv
	run cchc-report --period 2024 -d ';' --form bm3 --out d -- -x.csv
	assert_success
	grep -qx 'read: -x.csv (.*' d/summary.txt
}

@test "report: DIR: a new or empty one; a report replaced only with --force; anything else refused" {
	export_in clean --rows 300
	cd "$T"
	mkdir empty
	run cchc-report --period 2024 --form bm3 --out empty clean.csv
	assert_success
	[ -f empty/bm3.csv ]
	# a report there already
	run --separate-stderr cchc-report --period 2024 --form bm3 --out empty clean.csv
	assert_failure 2
	assert_equal "$stderr" "cchc-report: empty: a report is there already: --force replaces it, or give another --out"
	touch empty/mine.txt
	run --separate-stderr cchc-report --period 2024 --form bm7 --force --out empty/ clean.csv
	assert_success
	[ -f empty/bm7.csv ] && [ ! -e empty/bm3.csv ] && [ ! -e empty/mine.txt ]
	# not a report: never replaced, even with --force
	mkdir mine && touch mine/notes.txt
	while IFS='|' read -r args want; do
		run --separate-stderr cchc-report --period 2024 --out $args clean.csv
		[ "$status" -eq 2 ] || { echo "$args: exit $status"; return 1; }
		[ "$stderr" = "$want" ] || { echo "$args: $stderr"; return 1; }
	done <<'EOF_CASES'
mine|cchc-report: mine: not empty: give a new or empty directory with --out
mine --force|cchc-report: mine: not empty and no report of cchc-report (its summary.txt): nothing replaced
clean.csv|cchc-report: clean.csv: exists and is no directory
clean.csv/r|cchc-report: clean.csv: not a directory, to make r in
no/such/r|cchc-report: no/such: no such directory, to make r in
EOF_CASES
	run files_in mine
	assert_output notes.txt
	nothing_left clean.csv empty mine
}

@test "report: a write that fails (a full disk, a file too large) is exit 2 naming the stage; nothing is left" {
	export_in clean --rows 3000
	cd "$T"
	# a file size limit: writes past it fail with EFBIG, as on a full disk
	# (SIGXFSZ ignored, so that the tools see the error and say it)
	run --separate-stderr bash -c "trap '' XFSZ; ulimit -f 64; cchc-report --period 2024 --out r clean.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-report: checked.csv: cannot write: File too large: nothing written"
	nothing_left clean.csv
	# a directory that cannot be made
	run --separate-stderr cchc-report --period 2024 --out /dev/null/r clean.csv
	assert_failure 2
	assert_equal "$stderr" "cchc-report: /dev/null: not a directory, to make r in"
	[ -d /proc/self ] || skip "no /proc"
	run --separate-stderr cchc-report --period 2024 --out /proc/r clean.csv
	assert_failure 2
	assert_equal "$stderr" "cchc-report: /proc: cannot make a directory in it: No such file or directory"
}

# cchc-check | tee checked.csv | cchc-sum: each one's status is checked; a
# tool that fails, early or late, is named, and never leaves the others
# waiting. Stand-ins for the tools, beside a copy of the script.
@test "report: a tool of cchc-check | tee | cchc-sum that fails is named, exit 2, nothing written, nothing waits" {
	export_in clean --rows 3000
	cd "$T"
	mkdir fake
	cp "$TOP"/bin/cchc-* fake/
	stand_in() { # TOOL SCRIPT: fake/TOOL runs SCRIPT (sh) when counting
		# (--total), else the tool (the report reads the period with it)
		printf '#!/bin/sh\ncase " $* " in *" --total "*|*" --rejects "*) ;; *) exec "%s" "$@" ;; esac\n%s\n' \
			"$TOP/bin/$1" "$2" > "fake/$1"
		chmod +x "fake/$1"
	}
	# cchc-sum fails before it reads a byte (it cannot make its files)
	stand_in cchc-sum 'echo "cchc-sum: cannot create a file beside x: No space left on device" >&2; exit 2'
	run --separate-stderr timeout 60 fake/cchc-report --period 2024 --out r clean.csv
	assert_failure 2
	assert_equal "$stderr" "cchc-sum: cannot create a file beside x: No space left on device
cchc-report: cchc-sum failed (exit 2): nothing written"
	nothing_left clean.csv fake
	# cchc-sum fails after a few lines: cchc-check, its pipe closed, stops
	stand_in cchc-sum 'head -n 3 > /dev/null; echo "cchc-sum: checked.csv:3: broken" >&2; exit 2'
	run --separate-stderr timeout 60 fake/cchc-report --period 2024 --out r clean.csv
	assert_failure 2
	assert_equal "$stderr" "cchc-sum: checked.csv:3: broken
cchc-report: cchc-sum failed (exit 2): nothing written"
	nothing_left clean.csv fake
	# cchc-check fails half way: its failure, not cchc-sum's counts
	cp "$TOP/bin/cchc-sum" fake/
	stand_in cchc-check 'head -n 1000 "$4"; echo "cchc-check: $4: read error" >&2; exit 2'
	run --separate-stderr timeout 60 fake/cchc-report --period 2024 --out r clean.csv
	assert_failure 2
	assert_equal "$stderr" "cchc-check: clean.csv: read error
cchc-report: cchc-check failed (exit 2): nothing written"
	nothing_left clean.csv fake
	# cchc-check killed by a signal, cchc-sum content with what it read
	stand_in cchc-check 'head -n 1000 "$4"; kill -KILL $$'
	run --separate-stderr timeout 60 fake/cchc-report --period 2024 --out r clean.csv
	assert_failure 2
	# (the shell may say "Killed" before)
	assert_equal "${stderr##*$'\n'}" "cchc-report: cchc-check failed (exit 137): nothing written"
	nothing_left clean.csv fake
}

@test "report: a run stopped by SIGTERM leaves nothing, DIR as it was" {
	export_in clean --rows 300
	cd "$T"
	mkfifo slow.csv
	cchc-report --period 2024 --out r slow.csv 2> err &
	pid=$!
	# the export arrives slowly: the header, then the run is stopped
	exec 5> slow.csv
	head -n 1 clean.csv >&5
	for _ in $(seq 50); do
		ls -A | grep -q '^\.r\.cchc-report\.' && break
		sleep 0.1
	done
	ls -A | grep -q '^\.r\.cchc-report\.'
	kill -TERM "$pid"
	tail -n +2 clean.csv >&5
	exec 5>&-
	status=0
	wait "$pid" || status=$?
	assert_equal "$status" 143
	# said, so that a cron mail says why
	assert_equal "$(cat err)" "cchc-report: stopped by SIGTERM: nothing written"
	nothing_left clean.csv err slow.csv
}

@test "report: no dossier of the period in the exports (an export of later years): no annex, exit 1, said" {
	export_in clean --rows 300
	cd "$T"
	run --separate-stderr cchc-report --period 2020 --out r clean.csv
	assert_failure 1
	assert_equal "$stderr" "cchc-report: r: no dossier of the period 2020 in the exports: no annex written (summary.txt)"
	grep -qx 'annexes: none written: no dossier of the period 2020 in the exports' r/summary.txt
	[ ! -e r/bm3.csv ] && [ -f r/counts.csv ]
}

@test "report: installed, it runs the tools installed beside it, whatever PATH says" {
	export_in clean --rows 300
	run make -s -C "$TOP" install PREFIX=/usr DESTDIR="$T/root"
	assert_success
	cd "$T"
	run env PATH=/usr/bin:/bin "$T/root/usr/bin/cchc-report" --period 2024 --form bm3 --out r clean.csv
	assert_success
	cmp r/bm3.csv <(cchc-report --period 2024 --form bm3 --out "$T/r2" clean.csv 2>/dev/null && cat "$T/r2/bm3.csv")
	[ -f "$T/root/usr/share/man/man1/cchc-report.1" ]
}

@test "report: make demo's script writes into DEMO_DIR only, and says what it shows" {
	touch "$T/mark"
	run env DEMO_DIR="$T/d" sh "$TOP/samples/demo.sh"
	assert_success
	assert_line "   exit status 1 (1: rows were rejected, and the default --max-rejected allows none:"
	assert_line "   the raw export's counts are its clean twin's:"
	assert_line "   annexes: bm1 bm3 bm7, in csv html md xlsx; every form a sheet of annex.xlsx"
	[[ "$stderr$output" != *"DIFFER"* ]]
	[ -f "$T/d/2024/bm3.html" ] && [ -f "$T/d/raw-2024/summary.txt" ] && [ -f "$T/d/annex-bm3-slips.csv" ]
	run cchc-check --form bm3 "$T/d/annex-bm3-slips.csv"
	assert_failure 1
	# nothing of the tree itself is written
	run find "$TOP/samples" "$TOP/README.md" -newer "$T/mark"
	assert_output ""
}

@test "report: the heading: --unit, --title and --ref as cchc-table prints them, the period and the provenance always" {
	export_in clean --rows 3000
	cd "$T"
	run --separate-stderr cchc-report --period 2024-Q3 --form bm3 --values "$VALUES" --out r \
		--unit 'UBND TỈNH QUẢNG NGÃI' --unit 'VĂN PHÒNG' --title 'Phụ lục' --title "Quý 3 'năm' 2024" \
		--ref 'Báo cáo số 1/BC-VP' clean.csv
	assert_success
	run cchc-report --version
	v=${output#cchc-report }
	cchc-sum --period 2024-Q3 -g cap --total r/checked.csv 2>/dev/null | cchc-rate |
		cchc-table --form bm3 --format md --partial --period 2024-Q3 --ref 'Báo cáo số 1/BC-VP' \
		--note "Số liệu từ clean.csv: 3000 hồ sơ đọc, 0 không được tính (cchc-report $v)" \
		--unit 'UBND TỈNH QUẢNG NGÃI' --unit 'VĂN PHÒNG' --title 'Phụ lục' --title "Quý 3 'năm' 2024" \
		- "$VALUES" > hand.md 2>/dev/null
	cmp hand.md r/bm3.md
	run head -n 7 r/bm3.md
	assert_output - <<'OUT'
| UBND TỈNH QUẢNG NGÃI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
|:---:|:---:|
| VĂN PHÒNG | Độc lập - Tự do - Hạnh phúc |

# Phụ lục
# Quý 3 'năm' 2024

OUT
	grep -qx 'Kỳ báo cáo: từ ngày 15/06/2024 đến ngày 14/09/2024' r/bm3.md
	xlsx2csv r/annex.xlsx | grep -q '^(Kèm theo Báo cáo số 1/BC-VP),'
}

@test "report: what a fresh-eyes test found: --keep, values grouped as written, the dossiers of the provenance, inputs inside DIR, --out '', -d" {
	cd "$T"
	# overlapping monthly exports: --keep last counts the latest copy, as cchc-check --keep last does
	mkdir mon
	"$TOP/samples/gen-export" --rows 1000 --monthly mon/thang- > /dev/null
	run --separate-stderr cchc-report --period 2024 --keep last --form bm3 --out rm mon/thang-*.csv
	assert_success
	cchc-check --keep last mon/thang-*.csv 2>/dev/null | cchc-sum --period 2024 -g cap --total 2>/dev/null | cchc-rate > hand.csv
	cmp hand.csv rm/counts-cap.csv
	# the dossiers read are the rows read less the copies dropped
	rows=$(sed -n 's/^rows read: //p' rm/summary.txt)
	copies=$(sed -n 's/^copies of a dossier dropped (--keep last): //p' rm/summary.txt)
	[ "$copies" -gt 0 ]
	grep -qx "not counted: 0 of $((rows - copies)) dossiers read (0.00%); threshold: 0 rows (the default)" rm/summary.txt
	grep -q "^Số liệu từ .*: $((rows - copies)) hồ sơ đọc, 0 không được tính" rm/bm3.md
	run --separate-stderr cchc-report --period 2024 --keep newest --out rk mon/thang-*.csv
	assert_failure 2
	assert_equal "${stderr_lines[0]}" 'cchc-report: --keep: "newest": first or last'
	# a service level no table knows is grouped as written: bm7 lacks those rows
	export_in clean --rows 1000
	python3 - clean.csv tt.csv <<'PY'
import sys
d = open(sys.argv[1], encoding="utf-8", newline="").read()
n = 0
out = []
for line in d.split("\r\n"):
    if n < 40 and ",Toàn trình," in line:
        line = line.replace(",Toàn trình,", ",TT,", 1)
        n += 1
    out.append(line)
open(sys.argv[2], "w", encoding="utf-8", newline="").write("\r\n".join(out))
PY
	run --separate-stderr cchc-report --period 2024 --out rt tt.csv
	assert_failure 1
	want=$(cchc-sum --period 2024 -g muc_do_dvc tt.csv 2>&1 >/dev/null | sed -n 's/.*grouped as written: "TT" (\([0-9]*\) rows)$/\1/p')
	[ "$want" -gt 0 ]
	grep -qx "counted: .* in counts-muc_do_dvc.csv, 0 unclassifiable, $want rows grouped as written (a value no form's row names: messages.txt)" rt/summary.txt
	grep -q "^not counted: $want of " rt/summary.txt
	[ ! -e rt/bm7.csv ]
	# the provenance counts dossiers, not the footer's lines
	"$TOP/samples/gen-export" --excel --rows 1000 > raw.csv
	run --separate-stderr cchc-report --period 2024 -d ';' --out rr raw.csv
	assert_success
	grep -q '^Số liệu từ raw.csv: 1000 hồ sơ đọc, 0 không được tính' rr/bm3.md
	grep -q '^not counted: 0 of 1000 dossiers read (0.00%)' rr/summary.txt
	# an export or the values inside DIR, which --force would replace: refused, nothing lost
	cp clean.csv rr/xuat.csv
	run --separate-stderr cchc-report --period 2024 --force --out rr rr/xuat.csv
	assert_failure 2
	assert_equal "$stderr" "cchc-report: rr/xuat.csv: inside rr, which the report replaces: move it out, or give another --out"
	[ -f rr/xuat.csv ]
	# --out "" (an unset variable in a cron line) and -d of two bytes: usage errors
	run --separate-stderr cchc-report --period 2024 --out "" clean.csv
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "cchc-report: --out: an empty name (an unset variable?): name the report's directory"
	run --separate-stderr cchc-report --period 2024 -d ';;' clean.csv
	assert_failure 2
	assert_equal "${stderr_lines[0]}" 'cchc-report: -d: ";;": one byte, or \t for a tab'
	[ ! -e 2024 ]
}

@test "report: --form bm3,06a: 06a from the counts by field, as cchc-table writes it; annex.xlsx a sheet each" {
	export_in clean --rows 3000
	cd "$T"
	run --separate-stderr cchc-report --period 2024-Q3 --form bm3,06a --values "$VALUES" --out q clean.csv
	assert_success
	cchc-sum --period 2024-Q3 -g linh_vuc --total q/checked.csv 2>/dev/null | cchc-rate > hand-lv.csv
	cmp hand-lv.csv q/counts-linh_vuc.csv
	cchc-table --form 06a --partial hand-lv.csv "$VALUES" > hand-06a.csv 2>/dev/null
	cmp hand-06a.csv q/06a.csv
	cchc-check --form 06a q/06a.csv > /dev/null
	grep -q '^annexes: bm3 06a, in csv html md xlsx' q/summary.txt
	[ "$(xlsx2csv -a q/annex.xlsx | grep -c '^-------- ')" -eq 2 ]
	xlsx2csv -n 06a q/annex.xlsx | grep -q '^,Tổng cộng,'
}
