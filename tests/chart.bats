#!/usr/bin/env bats
# cchc-table with estimates: figures marked "ước" in every format; --chart, the
# rates by group as an SVG bar chart in the html page, its bars measured.

load helper

HDR="tiep_nhan,ky_truoc,moi_tiep_nhan,nop_truc_tuyen,nop_truc_tiep,nop_buu_chinh,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han"

# A form of the commune level's on-time rate, and a value no export holds.
form() {
	cat > "$T/f.csv" <<'CSV'
stt,chi_tieu,don_vi,nguon,ghi_chu
1,Kết quả giải quyết,,,
1.1,Tỷ lệ giải quyết đúng hạn cấp xã,%,=1.1.2/1.1.1,Từ hệ thống một cửa
1.1.1,Đã giải quyết,Hồ sơ,xa.da_giai_quyet,
1.1.2,Đúng hạn,Hồ sơ,xa.gq_truoc_han+xa.gq_dung_han,
1.2,PAKN tiếp nhận,PAKN,pakn_tiep_nhan,
CSV
	printf 'ten,gia_tri\npakn_tiep_nhan,300\n' > "$T/v.csv"
}

# The commune level of tests/estimate.bats's hand-worked case, as of 16/12/2024:
# 7 resolved, 6 of them on time; estimated to 31/12/2024: 9, 8 on time.
counts() {
	{
		echo "cap,$HDR,ngay_so_lieu,nhip_tu_ngay,uoc_den_ngay,nhip_nop_truc_tuyen,nhip_nop_truc_tiep,nhip_nop_buu_chinh,nhip_gq_truoc_han,nhip_gq_dung_han,nhip_gq_qua_han,uoc_tiep_nhan,uoc_ky_truoc,uoc_moi_tiep_nhan,uoc_nop_truc_tuyen,uoc_nop_truc_tiep,uoc_nop_buu_chinh,uoc_da_giai_quyet,uoc_gq_truoc_han,uoc_gq_dung_han,uoc_gq_qua_han,uoc_dang_giai_quyet,uoc_dang_trong_han,uoc_dang_qua_han"
		echo "xa,7,3,4,1,3,0,7,3,3,1,0,0,0,2024-12-16,2024-11-17,2024-12-31,1,3,0,3,3,1,9,3,6,2,4,0,9,4,4,1,0,0,0"
	} > "$T/uoc.csv"
	cut -d, -f1-14 "$T/uoc.csv" > "$T/plain.csv"
}

@test "chart: estimated figures are taken and marked ước, rates of them too; a value is not" {
	form
	counts
	run --separate-stderr cchc-table --form "$T/f.csv" "$T/uoc.csv" "$T/v.csv"
	assert_success
	assert_output - <<'OUT'
stt,chi_tieu,don_vi,so_lieu,ghi_chu
1,Kết quả giải quyết,,,
1.1,Tỷ lệ giải quyết đúng hạn cấp xã,%,88.89,Từ hệ thống một cửa; Số liệu ước đến 31/12/2024
1.1.1,Đã giải quyết,Hồ sơ,9,Số liệu ước đến 31/12/2024
1.1.2,Đúng hạn,Hồ sơ,8,Số liệu ước đến 31/12/2024
1.2,PAKN tiếp nhận,PAKN,300,
OUT
	assert_equal "$stderr" ""
	# the counts as of the day, without --estimate: no mark
	run --separate-stderr cchc-table --form "$T/f.csv" "$T/plain.csv" "$T/v.csv"
	assert_success
	assert_output - <<'OUT'
stt,chi_tieu,don_vi,so_lieu,ghi_chu
1,Kết quả giải quyết,,,
1.1,Tỷ lệ giải quyết đúng hạn cấp xã,%,85.71,Từ hệ thống một cửa
1.1.1,Đã giải quyết,Hồ sơ,7,
1.1.2,Đúng hạn,Hồ sơ,6,
1.2,PAKN tiếp nhận,PAKN,300,
OUT
	# an annex that cchc-check --form passes
	cchc-table --form "$T/f.csv" "$T/uoc.csv" "$T/v.csv" > "$T/annex.csv"
	run cchc-check --form "$T/f.csv" "$T/annex.csv"
	assert_success
}

@test "chart: the mark in md, txt, html, and in English" {
	form
	counts
	run --separate-stderr cchc-table --form "$T/f.csv" --format md "$T/uoc.csv" "$T/v.csv"
	assert_success
	assert_line -n 4 "| 1.1 | Tỷ lệ giải quyết đúng hạn cấp xã | % | 88,89% | Từ hệ thống một cửa; Số liệu ước đến 31/12/2024 |"
	assert_line -n 5 "| 1.1.1 | Đã giải quyết | Hồ sơ | 9 | Số liệu ước đến 31/12/2024 |"
	assert_line -n 7 "| 1.2 | PAKN tiếp nhận | PAKN | 300 |  |"
	run --separate-stderr cchc-table --form "$T/f.csv" --format txt "$T/uoc.csv" "$T/v.csv"
	assert_success
	assert_output - <<'OUT'
f.csv

STT    Chỉ tiêu thống kê                 Đơn vị tính  Số liệu  Ghi chú
-----  --------------------------------  -----------  -------  --------------------------------
1      Kết quả giải quyết
1.1    Tỷ lệ giải quyết đúng hạn cấp xã  %             88,89%  Từ hệ thống một cửa; Số liệu ước
                                                               đến 31/12/2024
1.1.1  Đã giải quyết                     Hồ sơ              9  Số liệu ước đến 31/12/2024
1.1.2  Đúng hạn                          Hồ sơ              8  Số liệu ước đến 31/12/2024
1.2    PAKN tiếp nhận                    PAKN             300
OUT
	run --separate-stderr cchc-table --form "$T/f.csv" --format html "$T/uoc.csv" "$T/v.csv"
	assert_success
	assert_line '<tr><td>1.1.2</td><td>Đúng hạn</td><td>Hồ sơ</td><td class="so">8</td><td>Số liệu ước đến 31/12/2024</td></tr>'
	assert_line '<tr><td>1.2</td><td>PAKN tiếp nhận</td><td>PAKN</td><td class="so">300</td><td></td></tr>'
	run --separate-stderr cchc-table --form "$T/f.csv" --locale en "$T/uoc.csv" "$T/v.csv"
	assert_line -n 3 "1.1.1,Đã giải quyết,Hồ sơ,9,estimated (ước) to 31/12/2024"
}

# Two groups and the total, by hand: A 149 of 200 early or on time = 74.50%, a
# bar of 74.50 x 4 = 298.00 units; 20 of 80 online = 25.00%, 100.00 units. B
# 2 of 3 = 66.67% (266.68), none received: no online bar. Total 151/203 =
# 74.384...% = 74.38% (297.52), 20/80 again. Targets: 95% at 230 + 380 = 610,
# 80.5% at 230 + 322.0 = 552.0.
rates() {
	cat > "$T/r.csv" <<CSV
nhom,$HDR
A,200,0,80,20,60,0,200,100,49,51,0,0,0
B,3,3,0,0,0,0,3,1,1,1,0,0,0
tong,203,3,80,20,60,0,203,101,50,52,0,0,0
CSV
}

@test "chart: the bars' widths are the rates, exactly, and the targets' lines" {
	form
	rates
	run --separate-stderr cchc-table --form "$T/f.csv" --format html --partial --chart \
		--target dung_han=95 --target truc_tuyen=80,5 "$T/r.csv"
	assert_success
	bars=$(printf '%s\n' "$output" | grep -E '^<(rect class="cot|line class="muc-tieu|text x="222")')
	diff -u - <(printf '%s\n' "$bars") <<'SVG'
<line class="muc-tieu dung_han" x1="610" y1="58" x2="610" y2="196" stroke="#0b2e59" stroke-width="2" stroke-dasharray="6 4"/>
<line class="muc-tieu truc_tuyen" x1="552.0" y1="58" x2="552.0" y2="196" stroke="#7a3d00" stroke-width="2" stroke-dasharray="6 4"/>
<text x="222" y="90" text-anchor="end">A</text>
<rect class="cot dung_han" x="230" y="68" width="298.00" height="16" fill="#1f5fa8"/><text x="528.00" dx="6" y="80" font-size="12" stroke="#ffffff" stroke-width="3" paint-order="stroke">74,50%</text>
<rect class="cot truc_tuyen" x="230" y="86" width="100.00" height="16" fill="#d9822b"/><text x="330.00" dx="6" y="98" font-size="12" stroke="#ffffff" stroke-width="3" paint-order="stroke">25,00%</text>
<text x="222" y="134" text-anchor="end">B</text>
<rect class="cot dung_han" x="230" y="112" width="266.68" height="16" fill="#1f5fa8"/><text x="496.68" dx="6" y="124" font-size="12" stroke="#ffffff" stroke-width="3" paint-order="stroke">66,67%</text>
<text x="222" y="178" text-anchor="end">Tổng cộng</text>
<rect class="cot dung_han" x="230" y="156" width="297.52" height="16" fill="#1f5fa8"/><text x="527.52" dx="6" y="168" font-size="12" stroke="#ffffff" stroke-width="3" paint-order="stroke">74,38%</text>
<rect class="cot truc_tuyen" x="230" y="174" width="100.00" height="16" fill="#d9822b"/><text x="330.00" dx="6" y="186" font-size="12" stroke="#ffffff" stroke-width="3" paint-order="stroke">25,00%</text>
SVG
	assert_line '<text x="236" y="142" font-size="12" font-style="italic">không có hồ sơ</text>'
	assert_line '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 760 266" width="100%" role="img" aria-labelledby="bieu-do-tieu-de" font-family="'"'"'Times New Roman'"'"', serif" font-size="13">'
	assert_line '<rect x="40" y="214" width="14" height="14" fill="#1f5fa8"/><text x="60" y="226">Tỷ lệ hồ sơ giải quyết đúng hạn (trước hạn và đúng hạn); mục tiêu (nét đứt): 95%</text>'
	# no script, and the page ends after the chart
	refute_output --partial "<script"
	assert_equal "$(printf '%s\n' "$output" | tail -4 | tr '\n' ' ')" "</svg> </figure> </body> </html> "
	# the annex itself is unchanged by the chart
	cchc-table --form "$T/f.csv" --format html --partial "$T/r.csv" 2>/dev/null > "$T/plain.html"
	assert_equal "$(printf '%s\n' "$output" | sed '/^<figure/,/^<\/figure>/d')" "$(cat "$T/plain.html")"
}

@test "chart: estimated data draws the estimates, and says so; labels of codes, escaped text" {
	form
	counts
	run --separate-stderr cchc-table --form "$T/f.csv" --format html --chart "$T/uoc.csv" "$T/v.csv"
	assert_success
	# 8 of 9 = 88.89%; 2 of 6 online = 33.33%
	assert_line --partial '<rect class="cot dung_han" x="230" y="68" width="355.56" height="16" fill="#1f5fa8"/>'
	assert_line --partial '<rect class="cot truc_tuyen" x="230" y="86" width="133.32" height="16" fill="#d9822b"/>'
	assert_line '<text x="380" y="38" text-anchor="middle" font-style="italic">Số liệu ước đến 31/12/2024</text>'
	assert_line '<text x="222" y="90" text-anchor="end">Cấp xã</text>'
	printf 'nhom,da_giai_quyet,gq_truoc_han,gq_dung_han\n"<b>&""x\x1b",4,1,1\n' > "$T/x.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" --format html --partial --chart "$T/x.csv"
	assert_success
	assert_line '<text x="222" y="90" text-anchor="end">&lt;b&gt;&amp;&quot;x\x1b</text>'
	assert_line '<text x="236" y="98" font-size="12" font-style="italic">không có số liệu</text>'
}

@test "chart: usage errors, no data to chart, a value that is not a count" {
	form
	rates
	run --separate-stderr cchc-table --form "$T/f.csv" --chart "$T/r.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-table: --chart goes with --format html: csv, md, txt and xlsx have no chart"
	run --separate-stderr cchc-table --form "$T/f.csv" --format html --target dung_han=95 "$T/r.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-table: --target goes with --chart"
	run --separate-stderr cchc-table --form "$T/f.csv" --format html --chart --target dung_han=101 "$T/r.csv"
	assert_failure 2
	assert_equal "$stderr" 'cchc-table: --target: "dung_han=101": not a percentage from 0 to 100'
	run --separate-stderr cchc-table --form "$T/f.csv" --format html --chart --target toc_do=5 "$T/r.csv"
	assert_failure 2
	assert_equal "$stderr" 'cchc-table: --target: "toc_do=5" is not dung_han=P or truc_tuyen=P'
	# values only: nothing to chart, said, exit 1, and the page written whole
	run --separate-stderr cchc-table --form "$T/f.csv" --format html --partial --chart "$T/v.csv"
	assert_failure 1
	[[ "$stderr" == *"cchc-table: --chart: no group has the counts of a rate (gq_truoc_han, gq_dung_han, da_giai_quyet; nop_truc_tuyen, moi_tiep_nhan): no chart" ]]
	assert_line -n -1 "</html>"
	refute_output --partial "<svg"
	sed '3s/,3,1,1,1,/,3,1,1.5,1,/' "$T/r.csv" > "$T/bad.csv"
	run --separate-stderr cchc-table --form "$T/f.csv" --format html --partial --chart "$T/bad.csv"
	assert_failure 1
	[[ "$stderr" == *"bad.csv:3: a count has no fraction (B.gq_dung_han, for --chart): \"1.5\""* ]]
}

@test "chart: a write error is exit 2" {
	form
	rates
	run bash -c "cchc-table --form '$T/f.csv' --format html --partial --chart '$T/r.csv' > /dev/full"
	assert_failure 2
	assert_line --partial "cchc-table: write error on standard output"
}
