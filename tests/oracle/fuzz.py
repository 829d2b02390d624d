#!/usr/bin/env python3
"""Random dossier sets, counted by cchc-sum and by the oracle (sum_oracle.py):
stdout byte for byte, the exit status, and the numbers of the last line of
standard error, with -j 1 and with the default -j (CCHC_MIN_PART_SIZE=1, so
that the threads really get parts).

    fuzz.py --bin DIR (--seeds A-B | --first S (--count N | --seconds T))
            [--tmp DIR] [--show N] [--shrink] [--max-failures N] [--coverage]
            [--tolerate NAME]...
    fuzz.py --case S [--tmp DIR]     write seed S's files, print its command
    fuzz.py --bin DIR --dir D -- ARGS... FILE...
                                     compare on files of one's own, in D

--coverage counts the rules and edges the cases reached; --tolerate NAME
(triage only) follows cchc-sum where it is known to disagree with the manual
(sum_oracle.KNOWN), so that other disagreements show; after a run that
failed, the failing seeds are tried again so, and the ones the known
disagreements do not explain are named.

A failure prints the seed, the command (run in the kept folder, with bin/ on
PATH), the inputs, a diff; the folder is kept (tmp/seed-S). --shrink first
removes rows while the disagreement stays, to show the smallest input.

What the generator writes: inputs clean in form (one header line of canonical
names in a random order, commas, dates yyyy-mm-dd or yyyy-mm-ddTHH:MM:SS,
codes by name or a few exact words), and every rule's edge in content:
  - statuses 1 to 10, empty, unknown ones (11, 0, "Chờ phê duyệt"), as codes
    or labels ("Đã trả kết quả", "Hồ sơ đang xử lý"); a trang_thai column
    missing;
  - received days before from (far, the day before), on from, inside, on end,
    the day after end, between --as-of and to, on to, after to; end dates the
    same around from and end, or none; due days before, on and after the end
    date and the end (--as-of or to), or none, or the column missing;
  - times on any date, and on the due day of a dossier resolved that day
    before, at and after the due time, on one or both of the two;
  - a result or due date on the received day at an earlier time (compared by
    the day: sound), and a small share of dossiers whose result or due day is
    before the received day (unclassifiable);
  - status 1 and 3 with no dates at all or dates in any order; such rows at a
    file's end make a footer (cchc(7)), and more than 30 of them do not;
  - channels as codes or words (1, 2, 3, "Trực tuyến"), empty, or the kenh
    column missing, for new and for carried-over dossiers;
  - periods of every kind (year, H1, H2, 9M, Q1-Q4, months; reporting and
    calendar bounds, leap years), --from/--to (one day, up to 366, in two
    forms, a time given), --as-of on from, on to, inside;
  - groups by cap, co_quan, kenh, trang_thai and two columns, values tong,
    tong', Tổng, tong!, with commas, quotes, a leading =, Vietnamese text in
    NFC and NFD, padded with spaces, empty, names whose Vietnamese order is
    not their byte order (Đ, Ă, tones, case, numbers); --total;
    --withdrawn-on-time;
  - two or three FILEs with overlapping dossiers (other statuses, dates),
    their columns in other orders, without --keep, --keep first, --keep last.

Ambiguities of the manuals the generator keeps out of its inputs (the oracle
could only guess): an empty or unknown cap, an unknown kenh; grouping by a
status no table knows; --total without -g; a repeat (no --keep) whose copies
are of status 1 or 3; a bad-order row that another rule could also place
(outside the period, 7 to 10 without an end date); times without seconds.
"""
import argparse
import datetime as dt
import difflib
import io
import os
import random
import re
import shutil
import subprocess
import sys
import time
import unicodedata

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sum_oracle  # noqa: E402

D = dt.timedelta
TIMES = ["00:00:00", "07:30:00", "08:00:00", "08:00:01", "11:59:59",
         "12:00:00", "16:59:59", "17:00:00", "23:59:59"]
AGENCIES = ["Sở Tư pháp", "Sở Kế hoạch, Đầu tư", "UBND xã Tịnh Khê",
            "Văn phòng Đăng ký đất đai", "tong", "tong'", "Tổng", "tong!",
            "tong-a", 'Trung tâm "Một cửa"', "", "A", "A B", "A, B",
            "=SUM(A1)", "Ban Quản lý KKT Dung Quất", "Phường Nghĩa Lộ",
            # the Vietnamese order's hazards (cchc-sum(1), OUTPUT)
            "Phường 2", "Phường 10", "Đà Nẵng", "ĐÀ NẴNG", "Điện Bàn", "Zzz",
            "An Phú", "an phú", "Ân Phú", "Ăn", "Hòa Bình", "Hoà Bình", "Bỉnh"]
STATUS_WORDS = {"1": ["Mới đăng ký"], "2": ["Đã tiếp nhận"],
                "3": ["Từ chối tiếp nhận"], "4": ["Đang xử lý", "Hồ sơ đang xử lý"],
                "5": ["Chờ bổ sung"], "6": ["Chờ thanh toán phí"],
                "7": ["Đã rút hồ sơ"], "8": ["Tạm dừng"], "9": ["Hoàn thành"],
                "10": ["Đã trả kết quả"]}
KENH_WORDS = {"truc_tiep": ["1"], "truc_tuyen": ["2"], "buu_chinh": ["3"]}
CAP_WORDS = {"tinh": ["Cấp tỉnh", "Tỉnh"], "huyen": ["Huyện", "Cấp huyện"],
             "xa": ["Xã", "Cấp xã"]}
UNKNOWN = ["11", "0", "Chờ phê duyệt"]
FOOTER = ["Tổng cộng", "NGƯỜI LẬP BIỂU", "Quảng Ngãi, ngày 12 tháng 12 năm 2024",
          "(Ký, ghi rõ họ tên)", "Tổng số hồ sơ: 1.234"]


def rand_period(R):
    """The period's options, and its bounds as the oracle reads them."""
    if R.random() < 0.72:
        y = R.choice([2020, 2023, 2024, 2025, 2026])
        k = R.choice(["", "", "-H1", "-H2", "-9M", "-Q1", "-Q2", "-Q3", "-Q4"] +
                     ["-%02d" % m for m in R.sample(range(1, 13), 4)] + ["-01", "-02", "-12"])
        args = ["--period", "%d%s" % (y, k)]
        if R.random() < 0.3:
            args.append("--calendar")
        frm, to = sum_oracle.period_bounds(args[1], "--calendar" in args)
    else:
        frm = dt.date(2024, 1, 1) + D(R.randrange(-500, 700))
        to = frm + D(R.choice([0, 1, 30, R.randrange(0, 367), 365]))
        def form(d):
            s = R.choice([d.isoformat(), d.strftime("%d/%m/%Y")])
            return s + R.choice(["", "", "", "T08:15", "T23:59:59"]) if "-" in s else s
        args = ["--from", form(frm), "--to", form(to)]
    end = to
    if R.random() < 0.3:
        end = R.choice([frm, to, max(frm, to - D(1)), max(frm, to - D(2)),
                        frm + D(R.randrange(0, (to - frm).days + 1))])
        args += ["--as-of", R.choice([end.isoformat(), end.strftime("%d/%m/%Y")])]
    return args, frm, end, to


def when(day, R, p=0.3, t=None):
    if day is None:
        return ""
    if t is None and R.random() < p:
        t = R.choice(TIMES)
    return day.isoformat() + ("T" + t if t else "")


def rand_row(R, n, frm, end, to, c, rec=None):
    """One dossier, as a dict of canonical column -> value (received on rec
    when given: another export's copy of a dossier)."""
    fixed, fixed_text = rec if rec else (None, None)
    anchors = [frm - D(40), frm - D(2), frm - D(1), frm, frm + D(1),
               frm + (end - frm) // 2, end - D(1), end, end + D(1), to, to + D(1),
               end + D(40)]
    anyday = lambda: R.choice(anchors) if R.random() < 0.75 else \
        frm + D(R.randrange(-90, (to - frm).days + 60))
    st = ""
    if c["trang_thai"]:
        st = R.choice([str(i) for i in range(1, 11)] * 2 + ["", ""] +
                      ([] if c["no_unknown"] else ["?"]))
    r = {"ma_ho_so": "HS%05d" % n}
    rec = fixed or anyday()
    fin = due = None
    tr = tf = td = None
    bad = False
    if st in ("1", "3") and not fixed and R.random() < 0.5:
        # whatever its dates, it may have none
        rec = None if R.random() < 0.6 else rec
        fin = R.choice([None, anyday()])
        due = R.choice([None, anyday()])
    elif R.random() < 0.04 and not fixed and st not in ("1", "3") and (c["ngay_tra_ket_qua"] or c["ngay_hen_tra"]):
        # a result or due day before the received day: unclassifiable, in a
        # row that no other rule places first (received from..end, no end
        # date before from, none missing for 7 to 10)
        bad = True
        rec = frm + D(R.randrange(0, (end - frm).days + 1))
        if c["ngay_tra_ket_qua"] and rec > frm and (R.random() < 0.5 or not c["ngay_hen_tra"]):
            fin = rec - D(R.randrange(1, (rec - frm).days + 1))
            due = R.choice([None, rec + D(3)])
        elif c["ngay_hen_tra"]:
            due = rec - D(R.randrange(1, 9))
            fin = rec + D(R.randrange(0, 5)) if c["ngay_tra_ket_qua"] else None
        else:
            bad = False  # no way to make one here: a plain dossier
            fin = rec
    else:
        if R.random() > 0.35:
            later = [a for a in anchors if a >= rec] + [rec, rec, rec + D(R.randrange(0, 20))]
            fin = R.choice(later)
        if R.random() > 0.15:
            opts = [a for a in anchors if a >= rec] + [rec + D(R.randrange(0, 30))]
            if fin:
                opts += [fin, fin, fin, fin - D(1), fin + D(1)]
            due = max(rec, R.choice(opts))
        if fin and due and fin == due and R.random() < 0.8:
            # the due day: both times, one, or none
            tf = R.choice(TIMES) if R.random() < 0.75 else ""
            td = R.choice(TIMES) if R.random() < 0.75 else ""
    if not c["ngay_tra_ket_qua"]:
        fin = None
    if not c["ngay_hen_tra"]:
        due = None
    if bad and st in ("7", "8", "9", "10") and fin is None:
        st = "4"
    if rec is None and st not in ("1", "3"):
        rec = anyday()
    r["ngay_tiep_nhan"] = fixed_text if fixed else when(rec, R, t=tr)
    r["ngay_hen_tra"] = when(due, R, t=td)
    r["ngay_tra_ket_qua"] = when(fin, R, t=tf)
    if st == "?":
        st = R.choice(UNKNOWN)
    elif st and c["words"] and R.random() < 0.5:
        st = R.choice(STATUS_WORDS[st])
    r["trang_thai"] = st
    k = R.choice(["truc_tuyen", "truc_tiep", "buu_chinh"])
    r["kenh"] = "" if R.random() < 0.12 else (
        R.choice(KENH_WORDS[k] + ["Trực tuyến" if k == "truc_tuyen" else k])
        if c["words"] and R.random() < 0.5 else k)
    cap = R.choice(["tinh", "huyen", "xa"])
    r["cap"] = R.choice(CAP_WORDS[cap]) if c["words"] and R.random() < 0.5 else cap
    a = R.choice(c["agencies"])
    if R.random() < 0.2:
        a = unicodedata.normalize("NFD", a)
    if R.random() < 0.15:
        a = R.choice([" ", "  "]) + a + R.choice(["", " "])
    r["co_quan"] = a
    r["linh_vuc"] = R.choice(["Đất đai", "Hộ tịch", "Tư pháp, chứng thực", ""])
    r["ghi_chu"] = R.choice(["", "ghi chú", "x"])
    return r


def write_csv(cols, rows, crlf):
    out = io.StringIO()
    import csv
    w = csv.writer(out, lineterminator="\r\n" if crlf else "\n")
    w.writerow(cols)
    for r in rows:
        w.writerow([r.get(k, "") for k in cols])
    return out.getvalue()


def make_case(seed):
    """Seed -> (cchc-sum's arguments, {file name: rows}, {file name: columns},
    crlf)."""
    R = random.Random(seed)
    args, frm, end, to = rand_period(R)
    c = {k: R.random() < p for k, p in
         (("cap", 0.9), ("co_quan", 0.65), ("kenh", 0.9), ("trang_thai", 0.93),
          ("ngay_hen_tra", 0.92), ("ngay_tra_ket_qua", 0.92), ("linh_vuc", 0.3),
          ("ghi_chu", 0.2), ("words", 0.2))}
    c["agencies"] = R.sample(AGENCIES, R.randrange(1, 8))
    can = [k for k in ("cap", "co_quan", "kenh", "trang_thai") if c[k]]
    g = []
    if can and R.random() < 0.68:
        g = R.sample(can, 1 if R.random() < 0.7 or len(can) < 2 else 2)
        if R.random() < 0.4 and "co_quan" in can and "co_quan" not in g:
            g = ["co_quan"] + g[:1]
    c["no_unknown"] = "trang_thai" in g
    if g:
        args += ["-g", ",".join(g)]
        if R.random() < 0.4:
            args.append("--total")
    if R.random() < 0.3:
        args.append("--withdrawn-on-time")
    cols = ["ma_ho_so", "ngay_tiep_nhan"] + [k for k in (
        "cap", "co_quan", "kenh", "trang_thai", "ngay_hen_tra", "ngay_tra_ket_qua",
        "linh_vuc", "ghi_chu") if c[k]]
    n = R.choice([0, 1, 2, 3] + [R.randrange(4, 12)] * 4 + [R.randrange(12, 45)] * 12)
    rows = [rand_row(R, i + 1, frm, end, to, c) for i in range(n)]
    if R.random() < 0.1 and c["trang_thai"]:
        # not-received rows without dates at the end: dossiers, not a footer
        for i in range(R.randrange(1, 4)):
            rows.append({"ma_ho_so": "HS8%04d" % i, "trang_thai": R.choice(["1", "3"]),
                         "kenh": "", "cap": "xa", "co_quan": "", "ngay_tiep_nhan": ""})
    single = R.random() < 0.8
    if R.random() < 0.06 and single and rows:
        # a footer line in the middle of the data: rejected
        rows.insert(R.randrange(len(rows)), {"ma_ho_so": R.choice(FOOTER)})
    if R.random() < 0.18:
        # a footer of 1 to 4 lines; rarely a run too long for one (31 lines)
        k = 31 if R.random() < 0.08 and single else R.randrange(1, 5)
        tail = [{"ma_ho_so": R.choice(FOOTER), "co_quan": R.choice(["", "", "Tổng"])}
                for i in range(k)]
    else:
        tail = []
    files = {"in.csv": rows + tail}
    if not single and len(rows) > 3:
        nf = R.choice([2, 2, 3])
        keep = R.choice([None, "first", "last"])
        parts = [[] for _ in range(nf)]
        for r in rows:
            parts[R.randrange(nf)].append(r)
        nid = len(rows) + 1
        for r in rows:
            if R.random() < 0.3 and r.get("ngay_tiep_nhan"):
                if keep is None and (r["trang_thai"] in ("1", "3") or
                                     sum_oracle.fold(r["trang_thai"]) in
                                     ("moi_dang_ky", "tu_choi_tiep_nhan")):
                    continue
                # another export's copy of the dossier: a newer status
                rec = sum_oracle.parse_when(r["ngay_tiep_nhan"])
                cp = rand_row(R, nid, frm, end, to, c, (rec.day, r["ngay_tiep_nhan"])
                              if R.random() < 0.7 else None)
                nid += 1
                cp["ma_ho_so"] = r["ma_ho_so"]
                if not cp["ngay_tiep_nhan"] or (keep is None and (
                        cp["trang_thai"] in ("1", "3") or sum_oracle.fold(cp["trang_thai"])
                        in ("moi_dang_ky", "tu_choi_tiep_nhan"))):
                    continue
                for fi in range(nf):
                    if r not in parts[fi] and all(x["ma_ho_so"] != r["ma_ho_so"] for x in parts[fi]):
                        parts[fi].insert(R.randrange(len(parts[fi]) + 1), cp)
                        break
        parts[R.randrange(nf)] += tail
        files = {"part%d.csv" % (i + 1): p for i, p in enumerate(parts)}
        if keep:
            args += ["--keep", keep]
    colsets = {}
    for name in files:
        cc = cols[:]
        R.shuffle(cc)
        colsets[name] = cc
    return args, files, colsets, R.random() < 0.1


def tally(case):
    """The case's own edges, beside what the oracle's rules reached."""
    args, files, colsets, crlf = case
    h = sum_oracle.hit
    if "--period" in args:
        p = args[args.index("--period") + 1]
        k = p[5:] or "year"
        h("period %s%s" % ("month" if k.isdigit() else k, " calendar" if "--calendar" in args else ""))
        if k in ("02", "year", "Q1", "H1", "9M") and int(p[:4]) % 4 == 0 and "--calendar" in args:
            h("period over a 29 February")
    else:
        h("--from/--to" + (" one day" if args[args.index("--from") + 1][:10].replace("/", "-")
                           == args[args.index("--to") + 1][:10].replace("/", "-") else ""))
    if "--as-of" in args:
        h("--as-of")
    for o in ("--total", "--withdrawn-on-time"):
        if o in args:
            h(o)
    h("-g " + (args[args.index("-g") + 1] if "-g" in args else "none"))
    h("%d FILEs" % len(files) + ("" if len(files) == 1 else ", --keep " + args[args.index("--keep") + 1]
                                 if "--keep" in args else ", no --keep"))
    if crlf:
        h("CR LF")
    cols = next(iter(colsets.values()))
    for c in ("kenh", "trang_thai", "ngay_hen_tra", "ngay_tra_ket_qua", "cap", "co_quan"):
        if c not in cols:
            h("no %s column" % c)
    vals = [r.get("co_quan", "") for rows in files.values() for r in rows] if "co_quan" in cols else []
    for name, t in (("co_quan NFD", any(unicodedata.is_normalized("NFC", v) is False for v in vals)),
                    ("co_quan padded", any(v != v.strip() for v in vals)),
                    ("tong and tong! in one case", {"tong", "tong!"} <= {v.strip() for v in vals})):
        if t:
            h(name)
    words = [r.get(c, "") for rows in files.values() for r in rows for c in ("cap", "kenh", "trang_thai")
             if c in cols]
    if any(w and not re.fullmatch(r"tinh|huyen|xa|truc_tuyen|truc_tiep|buu_chinh|\d+", w) for w in words):
        h("codes as words")
    if any(sum_oracle.fold(w) in sum_oracle.UNKNOWN_STATUS for w in words):
        h("a status no table knows")
    if any(re.search(r"T\d", r.get("ngay_tiep_nhan", "")) for rows in files.values() for r in rows):
        h("a received time")


def write_case(d, case):
    args, files, colsets, crlf = case
    os.makedirs(d, exist_ok=True)
    for name, rows in files.items():
        with open(os.path.join(d, name), "w", encoding="utf-8", newline="") as f:
            f.write(write_csv(colsets[name], rows, crlf))
    return args + list(files)


SUM = re.compile(
    r"cchc-sum: period (\d\d/\d\d/\d{4})-(\d\d/\d\d/\d{4})(?: as of (\d\d/\d\d/\d{4}))?: "
    r"(\d+) rows: (\d+) counted, (\d+) outside the period, (\d+) not received "
    r"\(status 1 or 3\), (\d+) unclassifiable(?: \(((?:[^()]|\([^()]*\))*)\))?(.*)$")


def parse_summary(line):
    """The numbers of cchc-sum's last line, as the oracle's summary dict, or
    a string saying what does not parse."""
    m = SUM.fullmatch(line)
    if not m:
        return "no summary line: %r" % line
    d = lambda s: dt.datetime.strptime(s, "%d/%m/%Y").date()
    s = {"from": d(m[1]), "to": d(m[2]), "as_of": d(m[3]) if m[3] else None}
    for k, v in zip("NCOSU", m.group(4, 5, 6, 7, 8)):
        s[k] = int(v)
    s["R78"] = s["R910"] = 0
    if m[9] is not None:
        text = m[9].replace(sum_oracle.R78, "R78").replace(sum_oracle.R910, "R910")
        total = 0
        for item in re.split(r", (?=\d)", text):
            mm = re.fullmatch(r"(\d+) (.*)", item)
            if not mm:
                return "reasons that do not parse: %r" % m[9]
            total += int(mm[1])
            if mm[2] in ("R78", "R910"):
                s[mm[2]] = int(mm[1])
        if total != s["U"]:
            return "reasons add up to %d, not %d: %r" % (total, s["U"], line)
    elif s["U"]:
        return "no reasons for %d unclassifiable: %r" % (s["U"], line)
    s["D"] = s["F"] = 0
    rest = m[10]
    for item in re.findall(r", ([^,]*)", rest):
        mm = re.fullmatch(r"(\d+) (.*)", item)
        if mm and "dropped" in mm[2]:
            s["D"] = int(mm[1])
        elif mm and "footer" in mm[2]:
            s["F"] = int(mm[1])
        else:
            return "an unknown part %r in %r" % (item, line)
    if s["N"] != sum(s[k] for k in "COSUDF"):
        return "N is not C + O + S + U + D + F: %r" % line
    return s


def run_tool(bindir, d, cmd, jobs):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    if jobs == "1":
        argv = ["-j", "1"] + cmd
    else:
        argv = cmd
        env["CCHC_MIN_PART_SIZE"] = "1"
    p = subprocess.run([os.path.join(bindir, "cchc-sum")] + argv, cwd=d, env=env,
                       capture_output=True, timeout=30)
    return p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), p.returncode


def check(bindir, d, case):
    """'' when cchc-sum agrees with the oracle on the case, or what differs."""
    return compare(bindir, d, write_case(d, case))


def compare(bindir, d, argv):
    """'' when cchc-sum agrees with the oracle run in d with argv."""
    cwd = os.getcwd()
    os.chdir(d)
    try:
        want_out, want_sum, want_rc = sum_oracle.run(argv)
    finally:
        os.chdir(cwd)
    problems = []
    for jobs in ("1", "default"):
        out, err, rc = run_tool(bindir, d, argv, jobs)
        what = "-j 1" if jobs == "1" else "default -j (CCHC_MIN_PART_SIZE=1)"
        if rc != want_rc:
            problems.append("%s: exit %d, the oracle says %d" % (what, rc, want_rc))
        want = want_out
        if "keep-last-header" in sum_oracle.TOLERATE and "last" in argv:
            # the header's group names aside (they may hold any bytes)
            counts = ",".join(sum_oracle.COUNTS) + "\n"
            cut = lambda t: t[t.find(counts) + len(counts):] if counts in t else t
            out, want = cut(out), cut(want_out)
        if out != want:
            diff = difflib.unified_diff(want.splitlines(), out.splitlines(),
                                        "oracle", "cchc-sum " + what, lineterm="", n=1)
            problems.append("%s: stdout differs:\n%s" % (what, "\n".join(diff)))
        if want_sum is not None:
            lines = err.rstrip("\n").split("\n")
            got = parse_summary(lines[-1] if lines else "")
            if isinstance(got, str):
                problems.append("%s: %s" % (what, got))
            else:
                diffs = ["%s %s (oracle %s)" % (k, got[k], want_sum[k])
                         for k in want_sum if got.get(k) != want_sum[k]]
                if diffs:
                    problems.append("%s: summary: %s\n  got:  %s\n  want: %s" % (
                        what, ", ".join(diffs), lines[-1], sum_oracle.summary_line(want_sum)))
        if problems and jobs == "1":
            # the default -j must give -j 1's bytes anyway: say the first only
            break
    return "\n".join(problems)


def shrink(bindir, d, case):
    """Remove rows (and then columns of no use) while the case still fails."""
    args, files, colsets, crlf = case
    files = {k: list(v) for k, v in files.items()}
    changed = True
    while changed:
        changed = False
        for name in files:
            i = 0
            while i < len(files[name]):
                trial = {k: (v[:i] + v[i + 1:] if k == name else v) for k, v in files.items()}
                if check(bindir, d, (args, trial, colsets, crlf)):
                    files = trial
                    changed = True
                else:
                    i += 1
    for col in ("linh_vuc", "ghi_chu", "cap", "co_quan", "kenh", "ngay_hen_tra",
                "ngay_tra_ket_qua", "trang_thai"):
        if col in args[-1:] or any(col in a.split(",") for a in args):
            continue
        trial = {k: [c for c in v if c != col] for k, v in colsets.items()}
        if all(col in v for v in colsets.values()) and check(bindir, d, (args, files, trial, crlf)):
            colsets = trial
    case = (args, files, colsets, crlf)
    check(bindir, d, case)  # leave the shrunk files in d
    return case


def show(seed, d, case, why):
    args, files, colsets, crlf = case
    print("FAIL seed %d: %s" % (seed, why.replace("\n", "\n  ")))
    print("  cd %s && cchc-sum %s %s" % (d, " ".join(shq(a) for a in args), " ".join(files)))
    for name in files:
        with open(os.path.join(d, name), encoding="utf-8") as f:
            text = f.read().splitlines()
        print("  --- %s (%d lines)" % (name, len(text)))
        for line in text[:60]:
            print("  | " + line)
        if len(text) > 60:
            print("  | ...")


def shq(a):
    return a if re.fullmatch(r"[-\w.,/:=+]+", a) else "'" + a.replace("'", "'\\''") + "'"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="bin")
    ap.add_argument("--tmp", default="tests/fuzz/work/oracle")
    ap.add_argument("--seeds")
    ap.add_argument("--first", type=int, default=1)
    ap.add_argument("--count", type=int)
    ap.add_argument("--seconds", type=float)
    ap.add_argument("--show", type=int, default=3)
    ap.add_argument("--shrink", action="store_true")
    ap.add_argument("--max-failures", type=int, default=50)
    ap.add_argument("--case", type=int)
    ap.add_argument("--dir")
    ap.add_argument("argv", nargs="*")
    ap.add_argument("--coverage", action="store_true", help="say which rules and edges were reached")
    ap.add_argument("--tolerate", action="append", default=[], choices=sorted(sum_oracle.KNOWN),
                    help="for triage: follow cchc-sum where it is known to disagree")
    a = ap.parse_args()
    sum_oracle.TOLERATE.update(a.tolerate)
    bindir = os.path.abspath(a.bin)
    if a.dir:
        why = compare(bindir, a.dir, a.argv)
        if why:
            print("FAIL: cd %s && cchc-sum %s\n  %s" % (a.dir, " ".join(map(shq, a.argv)),
                                                       why.replace("\n", "\n  ")))
            for name in a.argv:
                if os.path.isfile(os.path.join(a.dir, name)):
                    print("  --- " + name)
                    with open(os.path.join(a.dir, name), encoding="utf-8") as f:
                        print("".join("  | " + line for line in f), end="")
            return 1
        return 0
    if a.case is not None:
        d = os.path.join(a.tmp, "seed-%d" % a.case)
        argv = write_case(d, make_case(a.case))
        print("cd %s && cchc-sum %s" % (d, " ".join(shq(x) for x in argv)))
        return 0
    if a.seeds:
        lo, _, hi = a.seeds.partition("-")
        seeds = iter(range(int(lo), int(hi or lo) + 1))
    elif a.count is not None:
        seeds = iter(range(a.first, a.first + a.count))
    else:
        import itertools
        seeds = itertools.count(a.first)
    t0 = time.time()
    ran = failed = 0
    failing = []
    for seed in seeds:
        if a.seconds is not None and time.time() - t0 > a.seconds:
            break
        d = os.path.join(a.tmp, "seed-%d" % seed)
        case = make_case(seed)
        tally(case)
        why = check(bindir, d, case)
        ran += 1
        if not why:
            shutil.rmtree(d, ignore_errors=True)
            continue
        failed += 1
        failing.append(seed)
        if failed <= a.show:
            if a.shrink:
                case = shrink(bindir, d, case)
                why = check(bindir, d, case)
            show(seed, d, case, why)
        if failed >= a.max_failures:
            print("oracle: stopping after %d failing seeds" % failed)
            break
    if a.coverage:
        for k in sorted(sum_oracle.HITS):
            print("  %6d  %s" % (sum_oracle.HITS[k], k))
    print("oracle: %d cases, %d failed%s in %.1f s" % (
        ran, failed, (" (seeds %s)" % " ".join(map(str, failing[:30]))) if failing else "",
        time.time() - t0))
    if failing and not a.tolerate:
        # triage: which failures the disagreements already found explain
        sum_oracle.TOLERATE.update(sum_oracle.KNOWN)
        new = [s for s in failing if check(bindir, os.path.join(a.tmp, "seed-%d" % s), make_case(s))]
        sum_oracle.TOLERATE.clear()
        for s in failing:
            check(bindir, os.path.join(a.tmp, "seed-%d" % s), make_case(s))  # the files as failed
        print("oracle: %d of the %d failures are explained by the disagreements already found "
              "(--tolerate %s)%s" % (len(failing) - len(new), len(failing),
                                     " --tolerate ".join(sorted(sum_oracle.KNOWN)),
                                     "; not: seeds " + " ".join(map(str, new[:30])) if new else
                                     ": nothing new"))
    if failing:
        print("oracle: one seed again: python3 tests/oracle/fuzz.py --bin bin --seeds S --shrink "
              "[--tmp DIR]; the inputs are kept in %s/seed-S" % a.tmp)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
