#!/usr/bin/env python3
"""Random dossier exports full of CSV hazards, deterministic from a seed.

    python3 tests/gen/dossiers.py --seed 17 [--mode core|intake] [--scale N] > in.csv
    python3 tests/gen/dossiers.py --seed 17 --meta          # what was written, as JSON

The same seed, mode and scale give the same bytes (Python's random.Random, no
hashing, no clock). The export is built as a list of chunks, each starting
where a record can start (a line start, outside quotes) and ending after a line
end (the last may have none). Each chunk knows how many records the reader
must see in it, from how it was written, under the reading rules of cchc(7)
and cchc-check(1):

  * a syntax error (a quote inside an unquoted field, text after a closing
    quote) ends its record; reading goes on at the next physical line (LF,
    CR LF or a lone CR), so nothing after the error in a chunk has a line end;
  * a quote never closed runs to the next quote in the file: the generator
    writes the lines it swallows without quotes, then a line whose quote
    closes it (followed by text: an error, or by a delimiter: more fields);
    at the very end of the file it runs to the end;
  * blank lines, lines of spaces and rows whose every field is empty are no
    record; every other chunk of a record has a field with a non-space byte;
  * the header (one line, or two rows: merged group cells over the names),
    title lines above it and a header repeated mid-file (in another column
    order: the rows after it follow it) are no record; footer lines after
    the last dossier (totals, signatures) are records of their own kind,
    counted apart (footer_records) for tools that skip them.

Hazards: stray quotes in unquoted fields; quotes never closed (mid-file and at
the end); text after a closing quote; quoted fields holding the delimiter,
"", CR, LF and CR LF; LF, CR LF, CR-only and mixed line ends; a BOM; blank
lines, lines of spaces, all-empty ,,,, rows; ragged rows (too few, too many
fields); records longer than a part (tens or hundreds of KB, many lines);
NUL bytes and invalid UTF-8; no line end at the end of the file; header
variants (canonical names, aliases, Vietnamese names in NFC or NFD, upper
case, spaces, columns reordered, extra columns, quoted names); ';' and tab
delimiters; group keys with `tong`, commas, quotes, line ends, Vietnamese
text in NFC and NFD; every date form the tools accept, and dates that are
none; codes, their phrasings, negations and unknown codes. --mode intake adds
title lines, two-row headers, footers and headers repeated mid-file.
"""

import argparse
import datetime
import json
import random
import sys
import unicodedata

# ---------------------------------------------------------------- the columns

# canonical column -> the names an export may give it (after folding all are
# the column; written here in their usual spelling)
ALIASES = {
    "ma_ho_so": ["ma_ho_so", "Mã hồ sơ", "Số hồ sơ", "MaHoSo", "SoBienNhan"],
    "cap": ["cap", "Cấp", "Cấp giải quyết", "Cấp thực hiện"],
    "co_quan": ["co_quan", "Cơ quan", "Cơ quan giải quyết", "Đơn vị", "DonViXuLy"],
    "linh_vuc": ["linh_vuc", "Lĩnh vực", "TenLinhVuc"],
    "ma_tthc": ["ma_tthc", "Mã TTHC", "Mã thủ tục", "MaTTHC"],
    "ten_tthc": ["ten_tthc", "Tên thủ tục", "Tên TTHC", "TenTTHC"],
    "kenh": ["kenh", "Hình thức nộp", "Kênh nộp", "KenhThucHien"],
    "muc_do_dvc": ["muc_do_dvc", "Mức độ", "Mức độ DVC", "Loại DVC", "MucDo"],
    "trang_thai": ["trang_thai", "Trạng thái", "Trạng thái hồ sơ", "TrangThaiHoSo"],
    "ngay_tiep_nhan": ["ngay_tiep_nhan", "Ngày tiếp nhận", "NgayTiepNhan"],
    "ngay_hen_tra": ["ngay_hen_tra", "Ngày hẹn trả", "Hạn xử lý", "NgayHenTra"],
    "ngay_tra_ket_qua": ["ngay_tra_ket_qua", "Ngày có kết quả", "Ngày hoàn thành",
                         "Ngày kết thúc xử lý", "NgayKetThucXuLy", "Ngày trả kết quả",
                         "NgayTra"],
    # with both a processing end and a hand-over date: these two pairs
    "ngay_tra": ["Ngày trả kết quả", "NgayTra"],
    # columns of no meaning to the tools: passed through, can be grouped by
    "stt": ["STT", "stt", "Số TT"],
    "ghi_chu": ["Ghi chú", "ghi_chu", "GHI CHÚ"],
    "nguoi_nop": ["Người nộp", "nguoi_nop", "Người nộp hồ sơ"],
}
# the processing-end names, when the export also has a hand-over date
END_ONLY = ["Ngày có kết quả", "Ngày hoàn thành", "Ngày kết thúc xử lý", "NgayKetThucXuLy"]


def fold(s):
    """A header name folded as cchc(7) says: NFC, lower case, diacritics
    removed, đ made d, runs of spaces, _ and - made one _, none at the ends."""
    s = unicodedata.normalize("NFD", s.lower().replace("đ", "d").replace("Đ", "d"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    out, sep = [], False
    for ch in s:
        if ch in " _-\t\n\r\u00a0":
            sep = True
            continue
        if sep and out:
            out.append("_")
        sep = False
        out.append(ch)
    return "".join(out)

REQUIRED = ["ma_ho_so", "kenh", "ngay_tiep_nhan", "co_quan"]
OPTIONAL = ["cap", "linh_vuc", "ma_tthc", "ten_tthc", "muc_do_dvc", "trang_thai",
            "ngay_hen_tra", "ngay_tra_ket_qua", "stt", "ghi_chu", "nguoi_nop"]
DATE_COLS = ["ngay_tiep_nhan", "ngay_hen_tra", "ngay_tra_ket_qua", "ngay_tra"]

# ---------------------------------------------------------------- the values

# each pool: (values a sound export has, odd ones: unknown, negated, ambiguous)
CO_QUAN = (["tong", "tong", " tong ", "Tổng", "Sở Tư pháp", "Sở Kế hoạch và Đầu tư",
            "UBND huyện Sơn Tịnh", "UBND xã Tịnh Phong, huyện Sơn Tịnh",
            'Văn phòng "Một cửa" tỉnh', "Trung tâm Phục vụ hành chính công",
            "Chi nhánh VPĐKĐĐ, huyện Bình Sơn", "Đặc khu Lý Sơn", "Phường Trần Phú",
            "Sở Y tế", "UBND phường Nghĩa Lộ", "x,y;z", "tong,cong"],
           ["", 'a""b', "'=1+1", "Bộ phận\nMột cửa", "tong\r\n", '"tong"'])
LINH_VUC = (["Đất đai", "Hộ tịch", "Tư pháp", "tong", "", "", "Xây dựng, quy hoạch",
             'Kinh doanh "có điều kiện"', "Đầu tư", "Chứng thực"], ["tong\ncong", " "])
CAP = (["tinh", "huyen", "xa", "Cấp tỉnh", "Cấp huyện", "Cấp xã", "Tỉnh", "XÃ", "huyện",
        "cấp tinh"], ["", "quận", "tinh huyen"])
KENH = (["truc_tuyen", "truc_tiep", "buu_chinh", "Trực tuyến", "Trực tiếp", "Bưu chính",
         "Nộp trực tuyến", "Qua dịch vụ bưu chính công ích", "Nộp qua bưu chính công ích",
         "online", "BCCI", "1", "2", "3"],
        ["Không trực tuyến", "", "trực tuyến và trực tiếp", "fax", "4"])
MUC_DO = (["toan_trinh", "mot_phan", "khong", "Toàn trình", "Một phần", "", "Mức độ 2",
           "Mức độ 3", "Mức độ 4", "4", "3", "2", "DVC trực tuyến toàn trình"],
          ["Mức độ 5", "Không toàn trình", "x"])
TRANG_THAI = ([str(i) for i in range(1, 11)] + [
    "Mới đăng ký", "Được tiếp nhận", "Đang xử lý", "Đã trả kết quả", "Hoàn thành",
    "Đã rút hồ sơ", "Tạm dừng", "Chờ bổ sung", "Từ chối tiếp nhận", "Chờ trả kết quả",
    "", "", ""], ["99", "0", "Đang chờ", "Không tiếp nhận"])
TEN_TTHC = (["Cấp giấy chứng nhận quyền sử dụng đất", "Đăng ký khai sinh",
             "Chứng thực bản sao từ bản chính", "Cấp phép xây dựng, sửa chữa nhà ở",
             'Đăng ký "kết hôn"'], [""])
GHI_CHU = (["", "", "ghi chú", 'màn hình 24" Dell', "dòng 1\ndòng 2", "a, b", "x\r\ny",
            '""', "  có khoảng trắng  ", "cuối\r", "\ntrước", "Nộp lại; lần 2",
            "tab\tở giữa"], ["'=HYPERLINK(\"x\")", "\x7f"])
NGUOI_NOP = (["Nguyễn Văn An", "Trần Thị Bình", "Lê, Hoàng", "Phạm \"Tí\"", "", "Đỗ Minh"], [""])
BAD_DATES = ["31/02/2024", "29/02/2023", "2024-13-01", "24:00 01/01/2024", "hôm qua",
             "00000000", "1/1/99999", "12/31/2024", "45503,52", "2024/02/30"]
TITLES = ["UBND TỈNH QUẢNG NGÃI", "DANH SÁCH HỒ SƠ TIẾP NHẬN, GIẢI QUYẾT",
          "Từ ngày 15/12/2023 đến ngày 14/12/2024", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
          "(Kèm theo Báo cáo số 123/BC-UBND)", "Kỳ báo cáo: năm 2024"]
FOOTERS = [["Tổng cộng", "", "", "1.234 hồ sơ"], ["NGƯỜI LẬP BIỂU", "", "THỦ TRƯỞNG ĐƠN VỊ"],
           ["(Ký, ghi rõ họ tên)"], ["Quảng Ngãi, ngày 12 tháng 12 năm 2024"],
           ["", "", "Nguyễn Văn B"], ["Tổng số hồ sơ: 321"], ["Ghi chú: số liệu tạm tính"]]

PERIODS = ["2024", "2024", "2024", "2024-H1", "2024-H2", "2024-Q3", "2024-9M", "2024-09",
           "2024-Q1", "2025-Q1"]


class Gen:
    """One export. Build with Gen(seed, mode, scale); see whole(), split()."""

    def __init__(self, seed, mode="core", scale=1):
        self.seed = seed
        self.mode = mode
        self.rng = r = random.Random(f"cchc-dossiers/{mode}/{seed}/{scale}")
        self.delim = r.choices([",", ";", "\t"], [85, 10, 5])[0]
        self.eol_style = r.choices(["lf", "crlf", "cr", "mixed"], [45, 30, 8, 17])[0]
        self.bom = r.random() < 0.3
        self.nfd = r.random() < 0.3        # Vietnamese text mostly decomposed
        self.hazard = r.choice([0.03, 0.1, 0.2, 0.4])   # share of hazardous chunks
        self.odd = r.choice([0.0, 0.03, 0.08, 0.2])      # share of odd values
        self.serial = 0
        self.nlong, self.big = 0, False
        self.hazards = set()
        # columns
        cols = REQUIRED + [c for c in OPTIONAL if r.random() < 0.7]
        if "ngay_tra_ket_qua" in cols and r.random() < 0.12:
            cols.append("ngay_tra")
        r.shuffle(cols)
        self.cols = cols
        self.names = self.pick_names(cols)
        self.two_row = mode == "intake" and r.random() < 0.35
        if self.two_row:        # the date columns side by side, under "Thời gian"
            dates = [c for c in cols if c in DATE_COLS]
            rest = [c for c in cols if c not in DATE_COLS]
            at = r.randrange(len(rest) + 1)
            self.cols = cols = rest[:at] + dates + rest[at:]
        self.header = (list(cols), dict(self.names))
        # what to run it with
        self.period = r.choice(PERIODS)
        self.group = self.pick_group()
        self.total = r.random() < 0.4
        # the chunks: (bytes, records, kind, header index); headers[] in force
        self.headers = [self.header]
        self.chunks = []
        self.titles = []
        self.footer = []
        n = self.nrows(scale)
        self.build(n)

    # ------------------------------------------------------------ choices

    def nrows(self, scale):
        r = self.rng
        n = r.choices([r.randint(1, 8), r.randint(10, 60), r.randint(60, 250),
                       r.randint(250, 700)], [10, 45, 35, 10])[0]
        return max(1, n * scale)

    def viet(self, s):
        """Vietnamese text, in NFC or NFD (per file, and sometimes per value)."""
        if self.rng.random() < 0.15:
            form = "NFD" if not self.nfd else "NFC"
        else:
            form = "NFD" if self.nfd else "NFC"
        return unicodedata.normalize(form, s)

    def pick_names(self, cols):
        r = self.rng
        names = {}
        for c in cols:
            if c == "ngay_tra":
                names[c] = r.choice(ALIASES["ngay_tra"])
                continue
            if c == "ngay_tra_ket_qua" and "ngay_tra" in cols:
                names[c] = r.choice(END_ONLY)
                continue
            n = r.choice(ALIASES[c])
            k = r.random()
            if k < 0.1:
                n = n.upper()
            elif k < 0.2:
                n = n.replace(" ", "  ").replace("_", " ")
            elif k < 0.25:
                n = " " + n + " "
            names[c] = self.viet(n)
        return names

    def pick_group(self):
        r = self.rng
        have = self.cols
        options = [["co_quan"], ["co_quan"], ["co_quan", "kenh"], ["kenh"]]
        if "linh_vuc" in have:
            options += [["co_quan", "linh_vuc"], ["linh_vuc", "co_quan"]]
        if "cap" in have:
            options += [["cap"], ["cap", "co_quan"]]
        if "trang_thai" in have:
            options.append(["trang_thai"])
        if "muc_do_dvc" in have:
            options.append(["muc_do_dvc", "kenh"])
        for x in ("ghi_chu", "nguoi_nop"):
            if x in have:
                options.append([fold(self.names[x])])
        if r.random() < 0.05:
            return []
        return r.choice(options)

    def eol(self):
        s = self.eol_style
        if s == "mixed":
            s = self.rng.choice(["lf", "crlf", "cr"])
        return {"lf": b"\n", "crlf": b"\r\n", "cr": b"\r"}[s]

    def inner_eol(self):
        """A line end inside a quoted field."""
        return self.rng.choice([b"\n", b"\r\n", b"\r", self.eol()])

    # ------------------------------------------------------------ values

    def date(self, d):
        r = self.rng
        if r.random() < self.odd / 3:
            self.hazards.add("bad date")
            return r.choice(BAD_DATES)
        h, m, s = r.randrange(7, 18), r.randrange(60), r.randrange(60)
        forms = [
            lambda: d.strftime("%d/%m/%Y"),
            lambda: f"{d.day}/{d.month}/{d.year}",
            lambda: d.strftime("%d-%m-%Y"),
            lambda: d.strftime("%d.%m.%Y"),
            lambda: d.strftime("%Y-%m-%d"),
            lambda: d.strftime("%Y%m%d"),
            lambda: d.strftime("%Y%m%d") + f"{h:02d}{m:02d}{s:02d}",
            lambda: d.strftime("%d/%m/%Y") + f" {h:02d}:{m:02d}",
            lambda: f"{h:02d}:{m:02d} " + d.strftime("%d/%m/%Y"),
            lambda: d.strftime("%d/%m/%Y") + f" {h:02d}:{m:02d}:{s:02d}",
            lambda: d.strftime("%Y-%m-%d") + f"T{h:02d}:{m:02d}:{s:02d}",
            lambda: d.strftime("%Y-%m-%d") + f"T{h:02d}:{m:02d}:{s:02d}+07:00",
            lambda: d.strftime("%Y-%m-%d") + f"T{h:02d}:{m:02d}:{s:02d}Z",
            lambda: d.strftime("%d/%m/%Y") + f" {h % 12 or 12}:{m:02d} " + ("SA" if h < 12 else "CH"),
            lambda: d.strftime("%d/%m/%Y") + "\u00a0" + f"{h:02d}:{m:02d}",
            lambda: "%.10f" % ((datetime.date(d.year, d.month, d.day) - datetime.date(1899, 12, 30)).days
                               + (h * 3600 + m * 60 + s) / 86400.0),
        ]
        return r.choice(forms)()

    def pick(self, pool):
        good, odd = pool
        v = self.rng.choice(odd if self.rng.random() < self.odd else good)
        return self.viet(v) if any(ord(ch) > 127 for ch in v) else v

    def dossier(self):
        """canonical column -> value (str, or bytes for a hazard)."""
        r = self.rng
        self.serial += 1
        recv = datetime.date(2023, 9, 1) + datetime.timedelta(days=r.randrange(545))
        v = {}
        v["ma_ho_so"] = f"HS{self.seed:05d}-{self.serial:05d}"
        if r.random() < self.odd / 4:
            v["ma_ho_so"] = ""
            self.hazards.add("no ma_ho_so")
        elif r.random() < self.odd / 4 and self.serial > 1:
            v["ma_ho_so"] = f"HS{self.seed:05d}-{r.randrange(1, self.serial):05d}"
            self.hazards.add("duplicate ma_ho_so")
        v["cap"] = self.pick(CAP)
        v["co_quan"] = self.pick(CO_QUAN)
        v["linh_vuc"] = self.pick(LINH_VUC)
        v["ma_tthc"] = f"1.00{r.randrange(1000, 9999)}"
        v["ten_tthc"] = self.pick(TEN_TTHC)
        v["kenh"] = self.pick(KENH)
        v["muc_do_dvc"] = self.pick(MUC_DO)
        v["trang_thai"] = self.pick(TRANG_THAI)
        v["ngay_tiep_nhan"] = self.date(recv) if r.random() >= self.odd / 4 else ""
        due = recv + datetime.timedelta(days=r.randrange(1, 30))
        v["ngay_hen_tra"] = self.date(due) if r.random() < 0.85 else ""
        if r.random() < 0.6:
            back = 40 if r.random() >= self.odd / 2 else -5
            res = recv + datetime.timedelta(days=r.randrange(min(0, back), max(0, back) + 1))
            v["ngay_tra_ket_qua"] = self.date(res)
            v["ngay_tra"] = self.date(res + datetime.timedelta(days=r.randrange(3)))
        else:
            v["ngay_tra_ket_qua"] = ""
            v["ngay_tra"] = ""
        v["stt"] = str(self.serial)
        v["ghi_chu"] = self.pick(GHI_CHU)
        v["nguoi_nop"] = self.pick(NGUOI_NOP)
        if r.random() < self.odd / 4:
            c = r.choice(self.cols)
            v[c] = self.bad_bytes()
        return v

    def bad_bytes(self):
        r = self.rng
        if r.random() < 0.4:
            self.hazards.add("NUL")
            return r.choice([b"a\x00b", b"\x00", b"truc_tuyen\x00x", b"2024-01-05\x00", b"tong\x00"])
        self.hazards.add("invalid UTF-8")
        return r.choice([b"\xc0\xaf", b"S\xe1 T\xfa ph\xe1p", b"\xff\xfe", b"ng\xe0y",
                         b"\xe1\xba", b"\xed\xa0\x80", b"tong\xa0"])

    # ------------------------------------------------------------ fields

    def b(self, v):
        return v if isinstance(v, bytes) else v.encode("utf-8")

    def needs_quotes(self, bv):
        d = self.delim.encode()
        return (d in bv or b'"' in bv or b"\r" in bv or b"\n" in bv or
                bv[:1] in (b" ", b"\t") or bv[-1:] in (b" ", b"\t"))

    def quote(self, bv):
        return b'"' + bv.replace(b'"', b'""') + b'"'

    def field(self, v):
        """A field written so that it reads back as v."""
        bv = self.b(v)
        # line ends inside a quoted field: any style
        if b"\n" in bv or b"\r" in bv:
            parts = bv.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
            out = parts[0]
            for p in parts[1:]:
                out += self.inner_eol() + p
            bv = out
            self.hazards.add("line end in a quoted field")
        if self.needs_quotes(bv) or self.rng.random() < 0.15:
            if b'"' in bv:
                self.hazards.add('"" in a quoted field')
            if self.delim.encode() in bv:
                self.hazards.add("delimiter in a quoted field")
            return self.quote(bv)
        return bv

    def plain(self, v):
        """A field written with no line end (and, if need be, no quote)."""
        bv = self.b(v).replace(b"\r", b" ").replace(b"\n", b" ")
        d = self.delim.encode()
        return bv.replace(d, b" ").replace(b'"', b"'")

    def row_fields(self, v, hdr):
        return [v.get(c, "") for c in hdr[0]]

    def nonblank(self, fields):
        return any(self.b(f).strip(b" \t") for f in fields)

    def join(self, parts):
        return self.delim.encode().join(parts)

    # ------------------------------------------------------------ chunks

    def add(self, data, records, kind):
        self.chunks.append((data, records, kind, len(self.headers) - 1))

    def sound(self, hdr, v=None):
        v = v or self.dossier()
        fields = self.row_fields(v, hdr)
        if not self.nonblank(fields):
            fields[0] = "x"
        self.add(self.join([self.field(f) for f in fields]) + self.eol(), 1, "row")

    def long_row(self, hdr):
        r = self.rng
        v = self.dossier()
        # a few per file; one past the reader's 256 KiB block at most
        self.nlong += 1
        if self.nlong > 4:
            return self.sound(hdr, v)
        big = not self.big and r.random() < 0.08
        self.big |= big
        size = r.choice([270000, 420000]) if big else r.choice([1500, 4000, 9000, 20000, 40000])
        if r.random() < 0.75:
            lines = []
            while sum(len(x) for x in lines) < size:
                lines.append(self.viet(r.choice(["dòng ", "Đơn, ", 'trích "dẫn" ', "x" * r.randrange(1, 200)])) * r.randrange(1, 6))
            text = "\n".join(lines)
            self.hazards.add("record of many lines")
        else:
            text = "y" * size
            self.hazards.add("record of one long line")
        c = r.choice([c for c in hdr[0] if c not in DATE_COLS and c != "kenh"] or hdr[0])
        v[c] = text
        fields = self.row_fields(v, hdr)
        self.add(self.join([self.field(f) for f in fields]) + self.eol(), 1, "long")

    def error_row(self, hdr, kind):
        """A syntax error in field k: the fields before it as usual, the rest
        of the line without line ends."""
        r = self.rng
        v = self.dossier()
        fields = self.row_fields(v, hdr)
        k = r.randrange(len(fields))
        before = [self.field(f) for f in fields[:k]]
        after = [self.plain(f) for f in fields[k + 1:]]
        if kind == "stray":
            self.hazards.add("quote inside an unquoted field")
            bad = self.plain(fields[k]) or b"x"
            at = r.randrange(1, len(bad) + 1)
            bad = bad[:at] + r.choice([b'"', b'""', b'"x"']) + bad[at:]
            if bad[:1] in (b" ", b"\t", b'"'):
                bad = b"z" + bad
        else:
            self.hazards.add("text after a closing quote")
            inner = self.b(fields[k])
            if r.random() < 0.3:
                inner += self.inner_eol() + b"suite"     # a quoted line end before the error
            bad = self.quote(inner) + r.choice([b"x", b"abc", b"\xc3\xa1", b'q"', b"1"])
        self.add(self.join(before + [bad] + after) + self.eol(), 1, "error")

    def ragged(self, hdr):
        r = self.rng
        fields = self.row_fields(self.dossier(), hdr)
        self.hazards.add("ragged row")
        if r.random() < 0.5 and len(fields) > 1:
            fields = fields[:r.randrange(1, len(fields))]
        else:
            fields = fields + [r.choice(["", "thừa", "a,b", "x"]) for _ in range(r.randrange(1, 4))]
        if not self.nonblank(fields):
            fields[0] = "HS-ragged"
        self.add(self.join([self.field(f) for f in fields]) + self.eol(), 1, "ragged")

    def blank(self, hdr):
        r = self.rng
        d = self.delim.encode()
        n = len(hdr[0])
        k = r.randrange(6)
        if k == 0:
            data = b""
            self.hazards.add("blank line")
        elif k == 1:
            data = b"   " if self.delim != "\t" else b" "
            self.hazards.add("line of spaces")
        elif k == 2:
            data = d * (n - 1)
            self.hazards.add("all-empty row")
        elif k == 3:
            data = d * r.randrange(1, n + 3)
            self.hazards.add("all-empty row")
        elif k == 4:
            data = d.join([b" "] * n) if self.delim != "\t" else d * n
            self.hazards.add("all-empty row")
        else:
            data = d.join([b'""'] * r.randrange(1, n + 1))
            self.hazards.add("all-empty row")
        self.add(data + self.eol(), 0, "blank")

    def unclosed_mid(self, hdr):
        """An opening quote the export forgot to close: it swallows the next
        lines (written without quotes) up to the quote of a later line."""
        r = self.rng
        self.hazards.add("quote never closed, mid-file")
        fields = self.row_fields(self.dossier(), hdr)
        k = r.randrange(len(fields))
        head = [self.field(f) for f in fields[:k]]
        opened = b'"' + self.plain(fields[k])
        lines = []
        for _ in range(r.randrange(0, 12)):
            lines.append(self.join([self.plain(f) for f in self.row_fields(self.dossier(), hdr)]))
        data = self.join(head + [opened])
        for ln in lines:
            data += self.eol() + ln
        closing = [self.plain(f) for f in self.row_fields(self.dossier(), hdr)]
        j = r.randrange(len(closing))
        tail = r.choice([b'"x', b'"', b'"' + self.delim.encode()])
        closing[j] = closing[j] + tail
        data += self.eol() + self.join(closing) + self.eol()
        self.add(data, 1, "unclosed")

    def unclosed_end(self, hdr, eol_at_end):
        r = self.rng
        self.hazards.add("quote never closed, at the end")
        fields = self.row_fields(self.dossier(), hdr)
        k = r.randrange(len(fields))
        data = self.join([self.field(f) for f in fields[:k]] + [b'"' + self.plain(fields[k])])
        for _ in range(r.randrange(0, 6)):
            data += self.eol() + self.join([self.plain(f) for f in self.row_fields(self.dossier(), hdr)])
        if eol_at_end:
            data += self.eol()
        self.add(data, 1, "unclosed-end")

    def header_line(self, hdr):
        cols, names = hdr
        out = []
        for c in cols:
            bv = self.b(names[c])
            out.append(self.quote(bv) if self.needs_quotes(bv) or self.rng.random() < 0.1 else bv)
        return self.join(out) + self.eol()

    def two_row_header(self, hdr):
        cols, names = hdr
        top, low = [], []
        first = True
        for c in cols:
            if c in DATE_COLS:
                top.append(self.viet("Thời gian") if first else "")
                low.append(names[c])
                first = False
            else:
                top.append(names[c])
                low.append("")
        enc = lambda xs: self.join([self.field(x) for x in xs]) + self.eol()
        return enc(top) + enc(low)

    def mid_header(self):
        """The header again, columns in another order (or the same), maybe
        other aliases: the rows after it follow it."""
        r = self.rng
        cols = list(self.header[0])
        if r.random() < 0.8:
            while True:
                r.shuffle(cols)
                if cols != self.header[0] or len(cols) < 2:
                    break
        names = dict(self.header[1])
        if r.random() < 0.3:
            names = {**names, **{c: n for c, n in self.pick_names(cols).items()
                                 if c in ("ma_ho_so", "kenh", "ngay_tiep_nhan")
                                 and "ngay_tra" not in cols}}
        hdr = (cols, names)
        self.hazards.add("header repeated mid-file")
        self.headers.append(hdr)
        self.add(self.header_line(hdr), 0, "header")

    # ------------------------------------------------------------ the file

    def build(self, n):
        r = self.rng
        intake = self.mode == "intake"
        if intake and r.random() < 0.7:
            for _ in range(r.randrange(1, 5)):
                t = self.viet(r.choice(TITLES))
                k = r.random()
                if k < 0.4:
                    line = self.join([self.field(t)] + [b""] * (len(self.cols) - 1))
                elif k < 0.5:
                    line = b""
                else:
                    line = self.field(t)
                self.titles.append(line + self.eol())
            self.hazards.add("title lines")
        mids = r.choice([0, 0, 1, 1, 2]) if intake else 0
        mid_at = sorted(r.randrange(n) for _ in range(mids))
        h = self.hazard
        for i in range(n):
            while mid_at and mid_at[0] == i:
                mid_at.pop(0)
                self.mid_header()
            hdr = self.headers[-1]
            x = r.random()
            if x >= h:
                self.sound(hdr)
                continue
            kind = r.choices(["stray", "after", "unclosed", "blank", "ragged", "long", "bad", "special"],
                             [14, 12, 4, 14, 12, 8, 14, 22])[0]
            if kind in ("stray", "after"):
                self.error_row(hdr, kind)
            elif kind == "unclosed":
                self.unclosed_mid(hdr)
            elif kind == "blank":
                self.blank(hdr)
            elif kind == "ragged":
                self.ragged(hdr)
            elif kind == "long":
                self.long_row(hdr)
            elif kind == "bad":
                v = self.dossier()
                v[r.choice(hdr[0])] = self.bad_bytes()
                self.sound(hdr, v)
            else:
                v = self.dossier()
                c = r.choice([c for c in hdr[0] if c not in DATE_COLS])
                v[c] = r.choice(['a,b;c', 'x""y', '"', "\r\n", "l1\nl2\r\nl3\rl4", '","', " pad "])
                self.sound(hdr, v)
        footer = intake and r.random() < 0.5
        if footer:
            # the last dossier is a sound one, with a received date
            hdr = self.headers[-1]
            v = self.dossier()
            v["ngay_tiep_nhan"] = "2024-06-01"
            self.sound(hdr, v)
            for _ in range(r.randrange(1, 6)):
                if r.random() < 0.2:
                    self.footer.append((self.eol(), 0))
                    continue
                f = [self.viet(x) for x in r.choice(FOOTERS)]
                if r.random() < 0.5:
                    f = f + [""] * max(0, len(self.headers[-1][0]) - len(f))
                self.footer.append((self.join([self.field(x) for x in f]) + self.eol(), 1))
            self.hazards.add("footer lines")
        elif r.random() < 0.12:
            self.unclosed_end(self.headers[-1], r.random() < 0.5)
        elif r.random() < 0.15 and self.chunks and self.chunks[-1][1]:
            data, recs, kind, hi = self.chunks[-1]
            self.chunks[-1] = (data.rstrip(b"\r\n"), recs, kind, hi)
            self.hazards.add("no line end at the end")

    # ------------------------------------------------------------ output

    def preamble(self, hi):
        """BOM, title lines and header in force at header index hi."""
        out = b"\xef\xbb\xbf" if self.bom else b""
        out += b"".join(self.titles)
        return out + (self._two if hi == 0 and self.two_row else self._hdr_cache[hi])

    def freeze(self):
        """Fix the bytes of every header line once (they have random parts)."""
        if hasattr(self, "_hdr_cache"):
            return
        self._hdr_cache = {}
        if self.two_row:
            self._two = self.two_row_header(self.headers[0])
        self._hdr_cache[0] = self.header_line(self.headers[0])
        for data, recs, kind, hi in self.chunks:
            if kind == "header":
                self._hdr_cache[hi] = data

    def whole(self):
        self.freeze()
        return self.preamble(0) + b"".join(c[0] for c in self.chunks) + b"".join(f[0] for f in self.footer)

    def split(self, k, rng=None):
        """k parts at record boundaries (chunk boundaries), each with the
        preamble and the header in force where it starts; the footer goes
        with the last. Parts may be empty (a header alone)."""
        self.freeze()
        rng = rng or random.Random(f"cchc-split/{self.mode}/{self.seed}/{k}")
        n = len(self.chunks)
        cuts = sorted(rng.randrange(n + 1) for _ in range(k - 1))
        bounds = [0] + cuts + [n]
        recs = [0]
        for c in self.chunks:
            recs.append(recs[-1] + c[1])
        self.cut_text = ", ".join(f"{recs[bounds[i]] + 1}-{recs[bounds[i + 1]]}" for i in range(k))
        parts = []
        for i in range(k):
            a, z = bounds[i], bounds[i + 1]
            hi = self.chunks[a][3] if a < n else (self.chunks[-1][3] if n else 0)
            body = self.chunks[a:z]
            # a part that starts on a repeated header has it as its own header
            if body and body[0][2] == "header":
                hi = body[0][3]
                body = body[1:]
            data = self.preamble(hi) + b"".join(c[0] for c in body)
            if i == k - 1:
                data += b"".join(f[0] for f in self.footer)
            # a part may not end without a line end, unless it is the last
            if i < k - 1 and data and data[-1:] not in (b"\n", b"\r"):
                data += b"\n"
            parts.append(data)
        return parts

    def meta(self):
        return {
            "seed": self.seed, "mode": self.mode,
            "records": sum(c[1] for c in self.chunks) + sum(f[1] for f in self.footer),
            "footer_records": sum(f[1] for f in self.footer),
            "footer_lines": len(self.footer),
            "delimiter": self.delim, "line_ends": self.eol_style, "bom": self.bom,
            "period": self.period, "group": self.group, "total": self.total,
            "columns": self.cols, "two_row_header": self.two_row,
            "title_lines": len(self.titles),
            "headers_mid_file": len(self.headers) - 1,
            "hazards": sorted(self.hazards),
        }

    def sum_args(self):
        """cchc-sum's arguments for this export (without FILE or -j)."""
        a = ["--period", self.period]
        if self.group:
            a += ["-g", ",".join(self.group)]
        return a + self.delim_args()

    def delim_args(self):
        return [] if self.delim == "," else ["-d", "\\t" if self.delim == "\t" else self.delim]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--mode", choices=["core", "intake"], default="core")
    ap.add_argument("--scale", type=int, default=1, help="rows times N")
    ap.add_argument("--meta", action="store_true", help="print what was written, as JSON")
    ap.add_argument("--parts", type=int, default=0, help="write K parts PREFIX1.csv... instead")
    ap.add_argument("--prefix", default="part")
    a = ap.parse_args()
    g = Gen(a.seed, a.mode, a.scale)
    if a.meta:
        print(json.dumps(g.meta(), ensure_ascii=False, indent=1))
    elif a.parts:
        for i, p in enumerate(g.split(a.parts), 1):
            with open(f"{a.prefix}{i}.csv", "wb") as f:
                f.write(p)
    else:
        sys.stdout.buffer.write(g.whole())


if __name__ == "__main__":
    main()
