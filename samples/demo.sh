#!/bin/sh
# make demo: the sample export through the pipeline, as a technician would run it.
set -eu
cd "$(dirname "$0")/.."
out=samples/out
mkdir -p "$out"
samples/gen-export --rows 3000 --bad > "$out/export-2024.csv"
echo "== cchc-check samples/out/export-2024.csv --rejects samples/out/rejects.csv"
status=0
bin/cchc-check --rejects "$out/rejects.csv" "$out/export-2024.csv" > "$out/checked.csv" || status=$?
echo "   exit status $status (1: some rows were rejected, see below)"
echo "== the first rows out (samples/out/checked.csv)"
head -n 4 "$out/checked.csv"
echo "== why rows were rejected (samples/out/rejects.csv: dong,cot,loi,...)"
cut -d, -f1-3 "$out/rejects.csv"
echo "== cchc-check | cchc-sum --period 2024 -g cap --total"
bin/cchc-check "$out/export-2024.csv" 2>/dev/null | bin/cchc-sum --period 2024 -g cap --total > "$out/counts.csv"
cat "$out/counts.csv"
