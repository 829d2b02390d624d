#!/usr/bin/env python3
"""Convert the Statistics Office's table of the 1 July 2025 reorganisation
(data/dvhc-2025-nso.csv, as published) into the tables cchc-map reads:

    dvhc-2025.csv     old commune -> new commune, keyed tinh_cu,huyen_cu,xa_cu
    dvhc-2025-ma.csv  the same, keyed by the old commune's code ma_xa_cu
    tinh-2025.csv     old province -> new province, keyed tinh_cu

Usage: python3 data/convert-dvhc.py [-o DIR] [SOURCE]
    SOURCE  default: dvhc-2025-nso.csv beside this script
    -o DIR  where to write the three tables (default: share/cchc of the repository)

Standard library only; the output depends on SOURCE alone (no dates, no paths),
so a rerun gives byte-identical tables. A summary on standard error accounts for
every record of SOURCE. Every correction of the source is listed in CORRECTIONS
below, with the published value it expects: a source that differs there, or that
breaks one of the checks (a code with two names, a district in two provinces, a
note of an unknown kind, a split commune not marked as one...), stops the
conversion with exit status 2 and the record it is about.
share/cchc/README says what the tables hold and why.
"""

import csv
import io
import os
import re
import sys
import unicodedata

SOURCE_NAME = "data/dvhc-2025-nso.csv"
SCRIPT_NAME = "data/convert-dvhc.py"

# The published columns (second header row) and what they hold.
HEADER_1 = ["Đơn vị hành chính từ ngày 01/7/2025", "", "",
            "Đơn vị hành chính trước ngày 01/7/2025", "", "", "", "", ""]
HEADER_2 = ["Tỉnh, thành phố", "Tên Xã mới", "Mã Xã mới", "Tên Xã cũ",
            "Mã Xã cũ", "Ghi chú", "Quận/huyện", "Tỉnh cũ", ""]
C_TINH_MOI, C_XA_MOI, C_MA_XA_MOI, C_XA_CU, C_MA_XA_CU, C_GHI_CHU, \
    C_HUYEN_CU, C_TINH_CU = range(8)
COLUMN_NAMES = {C_TINH_MOI: "tinh_moi", C_XA_MOI: "xa_moi", C_MA_XA_MOI: "ma_xa_moi",
                C_XA_CU: "xa_cu", C_MA_XA_CU: "ma_xa_cu", C_GHI_CHU: "ghi_chu",
                C_HUYEN_CU: "huyen_cu", C_TINH_CU: "tinh_cu"}

# Corrections of the source, by record (the CSV record's number in SOURCE,
# the two header rows being 1 and 2): (record, column, published value,
# corrected value, reason). The published value must be there exactly.
CORRECTIONS = [
    (426, C_MA_XA_CU, "00553", "00556",
     "Xã Đặng Xá (Gia Lâm) is 00556, as in record 424; 00553 is Xã Cổ Bi (records 423, 429)"),
    (912, C_MA_XA_CU, "01615", "01651",
     "Xã Mỹ Hưng (Quảng Hòa, Cao Bằng) is 01651; 01615 is Xã Hồng Quang (record 909)"),
    (1260, C_MA_XA_CU, "02485", "02482",
     "Xã Phú Thịnh (Yên Sơn, Tuyên Quang) is 02482; 02485 is Xã Công Đa (record 1253)"),
    (6211, C_TINH_CU, "Quảng Trị (44)", "Tỉnh Quảng Trị (45)",
     "Huyện Cồn Cỏ (471) was in Tỉnh Quảng Trị (45); 44 is Tỉnh Quảng Bình in every other record"),
    (8914, C_TINH_CU, "Tỉnh Tiền Giang (82)", "Tỉnh Long An (80)",
     "Thành phố Tân An (794) is in Tỉnh Long An (80), as in its 12 other records"),
    (10030, C_TINH_CU, "Tỉnh An Giang (89)", "Tỉnh Kiên Giang (91)",
     "Thành phố Hà Tiên (900) is in Tỉnh Kiên Giang (91), as in its 6 other records"),
    (7742, C_XA_MOI, "Xa Ea Kly", "Xã Ea Kly", "the unit word Xã misspelt"),
    (7743, C_XA_MOI, "Xa Ea Kly", "Xã Ea Kly", "the unit word Xã misspelt"),
    (10460, C_XA_CU, "Thi trấn Ngan Dừa", "Thị trấn Ngan Dừa", "the unit word Thị trấn misspelt"),
    (7559, C_XA_CU, "Xuân Quang 3", "Xã Xuân Quang 3", "the unit word missing (a xã of Huyện Đồng Xuân)"),
    (7560, C_XA_CU, "Xuân Phước", "Xã Xuân Phước", "the unit word missing (a xã of Huyện Đồng Xuân)"),
]

# Old units the source lists that are no commune: record -> (the old name as
# published, trimmed, why). Their rows are kept in dvhc-2025.csv (keyed by
# name) and are not in dvhc-2025-ma.csv (they have no code).
NOT_COMMUNES = {
    3969: ("", "Huyện Bạch Long Vĩ had no communes: the whole district became Đặc khu Bạch Long Vĩ"),
    4748: ("Khu vực bãi bồi ven biển do huyện Kim Sơn quản lý",
           "an area the district managed itself, no commune and no code"),
    6211: ("", "Huyện Cồn Cỏ had no communes: the whole district became Đặc khu Cồn Cỏ"),
    6628: ("", "Huyện Hoàng Sa had no communes: the whole district became Đặc khu Hoàng Sa"),
    6903: ("", "Huyện Lý Sơn had no communes: the whole district became Đặc khu Lý Sơn"),
    8878: ("", "Huyện Côn Đảo had no communes: the whole district became Đặc khu Côn Đảo"),
}

# Unit words, in their written case; a name's first words are matched
# case-insensitively (exactly, diacritics and all) and written this way.
COMMUNE_WORDS = ["Thị trấn", "Đặc khu", "Phường", "Xã"]
DISTRICT_WORDS = ["Thành phố", "Thị xã", "Quận", "Huyện"]
PROVINCE_WORDS = ["Thành phố", "Tỉnh"]

# nhap, the vocabulary (share/cchc/README): what part of the old unit went
# into the new commune of the row.
NHAP = ("toan_bo", "mot_phan", "giu_nguyen", "doi_ten", "dac_khu")

COMMENT_SOURCE = ("Source: Cục Thống kê, Bảng chuyển đổi ĐVHC mới - cũ, sheet 'không merge' "
                  "(" + SOURCE_NAME + " as published)")
COMMENT_DATE = ("Date of the data: 1 July 2025 (01/7/2025), the units before that day "
                "and from it")
COMMENT_MADE = ("Made by " + SCRIPT_NAME + " from " + SOURCE_NAME + "; to regenerate, "
                "in the repository: make tables (python3 " + SCRIPT_NAME + " -o share/cchc)")
COMMENT_DOC = "Columns and decisions: share/cchc/README. Do not edit by hand."


class SourceError(Exception):
    pass


def fold(s):
    """Lower case, no diacritics, đ -> d, one space: for recognising notes."""
    s = unicodedata.normalize("NFD", s.lower().replace("đ", "d"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.split())


def clean(s):
    """NFC, typographic apostrophe made ', blanks and line ends made one space, trimmed."""
    s = unicodedata.normalize("NFC", s).replace("\u2019", "'")
    return " ".join(s.split())


def unit_word(name, words, what, rec):
    """The name with its unit word in the written case; SourceError if it has none."""
    low = name.lower()
    for w in words:
        if low.startswith(w.lower() + " "):
            return w + name[len(w):]
    raise SourceError("record %d: %s %r starts with no unit word (%s)"
                      % (rec, what, name, ", ".join(words)))


def name_code(value, digits, what, rec):
    """'Quận Ba Đình (001)' -> ('Quận Ba Đình', '001')."""
    m = re.fullmatch(r"(.*\S)\s*\((\d{%d})\)" % digits, value)
    if not m:
        raise SourceError("record %d: %s %r is not NAME (%s digits)" % (rec, what, value, digits))
    return m.group(1), m.group(2)


def classify(note, rec):
    """The kind of a published note, before the split check."""
    f = fold(note)
    if "mot phan" in f or "phan con lai" in f:
        return "mot_phan"
    if f.startswith("sap xep toan bo") and "thanh dac khu" in f:
        return "dac_khu"
    if f.startswith("doi ten") or f.startswith("doi loai hinh"):
        return "doi_ten"
    if f == "giu nguyen":
        return "giu_nguyen"
    if f == "nhap toan bo" or f == "nhap toan bo dien tich":
        return "toan_bo"
    raise SourceError("record %d: a note of no known kind: %r" % (rec, note))


def majority(counter_items):
    """The most frequent value; on a tie the first seen. items: [(value, count, first)]."""
    return sorted(counter_items, key=lambda t: (-t[1], t[2]))[0][0]


def convert(source):
    summary = []
    fixes = []  # the corrections applied, one line each
    notes = []  # spellings unified and rows reclassed, one line each

    with open(source, encoding="utf-8", newline="") as f:
        text = f.read()
    if text.startswith("\ufeff"):
        raise SourceError("the source starts with a BOM: not the file as published")
    records = list(csv.reader(io.StringIO(text, newline="")))
    n_records = len(records)
    if n_records < 3 or records[0] != HEADER_1 or records[1] != HEADER_2:
        raise SourceError("the two header rows are not the published ones")

    corrections = {}
    for rec, col, published, corrected, reason in CORRECTIONS:
        corrections.setdefault(rec, []).append((col, published, corrected, reason))

    dropped = []          # (record, reason)
    rows = []             # dicts, one per data record
    n_titles = 0
    applied = 0
    norm = {"apostrophe": 0, "unit word case": 0, "blanks": 0, "nfc": 0}

    for rec, r in enumerate(records, start=1):
        if rec <= 2:
            continue
        if len(r) != 9 or r[8] != "":
            raise SourceError("record %d: %d fields, not 8 and an empty ninth" % (rec, len(r)))
        if not any(r[1:]):
            v = clean(r[0])
            if not v:
                dropped.append((rec, "empty record"))
            elif re.search(r"\(\d+\)$", v):
                # one such record, where Tỉnh Phú Thọ's title would be
                dropped.append((rec, "stray record holding only a new province, %s" % v))
            else:
                if v != v.upper():
                    raise SourceError("record %d: %r is no province title" % (rec, r[0]))
                n_titles += 1
                dropped.append((rec, "province title row %s" % v))
            continue
        r = list(r[:8])
        for col, published, corrected, reason in corrections.pop(rec, []):
            if r[col] != published:
                raise SourceError("record %d: correction expects %s %r, the source has %r"
                                  % (rec, COLUMN_NAMES[col], published, r[col]))
            r[col] = corrected
            applied += 1
            fixes.append("record %d: %s %r -> %r: %s"
                         % (rec, COLUMN_NAMES[col], published, corrected, reason))
        for j in range(8):
            v1 = unicodedata.normalize("NFC", r[j])
            v2 = v1.replace("\u2019", "'")
            v3 = " ".join(v2.split())
            norm["nfc"] += v1 != r[j]
            norm["apostrophe"] += v2 != v1
            norm["blanks"] += v3 != v2
            r[j] = v3
        row = {"rec": rec}
        tinh_moi, row["ma_tinh_moi"] = name_code(r[C_TINH_MOI], 2, "tinh_moi", rec)
        tinh_cu, row["ma_tinh_cu"] = name_code(r[C_TINH_CU], 2, "tinh_cu", rec)
        huyen_cu, row["ma_huyen_cu"] = name_code(r[C_HUYEN_CU], 3, "huyen_cu", rec)
        row["tinh_moi"] = unit_word(tinh_moi, PROVINCE_WORDS, "tinh_moi", rec)
        row["tinh_cu"] = unit_word(tinh_cu, PROVINCE_WORDS, "tinh_cu", rec)
        row["huyen_cu"] = unit_word(huyen_cu, DISTRICT_WORDS, "huyen_cu", rec)
        row["xa_moi"] = unit_word(r[C_XA_MOI], COMMUNE_WORDS, "xa_moi", rec)
        if rec in NOT_COMMUNES:
            row["xa_cu"] = r[C_XA_CU]
            if (r[C_XA_CU], r[C_MA_XA_CU]) != (NOT_COMMUNES[rec][0], ""):
                raise SourceError("record %d: listed as the unit %r without a code, the source has %r, %r"
                                  % (rec, NOT_COMMUNES[rec][0], r[C_XA_CU], r[C_MA_XA_CU]))
        else:
            row["xa_cu"] = unit_word(r[C_XA_CU], COMMUNE_WORDS, "xa_cu", rec)
        for k, w in (("tinh_moi", tinh_moi), ("tinh_cu", tinh_cu), ("huyen_cu", huyen_cu),
                     ("xa_moi", r[C_XA_MOI]), ("xa_cu", r[C_XA_CU])):
            if row[k] != w:
                norm["unit word case"] += 1
        row["ma_xa_moi"] = r[C_MA_XA_MOI]
        row["ma_xa_cu"] = r[C_MA_XA_CU]
        if not re.fullmatch(r"\d{5}", row["ma_xa_moi"]):
            raise SourceError("record %d: ma_xa_moi %r is not 5 digits" % (rec, row["ma_xa_moi"]))
        if row["ma_xa_cu"] == "" and rec not in NOT_COMMUNES:
            raise SourceError("record %d: no ma_xa_cu, and not a known unit without one" % rec)
        if row["ma_xa_cu"] != "" and not re.fullmatch(r"\d{5}", row["ma_xa_cu"]):
            raise SourceError("record %d: ma_xa_cu %r is not 5 digits" % (rec, row["ma_xa_cu"]))
        row["ghi_chu"] = r[C_GHI_CHU]
        row["kind"] = classify(r[C_GHI_CHU], rec)
        rows.append(row)

    if corrections:
        raise SourceError("corrections for records that hold no data: %s"
                          % ", ".join(str(k) for k in sorted(corrections)))
    missing = [rec for rec in NOT_COMMUNES if rec not in {row["rec"] for row in rows}]
    if missing:
        raise SourceError("units without a commune not found in records %s" % missing)

    # One name per code: provinces and districts must agree already; a new
    # commune written two ways (a tone mark's place) takes its most frequent form.
    def one_name(code_key, name_key, what, scope=None, unify=False):
        seen = {}
        for i, row in enumerate(rows):
            c = seen.setdefault(row[code_key], {}).setdefault(row[name_key], [0, i])
            c[0] += 1
        for code, names in seen.items():
            if len(names) > 1:
                if not unify:
                    raise SourceError("%s %s has several names: %s"
                                      % (what, code, ", ".join(sorted(names))))
                keep = majority([(n, c[0], c[1]) for n, c in names.items()])
                for row in rows:
                    if row[code_key] == code and row[name_key] != keep:
                        notes.append("record %d: %s %s written %r, in its %d other records %r: %r kept"
                                     % (row["rec"], what, code, row[name_key],
                                        names[keep][0], keep, keep))
                        row[name_key] = keep
        by_name = {}
        for row in rows:
            k = (row[scope] if scope else "", row[name_key])
            by_name.setdefault(k, set()).add(row[code_key])
        for (sc, n), codes in by_name.items():
            if len(codes) > 1:
                raise SourceError("%s %s has several codes: %s" % (what, n, sorted(codes)))

    one_name("ma_tinh_cu", "tinh_cu", "tinh_cu")
    one_name("ma_tinh_moi", "tinh_moi", "tinh_moi")
    one_name("ma_huyen_cu", "huyen_cu", "huyen_cu", scope="ma_tinh_cu")
    one_name("ma_xa_moi", "xa_moi", "xa_moi", scope="ma_tinh_moi", unify=True)

    # A district in one province, a new commune in one new province, an old
    # commune (by code) one unit, an old province in one new province.
    def one_of(key, val, what):
        m = {}
        for row in rows:
            m.setdefault(row[key], set()).add(row[val])
        for k, vs in m.items():
            if len(vs) > 1:
                raise SourceError("%s %s is in several: %s" % (what, k, sorted(vs)))
        return m
    one_of("ma_huyen_cu", "ma_tinh_cu", "district")
    one_of("ma_xa_moi", "ma_tinh_moi", "new commune")
    prov = one_of("ma_tinh_cu", "ma_tinh_moi", "old province")
    old_unit = {}
    for row in rows:
        if row["ma_xa_cu"]:
            old_unit.setdefault(row["ma_xa_cu"], set()).add(
                (row["ma_tinh_cu"], row["ma_huyen_cu"], row["xa_cu"]))
    for code, units in old_unit.items():
        if len(units) > 1:
            raise SourceError("old commune code %s names several units: %s" % (code, sorted(units)))

    # The old unit of a row: its code, or its names where it has none.
    for row in rows:
        row["old_id"] = row["ma_xa_cu"] or (row["tinh_cu"], row["huyen_cu"], row["xa_cu"])
    pairs = {}
    for row in rows:
        p = (row["old_id"], row["ma_xa_moi"])
        if p in pairs:
            raise SourceError("records %d and %d: the same old unit and new commune"
                              % (pairs[p], row["rec"]))
        pairs[p] = row["rec"]
    news_of = {}
    for row in rows:
        news_of.setdefault(row["old_id"], set()).add(row["ma_xa_moi"])

    # nhap: a note of part must be a split commune, and every row of a split
    # commune is mot_phan, whatever its note says of the area alone.
    n_reclassed = 0
    for row in rows:
        n = len(news_of[row["old_id"]])
        row["so_xa_moi"] = str(n)
        if n == 1 and row["kind"] == "mot_phan":
            raise SourceError("record %d: %s is marked %r but goes to one new commune only"
                              % (row["rec"], row["xa_cu"], row["ghi_chu"]))
        if n > 1 and row["kind"] != "mot_phan":
            notes.append("record %d: %s goes to %d new communes: nhap mot_phan, although the note is %r"
                         % (row["rec"], row["xa_cu"], n, row["ghi_chu"]))
            row["kind"] = "mot_phan"
            n_reclassed += 1
        row["nhap"] = row["kind"]
        assert row["nhap"] in NHAP

    # The counts.
    communes = {row["ma_xa_cu"] for row in rows if row["ma_xa_cu"]}
    split = {k for k, v in news_of.items() if len(v) > 1}
    new_codes = {row["ma_xa_moi"] for row in rows}
    new_from_communes = {row["ma_xa_moi"] for row in rows if row["ma_xa_cu"]}
    dac_khu = {row["ma_xa_moi"] for row in rows if row["xa_moi"].startswith("Đặc khu ")}
    old_provinces = {row["ma_tinh_cu"] for row in rows}
    new_provinces = {row["ma_tinh_moi"] for row in rows}
    with_code = [row for row in rows if row["ma_xa_cu"]]

    # Names a lookup that folds case and diacritics cannot tell apart.
    folded = {}
    for row in rows:
        k = (fold(row["tinh_cu"]), fold(row["huyen_cu"]), fold(row["xa_cu"]))
        folded.setdefault(k, {}).setdefault(row["xa_cu"], set()).add(row["ma_xa_moi"])
    collide = {k: v for k, v in folded.items() if len(v) > 1}
    collide_diff = sum(1 for v in collide.values() if len(set().union(*v.values())) > 1)

    summary.append("%s: %d records: %d header rows, %d province title rows, %d other dropped, %d data rows"
                   % (SOURCE_NAME, n_records, 2, n_titles, len(dropped) - n_titles, len(rows)))
    summary.append("  dropped records 1-2: the two header rows")
    summary.append("  dropped %d province title rows: records %s"
                   % (n_titles, " ".join(str(rec) for rec, why in dropped
                                         if why.startswith("province title row"))))
    for rec, why in dropped:
        if not why.startswith("province title row"):
            summary.append("  dropped record %d: %s" % (rec, why))
    summary.append("%d corrections of the source:" % applied)
    summary.extend("  " + n for n in fixes)
    summary.append("%d spellings unified, rows reclassed:" % len(notes))
    summary.extend("  " + n for n in notes)
    summary.append("normalised: %d values not NFC, %d typographic apostrophes, %d values with stray blanks or line ends, %d unit words' case"
                   % (norm["nfc"], norm["apostrophe"], norm["blanks"], norm["unit word case"]))
    summary.append("old communes: %d (distinct ma_xa_cu), %d split across several new communes; "
                   "%d units without a code (%s)"
                   % (len(communes), len({k for k in split if isinstance(k, str)}),
                      len(NOT_COMMUNES), ", ".join(str(k) for k in sorted(NOT_COMMUNES))))
    for rec in sorted(NOT_COMMUNES):
        summary.append("  record %d, kept in dvhc-2025.csv only: %s" % (rec, NOT_COMMUNES[rec][1]))
    summary.append("new communes: %d (distinct ma_xa_moi), %d of them from old communes, %d đặc khu"
                   % (len(new_codes), len(new_from_communes), len(dac_khu)))
    summary.append("provinces: %d old -> %d new" % (len(old_provinces), len(new_provinces)))
    summary.append("names alike once case and diacritics are folded: %d pairs in one district, "
                   "%d of them going to different new communes"
                   % (len(collide), collide_diff))

    def key_old(row):
        return (row["ma_tinh_cu"], row["ma_huyen_cu"], row["ma_xa_cu"], row["xa_cu"],
                row["ma_xa_moi"], row["rec"])
    tables = {}

    cols = ["tinh_cu", "huyen_cu", "xa_cu", "xa_moi", "ma_xa_moi", "tinh_moi", "ma_tinh_moi",
            "nhap", "so_xa_moi", "ghi_chu", "ma_xa_cu", "ma_huyen_cu", "ma_tinh_cu", "dong_nguon"]
    tables["dvhc-2025.csv"] = (
        ["dvhc-2025: old commune (before 1 July 2025) -> new commune, keyed tinh_cu,huyen_cu,xa_cu",
         "A commune split between new communes has a row for each: its key is ambiguous."],
        cols, [dict(row, dong_nguon=str(row["rec"])) for row in sorted(rows, key=key_old)])

    cols_ma = ["ma_xa_cu", "xa_moi", "ma_xa_moi", "tinh_moi", "ma_tinh_moi", "nhap", "so_xa_moi",
               "ghi_chu", "tinh_cu", "huyen_cu", "xa_cu", "ma_huyen_cu", "ma_tinh_cu", "dong_nguon"]
    tables["dvhc-2025-ma.csv"] = (
        ["dvhc-2025-ma: old commune's code ma_xa_cu (5 digits) -> new commune, keyed ma_xa_cu",
         "A commune split between new communes has a row for each: its key is ambiguous.",
         "The %d units the source gives no code (dvhc-2025.csv has them) are not here." % len(NOT_COMMUNES)],
        cols_ma, [dict(row, dong_nguon=str(row["rec"]))
                  for row in sorted(with_code, key=lambda r: (r["ma_xa_cu"], r["ma_xa_moi"]))])

    prov_rows = []
    for code in sorted(prov):
        row = next(r for r in rows if r["ma_tinh_cu"] == code)
        prov_rows.append({"tinh_cu": row["tinh_cu"], "tinh_moi": row["tinh_moi"],
                          "ma_tinh_moi": row["ma_tinh_moi"], "ma_tinh_cu": code})
    tables["tinh-2025.csv"] = (
        ["tinh-2025: old province (before 1 July 2025) -> new province, keyed tinh_cu",
         "Derived from the communes' rows: every old province went whole into one new province."],
        ["tinh_cu", "tinh_moi", "ma_tinh_moi", "ma_tinh_cu"], prov_rows)

    summary.append("written: dvhc-2025.csv %d rows, dvhc-2025-ma.csv %d rows (%d without ma_xa_cu left out), "
                   "tinh-2025.csv %d rows"
                   % (len(rows), len(with_code), len(rows) - len(with_code), len(prov_rows)))
    return tables, summary


def write(tables, outdir):
    os.makedirs(outdir, exist_ok=True)
    for name, (comments, cols, rows) in tables.items():
        tmp = os.path.join(outdir, "." + name + ".tmp")
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            for c in comments + [COMMENT_SOURCE, COMMENT_DATE, COMMENT_MADE, COMMENT_DOC]:
                f.write("# " + c + "\n")
            w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
            w.writerow(cols)
            for row in rows:
                w.writerow([row[c] for c in cols])
        os.replace(tmp, os.path.join(outdir, name))


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = os.path.join(here, os.pardir, "share", "cchc")
    source = os.path.join(here, "dvhc-2025-nso.csv")
    args = list(argv)
    while args:
        a = args.pop(0)
        if a in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        if a == "-o" and args:
            outdir = args.pop(0)
        elif a.startswith("-"):
            print("convert-dvhc.py: unknown option %s (see --help)" % a, file=sys.stderr)
            return 2
        else:
            source = a
            if args:
                print("convert-dvhc.py: one SOURCE only", file=sys.stderr)
                return 2
    try:
        tables, summary = convert(source)
        write(tables, outdir)
    except SourceError as e:
        print("convert-dvhc.py: %s: %s" % (SOURCE_NAME, e), file=sys.stderr)
        return 2
    except OSError as e:
        print("convert-dvhc.py: %s" % e, file=sys.stderr)
        return 2
    for line in summary:
        print("convert-dvhc.py: " + line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
