#!/bin/sh
# make bench: time the tools on large synthetic exports against the floor
# (wc -l), the ceiling of the CSV library (libcsv with empty callbacks), and
# the tools a technician would pick instead: DuckDB (the full classification),
# GNU datamash, Miller and sqlite3 (a count by level: they cannot classify),
# awk (quick and wrong: it splits quoted commas).
# Three exports, as people have them (EXPORTS to choose):
#   lean    the national portal's lean form: 11 columns, compact dates, no quotes
#   quoted  a provincial form: Vietnamese headers and words, every text field
#           quoted, dd/mm/yyyy with times, some text in NFD
#   wide    the portal's sync form: 21 columns with the flags and the rating
# ROWS (default 2000000) and RUNS (default 3) can be set in the environment.
# Prints a table per export and writes them, with the date and the machine,
# to RESULTS.md; tests/bench/national.sh times the national scale.
set -eu
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-2000000}
RUNS=${RUNS:-3}
EXPORTS=${EXPORTS:-lean quoted wide}
data=tests/bench/data
mkdir -p "$data"
duck=""
if command -v node >/dev/null && [ -d tests/bench/node_modules/@duckdb/node-api ]; then
	duck="node tests/bench/duckdb-counts.mjs"
fi
cc -O2 -o "$data/csvparse" tests/bench/csvparse.c -lcsv
have() { command -v "$1" >/dev/null; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
{
	echo "# Benchmark results"
	echo
	echo "$(date -u +%Y-%m-%d), $(nproc) cores, $cpu; $ROWS rows an export; warm cache, $RUNS"
	echo "interleaved runs: their median, and the fastest (a shared virtual machine slows whole"
	echo "stretches of runs; the fastest is the closest to what the code costs). The peak is the"
	echo "largest process of a job. x parse: the time over libcsv's bare parse of the same file."
} > "$tmp/results"

for kind in $EXPORTS; do
	case $kind in
	lean) gen="--portal --lean" form=portal unit=DonViXuLy ;;
	quoted) gen="--quoted" form=provincial unit="Cơ quan giải quyết" ;;
	wide) gen="--portal" form=portal unit=DonViXuLy ;;
	*) echo "make bench: EXPORTS: no export \"$kind\" (lean, quoted, wide)" >&2; exit 2 ;;
	esac
	file=$data/$kind-$ROWS.csv
	# shellcheck disable=SC2086 # the generator's options
	[ -s "$file" ] || samples/gen-export $gen --rows "$ROWS" --seed 7 > "$file"
	# a province's year: the header and the first 500,000 rows
	file500=$data/$kind-$ROWS-500k.csv
	[ -s "$file500" ] || head -n 500001 "$file" > "$file500"
	cat "$file" "$file500" > /dev/null	# warm the page cache
	# name<TAB>command, the file as $F, the unit's column as $U
	jobs=$(cat <<'JOBS'
wc -l (memory bandwidth floor)	wc -l "$F"
libcsv bare parse (ceiling)	tests/bench/data/csvparse "$F"
cchc-sum -j 1 --period 2024 -g cap	bin/cchc-sum -j 1 --period 2024 -g cap "$F"
cchc-sum --period 2024 -g cap (default -j)	bin/cchc-sum --period 2024 -g cap "$F"
cchc-sum, three tables in one read (--also, default -j)	bin/cchc-sum --period 2024 --total --also cap="$TMPD/cap.csv" --also muc_do_dvc="$TMPD/muc.csv" "$F"
DuckDB, 2 threads, 13 counts	DUCK "$F" 2 $FORM
DuckDB, 1 thread, 13 counts	DUCK "$F" 1 $FORM
cchc-check	bin/cchc-check "$F"
cchc-map --level-from (the unit)	bin/cchc-map --level-from "$U" -n cap_tu_ten "$F"
cchc-sum -j 1 --indicators	INDICATORS bin/cchc-sum -j 1 --indicators --period 2024 -g cap "$F"
cchc-report (check, sum, rate, table)	REPORT bin/cchc-report --period 2024 --max-rejected 100% --force --out "$TMPD/r" "$F"
cchc-report, a province's year: the first 500,000 rows (target < 1 s)	REPORT bin/cchc-report --period 2024 --max-rejected 100% --force --out "$TMPD/r" "$F500"
awk, count by level (not CSV-correct)	LEAN awk -F, 'NR>1{n[$4]++} END{for(k in n) print k, n[k]}' "$F"
GNU datamash, count by level	LEAN datamash -t, --header-in -s -g 4 count 1 < "$F"
Miller, count by level	LEAN mlr --icsv --ocsv count -g Cap "$F"
sqlite3 import + count by level	LEAN sqlite3 :memory: -cmd ".import --csv $F t" "SELECT Cap, count(*) FROM t GROUP BY Cap"
parallel -j 2 --pipepart \| cchc-sum --merge	LEAN parallel -j 2 --pipepart -a "$F" --header : --block 32M bin/cchc-sum -j 1 --period 2024 -g cap 2>/dev/null | bin/cchc-sum --merge
JOBS
)
	# jobs that do not apply, or whose peer is not installed, are left out and said so
	jobs=$(printf '%s\n' "$jobs" | while IFS='	' read -r name cmd; do
		case $cmd in
		DUCK*) [ -n "$duck" ] || { echo "(left out: DuckDB, no node or @duckdb/node-api)" >&2; continue; }
		       cmd="$duck${cmd#DUCK}" ;;
		INDICATORS*) bin/cchc-sum --help 2>/dev/null | grep -q -- --indicators && [ "$kind" = wide ] || continue
		       cmd=${cmd#INDICATORS } ;;
		REPORT*) [ -x bin/cchc-report ] || continue
		       cmd=${cmd#REPORT } ;;
		LEAN*) [ "$kind" = lean ] || continue
		       cmd=${cmd#LEAN } ;;
		esac
		case $cmd in
		datamash*) have datamash || { echo "(left out: datamash)" >&2; continue; } ;;
		mlr*) have mlr || { echo "(left out: Miller)" >&2; continue; } ;;
		sqlite3*) have sqlite3 || { echo "(left out: sqlite3)" >&2; continue; } ;;
		parallel*) have parallel || { echo "(left out: GNU parallel)" >&2; continue; } ;;
		esac
		printf '%s\t%s\n' "$name" "$cmd"
	done)
	export F="$file" F500="$file500" U="$unit" FORM="$form" TMPD="$tmp"
	rm -f "$tmp"/times.* "$tmp"/name.*
	i=0
	printf '%s\n' "$jobs" | while IFS='	' read -r name cmd; do
		i=$((i + 1))
		echo "$name" > "$tmp/name.$i"
	done
	n=$(printf '%s\n' "$jobs" | wc -l)
	# interleaved: run 1 of every job, then run 2 of every job...
	for r in $(seq 1 "$RUNS"); do
		i=0
		printf '%s\n' "$jobs" | while IFS='	' read -r name cmd; do
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
		$duck "$file" 2 "$form" > "$tmp/duck"
		if cmp -s "$tmp/cchc" "$tmp/duck"; then agree="yes, byte for byte"; else agree="NO"; diff "$tmp/cchc" "$tmp/duck" >&2 || true; fi
	fi
	size=$(( $(wc -c < "$file") / 1000000 ))
	cols=$(head -n 1 "$file" | awk -F, '{print NF}')
	{
		echo
		echo "## $kind: $size MB, $cols columns (samples/gen-export $gen --rows $ROWS --seed 7)"
		echo
		echo "Counts of cchc-sum and DuckDB agree: $agree."
		echo
		echo "| job | median s | x parse | fastest s | x fastest parse | peak MB |"
		echo "|---|---:|---:|---:|---:|---:|"
		for i in $(seq 1 "$n"); do
			sort -n "$tmp/times.$i" | awk -v name="$(cat "$tmp/name.$i")" -v p="$parse" -v p0="$parse0" '
				{t[NR]=$1; if ($2 > m) m = $2}
				END {med = t[int((NR+1)/2)]
				     if (name ~ /500,000 rows/)	# not the file parsed: no ratio
				         printf "| %s | %.3f | | %.3f | | %.1f |\n", name, med, t[1], m / 1024
				     else
				         printf "| %s | %.3f | %.2f | %.3f | %.2f | %.1f |\n", name, med, med / p, t[1], t[1] / p0, m / 1024}'
		done
	} >> "$tmp/results"
done
cp "$tmp/results" tests/bench/RESULTS.md.new
cat tests/bench/RESULTS.md.new
if [ -f tests/bench/NATIONAL.md ]; then { echo; cat tests/bench/NATIONAL.md; } >> tests/bench/RESULTS.md.new; fi
if [ -f tests/bench/NOTES.md ]; then cat tests/bench/NOTES.md >> tests/bench/RESULTS.md.new; fi
mv tests/bench/RESULTS.md.new tests/bench/RESULTS.md
