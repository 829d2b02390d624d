#!/bin/sh
# make demo: a synthetic export through the whole pipeline, as a technician runs it.
set -u
cd "$(dirname "$0")/.."
out=samples/out
mkdir -p "$out"
PATH="$PWD/bin:$PATH"
samples/gen-export --rows 3000 --bad > "$out/export-2024.csv"

echo "== 0. an export as an office's Excel saves it: title lines, a two-row header, ';',"
echo "   serial dates, SA/CH, the portal's status words, a footer; and its clean twin"
samples/gen-export --excel --rows 3000 --twin "$out/twin-2024.csv" > "$out/raw-2024.csv"
cchc-check -d ';' "$out/raw-2024.csv" > "$out/raw-checked.csv"
echo "   exit status $? (0: every dossier read, nothing edited by hand)"
cchc-sum -d ';' --period 2024 -g cap --total "$out/raw-2024.csv" > "$out/raw-by-level.csv"
cchc-sum --period 2024 -g cap --total "$out/twin-2024.csv" 2>/dev/null > "$out/twin-by-level.csv"
if cmp -s "$out/raw-by-level.csv" "$out/twin-by-level.csv"; then
	echo "   the raw export's counts are its clean twin's:"
else
	echo "   THE RAW EXPORT'S COUNTS DIFFER FROM ITS TWIN'S"
fi
cat "$out/raw-by-level.csv"
echo

echo "== 1. cchc-check: validate and normalise the export (rejects in $out/rejects.csv)"
cchc-check --rejects "$out/rejects.csv" "$out/export-2024.csv" > "$out/checked.csv"
echo "   exit status $? (1: some rows were rejected; each is in the rejects file with its reason)"
echo

echo "== 2. cchc-sum | cchc-rate: counts by level for the official period 2024, with rates"
cchc-sum --period 2024 -g cap --total "$out/checked.csv" | cchc-rate > "$out/by-level.csv"
cat "$out/by-level.csv"
# by service level, rolled up from level and procedure: bm7's 6.2.1 and 6.2.2
cchc-sum --period 2024 -g muc_do_dvc,ma_tthc "$out/checked.csv" 2>/dev/null |
	cchc-sum --rollup muc_do_dvc 2>/dev/null > "$out/by-service-level.csv"
echo

echo "== 3. cchc-table: Biểu mẫu 3, from the counts and samples/values-2024.csv"
cchc-table --form bm3 --format txt "$out/by-level.csv" samples/values-2024.csv
cchc-table --form bm3 --format md "$out/by-level.csv" samples/values-2024.csv > "$out/bm3.md"
cchc-table --form bm3 --format html "$out/by-level.csv" samples/values-2024.csv > "$out/bm3.html"
cchc-table --form bm7 --format html "$out/by-service-level.csv" samples/values-2024.csv > "$out/bm7.html"
cchc-table --form bm3 --locale vi "$out/by-level.csv" samples/values-2024.csv > "$out/annex-bm3.csv"
echo
echo "   written: $out/bm3.md, $out/bm3.html, $out/bm7.html, $out/annex-bm3.csv"
echo

echo "== 3b. cchc-table: form 06a by field (linh_vuc), for the quarter 2024-Q3"
cchc-sum --period 2024-Q3 -g linh_vuc "$out/checked.csv" 2>/dev/null > "$out/by-field.csv"
cchc-table --form 06a --format txt "$out/by-field.csv"
cchc-table --form 06a --format html "$out/by-field.csv" > "$out/06a.html"
cchc-table --form 06a "$out/by-field.csv" | cchc-check --form 06a > /dev/null
echo "   written: $out/06a.html; cchc-check --form 06a: exit status $?"
echo

echo "== 4. cchc-check --form: the annex as written, then a copy with two slips"
cchc-check --form bm3 "$out/annex-bm3.csv" > /dev/null
echo "   exit status $?"
# a slip in a sum (1.4 one too many) and a rate typed from the wrong row (3.1)
sed -e 's/^\(1\.4,[^,]*,[^,]*,\)"*\([0-9.]*\)"*,/\1"2.816",/' \
    -e 's/^\(3\.1,"[^"]*",%,\)"[^"]*"/\1"98,10%"/' "$out/annex-bm3.csv" > "$out/annex-bm3-slips.csv"
cchc-check --form bm3 "$out/annex-bm3-slips.csv" > /dev/null
echo "   exit status $?"
