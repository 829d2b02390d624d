#!/usr/bin/env bats
# cchc-rate: exact percentages, rounding at the half, usage errors that point.

load helper

@test "rate: the seed's rates, exactly: 29632/29781 is 99.50, never 99.49" {
	printf 'cap,dung,tong\ntinh,123683,123747\nhuyen,29632,29781\nxa,298921,301390\n' > "$T/r.csv"
	run --separate-stderr cchc-rate r=dung/tong "$T/r.csv"
	assert_success
	assert_output $'cap,dung,tong,r\ntinh,123683,123747,99.95\nhuyen,29632,29781,99.50\nxa,298921,301390,99.18'
	assert_equal "$stderr" ""
}

# Values exactly at the half: 1/8 = 12.5%, 1/16 = 6.25%, 1/40 = 2.5%, 1/800 = 0.125%,
# 1/1600 = 0.0625%, 3/8 = 37.5%; rounded half away from zero.
@test "rate: rounding at the half (x.xx5) goes away from zero, at every -p" {
	printf 'a,b\n1,8\n1,16\n1,40\n1,800\n1,1600\n3,8\n2,3\n' > "$T/h.csv"
	run cchc-rate -p 0 r=a/b "$T/h.csv"
	assert_output $'a,b,r\n1,8,13\n1,16,6\n1,40,3\n1,800,0\n1,1600,0\n3,8,38\n2,3,67'
	run cchc-rate -p 1 r=a/b "$T/h.csv"
	assert_output $'a,b,r\n1,8,12.5\n1,16,6.3\n1,40,2.5\n1,800,0.1\n1,1600,0.1\n3,8,37.5\n2,3,66.7'
	run cchc-rate r=a/b "$T/h.csv"
	assert_output $'a,b,r\n1,8,12.50\n1,16,6.25\n1,40,2.50\n1,800,0.13\n1,1600,0.06\n3,8,37.50\n2,3,66.67'
	run cchc-rate -p 3 r=a/b "$T/h.csv"
	assert_output $'a,b,r\n1,8,12.500\n1,16,6.250\n1,40,2.500\n1,800,0.125\n1,1600,0.063\n3,8,37.500\n2,3,66.667'
}

@test "rate: sums of columns, several rates, a zero denominator gives an empty field" {
	printf 'k,x,y,z\na,1,2,6\nb,0,0,0\n' > "$T/s.csv"
	run --separate-stderr cchc-rate 'p=x+y/z' 'q=x/y+z' "$T/s.csv"
	assert_success
	assert_output $'k,x,y,z,p,q\na,1,2,6,50.00,12.50\nb,0,0,0,,'
}

@test "rate: no NAME=EXPR: the standard rates whose columns are present" {
	run --separate-stderr sh -c "cchc-sum --period 2024 -g cap --total '$DATA/sum-hand.csv' 2>/dev/null | cchc-rate"
	assert_success
	assert_line --index 0 --partial ",dang_qua_han,ty_le_dung_han,ty_le_truc_tuyen"
	assert_line --index 2 "tinh,6,0,6,3,2,1,6,1,3,2,0,0,0,66.67,50.00"
	assert_line --index 4 "tong,14,2,12,7,4,1,9,4,3,2,5,3,2,77.78,58.33"
	printf 'cap,nop_truc_tuyen,moi_tiep_nhan\nxa,3,4\n' > "$T/o.csv"
	run cchc-rate "$T/o.csv"
	assert_output $'cap,nop_truc_tuyen,moi_tiep_nhan,ty_le_truc_tuyen\nxa,3,4,75.00'
	printf 'cap,x\nxa,3\n' > "$T/n.csv"
	run --separate-stderr cchc-rate "$T/n.csv"
	assert_failure 2
	[[ "$stderr" == *"no standard rate can be computed"* ]]
}

@test "rate: a non-numeric operand is reported with line and column; the row keeps an empty rate" {
	printf 'k,a,b\nx,1,2\ny,abc,2\nz,1.5,2\n' > "$T/b.csv"
	run --separate-stderr cchc-rate r=a/b "$T/b.csv"
	assert_failure 1
	assert_output $'k,a,b,r\nx,1,2,50.00\ny,abc,2,\nz,1.5,2,'
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-rate: b.csv:3: a: not a number (for r): "abc"
cchc-rate: b.csv:4: a: a count has no fraction (for r): "1.5"
ERR
}

@test "rate: a malformed expression is a usage error pointing at the mistake" {
	run --separate-stderr cchc-rate 'r=a+/b'
	assert_failure 2
	assert_equal "$stderr" "cchc-rate: r=a+/b: a name is missing before this
  r=a+/b
      ^"
	run --separate-stderr cchc-rate 'r=a/b/c'
	assert_failure 2
	[[ "$stderr" == *"a second '/': a rate has one"* ]]
	run --separate-stderr cchc-rate 'r=a+b'
	assert_failure 2
	[[ "$stderr" == *"a rate needs '/'"* ]]
	run --separate-stderr cchc-rate '=a/b'
	assert_failure 2
	run --separate-stderr cchc-rate 'r=a*2/b'
	assert_failure 2
	[[ "$stderr" == *"only names, '+' and one '/' may be used"* ]]
	run --separate-stderr cchc-rate -p 16 r=a/b
	assert_failure 2
	printf 'a,b\n1,2\n' > "$T/x.csv"
	run --separate-stderr cchc-rate r=a/nope "$T/x.csv"
	assert_failure 2
	[[ "$stderr" == *'x.csv:1: r=a/nope: no column "nope"'* ]]
	run --separate-stderr cchc-rate a=a/b "$T/x.csv"
	assert_failure 2
	[[ "$stderr" == *"the table has a column a already"* ]]
}

@test "rate: /dev/full, --help, --version" {
	[ -w /dev/full ] || skip "no /dev/full"
	printf 'a,b\n1,2\n' > "$T/x.csv"
	run --separate-stderr sh -c "cchc-rate r=a/b '$T/x.csv' > /dev/full"
	assert_failure 2
	[[ "$stderr" == *"write error on standard output: No space left on device"* ]]
	run cchc-rate --help
	assert_line --index 0 "usage: cchc-rate [-p DIGITS] [NAME=EXPR]... [FILE]..."
	run cchc-rate --version
	assert_output --regexp '^cchc-rate [0-9.]+$'
}
