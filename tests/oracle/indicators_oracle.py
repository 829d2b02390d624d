#!/usr/bin/env python3
"""cchc-sum --indicators, counted again from cchc-sum(1), INDICATORS, alone.

usage: indicators_oracle.py FROM TO GROUPS TWIN SUM

FROM, TO: the period's days (yyyy-mm-dd); GROUPS: the -g columns, comma
separated ("" for none); TWIN: a clean export (canonical columns and codes,
ISO dates, as gen-export --twin writes it); SUM: what
`cchc-sum --from FROM --to TO -g GROUPS --indicators TWIN` wrote.
Exit 0 when SUM's moi_tiep_nhan, da_giai_quyet and 14 indicators are the
oracle's for every group, else 1 with the differences.

From the manual: a dossier of status 1 or 3 is not received; one received
after TO, or resolved before FROM, is outside the period; the others are
counted. Received in the period: received on or after FROM; resolved in it:
an end date on or before TO. A flag is set when it is 1; the rating is one of
the five level codes.
"""
import csv
import sys
from datetime import date

RECEIVED, RESOLVED = "received", "resolved"
# column: (the dossiers it is counted among, what a dossier must have)
INDICATORS = [
    ("co_phi", RECEIVED, {"co_phi": "1"}),
    ("thanh_toan_truc_tuyen", RECEIVED, {"co_phi": "1", "thanh_toan_truc_tuyen": "1"}),
    ("so_hoa", RECEIVED, {"so_hoa": "1"}),
    ("tai_su_dung", RECEIVED, {"tai_su_dung": "1"}),
    ("kho_du_lieu", RECEIVED, {"kho_du_lieu": "1"}),
    ("xac_thuc_vneid", RECEIVED, {"xac_thuc_vneid": "1"}),
    ("ket_qua_dien_tu", RESOLVED, {"ket_qua_dien_tu": "1"}),
    ("so_hoa_ket_qua_dien_tu", RESOLVED, {"ket_qua_dien_tu": "1", "so_hoa": "1"}),
    ("danh_gia", RESOLVED, None),
    ("rat_hai_long", RESOLVED, {"danh_gia": "rat_hai_long"}),
    ("hai_long", RESOLVED, {"danh_gia": "hai_long"}),
    ("binh_thuong", RESOLVED, {"danh_gia": "binh_thuong"}),
    ("khong_hai_long", RESOLVED, {"danh_gia": "khong_hai_long"}),
    ("rat_khong_hai_long", RESOLVED, {"danh_gia": "rat_khong_hai_long"}),
]
LEVELS = {"rat_hai_long", "hai_long", "binh_thuong", "khong_hai_long", "rat_khong_hai_long"}
COLUMNS = ["moi_tiep_nhan", "da_giai_quyet"] + [name for name, _, _ in INDICATORS]


def day(v):
    return date.fromisoformat(v[:10]) if v else None


def oracle(first, last, groups, rows):
    table = {}
    for r in rows:
        if r.get("trang_thai") in ("1", "3"):
            continue
        recv, done = day(r["ngay_tiep_nhan"]), day(r["ngay_tra_ket_qua"])
        if recv > last or (done is not None and done < first):
            continue
        kinds = set()
        if recv >= first:
            kinds.add(RECEIVED)
        if done is not None and done <= last:
            kinds.add(RESOLVED)
        g = table.setdefault(tuple(r[c] for c in groups), dict.fromkeys(COLUMNS, 0))
        g["moi_tiep_nhan"] += RECEIVED in kinds
        g["da_giai_quyet"] += RESOLVED in kinds
        for name, among, need in INDICATORS:
            if among not in kinds:
                continue
            if need is None:
                g[name] += r["danh_gia"] in LEVELS
            else:
                g[name] += all(r[c] == v for c, v in need.items())
    return table


def main():
    first, last = date.fromisoformat(sys.argv[1]), date.fromisoformat(sys.argv[2])
    groups = [c for c in sys.argv[3].split(",") if c]
    with open(sys.argv[4], newline="", encoding="utf-8") as f:
        want = oracle(first, last, groups, csv.DictReader(f))
    with open(sys.argv[5], newline="", encoding="utf-8") as f:
        got = {tuple(r[c] for c in groups): {c: int(r[c]) for c in COLUMNS}
               for r in csv.DictReader(f)}
    bad = 0
    for key in sorted(set(want) | set(got)):
        if want.get(key) != got.get(key):
            print("group %r: oracle %r, cchc-sum %r" % (key, want.get(key), got.get(key)))
            bad = 1
    if not want:
        print("no group at all: nothing compared")
        bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main())
