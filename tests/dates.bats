#!/usr/bin/env bats
# The date-times of real exports, through cchc-check: Excel serials, SA/CH and
# AM/PM, fractions of a second, offsets, blanks. Each table row is a value
# (printf %b escapes: \t, \xc2\xa0 a no-break space, \xe2\x80\xaf a narrow one)
# and what cchc-check writes for it, or the reason it gives.

load helper

HDR="ma_ho_so,cap,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_tra_ket_qua"

# A CSV field: quoted when it holds a comma or a quote.
field() {
	case $1 in
	*[,\"]*) printf '"%s"' "${1//\"/\"\"}" ;;
	*) printf '%s' "$1" ;;
	esac
}

# The table (value|expected) on stdin: $T/d.csv holds one row per value, in
# ngay_tiep_nhan; $T/want.out the output cchc-check must write for the rows
# whose expected is a date, $T/want.err the messages for the others (the
# line is the row's), then the summary.
make_table() {
	local value want i=1 pass=0 fail=0
	echo "$HDR" > "$T/d.csv"
	echo "$HDR" > "$T/want.out"
	: > "$T/want.err"
	while IFS='|' read -r value want; do
		[ -n "$value" ] || continue
		value=$(printf '%b' "$value")
		i=$((i + 1))
		printf 'D%d,tinh,1,%s,,\n' "$i" "$(field "$value")" >> "$T/d.csv"
		case $want in
		[0-9][0-9][0-9][0-9]-*)
			printf 'D%d,tinh,truc_tiep,%s,,\n' "$i" "$want" >> "$T/want.out"
			pass=$((pass + 1)) ;;
		*)
			printf 'cchc-check: d.csv:%d: ngay_tiep_nhan: %s: "%s"\n' "$i" "$want" "$value" >> "$T/want.err"
			fail=$((fail + 1)) ;;
		esac
	done
	if [ "$fail" -gt 0 ]; then
		printf 'cchc-check: %d rows: %d passed, %d rejected (%d bad ngay_tiep_nhan)\n' \
		    $((pass + fail)) "$pass" "$fail" "$fail" >> "$T/want.err"
	else
		printf 'cchc-check: %d rows: %d passed, %d rejected\n' $((pass + fail)) "$pass" "$fail" >> "$T/want.err"
	fi
}

@test "dates: Excel serials (1900 system), with a fraction after a point or a comma" {
	make_table <<'TABLE'
45503|2024-07-30
45503.5251967593|2024-07-30T12:36:17
45503,5251967593|2024-07-30T12:36:17
45503.5|2024-07-30T12:00:00
45503,25|2024-07-30T06:00:00
45503.0|2024-07-30T00:00:00
45503.99999|2024-07-30T23:59:59
45503.99999999|2024-07-31T00:00:00
45503.000005787037|2024-07-30T00:00:00
45503.000005787038|2024-07-30T00:00:01
45292.3440625|2024-01-01T08:15:27
61|a spreadsheet serial, but not of a day from 2000 to 2099 (36526 to 73050)
367|a spreadsheet serial, but not of a day from 2000 to 2099 (36526 to 73050)
36525|a spreadsheet serial, but not of a day from 2000 to 2099 (36526 to 73050)
36526|2000-01-01
45351|2024-02-29
73050|2099-12-31
73050.9999|2099-12-31T23:59:51
0036526|2000-01-01
TABLE
	run --separate-stderr cchc-check "$T/d.csv"
	assert_failure 1
	diff -u "$T/want.out" <(printf '%s\n' "$output")
	# 61 is 1900-03-01, 367 1901-01-01: real days, but not of the years a serial
	# may give (a count in a total row is no day)
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: d.csv:13: ngay_tiep_nhan: a spreadsheet serial, but not of a day from 2000 to 2099 (36526 to 73050): "61"
cchc-check: d.csv:14: ngay_tiep_nhan: a spreadsheet serial, but not of a day from 2000 to 2099 (36526 to 73050): "367"
cchc-check: d.csv:15: ngay_tiep_nhan: a spreadsheet serial, but not of a day from 2000 to 2099 (36526 to 73050): "36525"
cchc-check: 19 rows: 16 passed, 3 rejected (3 bad ngay_tiep_nhan)
ERR
}

@test "dates: SA/CH and AM/PM after the time, the time before or after the date" {
	make_table <<'TABLE'
03/01/2024 8:15 SA|2024-01-03T08:15
03/01/2024 2:15 CH|2024-01-03T14:15
03/01/2024 12:05 SA|2024-01-03T00:05
03/01/2024 12:05 CH|2024-01-03T12:05
03/01/2024 0:05 SA|2024-01-03T00:05
03/01/2024 11:59:59 CH|2024-01-03T23:59:59
03/01/2024 8:15 sa|2024-01-03T08:15
03/01/2024 2:15 ch|2024-01-03T14:15
03/01/2024 8:15SA|2024-01-03T08:15
03/01/2024 2:15CH|2024-01-03T14:15
3/1/2024 8:15 AM|2024-01-03T08:15
3/1/2024 8:15 PM|2024-01-03T20:15
3/1/2024 8:15 am|2024-01-03T08:15
3/1/2024 8:15 pm|2024-01-03T20:15
3/1/2024 8:15PM|2024-01-03T20:15
3/1/2024 8:15 a.m.|2024-01-03T08:15
3/1/2024 8:15 p.m.|2024-01-03T20:15
3/1/2024 8:15 P.M|2024-01-03T20:15
3/1/2024 8:15 pm.|2024-01-03T20:15
2024-01-03 08:15:09 CH|2024-01-03T20:15:09
08:15 SA 03/01/2024|2024-01-03T08:15
2:15 CH 03/01/2024|2024-01-03T14:15
2:15CH 03/01/2024|2024-01-03T14:15
12:05 SA 03/01/2024|2024-01-03T00:05
2:15:09 PM 2024-01-03|2024-01-03T14:15:09
03/01/2024 8:15\xc2\xa0SA|2024-01-03T08:15
03/01/2024 8:15\xe2\x80\xafCH|2024-01-03T20:15
03/01/2024 8:15\tPM|2024-01-03T20:15
03/01/2024 8:15  SA|2024-01-03T08:15
TABLE
	run --separate-stderr cchc-check "$T/d.csv"
	assert_success
	diff -u "$T/want.out" <(printf '%s\n' "$output")
	[ "$stderr" = "cchc-check: 29 rows: 29 passed, 0 rejected" ]
}

@test "dates: fractions of a second of any length, after a point or a comma, are dropped" {
	make_table <<'TABLE'
03/01/2024 08:15:00.1234567|2024-01-03T08:15:00
03/01/2024 08:15:00,123|2024-01-03T08:15:00
03/01/2024 08:15:59.999999999|2024-01-03T08:15:59
03/01/2024 23:59:59.9|2024-01-03T23:59:59
2024-01-03T08:15:09.5|2024-01-03T08:15:09
08:15:09,5 03/01/2024|2024-01-03T08:15:09
03/01/2024 8:15:09.123 CH|2024-01-03T20:15:09
TABLE
	run --separate-stderr cchc-check "$T/d.csv"
	assert_success
	diff -u "$T/want.out" <(printf '%s\n' "$output")
	[ "$stderr" = "cchc-check: 7 rows: 7 passed, 0 rejected" ]
}

@test "dates: offsets after the time are converted to Vietnam time (UTC+7), the day with it" {
	make_table <<'TABLE'
2024-01-03T01:15:00Z|2024-01-03T08:15:00
2024-01-03T01:15:00z|2024-01-03T08:15:00
2024-01-03 01:15:00Z|2024-01-03T08:15:00
2024-01-03 01:15:00 Z|2024-01-03T08:15:00
2024-01-03T08:15:00+07:00|2024-01-03T08:15:00
2024-01-03T08:15:00+0700|2024-01-03T08:15:00
2024-01-03T08:15:00+07|2024-01-03T08:15:00
2024-01-03T08:15+07:00|2024-01-03T08:15
2024-01-03T08:15:00.123+07:00|2024-01-03T08:15:00
03/01/2024 08:15 +07:00|2024-01-03T08:15
2024-01-02T20:15:00-05:00|2024-01-03T08:15:00
2024-01-03T18:00:00Z|2024-01-04T01:00:00
2024-01-31T18:00:00Z|2024-02-01T01:00:00
2024-02-28T17:00:00Z|2024-02-29T00:00:00
2023-12-31T17:00:00Z|2024-01-01T00:00:00
2024-12-31T20:15:00-05:00|2025-01-01T08:15:00
2024-01-01T03:15:00+14:00|2023-12-31T20:15:00
2024-03-01T05:00:00+12:45|2024-02-29T23:15:00
2024-01-03T08:15:00+05:30|2024-01-03T09:45:00
03/01/2024 8:15 CH Z|2024-01-04T03:15
03/01/2024 8:15 PM -05:00|2024-01-04T08:15
03/01/2024\xc2\xa001:15:00\xc2\xa0+00:00|2024-01-03T08:15:00
TABLE
	run --separate-stderr cchc-check "$T/d.csv"
	assert_success
	diff -u "$T/want.out" <(printf '%s\n' "$output")
	[ "$stderr" = "cchc-check: 22 rows: 22 passed, 0 rejected" ]
}

@test "dates: blanks between date and time: spaces, tabs, no-break spaces (U+00A0, U+202F)" {
	make_table <<'TABLE'
03/01/2024\t08:15|2024-01-03T08:15
03/01/2024\xc2\xa008:15|2024-01-03T08:15
03/01/2024\xe2\x80\xaf08:15|2024-01-03T08:15
03/01/2024 \xc2\xa0\t 08:15:09|2024-01-03T08:15:09
08:15\xc2\xa003/01/2024|2024-01-03T08:15
08:15 SA\xe2\x80\xaf03/01/2024|2024-01-03T08:15
\xc2\xa003/01/2024 08:15\xe2\x80\xaf|2024-01-03T08:15
\xe2\x80\xaf45503.5\xc2\xa0|2024-07-30T12:00:00
TABLE
	run --separate-stderr cchc-check "$T/d.csv"
	assert_success
	diff -u "$T/want.out" <(printf '%s\n' "$output")
	[ "$stderr" = "cchc-check: 8 rows: 8 passed, 0 rejected" ]
}

@test "dates: what is no date-time is rejected with its reason" {
	make_table <<'TABLE'
03/01/2024 13:15 CH|no such time of day
03/01/2024 13:15 PM|no such time of day
03/01/2024 0:15 CH|no such time of day
13:15 SA 03/01/2024|no such time of day
03/01/2024 25:00|no such time of day
03/01/2024 08:60 SA|no such time of day
03/01/2024 08:15:60|no such time of day
59|a spreadsheet serial, but not of a day from 2000 to 2099 (36526 to 73050)
60|a spreadsheet serial, but not of a day from 2000 to 2099 (36526 to 73050)
366.5|a spreadsheet serial, but not of a day from 2000 to 2099 (36526 to 73050)
0|a spreadsheet serial, but not of a day from 2000 to 2099 (36526 to 73050)
73051|a spreadsheet serial, but not of a day from 2000 to 2099 (36526 to 73050)
73050.99999999|a spreadsheet serial, but not of a day from 2000 to 2099 (36526 to 73050)
9999999|a spreadsheet serial, but not of a day from 2000 to 2099 (36526 to 73050)
2024-01-03Z|a time zone offset without a time of day
2024-01-03+07:00|a time zone offset without a time of day
2024-01-03-05:00|a time zone offset without a time of day
03/01/2024 +07:00|a time zone offset without a time of day
03/01/2024\xc2\xa0Z|a time zone offset without a time of day
2024-01-03T08:15+15:00|no such time zone offset
2024-01-03T08:15+07:60|no such time zone offset
2024-01-03T08:15-14:30|no such time zone offset
9999-12-31T23:00-05:00|no such day
31/02/2024 08:15 SA|no such day
12/25/2024 2:15 CH|no such day (it is one read month first: --date-order mdy?)
45503000|no such day
455030000|not a date
12345678.5|not a date
45503.|not a date
45503.5.5|not a date
.5|not a date
45503 12:00|not a date
03/01/2024 08:15 S|not a date
03/01/2024 08:15 SAx|not a date
03/01/2024 08:15 SA CH|not a date
08:15 SA03/01/2024|not a date
03/01/2024 SA|not a date
03/01/2024 08:15 Z SA|not a date
03/01/2024 08:15 +7|not a date
03/01/2024 08:15 +07:0|not a date
03/01/2024 08:15:00.|not a date
03/01/2024 08:15.5|not a date
2024-01-03T|not a date
2024-01-03T 08:15|not a date
2024-01-03 T08:15|not a date
2024-01-03TZ|not a date
TABLE
	run --separate-stderr cchc-check "$T/d.csv"
	assert_failure 1
	assert_output "$HDR"
	diff -u "$T/want.err" <(printf '%s\n' "$stderr" | sed "s|$T/||")
}

@test "dates: the same instant in every form gives the same line (round trip)" {
	local i=0 v
	{
		echo "$HDR"
		for v in "30/07/2024 12:36:17" "30/7/2024 12:36:17" "30-07-2024 12:36:17" \
		    "30.07.2024 12:36:17" "2024-07-30 12:36:17" "2024/07/30 12:36:17" \
		    "2024.07.30 12:36:17" "2024-07-30T12:36:17" "12:36:17 30/07/2024" \
		    "20240730123617" "45503.5251967593" "45503,5251967593" \
		    "30/07/2024 12:36:17 CH" "30/07/2024 12:36:17 PM" "30/07/2024 12:36:17 p.m." \
		    "12:36:17 CH 30/07/2024" "12:36:17.5 PM 30/07/2024" \
		    "30/07/2024 12:36:17.999" "30/07/2024 12:36:17,1234567" \
		    "2024-07-30T05:36:17Z" "2024-07-30T05:36:17.987Z" "2024-07-30 05:36:17 +00:00" \
		    "2024-07-30T12:36:17+07:00" "2024-07-30T12:36:17+0700" "2024-07-30T12:36:17+07" \
		    "2024-07-30T01:36:17-04:00" "2024-07-29T22:36:17-07:00" "2024-07-30T14:36:17+09:00" \
		    "30/07/2024 12:36:17 CH +07:00" \
		    $'30/07/2024\t12:36:17' $'30/07/2024\xc2\xa012:36:17' $'30/07/2024\xe2\x80\xaf12:36:17 CH'; do
			i=$((i + 1))
			printf 'R%d,tinh,1,%s,%s,%s\n' $i "$(field "$v")" "$(field "$v")" "$(field "$v")"
		done
	} > "$T/r.csv"
	run --separate-stderr cchc-check "$T/r.csv"
	assert_success
	[ "$stderr" = "cchc-check: 32 rows: 32 passed, 0 rejected" ]
	[ "$(printf '%s\n' "$output" | sed 1d | wc -l)" -eq 32 ]
	run sh -c "printf '%s\n' \"\$1\" | sed 1d | cut -d, -f2- | sort -u" sh "$output"
	assert_output "tinh,truc_tiep,2024-07-30T12:36:17,2024-07-30T12:36:17,2024-07-30T12:36:17"
	# and cchc-check reads its own output back to itself
	cchc-check "$T/r.csv" 2>/dev/null > "$T/once.csv"
	run --separate-stderr cchc-check "$T/once.csv"
	assert_success
	diff -u "$T/once.csv" <(printf '%s\n' "$output")
	# a day alone: the serial without a fraction, the compact form without a time
	printf '%s\nA,tinh,1,45503,45503,30/07/2024\nB,tinh,1,20240730,2024-07-30,30.07.2024\n' "$HDR" > "$T/d.csv"
	run --separate-stderr cchc-check "$T/d.csv"
	assert_success
	assert_output - <<OUT
$HDR
A,tinh,truc_tiep,2024-07-30,2024-07-30,2024-07-30
B,tinh,truc_tiep,2024-07-30,2024-07-30,2024-07-30
OUT
}

@test "dates: with --date-order mdy, US slashes and AM/PM; serials do not depend on the order" {
	printf '%s\nA,tinh,1,7/30/2024 12:36:17 PM,45503.5251967593,07/30/2024 12:36:17 pm\nB,tinh,1,7/30/2024 8:15 AM,45503,30.07.2024\n' "$HDR" > "$T/d.csv"
	run --separate-stderr cchc-check --date-order mdy "$T/d.csv"
	assert_success
	assert_output - <<OUT
$HDR
A,tinh,truc_tiep,2024-07-30T12:36:17,2024-07-30T12:36:17,2024-07-30T12:36:17
B,tinh,truc_tiep,2024-07-30T08:15,2024-07-30,2024-07-30
OUT
}

@test "dates: serials and offsets in the due and result columns, compared by the instant" {
	printf '%s\n%s\n%s\n%s\n' "$HDR" \
	    'A,tinh,1,45503.5,45510,"45505,75"' \
	    'B,tinh,1,45503.5,,45503.25' \
	    'C,tinh,1,2024-07-30T12:00:00+07:00,,2024-07-30T04:59:00Z' > "$T/d.csv"
	run --separate-stderr cchc-check "$T/d.csv"
	assert_failure 1
	assert_output - <<OUT
$HDR
A,tinh,truc_tiep,2024-07-30T12:00:00,2024-08-06,2024-08-01T18:00:00
OUT
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: d.csv:3: ngay_tra_ket_qua: result date before the received date: "2024-07-30T06:00:00"
cchc-check: d.csv:4: ngay_tra_ket_qua: result date before the received date: "2024-07-30T11:59:00"
cchc-check: 3 rows: 1 passed, 2 rejected (2 result before received)
ERR
}

@test "dates: cchc-sum counts serial dates as their ISO forms, but refuses a serial on its command line" {
	printf '%s\nA,tinh,1,45292.3440625,45302,45300.5\nB,xa,2,45300,45301,\nC,xa,1,45100,45110,45400\n' "$HDR" > "$T/s.csv"
	printf '%s\nA,tinh,1,2024-01-01T08:15:27,2024-01-11,2024-01-09T12:00:00\nB,xa,2,2024-01-09,2024-01-10,\nC,xa,1,2023-06-23,2023-07-03,2024-04-18\n' "$HDR" > "$T/i.csv"
	run --separate-stderr cchc-sum --from 01/01/2024 --to 31/03/2024 -g cap "$T/i.csv"
	assert_success
	want=$output
	run --separate-stderr cchc-sum --from 01/01/2024 --to 31/03/2024 -g cap "$T/s.csv"
	assert_success
	[ "$output" = "$want" ]
	assert_line --index 0 --partial "cap,tiep_nhan,"
	[ "$(printf '%s\n' "$output" | wc -l)" -eq 3 ]
	# a bare number on the command line is a mistake (a year? a serial?)
	while IFS='|' read -r opt v rest; do
		run --separate-stderr cchc-sum $rest "$opt" "$v" "$T/s.csv"
		assert_failure 2
		assert_output ""
		[[ "$stderr" == "cchc-sum: $opt: a number, not a date (spreadsheet serials are read in date columns only): \"$v\""$'\n'"usage: cchc-sum "* ]] || {
			echo "$opt $v: $stderr"; return 1; }
	done <<'CASES'
--from|45292|--to 31/03/2024
--from|45292,5|--to 31/03/2024
--from|45292.3440625|--to 31/03/2024
--from|2024|--to 31/03/2024
--to|45382|--from 01/01/2024
--as-of|45600|--period 2024
CASES
}

@test "dates: each form within its documented years: compact 1901 to 2099, written 1900 to 9999, serials 2000 to 2099" {
	make_table <<'TABLE'
19010101|1901-01-01
20991231|2099-12-31
190101010000|1901-01-01T00:00
20991231235959|2099-12-31T23:59:59
19000101|a compact date (yyyymmdd), but not of a year from 1901 to 2099
19001231|a compact date (yyyymmdd), but not of a year from 1901 to 2099
21000101|a compact date (yyyymmdd), but not of a year from 1901 to 2099
99991231|a compact date (yyyymmdd), but not of a year from 1901 to 2099
190012312359|a compact date (yyyymmdd), but not of a year from 1901 to 2099
21000101000000|a compact date (yyyymmdd), but not of a year from 1901 to 2099
21000229|no such day
00000000|no such day
01/01/1900|1900-01-01
31/12/9999|9999-12-31
1900-01-01|1900-01-01
9999-12-31 23:59|9999-12-31T23:59
01/01/1900 00:30+08:00|no such day
31/12/1899|no such day
01/01/10000|not a date
36526|2000-01-01
73051|a spreadsheet serial, but not of a day from 2000 to 2099 (36526 to 73050)
TABLE
	run --separate-stderr cchc-check "$T/d.csv"
	assert_failure 1
	diff -u "$T/want.out" <(printf '%s\n' "$output")
	diff -u "$T/want.err" <(printf '%s\n' "$stderr" | sed "s|$T/||")
	# a command-line day is held to the same years
	run --separate-stderr cchc-sum --from 19000101 --to 31/12/2024 "$T/d.csv"
	assert_failure 2
	assert_output ""
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" 'cchc-sum: --from: a compact date (yyyymmdd), but not of a year from 1901 to 2099: "19000101"'
}
