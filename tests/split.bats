#!/usr/bin/env bats
# The split cchc-sum -j rests on (tests/fuzz/split.h): a reader that is
# csvin_clean at a cut hands over to a fresh part reader, else reads on, and
# the records, lines and empties are those of one reader over the whole.
# tests/fuzz/bin/split-check runs the check with the usual compiler (make
# builds it); fuzz_split, the libFuzzer harness, only when clang built it.

load helper

SPLIT="$TOP/tests/fuzz/bin/split-check"
CORPUS="$TOP/tests/fuzz/corpus/split"

setup_file() {
	# fewer generated inputs under the sanitizers, 3 to 5 times slower
	export SPLIT_COUNT=3000
	if nm "$TOP/src/libcchc.a" 2>/dev/null | grep -qE '__(a|ub)san_'; then
		export SPLIT_COUNT=1000
	fi
}

need_driver() {
	[ -x "$SPLIT" ] || skip "tests/fuzz/bin/split-check is not built (make builds it)"
}

@test "split: the seed corpus, every cut of each file, and generated inputs" {
	need_driver
	run -0 "$SPLIT" -n "$SPLIT_COUNT" -s 1 "$CORPUS"/*
	echo "$output"
	[[ "$output" =~ ^split-check:\ ([0-9]+)\ files,\ $SPLIT_COUNT\ generated\ inputs\ \(seed\ 1\):\ ([0-9]+)\ runs,\ ([0-9]+)\ parts\ taken,\ ([0-9]+)\ read\ on ]]
	# both ways were taken, and often: the check is not vacuous
	[ "${BASH_REMATCH[1]}" -ge 17 ]
	[ "${BASH_REMATCH[3]}" -gt 1000 ]
	[ "${BASH_REMATCH[4]}" -gt 1000 ]
}

@test "split: a difference is found, said, and the input given as printf(1) writes it" {
	need_driver
	# a fault planted in the check (a part's lines put one off): caught
	SPLIT_PLANT=1 run -134 "$SPLIT" "$CORPUS/plain"
	[[ "$output" == *"split: record "*" differs"* ]]
	fmt=$(printf '%s\n' "$output" | sed -n "s/^split-check: the input: printf '\(.*\)' > split.in$/\1/p" | head -n 1)
	[ -n "$fmt" ]
	# shellcheck disable=SC2059
	printf "$fmt" > "$T/split.in"
	[ -s "$T/split.in" ]
}

# The findings the harness made (tests/fuzz/README.md), fixed: each checked
# strictly on its input, kept as a regression test.
strict() {
	need_driver
	SPLIT_STRICT=1 run "$SPLIT" "$CORPUS/$1"
	[ "$status" -eq 0 ] || { echo "$2: SPLIT_STRICT=1 tests/fuzz/bin/split-check tests/fuzz/corpus/split/$1"; echo "$output" | tail -20; return 1; }
}

@test "split, finding (fixed): clean after a line's first blanks, which its columns count" {
	strict known-blanks-before-cut "blanks before a cut: csvin_clean after a line's first blanks"
}

@test "split, finding (fixed): a block ending inside \"\" moves the line a quote never closed opened on" {
	strict known-quote-line-block "the line of a quote never closed: moved by a block end between the quotes of \"\""
}

@test "split, finding (fixed): a field closed and the next opened on one line: the quote's line is the first one's" {
	strict known-quote-line-field "the line of a quote never closed: the first field's, when the next opens on the line the first closes on"
}

@test "split: fuzz_split over its corpus, when clang built it (make fuzz)" {
	local h="$TOP/tests/fuzz/bin/fuzz_split"
	[ -x "$h" ] || skip "fuzz_split is not built (make fuzz builds it with clang)"
	[ "$h" -nt "$TOP/tests/fuzz/split.h" ] || skip "fuzz_split is older than tests/fuzz/split.h"
	run -0 "$h" -runs=0 "$CORPUS"
}
