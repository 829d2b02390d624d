#!/usr/bin/env bats
# The man pages: no lint warnings, and usage() mirrors each SYNOPSIS.

load helper

@test "man: every page lints clean with mandoc" {
	for m in "$TOP"/man/*.[17]; do
		run mandoc -Tlint -Wwarning "$m"
		assert_output ""
	done
}

@test "man: every tool has a page, and cchc.7 names it" {
	for t in "$TOP"/bin/cchc-*; do
		name=$(basename "$t")
		[ -f "$TOP/man/$name.1" ]
		grep -q "^\.BR $name (1)" "$TOP/man/cchc.7"
	done
}

@test "man: the usage line of --help is the SYNOPSIS of the man page" {
	for t in "$TOP"/bin/cchc-*; do
		name=$(basename "$t")
		# the usage lines: "usage: FORM", then "       FORM" for each other form
		usage=$("$t" --help | sed -n '1s/^usage: //p;2,/^$/s/^       \(cchc\)/\1/p' | tr '\n' ' ' | sed 's/ $//')
		synopsis=$(mandoc -Tascii "$TOP/man/$name.1" | sed "s/.\x08//g" |
			sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d' | tr -s ' \n' '  ' | sed 's/^ //;s/ $//')
		[ "$usage" = "$synopsis" ] || { echo "usage:    $usage"; echo "synopsis: $synopsis"; return 1; }
	done
}
