#!/usr/bin/env bats
# The sample generators: samples/gen-export (default, --portal, --excel,
# --monthly, --twin) and samples/gen-xlsx. Their raw exports carry the habits
# of real ones; their twins the same dossiers, clean. What today's tools can
# read is checked end to end here; the raw Excel-style exports through the
# tools are in raw-exports.bats.pending, for the reader that reads them.

load helper

GEN="$TOP/samples/gen-export"
XLSX="$TOP/samples/gen-xlsx"
REF="$TOP/tests/samples-ref.py"

# an --excel export and its twin, made once per run
excel() {
	local f="$BATS_RUN_TMPDIR/excel-$1"
	shift
	if [ ! -s "$f.csv" ]; then
		"$GEN" --excel "$@" --twin "$f.twin.tmp" > "$f.tmp" &&
			mv "$f.twin.tmp" "$f.twin.csv" && mv "$f.tmp" "$f.csv"
	fi
	echo "$f"
}

@test "samples: the default outputs are byte for byte the first generator's (benchmarks and tests use them)" {
	check() {
		local want=$1
		shift
		[ "$("$GEN" "$@" | sha256sum | cut -c1-64)" = "$want" ] || { echo "changed: $*"; return 1; }
	}
	check 1e15cfe5dbd3795491ed87e3981c54992a058b506e82287fcf486b333f5352cb --rows 3000
	check 6ee3adad725ec5d60bf0da68086eb0fa750e879e2f8aa8ef2bda69360c56229e --rows 3000 --bad
	# --portal has the sync form's flags since 0.2: without them, the first
	# generator's bytes
	[ "$("$GEN" --rows 50 --portal | python3 -c '
import csv, sys
w = csv.writer(sys.stdout, lineterminator="\n")
for r in csv.reader(sys.stdin):
    w.writerow(r[:9] + r[17:])' | sha256sum | cut -c1-64)" = 03df8430b5becea1e375464017fc92152be69dc519b8803a6f890a1da51646fc ]
	check 0fef13b4cfad483d3f13c52e45312c63485490ffb50f5fd0ff482bbf81f9a6b5 --rows 50 --portal
	check 4ee428469de9fb288ba88bb157527d66e21f74ec9a513ec33ddb0bb5ab1540aa --rows 20000
	check ffc6ef17bbe268d4a8a86b2b2ed5de40ea7f41d9bbee2a27bc61739cbfd44190 --portal --lean --rows 20000 --seed 7
	# --twin writes beside the export, never into it
	"$GEN" --rows 3000 --twin "$T/t.csv" | sha256sum | grep -q '^1e15cfe5dbd3795491ed87e3981c5499'
}

@test "samples: the same arguments give the same bytes, another seed other bytes" {
	cd "$T"
	for i in 1 2; do
		"$GEN" --excel --rows 800 --seed 4 --twin tw$i.csv > ex$i.csv
		"$GEN" --excel --portal-labels --rows 300 > pl$i.csv
		mkdir m$i && "$GEN" --excel --monthly m$i/x --rows 800 --twin m$i/truth.csv
		"$XLSX" --rows 800 --seed 4 --twin xt$i.csv w$i.xlsx
	done
	cmp ex1.csv ex2.csv
	cmp tw1.csv tw2.csv
	cmp pl1.csv pl2.csv
	diff -r m1 m2
	cmp w1.xlsx w2.xlsx
	cmp xt1.csv xt2.csv
	"$GEN" --excel --rows 800 --seed 5 --twin tw3.csv > ex3.csv
	! cmp -s ex1.csv ex3.csv
	! cmp -s tw1.csv tw3.csv
}

@test "samples: usage: --excel is a style of its own; no twin of wrong rows" {
	run "$GEN" --excel --portal
	assert_failure 2
	run "$GEN" --excel --bad
	assert_failure 2
	run "$GEN" --portal-labels
	assert_failure 2
	run "$GEN" --bad --twin "$T/t.csv"
	assert_failure 2
	assert_output --partial "not with --bad"
	run "$GEN" --rows
	assert_failure 2
	assert_output --partial "usage: gen-export"
	run "$XLSX" --rows 10
	assert_failure 2
	assert_output --partial "usage: gen-xlsx"
}

@test "samples: every twin passes today's cchc-check with 0 rejected, and is its own output" {
	cd "$T"
	"$GEN" --rows 3000 --twin d.csv > /dev/null
	"$GEN" --portal --rows 3000 --twin p.csv > /dev/null
	"$GEN" --lean --rows 3000 --twin l.csv > /dev/null
	"$GEN" --excel --rows 3000 --twin e.csv > /dev/null
	"$GEN" --excel --year 2025 --seed 9 --rows 3000 --twin e25.csv > /dev/null
	mkdir m && "$GEN" --excel --monthly m/x --rows 3000 --twin m.csv
	"$XLSX" --rows 3000 --twin x.csv w.xlsx
	for f in d p l e e25 m x; do
		run --separate-stderr cchc-check "$f.csv"
		assert_success
		[ "$stderr" = "cchc-check: 3000 rows: 3000 passed, 0 rejected" ]
		# already canonical: cchc-check gives it back byte for byte
		diff -u "$f.csv" - <<<"$output"
	done
}

@test "samples: the twins' counts obey the identities, for any grouping and period" {
	cd "$T"
	"$GEN" --excel --rows 3000 --twin e.csv > /dev/null
	"$XLSX" --rows 3000 --twin x.csv w.xlsx
	mkdir m && "$GEN" --excel --monthly m/x --rows 3000 --twin m.csv
	for f in e x m; do
		for g in cap kenh,muc_do_dvc trang_thai co_quan linh_vuc; do
			for p in 2024 2024-Q2 2024-09; do
				cchc-sum --period "$p" -g "$g" --total "$f.csv" > c.csv
				[ "$(wc -l < c.csv)" -gt 2 ]
				cchc-check --counts c.csv > /dev/null
			done
		done
	done
	# every status code appears, so the rules for each are exercised
	python3 - e.csv <<'EOF'
import csv, sys
seen = {r[10] for r in list(csv.reader(open(sys.argv[1], newline='')))[1:]}
assert seen == {str(s) for s in range(1, 11)}, seen
EOF
}

@test "samples: the default and portal exports through today's cchc-check are their twins" {
	cd "$T"
	for style in "" --portal --lean "--portal --lean" "--year 2025 --seed 3"; do
		"$GEN" $style --rows 3000 --twin t.csv > raw.csv
		cchc-check raw.csv > a.csv 2>/dev/null
		cchc-check t.csv > b.csv 2>/dev/null
		if [[ "$style" == *--portal* ]]; then
			# ngay_tra, the hand-over, goes through cchc-check as written
			diff -u <(tail -n +2 b.csv | sed 's/,[^,]*$//') <(tail -n +2 a.csv | sed 's/,[^,]*$//')
		else
			diff -u <(tail -n +2 b.csv) <(tail -n +2 a.csv)
		fi
		for g in cap co_quan,kenh trang_thai; do
			diff -u <(cchc-sum --period 2024 -g "$g" --total t.csv 2>/dev/null) \
			    <(cchc-sum --period 2024 -g "$g" --total raw.csv 2>/dev/null)
		done
	done
}

@test "samples: --excel: BOM, ';', CRLF, title lines, a two-row merged header, the footer" {
	f=$(excel plain --rows 3000)
	raw="$f.csv"
	# the BOM, then the title lines padded to the table's 15 columns
	[ "$(head -c 3 "$raw" | od -An -tx1 | tr -d ' ')" = efbbbf ]
	[ "$(sed -n 1p "$raw")" = $'\xef\xbb\xbfUBND TỈNH QUẢNG NGÃI;;;;;;;;;;;;;;\r' ]
	[ "$(sed -n 3p "$raw")" = $';;;;;;;;;;;;;;\r' ]
	[ "$(sed -n 4p "$raw")" = $'DANH SÁCH HỒ SƠ TIẾP NHẬN VÀ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH;;;;;;;;;;;;;;\r' ]
	[ "$(sed -n 5p "$raw")" = $'Từ ngày 01/12/2023 đến ngày 20/12/2024;;;;;;;;;;;;;;\r' ]
	[ "$(sed -n 6p "$raw")" = $'\r' ]
	# the header: group cells over their columns, cells merged down empty below
	[ "$(sed -n 7p "$raw")" = $'STT;Mã hồ sơ;Thủ tục hành chính;;;Cơ quan giải quyết;Cấp giải quyết;Hình thức nộp;Mức độ DVC;Chủ hồ sơ;Trạng thái;Thời gian;;;Ghi chú\r' ]
	[ "$(sed -n 8p "$raw")" = $';;Mã TTHC;Tên thủ tục;Lĩnh vực;;;;;;;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;\r' ]
	sed -n 9p "$raw" | grep -q '^1;000\.[0-9.H]*\.100001;'
	# every line ends in CRLF but the line breaks inside quoted cells (bare LF)
	[ "$(grep -c $'\r$' "$raw")" -gt 3000 ]
	grep -q $'^lần 2"\r$' "$raw"	# a cell's second line
	# the footer
	tail -n 5 "$raw" > "$T/foot"
	[ "$(sed -n 1p "$T/foot")" = $'Tổng cộng;;3.000;;;;;;;;;;;;\r' ]
	[ "$(sed -n 2p "$T/foot")" = $';;;;;;;;;;;;;;\r' ]
	[ "$(sed -n 3p "$T/foot")" = $';;;;;;;;;;;Quảng Ngãi, ngày 12 tháng 12 năm 2024;;;\r' ]
	grep -q "^;NGƯỜI LẬP BIỂU;" "$T/foot"
	# all-empty rows among the dossiers, not only around them
	[ "$(sed -n '9,$p' "$raw" | head -n -5 | grep -c $'^;;;;;;;;;;;;;;\r$')" -ge 10 ]
}

@test "samples: --excel holds every habit of DOMAIN.md" {
	f=$(excel plain --rows 3000)
	raw="$f.csv"
	has() { grep -q -E -- "$1" "$raw" || { echo "missing: $1"; return 1; }; }
	has ';4[0-9]{4}\.[0-9]{6,10};'		# a serial with a fraction
	has ';4[0-9]{4},[0-9]{6,10};'		# with a decimal comma, as Vietnamese Excel writes it
	has ';4[0-9]{4};'			# a whole day
	has ' [0-9]{1,2}:[0-9]{2} SA;'
	has ' [0-9]{1,2}:[0-9]{2} CH;'
	has ' 12:[0-9]{2}(:[0-9]{2})? CH;'	# noon is CH
	has ' (AM|PM);'
	has ':[0-9]{2}\.[0-9]{3};'		# fractions of a second
	has 'T[0-9:]{8}\+07:00;'
	has 'T[0-9:]{8}Z;'
	has 'T[0-9:]{8}\.[0-9]{3}Z;'
	has $'/[0-9]{4}\xc2\xa0[0-9]{2}:'	# a no-break space
	has '/[0-9]{4}   [0-9]{2}:'
	has ';[0-9]{2}:[0-9]{2}(:[0-9]{2})? [0-9]{2}/'	# the time first
	has ';[0-9]{1,2}/[0-9]{1,2}/[0-9]{4} [0-9]'
	has ';[0-9]{2}-[0-9]{2}-[0-9]{4} '
	has ';[0-9]{2}\.[0-9]{2}\.[0-9]{4} '
	has ';20[0-9]{12};'
	for w in "Mới đăng ký" "Được tiếp nhận" "Không được tiếp nhận" "Đang xử lý" \
	    "Yêu cầu bổ sung giấy tờ" "Yêu cầu thực hiện nghĩa vụ tài chính" \
	    "Công dân yêu cầu rút hồ sơ" "Dừng xử lý" "Đã xử lý xong" "Đã trả kết quả" \
	    "Chờ tiếp nhận" "Từ chối tiếp nhận" "Đang giải quyết" "Chờ bổ sung" \
	    "Chờ thanh toán phí" "Đã rút hồ sơ" "Tạm dừng" "Đã hủy" "Chờ trả kết quả" \
	    "Hoàn thành" "Đã trả" \
	    "UBND cấp xã" "Sở, ban, ngành" "Nộp trực tiếp" "Trực tiếp tại Bộ phận Một cửa" \
	    "Online (Cổng DVC)" "Qua dịch vụ BCCI" "DVC trực tuyến toàn trình" "Cung cấp thông tin"; do
		grep -qF ";$w;" "$raw" || { echo "missing: $w"; false; }
	done
	# quoted cells: a ';', a quote, a line break inside; commas unquoted
	has '"Bùi Thị Hoa; Bùi Văn Nam"'
	has '"Công ty TNHH Xây dựng ""Hoàng Long"""'
	has '"Đã hẹn lại$'
	has ';Công ty Cổ phần Đầu tư, Thương mại Sa Huỳnh;'
	# decomposed text (NFD: a + combining acute), code words too
	has $'a\xcc\x81'
	has $';\xc4\x90a\xcc\x83 tra\xcc\x89'
	# a Z time whose UTC day is the day before the Vietnam day
	python3 - "$raw" "$f.twin.csv" <<'EOF'
import csv, sys
raw = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''), delimiter=';'))
twin = {r[1]: r for r in csv.reader(open(sys.argv[2], newline=''))}
n = sum(1 for r in raw if len(r) == 15 and r[11].endswith('Z') and r[1] in twin
        and r[11][:10] != twin[r[1]][11][:10])
assert n > 0, 'no Z time on the day before'
assert all(len(r) in (0, 15) for r in raw), 'a row of another width'
EOF
}

@test "samples: --excel read by the reference reader is its twin, byte for byte (every serial rounded to the nearest second)" {
	for args in "plain --rows 3000" "y25 --rows 3000 --year 2025 --seed 11" "labels --rows 2000 --portal-labels"; do
		f=$(excel $args)
		python3 "$REF" twin "$f.csv" > "$T/ref.csv"
		diff -u "$f.twin.csv" "$T/ref.csv"
	done
	# truncating the serials instead would be wrong
	f=$(excel plain --rows 3000)
	python3 - "$f.csv" "$f.twin.csv" <<'EOF'
import csv, sys, math
raw = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''), delimiter=';'))
twin = {r[1]: r for r in csv.reader(open(sys.argv[2], newline=''))}
n = wrong = 0
for r in raw:
    for c in (11, 13):
        if len(r) == 15 and r[1] in twin and ('.' in r[c] or ',' in r[c]) and r[c][:1] == '4' and len(r[c].split('.')[0].split(',')[0]) == 5:
            x = float(r[c].replace(',', '.')); s = int((x - math.floor(x)) * 86400)
            n += 1
            wrong += '%02d:%02d:%02d' % (s // 3600, s // 60 % 60, s % 60) != twin[r[1]][c][11:]
assert n > 100 and wrong > 0, (n, wrong)
EOF
}

@test "samples: --portal-labels writes the portal's ten labels only" {
	f=$(excel labels --rows 2000 --portal-labels)
	python3 - "$f.csv" <<'EOF'
import csv, sys
raw = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''), delimiter=';'))
labels = {'Mới đăng ký', 'Được tiếp nhận', 'Không được tiếp nhận', 'Đang xử lý',
          'Yêu cầu bổ sung giấy tờ', 'Yêu cầu thực hiện nghĩa vụ tài chính',
          'Công dân yêu cầu rút hồ sơ', 'Dừng xử lý', 'Đã xử lý xong', 'Đã trả kết quả'}
import unicodedata
seen = {unicodedata.normalize('NFC', r[10]) for r in raw[8:] if len(r) == 15 and r[0].isdigit()}
assert seen == labels, seen ^ labels
EOF
}

@test "samples: --monthly: overlapping monthly exports, the later truer; the twin is each dossier as the last file has it" {
	cd "$T"
	"$GEN" --monthly x --rows 3000 --twin truth.csv
	ls x-*.csv > files
	[ "$(wc -l < files)" -eq 14 ]
	[ "$(head -1 files)" = x-2023-12.csv ]
	[ "$(tail -1 files)" = x-2025-01.csv ]
	for f in $(cat files); do
		cchc-check "$f" 2> err > "c-$f"
		grep -q ' 0 rejected$' err
	done
	# every dossier once or twice; twice when received from the 8th to the 14th
	cat c-x-*.csv | grep -v '^STT,' | cut -d, -f2 | sort | uniq -c | awk '{print $1}' | sort | uniq -c > times
	[ "$(awk '$2 == 1' times | wc -l)" -eq 1 ] && [ "$(awk '$2 == 2' times | wc -l)" -eq 1 ]
	[ "$(awk '$2 > 2' times | wc -l)" -eq 0 ]
	[ "$(awk '{n += $1} END {print n}' times)" -eq 3000 ]
	# some change between the two: pending in the first, resolved in the second
	python3 "$REF" keep-last c-x-*.csv | sort > last.csv
	cchc-check truth.csv 2>/dev/null | tail -n +2 | sort > want.csv
	diff -u want.csv last.csv
	python3 - c-x-*.csv <<'EOF'
import csv, sys
first, last = {}, {}
for p in sys.argv[1:]:
    for r in list(csv.reader(open(p, newline='')))[1:]:
        first.setdefault(r[1], r[8])
        last[r[1]] = r[8]
changed = sum(1 for k in first if first[k] == '4' and last[k] in ('9', '10'))
assert changed > 50, changed
EOF
	# the twin: as the last file has it, not as the dossier ends
	"$GEN" --rows 3000 --twin final.csv > /dev/null
	! cmp -s <(cut -d, -f2-9 final.csv | sort) <(cut -d, -f2-9 truth.csv | sort)
	diff -u <(cut -d, -f2 final.csv | sort) <(cut -d, -f2 truth.csv | sort)
}

@test "samples: --excel --monthly: each file an Excel list of its month; the reference reader's last rows are the twin" {
	cd "$T"
	"$GEN" --excel --monthly e --rows 3000 --twin truth.csv
	[ "$(sed -n 5p e-2024-03.csv)" = $'Từ ngày 08/02/2024 đến ngày 14/03/2024;;;;;;;;;;;;;;\r' ]
	grep -q '^;;;;;;;;;;;Quảng Ngãi, ngày 15 tháng 3 năm 2024;;;' e-2024-03.csv
	for f in e-*.csv; do
		python3 "$REF" twin "$f" > "r-$f"
	done
	python3 "$REF" keep-last r-e-*.csv | sort > last.csv
	tail -n +2 truth.csv | sort > want.csv
	diff -u want.csv last.csv
}

@test "samples: gen-xlsx: xlsx2csv's output, read by the reference reader, is the twin (plain, -m, -d ';', -f float)" {
	cd "$T"
	"$XLSX" --rows 3000 --twin twin.csv w.xlsx
	xlsx2csv w.xlsx > w.csv
	# the title row padded, the two-row header, date cells, bare serials, the footer
	[ "$(sed -n 1p w.csv)" = "UBND TỈNH QUẢNG NGÃI,,,,,,,,,,,,,," ]
	[ "$(sed -n 3p w.csv)" = "" ]
	[ "$(sed -n 7p w.csv)" = "STT,Mã hồ sơ,Thủ tục hành chính,,,Cơ quan giải quyết,Cấp giải quyết,Hình thức nộp,Mức độ DVC,Chủ hồ sơ,Trạng thái,Thời gian,,,Ghi chú" ]
	[ "$(sed -n 8p w.csv)" = ",,Mã TTHC,Tên thủ tục,Lĩnh vực,,,,,,,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả," ]
	sed -n 9p w.csv | grep -q -E '^1,000\..*,[0-9]{2}/[0-9]{2}/2024 [0-9]{2}:[0-9]{2}:[0-9]{2},[0-9]{2}/[0-9]{2}/2024,4[0-9]{4}\.[0-9]{1,6},'
	grep -q '^Tổng cộng,,3000,' w.csv
	grep -q '^,NGƯỜI LẬP BIỂU,' w.csv
	grep -q '^,,,,,,,,,,,,,,$' w.csv
	python3 "$REF" twin w.csv , | diff -u twin.csv -
	xlsx2csv -m w.xlsx > m.csv
	[ "$(sed -n 8p m.csv | cut -d, -f1,2,12)" = "STT,Mã hồ sơ,Ngày tiếp nhận" ]
	[ "$(sed -n 7p m.csv | cut -d, -f12-14)" = "Thời gian,Thời gian,Thời gian" ]
	python3 "$REF" twin m.csv , | diff -u twin.csv -
	xlsx2csv -d ';' w.xlsx | python3 "$REF" twin /dev/stdin | diff -u twin.csv -
	xlsx2csv -f float w.xlsx > f.csv
	sed -n 9p f.csv | grep -q -E ',4[0-9]{4}\.[0-9]{1,6},4[0-9]{4},4[0-9]{4}\.[0-9]{1,6},'
	python3 "$REF" twin f.csv , | diff -u twin.csv -
}

@test "samples: gen-xlsx --excel-formats: Excel's built-in formats come out US-style from xlsx2csv; -f float is right" {
	cd "$T"
	"$XLSX" --rows 3000 --twin twin.csv w.xlsx
	"$XLSX" --excel-formats --rows 3000 --twin twin2.csv b.xlsx
	cmp twin.csv twin2.csv
	xlsx2csv b.xlsx > b.csv
	# 15/08/2024 15:10:33 and 26/08/2024 as numFmt 22 and 14
	sed -n 9p b.csv | grep -q ',08/15/24 03:10,08-26-24,'
	xlsx2csv -f float b.xlsx | python3 "$REF" twin /dev/stdin , | diff -u twin.csv -
}

@test "samples: gen-xlsx shows the dossiers of gen-export --excel, row for row" {
	cd "$T"
	"$XLSX" --rows 2000 --twin x.csv w.xlsx
	"$GEN" --excel --rows 2000 --twin e.csv > /dev/null
	# the same but for the dates' precision (the workbook's due dates are days)
	python3 - e.csv x.csv <<'EOF'
import csv, sys
e, x = (list(csv.reader(open(p, newline=''))) for p in sys.argv[1:])
assert len(e) == len(x) == 2001
for a, b in zip(e[1:], x[1:]):
    assert a[:11] == b[:11] and a[14] == b[14], (a, b)
    assert [v[:10] for v in a[11:14]] == [v[:10] for v in b[11:14]], (a, b)
EOF
}

@test "samples: --portal's flags and ratings keep their rules and their proportions (draw_flags)" {
	cd "$T"
	"$GEN" --portal --rows 20000 --twin t.csv > p.csv
	head -n 1 p.csv | grep -q ',TrangThaiHoSo,ThuTucCoPhi,DuocThanhToanTrucTuyen,HoSoCoThanhPhanSoHoa,CoKetQuaDienTu,DuocTaiSuDung,DuocLayTuKhoDMQG,TaiKhoanDuocXacThucVoiVNeID,MucDoHaiLong,NgayTiepNhan,'
	python3 - t.csv <<'EOF_PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
free = {"1.001193", "1.000894"}          # birth and marriage: no fees
def share(pred, among):
    a = [r for r in rows if among(r)]
    return sum(1 for r in a if pred(r)) / len(a)
for r in rows:
    fin = int(r["trang_thai"]) >= 7
    assert r["co_phi"] == ("0" if r["ma_tthc"] in free else "1"), r
    assert r["co_phi"] == "1" or r["thanh_toan_truc_tuyen"] == "0", r
    assert fin or (r["ket_qua_dien_tu"] == "0" and r["danh_gia"] == ""), r
    assert r["kenh"] == "truc_tuyen" or r["xac_thuc_vneid"] == "0", r
def near(x, want):
    assert abs(x - want) < 0.02, (x, want)
fee = lambda r: r["co_phi"] == "1"
fin = lambda r: int(r["trang_thai"]) >= 7
near(share(lambda r: r["thanh_toan_truc_tuyen"] == "1", lambda r: fee(r) and r["kenh"] == "truc_tuyen"), 0.45)
near(share(lambda r: r["thanh_toan_truc_tuyen"] == "1", lambda r: fee(r) and r["kenh"] != "truc_tuyen"), 0.10)
near(share(lambda r: r["so_hoa"] == "1", lambda r: True), 0.70)
near(share(lambda r: r["ket_qua_dien_tu"] == "1", fin), 0.60)
near(share(lambda r: r["tai_su_dung"] == "1", lambda r: True), 0.25)
near(share(lambda r: r["kho_du_lieu"] == "1", lambda r: True), 0.20)
near(share(lambda r: r["xac_thuc_vneid"] == "1", lambda r: r["kenh"] == "truc_tuyen"), 0.55)
near(share(lambda r: r["danh_gia"] != "", fin), 0.30)
rated = lambda r: r["danh_gia"] != ""
for label, want in [("rat_hai_long", .62), ("hai_long", .25), ("binh_thuong", .08),
                    ("khong_hai_long", .03), ("rat_khong_hai_long", .02)]:
    near(share(lambda r: r["danh_gia"] == label, rated), want)
EOF_PY
	# the dossiers are those of --portal --lean: the same ids, statuses and dates
	"$GEN" --portal --lean --rows 20000 --twin l.csv > /dev/null
	diff <(cut -d, -f1 l.csv) <(cut -d, -f1 t.csv)
}
