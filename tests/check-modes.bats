#!/usr/bin/env bats
# cchc-check --counts and --form on hostile input: tables of cases, each with
# its exact standard output, standard error and exit status.

load helper

# run_table: reads a table of cases on standard input and runs each in a
# directory of its own; every case must give exactly its stdout, stderr and
# status. A case:
#   === NAME
#   run: ARGS             cchc-check ARGS, in the case's directory
#   status: N
#   --- FILE              an input file, through printf %b (\xNN, \r, \c)
#   --- stdin             standard input, the same way (else /dev/null)
#   --- stdout            the output expected, as is ("--- stdout %b": through
#   --- stderr            the messages expected, as is     printf %b)
run_table() {
	local cases="$T/cases" c name f want got bad=0
	rm -rf "$cases"
	mkdir -p "$cases"
	awk -v dir="$cases" '
		/^=== / { n++; d = sprintf("%s/%03d", dir, n); system("mkdir -p " d "/in");
		          print substr($0, 5) > (d "/name"); close(d "/name"); out = ""; next }
		/^run: / { print substr($0, 6) > (d "/run"); close(d "/run"); next }
		/^status: / { print substr($0, 9) > (d "/status"); close(d "/status"); next }
		/^--- / { if (out != "") close(out); f = substr($0, 5);
		          if (f ~ / %b$/) { f = substr(f, 1, length(f) - 3); printf "" > (d "/" f ".b") }
		          out = (f == "stdout" || f == "stderr") ? d "/want." f : d "/in/" f;
		          printf "" > out; next }
		out != "" { print > out }
	'
	for c in "$cases"/*; do
		name=$(cat "$c/name")
		for f in stdout stderr; do
			[ -e "$c/want.$f" ] || : > "$c/want.$f"
			if [ -e "$c/$f.b" ]; then
				want=$(cat "$c/want.$f"; printf x)
				printf '%b' "${want%x}" > "$c/want.$f"
			fi
		done
		mkdir -p "$c/work"
		for f in "$c"/in/*; do
			[ -e "$f" ] || continue
			want=$(cat "$f"; printf x)
			printf '%b' "${want%x}" > "$c/work/${f##*/}"
		done
		[ -e "$c/work/stdin" ] || : > "$c/work/stdin"
		got=0
		(cd "$c/work" && eval "cchc-check $(cat "$c/run")" < stdin > ../got.stdout 2> ../got.stderr) || got=$?
		if [ "$got" != "$(cat "$c/status")" ] ||
		    ! cmp -s "$c/want.stdout" "$c/got.stdout" || ! cmp -s "$c/want.stderr" "$c/got.stderr"; then
			echo "case '$name': status $got, expected $(cat "$c/status")"
			diff -u "$c/want.stdout" "$c/got.stdout" | sed 's/^/    /'
			diff -u "$c/want.stderr" "$c/got.stderr" | sed 's/^/    /'
			bad=1
		fi
	done
	[ "$bad" -eq 0 ]
}

@test "counts: headers that cannot be read are exit 2, naming the file, line and character" {
	run_table <<'TABLE'
=== a quote never closed in the header (finding 01): the whole file was the header
run: --counts c.csv
status: 2
--- c.csv
cap,tiep_nhan,ky_truoc,"moi_tiep_nhan
xa,3,1,2
huyen,4,1,3
--- stderr
cchc-check: c.csv:1: malformed CSV in field 4: quote never closed: the field runs to the end of the file
cchc-check: 0 rows: 0 passed, 0 rejected
=== a stray quote in the header, after Vietnamese text: the character, not the byte
run: --counts c.csv
status: 2
--- c.csv
Cấp,tiep_nhan,ky_truoc,moi "tiep" nhan
xa,3,1,2
--- stderr
cchc-check: c.csv:1: malformed CSV at character 28: quote inside an unquoted field
cchc-check: 0 rows: 0 passed, 0 rejected
=== the second file's header is broken: the first file's rows stand, the run is exit 2
run: --counts a.csv b.csv
status: 2
--- a.csv
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
xa,3,1,2
--- b.csv
cap,tiep_nhan,ky_truoc,moi_tiep_nhan"
huyen,4,1,3
--- stdout
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
xa,3,1,2
--- stderr
cchc-check: b.csv:1: malformed CSV at character 37: quote inside an unquoted field
cchc-check: 1 rows: 1 passed, 0 rejected
=== a header that is not UTF-8 (Windows-1258)
run: --counts c.csv
status: 2
--- c.csv
C\xe1p,tiep_nhan
xa,3
--- stderr
cchc-check: c.csv:1: the header: not UTF-8; a legacy Vietnamese file converts with iconv -f CP1258 -t UTF-8 (or -f TCVN5712-1): "C\xe1p"
cchc-check: 0 rows: 0 passed, 0 rejected
=== a NUL byte in the header is no encoding to convert
run: --counts c.csv
status: 2
--- c.csv
cap\x00,tiep_nhan
xa,3
--- stderr
cchc-check: c.csv:1: the header: a NUL byte in a name: "cap\x00"
cchc-check: 0 rows: 0 passed, 0 rejected
=== one count in two columns
run: --counts c.csv
status: 2
--- c.csv
cap,tiep_nhan,Tiếp nhận
xa,3,3
--- stderr
cchc-check: c.csv:1: two columns are tiep_nhan: fields 2 and 3
cchc-check: 0 rows: 0 passed, 0 rejected
=== a later file with other columns, or the same in another order
run: --counts a.csv b.csv
status: 2
--- a.csv
cap,tiep_nhan,ky_truoc
xa,3,1
--- b.csv
cap,ky_truoc,tiep_nhan
xa,1,3
--- stdout
cap,tiep_nhan,ky_truoc
xa,3,1
--- stderr
cchc-check: b.csv:1: the header is not the first file's (the same columns in the same order); the header found: "cap,ky_truoc,tiep_nhan"
cchc-check: 1 rows: 1 passed, 0 rejected
=== a ;-delimited table read with commas
run: --counts c.csv
status: 2
--- c.csv
cap;tiep_nhan
xa;3
--- stderr
cchc-check: c.csv:1: not a count table: none of the columns of cchc-sum; the header found: "cap;tiep_nhan"
cchc-check: the header has no comma: is it delimited by ';' or a tab? try -d ';' or -d '\t'
cchc-check: 0 rows: 0 passed, 0 rejected
=== an empty file, and standard input named twice (read to its end the first time)
run: --counts e.csv - -
status: 2
--- e.csv
\c
--- stdin
cap,tiep_nhan
xa,3
--- stdout
cap,tiep_nhan
xa,3
--- stderr
cchc-check: e.csv: empty file: no header line
cchc-check: standard input: empty file: no header line
cchc-check: 1 rows: 1 passed, 0 rejected
=== a header alone is a table without rows
run: --counts c.csv
status: 0
--- c.csv
cap,tiep_nhan
--- stdout
cap,tiep_nhan
--- stderr
cchc-check: 0 rows: 0 passed, 0 rejected
TABLE
}

@test "counts: the total row is the sum of the groups above it, column by column" {
	run_table <<'TABLE'
=== cchc-sum -g cap,kenh --total: right
run: --counts c.csv
status: 0
--- c.csv
cap,kenh,tiep_nhan,ky_truoc,moi_tiep_nhan
huyen,,1,1,0
huyen,truc_tiep,2,1,1
xa,truc_tuyen,3,0,3
tong,,6,2,4
--- stdout
cap,kenh,tiep_nhan,ky_truoc,moi_tiep_nhan
huyen,,1,1,0
huyen,truc_tiep,2,1,1
xa,truc_tuyen,3,0,3
tong,,6,2,4
--- stderr
cchc-check: 4 rows: 4 passed, 0 rejected
=== a total that obeys the identities but is not the sum: which column, both sides, the line
run: --counts c.csv
status: 1
--- c.csv
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
huyen,2,1,1
xa,3,0,3
tong,7,2,5
--- stdout
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
huyen,2,1,1
xa,3,0,3
--- stderr
cchc-check: c.csv:4: tong: tiep_nhan = the sum of the 2 rows above: 7, but that sum is 5
cchc-check: c.csv:4: tong: ky_truoc = the sum of the 2 rows above: 2, but that sum is 1
cchc-check: c.csv:4: tong: moi_tiep_nhan = the sum of the 2 rows above: 5, but that sum is 4
cchc-check: 3 rows: 2 passed, 1 rejected
=== the groups' sum past 2^63-1 (finding 15 f's table with a total): said, never wrapped
run: --counts c.csv
status: 1
--- c.csv
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
x,9223372036854775807,9223372036854775806,1
y,3,1,2
tong,9223372036854775807,9223372036854775807,0
--- stdout
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
x,9223372036854775807,9223372036854775806,1
y,3,1,2
--- stderr
cchc-check: c.csv:4: tong: tiep_nhan = the sum of the 2 rows above: 9223372036854775807, but that sum is more than 9223372036854775807
cchc-check: c.csv:4: tong: moi_tiep_nhan = the sum of the 2 rows above: 0, but that sum is 3
cchc-check: 3 rows: 2 passed, 1 rejected
=== a group row that is not right still counts in the sum; a bad value leaves its column unchecked
run: --counts c.csv
status: 1
--- c.csv
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
huyen,2,1,9
xa,x,0,3
tong,0,1,12
--- stdout
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
--- stderr
cchc-check: c.csv:2: huyen: tiep_nhan = ky_truoc + moi_tiep_nhan: 2, but 1 + 9 = 10
cchc-check: c.csv:3: tiep_nhan: not a number: "x"
cchc-check: c.csv:4: tong: tiep_nhan = ky_truoc + moi_tiep_nhan: 0, but 1 + 12 = 13
cchc-check: 3 rows: 0 passed, 3 rejected
=== a row cut short above the total: its sums are unknown, not checked
run: --counts c.csv
status: 1
--- c.csv
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
huyen,2,1,1
xa,3,0
tong,9,1,8
--- stdout
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
huyen,2,1,1
tong,9,1,8
--- stderr
cchc-check: c.csv:3: expected 4 fields, found 3
cchc-check: 3 rows: 2 passed, 1 rejected
=== two tables one after the other (cat, or two FILEs): each total its own groups
run: --counts a.csv b.csv
status: 1
--- a.csv
cap,tiep_nhan
huyen,2
tong,2
cap,tiep_nhan
xa,3
tong,3
--- b.csv
cap,tiep_nhan
tinh,4
tong,5
--- stdout
cap,tiep_nhan
huyen,2
tong,2
xa,3
tong,3
tinh,4
--- stderr
cchc-check: b.csv:3: tong: tiep_nhan = the sum of the 1 rows above: 5, but that sum is 4
cchc-check: 6 rows: 5 passed, 1 rejected
=== no group column: no total row; a group named tong among others is a group
run: --counts a.csv b.csv
status: 0
--- a.csv
tiep_nhan,ky_truoc,moi_tiep_nhan
5,1,4
--- b.csv
tiep_nhan,ky_truoc,moi_tiep_nhan
7,1,6
--- stdout
tiep_nhan,ky_truoc,moi_tiep_nhan
5,1,4
7,1,6
--- stderr
cchc-check: 2 rows: 2 passed, 0 rejected
=== a total of nothing is 0
run: --counts c.csv
status: 1
--- c.csv
cap,kenh,tiep_nhan
tong,,1
--- stdout
cap,kenh,tiep_nhan
--- stderr
cchc-check: c.csv:2: tong: tiep_nhan = the sum of the 0 rows above: 1, but that sum is 0
cchc-check: 1 rows: 0 passed, 1 rejected
TABLE
}

@test "counts: values: each problem said once with its rows, in words, never a wrapped number" {
	run_table <<'TABLE'
=== the same bad value in many rows is said once, on its first line
run: --counts c.csv
status: 1
--- c.csv
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
xa,abc,0,0
huyen,abc,0,0
tinh,abc,0,0
x,-1,0,0
y,,0,0
z,99999999999999999999,0,0
w,"12,5",0,0
v,12 5,0,0
--- stdout
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
--- stderr
cchc-check: c.csv:2: tiep_nhan: not a number: "abc" (3 rows)
cchc-check: c.csv:5: tiep_nhan: a count cannot be negative: "-1"
cchc-check: c.csv:6: tiep_nhan: missing (a count of none is 0)
cchc-check: c.csv:7: tiep_nhan: a count past 9223372036854775807, the largest there can be: "99999999999999999999"
cchc-check: c.csv:8: tiep_nhan: a count has no fraction: "12,5"
cchc-check: c.csv:9: tiep_nhan: not a number: "12 5"
cchc-check: 8 rows: 0 passed, 8 rejected
=== an identity whose sum passes 2^63-1 (finding 15 f, counts-wrap.csv)
run: --counts c.csv
status: 1
--- c.csv
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
x,9223372036854775807,9223372036854775807,1
y,3,1,2
--- stdout
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
y,3,1,2
--- stderr
cchc-check: c.csv:2: x: tiep_nhan = ky_truoc + moi_tiep_nhan: 9223372036854775807, but 9223372036854775807 + 1 is more than 9223372036854775807
cchc-check: 2 rows: 1 passed, 1 rejected
=== English and Vietnamese number styles in one table, spaces, no-break spaces
run: --counts c.csv
status: 0
--- c.csv
cap,tiep_nhan,ky_truoc,moi_tiep_nhan,nop_truc_tuyen,nop_truc_tiep,nop_buu_chinh,ty_le_truc_tuyen
xa,"301.990",0,"301,990",290000,"11 990",0,"96,03%"
huyen,"1\xc2\xa0234",0,1.234,1234,0,0,100.0
tong,"303,224",0,303.224,"291.234",11990,0,96.05
--- stdout %b
cap,tiep_nhan,ky_truoc,moi_tiep_nhan,nop_truc_tuyen,nop_truc_tiep,nop_buu_chinh,ty_le_truc_tuyen
xa,301.990,0,"301,990",290000,11 990,0,"96,03%"
huyen,1\xc2\xa0234,0,1.234,1234,0,0,100.0
tong,"303,224",0,303.224,291.234,11990,0,96.05
--- stderr
cchc-check: 3 rows: 3 passed, 0 rejected
=== values that are not UTF-8 are never written out; a group's text stays whole in a message
run: --counts c.csv
status: 1
--- c.csv
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
S\xe1 Tu\xb4 ph\xb8p,3,1,2
Ủy ban nhân dân thành phố Quảng Ngãi và các phường xã trực thuộc thành phố,5,1,3
--- stdout
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
--- stderr
cchc-check: c.csv:2: cap: not UTF-8; a legacy Vietnamese file converts with iconv -f CP1258 -t UTF-8 (or -f TCVN5712-1): "S\xe1 Tu\xb4 ph\xb8p"
cchc-check: c.csv:3: Ủy ban nhân dân thành phố Quảng Ngãi và các phường xã trực thu...: tiep_nhan = ky_truoc + moi_tiep_nhan: 5, but 1 + 3 = 4
cchc-check: 2 rows: 0 passed, 2 rejected
=== syntax errors inside the table name their character; the rows after them are read
run: --counts c.csv
status: 1
--- c.csv
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
Đồng Nai "x",3,1,2
huyen,4,1,3
"xa,5,1,4
--- stdout
cap,tiep_nhan,ky_truoc,moi_tiep_nhan
huyen,4,1,3
--- stderr
cchc-check: c.csv:2: malformed CSV at character 10: quote inside an unquoted field
cchc-check: c.csv:4: malformed CSV in field 1: quote never closed: the field runs to the end of the file
cchc-check: 3 rows: 1 passed, 2 rejected
=== a BOM, CR LF and ; with -d: the output is plain CSV
run: --counts -d ';' c.csv
status: 0
--- c.csv
\xef\xbb\xbfCấp;tiep_nhan;ky_truoc;moi_tiep_nhan\r
Sở Tư pháp, Sở Y tế;3;1;2\r
tong;3;1;2\r
--- stdout
Cấp,tiep_nhan,ky_truoc,moi_tiep_nhan
"Sở Tư pháp, Sở Y tế",3,1,2
tong,3,1,2
--- stderr
cchc-check: 2 rows: 2 passed, 0 rejected
=== blank lines and ,,, rows are skipped and counted
run: --counts c.csv
status: 0
--- c.csv
cap,tiep_nhan

xa,3
,
--- stdout
cap,tiep_nhan
xa,3
--- stderr
cchc-check: 2 empty rows skipped (blank, or every field empty)
cchc-check: 1 rows: 1 passed, 0 rejected
TABLE
}

@test "counts: rates: checked to their precision, said when they cannot be" {
	run_table <<'TABLE'
=== a rate column without its counts is said not checked, and does not fail the table
run: --counts c.csv
status: 0
--- c.csv
cap,da_giai_quyet,gq_truoc_han,ty_le_dung_han,ty_le_truc_tuyen,ty_le_hai_long
xa,4,3,75,80,90
--- stdout
cap,da_giai_quyet,gq_truoc_han,ty_le_dung_han,ty_le_truc_tuyen,ty_le_hai_long
xa,4,3,75,80,90
--- stderr
cchc-check: c.csv:1: ty_le_hai_long: not checked: not a rate cchc-check knows (ty_le_dung_han, ty_le_truc_tuyen)
cchc-check: c.csv:1: ty_le_dung_han: not checked: the table has no gq_dung_han
cchc-check: c.csv:1: ty_le_truc_tuyen: not checked: the table has no nop_truc_tuyen, moi_tiep_nhan
cchc-check: 1 rows: 1 passed, 0 rejected
=== rates wrong, missing, of nothing, too precise, too large
run: --counts c.csv
status: 1
--- c.csv
cap,nop_truc_tuyen,moi_tiep_nhan,ty_le_truc_tuyen
a,1,3,33.33
b,1,3,-33.33
c,1,3,
d,0,0,0
e,0,0,
f,1,3,33.3333333333333333
g,1,3,33.333333333333333
h,9223372036854775807,9223372036854775806,9223372036854775807
i,1,3,"33,3%"
j,1,3,1/3
--- stdout
cap,nop_truc_tuyen,moi_tiep_nhan,ty_le_truc_tuyen
a,1,3,33.33
e,0,0,
g,1,3,33.333333333333333
i,1,3,"33,3%"
--- stderr
cchc-check: c.csv:3: b: ty_le_truc_tuyen = nop_truc_tuyen/moi_tiep_nhan: -33.33, but 1/3 = 33.33 to 2 decimals
cchc-check: c.csv:4: c: ty_le_truc_tuyen = nop_truc_tuyen/moi_tiep_nhan: missing for 1/3
cchc-check: c.csv:5: d: ty_le_truc_tuyen = nop_truc_tuyen/moi_tiep_nhan: a rate given for 0/0: "0"
cchc-check: c.csv:7: f: ty_le_truc_tuyen = nop_truc_tuyen/moi_tiep_nhan: 33.3333333333333333 cannot be checked for 1/3: more than 15 decimals
cchc-check: c.csv:9: h: ty_le_truc_tuyen = nop_truc_tuyen/moi_tiep_nhan: 9223372036854775807, but 9223372036854775807/9223372036854775806 = 100 to 0 decimals
cchc-check: c.csv:11: j: ty_le_truc_tuyen = nop_truc_tuyen/moi_tiep_nhan: not a number for 1/3: "1/3"
cchc-check: 10 rows: 4 passed, 6 rejected
=== a rate whose counts add up past 2^63-1
run: --counts c.csv
status: 1
--- c.csv
cap,gq_truoc_han,gq_dung_han,da_giai_quyet,ty_le_dung_han
x,9223372036854775807,1,5,100
--- stdout
cap,gq_truoc_han,gq_dung_han,da_giai_quyet,ty_le_dung_han
--- stderr
cchc-check: c.csv:2: x: ty_le_dung_han = gq_truoc_han+gq_dung_han/da_giai_quyet: not checked: the sum of its counts is more than 9223372036854775807
cchc-check: 1 rows: 0 passed, 1 rejected
TABLE
}

@test "form: headers that cannot be read are exit 2, naming the file, line and character" {
	run_table <<'TABLE'
=== a quote never closed in the annex's header
run: --form bm1 a.csv
status: 2
--- a.csv
stt,chi_tieu,don_vi,"so_lieu,ghi_chu
5,x,,,
--- stderr
cchc-check: a.csv:1: malformed CSV in field 4: quote never closed: the field runs to the end of the file
=== a stray quote in the annex's header
run: --form bm1 a.csv
status: 2
--- a.csv
stt,chỉ "tiêu",don_vi,so_lieu,ghi_chu
5,x,,,
--- stderr
cchc-check: a.csv:1: malformed CSV at character 9: quote inside an unquoted field
=== a stray quote in a form FILE's header
run: --form f.csv a.csv
status: 2
--- f.csv
stt,chi_tieu,don_vi,ng"uon,ghi_chu
a,a,,,
--- a.csv
stt,chi_tieu,don_vi,so_lieu,ghi_chu
a,a,,,
--- stderr
cchc-check: --form: f.csv:1: header: malformed CSV at character 23: quote inside an unquoted field
=== a quote never closed in a form FILE's header
run: --form f.csv a.csv
status: 2
--- f.csv
stt,chi_tieu,don_vi,"nguon,ghi_chu
a,a,,,
--- a.csv
stt,chi_tieu,don_vi,so_lieu,ghi_chu
a,a,,,
--- stderr
cchc-check: --form: f.csv:1: header: malformed CSV in field 4: quote never closed: the field runs to the end of the file
=== a form FILE that is not UTF-8
run: --form f.csv a.csv
status: 2
--- f.csv
stt,chi_tieu,don_vi,nguon,ghi_chu
a,S\xe1 h\xe1 s\xf5,,,
--- a.csv
stt,chi_tieu,don_vi,so_lieu,ghi_chu
a,a,,,
--- stderr
cchc-check: --form: f.csv:2: not UTF-8; a legacy Vietnamese file converts with iconv -f CP1258 -t UTF-8 (or -f TCVN5712-1)
=== an annex whose header is not UTF-8
run: --form bm1 a.csv
status: 2
--- a.csv
stt,ch\xec ti\xeau,don_vi,so_lieu,ghi_chu
5,x,,,
--- stderr
cchc-check: a.csv:1: the header: not UTF-8; a legacy Vietnamese file converts with iconv -f CP1258 -t UTF-8 (or -f TCVN5712-1): "ch\xec ti\xeau"
=== a second annex FILE with its columns in another order
run: --form f.csv a.csv b.csv
status: 2
--- f.csv
stt,chi_tieu,don_vi,nguon,ghi_chu
a,a,Hồ sơ,x,
b,b,Hồ sơ,y,
--- a.csv
stt,chi_tieu,don_vi,so_lieu,ghi_chu
a,a,Hồ sơ,1,
--- b.csv
stt,chi_tieu,so_lieu,don_vi,ghi_chu
b,b,2,Hồ sơ,
--- stdout
stt,chi_tieu,don_vi,so_lieu,ghi_chu
--- stderr
cchc-check: b.csv:1: the header is not the first file's (the same columns in the same order); the header found: "stt,chi_tieu,so_lieu,don_vi,ghi_chu"
=== two so_lieu columns
run: --form bm1 a.csv
status: 2
--- a.csv
stt,chi_tieu,don_vi,so_lieu,Số liệu
5,x,,,
--- stderr
cchc-check: a.csv:1: two columns are so_lieu: fields 4 and 5
=== an empty annex, and standard input named twice
run: --form f.csv - -
status: 2
--- f.csv
stt,chi_tieu,don_vi,nguon,ghi_chu
a,a,Hồ sơ,x,
--- stdin
stt,chi_tieu,don_vi,so_lieu,ghi_chu
a,a,Hồ sơ,1,
--- stdout
stt,chi_tieu,don_vi,so_lieu,ghi_chu
--- stderr
cchc-check: standard input: empty file: no header line
TABLE
}

@test "form: every message names the file and line of its row; what is written out is UTF-8" {
	run_table <<'TABLE'
=== two annex FILEs (finding 15 b): each problem at its own file's name
run: --form f.csv a.csv b.csv
status: 1
--- f.csv
stt,chi_tieu,don_vi,nguon,ghi_chu
1,Tổng,Hồ sơ,=1.1+1.2,
1.1,a,Hồ sơ,x,
1.2,b,Hồ sơ,y,
2,Tỷ lệ,%,=1.1/1,
--- a.csv
stt,chi_tieu,don_vi,so_lieu,ghi_chu
1,Tổng,Hồ sơ,9,
1.1,a,Hồ sơ,2,
--- b.csv
stt,chi_tieu,don_vi,so_lieu,ghi_chu
1.2,b,Hồ sơ,5,
2,Tỷ lệ,%,"28,6%",
1.1,a,Hồ sơ,2,
--- stdout
stt,chi_tieu,don_vi,so_lieu,ghi_chu
1.1,a,Hồ sơ,2,
1.2,b,Hồ sơ,5,
--- stderr
1.1: given twice (first at a.csv:3) (b.csv:4)
1: 9 is not 1.1+1.2 = 2+5 = 7 (a.csv:2)
2: 28.6% is not 1.1/1 = 2/9 = 22.2% (to 1 decimal, as printed) (b.csv:3)
cchc-check: 5 rows: 2 passed, 3 rejected
=== a row not UTF-8 in any column is rejected with the advice, never written out
run: --form f.csv a.csv
status: 1
--- f.csv
stt,chi_tieu,don_vi,nguon,ghi_chu
a,a,Hồ sơ,x,
b,b,Hồ sơ,y,
c,c,Hồ sơ,z,
--- a.csv
stt,chi_tieu,don_vi,so_lieu,ghi_chu
a,S\xe1 h\xe1 s\xf5,Hồ sơ,1,
b,b,Hồ sơ,2,ghi ch\xfa x
c\x00,c,Hồ sơ,3,
--- stdout
stt,chi_tieu,don_vi,so_lieu,ghi_chu
--- stderr
a: chi_tieu: not UTF-8; a legacy Vietnamese file converts with iconv -f CP1258 -t UTF-8 (or -f TCVN5712-1): "S\xe1 h\xe1 s\xf5" (a.csv:2)
b: ghi_chu: not UTF-8; a legacy Vietnamese file converts with iconv -f CP1258 -t UTF-8 (or -f TCVN5712-1): "ghi ch\xfa x" (a.csv:3)
?: stt: a NUL byte in the value: "c\x00" (a.csv:4)
a: missing from the annex (form f.csv)
b: missing from the annex (form f.csv)
c: missing from the annex (form f.csv)
cchc-check: 3 rows: 0 passed, 3 rejected
=== rows cut short, too long, without stt, broken by a quote
run: --form f.csv a.csv
status: 1
--- f.csv
stt,chi_tieu,don_vi,nguon,ghi_chu
a,a,Hồ sơ,x,
b,b,Hồ sơ,y,
c,c,Hồ sơ,z,
--- a.csv
stt,chi_tieu,don_vi,so_lieu,ghi_chu
a,a,Hồ sơ,1
b,b,Hồ sơ,2,,
,Người lập biểu,,1,
c,Số "hồ sơ",Hồ sơ,3,
--- stdout
stt,chi_tieu,don_vi,so_lieu,ghi_chu
--- stderr
a: expected 5 fields, found 4 (a.csv:2)
b: expected 5 fields, found 6 (a.csv:3)
?: a row without stt (a.csv:4)
c: malformed CSV at character 6: quote inside an unquoted field (a.csv:5)
a: missing from the annex (form f.csv)
b: missing from the annex (form f.csv)
c: missing from the annex (form f.csv)
cchc-check: 4 rows: 0 passed, 4 rejected
TABLE
}

@test "form: figures: in words, compared as numbers, never a wrapped sum" {
	run_table <<'TABLE'
=== counts that are not counts
run: --form f.csv a.csv
status: 1
--- f.csv
stt,chi_tieu,don_vi,nguon,ghi_chu
a,a,Hồ sơ,x,
b,b,Hồ sơ,y,
c,c,Hồ sơ,z,
d,d,%,w,
--- a.csv
stt,chi_tieu,don_vi,so_lieu,ghi_chu
a,a,Hồ sơ,-3,
b,b,Hồ sơ,99999999999999999999,
c,c,Hồ sơ,"1.234,5",
d,d,%,1234567890123456789012,
--- stdout
stt,chi_tieu,don_vi,so_lieu,ghi_chu
--- stderr
a: so_lieu "-3": a count cannot be negative (unit: Hồ sơ) (a.csv:2)
b: so_lieu "99999999999999999999": a count past 9223372036854775807, the largest there can be (unit: Hồ sơ) (a.csv:3)
c: so_lieu "1.234,5": a count has no fraction (unit: Hồ sơ) (a.csv:4)
d: so_lieu "1234567890123456789012": too many digits to hold exactly (unit: %) (a.csv:5)
cchc-check: 4 rows: 0 passed, 4 rejected
=== a sum of rates at other precisions; a sum and a rate past 2^63-1; a rate to 16 decimals
run: --form f.csv a.csv
status: 1
--- f.csv
stt,chi_tieu,don_vi,nguon,ghi_chu
s,s,%,=p+q,
p,p,%,x,
q,q,%,y,
t,t,Hồ sơ,=a+b,
r,r,%,=b/a,
u,u,%,=c/b,
a,a,Hồ sơ,z,
b,b,Hồ sơ,w,
c,c,Hồ sơ,v,
--- a.csv
stt,chi_tieu,don_vi,so_lieu,ghi_chu
s,s,%,25,
p,p,%,"12,5",
q,q,%,12.50,
t,t,Hồ sơ,1,
r,r,%,50,
u,u,%,12.5000000000000000,
a,a,Hồ sơ,9223372036854775807,
b,b,Hồ sơ,8,
c,c,Hồ sơ,1,
--- stdout
stt,chi_tieu,don_vi,so_lieu,ghi_chu
s,s,%,25,
p,p,%,"12,5",
q,q,%,12.50,
a,a,Hồ sơ,9223372036854775807,
b,b,Hồ sơ,8,
c,c,Hồ sơ,1,
--- stderr
t: 1 cannot be checked: a+b = 9223372036854775807+8 is too large to add up exactly (a.csv:5)
r: 50% is not b/a = 8/9223372036854775807 = 0% (to 0 decimals, as printed) (a.csv:6)
u: 12.5000000000000000% cannot be checked against c/b = 1/8: more than 15 decimals (a.csv:7)
cchc-check: 9 rows: 6 passed, 3 rejected
=== a BOM and CR LF; the header alone: every row missing
run: --form f.csv a.csv
status: 1
--- f.csv
stt,chi_tieu,don_vi,nguon,ghi_chu
a,a,Hồ sơ,x,
b,b,Hồ sơ,y,
--- a.csv
\xef\xbb\xbfSTT,Chỉ tiêu,Đơn vị,Số liệu,Ghi chú\r
--- stdout
STT,Chỉ tiêu,Đơn vị,Số liệu,Ghi chú
--- stderr
a: missing from the annex (form f.csv)
b: missing from the annex (form f.csv)
cchc-check: 0 rows: 0 passed, 0 rejected
TABLE
}

@test "counts and form: a full disk is exit 2; a closed pipe is never status 0" {
	# a device: as root, a tool that renames a file over its output's name
	# can leave /dev/full a regular file
	[ -c /dev/full ] || skip "/dev/full is not the device"
	printf 'cap,tiep_nhan\nxa,3\n' > "$T/c.csv"
	run --separate-stderr sh -c "cchc-check --counts '$T/c.csv' > /dev/full"
	assert_failure 2
	assert_equal "$stderr" "cchc-check: write error on standard output: No space left on device"
	run --separate-stderr sh -c "cchc-check --form bm3 '$DATA/seed-bm3.csv' > /dev/full"
	assert_failure 2
	[ "$(printf '%s\n' "$stderr" | tail -n 1)" = "cchc-check: write error on standard output: No space left on device" ]
	{ echo "cap,tiep_nhan"; seq 1 300000 | sed 's/^/g/; s/$/,1/'; } > "$T/big.csv"
	run bash -c "cchc-check --counts '$T/big.csv' 2>'$T/err' | head -n 1; echo \${PIPESTATUS[0]}"
	assert_output $'cap,tiep_nhan\n141'
	[ ! -s "$T/err" ]
}
