#!/bin/sh
# make demo: synthetic exports through cchc-report, as a technician runs it,
# into DEMO_DIR (default demo/ at the top of the tree: untracked, made again
# by every run).
set -u
cd "$(dirname "$0")/.." || exit 2
out=${DEMO_DIR:-demo}
mkdir -p "$out" || exit 2
PATH="$PWD/bin:$PATH"
values=samples/values-2024.csv
samples/gen-export --rows 3000 --bad > "$out/export-2024.csv" || exit 2

echo "== 1. cchc-report: the 2024 annex of an export with a few wrong rows ($out/2024)"
cchc-report --period 2024 --values "$values" --force --out "$out/2024" "$out/export-2024.csv"
echo "   exit status $? (1: rows were rejected, and the default --max-rejected allows none:"
echo "   no annex is written; the counts, the rejects and the summary are)"
sed -n '/^rejected:/p;/^annexes:/p' "$out/2024/summary.txt" | sed 's/^/   /'
echo

echo "== 2. the same with --max-rejected 1%: the annexes, and the summary of every row"
cchc-report --period 2024 --values "$values" --max-rejected 1% --force --out "$out/2024" \
	"$out/export-2024.csv"
echo "   exit status $?"
sed 's/^/   /' "$out/2024/summary.txt"
echo
echo "   Biểu mẫu 3, from $out/2024/counts-cap.csv:"
cchc-table --form bm3 --format txt "$out/2024/counts-cap.csv" "$values"
echo
echo "   written:" "$out"/2024/*
echo

echo "== 3. an export as an office's Excel saves it: title lines, a two-row header, ';',"
echo "   serial dates, SA/CH, the portal's status words, a footer; and its clean twin"
samples/gen-export --excel --rows 3000 --twin "$out/twin-2024.csv" > "$out/raw-2024.csv" || exit 2
cchc-report --period 2024 -d ';' --force --out "$out/raw-2024" "$out/raw-2024.csv"
echo "   exit status $? (0: every dossier read, nothing edited by hand)"
cchc-report --period 2024 --force --out "$out/twin-2024" "$out/twin-2024.csv" 2>/dev/null
if cmp -s "$out/raw-2024/counts-cap.csv" "$out/twin-2024/counts-cap.csv"; then
	echo "   the raw export's counts are its clean twin's:"
else
	echo "   THE RAW EXPORT'S COUNTS DIFFER FROM ITS TWIN'S"
fi
cat "$out/raw-2024/counts-cap.csv"
echo

echo "== 4. cchc-check --form: the annex as written, then a copy with two slips"
cchc-check --form bm3 "$out/2024/bm3.csv" > /dev/null
echo "   exit status $?"
# a slip in a sum (1.4 one too many) and a rate typed from the wrong row (3.1)
sed -e 's/^\(1\.4,[^,]*,[^,]*,\)[0-9]*,/\12816,/' \
    -e 's/^\(3\.1,"[^"]*",%,\)[0-9.]*,/\198.10,/' "$out/2024/bm3.csv" > "$out/annex-bm3-slips.csv"
cchc-check --form bm3 "$out/annex-bm3-slips.csv" > /dev/null
echo "   exit status $?"
echo

echo "== 5. form 06a by field (linh_vuc), for the quarter 2024-Q3, checked as it is written"
cchc-sum --period 2024-Q3 -g linh_vuc "$out/2024/checked.csv" 2>/dev/null > "$out/by-field.csv"
cchc-table --form 06a --format txt "$out/by-field.csv"
cchc-table --form 06a --format html "$out/by-field.csv" > "$out/06a.html"
cchc-table --form 06a "$out/by-field.csv" | cchc-check --form 06a > /dev/null
echo "   written: $out/06a.html; cchc-check --form 06a: exit status $?"
echo "   Biểu mẫu 7's services with dossiers (6.2.1, 6.2.2), rolled up from level and procedure"
echo "   (this export names its procedures, ten_tthc; a portal export has their codes, ma_tthc):"
cchc-sum --period 2024 -g muc_do_dvc,ten_tthc "$out/2024/checked.csv" 2>/dev/null |
	cchc-sum --rollup muc_do_dvc 2>/dev/null > "$out/by-service-level.csv"
cchc-table --form bm7 --format txt "$out/by-service-level.csv" "$values" | grep '^ *6\.2\.[12]'
echo

echo "== 6. a national-portal export with no level column: the level from the unit's name"
samples/gen-export --portal --no-level --rows 3000 --twin "$out/portal-twin.csv" > "$out/portal.csv" || exit 2
cchc-map --level-from DonViXuLy "$out/portal.csv" | cchc-sum --period 2024 -g cap > "$out/portal-by-level.csv"
cchc-sum --period 2024 -g cap "$out/portal-twin.csv" 2>/dev/null > "$out/portal-twin-by-level.csv"
if cmp -s "$out/portal-by-level.csv" "$out/portal-twin-by-level.csv"; then
	echo "   the same counts as the export's own level (its twin keeps it):"
else
	echo "   THE LEVELS READ FROM THE UNITS DIFFER FROM THE EXPORT'S OWN"
fi
cat "$out/portal-by-level.csv"
echo

echo "== 7. year on year by the units after the 2025 reorganisation: 2024's dossiers mapped to"
echo "   their successors (samples/don-vi-2025.csv), counted, and 2026's counts beside them"
samples/gen-export --year 2026 --rows 3000 > "$out/export-2026.csv" || exit 2
cchc-check "$out/export-2026.csv" 2>/dev/null | cchc-sum --period 2026 -g co_quan 2>/dev/null > "$out/by-unit-2026.csv"
cchc-map -c co_quan -n co_quan_moi samples/don-vi-2025.csv "$out/2024/checked.csv" 2>/dev/null |
	cchc-sum --period 2024 -g co_quan_moi 2>/dev/null > "$out/by-unit-2024.csv"
cchc-map -c co_quan -n moi_tiep_nhan_2024=moi_tiep_nhan "$out/by-unit-2024.csv" "$out/by-unit-2026.csv" |
	cchc-rate so_cung_ky=moi_tiep_nhan/moi_tiep_nhan_2024 > "$out/year-on-year.csv"
echo "   exit status $?; unit, received in 2026, in 2024, 2026 as a % of 2024:"
python3 -c 'import csv,sys
r=list(csv.DictReader(open(sys.argv[1],encoding="utf-8")))
for x in r: print("   %-32s %6s %6s %8s" % (x["co_quan"], x["moi_tiep_nhan"], x["moi_tiep_nhan_2024"], x["so_cung_ky"]))' "$out/year-on-year.csv" 2>/dev/null ||
	cat "$out/year-on-year.csv"
echo

echo "== 8. the service centre split as the report splits it: the departments, and land"
cchc-map -c linh_vuc -n nhom samples/nhom-trung-tam.csv "$out/2024/checked.csv" 2>/dev/null |
	cchc-sum --period 2024 -g cap,nhom 2>/dev/null | cchc-rate > "$out/centre.csv"
grep '^tinh,' "$out/centre.csv"
echo

echo "== 9. the QĐ 766 indicators by level, from a national-portal export with its flags"
echo "   (samples/gen-export --portal): ratio, target, points and score; the targets and"
echo "   points QĐ 766 sets and DOMAIN.md does not give are to fill in a copy of the form"
samples/gen-export --portal --rows 3000 > "$out/portal-flags.csv" || exit 2
cchc-sum --period 2024 -g cap --total --indicators "$out/portal-flags.csv" 2>/dev/null > "$out/indicators.csv"
cchc-table --form qd766 --partial --format html "$out/indicators.csv" > "$out/qd766.html" 2>/dev/null
cchc-table --form qd766 --partial "$out/indicators.csv" 2>/dev/null |
	python3 -c 'import csv,sys
for x in csv.DictReader(sys.stdin):
    print("   %-10s 2.1: %s%% (%s of 20 points)  3.3 online: %s%%  3.6 paid online: %s%%  4.3 reused: %s%%"
          % (x["cap"], x["ty_le_2_1"], x["diem_2_1"], x["ty_le_3_3"], x["ty_le_3_6"], x["ty_le_4_3"]))' 2>/dev/null ||
	echo "   (python3 missing: see $out/qd766.html)"
echo "   written: $out/qd766.html"
