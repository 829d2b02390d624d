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
