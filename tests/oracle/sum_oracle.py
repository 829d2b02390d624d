#!/usr/bin/env python3
"""An independent oracle of cchc-sum's counting, written from the manuals
alone (cchc-sum(1): STATUS RULES and its worked example, SUMMARY, -g, --total,
--as-of, --calendar, --withdrawn-on-time, --keep, the period table; cchc(7):
READING AN EXPORT, COUNT TABLES; cchc-check(1): DATE-TIMES, CODES), never
from the code.

    sum_oracle.py (--period P [--calendar] | --from D --to D) [--as-of D]
                  [-g COL[,COL]...] [--total] [--withdrawn-on-time]
                  [--keep first|last] FILE...

writes on stdout what cchc-sum must write there, on stderr the summary line
in the documented form, and exits as cchc-sum must (0, or 1 when a row is
unclassifiable).

Its input is the simple exports the generator (fuzz.py) writes: one header
line of canonical column names, no title lines, a comma delimiter, no syntax
error, dates yyyy-mm-dd or yyyy-mm-ddTHH:MM:SS, codes by their own names or a
few exact words of cchc-check(1), CODES (WORDS below). Anything else is out
of its scope and stops it (exit 3), rather than being guessed.

Where the manuals are silent or ambiguous, the reading chosen is marked
READING below; the generator keeps the rest of the ambiguities out of its
inputs (see fuzz.py).
"""
import csv
import datetime as dt
import re
import sys
import unicodedata

COUNTS = ("tiep_nhan ky_truoc moi_tiep_nhan nop_truc_tuyen nop_truc_tiep "
          "nop_buu_chinh da_giai_quyet gq_truoc_han gq_dung_han gq_qua_han "
          "dang_giai_quyet dang_trong_han dang_qua_han").split()
CODE_COLS = ("cap", "kenh", "muc_do_dvc", "trang_thai")
CHANNEL = {"truc_tuyen": "nop_truc_tuyen", "truc_tiep": "nop_truc_tiep",
           "buu_chinh": "nop_buu_chinh"}
# The documented texts of two reasons (the worked example); the others'
# texts are not documented: the oracle's own words, compared by number only.
R78 = "status 7 or 8 without an end date"
R910 = "status 9 or 10 without an end date"
R_CHANNEL = "new without a channel"
R_ORDER = "a date before the received date"
R_REPEAT = "a repeat of an earlier FILE's dossier"
R_NODATE = "no received date"
R_NOCAP = "no cap"


class OutOfScope(Exception):
    pass


# For triage only (fuzz.py --tolerate NAME): follow cchc-sum where it was
# found to disagree with the manual, so that other disagreements show.
# Never part of the specification; the suite runs with none.
TOLERATE = set()
KNOWN = {
    "order-by-time": "a result or due date on the received day but at an "
                     "earlier time is a date before the received date",
    "rejected-not-a-copy": "an unclassifiable row is no copy of its dossier: "
                           "not met for a repeat, not kept or dropped by --keep",
    "keep-last-header": "with --keep last and FILEs whose columns are in other "
                        "orders, the group columns' names in the output's header "
                        "(fuzz.py compares that line without them)",
}


def fold(s):
    """cchc(7), FOLDING: NFC, lower case, no diacritics, d for đ, every run of
    spaces, _ and - one _, none at the ends."""
    s = unicodedata.normalize("NFD", s.lower().replace("đ", "d").replace("Đ", "d"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[\s_\-]+", "_", s).strip("_")


# cchc-check(1), CODES: a code's own name, and the exact words of the built-in
# lists that the generator writes (only those: this is no reimplementation of
# the phrase rules). A leading "cấp" (cap) or "hồ sơ" (trang_thai) is dropped.
WORDS = {
    "cap": {"tinh": "tinh", "huyen": "huyen", "xa": "xa"},
    "kenh": {"truc_tuyen": "truc_tuyen", "truc_tiep": "truc_tiep",
             "buu_chinh": "buu_chinh", "1": "truc_tiep", "2": "truc_tuyen",
             "3": "buu_chinh"},
    "trang_thai": {str(i): str(i) for i in range(1, 11)},
}
WORDS["trang_thai"].update({
    "moi_dang_ky": "1", "da_tiep_nhan": "2", "tu_choi_tiep_nhan": "3",
    "dang_xu_ly": "4", "cho_bo_sung": "5", "cho_thanh_toan_phi": "6",
    "da_rut_ho_so": "7", "tam_dung": "8", "hoan_thanh": "9",
    "da_tra_ket_qua": "10"})
# Values the generator writes as statuses no table knows (kept, read by their
# dates alone, as if they had no status).
UNKNOWN_STATUS = {"11", "0", "cho_phe_duyet"}


def code(col, value):
    """The code of a code column's value: '' for an empty value, None for a
    status no table knows."""
    f = fold(value)
    if f == "":
        return ""
    if col == "cap" and f.startswith("cap_"):
        f = f[4:]
    if col == "trang_thai" and f.startswith("ho_so_"):
        f = f[6:]
    if f in WORDS.get(col, {}):
        return WORDS[col][f]
    if col == "trang_thai" and f in UNKNOWN_STATUS:
        return None
    raise OutOfScope("%s: a value outside the oracle's words: %r" % (col, value))


# Which rules and edges a run reached (fuzz.py --coverage).
HITS = {}


def hit(*names):
    for n in names:
        HITS[n] = HITS.get(n, 0) + 1


class When:
    """A date-time of the input: its day, and its time of day when given."""

    def __init__(self, day, secs=None):
        self.day, self.secs = day, secs


def parse_when(s):
    s = s.strip()
    if s == "":
        return None
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d):(\d\d))?", s)
    if not m:
        raise OutOfScope("a date outside the oracle's forms: %r" % s)
    day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    secs = None if m[4] is None else int(m[4]) * 3600 + int(m[5]) * 60 + int(m[6])
    return When(day, secs)


def parse_day(s):
    """A day of the command line (--from, --to, --as-of): yyyy-mm-dd or
    dd/mm/yyyy, a time after it ignored (cchc-sum(1), --from)."""
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:[T ].*)?", s) or None
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d\d)/(\d\d)/(\d{4})(?: .*)?", s)
    if m:
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    raise OutOfScope("a day outside the oracle's forms: %r" % s)


def last_day(y, m):
    return (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1))


def period_bounds(p, calendar):
    """cchc-sum(1), --period: the months a period covers; reporting bounds
    run from the 15th of the month before the first to the 14th of the last
    (Nghị định 09/2019), calendar ones from the 1st of the first to the last
    day of the last. READING: the manual gives calendar bounds for a year and
    a month only ("and so on"): H1 is 01/01-30/06, H2 01/07-31/12, 9M
    01/01-30/09, Qn the quarter's three months."""
    m = re.fullmatch(r"(\d{4})(?:-(H1|H2|9M|Q[1-4]|0[1-9]|1[0-2]))?", p)
    if not m:
        return None  # a usage error (2024-Q5, 2024-13)
    y, k = int(m[1]), m[2]
    spans = {None: (1, 12), "H1": (1, 6), "H2": (7, 12), "9M": (1, 9),
             "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12)}
    first, last = spans[k] if k in spans else (int(k), int(k))
    if calendar:
        return dt.date(y, first, 1), last_day(y, last)
    before = dt.date(y - 1, 12, 15) if first == 1 else dt.date(y, first - 1, 15)
    return before, dt.date(y, last, 14)


def group_value(col, raw):
    """-g: code columns group by their code (an empty value: the empty
    group, READING), other columns by their NFC form, trimmed."""
    if col in CODE_COLS:
        c = code(col, raw)
        if c is None:
            raise OutOfScope("grouping by a status no table knows")
        return c
    return unicodedata.normalize("NFC", raw).strip(" ")


def classify(row, frm, end, wot):
    """STATUS RULES: (count names) or ('unclassifiable', reason) or
    'not_received' or 'outside'. row: status code or ''/None, the three
    When's (or None), the channel code ('' none)."""
    st, rec, due, fin, kenh = row
    st = int(st) if st else None  # '' (no status) and None (unknown): none
    # 1. Status 1 or 3: not received, whatever its dates (it may have none).
    if st in (1, 3):
        hit("1: status %d" % st, "1: no received date" if rec is None else
            "1: dates out of order" if (fin and rec and fin.day < rec.day or
                                        due and rec and due.day < rec.day) else "1: dates")
        return "not_received"
    # 2. Outside the period: received after end, or resolved before from.
    if rec.day > end or (fin and fin.day < frm):
        hit("2: received the day after end" if rec.day == end + dt.timedelta(1) else
            "2: received after end, not after to" if rec.day > end else
            "2: resolved the day before from" if fin.day == frm - dt.timedelta(1) else
            "2: resolved before from")
        return "outside"
    # A result or due date before the received date: unclassifiable ("by
    # the clock when both carry a time, by the day otherwise"; after rule
    # 2: a row outside the period is not looked at further).
    def before(x):
        return x and (x.day < rec.day or (x.day == rec.day and x.secs is not None and
                                          rec.secs is not None and x.secs < rec.secs))
    if before(fin) or before(due):
        hit("order: same day, earlier time" if any(
            x and x.day == rec.day for x in (fin, due)) else
            "order: result before received" if before(fin) else "order: due before received")
        return ("unclassifiable", R_ORDER)
    # 3. 7, 8 (finished) or 9, 10 (processed) without an end date.
    if st in (7, 8) and not fin:
        hit("3: status %d without an end date" % st)
        return ("unclassifiable", R78)
    if st in (9, 10) and not fin:
        hit("3: status %d without an end date" % st)
        return ("unclassifiable", R910)
    # 4. Carried over (needs no channel), or new by its channel.
    hit("4: status %s" % (st or "none"))
    if rec.day < frm:
        got = ["ky_truoc"]
        hit("4: carried over, no channel" if not kenh else "4: carried over, a channel")
    elif kenh:
        got = ["moi_tiep_nhan", CHANNEL[kenh]]
        hit("4: new " + kenh, "4: received on from" if rec.day == frm else
            "4: received on end" if rec.day == end else "4: received inside")
    else:
        hit("4: new without a channel")
        return ("unclassifiable", R_CHANNEL)
    # 5. Resolved: the end date on or before end.
    if fin and fin.day <= end:
        got.append("da_giai_quyet")
        hit("5: resolved on from" if fin.day == frm else "5: resolved on end"
            if fin.day == end else "5: resolved inside")
        if wot and st in (7, 8):
            got.append("gq_dung_han")
            hit("5: --withdrawn-on-time %d, dates say %s" % (st, "late" if due and (
                fin.day > due.day) else "early" if due and fin.day < due.day else "on time"))
        elif due is None or fin.day == due.day and not (
                fin.secs is not None and due.secs is not None and fin.secs > due.secs):
            got.append("gq_dung_han")
            hit("5: on time, no due date" if due is None else
                "5: on time, both times, not after" if fin.secs is not None and due.secs is not None
                else "5: on time, one time or none")
        elif fin.day < due.day:
            got.append("gq_truoc_han")
            hit("5: early")
        elif fin.day == due.day:
            got.append("gq_qua_han")
            hit("5: late by the time on the due day")
        else:
            got.append("gq_qua_han")
            hit("5: late by the day")
        if st in (7, 8):
            hit("5: status %d judged" % st)
    # 6. Pending. READING: a dossier whose end date is after end (results
    # issued after --as-of are pending) is pending like one without, judged
    # by its due day; --withdrawn-on-time changes only rule 5 ("They still
    # need an end date to be placed in the period").
    else:
        got.append("dang_giai_quyet")
        if fin:
            hit("6: an end date after end (status %s)" % (st or "none"))
        if due is None or due.day >= end or (st in (5, 6) and not fin):
            got.append("dang_trong_han")
            hit("6: within, no due date" if due is None else "6: within, due on end"
                if due.day == end else "6: within, due after end" if due.day > end
                else "6: within, status %d past due" % st)
        else:
            got.append("dang_qua_han")
            hit("6: past due" + (" (the day before end)" if due.day == end - dt.timedelta(1) else ""))
    return ["tiep_nhan"] + got


def read_file(path):
    with open(path, newline="", encoding="utf-8") as f:
        recs = list(csv.reader(f))
    header, rows = recs[0], recs[1:]
    for r in rows:
        if len(r) != len(header) or not any(v.strip() for v in r):
            raise OutOfScope("%s: a ragged or empty row" % path)
    rows = [dict(zip(header, r)) for r in rows]
    # cchc(7), The footer: the trailing run of at most 30 lines none of which
    # holds a valid received date nor looks like a dossier (a value in both
    # ma_ho_so and ngay_tiep_nhan, one with a digit). READING: nor has a
    # status 1 or 3: cchc-sum(1)'s rule 1 says such a row is not received
    # "whatever its dates (it may have none)", and cchc(7) makes no exception
    # for it; the more specific page wins. A file of nothing but such lines
    # is all footer (the manual does not ask for a dossier before it).
    n = 0
    while n < len(rows) and n < 31:
        r = rows[len(rows) - 1 - n]
        rec, mhs = r.get("ngay_tiep_nhan", "").strip(), r.get("ma_ho_so", "").strip()
        valid = rec != ""  # (every received date the generator writes is valid)
        if valid or (mhs and rec and re.search(r"\d", mhs + rec)) or \
                code("trang_thai", r.get("trang_thai", "")) in ("1", "3"):
            break
        n += 1
    footer = n if n <= 30 else 0
    if n:
        hit("footer of %s lines" % ("1-30" if footer else "31: none"))
    return header, rows[:len(rows) - footer], footer


# cchc-sum(1), OUTPUT: the alphabet, and the tones after none.
ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
TONES = ["\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]  # huyền hỏi ngã sắc nặng


def vi_order(text):
    """cchc-sum(1), OUTPUT: a text's place in Vietnamese alphabetical order,
    as a tuple Python compares level by level: the characters (in NFD: a run
    of white space one, then punctuation and symbols by code point, numbers
    by value, the alphabet's letters, other letters by lower-case code
    point), the tone of each word, the case of each letter (lower first), the
    NFC text's bytes, and the NFC spelling before the others, by their bytes."""
    t = unicodedata.normalize("NFD", text)
    chars, tones, cases = [], [], []
    word, space, i = None, False, 0

    def end_word():
        nonlocal word
        if word is not None:
            tones.append(word)
        word = None

    while i < len(t):
        c = t[i]
        cat = unicodedata.category(c)
        if cat.startswith("M"):          # a mark on no letter
            i += 1
            continue
        if c in " \t\n\v\f\r" or cat == "Zs":
            end_word()
            if not space:
                chars.append((0,))
            space, i = True, i + 1
            continue
        space = False
        if c in "0123456789":
            end_word()
            j = i
            while j < len(t) and t[j] in "0123456789":
                j += 1
            chars.append((2, int(t[i:j])))
            i = j
            continue
        if cat.startswith("L"):
            j = i + 1
            while j < len(t) and unicodedata.category(t[j]).startswith("M"):
                j += 1
            marks = t[i + 1:j]
            low = c.lower() if len(c.lower()) == 1 else c
            letter = low
            for m in marks:                 # the mark that makes ă â ê ô ơ ư
                if unicodedata.normalize("NFC", low + m) in ALPHABET:
                    letter = unicodedata.normalize("NFC", low + m)
                    break
            chars.append((3, ALPHABET.index(letter)) if letter in ALPHABET else (4, ord(low)))
            cases.append(0 if low == c else 1)
            tone = next((TONES.index(m) + 1 for m in marks if m in TONES), 0)
            word = tone if not word else word
            i = j
            continue
        end_word()
        chars.append((1, ord(c)))
        i += 1
    end_word()
    nfc = unicodedata.normalize("NFC", text)
    return (chars, tones, cases, nfc.encode(), (0,) if nfc == text else (1, text.encode()))


def fmt_field(v):
    """cchc(7), CSV: quoted only when it must be."""
    if re.search(r'[,"\r\n]', v) or v != v.strip(" "):
        return '"' + v.replace('"', '""') + '"'
    return v


def run(argv):
    import argparse
    ap = argparse.ArgumentParser(prog="sum_oracle.py")
    ap.add_argument("-p", "--period")
    ap.add_argument("--calendar", action="store_true")
    ap.add_argument("--from", dest="frm")
    ap.add_argument("--to")
    ap.add_argument("--as-of")
    ap.add_argument("-g", "--group")
    ap.add_argument("--total", action="store_true")
    ap.add_argument("--withdrawn-on-time", action="store_true")
    ap.add_argument("--keep", choices=("first", "last"))
    ap.add_argument("files", nargs="+")
    a = ap.parse_args(argv)

    if a.period:
        b = period_bounds(a.period, a.calendar)
        if b is None:
            return "", None, 2
        frm, to = b
    else:
        frm, to = parse_day(a.frm), parse_day(a.to)
    end = to
    if a.as_of:
        end = parse_day(a.as_of)
        if not frm <= end <= to:
            raise OutOfScope("--as-of outside the period: the manual says no more")
    cols = a.group.split(",") if a.group else []

    files = [read_file(p) for p in a.files]
    for h, _, _ in files:
        if "ngay_tiep_nhan" not in h or any(c not in files[0][0] for c in cols):
            return "", None, 2

    nrows = sum(len(r) + f for _, r, f in files)
    footer = sum(f for _, _, f in files)

    def place(r):
        st = code("trang_thai", r.get("trang_thai", ""))
        rec = parse_when(r.get("ngay_tiep_nhan", ""))
        if rec is None and st not in ("1", "3"):
            # no date: a footer line in the middle of the data, or one of a
            # run too long for a footer ("rejected as any others are")
            hit("a line with no received date, not a footer")
            return ("unclassifiable", R_NODATE)
        kenh = code("kenh", r.get("kenh", "")) if st not in ("1", "3") else ""
        if "cap" in r:
            code("cap", r["cap"])
        got = classify((st, rec, parse_when(r.get("ngay_hen_tra", "")),
                        parse_when(r.get("ngay_tra_ket_qua", "")), kenh),
                       frm, end, a.withdrawn_on_time)
        # "no cap when counting by cap (the level decides the group)"
        if (got not in ("outside", "not_received") and got[0] != "unclassifiable" and
                "cap" in cols and code("cap", r.get("cap", "")) == ""):
            hit("no cap, counting by cap")
            return ("unclassifiable", R_NOCAP)
        return got

    # Every row's place by the rules, in the order read (file by file).
    placed = [(fi, r, place(r)) for fi, (_, rows, _) in enumerate(files) for r in rows]
    # --keep and repeats: only with more than one FILE are ids looked for.
    # Without --keep a dossier met in an earlier FILE is a repeat: not
    # counted, reported (exit 1): READING, unclassifiable (the summary has no
    # other part that makes the status 1). With --keep, the copies not kept
    # are dropped (D): the copy kept is the first FILE's or the last's,
    # whatever its place.
    # "of the copies that can be classified (...: a copy that cannot is
    # reported as unclassifiable, and is no copy of the dossier)"
    copy = lambda p: p[2][0] != "unclassifiable"
    taken, dropped, repeats = [], 0, 0
    if len(files) > 1 and a.keep:
        where = {}
        for p in filter(copy, placed):
            where.setdefault(p[1]["ma_ho_so"], []).append(p[0])
        for p in placed:
            fs = where.get(p[1]["ma_ho_so"])
            if not copy(p) or p[0] == (fs[0] if a.keep == "first" else fs[-1]):
                taken.append(p)
            else:
                dropped += 1
                hit("--keep %s: a copy dropped" % a.keep)
    elif len(files) > 1:
        seen, fi_now, here = set(), 0, set()
        for p in placed:
            if p[0] != fi_now:
                seen |= here
                fi_now, here = p[0], set()
            if p[1]["ma_ho_so"] in seen and copy(p):
                repeats += 1
                hit("a repeat" + (" of an unclassifiable first copy" if any(
                    q[1]["ma_ho_so"] == p[1]["ma_ho_so"] and q[0] < p[0] and
                    q[2][0] == "unclassifiable" for q in placed) else ""))
            else:
                taken.append(p)
                if copy(p):
                    here.add(p[1]["ma_ho_so"])
    else:
        taken = placed

    groups, outside, not_received = {}, 0, 0
    unclass = {R_REPEAT: repeats} if repeats else {}
    for _, r, got in taken:
        if got == "outside":
            outside += 1
        elif got == "not_received":
            not_received += 1
        elif got[0] == "unclassifiable":
            unclass[got[1]] = unclass.get(got[1], 0) + 1
        else:
            # READING: a group is made by its counted dossiers only; a
            # group of rows that are all outside, not received or
            # unclassifiable has no row.
            key = tuple(group_value(c, r[c]) for c in cols)
            g = groups.setdefault(key, dict.fromkeys(COUNTS, 0))
            for k in got:
                g[k] += 1

    if not cols:
        groups.setdefault((), dict.fromkeys(COUNTS, 0))
    lines = [",".join(cols + COUNTS)]
    # Sorted by their values, column by column, in Vietnamese alphabetical
    # order (cchc-sum(1), OUTPUT). READING: by the values read, before the
    # total row's escape below is applied.
    for key in sorted(groups, key=lambda k: [vi_order(v) for v in k]):
        vals = list(key)
        # --total: a group whose first value is tong, tong', ... is written
        # with one ' more. READING: always, with --total or not (so that the
        # total row "can never be taken for a group, nor a group for it" and
        # --merge can read any table back).
        if vals and re.fullmatch(r"tong'*", vals[0]):
            vals[0] += "'"
            hit("group %s written %s'" % (vals[0][:-1], vals[0][:-1]))
        for v in vals:
            hit(*[n for n, t in (("group value with a comma", "," in v), ("group value with a quote", '"' in v),
                                 ("group value empty", v == ""), ("group value Vietnamese", not v.isascii()))
                  if t])
        lines.append(",".join([fmt_field(v) for v in vals] +
                              [str(groups[key][c]) for c in COUNTS]))
    if a.total and cols:
        tot = [sum(g[c] for g in groups.values()) for c in COUNTS]
        lines.append(",".join(["tong"] + [""] * (len(cols) - 1) + [str(n) for n in tot]))
    out = "".join(line + "\n" for line in lines)

    counted = sum(g["tiep_nhan"] for g in groups.values())
    nun = sum(unclass.values())
    summary = {"from": frm, "to": to, "as_of": end if a.as_of else None,
               "N": nrows, "C": counted, "O": outside, "S": not_received,
               "U": nun, "R78": unclass.get(R78, 0), "R910": unclass.get(R910, 0),
               "D": dropped, "F": footer}
    assert nrows == counted + outside + not_received + nun + dropped + footer
    return out, summary, 1 if nun else 0


def summary_line(s, reasons=None):
    """The documented last line of standard error (cchc-sum(1), SUMMARY)."""
    d = lambda x: x.strftime("%d/%m/%Y")
    line = "cchc-sum: period %s-%s" % (d(s["from"]), d(s["to"]))
    if s["as_of"]:
        line += " as of " + d(s["as_of"])
    line += (": %d rows: %d counted, %d outside the period, %d not received "
             "(status 1 or 3), %d unclassifiable" % (s["N"], s["C"], s["O"], s["S"], s["U"]))
    if s["U"]:
        other = s["U"] - s["R78"] - s["R910"]
        parts = [(s["R78"], R78), (s["R910"], R910), (other, "other reasons")]
        line += " (" + ", ".join("%d %s" % p for p in parts if p[0]) + ")"
    if s["D"]:
        line += ", %d copies dropped (--keep)" % s["D"]
    if s["F"]:
        line += ", %d footer lines skipped" % s["F"]
    return line


def main():
    try:
        out, s, status = run(sys.argv[1:])
    except OutOfScope as e:
        print("sum_oracle.py: out of scope: %s" % e, file=sys.stderr)
        return 3
    sys.stdout.write(out)
    if s:
        print(summary_line(s), file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
