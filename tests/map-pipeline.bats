#!/usr/bin/env bats
# cchc-map in the pipeline, as the README and make demo show it: a year-on-year
# table by new unit (an export of 2024 mapped to the units after the 2025
# reorganisation, counted beside 2026), the service centre split by group, the
# sample tables checked against the shipped one. The expected tables are worked
# out by python from the plain count tables, not by the tool that is tested.

load helper

# Reads count tables as the man pages define them (CSV, header, a key column).
py_counts='
import csv, sys
def table(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]
'

@test "map pipeline: the 2024 export by new unit: counts by old unit summed per successor, nothing lost" {
	"$TOP/samples/gen-export" --rows 6000 --seed 11 > "$T/e24.csv"
	cchc-check "$T/e24.csv" > "$T/c.csv" 2>/dev/null
	run --separate-stderr bash -c "set -o pipefail; cchc-map -c co_quan -n co_quan_moi '$TOP/samples/don-vi-2025.csv' '$T/c.csv' | cchc-sum --period 2024 -g co_quan_moi > '$T/by-new.csv'"
	assert_success
	assert_equal "${stderr_lines[0]}" "cchc-map: 6000 rows: 6000 mapped, 0 unmatched, 0 ambiguous"
	cchc-sum --period 2024 -g co_quan "$T/c.csv" > "$T/by-old.csv" 2>/dev/null
	python3 - "$T/by-old.csv" "$T/by-new.csv" "$TOP/samples/don-vi-2025.csv" <<PY
$py_counts
old_h, old = table(sys.argv[1])
new_h, new = table(sys.argv[2])
with open(sys.argv[3], encoding="utf-8") as f:
    succ = {r[0]: r[1] for r in csv.reader(l for l in f if not l.startswith("#"))}
want = {}
for r in old:
    s = succ[r[0]]
    want[s] = [a + int(b) for a, b in zip(want.get(s, [0] * (len(r) - 1)), r[1:])]
got = {r[0]: [int(x) for x in r[1:]] for r in new}
assert new_h[1:] == old_h[1:], (new_h, old_h)
assert got == want, (got, want)
assert len(got) == 16, len(got)
PY
}

@test "map pipeline: year on year by new unit: 2026's counts with 2024's beside them, joined by cchc-map -n NAME=TABLECOL" {
	"$TOP/samples/gen-export" --rows 6000 --seed 11 > "$T/e24.csv"
	"$TOP/samples/gen-export" --year 2026 --rows 6000 --seed 12 > "$T/e26.csv"
	cchc-check "$T/e24.csv" 2>/dev/null | cchc-map -c co_quan -n co_quan_moi "$TOP/samples/don-vi-2025.csv" 2>/dev/null |
		cchc-sum --period 2024 -g co_quan_moi > "$T/n24.csv" 2>/dev/null
	cchc-check "$T/e26.csv" 2>/dev/null | cchc-sum --period 2026 -g co_quan > "$T/n26.csv" 2>/dev/null
	run --separate-stderr bash -c "set -o pipefail; cchc-map -c co_quan -n moi_tiep_nhan_2024=moi_tiep_nhan,da_giai_quyet_2024=da_giai_quyet '$T/n24.csv' '$T/n26.csv' | cchc-rate so_cung_ky=moi_tiep_nhan/moi_tiep_nhan_2024 > '$T/yoy.csv'"
	assert_success
	assert_equal "$stderr" "cchc-map: 16 rows: 16 mapped, 0 unmatched, 0 ambiguous"
	python3 - "$T/n24.csv" "$T/n26.csv" "$T/yoy.csv" <<PY
$py_counts
from decimal import Decimal, ROUND_HALF_UP
h24, r24 = table(sys.argv[1])
h26, r26 = table(sys.argv[2])
hy, ry = table(sys.argv[3])
assert hy == h26 + ["moi_tiep_nhan_2024", "da_giai_quyet_2024", "so_cung_ky"], hy
by24 = {r[0]: r for r in r24}
m, d = h24.index("moi_tiep_nhan"), h24.index("da_giai_quyet")
assert [r[:len(h26)] for r in ry] == r26
for r in ry:
    old = by24[r[0]]
    assert r[len(h26)] == old[m] and r[len(h26) + 1] == old[d], (r, old)
    q = (Decimal(r[h26.index("moi_tiep_nhan")]) * 100 / Decimal(old[m])).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert r[-1] == str(q), (r, q)
PY
	# the units of 2026 are the successors the sample table names, and no district
	run bash -c "sed 1d '$T/n26.csv' | cut -d, -f1"
	assert_output "$(sed 1d "$T/n24.csv" | cut -d, -f1)"
}

@test "map pipeline: -n NAME=TABLECOL: the column written as NAME; TABLECOL must be the table's; NAME must be new" {
	printf 'xa,moi_tiep_nhan\nXã A,10\nXã B,5\n' > "$T/t.csv"
	printf 'xa,moi_tiep_nhan\nxa b,7\nXã A,12\nXã C,3\n' > "$T/d.csv"
	run --separate-stderr cchc-map -c xa -n truoc=moi_tiep_nhan "$T/t.csv" "$T/d.csv"
	assert_success
	assert_output $'xa,moi_tiep_nhan,truoc\nxa b,7,5\nXã A,12,10\nXã C,3,'
	assert_equal "$stderr" "cchc-map: $T/d.csv:4: xa: not in $T/t.csv: \"Xã C\"
cchc-map: 3 rows: 2 mapped, 1 unmatched, 0 ambiguous"
	run --separate-stderr cchc-map -c xa -n truoc=nope "$T/t.csv" "$T/d.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: $T/t.csv:1: no column nope in the table after its 1 key column (-n NAME=TABLECOL names one); the header: \"xa,moi_tiep_nhan\""
	run --separate-stderr cchc-map -c xa -n moi_tiep_nhan=moi_tiep_nhan "$T/t.csv" "$T/d.csv"
	assert_failure 2
	assert_equal "$stderr" "cchc-map: $T/d.csv:1: moi_tiep_nhan: the input has this column already; name another with -n
cchc-map: 0 rows: 0 mapped, 0 unmatched, 0 ambiguous"
	# spaces after the commas are not in the names
	run --separate-stderr cchc-map -c ' xa ' -n 'truoc=moi_tiep_nhan, sau=moi_tiep_nhan' "$T/t.csv" "$T/d.csv"
	assert_line --index 0 "xa,moi_tiep_nhan,truoc,sau"
	run --separate-stderr cchc-map -c xa -n "truoc=" "$T/t.csv" "$T/d.csv"
	assert_failure 2
	assert_equal "$stderr" 'cchc-map: -n: "truoc=": no TABLE column named after the ='
	run --separate-stderr cchc-map --level-from xa -n "cap=x" "$T/d.csv"
	assert_failure 2
	assert_equal "$stderr" 'cchc-map: --level-from: -n names the new column only (no TABLE: "cap=x")'
}

@test "map pipeline: the sample table's communes are the successors share/cchc/dvhc-2025.csv gives" {
	[ -f "$TOP/share/cchc/dvhc-2025.csv" ] || skip "share/cchc/dvhc-2025.csv is not in this tree"
	python3 - "$TOP/samples/don-vi-2025.csv" > "$T/old.csv" <<'PY'
import csv, sys
with open(sys.argv[1], encoding="utf-8") as f:
    rows = list(csv.reader(l for l in f if not l.startswith("#")))
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["tinh"] + rows[0])
for r in rows[1:]:
    if r[3]:
        w.writerow(["Tỉnh Quảng Ngãi"] + r)
PY
	run --separate-stderr env -u CCHC_SHARE cchc-map -c tinh,huyen_cu,xa_cu -n xa_moi dvhc-2025 "$T/old.csv"
	assert_success
	assert_equal "$stderr" "cchc-map: 12 rows: 12 mapped, 0 unmatched, 0 ambiguous"
	# "UBND " and the new commune's name, its kind in lower case
	printf '%s\n' "$output" | python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
h = rows[0]
for r in rows[1:]:
    kind, name = r[h.index("xa_moi")].split(" ", 1)
    assert r[h.index("co_quan_moi")] == "UBND " + kind.lower() + " " + name, r
'
}

@test "map pipeline: gen-export --year 2026 writes the units after 2025: no district, each a unit of the sample table's successors" {
	"$TOP/samples/gen-export" --year 2026 --portal --no-level --rows 3000 --twin "$T/twin.csv" > "$T/p.csv"
	run --separate-stderr bash -c "set -o pipefail; cchc-map --level-from DonViXuLy '$T/p.csv' | cchc-sum --period 2026 -g cap"
	assert_success
	assert_equal "$(printf '%s\n' "$output" | cut -d, -f1 | tr '\n' ' ')" "cap tinh xa "
	assert_equal "$output" "$(cchc-sum --period 2026 -g cap "$T/twin.csv" 2>/dev/null)"
	cchc-sum --period 2026 -g co_quan "$T/twin.csv" 2>/dev/null | sed 1d | cut -d, -f1 | sort > "$T/units"
	grep -v '^#' "$TOP/samples/don-vi-2025.csv" | sed 1d | cut -d, -f2 | sort -u > "$T/succ"
	diff -u "$T/succ" "$T/units"
}

@test "map pipeline: the centre split by group: cchc-map -c linh_vuc -n nhom | cchc-sum -g cap,nhom, the groups adding up to the level" {
	"$TOP/samples/gen-export" --rows 6000 --seed 13 > "$T/e.csv"
	cchc-check "$T/e.csv" > "$T/c.csv" 2>/dev/null
	run --separate-stderr bash -c "set -o pipefail; cchc-map -c linh_vuc -n nhom '$TOP/samples/nhom-trung-tam.csv' '$T/c.csv' | cchc-sum --period 2024 -g cap,nhom > '$T/g.csv'"
	assert_success
	cchc-sum --period 2024 -g cap "$T/c.csv" > "$T/cap.csv" 2>/dev/null
	cchc-sum --period 2024 -g cap,linh_vuc "$T/c.csv" > "$T/lv.csv" 2>/dev/null
	python3 - "$T/g.csv" "$T/cap.csv" "$T/lv.csv" <<PY
$py_counts
hg, g = table(sys.argv[1])
hc, c = table(sys.argv[2])
hl, l = table(sys.argv[3])
assert hg[:2] == ["cap", "nhom"] and hg[2:] == hc[1:], hg
assert sorted({r[1] for r in g}) == ["Các sở, ngành", "Đất đai"], g
for cap in ("tinh", "huyen", "xa"):
    total = [sum(int(r[i]) for r in g if r[0] == cap) for i in range(2, len(hg))]
    assert total == [int(x) for x in next(r for r in c if r[0] == cap)[1:]], cap
    land = next(r for r in g if r[0] == cap and r[1] == "Đất đai")[2:]
    assert land == next(r for r in l if r[0] == cap and r[1] == "Đất đai")[2:], cap
PY
}
