#!/usr/bin/env bats
# Hostile input: each gets a clear message and exit 0, 1 or 2, nothing else
# (no crash, no hang, no signal), and every row read is accounted for.

load helper

H="ma_ho_so,kenh,ngay_tiep_nhan,ngay_tra_ket_qua"

# name|expected rows read|how to make it (into $f)
CASES=$(cat <<'EOF_CASES'
empty|0|: > "$f"
bom_only|0|printf '\357\273\277' > "$f"
header_only|0|printf '%s\n' "$H" > "$f"
no_final_newline|2|printf '%s\nA,1,1/1/2024,\nB,2,2/1/2024,' "$H" > "$f"
lone_cr|2|printf '%s\rA,1,1/1/2024,\rB,2,2/1/2024,\r' "$H" > "$f"
unterminated_quote|2|printf '%s\nA,1,1/1/2024,\n"B,2,2/1/2024,\nC,1,1/1/2024,\n' "$H" > "$f"
quote_in_unquoted|3|printf '%s\nA,1,1/1/2024,\nB,x"y,2/1/2024,\nC,1,1/1/2024,\n' "$H" > "$f"
nul_bytes|3|printf '%s\nA,1,1/1/2024,\nB\000,2,2/1/2024,\nC,1,1/1\0002024,\n' "$H" > "$f"
ragged|4|printf '%s\nA,1,1/1/2024,\nB,2\nC,1,1/1/2024,,,,\nD,1,1/1/2024,\n' "$H" > "$f"
field_4mb|2|{ printf '%s,ghi_chu\nA,1,1/1/2024,,' "$H"; head -c 4194304 /dev/zero | tr '\0' x; printf '\nB,1,1/1/2024,,y\n'; } > "$f"
line_8mb|1|{ printf '%s,a,b\nA,1,1/1/2024,,' "$H"; head -c 4194304 /dev/zero | tr '\0' x; printf ','; head -c 4194304 /dev/zero | tr '\0' y; printf '\n'; } > "$f"
cols_6000|2|{ printf '%s' "$H"; seq 1 5996 | sed 's/^/c/' | tr '\n' ',' | sed 's/,$//; s/^/,/'; printf '\n'; for r in A B; do printf '%s,1,1/1/2024,' $r; seq 1 5996 | tr '\n' ',' | sed 's/,$//; s/^/,/'; printf '\n'; done; } > "$f"
repeated_names|2|printf '%s,Ghi chú,ghi_chu,GHI CHÚ\nA,1,1/1/2024,,x,y,z\nB,1,1/1/2024,,x,y,z\n' "$H" > "$f"
invalid_utf8|3|printf '%s\nA,1,1/1/2024,\nB,\300\257,2/1/2024,\nC,1,1/1/2024,\n' "$H" > "$f"
impossible_dates|5|printf '%s\nA,1,30/02/2024,\nB,1,1/1/2024 24:00,\nC,1,1/1/2024,31/12/2023\nD,1,1/1/99999,\nE,1,00000000,\n' "$H" > "$f"
format_directives|2|printf '%s,%%s%%n\n%%s%%n%%x,1,1/1/2024,,%%n%%n\nB%%p,%%s,1/1/2024,,%%d\n' "$H" > "$f"
utf16|0|printf '\377\376m\000a\000\n\000' > "$f"
EOF_CASES
)

make_case() {
	f="$T/$1.csv"
	eval "$2"
}

status_ok() {
	[ "$1" -eq 0 ] || [ "$1" -eq 1 ] || [ "$1" -eq 2 ] || { echo "exit status $1"; return 1; }
}

@test "hostile: cchc-check: exit 0/1/2, a message for each problem, and P + R = N = the rows read" {
	while IFS='|' read -r name rows make; do
		make_case "$name" "$make"
		status=0
		cchc-check --rejects "$T/rej" "$f" > "$T/out" 2> "$T/err" || status=$?
		status_ok "$status" || { echo "case $name"; return 1; }
		summary=$(tail -n 1 "$T/err")
		[[ "$summary" =~ ^cchc-check:\ ([0-9]+)\ rows:\ ([0-9]+)\ passed,\ ([0-9]+)\ rejected(\ \([^\)]*\))?(,\ ([0-9]+)\ footer\ lines?\ skipped)?$ ]] || {
			echo "case $name: $summary"; return 1; }
		n=${BASH_REMATCH[1]} p=${BASH_REMATCH[2]} r=${BASH_REMATCH[3]} foot=${BASH_REMATCH[6]:-0}
		[ $((p + r + foot)) -eq "$n" ] && [ "$n" -eq "$rows" ] || { echo "case $name: $summary, expected $rows rows"; return 1; }
		# every rejected row has its message and its line in the rejects file
		if [ "$r" -gt 0 ]; then
			[ "$(grep -c "^cchc-check: $f:" "$T/err")" -ge "$r" ] || { echo "case $name: messages"; cat "$T/err"; return 1; }
			[ "$(($(wc -l < "$T/rej") - 1))" -ge "$r" ]
			[ "$status" -ge 1 ]
		fi
		[ "$status" -eq 2 ] || [ "$(grep -cv '^cchc-check: [0-9]* rows' "$T/err")" -ge "$r" ]
	done <<< "$CASES"
}

@test "hostile: cchc-sum: exit 0/1/2, and counted + outside + not received + unclassifiable = the rows read" {
	while IFS='|' read -r name rows make; do
		make_case "$name" "$make"
		status=0
		cchc-sum --period 2024 -g kenh "$f" > "$T/out" 2> "$T/err" || status=$?
		status_ok "$status" || { echo "case $name"; return 1; }
		summary=$(tail -n 1 "$T/err")
		[[ "$summary" =~ ^cchc-sum:\ period\ [0-9/-]+:\ ([0-9]+)\ rows:\ ([0-9]+)\ counted,\ ([0-9]+)\ outside\ the\ period,\ ([0-9]+)\ not\ received\ \(status\ 1\ or\ 3\),\ ([0-9]+)\ unclassifiable(\ \([^\)]*\))?(,\ ([0-9]+)\ footer\ lines?\ skipped)?$ ]] || {
			echo "case $name: $summary"; return 1; }
		n=${BASH_REMATCH[1]}
		[ $((BASH_REMATCH[2] + BASH_REMATCH[3] + BASH_REMATCH[4] + BASH_REMATCH[5] + ${BASH_REMATCH[8]:-0})) -eq "$n" ] && [ "$n" -eq "$rows" ] || {
			echo "case $name: $summary, expected $rows rows"; return 1; }
		[ "${BASH_REMATCH[5]}" -eq 0 ] || [ "$status" -ge 1 ]
	done <<< "$CASES"
}

@test "hostile: a 4 MB field and an 8 MB line come through whole; their messages are cut short" {
	make_case field_4mb "$(grep '^field_4mb|' <<< "$CASES" | cut -d'|' -f3-)"
	run --separate-stderr cchc-check "$f"
	assert_success
	[ "$(printf '%s\n' "$output" | sed -n 2p | wc -c)" -eq $((4194304 + 25)) ]
	printf 'ma_ho_so,ngay_tiep_nhan\nA,%s\n' "$(head -c 100000 /dev/zero | tr '\0' 9)" > "$T/d.csv"
	run --separate-stderr cchc-check "$T/d.csv"
	assert_failure 1
	[[ "$stderr" == *'d.csv:2: ngay_tiep_nhan: not a date: "99999999999999999999999999999999999999999999999999999999999999999999999999999999..."'* ]]
	[ "${#stderr}" -lt 300 ]
}

@test "hostile: 6000 columns pass through; -g finds the last" {
	make_case cols_6000 "$(grep '^cols_6000|' <<< "$CASES" | cut -d'|' -f3-)"
	run --separate-stderr cchc-check "$f"
	assert_success
	[ "$(printf '%s\n' "$output" | head -n 1 | tr ',' '\n' | wc -l)" -eq 6000 ]
	run --separate-stderr cchc-sum --period 2024 -g c5996 "$f"
	assert_success
	assert_line --index 1 "5996,2,0,2,0,2,0,0,0,0,0,2,2,0"
}

@test "hostile: format directives in values and labels are printed as they are" {
	make_case format_directives "$(grep '^format_directives|' <<< "$CASES" | cut -d'|' -f3-)"
	run --separate-stderr cchc-check "$f"
	assert_failure 1
	assert_line --index 1 '%s%n%x,truc_tiep,2024-01-01,,%n%n'
	[[ "$stderr" == *'kenh: unknown code: "%s"'* ]]
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\n1,%%s%%n%%x,%%n,v,%%p\n' > "$T/f.csv"
	printf 'ten,gia_tri\nv,%%n\n' > "$T/v.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" --format txt "$T/v.csv"
	assert_failure 1
	assert_line --index 3 "1    %s%n%x             %n                    %p"
	[[ "$stderr" == *'v.csv:2: not a number (v, for 1): "%n"'* ]]
}

@test "hostile: huge and malformed rate expressions" {
	cols=$(seq 1 2000 | sed 's/^/c/' | paste -sd,)
	vals=$(seq 1 2000 | sed 's/.*/1/' | paste -sd,)
	printf '%s,t\n%s,8000\n' "$cols" "$vals" > "$T/w.csv"
	expr=$(seq 1 2000 | sed 's/^/c/' | paste -sd+)
	run --separate-stderr cchc-rate "r=$expr/t" "$T/w.csv"
	assert_success
	[[ "$output" == *",8000,25.00" ]]
	run --separate-stderr cchc-rate "r=$(head -c 100000 /dev/zero | tr '\0' '+')/t" "$T/w.csv"
	assert_failure 2
	[[ "$stderr" == *"a name is missing before this"* ]]
	run --separate-stderr cchc-rate "r=a/" "$T/w.csv"
	assert_failure 2
	run --separate-stderr cchc-rate "r=/" "$T/w.csv"
	assert_failure 2
	run --separate-stderr cchc-rate "r=" "$T/w.csv"
	assert_failure 2
}

@test "hostile: the sample pipeline is clean under valgrind memcheck" {
	command -v valgrind >/dev/null || skip "no valgrind"
	[ -z "${ASAN_OPTIONS:-}" ] || skip "the sanitizer build runs instead"
	f=$(sample bad --rows 3000 --bad)
	vg="valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
	run sh -c "$vg cchc-check '$f' 2>'$T/e1' | $vg cchc-sum --period 2024 -g cap --total 2>'$T/e2' | $vg cchc-rate 2>'$T/e3' | $vg cchc-table --form bm3 --format txt --partial - '$DATA/seed-values.csv' 2>'$T/e4' > '$T/out'; echo \$?"
	cat "$T"/e[1-4] | grep -v '^cchc-' || true
	! grep -q '==[0-9]*==' "$T"/e[1-4]
	grep -q "^3.1.1 " "$T/out"
}

@test "hostile: a value quoted in a message, full of characters shown escaped, is cut short between characters, never past its buffer" {
	# found by fuzz_csv under ASan: 40 zero-width BOMs (\ufeff, 6 bytes each
	# as shown) and a byte that is not UTF-8 in a header cell
	printf 'ma_ho_so,x%s\377\n1,2\n' "$(printf '\357\273\277%.0s' $(seq 40))" > "$T/h.csv"
	run --separate-stderr cchc-check "$T/h.csv"
	assert_failure 2
	bom24=$(printf '\\ufeff%.0s' $(seq 24)) bom27=$(printf '\\ufeff%.0s' $(seq 27))
	assert_equal "${stderr_lines[1]}" "cchc-check: $T/h.csv:1: a UTF-8 character is cut short at the end of the field: \"x$bom27...\""
	assert_equal "${stderr_lines[0]}" "cchc-check: $T/h.csv:1: no header: none of the first 2 lines names the required columns; line 1 is: \"ma_ho_so,x$bom24...\""
	# a value of Vietnamese letters cut after 80 bytes, each letter whole
	printf 'ma_ho_so,ngay_tiep_nhan\n%s,nope\n' "$(printf 'ấ%.0s' $(seq 100))" > "$T/v.csv"
	printf 'ma_ho_so,x\nA,1\n' > "$T/t.csv"
	run --separate-stderr cchc-map -c ma_ho_so -n x "$T/t.csv" "$T/v.csv"
	assert_equal "${stderr_lines[0]}" "cchc-map: $T/v.csv:2: ma_ho_so: not in $T/t.csv: \"$(printf 'ấ%.0s' $(seq 27))...\""
}
