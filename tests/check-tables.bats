#!/usr/bin/env bats
# cchc-check --counts and --form: the identities, the rates, the filled annex.

load helper

HDR="tiep_nhan,ky_truoc,moi_tiep_nhan,nop_truc_tuyen,nop_truc_tiep,nop_buu_chinh,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han"

@test "counts: cchc-sum | cchc-rate output passes, and passes through unchanged" {
	cchc-sum --period 2024 -g cap --total "$DATA/sum-hand.csv" 2>/dev/null | cchc-rate > "$T/c.csv"
	run --separate-stderr cchc-check --counts "$T/c.csv"
	assert_success
	cmp <(printf '%s\n' "$output") "$T/c.csv"
	assert_equal "$stderr" "cchc-check: 4 rows: 4 passed, 0 rejected"
}

@test "counts: each broken identity is named with its line, group and both sides" {
	printf 'cap,%s\n' "$HDR" > "$T/c.csv"
	printf 'tinh,10,2,8,5,2,1,7,3,3,1,3,2,1\n' >> "$T/c.csv"
	printf 'huyen,10,2,9,5,2,1,7,3,3,1,3,2,1\n' >> "$T/c.csv"
	printf 'xa,10,2,8,5,2,2,7,3,3,2,3,2,2\n' >> "$T/c.csv"
	run --separate-stderr cchc-check --counts "$T/c.csv"
	assert_failure 1
	assert_output "cap,$HDR"$'\n'"tinh,10,2,8,5,2,1,7,3,3,1,3,2,1"
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: c.csv:3: huyen: tiep_nhan = ky_truoc + moi_tiep_nhan: 10, but 2 + 9 = 11
cchc-check: c.csv:3: huyen: moi_tiep_nhan = nop_truc_tuyen + nop_truc_tiep + nop_buu_chinh: 9, but 5 + 2 + 1 = 8
cchc-check: c.csv:4: xa: moi_tiep_nhan = nop_truc_tuyen + nop_truc_tiep + nop_buu_chinh: 8, but 5 + 2 + 2 = 9
cchc-check: c.csv:4: xa: da_giai_quyet = gq_truoc_han + gq_dung_han + gq_qua_han: 7, but 3 + 3 + 2 = 8
cchc-check: c.csv:4: xa: dang_giai_quyet = dang_trong_han + dang_qua_han: 3, but 2 + 2 = 4
cchc-check: 3 rows: 1 passed, 2 rejected
ERR
}

@test "counts: a table typed by hand, with some columns, Vietnamese numbers, checked to each rate's precision" {
	printf 'Cấp,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,ty_le_dung_han\n' > "$T/h.csv"
	printf 'xa,"301.390","290.000","8.921","2.469","99,18%%"\n' >> "$T/h.csv"
	printf 'huyen,29781,25000,4632,149,99.5\n' >> "$T/h.csv"
	printf 'tinh,123747,110000,13683,64,100\n' >> "$T/h.csv"
	printf 'bad,100,50,50,0,99.9\n' >> "$T/h.csv"
	printf 'zero,0,0,0,0,\n' >> "$T/h.csv"
	printf 'gone,4,1,2,1,\n' >> "$T/h.csv"
	run --separate-stderr cchc-check --counts "$T/h.csv"
	assert_failure 1
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: h.csv:5: bad: ty_le_dung_han = gq_truoc_han+gq_dung_han/da_giai_quyet: 99.9, but 100/100 = 100.0 to 1 decimal
cchc-check: h.csv:7: gone: ty_le_dung_han = gq_truoc_han+gq_dung_han/da_giai_quyet: missing for 3/4
cchc-check: 6 rows: 4 passed, 2 rejected
ERR
}

@test "counts: a count that is not one, a table that is not a count table, a sum past 2^63-1" {
	printf 'cap,tiep_nhan,ky_truoc,moi_tiep_nhan\nxa,"158.55",0,1\n' > "$T/f.csv"
	run --separate-stderr cchc-check --counts "$T/f.csv"
	assert_failure 1
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: f.csv:2: tiep_nhan: a count has no fraction: "158.55"
cchc-check: 1 rows: 0 passed, 1 rejected
ERR
	printf 'a,b\n1,2\n' > "$T/n.csv"
	run --separate-stderr cchc-check --counts "$T/n.csv"
	assert_failure 2
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: n.csv:1: not a count table: none of the columns of cchc-sum; the header found: "a,b"
cchc-check: 0 rows: 0 passed, 0 rejected
ERR
	printf 'cap,%s\nxa,9223372036854775807,0,9223372036854775807,9223372036854775807,0,0,0,0,0,0,9223372036854775807,9223372036854775807,0\n' "$HDR" > "$T/o.csv"
	printf 'xa,1,9223372036854775807,1,1,0,0,0,0,0,0,1,1,0\n' >> "$T/o.csv"
	run --separate-stderr cchc-check --counts "$T/o.csv"
	assert_failure 1
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
cchc-check: o.csv:3: xa: tiep_nhan = ky_truoc + moi_tiep_nhan: 1, but 9223372036854775807 + 1 is more than 9223372036854775807
cchc-check: 2 rows: 1 passed, 1 rejected
ERR
}

@test "form: the seed's own annex, bm3: its blank 1.1 and its slip at 3.3 (99.20 printed, 99.18 true)" {
	run --separate-stderr cchc-check --form bm3 "$DATA/seed-bm3.csv"
	assert_failure 1
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$DATA/||") <<'ERR'
1.1: no figure (seed-bm3.csv:3)
3.3: 99.20% is not 3.3.2/3.3.1 = 298921/301390 = 99.18% (to 2 decimals, as printed) (seed-bm3.csv:21)
cchc-check: 25 rows: 23 passed, 2 rejected
ERR
	# the sound rows pass through, in either number style, as given
	assert_line '3.1.1.,Tổng số hồ sơ TTHC đã giải quyết xong,Hồ sơ,"123,747",'
	refute_line --partial '3.3.,'
}

@test "form: the seed's bm7: 158.55 is no count; 83,1 and 90,4% and 83% are right to their precision" {
	run --separate-stderr cchc-check --form bm7 "$DATA/seed-bm7.csv"
	assert_failure 1
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$DATA/||") <<'ERR'
6.3.2: so_lieu "158.55": a count has no fraction (unit: Hồ sơ) (seed-bm7.csv:12)
cchc-check: 17 rows: 16 passed, 1 rejected
ERR
}

@test "form: what cchc-table writes passes, in every style; a slip in a sum and a rate is found" {
	for loc in "" "--locale vi" "--locale en"; do
		cchc-table --form bm3 --partial $loc "$DATA/seed-counts.csv" "$DATA/seed-values.csv" > "$T/a.csv" 2>/dev/null
		sed -i 's/^1\.1,\(.*\),,$/1.1,\1,0,/' "$T/a.csv"
		run --separate-stderr cchc-check --form bm3 "$T/a.csv"
		assert_success
	done
	cchc-table --form bm3 --partial "$DATA/seed-counts.csv" "$DATA/seed-values.csv" 2>/dev/null |
		sed 's/^1\.1,\(.*\),,$/1.1,\1,0,/; s/^1\.4,\(.*\),2815,$/1.4,\1,2816,/; s/^3\.2,\(.*\),99\.50,/3.2,\1,99.49,/' > "$T/b.csv"
	run --separate-stderr cchc-check --form bm3 "$T/b.csv"
	assert_failure 1
	diff -u - <(printf '%s\n' "$stderr" | sed "s|$T/||") <<'ERR'
1.4: 2816 is not 1.4.1+1.4.2+1.4.3 = 2147+467+201 = 2815 (b.csv:6)
3.2: 99.49% is not 3.2.2/3.2.1 = 29632/29781 = 99.50% (to 2 decimals, as printed) (b.csv:18)
cchc-check: 25 rows: 23 passed, 2 rejected
ERR
}

@test "form: a rate printed to one decimal is checked to one decimal, at the half too" {
	printf 'stt,chi_tieu,don_vi,nguon,ghi_chu\nr,r,%%,=a/b,\na,a,Hồ sơ,x,\nb,b,Hồ sơ,y,\n' > "$T/f.csv"
	for v in "12,5" "12.5%" "13" "12,50"; do
		printf 'stt,chi_tieu,don_vi,so_lieu,ghi_chu\nr,r,%%,"%s",\na,a,Hồ sơ,1,\nb,b,Hồ sơ,8,\n' "$v" > "$T/a.csv"
		run --separate-stderr cchc-check --form "$T/f.csv" "$T/a.csv"
		assert_success
	done
	for v in "12,4" "11" "12.49" "12,6"; do
		printf 'stt,chi_tieu,don_vi,so_lieu,ghi_chu\nr,r,%%,"%s",\na,a,Hồ sơ,1,\nb,b,Hồ sơ,8,\n' "$v" > "$T/a.csv"
		run --separate-stderr cchc-check --form "$T/f.csv" "$T/a.csv"
		assert_failure 1
	done
}

@test "form: rows missing, unknown, repeated; a header that is not an annex" {
	printf 'stt,chi_tieu,don_vi,so_lieu,ghi_chu\n5,x,,,\n5.1,x,Nhiệm vụ,210,\n5.1,x,Nhiệm vụ,210,\n9.9,x,,1,\n' > "$T/a.csv"
	run --separate-stderr cchc-check --form bm1 "$T/a.csv"
	assert_failure 1
	[[ "$stderr" == *"5.1: given twice (first on line 3) ($T/a.csv:4)"* ]]
	[[ "$stderr" == *"9.9: no such row in form bm1 ($T/a.csv:5)"* ]]
	[[ "$stderr" == *"5.2: missing from the annex (form bm1)"* ]]
	printf 'a,b\n1,2\n' > "$T/n.csv"
	run --separate-stderr cchc-check --form bm1 "$T/n.csv"
	assert_failure 2
	run --separate-stderr cchc-check --form bm1 --counts "$T/n.csv"
	assert_failure 2
}
