#!/usr/bin/env bats
# Differential tests on generated hostile exports (tests/gen/dossiers.py makes
# them, tests/gen/equiv.py runs and compares; tests/fuzz/README.md says what
# each suite does). A failure prints the seed, the commands and a diff, and
# keeps the input under the test's tmp dir (EQUIV_TMP=DIR keeps it there
# instead, past the end of the run). Long runs: make equiv-long.
#
# "core" exports hold every CSV hazard under one header line; "intake" ones
# add title lines, two-row headers, footers and headers repeated mid-file.

load helper

# Seeds 1 to N of a suite: a few hundred exports in all, about 45 s on 2
# cores. A sanitizer build (make SANITIZE=1 check, as CI runs it) is 3 to 4
# times slower per run: a third of the seeds.
seeds() {
	local n=$1
	if grep -qa __asan_init "$TOP/bin/cchc-sum" 2>/dev/null; then
		n=$(((n + 2) / 3))
	fi
	echo "1-$n"
}

equiv() {
	python3 "$TOP/tests/gen/equiv.py" "$@" --bin "$TOP/bin" --tmp "${EQUIV_TMP:-$T}" || {
		[ -n "${EQUIV_TMP:-}" ] || echo "(bats removes its tmp dir when it ends: EQUIV_TMP=DIR keeps" \
			"the inputs there; the generator also makes each again from its seed)"
		return 1
	}
}

# The jobs suite also reads standard input left at an offset in a regular
# file (a shell's `read` before it): -j N must pread from there, as -j 1 reads.
@test "equiv: cchc-sum -j 2, 3, 4, 7 with tiny parts, small blocks and arena: the bytes and status of -j 1 (core exports)" {
	equiv jobs --mode core --seeds "$(seeds 80)"
}

@test "equiv: cchc-sum -j N gives -j 1's bytes on exports with title lines, two-row headers, footers, headers mid-file" {
	equiv jobs --mode intake --seeds "$(seeds 30)"
}

@test "equiv: --merge of the parts' tables (concatenated, as FILEs, in two steps, --total) is the one run's output (core)" {
	equiv merge --mode core --seeds "$(seeds 60)"
}

@test "equiv: --merge of parts is the one run's output on exports with title lines, footers, headers mid-file" {
	equiv merge --mode intake --seeds "$(seeds 25)"
}

@test "equiv: cchc-check: N = P + R = the records written, P rows out, R rows rejected, any block size (core)" {
	equiv check-acct --mode core --seeds "$(seeds 60)"
}

@test "equiv: cchc-check's accounting with title lines, two-row headers, footers, headers mid-file" {
	equiv check-acct --mode intake --seeds "$(seeds 25)"
}

@test "equiv: cchc-sum: N = C + O + S + U = the records written, tiep_nhan adds up to C, -j changes nothing (core)" {
	equiv sum-acct --mode core --seeds "$(seeds 60)"
}

@test "equiv: cchc-sum's accounting with title lines, two-row headers, footers, headers mid-file" {
	equiv sum-acct --mode intake --seeds "$(seeds 25)"
}

# A FIFO as FILE, with the default -j (the cores): read once, in one stream,
# as the regular file is; a writer that has written everything and gone must
# not lose its data, and a hang fails the test instead of CI.
@test "equiv: cchc-sum on a named pipe, default -j, gives the regular file's output and never hangs" {
	mkdir -p "$T/file" "$T/fifo"
	for input in "--seed 16" "--seed 5" "--seed 33 --scale 4"; do
		python3 "$TOP/tests/gen/dossiers.py" $input > "$T/file/in.csv"
		for args in "--period 2024" "--period 2024 -g co_quan,kenh --total"; do
			want=0
			( cd "$T/file" && exec cchc-sum $args -j 1 in.csv > ../want.out 2> ../want.err ) || want=$?
			for try in 1 2 3 4 5 6 7 8; do
				rm -f "$T/fifo/in.csv"
				mkfifo "$T/fifo/in.csv"
				# writes it all once, closes, exits (fd 3 closed for bats)
				cat "$T/file/in.csv" > "$T/fifo/in.csv" 3>&- &
				writer=$!
				rc=0
				( cd "$T/fifo" && exec timeout 5 cchc-sum $args in.csv > ../got.out 2> ../got.err ) || rc=$?
				kill "$writer" 2>/dev/null || true
				wait "$writer" 2>/dev/null || true
				if [ "$rc" -eq 124 ]; then
					echo "cchc-sum $args on a FIFO, killed after 5 s (try $try): a hang (finding 04)"
					echo "  python3 tests/gen/dossiers.py $input > f.csv; mkfifo in.csv; cat f.csv > in.csv &"
					echo "  timeout 5 cchc-sum $args in.csv"
					echo "input kept: $T/file/in.csv"
					return 1
				fi
				if [ "$rc" != "$want" ] || ! cmp -s "$T/want.out" "$T/got.out" ||
				   ! cmp -s "$T/want.err" "$T/got.err"; then
					echo "cchc-sum $args on a FIFO (try $try): exit $rc, on the regular file $want"
					echo "  python3 tests/gen/dossiers.py $input > f.csv; mkfifo in.csv; cat f.csv > in.csv &"
					echo "  timeout 5 cchc-sum $args in.csv    # against: cchc-sum $args -j 1 f.csv"
					diff "$T/want.out" "$T/got.out" | head -20 || true
					diff "$T/want.err" "$T/got.err" | head -20 || true
					echo "input kept: $T/file/in.csv"
					return 1
				fi
			done
		done
	done
}

@test "equiv: cchc-sum --also: each table the bytes, summary and messages of a run of its own; -j N the bytes of -j 1 (core)" {
	equiv also --mode core --seeds "$(seeds 120)"
}

@test "equiv: cchc-sum --also on exports with title lines, two-row headers, footers, headers mid-file" {
	equiv also --mode intake --seeds "$(seeds 60)"
}
