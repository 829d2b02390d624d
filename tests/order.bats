#!/usr/bin/env bats
# The Vietnamese alphabetical order of groups (cchc-sum(1), OUTPUT), in every
# path that writes a count table: -g with one and two columns, --merge of parts
# in any order, -j, --keep. Every expected order below is written by hand from
# the manual's rules, never by running the tools; the last test checks the
# tools against the oracle's own implementation of the rules on random names.

load helper

HDR="tiep_nhan,ky_truoc,moi_tiep_nhan,nop_truc_tuyen,nop_truc_tiep,nop_buu_chinh,da_giai_quyet,gq_truoc_han,gq_dung_han,gq_qua_han,dang_giai_quyet,dang_trong_han,dang_qua_han"
# one dossier received in person on 01/03/2024, pending, no due date
ONE="1,0,1,0,1,0,0,0,0,0,1,1,0"
TWO="2,0,2,0,2,0,0,0,0,0,2,2,0"

nfd() {
	python3 -c 'import sys, unicodedata; sys.stdout.write(unicodedata.normalize("NFD", sys.stdin.read()))'
}

# An export of one dossier per NAME (a line each on stdin), in that order;
# "NFD:" before a name writes it decomposed.
export_of() {
	local i=0 name
	echo "ma_ho_so,co_quan,cap,kenh,ngay_tiep_nhan"
	while IFS= read -r name; do
		i=$((i + 1))
		case $name in
		NFD:*) name=$(printf '%s' "${name#NFD:}" | nfd) ;;
		esac
		# the level: a name's second field after '|', default xa
		local cap=xa
		case $name in *"|"*) cap=${name##*|}; name=${name%|*} ;; esac
		printf 'H%02d,"%s",%s,truc_tiep,01/03/2024\n' "$i" "$name" "$cap"
	done
}

# The group set of the brief, shuffled, some names decomposed (NFD), in both
# cases; "Đà Nẵng" twice (NFC and NFD: one group).
names() {
	cat <<'NAMES'
Zzz
NFD:Điện Bàn
tong
Phường 10
An
NFD:Bính
Ân
Đà Nẵng
NFD:Ăn
Anh
Phường 2
Bỉnh
NFD:Bình
an
NFD:ĐÀ NẴNG
Hòa
NFD:Hoà
Hoa
Hoá
NFD:Đà Nẵng
NAMES
}

# By hand: a < ă < â; An before Anh (a prefix first); đ after d, before e (Đ
# is no Z); Bình, Bỉnh, Bính by their tones (huyền, hỏi, sắc); "an" before
# "An" (lower case first); "Đà Nẵng" before "ĐÀ NẴNG"; Hoa (no tone), then Hoà
# and Hòa (huyền, wherever the mark sits: their NFC bytes decide, o before ò),
# then Hoá (sắc); Phường 2 before Phường 10 (numbers by value); the group
# tong, written tong', at t; the total row last.
EXPECTED_ONE="co_quan,$HDR
an,$ONE
An,$ONE
Anh,$ONE
Ăn,$ONE
Ân,$ONE
Bình,$ONE
Bỉnh,$ONE
Bính,$ONE
Đà Nẵng,$TWO
ĐÀ NẴNG,$ONE
Điện Bàn,$ONE
Hoa,$ONE
Hoà,$ONE
Hòa,$ONE
Hoá,$ONE
Phường 2,$ONE
Phường 10,$ONE
tong',$ONE
Zzz,$ONE
tong,20,0,20,0,20,0,0,0,0,0,20,20,0"

@test "order: -g, one column: the alphabet, tones after letters, case, numbers by value, NFD as NFC, the total last" {
	names | export_of > "$T/x.csv"
	run -0 --separate-stderr cchc-sum --period 2024 -g co_quan --total -j 1 "$T/x.csv"
	assert_output "$EXPECTED_ONE"
	assert_equal "$stderr" "cchc-sum: period 15/12/2023-14/12/2024: 20 rows: 20 counted, 0 outside the period, 0 not received (status 1 or 3), 0 unclassifiable"
}

@test "order: -j 2 cut into many parts gives the same order and bytes" {
	names | export_of > "$T/x.csv"
	run -0 --separate-stderr env CCHC_MIN_PART_SIZE=64 cchc-sum --period 2024 -g co_quan --total -j 2 "$T/x.csv"
	assert_output "$EXPECTED_ONE"
	a=$stderr
	run -0 --separate-stderr env CCHC_MIN_PART_SIZE=64 cchc-sum --period 2024 -g co_quan --total -j 5 "$T/x.csv"
	assert_output "$EXPECTED_ONE"
	assert_equal "$stderr" "$a"
}

# Two columns: by the first, all its levels, then the second. In byte order
# Điện (Đ i) would come before Đà (Đ à), and Zzz before both.
@test "order: -g, two columns: by the first, then the second" {
	export_of > "$T/x.csv" <<'NAMES'
Zzz|tinh
Điện Bàn|xa
NFD:Điện Bàn|tinh
Đà Nẵng|xa
An|huyen
Ân|tinh
An|tinh
NFD:Ăn|xa
NAMES
	run -0 --separate-stderr cchc-sum --period 2024 -g co_quan,cap --total "$T/x.csv"
	assert_output - <<OUT
co_quan,cap,$HDR
An,huyen,$ONE
An,tinh,$ONE
Ăn,xa,$ONE
Ân,tinh,$ONE
Đà Nẵng,xa,$ONE
Điện Bàn,tinh,$ONE
Điện Bàn,xa,$ONE
Zzz,tinh,$ONE
tong,,8,0,8,0,8,0,0,0,0,0,8,8,0
OUT
}

@test "order: digits, punctuation and the Latin letters Vietnamese does not use" {
	export_of > "$T/x.csv" <<'NAMES'
Nhóm A
Nhóm 10A
Nhóm 9
Wifi
Nhóm 10
Nhóm 09
A.B
AB
A B
A-B
Xa
Vân
Fanpage
Gia
Êm
NAMES
	run -0 --separate-stderr cchc-sum --period 2024 -g co_quan "$T/x.csv"
	# by hand: white space < punctuation (by code point: - before .) <
	# letters; ê < f < g; numbers before letters, by value, "09" equal to
	# "9" until the bytes decide ('0' before '9'); v < w < x
	assert_output - <<OUT
co_quan,$HDR
A B,$ONE
A-B,$ONE
A.B,$ONE
AB,$ONE
Êm,$ONE
Fanpage,$ONE
Gia,$ONE
Nhóm 09,$ONE
Nhóm 9,$ONE
Nhóm 10,$ONE
Nhóm 10A,$ONE
Nhóm A,$ONE
Vân,$ONE
Wifi,$ONE
Xa,$ONE
OUT
}

@test "order: --merge of parts in any order, and of tables written in another order, is the one run's" {
	names | export_of > "$T/x.csv"
	head -n 11 "$T/x.csv" > "$T/p1.csv"
	{ head -n 1 "$T/x.csv"; tail -n +12 "$T/x.csv"; } > "$T/p2.csv"
	cchc-sum --period 2024 -g co_quan "$T/p1.csv" > "$T/t1.csv" 2>/dev/null
	cchc-sum --period 2024 -g co_quan "$T/p2.csv" > "$T/t2.csv" 2>/dev/null
	run -0 --separate-stderr cchc-sum --merge --total "$T/t1.csv" "$T/t2.csv"
	assert_output "$EXPECTED_ONE"
	run -0 --separate-stderr cchc-sum --merge --total "$T/t2.csv" "$T/t1.csv"
	assert_output "$EXPECTED_ONE"
	run -0 --separate-stderr sh -c 'cat "$1" "$2" | cchc-sum --merge --total' sh "$T/t2.csv" "$T/t1.csv"
	assert_output "$EXPECTED_ONE"
	# a table in byte order (as cchc-sum 0.1.0 wrote it), its rows reversed too
	printf '%s\n' "co_quan,$HDR" "Zzz,$ONE" "tong',$ONE" "Ân,$ONE" "Đà Nẵng,$ONE" "Điện Bàn,$ONE" > "$T/old.csv"
	run -0 --separate-stderr cchc-sum --merge "$T/old.csv"
	assert_output - <<OUT
co_quan,$HDR
Ân,$ONE
Đà Nẵng,$ONE
Điện Bàn,$ONE
tong',$ONE
Zzz,$ONE
OUT
	# keys --merge does not normalise: the NFC spelling before the NFD one
	printf '%s\n' "co_quan,$HDR" "$(printf 'Đà Nẵng' | nfd),$ONE" "Đà Nẵng,$ONE" > "$T/nf.csv"
	run -0 --separate-stderr cchc-sum --merge "$T/nf.csv"
	assert_output - <<OUT
co_quan,$HDR
Đà Nẵng,$ONE
$(printf 'Đà Nẵng' | nfd),$ONE
OUT
}

@test "order: --keep last over two files, and the codes of code columns (status 10 after 9)" {
	names | export_of > "$T/x.csv"
	# a later export holds every dossier again
	run -0 --separate-stderr cchc-sum --period 2024 -g co_quan --total --keep last "$T/x.csv" "$T/x.csv"
	assert_output "$EXPECTED_ONE"
	printf '%s\n' 'ma_ho_so,trang_thai,kenh,ngay_tiep_nhan,ngay_tra_ket_qua' \
		'A,10,truc_tiep,01/03/2024,05/03/2024' 'B,9,truc_tiep,01/03/2024,05/03/2024' \
		'C,2,truc_tiep,01/03/2024,' > "$T/s.csv"
	run -0 --separate-stderr cchc-sum --period 2024 -g trang_thai "$T/s.csv"
	assert_output - <<OUT
trang_thai,$HDR
2,$ONE
9,1,0,1,0,1,0,1,0,1,0,0,0,0
10,1,0,1,0,1,0,1,0,1,0,0,0,0
OUT
}

# cchc-table: the built-in forms list no groups: each row names its figure
# by key (tinh.da_giai_quyet), so a form's rows keep the form's order whatever
# the data's, and the total row is the key tong where a form names it.
@test "order: cchc-table's rows are the form's, whatever the order of the data; tong names the total row" {
	# (names a table matches after folding: no two of these fold alike)
	export_of > "$T/x.csv" <<'NAMES'
Zzz
NFD:Điện Bàn
tong
Phường 10
Đà Nẵng
Phường 2
NFD:Đà Nẵng
An
NAMES
	cchc-sum --period 2024 -g co_quan --total "$T/x.csv" > "$T/t.csv" 2>/dev/null
	{ head -n 1 "$T/t.csv"; tail -n +2 "$T/t.csv" | tac; } > "$T/r.csv"
	printf '%s\n' 'stt,chi_tieu,don_vi,nguon,ghi_chu' '1,Zzz,Hồ sơ,Zzz.tiep_nhan,' \
		'2,Đà Nẵng,Hồ sơ,Đà Nẵng.tiep_nhan,' '3,"Nhóm ""tong""",Hồ sơ,tong'"'"'.tiep_nhan,' \
		'4,Tổng cộng,Hồ sơ,tong.tiep_nhan,' > "$T/f.csv"
	run -0 cchc-table --form "$T/f.csv" "$T/t.csv"
	assert_output - <<'OUT'
stt,chi_tieu,don_vi,so_lieu,ghi_chu
1,Zzz,Hồ sơ,1,
2,Đà Nẵng,Hồ sơ,2,
3,"Nhóm ""tong""",Hồ sơ,1,
4,Tổng cộng,Hồ sơ,8,
OUT
	a=$output
	run -0 cchc-table --form "$T/f.csv" "$T/r.csv"
	assert_equal "$output" "$a"
}

# The tools against the oracle's implementation of the rules (written apart,
# from the manual: tests/oracle/sum_oracle.py, vi_order) on random names of
# Vietnamese letters in both cases and both forms, tones, digits, spaces,
# punctuation and other letters.
@test "order: cchc-sum -g and --merge against the oracle's order on 1500 random names" {
	run -0 python3 - "$TOP" "$T" <<'PY'
import csv, random, subprocess, sys, unicodedata
top, tmp = sys.argv[1], sys.argv[2]
sys.path.insert(0, top + "/tests/oracle")
from sum_oracle import vi_order
R = random.Random(17)
pool = (list("aăâbcdđeêfghijklmnoôơpqrstuưvwxyzAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYZ")
        + list("àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")
        + list("ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰ")
        + list("0123456789") * 3 + [" "] * 8 + list(".,-/()&'_") + list("çßñüΩжé")
        + ["\u00a0", "\u0301", "\u0323"])
names = set()
while len(names) < 1500:
    s = "".join(R.choice(pool) for _ in range(R.choice([1, 2, 3, 5, 8, 12])))
    if R.random() < 0.3:
        s = R.choice(["hoa", "Hoa", "hòa", "hoà", "Hóa", "hoá", "an", "Ân", "ăn", "Phường 2",
                      "Phường 10", "phường 02", "Đà", "da", "Da"]) + R.choice(["", " ", " 1", " 10", "a"]) + s[:2]
    s = unicodedata.normalize("NFC", s).strip(" \t\u00a0")
    if s.rstrip("'") != "tong":
        names.add(s)
with open(tmp + "/r.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["ma_ho_so", "co_quan", "kenh", "ngay_tiep_nhan"])
    for i, n in enumerate(sorted(names, key=lambda n: R.random())):
        w.writerow(["A%d" % i, unicodedata.normalize("NFD", n) if i % 3 == 0 else n, "1", "2024-03-01"])
want = sorted(names, key=vi_order)
run = lambda *a: subprocess.run(["cchc-sum"] + list(a), capture_output=True, text=True).stdout
one = run("--period", "2024", "-g", "co_quan", tmp + "/r.csv")
got = [r[0] for r in csv.reader(one.splitlines()[1:])]
if got != want:
    k = next(i for i, (a, b) in enumerate(zip(got + [None], want + [None])) if a != b)
    sys.exit("cchc-sum -g: row %d is %r, the oracle's %r" % (k + 1, got[k:k + 1], want[k:k + 1]))
# the table's rows shuffled, merged back: the same order
rows = one.splitlines()
R.shuffle(body := rows[1:])
open(tmp + "/s.csv", "w").write("\n".join([rows[0]] + body) + "\n")
if run("--merge", tmp + "/s.csv") != one:
    sys.exit("cchc-sum --merge of the shuffled table is not the table")
print("ok", len(got))
PY
	assert_output "ok 1500"
}
