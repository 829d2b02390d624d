#!/bin/sh
# make bench-national: the country's year, as the Office of Government would
# count it: 34 province files (FILES), 20 million rows in all (ROWS), lean
# portal exports of their own seeds. cchc-sum counts each file and the
# tables are merged exactly (one file after the other with the default -j,
# and two files at a time with -j 1), against DuckDB reading the 34 files at
# once. Wall time and peak memory (the largest process) of each, RUNS runs;
# the tables written to tests/bench/NATIONAL.md (make bench adds it to
# RESULTS.md). The files take about 2.6 GB in tests/bench/data/national.
set -eu
cd "$(dirname "$0")/../.."
FILES=${FILES:-34}
ROWS=${ROWS:-20000000}
RUNS=${RUNS:-3}
dir=tests/bench/data/national
mkdir -p "$dir"
per=$((ROWS / FILES))
i=1
while [ "$i" -le "$FILES" ]; do
	f=$dir/p$(printf '%02d' "$i")-$per.csv
	[ -s "$f" ] || samples/gen-export --portal --lean --rows "$per" --seed $((100 + i)) > "$f"
	i=$((i + 1))
done
files=$(ls "$dir"/p*-"$per".csv | head -n "$FILES")
duck=""
if command -v node >/dev/null && [ -d tests/bench/node_modules/@duckdb/node-api ]; then
	duck="node tests/bench/duckdb-counts.mjs"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat $files > /dev/null	# warm the page cache, as far as it holds them
export FILESLIST="$files"
jobs=$(cat <<'JOBS'
cchc-sum per file (default -j), then --merge	for f in $FILESLIST; do bin/cchc-sum --period 2024 -g cap "$f"; done | bin/cchc-sum --merge
cchc-sum -j 1, two files at a time, then --merge	printf '%s\n' $FILESLIST | xargs -P 2 -n 1 bin/cchc-sum -j 1 --period 2024 -g cap | bin/cchc-sum --merge
DuckDB, 2 threads, every file at once	DUCK
JOBS
)
jobs=$(printf '%s\n' "$jobs" | while IFS='	' read -r name cmd; do
	case $cmd in
	DUCK) [ -n "$duck" ] || { echo "(left out: DuckDB, no node or @duckdb/node-api)" >&2; continue; }
	      cmd="$duck '$dir/p*-$per.csv' 2" ;;
	esac
	printf '%s\t%s\n' "$name" "$cmd"
done)
n=$(printf '%s\n' "$jobs" | wc -l)
for r in $(seq 1 "$RUNS"); do
	i=0
	printf '%s\n' "$jobs" | while IFS='	' read -r name cmd; do
		i=$((i + 1))
		echo "$name" > "$tmp/name.$i"
		t0=$(date +%s%N)
		/usr/bin/time -f "%M" -o "$tmp/t" sh -c "$cmd" > "$tmp/out.$i" 2>/dev/null || true
		t1=$(date +%s%N)
		echo "$(( (t1 - t0) / 1000000 )) $(tail -n 1 "$tmp/t")" |
			awk '{printf "%.3f %s\n", $1 / 1000, $2}' >> "$tmp/times.$i"
	done
done
agree=yes
for i in $(seq 2 "$n"); do
	cmp -s "$tmp/out.1" "$tmp/out.$i" || agree="NO ($(cat "$tmp/name.$i") differs)"
done
size=$(cat $files | wc -c)
{
	echo "## National scale: $FILES files, $((per * FILES)) rows, $((size / 1000000)) MB"
	echo
	echo "$(date -u +%Y-%m-%d), $(nproc) cores; samples/gen-export --portal --lean --rows $per,"
	echo "seeds 101 to $((100 + FILES)); $RUNS runs. The merged counts and DuckDB's agree: $agree."
	echo
	echo "| job | median s | fastest s | peak MB |"
	echo "|---|---:|---:|---:|"
	for i in $(seq 1 "$n"); do
		sort -n "$tmp/times.$i" | awk -v name="$(cat "$tmp/name.$i")" '
			{t[NR]=$1; if ($2 > m) m = $2}
			END {printf "| %s | %.3f | %.3f | %.1f |\n", name, t[int((NR+1)/2)], t[1], m / 1024}'
	done
} > tests/bench/NATIONAL.md
cat tests/bench/NATIONAL.md
