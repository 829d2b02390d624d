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
