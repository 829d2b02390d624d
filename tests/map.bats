#!/usr/bin/env bats
# cchc-map: a column looked up in a table, keys folded; a unit's level from
# its name; values not mapped said once with their count; rows in = rows out.

load helper

M="$DATA/map"

# Text in decomposed Unicode (NFD), as some systems write Vietnamese.
nfd() {
	python3 -c 'import sys, unicodedata; sys.stdout.write(unicodedata.normalize("NFD", sys.argv[1]))' "$1"
}

@test "map: keys match after folding: case, diacritics, NFD, spaces, _ and -" {
	{ printf 'id,co_quan\n'
	  printf '1,UBND xã Tịnh Ấn Tây\n'
	  printf '2,ubnd xa tinh an tay\n'
	  printf '3,%s\n' "$(nfd 'UBND xã Tịnh Ấn Tây')"
	  printf '4,UBND  XÃ_tịnh-ấn   tây\n'
	  printf '5,"  Sở tư pháp "\n'
	  printf '6,VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI TỈNH\n'
	  printf '7,van phong dang ky dat dai tinh\n'; } > "$T/d.csv"
	run --separate-stderr cchc-map -c co_quan -n nhom "$M/co-quan.csv" "$T/d.csv"
	assert_success
	# the input's own fields pass byte for byte (row 3 stays NFD)
	diff -u - <(printf '%s\n' "$output") <<EOF
id,co_quan,nhom
1,UBND xã Tịnh Ấn Tây,Cấp xã
2,ubnd xa tinh an tay,Cấp xã
3,$(nfd 'UBND xã Tịnh Ấn Tây'),Cấp xã
4,UBND  XÃ_tịnh-ấn   tây,Cấp xã
5,"  Sở tư pháp ",Sở ngành
6,VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI TỈNH,Đất đai
7,van phong dang ky dat dai tinh,Đất đai
EOF
	assert_equal "$stderr" "cchc-map: 7 rows: 7 mapped, 0 unmatched, 0 ambiguous"
	# and a table in NFD matches NFC input, writing its values in NFC
	{ printf 'co_quan,nhom\n'; nfd $'UBND xã Tịnh Ấn Tây,Cấp xã\n'; } > "$T/t.csv"
	run --separate-stderr cchc-map -c co_quan -n nhom "$T/t.csv" "$T/d.csv"
	assert_line --index 1 "1,UBND xã Tịnh Ấn Tây,Cấp xã"
	assert_equal "$stderr" "cchc-map: $T/d.csv:6: co_quan: not in $T/t.csv: \"Sở tư pháp\"
cchc-map: $T/d.csv:7: co_quan: not in $T/t.csv: \"VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI TỈNH\" (2 rows)
cchc-map: 7 rows: 4 mapped, 3 unmatched, 0 ambiguous"
}

@test "map: several key columns: a commune's name in two districts told apart by its district" {
	cat > "$T/d.csv" <<'EOF'
ma,Tỉnh,Huyện,Xã
A1,Tỉnh Quảng Ngãi,Huyện Bình Sơn,Xã Bình Minh
A2,tinh quang ngai,huyen son tinh,xa binh minh
A3,Tỉnh Quảng Ngãi,Huyện Sơn Tịnh,Xã Tịnh Khê
A4,Tỉnh Quảng Ngãi,Huyện Mộ Đức,Xã Bình Minh
A5,Tỉnh Quảng Ngãi,,Xã Bình Minh
EOF
	run --separate-stderr cchc-map -c tinh,huyen,xa -n xa_moi,ma_xa_moi "$M/dvhc-mini.csv" "$T/d.csv"
	assert_success
	assert_output - <<'EOF'
ma,Tỉnh,Huyện,Xã,xa_moi,ma_xa_moi
A1,Tỉnh Quảng Ngãi,Huyện Bình Sơn,Xã Bình Minh,Xã Bình Minh,21001
A2,tinh quang ngai,huyen son tinh,xa binh minh,Xã Sơn Tịnh,21002
A3,Tỉnh Quảng Ngãi,Huyện Sơn Tịnh,Xã Tịnh Khê,Xã Tịnh Khê,21004
A4,Tỉnh Quảng Ngãi,Huyện Mộ Đức,Xã Bình Minh,,
A5,Tỉnh Quảng Ngãi,,Xã Bình Minh,,
EOF
	assert_equal "$stderr" "cchc-map: $T/d.csv:5: Tỉnh,Huyện,Xã: not in $M/dvhc-mini.csv: \"Tỉnh Quảng Ngãi / Huyện Mộ Đức / Xã Bình Minh\"
cchc-map: $T/d.csv:6: Tỉnh,Huyện,Xã: not in $M/dvhc-mini.csv: \"Tỉnh Quảng Ngãi /  / Xã Bình Minh\"
cchc-map: 5 rows: 3 mapped, 2 unmatched, 0 ambiguous"
	# the same rows twice in the table, differing in a column not written,
	# are one entry; written, they are two values
	run --separate-stderr cchc-map -c tinh,huyen,xa -n xa_moi,ghi_chu "$M/dvhc-mini.csv" "$T/d.csv"
	assert_line --index 3 "A3,Tỉnh Quảng Ngãi,Huyện Sơn Tịnh,Xã Tịnh Khê,,"
	[[ "$stderr" == *"$T/d.csv:4: Tỉnh,Huyện,Xã: ambiguous in $M/dvhc-mini.csv: 2 values (Xã Tịnh Khê / Nhập toàn bộ, Xã Tịnh Khê / Giữ nguyên): \"Tỉnh Quảng Ngãi / Huyện Sơn Tịnh / Xã Tịnh Khê\""* ]]
	# one -c column against a table of three keys: its first column is the key
	run --separate-stderr cchc-map -c xa -n xa_moi "$M/dvhc-mini.csv" "$T/d.csv"
	assert_line --index 1 "A1,Tỉnh Quảng Ngãi,Huyện Bình Sơn,Xã Bình Minh,"
}

@test "map: unmatched, ambiguous and empty values: said once per file and key, with the count, in their first spelling" {
	cat > "$T/d.csv" <<'EOF'
id,xa
1,Phường Trúc Bạch
2,Phường Ngọc Hà
3,Phường Cống Vị
4,phuong ngoc ha
5,
6,PHƯỜNG CỐNG VỊ
7,Xã Tịnh Hà
8,Phường Ngọc Hà
9,"  "
10,Phường Cống Vị
EOF
	run --separate-stderr cchc-map -c xa -n xa_moi "$M/xa.csv" "$T/d.csv"
	assert_success
	assert_output - <<'EOF'
id,xa,xa_moi
1,Phường Trúc Bạch,Phường Ba Đình
2,Phường Ngọc Hà,
3,Phường Cống Vị,
4,phuong ngoc ha,
5,,
6,PHƯỜNG CỐNG VỊ,
7,Xã Tịnh Hà,Xã Thọ Phong
8,Phường Ngọc Hà,
9,"  ",
10,Phường Cống Vị,
EOF
	assert_equal "$stderr" "cchc-map: $T/d.csv:3: xa: ambiguous in $M/xa.csv: 3 values (Phường Ba Đình, Phường Giảng Võ, Phường Ngọc Hà): \"Phường Ngọc Hà\" (3 rows)
cchc-map: $T/d.csv:4: xa: not in $M/xa.csv: \"Phường Cống Vị\" (3 rows)
cchc-map: $T/d.csv:6: xa: empty: nothing to look up (2 rows)
cchc-map: 10 rows: 2 mapped, 3 unmatched, 3 ambiguous, 2 empty"
	# per file, in each file's own first spelling and line
	printf 'id,xa\n1,PHƯỜNG CỐNG VỊ\n2,Phường Cống Vị\n' > "$T/e.csv"
	run --separate-stderr cchc-map -c xa -n xa_moi "$M/xa.csv" "$T/d.csv" "$T/e.csv"
	assert_success
	assert_equal "${#lines[@]}" 13
	assert_equal "$(printf '%s\n' "$stderr" | tail -n 2)" "cchc-map: $T/e.csv:2: xa: not in $M/xa.csv: \"PHƯỜNG CỐNG VỊ\" (2 rows)
cchc-map: 12 rows: 2 mapped, 5 unmatched, 3 ambiguous, 2 empty"
	# a key of many values: the list cut short past 300 bytes; a long key
	# shown as messages show values, 80 bytes
	{ printf 'k,v\n'; for i in $(seq 1 40); do printf 'A,Giá trị %d\n' "$i"; done; } > "$T/many.csv"
	printf 'k\nA\n%s\n' "$(head -c 5000 /dev/zero | tr '\0' x)" > "$T/k.csv"
	run --separate-stderr cchc-map -c k -n v "$T/many.csv" "$T/k.csv"
	assert_success
	assert_equal "$stderr" "cchc-map: $T/k.csv:2: k: ambiguous in $T/many.csv: 40 values (Giá trị 1, Giá trị 2, Giá trị 3, Giá trị 4, Giá trị 5, Giá trị 6, Giá trị 7, Giá trị 8, Giá trị 9, Giá trị 10, Giá trị 11, Giá trị 12, Giá trị 13, Giá trị 14, Giá trị 15, Giá trị 16, Giá trị 17, Giá trị 18, Giá trị 19, Giá trị 20, ...): \"A\"
cchc-map: $T/k.csv:3: k: not in $T/many.csv: \"$(head -c 80 /dev/zero | tr '\0' x)...\"
cchc-map: 2 rows: 0 mapped, 1 unmatched, 1 ambiguous"
}

@test "map: rows in = rows out, in their order, the input's fields byte for byte" {
	"$TOP/samples/gen-export" --portal --lean --rows 20000 --seed 11 > "$T/p.csv"
	run --separate-stderr cchc-map --level-from DonViXuLy -n cap2 "$T/p.csv"
	assert_success
	assert_equal "$stderr" "cchc-map: 20000 rows: 20000 mapped, 0 unmatched, 0 ambiguous"
	printf '%s\n' "$output" | sed 's/,[^,]*$//' | cmp - "$T/p.csv"
	# and the level agrees with the export's own Cap column, row by row
	printf '%s\n' "$output" | awk -F, 'NR > 1 && tolower($4) != ($NF == "tinh" ? "tỉnh" : $NF == "huyen" ? "huyện" : "xã") { bad++ }
	    END { exit bad > 0 }'
	# a table lookup too: the same rows, the column appended
	run --separate-stderr cchc-map -c DonViXuLy -n nhom "$M/co-quan.csv" "$T/p.csv"
	assert_success
	[ "${#lines[@]}" -eq 20001 ]
	printf '%s\n' "$output" | sed 's/,[^,]*$//' | cmp - "$T/p.csv"
}

@test "map: each field goes out as the other tools write it: quoted only when it must be, long values whole, --excel's ';' and its guard" {
	u=$(printf 'ư%.0s' $(seq 40))	# 80 bytes: scanned 16 at a time
	printf '%s\n' 'id,co_quan,ghi_chu' '1,Sở Tư pháp,plain' '2,Sở Tư pháp,"a,b"' \
		'3,Sở Tư pháp,"say ""hi"""' '4,Sở Tư pháp," lead"' $'5,Sở Tư pháp,"trail\t"' \
		'6,Sở Tư pháp,"two' 'lines"' $'7,Sở Tư pháp,"cr\rhere"' "8,Sở Tư pháp,\"$u, $u\"" \
		'9,Sở Tư pháp,Đà Nẵng;x' '10,Sở Tư pháp,=1+1' '11,  Sở Tư pháp  ,-5' '12,Nowhere,@x' > "$T/d.csv"
	cchc-map -c co_quan -n nhom "$M/co-quan.csv" "$T/d.csv" > "$T/got.csv" 2>/dev/null
	printf '%s\n' 'id,co_quan,ghi_chu,nhom' '1,Sở Tư pháp,plain,Sở ngành' '2,Sở Tư pháp,"a,b",Sở ngành' \
		'3,Sở Tư pháp,"say ""hi""",Sở ngành' '4,Sở Tư pháp," lead",Sở ngành' \
		$'5,Sở Tư pháp,"trail\t",Sở ngành' '6,Sở Tư pháp,"two' 'lines",Sở ngành' \
		$'7,Sở Tư pháp,"cr\rhere",Sở ngành' "8,Sở Tư pháp,\"$u, $u\",Sở ngành" \
		'9,Sở Tư pháp,Đà Nẵng;x,Sở ngành' '10,Sở Tư pháp,=1+1,Sở ngành' '11,Sở Tư pháp,-5,Sở ngành' \
		'12,Nowhere,@x,' > "$T/want.csv"
	cmp "$T/want.csv" "$T/got.csv"
	# for Excel: ';' quoted, ',' not; a formula after an apostrophe, a number as it is
	cchc-map -c co_quan -n nhom --excel "$M/co-quan.csv" "$T/d.csv" > "$T/got.csv" 2>/dev/null
	printf '%s\r\n' $'\xef\xbb\xbfid;co_quan;ghi_chu;nhom' '1;Sở Tư pháp;plain;Sở ngành' \
		'2;Sở Tư pháp;a,b;Sở ngành' '3;Sở Tư pháp;"say ""hi""";Sở ngành' '4;Sở Tư pháp;" lead";Sở ngành' \
		$'5;Sở Tư pháp;"trail\t";Sở ngành' $'6;Sở Tư pháp;"two\nlines";Sở ngành' \
		$'7;Sở Tư pháp;"cr\rhere";Sở ngành' "8;Sở Tư pháp;$u, $u;Sở ngành" \
		'9;Sở Tư pháp;"Đà Nẵng;x";Sở ngành' "10;Sở Tư pháp;'=1+1;Sở ngành" '11;Sở Tư pháp;-5;Sở ngành' \
		"12;Nowhere;'@x;" > "$T/want.csv"
	cmp "$T/want.csv" "$T/got.csv"
}

@test "map: -n appends; without -n the value replaces COL; -n naming COL replaces it too" {
	printf 'id,Cơ quan,ghi_chu\n1,Sở Tư pháp,x\n2,Sở Nội vụ,y\n' > "$T/d.csv"
	run --separate-stderr cchc-map -c co_quan -n nhom "$M/co-quan.csv" "$T/d.csv"
	assert_success
	assert_output $'id,Cơ quan,ghi_chu,nhom\n1,Sở Tư pháp,x,Sở ngành\n2,Sở Nội vụ,y,'
	# in COL's place, under the header's own name; a value the table lacks
	# leaves it empty
	run --separate-stderr cchc-map -c 'co quan' "$M/co-quan.csv" "$T/d.csv"
	assert_success
	assert_output $'id,Cơ quan,ghi_chu\n1,Sở ngành,x\n2,,y'
	assert_equal "$stderr" "cchc-map: $T/d.csv:3: Cơ quan: not in $M/co-quan.csv: \"Sở Nội vụ\"
cchc-map: 2 rows: 1 mapped, 1 unmatched, 0 ambiguous"
	run --separate-stderr cchc-map -c co_quan -n CO_QUAN "$M/co-quan.csv" "$T/d.csv"
	assert_output $'id,Cơ quan,ghi_chu\n1,Sở ngành,x\n2,,y'
	# one key column of several, replaced
	printf 'id,co_quan,cap\n1,Sở Tư pháp,tinh\n' > "$T/k.csv"
	run --separate-stderr cchc-map -c id,co_quan -n co_quan "$T/k.csv" "$T/d.csv"
	assert_output $'id,Cơ quan,ghi_chu\n1,tinh,x\n2,,y'
	# a NEWCOL the input has already, that is not a key column: exit 2
	printf 'co_quan,nhom\nSở Tư pháp,Sở ngành\n' > "$T/one.csv"
	run --separate-stderr cchc-map -c co_quan -n ghi_chu "$T/one.csv" "$T/d.csv"
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-map: $T/d.csv:1: ghi_chu: the input has this column already; name another with -n
cchc-map: 0 rows: 0 mapped, 0 unmatched, 0 ambiguous"
	# several -c need -n
	run --separate-stderr cchc-map -c tinh,xa "$M/dvhc-mini.csv" "$T/d.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: -c names 2 columns: name the new one with -n (without -n the value goes in COL's place, which needs one COL)"
}

@test "map: several -n: each takes the table's column of its name, in the order given" {
	printf 'id,co_quan\n1,UBND huyện Sơn Tịnh\n2,x\n' > "$T/d.csv"
	run --separate-stderr cchc-map -c co_quan -n Cap,NHOM "$M/co-quan.csv" "$T/d.csv"
	assert_success
	assert_output $'id,co_quan,Cap,NHOM\n1,UBND huyện Sơn Tịnh,huyen,Cấp huyện\n2,x,,'
	# one -n the table does not name: the column after the key, when that
	# is its only value column; among several, a slip (exit 2)
	printf 'co_quan,nhom\nUBND huyện Sơn Tịnh,Cấp huyện\n' > "$T/one.csv"
	run --separate-stderr cchc-map -c co_quan -n loai "$T/one.csv" "$T/d.csv"
	assert_output $'id,co_quan,loai\n1,UBND huyện Sơn Tịnh,Cấp huyện\n2,x,'
	run --separate-stderr cchc-map -c co_quan -n loai "$M/co-quan.csv" "$T/d.csv"
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-map: $M/co-quan.csv:3: no column loai in the table after its 1 key column (it has several value columns: -n names one, or NAME=TABLECOL); the header: \"co_quan,nhom,cap\""
	run --separate-stderr cchc-map -c co_quan -n loai=nhom "$M/co-quan.csv" "$T/d.csv"
	assert_output $'id,co_quan,loai\n1,UBND huyện Sơn Tịnh,Cấp huyện\n2,x,'
	# one of several the table does not name: exit 2, before any row
	run --separate-stderr cchc-map -c co_quan -n cap,loai "$M/co-quan.csv" "$T/d.csv"
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-map: $M/co-quan.csv:3: no column loai in the table after its 1 key column (with several -n, each NEWCOL names one); the header: \"co_quan,nhom,cap\""
	run --separate-stderr cchc-map -c co_quan -n cap,Cap "$M/co-quan.csv" "$T/d.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: -n: Cap is given twice: a column has one name"
}

@test "map: --strict: rows not mapped go to the rejects file, not out, exit 1; rows left out go there always" {
	printf 'id,xa\n1,Phường Trúc Bạch\n2,Phường Ngọc Hà\n3,Nowhere\n4,\n5,Xã Tịnh Khê\n6,"a,b\n7,x"y\n8,1,2\n' > "$T/d.csv"
	run --separate-stderr cchc-map -c xa -n xa_moi --strict --rejects "$T/rej.csv" "$M/xa.csv" "$T/d.csv"
	assert_failure 1
	assert_output $'id,xa,xa_moi\n1,Phường Trúc Bạch,Phường Ba Đình\n5,Xã Tịnh Khê,Xã Tịnh Khê'
	assert_equal "$stderr" "cchc-map: $T/d.csv:3: xa: ambiguous in $M/xa.csv: 3 values (Phường Ba Đình, Phường Giảng Võ, Phường Ngọc Hà): \"Phường Ngọc Hà\"
cchc-map: $T/d.csv:4: xa: not in $M/xa.csv: \"Nowhere\"
cchc-map: $T/d.csv:5: xa: empty: nothing to look up
cchc-map: $T/d.csv:7: xa: malformed CSV at line 8, character 5: text after a closing quote
cchc-map: $T/d.csv:9: expected 2 fields, found 3
cchc-map: 7 rows: 2 mapped, 1 unmatched, 1 ambiguous, 1 empty, 2 left out (1 malformed CSV, 1 wrong number of fields); 3 rejected (--strict)"
	diff -u - "$T/rej.csv" <<EOF
tep,dong,cot,loi,id,xa,xa_moi
$T/d.csv,3,xa,"ambiguous in $M/xa.csv: 3 values (Phường Ba Đình, Phường Giảng Võ, Phường Ngọc Hà): ""Phường Ngọc Hà""",2,Phường Ngọc Hà,
$T/d.csv,4,xa,"not in $M/xa.csv: ""Nowhere""",3,Nowhere,
$T/d.csv,5,xa,empty: nothing to look up,4,,
$T/d.csv,7,xa,"malformed CSV at line 8, character 5: text after a closing quote",6
$T/d.csv,9,,"expected 2 fields, found 3",8,1,2
EOF
	# without --strict: only the rows left out, exit 1 for them
	run --separate-stderr cchc-map -c xa -n xa_moi --rejects "$T/rej2.csv" "$M/xa.csv" "$T/d.csv"
	assert_failure 1
	assert_equal "${#lines[@]}" 6
	assert_equal "$(wc -l < "$T/rej2.csv")" 3
	# a run with nothing wrong but values not mapped: exit 0
	printf 'id,xa\n1,Nowhere\n' > "$T/n.csv"
	run --separate-stderr cchc-map -c xa -n xa_moi --rejects "$T/rej3.csv" "$M/xa.csv" "$T/n.csv"
	assert_success
	assert_output $'id,xa,xa_moi\n1,Nowhere,'
	assert_equal "$(cat "$T/rej3.csv")" "tep,dong,cot,loi,id,xa,xa_moi"
	# the rejects file may be neither an input nor the table
	for f in "$T/n.csv" "$M/xa.csv"; do
		run --separate-stderr cchc-map -c xa --rejects "$f" "$M/xa.csv" "$T/n.csv"
		assert_failure 2
		assert_output ""
		assert_equal "$stderr" "cchc-map: --rejects $f is the input $f: it would be destroyed; name another file"
	done
	# a job not done leaves no rejects file
	rm -f "$T/rej4.csv"
	run --separate-stderr cchc-map -c nope --rejects "$T/rej4.csv" "$M/xa.csv" "$T/n.csv"
	assert_failure 2
	[ ! -e "$T/rej4.csv" ]
	[ -z "$(ls -A "$T" | grep '^\.rej')" ]
	# nor does a run that fails after some rows: the last rejects file stays
	printf 'OLD\n' > "$T/rej5.csv"
	printf 'nothing\n1\n' > "$T/no-col.csv"
	run --separate-stderr cchc-map -c xa -n xa_moi --strict --rejects "$T/rej5.csv" "$M/xa.csv" "$T/d.csv" "$T/no-col.csv"
	assert_failure 2
	assert_equal "$(cat "$T/rej5.csv")" "OLD"
	[ -z "$(ls -A "$T" | grep '^\.rej')" ]
}

@test "map: TABLE by name: \$CCHC_SHARE, with or without .csv; else beside the program, ../share/cchc" {
	printf 'co_quan\nSở Tư pháp\n' > "$T/d.csv"
	run --separate-stderr env CCHC_SHARE="$M" cchc-map -c co_quan -n nhom co-quan "$T/d.csv"
	assert_success
	assert_output $'co_quan,nhom\nSở Tư pháp,Sở ngành'
	run --separate-stderr env CCHC_SHARE="$M" cchc-map -c co_quan -n nhom co-quan.csv "$T/d.csv"
	assert_output $'co_quan,nhom\nSở Tư pháp,Sở ngành'
	run --separate-stderr env CCHC_SHARE="$M" cchc-map -c co_quan nope "$T/d.csv"
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-map: nope: no such table: no file of that name here, nor nope or nope.csv in $M (\$CCHC_SHARE)"
	# a file here is that file, before any directory; a name with a '/'
	# is only that file
	cp "$M/xa.csv" "$T/co-quan.csv"
	run --separate-stderr sh -c "cd '$T' && CCHC_SHARE='$M' cchc-map -c co_quan -n nhom co-quan.csv d.csv"
	assert_output $'co_quan,nhom\nSở Tư pháp,'
	run --separate-stderr env CCHC_SHARE="$M" cchc-map -c co_quan ./co-quan "$T/d.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: ./co-quan: cannot open: No such file or directory"
	# a copy of the program finds the tables in its ../share/cchc
	mkdir -p "$T/inst/bin" "$T/inst/share/cchc"
	cp "$TOP/bin/cchc-map" "$T/inst/bin/"
	cp "$M/co-quan.csv" "$T/inst/share/cchc/cchc-test-co-quan.csv"
	run --separate-stderr env -u CCHC_SHARE "$T/inst/bin/cchc-map" -c co_quan -n nhom cchc-test-co-quan "$T/d.csv"
	assert_success
	assert_output $'co_quan,nhom\nSở Tư pháp,Sở ngành'
	# and bin/cchc-map of the source tree looks in its share/cchc/, after
	# the directory compiled in (the one --help names)
	compiled=$(cchc-map --help | sed -n 's/^in \$CCHC_SHARE, else in \(.*\) and \.\.\/share\/cchc beside the program\.$/\1/p')
	[ -n "$compiled" ]
	run --separate-stderr env -u CCHC_SHARE cchc-map -c co_quan cchc-test-nope "$T/d.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: cchc-test-nope: no such table: no file of that name here, nor cchc-test-nope or cchc-test-nope.csv in $compiled or $(cd "$TOP" && pwd -P)/share/cchc"
}

@test "map: make install puts the shipped tables and their README in PREFIX/share/cchc" {
	# a copy of the tree, with tables of its own, built anew for its PREFIX
	mkdir -p "$T/src/tests/fuzz" "$T/src/share/cchc"
	cp -r "$TOP/Makefile" "$TOP/src" "$TOP/man" "$TOP/samples" "$T/src/"
	cp "$TOP/tests/fuzz/split-check.c" "$TOP/tests/fuzz/split.h" "$T/src/tests/fuzz/"
	cp "$M/co-quan.csv" "$T/src/share/cchc/"
	printf 'the tables\n' > "$T/src/share/cchc/README"
	make -s -C "$T/src" clean
	run make -s -j 4 -C "$T/src" install PREFIX=/opt/cchc DESTDIR="$T/root"
	assert_success
	cmp "$M/co-quan.csv" "$T/root/opt/cchc/share/cchc/co-quan.csv"
	[ "$(cat "$T/root/opt/cchc/share/cchc/README")" = "the tables" ]
	[ -f "$T/root/opt/cchc/share/man/man1/cchc-map.1" ]
	# the copy installed under DESTDIR finds them beside itself
	printf 'co_quan\nSở Tư pháp\n' > "$T/d.csv"
	run --separate-stderr env -u CCHC_SHARE "$T/root/opt/cchc/bin/cchc-map" -c co_quan -n nhom co-quan "$T/d.csv"
	assert_success
	assert_output $'co_quan,nhom\nSở Tư pháp,Sở ngành'
	# its --help names the directory PREFIX says
	run "$T/root/opt/cchc/bin/cchc-map" --help
	assert_line "in \$CCHC_SHARE, else in /opt/cchc/share/cchc and ../share/cchc beside the program."
}

@test "map: a TABLE that cannot be used is exit 2 naming file, line, column and value, before any row" {
	printf 'a,b\nx,1\n' > "$T/d.csv"
	# table|arguments|the message, the table as TAB
	while IFS='|' read -r table args want; do
		printf "$table" > "$T/t.csv"
		run --separate-stderr cchc-map $args "$T/t.csv" "$T/d.csv"
		[ "$status" -eq 2 ] || { echo "$table: exit $status"; return 1; }
		[ -z "$output" ] || { echo "$table: output $output"; return 1; }
		[ "$stderr" = "${want//TAB/$T/t.csv}" ] || { echo "$table: $stderr"; return 1; }
	done <<'EOF_CASES'
a\nx\n|-c a|cchc-map: TAB:1: the table has 1 column: no value column after the 1 key
a,b\nx,1\n|-c a,b -n c|cchc-map: TAB:1: the table has 2 columns: no value column after the 2 keys
a\nx\n|-c a,b -n c|cchc-map: TAB:1: the table has 1 column, fewer than the 2 keys -c names
a,b,c\nx,1\n|-c a|cchc-map: TAB:2: expected 3 fields, found 2
a,b\nx,1,2\n|-c a|cchc-map: TAB:2: expected 2 fields, found 3
a,"b\nx,1\n|-c a|cchc-map: TAB:1: header: malformed CSV in field 2: quote never closed: the field runs to the end of the file
a,b\nx,1"2\n|-c a|cchc-map: TAB:2: b: malformed CSV at character 4: quote inside an unquoted field
# c\na,b\ny,2\nx,"1\n|-c a|cchc-map: TAB:4: b: malformed CSV in field 2: quote never closed: the field runs to the end of the file
a,b\nH\340,1\n|-c a|cchc-map: TAB:2: a: a UTF-8 character is cut short at the end of the field: "H\xe0"
a,\377\nx,1\n|-c a|cchc-map: TAB:1: header: a UTF-8 character is cut short at the end of the field: "\xff"
# only comments\n\n|-c a|cchc-map: TAB: an empty table: no header line (comments and blank lines only)
EOF_CASES
	# a workbook: converted to a file (a TABLE on standard input needs '-'),
	# never over itself
	printf 'PK\003\004xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' > "$T/t.csv"
	cp "$T/t.csv" "$T/t.xlsx"
	run --separate-stderr cchc-map -c a "$T/t.xlsx" "$T/d.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: $T/t.xlsx: an Excel workbook (.xlsx), not CSV; convert it first: xlsx2csv $T/t.xlsx > $T/t.csv"
	run --separate-stderr cchc-map -c a "$T/t.csv" "$T/d.csv"
	assert_equal "$stderr" "cchc-map: $T/t.csv: an Excel workbook (.xlsx), not CSV; convert it first: xlsx2csv $T/t.csv > $T/t-converted.csv"
	# a row with an empty key is skipped, said once with its count: a count
	# table's group without a value (cchc-sum -g of an empty column)
	printf 'a,b\n,1\nx,2\n,3\n' > "$T/t.csv"
	printf 'a\nx\n' > "$T/d1.csv"
	run --separate-stderr cchc-map -c a -n b "$T/t.csv" "$T/d1.csv"
	assert_success
	assert_output $'a,b\nx,2'
	assert_equal "$stderr" "cchc-map: $T/t.csv:2: a: an empty key: the row is skipped (nothing is looked up without a key) (2 rows)
cchc-map: 1 row: 1 mapped, 0 unmatched, 0 ambiguous"
	# a line with a key after the rows is a row: a '#' only comments above the header
	printf 'a,b\n# x,1\n' > "$T/t.csv"
	printf 'a\n# x\n' > "$T/d2.csv"
	run --separate-stderr cchc-map -c a "$T/t.csv" "$T/d2.csv"
	assert_success
	assert_output $'a\n1'
}

@test "map: the table's comments: '#' lines and blank lines above its header, BOM, CRLF, --table-delimiter" {
	printf '\357\273\277# Nguồn: Cục Thống kê, "Bảng chuyển đổi\r\n\r\n  # 2025\r\nxa_cu;xa_moi\r\nXã Tịnh Hà;Xã Thọ Phong\r\n' > "$T/t.csv"
	printf 'xa\nXã Tịnh Hà\n' > "$T/d.csv"
	run --separate-stderr cchc-map -c xa --table-delimiter ';' "$T/t.csv" "$T/d.csv"
	assert_success
	assert_output $'xa\nXã Thọ Phong'
	# the lines are counted: an error names the table's own line
	printf '# one\n# two\nxa_cu,xa_moi\nA,1\nB,"2\n' > "$T/t.csv"
	run --separate-stderr cchc-map -c xa "$T/t.csv" "$T/d.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: $T/t.csv:5: xa_moi: malformed CSV in field 2: quote never closed: the field runs to the end of the file"
	# -d is the input's: the table keeps its commas
	printf 'id;xa\n1;Xã Tịnh Khê\n' > "$T/s.csv"
	run --separate-stderr cchc-map -d ';' -c xa -n moi "$M/xa.csv" "$T/s.csv"
	assert_success
	assert_output $'id,xa,moi\n1,Xã Tịnh Khê,Xã Tịnh Khê'
	# a tab, and standard input as TABLE
	printf 'id\txa\n1\tXã Tịnh Khê\n' > "$T/tab.csv"
	run --separate-stderr sh -c "cchc-map -d '\\t' -c xa -n moi - '$T/tab.csv' < '$M/xa.csv'"
	assert_success
	assert_output $'id,xa,moi\n1,Xã Tịnh Khê,Xã Tịnh Khê'
	run --separate-stderr sh -c "cchc-map -c xa - < '$M/xa.csv'"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: -: TABLE is standard input: name the FILEs to read"
}

@test "map: a table saved by Excel with ';': said to need --table-delimiter, and read with it" {
	printf '\357\273\277co_quan;nhom\r\nSở Tư pháp;Sở, ngành\r\n' > "$T/t.csv"
	printf 'co_quan\nSở Tư pháp\n' > "$T/d.csv"
	run --separate-stderr cchc-map -c co_quan -n nhom "$T/t.csv" "$T/d.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: $T/t.csv:1: the table has 1 column: no value column after the 1 key; the header has no comma: is the table delimited by ';' or a tab? try --table-delimiter ';' or '\\t'"
	run --separate-stderr cchc-map -c co_quan -n nhom --table-delimiter ';' "$T/t.csv" "$T/d.csv"
	assert_success
	assert_output $'co_quan,nhom\nSở Tư pháp,"Sở, ngành"'
}

@test "map: -d ';' reads a Vietnamese Excel export; without it the header is said to look ';'-delimited" {
	printf 'STT;Cơ quan giải quyết;Ghi chú\n1;Sở Tư pháp;"a;b"\n2;UBND xã Tịnh Ấn Tây;\n' > "$T/d.csv"
	run --separate-stderr cchc-map -d ';' -c 'co quan giai quyet' -n nhom "$M/co-quan.csv" "$T/d.csv"
	assert_success
	assert_output $'STT,Cơ quan giải quyết,Ghi chú,nhom\n1,Sở Tư pháp,a;b,Sở ngành\n2,UBND xã Tịnh Ấn Tây,,Cấp xã'
	printf 'STT;Cơ quan giải quyết;Ghi chú\n1;Sở Tư pháp;a\n2;UBND xã Tịnh Ấn Tây;\n' > "$T/d.csv"
	run --separate-stderr cchc-map -c 'co quan giai quyet' -n nhom "$M/co-quan.csv" "$T/d.csv"
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-map: $T/d.csv:1: no header: none of the first 3 lines names the column co quan giai quyet; line 1 is: \"STT;Cơ quan giải quyết;Ghi chú\"
cchc-map: the header has no comma: is it delimited by ';' or a tab? try -d ';' or -d '\\t'
cchc-map: 0 rows: 0 mapped, 0 unmatched, 0 ambiguous"
}

@test "map: the header: found below title lines, named with --header-line; no COL is exit 2 naming it" {
	printf 'UBND TỈNH QUẢNG NGÃI\nDANH SÁCH HỒ SƠ\n\nid,DonViXuLy\n1,Sở Tư pháp\n' > "$T/d.csv"
	run --separate-stderr cchc-map --level-from DonViXuLy "$T/d.csv"
	assert_success
	assert_output $'id,DonViXuLy,cap\n1,Sở Tư pháp,tinh'
	assert_equal "$stderr" "cchc-map: $T/d.csv:4: the header, below 2 title lines (skipped): \"UBND TỈNH QUẢNG NGÃI\"
cchc-map: 1 empty rows skipped (blank, or every field empty)
cchc-map: 1 row: 1 mapped, 0 unmatched, 0 ambiguous"
	run --separate-stderr cchc-map --level-from DonViXuLy --header-line 4 "$T/d.csv"
	assert_success
	assert_output $'id,DonViXuLy,cap\n1,Sở Tư pháp,tinh'
	assert_equal "$stderr" "cchc-map: 1 row: 1 mapped, 0 unmatched, 0 ambiguous"
	# the line named lacks COL
	run --separate-stderr cchc-map --level-from DonViXuLy --header-line 2 "$T/d.csv"
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-map: $T/d.csv:2: no column DonViXuLy in the header: \"DANH SÁCH HỒ SƠ\"
cchc-map: 0 rows: 0 mapped, 0 unmatched, 0 ambiguous"
	run --separate-stderr cchc-map --level-from DonViXuLy --header-line 9 "$T/d.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: $T/d.csv: --header-line 9: the file has fewer lines
cchc-map: 0 rows: 0 mapped, 0 unmatched, 0 ambiguous"
	# a header of one line without COL; one found nowhere in 30 lines
	printf 'a,b\n' > "$T/h.csv"
	run --separate-stderr cchc-map -c xa,huyen -n xa_moi "$M/dvhc-mini.csv" "$T/h.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: $T/h.csv:1: no columns xa, huyen in the header: \"a,b\"
cchc-map: 0 rows: 0 mapped, 0 unmatched, 0 ambiguous"
	{ printf 'ma,xa_cu\n'; seq 1 40 | sed 's/$/,x/'; } > "$T/long.csv"
	run --separate-stderr cchc-map -c xa "$M/xa.csv" "$T/long.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: $T/long.csv:1: no header: none of the first 30 lines names the column xa; line 1 is: \"ma,xa_cu\"
cchc-map: 0 rows: 0 mapped, 0 unmatched, 0 ambiguous"
	# a syntax error above or in the header; a COL named twice
	printf 'T"x\nid,xa\n' > "$T/q.csv"
	run --separate-stderr cchc-map -c xa "$M/xa.csv" "$T/q.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: $T/q.csv:1: in or above the header: malformed CSV at character 2: quote inside an unquoted field (if the header is below, name it with --header-line N)
cchc-map: 0 rows: 0 mapped, 0 unmatched, 0 ambiguous"
	printf 'xa,Xã\n1,2\n' > "$T/two.csv"
	run --separate-stderr cchc-map -c xa "$M/xa.csv" "$T/two.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: $T/two.csv:1: xa: the header names this column twice (fields 1 and 2): which to look up?
cchc-map: 0 rows: 0 mapped, 0 unmatched, 0 ambiguous"
	: > "$T/empty.csv"
	run --separate-stderr cchc-map -c xa "$M/xa.csv" "$T/empty.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: $T/empty.csv: empty file: no header line
cchc-map: 0 rows: 0 mapped, 0 unmatched, 0 ambiguous"
}

@test "map: several FILEs: a later header in another order, rows in the first's order; a header again inside a file" {
	printf 'id,xa,ghi_chu\n1,Xã Tịnh Khê,a\n' > "$T/a.csv"
	printf 'XA,Ghi chú,ID\nPhường Trúc Bạch,b,2\n' > "$T/b.csv"
	printf 'id,xa,ghi_chu\n3,Xã Tịnh Hà,c\nid,xa,ghi_chu\n4,Xã Tịnh Khê,d\nghi_chu,id,xa\ne,5,Nowhere\n' > "$T/c.csv"
	run --separate-stderr cchc-map -c xa -n moi "$M/xa.csv" "$T/a.csv" "$T/b.csv" "$T/c.csv"
	assert_success
	assert_output - <<'EOF'
id,xa,ghi_chu,moi
1,Xã Tịnh Khê,a,Xã Tịnh Khê
2,Phường Trúc Bạch,b,Phường Ba Đình
3,Xã Tịnh Hà,c,Xã Thọ Phong
4,Xã Tịnh Khê,d,Xã Tịnh Khê
5,Nowhere,e,
EOF
	assert_equal "$stderr" "cchc-map: $T/c.csv:3: the header again, inside the file: skipped (2 rows)
cchc-map: $T/c.csv:6: xa: not in $M/xa.csv: \"Nowhere\"
cchc-map: 5 rows: 4 mapped, 1 unmatched, 0 ambiguous"
	# files joined with cat, the second with its BOM
	run --separate-stderr sh -c "{ cat '$T/a.csv'; printf '\357\273\277'; cat '$T/a.csv'; } | cchc-map -c xa -n moi '$M/xa.csv'"
	assert_success
	assert_output $'id,xa,ghi_chu,moi\n1,Xã Tịnh Khê,a,Xã Tịnh Khê\n1,Xã Tịnh Khê,a,Xã Tịnh Khê'
	assert_equal "$stderr" "cchc-map: -:3: the header again, inside the file: skipped
cchc-map: 2 rows: 2 mapped, 0 unmatched, 0 ambiguous"
	# a later file without the first's columns: exit 2, what came before written
	printf 'id,xa\n5,x\n' > "$T/d.csv"
	run --separate-stderr cchc-map -c xa -n moi "$M/xa.csv" "$T/a.csv" "$T/d.csv"
	assert_failure 2
	assert_output $'id,xa,ghi_chu,moi\n1,Xã Tịnh Khê,a,Xã Tịnh Khê'
	assert_equal "$stderr" "cchc-map: $T/d.csv:1: the header does not have the first file's columns; the header found: \"id,xa\"
cchc-map: 1 row: 1 mapped, 0 unmatched, 0 ambiguous"
	# and the end of the run: nothing after it is read, nor after a file
	# that cannot be opened
	run --separate-stderr cchc-map -c xa -n moi "$M/xa.csv" "$T/a.csv" "$T/d.csv" "$T/a.csv"
	assert_failure 2
	assert_output $'id,xa,ghi_chu,moi\n1,Xã Tịnh Khê,a,Xã Tịnh Khê'
	run --separate-stderr cchc-map -c xa -n moi "$M/xa.csv" "$T/a.csv" "$T/nope.csv" "$T/a.csv"
	assert_failure 2
	assert_output $'id,xa,ghi_chu,moi\n1,Xã Tịnh Khê,a,Xã Tịnh Khê'
	assert_equal "$stderr" "cchc-map: $T/nope.csv: cannot open: No such file or directory
cchc-map: 1 row: 1 mapped, 0 unmatched, 0 ambiguous"
	# standard input among them, once
	run --separate-stderr sh -c "cchc-map -c xa -n moi '$M/xa.csv' '$T/a.csv' - < '$T/c.csv'"
	assert_success
	assert_equal "${#lines[@]}" 5
	run --separate-stderr cchc-map -c xa "$M/xa.csv" - - < "$T/a.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: -: standard input is named twice (it can be read once)"
}

@test "map: rows that are not sound CSV or not UTF-8 are left out and reported (exit 1)" {
	printf 'id,xa\n1,Xã Tịnh Khê\n2,H\340 N\364i\n3,a"b\n4,Xã Tịnh Khê,9\n5,Xã Tịnh Hà\n6,H\340 N\364i\n' > "$T/d.csv"
	run --separate-stderr cchc-map -c xa -n moi "$M/xa.csv" "$T/d.csv"
	assert_failure 1
	assert_output $'id,xa,moi\n1,Xã Tịnh Khê,Xã Tịnh Khê\n5,Xã Tịnh Hà,Xã Thọ Phong'
	assert_equal "$stderr" "cchc-map: $T/d.csv:3: xa: not UTF-8; a legacy Vietnamese file converts with iconv -f CP1258 -t UTF-8 (or -f TCVN5712-1): \"H\\xe0 N\\xf4i\" (2 rows)
cchc-map: $T/d.csv:4: xa: malformed CSV at character 4: quote inside an unquoted field
cchc-map: $T/d.csv:5: expected 2 fields, found 3
cchc-map: 6 rows: 2 mapped, 0 unmatched, 0 ambiguous, 4 left out (2 not UTF-8, 1 malformed CSV, 1 wrong number of fields)"
	# blank lines are no rows, and said
	printf 'id,xa\n\n1,Xã Tịnh Khê\n,\n' > "$T/b.csv"
	run --separate-stderr cchc-map -c xa -n moi "$M/xa.csv" "$T/b.csv"
	assert_success
	assert_output $'id,xa,moi\n1,Xã Tịnh Khê,Xã Tịnh Khê'
	assert_equal "$stderr" "cchc-map: 2 empty rows skipped (blank, or every field empty)
cchc-map: 1 row: 1 mapped, 0 unmatched, 0 ambiguous"
}

@test "map: --level-from on realistic unit names: each level, and the names no rule reads said once" {
	run --separate-stderr cchc-map --level-from DonViXuLy "$M/don-vi.csv"
	assert_success
	assert_output - <<'EOF'
DonViXuLy,cap
Sở Tư pháp,tinh
Sở Lao động - Thương binh và Xã hội,tinh
Ban Quản lý Khu kinh tế Dung Quất và các khu công nghiệp Quảng Ngãi,tinh
Văn phòng Đăng ký đất đai tỉnh Quảng Ngãi,tinh
Chi nhánh Văn phòng đăng ký đất đai huyện Sơn Tịnh,tinh
UBND tỉnh Quảng Ngãi,tinh
Văn phòng UBND tỉnh,tinh
Trung tâm Phục vụ hành chính công tỉnh Quảng Ngãi,tinh
Công an tỉnh Quảng Ngãi,tinh
UBND huyện Bình Sơn,huyen
UBND thị xã Đức Phổ,huyen
UBND quận Ba Đình,huyen
UBND thành phố Quảng Ngãi,huyen
Văn phòng HĐND và UBND huyện Tư Nghĩa,huyen
UBND thành phố Đà Nẵng,tinh
UBND TP. Hồ Chí Minh,tinh
Thành phố Huế,tinh
UBND xã Tịnh Ấn Tây,xa
Ủy ban nhân dân xã Tịnh Khê,xa
Uỷ ban nhân dân phường Nghĩa Lộ,xa
Xã Tịnh Ấn Tây,xa
Phường 1,xa
Thị trấn Châu Ổ,xa
Đặc khu Lý Sơn,xa
Huyện Sơn Tịnh,huyen
UBND xa Tinh Khe,xa
Tịnh Ấn Tây,
UBND Tịnh Ấn Tây,
Phòng Tư pháp huyện Sơn Tịnh,
Chi cục Thuế khu vực Quảng Ngãi,
UBND thành phố,
Xã,
Sở Tư pháp,tinh
Tịnh Ấn Tây,
EOF
	assert_equal "$stderr" "cchc-map: $M/don-vi.csv:28: DonViXuLy: no level in the unit's name: \"Tịnh Ấn Tây\" (2 rows)
cchc-map: $M/don-vi.csv:29: DonViXuLy: no level in the unit's name: \"UBND Tịnh Ấn Tây\"
cchc-map: $M/don-vi.csv:30: DonViXuLy: no level in the unit's name: \"Phòng Tư pháp huyện Sơn Tịnh\"
cchc-map: $M/don-vi.csv:31: DonViXuLy: no level in the unit's name: \"Chi cục Thuế khu vực Quảng Ngãi\"
cchc-map: $M/don-vi.csv:32: DonViXuLy: no level in the unit's name: \"UBND thành phố\"
cchc-map: $M/don-vi.csv:33: DonViXuLy: no level in the unit's name: \"Xã\"
cchc-map: 34 rows: 27 mapped, 7 unmatched, 0 ambiguous"
	# a new column the tools would read as one the input has under another
	# name: cchc-sum would refuse the two, so cchc-map does first
	printf 'Cơ quan,Cấp giải quyết\nUBND xã Tịnh Khê,Cấp xã\n' > "$T/cap.csv"
	run --separate-stderr cchc-map --level-from 'Cơ quan' "$T/cap.csv"
	assert_failure 2
	assert_output ""
	assert_equal "$stderr" "cchc-map: $T/cap.csv:1: cap: the input has this column already, as \"Cấp giải quyết\" (the tools read both as cap); name another with -n
cchc-map: 0 rows: 0 mapped, 0 unmatched, 0 ambiguous"
	run --separate-stderr cchc-map --level-from 'Cơ quan' -n cap_tu_ten "$T/cap.csv"
	assert_success
	assert_output $'Cơ quan,Cấp giải quyết,cap_tu_ten\nUBND xã Tịnh Khê,Cấp xã,xa'
	# a centrally governed city with more words after its name is still one
	printf 'dv\n%s\n' 'Công an thành phố Hà Nội - Phòng Cảnh sát QLHC về TTXH' 'UBND thành phố Hà Nội (cũ)' \
		'"UBND thành phố Đà Nẵng, Sở Nội vụ"' 'UBND thành phố Hải Phòng cũ' 'UBND thành phố Quảng Ngãi - Văn phòng' > "$T/c.csv"
	run --separate-stderr cchc-map --level-from dv "$T/c.csv"
	assert_success
	assert_equal "$(printf '%s\n' "$output" | sed 's/.*,//' | tr '\n' ' ')" "cap tinh tinh tinh tinh huyen "
	# NFD and capitals read alike; -n names the column; --strict keeps the
	# names no rule reads out
	{ printf 'dv\n'; nfd $'UBND THÀNH PHỐ ĐÀ NẴNG\nỦY BAN NHÂN DÂN XÃ TỊNH KHÊ\n'; printf 'Tịnh Hà\n'; } > "$T/n.csv"
	run --separate-stderr cchc-map --level-from dv -n Cấp --strict "$T/n.csv"
	assert_failure 1
	assert_output "$(printf 'dv,Cấp\n'; nfd $'UBND THÀNH PHỐ ĐÀ NẴNG,tinh\nỦY BAN NHÂN DÂN XÃ TỊNH KHÊ,xa')"
	assert_equal "$stderr" "cchc-map: $T/n.csv:4: dv: no level in the unit's name: \"Tịnh Hà\"
cchc-map: 3 rows: 2 mapped, 1 unmatched, 0 ambiguous; 1 rejected (--strict)"
	# the input has a cap column already: name another
	printf 'cap,dv\nxa,Xã A\n' > "$T/c.csv"
	run --separate-stderr cchc-map --level-from dv "$T/c.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: $T/c.csv:1: cap: the input has this column already; name another with -n
cchc-map: 0 rows: 0 mapped, 0 unmatched, 0 ambiguous"
}

@test "map: a portal export without a level: cchc-map --level-from DonViXuLy | cchc-sum -g cap counts as the export's own level does" {
	"$TOP/samples/gen-export" --portal --lean --rows 4000 --seed 5 > "$T/p.csv"
	# the same export without its Cap column (4th; lean portal rows have no quotes)
	cut -d, -f1-3,5- "$T/p.csv" > "$T/no-cap.csv"
	! head -n 1 "$T/no-cap.csv" | grep -qi ',cap,'
	cchc-sum --period 2024 -g cap "$T/p.csv" > "$T/want.csv" 2>/dev/null
	run --separate-stderr bash -c "set -o pipefail; cchc-map --level-from DonViXuLy < '$T/no-cap.csv' 2>'$T/map.err' | cchc-sum --period 2024 -g cap --total"
	assert_success
	assert_equal "$(cat "$T/map.err")" "cchc-map: 4000 rows: 4000 mapped, 0 unmatched, 0 ambiguous"
	assert_equal "$(printf '%s\n' "$output" | sed '$d')" "$(cat "$T/want.csv")"
	assert_line --index 0 "cap,tiep_nhan,ky_truoc,moi_tiep_nhan,nop_truc_tuyen,nop_truc_tiep,nop_buu_chinh,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han"
	[ "${#lines[@]}" -eq 5 ]
	[[ "${lines[1]}" == huyen,* && "${lines[2]}" == tinh,* && "${lines[3]}" == xa,* && "${lines[4]}" == tong,* ]]
	# every received dossier is counted in some level: the total is the export's
	[ "$(printf '%s\n' "$output" | tail -n 1 | cut -d, -f2)" = "$(cchc-sum --period 2024 --total "$T/p.csv" 2>/dev/null | tail -n 1 | cut -d, -f1)" ]
}

@test "map: a write error is exit 2 with a message; a closed pipe is status 141" {
	[ -c /dev/full ] && [ -w /dev/full ] || skip "no /dev/full device"
	printf 'id,xa\n1,Xã Tịnh Khê\n' > "$T/d.csv"
	run --separate-stderr sh -c "cchc-map -c xa '$M/xa.csv' '$T/d.csv' > /dev/full"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: write error on standard output: No space left on device"
	run --separate-stderr cchc-map -c xa -n moi --strict --rejects /dev/full "$M/xa.csv" "$T/d.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: write error on /dev/full: No space left on device"
	"$TOP/samples/gen-export" --portal --lean --rows 50000 --seed 2 > "$T/p.csv"
	run bash -c "cchc-map --level-from DonViXuLy -n c '$T/p.csv' 2>'$T/err' | head -n 1; echo \${PIPESTATUS[0]}"
	assert_output $'MaHoSo,MaTTHC,DonViXuLy,Cap,KenhThucHien,MucDo,TrangThaiHoSo,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,c\n141'
	assert_equal "$(cat "$T/err")" ""
	run bash -c "trap '' PIPE; cchc-map --level-from DonViXuLy -n c '$T/p.csv' | head -n 1 > /dev/null; echo \${PIPESTATUS[0]}"
	assert_output 141
}

@test "map: --help mirrors the man page, --version; usage errors are exit 2 and say which" {
	run cchc-map --help
	assert_success
	assert_line --index 0 "usage: cchc-map -c COL[,COL]... [-n NEWCOL[=TABLECOL][,NEWCOL[=TABLECOL]]...] [--strict] [--rejects FILE] [-d C] [--table-delimiter C] [--header-line N] [--excel] TABLE [FILE]..."
	assert_line --index 1 "       cchc-map --level-from COL [-n NEWCOL] [--strict] [--rejects FILE] [-d C] [--header-line N] [--excel] [FILE]..."
	run cchc-map --version
	assert_output --regexp '^cchc-map [0-9]+\.[0-9]+\.[0-9]+$'
	# arguments|the first line of the message
	while IFS='|' read -r args want; do
		run --separate-stderr cchc-map $args < /dev/null
		[ "$status" -eq 2 ] || { echo "$args: exit $status"; return 1; }
		[ -z "$output" ] || { echo "$args: output $output"; return 1; }
		[ "$(printf '%s\n' "$stderr" | head -n 1)" = "$want" ] || { echo "$args: $stderr"; return 1; }
	done <<'EOF_CASES'
|cchc-map: -c COL or --level-from COL is needed
-c xa|cchc-map: TABLE is needed after the options
-c xa --level-from dv x.csv|cchc-map: -c or --level-from, not both: --level-from reads no TABLE
--level-from a,b|cchc-map: --level-from: one column ("a,b" names 2)
--level-from a -n b,c|cchc-map: --level-from writes one column: -n names one
--level-from a --table-delimiter ;|cchc-map: --table-delimiter: --level-from reads no TABLE
-c xa,XA -n m t.csv|cchc-map: -c: XA is given twice
-c _ t.csv|cchc-map: -c: "_" is not a column name
-c xa -n ,m t.csv|cchc-map: -n: "" is not a column name
-c xa -d ;; t.csv|cchc-map: -d: not a delimiter: ";;" (one byte, or '\t')
-c xa --header-line 0 t.csv|cchc-map: --header-line: "0" is not a line number from 1 to 30000
--bogus|cchc-map: unrecognized option '--bogus'
EOF_CASES
}

@test "map: the shipped tables by name, from the source tree: a whole commune mapped, a split one ambiguous" {
	[ -f "$TOP/share/cchc/dvhc-2025.csv" ] || skip "share/cchc/dvhc-2025.csv is not in this tree"
	cat > "$T/d.csv" <<'CSV'
ma_ho_so,tinh,huyen,xa
H1,Thành phố Hà Nội,Quận Ba Đình,Phường Trúc Bạch
H2,thanh pho ha noi,quan ba dinh,PHƯỜNG NGỌC HÀ
H3,Tỉnh Quảng Ngãi,Thành phố Quảng Ngãi,Phường Nghĩa Chánh
CSV
	run --separate-stderr env -u CCHC_SHARE cchc-map -c tinh,huyen,xa -n xa_moi,ma_xa_moi dvhc-2025 "$T/d.csv"
	assert_success
	assert_output - <<'CSV'
ma_ho_so,tinh,huyen,xa,xa_moi,ma_xa_moi
H1,Thành phố Hà Nội,Quận Ba Đình,Phường Trúc Bạch,Phường Ba Đình,00004
H2,thanh pho ha noi,quan ba dinh,PHƯỜNG NGỌC HÀ,,
H3,Tỉnh Quảng Ngãi,Thành phố Quảng Ngãi,Phường Nghĩa Chánh,Phường Cẩm Thành,21025
CSV
	assert_equal "$stderr" "cchc-map: $T/d.csv:3: tinh,huyen,xa: ambiguous in dvhc-2025: 2 values (Phường Ba Đình / 00004, Phường Ngọc Hà / 00008): \"thanh pho ha noi / quan ba dinh / PHƯỜNG NGỌC HÀ\"
cchc-map: 3 rows: 2 mapped, 0 unmatched, 1 ambiguous"
	# the new province of every row: the split commune stays in one
	run --separate-stderr env -u CCHC_SHARE cchc-map -c tinh,huyen,xa -n tinh_moi dvhc-2025.csv "$T/d.csv"
	assert_success
	assert_equal "$stderr" "cchc-map: 3 rows: 3 mapped, 0 unmatched, 0 ambiguous"
	printf 'tinh\nTỉnh Kon Tum\n' > "$T/t.csv"
	run --separate-stderr env -u CCHC_SHARE cchc-map -c tinh -n tinh_moi tinh-2025 "$T/t.csv"
	assert_output $'tinh,tinh_moi\nTỉnh Kon Tum,Tỉnh Quảng Ngãi'
}

@test "map: names that fold alike are told apart by their marks; written without marks they are ambiguous" {
	[ -f "$TOP/share/cchc/dvhc-2025.csv" ] || skip "share/cchc/dvhc-2025.csv is not in this tree"
	# Xã Minh Quán (04516) and Xã Minh Quân (04567), both of Huyện Trấn Yên,
	# went to two new communes
	cat > "$T/d.csv" <<'CSV'
tinh,huyen,xa
Tỉnh Yên Bái,Huyện Trấn Yên,Xã Minh Quán
Tỉnh Yên Bái,Huyện Trấn Yên,XÃ MINH QUÂN
tinh yen bai,huyen tran yen,Xa Minh Quan
CSV
	run --separate-stderr env -u CCHC_SHARE cchc-map -c tinh,huyen,xa -n xa_moi,ma_xa_cu dvhc-2025 "$T/d.csv"
	assert_success
	assert_output - <<'CSV'
tinh,huyen,xa,xa_moi,ma_xa_cu
Tỉnh Yên Bái,Huyện Trấn Yên,Xã Minh Quán,Xã Trấn Yên,04516
Tỉnh Yên Bái,Huyện Trấn Yên,XÃ MINH QUÂN,Phường Âu Lâu,04567
tinh yen bai,huyen tran yen,Xa Minh Quan,,
CSV
	assert_equal "$stderr" "cchc-map: $T/d.csv:4: tinh,huyen,xa: ambiguous in dvhc-2025: 2 values (Xã Trấn Yên / 04516, Phường Âu Lâu / 04567): \"tinh yen bai / huyen tran yen / Xa Minh Quan\"
cchc-map: 3 rows: 2 mapped, 0 unmatched, 1 ambiguous"
	# Xã Lộc Thạnh and Xã Lộc Thành of Huyện Lộc Ninh: also their new communes'
	# names fold alike, and are two values (the first was written for both)
	printf 'tinh,huyen,xa\nTỉnh Bình Phước,Huyện Lộc Ninh,Xã Lộc Thạnh\nTỉnh Bình Phước,Huyện Lộc Ninh,Xã Lộc Thành\nTinh Binh Phuoc,Huyen Loc Ninh,Xa Loc Thanh\n' > "$T/l.csv"
	run --separate-stderr env -u CCHC_SHARE cchc-map -c tinh,huyen,xa -n xa_moi dvhc-2025 "$T/l.csv"
	assert_success
	assert_output $'tinh,huyen,xa,xa_moi\nTỉnh Bình Phước,Huyện Lộc Ninh,Xã Lộc Thạnh,Xã Lộc Thạnh\nTỉnh Bình Phước,Huyện Lộc Ninh,Xã Lộc Thành,Xã Lộc Thành\nTinh Binh Phuoc,Huyen Loc Ninh,Xa Loc Thanh,'
	assert_equal "$stderr" "cchc-map: $T/l.csv:4: tinh,huyen,xa: ambiguous in dvhc-2025: 2 values (Xã Lộc Thạnh, Xã Lộc Thành): \"Tinh Binh Phuoc / Huyen Loc Ninh / Xa Loc Thanh\"
cchc-map: 3 rows: 2 mapped, 0 unmatched, 1 ambiguous"
	# a split commune stays ambiguous however it is written
	printf 'tinh,huyen,xa\nThành phố Hà Nội,Quận Ba Đình,Phường Ngọc Hà\n' > "$T/s.csv"
	run --separate-stderr env -u CCHC_SHARE cchc-map -c tinh,huyen,xa -n xa_moi dvhc-2025 "$T/s.csv"
	assert_output $'tinh,huyen,xa,xa_moi\nThành phố Hà Nội,Quận Ba Đình,Phường Ngọc Hà,'
}

@test "map: clean under valgrind memcheck, both modes, with every kind of row" {
	command -v valgrind >/dev/null || skip "no valgrind"
	[ -z "${ASAN_OPTIONS:-}" ] || skip "the sanitizer build runs instead"
	vg="valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
	printf 'T\nid,xa,dv\n1,Phường Trúc Bạch,UBND xã A\n2,Phường Ngọc Hà,Sở B\n3,,x\n4,Nowhere,UBND thành phố Đà Nẵng\n6,1,2,3\n7,H\340,y\n5,"a\n' > "$T/d.csv"
	run --separate-stderr sh -c "$vg cchc-map -c xa -n m --strict --rejects '$T/r.csv' '$M/xa.csv' '$T/d.csv' '$T/d.csv'"
	assert_failure 1
	! grep -q '==[0-9]*==' <<< "$stderr"
	run --separate-stderr sh -c "$vg cchc-map --level-from dv '$T/d.csv'"
	assert_failure 1
	! grep -q '==[0-9]*==' <<< "$stderr"
	assert_equal "$(printf '%s\n' "$stderr" | tail -n 1)" "cchc-map: 7 rows: 3 mapped, 1 unmatched, 0 ambiguous, 3 left out (1 wrong number of fields, 1 not UTF-8, 1 malformed CSV)"
}
