# Common set-up for the bats files.
bats_require_minimum_version 1.5.0
load /usr/lib/bats/bats-support/load.bash
load /usr/lib/bats/bats-assert/load.bash

TOP="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
DATA="$TOP/tests/data"
PATH="$TOP/bin:$PATH"
export LC_ALL=C.UTF-8

setup() {
	T="$BATS_TEST_TMPDIR"
}

# The sample export, made once per run by the generator kept in samples/.
sample() {
	local f="$BATS_RUN_TMPDIR/sample-$1.csv"
	shift
	if [ ! -s "$f" ]; then
		"$TOP/samples/gen-export" "$@" > "$f.tmp" && mv "$f.tmp" "$f"
	fi
	echo "$f"
}
