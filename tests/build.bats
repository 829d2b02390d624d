#!/usr/bin/env bats
# The build: install puts programs and man pages where PREFIX and DESTDIR say.

load helper

@test "build: make install PREFIX DESTDIR installs programs and man pages" {
	run make -C "$TOP" install PREFIX=/usr DESTDIR="$T/root"
	assert_success
	for t in "$TOP"/bin/cchc-*; do
		[ -x "$T/root/usr/bin/$(basename "$t")" ]
		[ -f "$T/root/usr/share/man/man1/$(basename "$t").1" ]
	done
	[ -f "$T/root/usr/share/man/man7/cchc.7" ]
	run "$T/root/usr/bin/cchc-check" --version
	assert_success
}

@test "options: a bad number or delimiter is exit 2 and one line saying which" {
	# tool|arguments|the message
	while IFS='|' read -r tool args want; do
		run --separate-stderr $tool $args < /dev/null
		[ "$status" -eq 2 ] || { echo "$tool $args: exit $status"; return 1; }
		[ -z "$output" ] || { echo "$tool $args: output $output"; return 1; }
		[ "$stderr" = "$want" ] || { echo "$tool $args: $stderr"; return 1; }
	done <<'EOF_CASES'
cchc-check|-d ;;|cchc-check: -d: not a delimiter: ";;" (one byte, or '\t')
cchc-sum|-d ab --period 2024|cchc-sum: -d: not a delimiter: "ab" (one byte, or '\t')
cchc-rate|-d "|cchc-rate: -d: not a delimiter: """ (one byte, or '\t')
cchc-table|-d x,y --form bm3|cchc-table: -d: not a delimiter: "x,y" (one byte, or '\t')
cchc-sum|-j 0 --period 2024|cchc-sum: -j: "0" is not a number of threads from 1 to 64
cchc-sum|-j 65 --period 2024|cchc-sum: -j: "65" is not a number of threads from 1 to 64
cchc-sum|-j 2x --period 2024|cchc-sum: -j: "2x" is not a number of threads from 1 to 64
cchc-sum|-j 99999999999999999999 --period 2024|cchc-sum: -j: "99999999999999999999" is not a number of threads from 1 to 64
cchc-rate|-p 16|cchc-rate: -p: "16" is not a number of decimals from 0 to 15
cchc-rate|-p -1|cchc-rate: -p: "-1" is not a number of decimals from 0 to 15
cchc-table|-k 0 --form bm3|cchc-table: -k: "0" is not a number of key columns from 1 to 64
EOF_CASES
}
