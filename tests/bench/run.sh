#!/bin/sh
# make bench: time the tools on a large synthetic export against the floor
# (wc -l), the ceiling of the CSV library (libcsv with empty callbacks), and
# the tools a technician would pick instead: DuckDB (the full classification),
# GNU datamash, Miller and sqlite3 (a count by level: they cannot classify),
# awk (quick and wrong: it splits quoted commas).
# ROWS (default 2000000) and RUNS (default 3) can be set in the environment.
# Prints a table and writes it, with the date and the machine, to RESULTS.md.
set -eu
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-2000000}
RUNS=${RUNS:-3}
data=tests/bench/data
mkdir -p "$data"
file=$data/portal-lean-$ROWS.csv
[ -s "$file" ] || samples/gen-export --portal --lean --rows "$ROWS" --seed 7 > "$file"
duck=""
if command -v node >/dev/null && [ -d tests/bench/node_modules/@duckdb/node-api ]; then
	duck="node tests/bench/duckdb-counts.mjs"
fi
cc -O2 -o "$data/csvparse" tests/bench/csvparse.c -lcsv
cat "$file" > /dev/null	# warm the page cache

# name<TAB>command, the file as $F
jobs=$(cat <<'JOBS'
wc -l (memory bandwidth floor)	wc -l "$F"
libcsv bare parse (ceiling)	tests/bench/data/csvparse "$F"
cchc-sum -j 1 --period 2024 -g cap	bin/cchc-sum -j 1 --period 2024 -g cap "$F"
cchc-sum -j 2 --period 2024 -g cap	bin/cchc-sum -j 2 --period 2024 -g cap "$F"
DuckDB, 2 threads, 13 counts	DUCK "$F" 2
DuckDB, 1 thread, 13 counts	DUCK "$F" 1
awk, count by level (not CSV-correct)	awk -F, 'NR>1{n[$4]++} END{for(k in n) print k, n[k]}' "$F"
GNU datamash, count by level	datamash -t, --header-in -s -g 4 count 1 < "$F"
Miller, count by level	mlr --icsv --ocsv count -g Cap "$F"
sqlite3 import + count by level	sqlite3 :memory: -cmd ".import --csv $F t" "SELECT Cap, count(*) FROM t GROUP BY Cap"
cchc-check	bin/cchc-check "$F"
cchc-map --level-from DonViXuLy	bin/cchc-map --level-from DonViXuLy -n cap2 "$F"
check \| sum \| rate \| table	bin/cchc-check "$F" | bin/cchc-sum --period 2024 -g cap | bin/cchc-rate | bin/cchc-table --form bm3 --partial - samples/values-2024.csv
parallel -j 2 --pipepart \| cchc-sum --merge	parallel -j 2 --pipepart -a "$F" --header : --block 32M bin/cchc-sum -j 1 --period 2024 -g cap 2>/dev/null | bin/cchc-sum --merge
JOBS
)
# peers that are not installed are left out, and said so
have() { command -v "$1" >/dev/null; }
jobs=$(echo "$jobs" | while IFS='	' read -r name cmd; do
	case $cmd in
	DUCK*) [ -n "$duck" ] || { echo "(left out: DuckDB, no node or @duckdb/node-api)" >&2; continue; }
	       cmd="$duck${cmd#DUCK}" ;;
	datamash*) have datamash || { echo "(left out: datamash)" >&2; continue; } ;;
	mlr*) have mlr || { echo "(left out: Miller)" >&2; continue; } ;;
	sqlite3*) have sqlite3 || { echo "(left out: sqlite3)" >&2; continue; } ;;
	parallel*) have parallel || { echo "(left out: GNU parallel)" >&2; continue; } ;;
	esac
	printf '%s\t%s\n' "$name" "$cmd"
done)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export F="$file"
i=0
echo "$jobs" | while IFS='	' read -r name cmd; do
	i=$((i + 1))
	echo "$name" > "$tmp/name.$i"
done
n=$(echo "$jobs" | wc -l)
# interleaved: run 1 of every job, then run 2 of every job...
for r in $(seq 1 "$RUNS"); do
	i=0
	echo "$jobs" | while IFS='	' read -r name cmd; do
		i=$((i + 1))
		# wall time to the millisecond (GNU time's %e has 10 ms steps,
		# 2% of the bare parse); the peak is the largest process of
		# the job (GNU time's %M)
		t0=$(date +%s%N)
		/usr/bin/time -f "%M" -o "$tmp/t" sh -c "$cmd" > /dev/null 2>&1 || true
		t1=$(date +%s%N)
		echo "$(( (t1 - t0) / 1000000 )) $(tail -n 1 "$tmp/t")" |
			awk '{printf "%.3f %s\n", $1 / 1000, $2}' >> "$tmp/times.$i"
	done
done
parse=$(sort -n "$tmp/times.2" | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
parse0=$(sort -n "$tmp/times.2" | head -1 | cut -d' ' -f1)
agree="not checked (no DuckDB)"
if [ -n "$duck" ]; then
	bin/cchc-sum --period 2024 -g cap "$file" 2>/dev/null > "$tmp/cchc"
	$duck "$file" 2 > "$tmp/duck"
	if cmp -s "$tmp/cchc" "$tmp/duck"; then agree="yes, byte for byte"; else agree="NO"; diff "$tmp/cchc" "$tmp/duck" >&2; fi
fi
{
	echo "| job | median s | x bare parse | fastest s | x fastest parse | peak MB |"
	echo "|---|---:|---:|---:|---:|---:|"
	for i in $(seq 1 "$n"); do
		sort -n "$tmp/times.$i" | awk -v name="$(cat "$tmp/name.$i")" -v p="$parse" -v p0="$parse0" '
			{t[NR]=$1; if ($2 > m) m = $2}
			END {med = t[int((NR+1)/2)]
			     printf "| %s | %.3f | %.2f | %.3f | %.2f | %.1f |\n", name, med, med / p, t[1], t[1] / p0, m / 1024}'
	done
} > "$tmp/table"
size=$(( $(wc -c < "$file") / 1000000 ))
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
{
	echo "# Benchmark results"
	echo
	echo "$(date -u +%Y-%m-%d), $(nproc) cores, $cpu; $ROWS rows, $size MB"
	echo "(samples/gen-export --portal --lean --rows $ROWS --seed 7), warm cache, $RUNS interleaved runs: their"
	echo "median, and the fastest (a shared virtual machine slows whole stretches of runs; the"
	echo "fastest is the closest to what the code costs)."
	echo "The peak is the largest process of a job. Counts of cchc-sum and DuckDB agree: $agree."
	echo
	cat "$tmp/table"
} > tests/bench/RESULTS.md.new
cat tests/bench/RESULTS.md.new
if [ -f tests/bench/NOTES.md ]; then cat tests/bench/NOTES.md >> tests/bench/RESULTS.md.new; fi
mv tests/bench/RESULTS.md.new tests/bench/RESULTS.md
