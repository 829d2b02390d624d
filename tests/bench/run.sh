#!/bin/sh
# make bench: time the tools on a large synthetic export against the floor
# (wc -l) and the ceiling of the CSV library (libcsv with empty callbacks).
# ROWS (default 2000000) and RUNS (default 3) can be set in the environment.
# Prints a table and writes it, with the date and the machine, to RESULTS.md.
set -eu
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-2000000}
RUNS=${RUNS:-3}
data=tests/bench/data
mkdir -p "$data"
file=$data/export-$ROWS.csv
[ -s "$file" ] || samples/gen-export --rows "$ROWS" --seed 7 > "$file"
cc -O2 -o "$data/csvparse" tests/bench/csvparse.c -lcsv
cat "$file" > /dev/null	# warm the page cache

# name<TAB>command, the file as $F
jobs=$(cat <<'JOBS'
wc -l (memory bandwidth floor)	wc -l "$F"
libcsv bare parse (ceiling)	tests/bench/data/csvparse "$F"
awk count by level (not CSV-correct)	awk -F, 'NR>1{n[$6]++} END{for(k in n) print k, n[k]}' "$F"
cchc-sum --period 2024 -g cap	bin/cchc-sum --period 2024 -g cap "$F"
cchc-check	bin/cchc-check "$F"
cchc-check \| cchc-sum -g cap	bin/cchc-check "$F" | bin/cchc-sum --period 2024 -g cap
parallel -j 2 --pipepart \| cchc-sum --merge	parallel -j 2 --pipepart -a "$F" --header : --block 32M bin/cchc-sum --period 2024 -g cap 2>/dev/null | bin/cchc-sum --merge
JOBS
)
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
		/usr/bin/time -f "%e %M" -o "$tmp/t" sh -c "$cmd" > /dev/null 2>&1 || true
		# the peak is the largest process of the job (GNU time's %M)
		cat "$tmp/t" >> "$tmp/times.$i"
	done
done
parse=$(sort -n "$tmp/times.2" | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
{
	echo "| job | median s | x bare parse | peak MB |"
	echo "|---|---:|---:|---:|"
	for i in $(seq 1 "$n"); do
		sort -n "$tmp/times.$i" | awk -v name="$(cat "$tmp/name.$i")" -v p="$parse" '
			{t[NR]=$1; if ($2 > m) m = $2}
			END {med = t[int((NR+1)/2)]; printf "| %s | %.2f | %.2f | %.1f |\n", name, med, med / p, m / 1024}'
	done
} > "$tmp/table"
size=$(( $(wc -c < "$file") / 1000000 ))
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
{
	echo "# Benchmark results"
	echo
	echo "$(date -u +%Y-%m-%d), $(nproc) cores, $cpu; $ROWS rows, $size MB"
	echo "(samples/gen-export --rows $ROWS --seed 7), warm cache, median of $RUNS interleaved runs."
	echo
	cat "$tmp/table"
} > tests/bench/RESULTS.md.new
cat tests/bench/RESULTS.md.new
if [ -f tests/bench/NOTES.md ]; then cat tests/bench/NOTES.md >> tests/bench/RESULTS.md.new; fi
mv tests/bench/RESULTS.md.new tests/bench/RESULTS.md
