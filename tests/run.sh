#!/bin/sh
# Runs the bats suite and ends with "N passed, N failed".
# TESTS="check.bats sum.bats" runs some files only.
cd "$(dirname "$0")" || exit 2
files=${TESTS:-$(ls ./*.bats)}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
bats --tap $files | tee "$log"
status=$?
passed=$(grep -c '^ok .*' "$log" | tr -d ' ')
skipped=$(grep -c '^ok .* # skip' "$log" | tr -d ' ')
failed=$(grep -c '^not ok ' "$log" | tr -d ' ')
passed=$((passed - skipped))
echo
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
