#!/bin/sh
# The differential suites of tests/equiv.bats in long mode (make equiv-long,
# which make fuzz runs too): every suite and mode for FUZZ_SECONDS seconds
# (default 60), from a first seed that changes with each run and is printed.
#
#   FUZZ_SECONDS=N   seconds per suite and mode (8 of them: 8 N in all)
#   EQUIV_COUNT=N    N seeds per suite and mode instead of a time
#   EQUIV_FIRST=S    the first seed (default: the time, in seconds)
#   EQUIV_SCALE=K    exports K times longer (default 1)
#   EQUIV_SUITES="jobs merge check-acct sum-acct also"   EQUIV_MODES="core intake"
#   EQUIV_TMP=DIR    where failing inputs are kept (default tests/fuzz/work/equiv)
#   EQUIV_MAX_FAILURES=N   a suite stops after N failing seeds (default 50)
#
# Exit 1 when any seed failed; each failure says how to make its input again.
cd "$(dirname "$0")/.." || exit 2
secs=${FUZZ_SECONDS:-60}
first=${EQUIV_FIRST:-$(date +%s)}
scale=${EQUIV_SCALE:-1}
suites=${EQUIV_SUITES:-jobs merge check-acct sum-acct also}
modes=${EQUIV_MODES:-core intake}
tmp=${EQUIV_TMP:-tests/fuzz/work/equiv}
mkdir -p "$tmp" || exit 2
if [ -n "${EQUIV_COUNT:-}" ]; then
	how="--first $first --count $EQUIV_COUNT"
	echo "== equiv-long: $EQUIV_COUNT seeds from $first per suite and mode, scale $scale"
else
	how="--first $first --seconds $secs"
	echo "== equiv-long: $secs s per suite and mode, seeds from $first, scale $scale"
fi
passed=0 failed=0
for suite in $suites; do
	for mode in $modes; do
		# shellcheck disable=SC2086
		if python3 tests/gen/equiv.py "$suite" --mode "$mode" $how --scale "$scale" \
			--tmp "$tmp" --bin bin --show 3 --max-failures "${EQUIV_MAX_FAILURES:-50}"; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
		fi
	done
done
echo "equiv-long: $passed passed, $failed failed (suites and modes; inputs of failures in $tmp)"
[ "$failed" -eq 0 ]
