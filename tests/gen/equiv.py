#!/usr/bin/env python3
"""Differential tests of the cchc tools on generated hostile exports.

    python3 tests/gen/equiv.py SUITE [--mode core|intake] [--seeds A-B | --first S --count N]
                               [--seconds T] [--bin DIR] [--tmp DIR] [--workers N]

SUITE is one of
  jobs        cchc-sum -j 2, 3, 4, 7 with parts as small as the file allows
              (CCHC_MIN_PART_SIZE=1), and -j 1 and -j N with small read blocks
              (CCHC_BLOCK_SIZE) and a small arena (CCHC_ARENA_SIZE), against
              -j 1: standard output, standard error and exit status byte for byte;
              and -j 1 and -j N on standard input left at an offset in a
              regular file, against the export alone through a pipe, the
              offset left at the end
  merge       the export cut at record boundaries into 2 to 5 parts, each with
              the header; each part counted (-j 1); cchc-sum --merge of the
              tables, concatenated as GNU parallel does and as FILEs, in two
              steps too, with and without --total, against one run over the
              whole: standard output byte for byte
  check-acct  cchc-check --rejects: N = P + R = the records written; P rows
              out, R rows in the rejects file; exit 1 exactly when R > 0; and
              the same bytes again with small read blocks and arena
  sum-acct    cchc-sum (-j 1 and -j 3 with tiny parts): N = C + O + S + U = the
              records written; the tiep_nhan column adds up to C; exit 1 when
              U > 0; -j changes none of it

--mode intake adds title lines, two-row headers, footers and headers repeated
mid-file (see dossiers.py). Each failure prints the seed, the commands and a
diff, and keeps its input in TMP/SUITE-MODE-SEED/. With --seconds T the seeds
go on from --first until T seconds have passed (the long mode). Exit status 1
when any seed failed.
"""

import argparse
import concurrent.futures
import difflib
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True     # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dossiers  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
TIMEOUT = 30

SUM_RE = re.compile(rb"^cchc-sum: period [0-9/-]+(?: as of [0-9/]+)?: (\d+) rows: (\d+) counted, (\d+) outside the period, "
                    rb"(\d+) not received \(status 1 or 3\), (\d+) unclassifiable(.*)$")
CHECK_RE = re.compile(rb"^cchc-check: (\d+) rows: (\d+) passed, (\d+) rejected(.*)$")
# the footer lines a summary says it skipped, at its end (man pages: N
# counts them, N = P + R + F for cchc-check, N = C + O + S + U + F for cchc-sum)
FOOTER_TAIL = re.compile(rb", (\d+) footer lines? skipped$")


# ------------------------------------------------------------------ running

class Run:
    def __init__(self, argv, cwd, env=None, stdin=None, stdin_name=None, stdin_at=None):
        """stdin: bytes through a pipe; or stdin_at, (FILE, OFFSET): the file
        in the folder as standard input, from the offset, as a shell leaves it
        after `head -c OFFSET`; self.end is then where the tool left it."""
        self.argv, self.cwd, self.env, self.stdin_name = argv, cwd, env or {}, stdin_name
        self.stdin_at, self.end = stdin_at, None
        full = dict(os.environ)
        full.update({"LC_ALL": "C.UTF-8"})
        for k in ("CCHC_MIN_PART_SIZE", "CCHC_BLOCK_SIZE", "CCHC_ARENA_SIZE"):
            full.pop(k, None)
        full.update(self.env)
        t = time.monotonic()
        f = None
        how = {"input": stdin}
        if stdin_at:
            f = open(os.path.join(cwd, stdin_at[0]), "rb")
            os.lseek(f.fileno(), stdin_at[1], os.SEEK_SET)
            how = {"stdin": f}
        try:
            p = subprocess.run(argv, cwd=cwd, env=full, capture_output=True,
                               timeout=TIMEOUT, **how)
            self.rc = p.returncode if p.returncode >= 0 else 128 - p.returncode
            self.out, self.err = p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            self.rc = "timeout"
            self.out, self.err = e.stdout or b"", (e.stderr or b"") + b"\n[killed after %d s]" % TIMEOUT
        if f:
            self.end = os.lseek(f.fileno(), 0, os.SEEK_CUR)
            f.close()
        self.secs = time.monotonic() - t

    def cmd(self):
        """The command as a developer would type it, in the input's folder."""
        env = " ".join(f"{k}={v}" for k, v in sorted(self.env.items()))
        argv = [os.path.basename(self.argv[0])] + self.argv[1:]
        s = " ".join(shlex.quote(a) for a in argv)
        if self.stdin_name:
            s = f"{self.stdin_name} | {s}"
        if self.stdin_at:
            s = f"{{ head -c {self.stdin_at[1]} > /dev/null; {s}; }} < {self.stdin_at[0]}"
        return (env + " " if env else "") + s

    def status(self):
        return str(self.rc)


def records(data):
    """The records of well-formed CSV (the tools' output): lists of bytes."""
    rows, row, field = [], [], bytearray()
    q = False
    i, n = 0, len(data)
    while i < n:
        c = data[i]
        if q:
            if c == 0x22:
                if i + 1 < n and data[i + 1] == 0x22:
                    field.append(0x22)
                    i += 1
                else:
                    q = False
            else:
                field.append(c)
        elif c == 0x22:
            q = True
        elif c == 0x2C:
            row.append(bytes(field))
            field = bytearray()
        elif c == 0x0A:
            row.append(bytes(field))
            rows.append(row)
            row, field = [], bytearray()
        elif c != 0x0D:
            field.append(c)
        i += 1
    if field or row:
        row.append(bytes(field))
        rows.append(row)
    return rows


def text(b):
    return b.decode("utf-8", "backslashreplace")


def diff(a, b, name_a, name_b, limit=30):
    la = text(a).splitlines(keepends=True)
    lb = text(b).splitlines(keepends=True)
    d = list(difflib.unified_diff(la, lb, name_a, name_b, n=1))
    more = len(d) - limit
    d = [x if x.endswith("\n") else x + "\n" for x in d[:limit]]
    if more > 0:
        d.append(f"... ({more} more diff lines)\n")
    return "".join("    " + x for x in d)


def last_line(b):
    return b.rstrip(b"\n").split(b"\n")[-1]


def kind_of(ref, r):
    """What kind of difference: the one-line diagnosis of a failure."""
    if r.rc == "timeout":
        return "a hang"
    if isinstance(r.rc, int) and r.rc >= 128:
        return f"a crash, signal {r.rc - 128}"
    if r.out != ref.out or last_line(r.err) != last_line(ref.err):
        return "other counts"
    if r.rc != ref.rc:
        return "another exit status"
    a = [ln for ln in ref.err.splitlines()]
    b = [ln for ln in r.err.splitlines()]
    strip = lambda ls: [re.sub(rb"at line \d+, ", b"", ln) for ln in ls]
    if strip(a) == strip(b):
        return "messages only: the line of an error inside a record"
    return "messages only"


# ------------------------------------------------------------------ a seed

class Case:
    """One seed of one suite: its export, its folder, what failed."""

    def __init__(self, opts, suite, seed):
        self.opts, self.suite, self.seed = opts, suite, seed
        self.mode, self.scale = opts.mode, opts.scale
        self.gen = dossiers.Gen(seed, self.mode, self.scale)
        self.meta = self.gen.meta()
        self.dir = os.path.join(opts.tmp, f"{suite}-{self.mode}-{seed}")
        os.makedirs(self.dir, exist_ok=True)
        self.failures = []
        self.data = self.gen.whole()
        self.write("in.csv", self.data)
        self.rng = random.Random(f"equiv/{suite}/{self.mode}/{seed}")

    def write(self, name, data):
        with open(os.path.join(self.dir, name), "wb") as f:
            f.write(data)

    def tool(self, name):
        return os.path.join(self.opts.bin, name)

    def run(self, tool, args, env=None, stdin=None, stdin_name=None, stdin_at=None):
        return Run([self.tool(tool)] + args, self.dir, env, stdin, stdin_name, stdin_at)

    def gen_cmd(self):
        s = f"python3 tests/gen/dossiers.py --seed {self.seed}"
        if self.mode != "core":
            s += f" --mode {self.mode}"
        if self.scale != 1:
            s += f" --scale {self.scale}"
        return s + " > in.csv"

    def fail(self, what, commands, details=""):
        self.failures.append((what, commands, details))

    def report(self):
        m = self.meta
        lines = []
        for what, commands, details in self.failures:
            if not commands:
                lines.append(f"  {what}")
                continue
            lines.append(f"FAIL {self.suite} ({self.mode}) seed {self.seed}: {what}")
            lines.append(f"  input:   {self.gen_cmd()}")
            lines.append(f"           kept in {self.dir}/ "
                         f"({len(self.data)} bytes, {m['records']} records, {m['line_ends']} line ends, "
                         f"delimiter {m['delimiter']!r}{', BOM' if m['bom'] else ''})")
            lines.append(f"  hazards: {', '.join(m['hazards']) or 'none'}")
            for label, c in commands:
                lines.append(f"  {label + ':':9}{c}")
            lines.append("  (commands run in the kept folder, with the project's bin/ on PATH)")
            if details:
                lines.append(details.rstrip("\n"))
        return "\n".join(lines)

    # ---------------------------------------------------------------- suites

    def block_sizes(self):
        n = len(self.data)
        if n < 40000:
            return [1, 2, 3, 5, 7, 13, 64, 509]
        if n < 200000:
            return [7, 64, 509, 4093]
        return [509, 4093, 65536]

    def jobs(self):
        args = self.gen.sum_args() + (["--total"] if self.gen.total else [])
        ref = self.run("cchc-sum", args + ["-j", "1", "in.csv"])
        bs = self.block_sizes()
        configs = [({"CCHC_MIN_PART_SIZE": "1"}, j) for j in (2, 3, 4, 7)]
        configs.append(({"CCHC_BLOCK_SIZE": str(self.rng.choice(bs))}, 1))
        for _ in range(2):
            env = {"CCHC_MIN_PART_SIZE": "1", "CCHC_BLOCK_SIZE": str(self.rng.choice(bs))}
            if self.rng.random() < 0.5:
                env["CCHC_ARENA_SIZE"] = str(self.rng.choice([1, 7, 100]))
            configs.append((env, self.rng.choice([2, 3, 5, 7, 16])))
        for env, j in configs:
            r = self.run("cchc-sum", args + ["-j", str(j), "in.csv"], env)
            if (r.out, r.err, r.rc) == (ref.out, ref.err, ref.rc):
                continue
            what = [x for x, a, b in (("stdout", r.out, ref.out), ("stderr", r.err, ref.err),
                                      ("exit status", r.rc, ref.rc)) if a != b]
            what.append(kind_of(ref, r))
            d = ""
            if r.rc != ref.rc:
                d += f"    exit status: -j 1 {ref.rc}, -j {j} {r.rc}\n"
            if last_line(r.err) != last_line(ref.err):
                d += f"    summary -j 1: {text(last_line(ref.err))}\n"
                d += f"    summary -j {j}: {text(last_line(r.err))}\n"
            if r.out != ref.out:
                d += diff(ref.out, r.out, "stdout -j 1", f"stdout -j {j}")
            if r.err != ref.err:
                d += diff(ref.err, r.err, "stderr -j 1", f"stderr -j {j}")
            self.fail(f"-j {j} differs from -j 1 ({', '.join(what[:-1])}: {what[-1]})",
                      [("command", r.cmd()), ("against", ref.cmd())], d)
            if len(self.failures) >= 2:
                return
        self.jobs_offset(args)

    def jobs_offset(self, args):
        """Standard input a shell has read part of, a regular file: -j N
        (which preads it) reads it from there, as -j 1 reads the export alone
        through a pipe, and leaves it at its end, where a stream's read would.
        What is before the offset is the export's own first lines: read, they
        would show."""
        nl = [i + 1 for i, c in enumerate(self.data[:4096]) if c == 0x0a][:3]
        prefix = self.data[:self.rng.choice(nl)] if nl else b"x\n"
        self.write("off.csv", prefix + self.data)
        size = len(prefix) + len(self.data)
        ref = self.run("cchc-sum", args + ["-j", "1", "-"], stdin=self.data, stdin_name="cat in.csv")
        for env, j in (({}, 1), ({"CCHC_MIN_PART_SIZE": "1"}, self.rng.choice([2, 3, 7]))):
            r = self.run("cchc-sum", args + ["-j", str(j), "-"], env,
                         stdin_at=("off.csv", len(prefix)))
            what = [x for x, a, b in (("stdout", r.out, ref.out), ("stderr", r.err, ref.err),
                                      ("exit status", r.rc, ref.rc)) if a != b]
            if r.end != size and (j > 1 or r.rc != 2):
                what.append(f"the offset left at {r.end}, not the end ({size})")
            if not what:
                continue
            d = ""
            if r.out != ref.out:
                d += diff(ref.out, r.out, "stdout, the export alone", f"stdout -j {j} at the offset")
            if r.err != ref.err:
                d += diff(ref.err, r.err, "stderr, the export alone", f"stderr -j {j} at the offset")
            self.fail(f"-j {j} on standard input at offset {len(prefix)} differs ({', '.join(what)})",
                      [("command", r.cmd()), ("against", ref.cmd())], d)
            return

    def merge(self):
        args = self.gen.sum_args()
        whole = self.run("cchc-sum", args + ["-j", "1", "in.csv"])
        whole_t = self.run("cchc-sum", args + ["--total", "-j", "1", "in.csv"])
        if whole.rc not in (0, 1) or whole_t.rc not in (0, 1):
            self.fail(f"one run over the whole exits {whole.rc}",
                      [("command", whole.cmd())], "    " + text(whole.err[-2000:]))
            return
        k = self.rng.randint(2, 5)
        parts = self.gen.split(k)
        outs = []
        for i, p in enumerate(parts, 1):
            self.write(f"p{i}.csv", p)
            r = self.run("cchc-sum", args + ["-j", "1", f"p{i}.csv"])
            if r.rc not in (0, 1):
                self.fail(f"part {i} of {k} exits {r.rc}", [("command", r.cmd())],
                          "    " + text(r.err[-2000:]))
                return
            self.write(f"o{i}.csv", r.out)
            outs.append(r)
        names = [f"o{i}.csv" for i in range(1, k + 1)]
        cat = b"".join(r.out for r in outs)
        self.write("cat.csv", cat)
        catname = "cat " + " ".join(names)
        checks = []
        for total, want in ((False, whole), (True, whole_t)):
            t = ["--total"] if total else []
            checks.append((self.run("cchc-sum", ["--merge"] + t, stdin=cat, stdin_name=catname), want))
            checks.append((self.run("cchc-sum", ["--merge"] + t + names), want))
        # in two steps: the first parts, then the rest with it
        j = self.rng.randint(1, k - 1)
        m1 = self.run("cchc-sum", ["--merge"] + names[:j])
        self.write("m1.csv", m1.out)
        m2 = self.run("cchc-sum", ["--merge"] + names[j:])
        self.write("m2.csv", m2.out)
        two = self.run("cchc-sum", ["--merge", "m1.csv", "m2.csv"])
        two.argv = two.argv[:1] + ["--merge", f"<(cchc-sum --merge {' '.join(names[:j])})",
                                   f"<(cchc-sum --merge {' '.join(names[j:])})"]
        checks.append((two, whole))
        bad = 0
        for r, want in checks:
            if r.out == want.out:
                continue
            bad += 1
            if bad > 2:
                continue
            d = f"    exit status of the merge: {r.rc}\n" + diff(want.out, r.out, "one run", "merged")
            errs = [ln for ln in r.err.splitlines() if ln][-3:]
            if errs:
                d += "    merge's stderr (last lines):\n" + "".join("      " + text(e) + "\n" for e in errs)
            self.fail(f"the merge of {k} parts is not the one run's output",
                      [("parts", self.gen_cmd().replace(" > in.csv", f" --parts {k} --prefix p")
                        + f"   (p1.csv ... p{k}.csv: records {self.gen.cut_text})"),
                       ("each", f"cchc-sum {' '.join(shlex.quote(a) for a in args)} -j 1 pI.csv > oI.csv"),
                       ("command", r.cmd()), ("against", want.cmd())], d)
        if bad > 2:
            self.fail(f"{bad - 2} more merges of the same parts differ too", [])

    def footer_count(self, err, tail):
        """The footer lines the summary says were skipped (0 when it names
        none)."""
        m = FOOTER_TAIL.search(tail)
        return int(m.group(1)) if m else 0

    def expect_n(self, n, footer):
        """n is the records the tool says it read: every record written
        after the header, the footer's among them."""
        m = self.meta
        ok = n == m["records"]
        want = f"{m['records']} records written"
        if m["footer_records"]:
            want += f" ({m['footer_records']} of them footer lines)"
        if footer is not None:
            want += f"; the tool says {footer} footer lines"
        return ok, want

    def check_acct(self):
        d = self.gen.delim_args()
        r = self.run("cchc-check", d + ["--rejects", "rej.csv", "in.csv"])
        rej = b""
        rej_path = os.path.join(self.dir, "rej.csv")
        if os.path.exists(rej_path):
            with open(rej_path, "rb") as f:
                rej = f.read()
        last = r.err.rstrip(b"\n").split(b"\n")[-1]
        m = CHECK_RE.match(last)
        cmds = [("command", r.cmd() + " > out.csv")]
        if not m:
            self.fail(f"cchc-check's last line is not its summary (exit {r.rc})", cmds,
                      "    last lines of stderr:\n" + "".join(
                          "      " + text(x) + "\n" for x in r.err.splitlines()[-4:]))
            return
        n, p, rj = (int(x) for x in m.groups()[:3])
        footer = self.footer_count(r.err, m.group(4))
        problems = []
        if n != p + rj + footer:
            problems.append(f"N = {n} is not P + R + F = {p} + {rj} + {footer}")
        ok, want = self.expect_n(n, footer)
        if not ok:
            problems.append(f"N = {n}, but {want}")
        out_rows = max(0, len(records(r.out)) - 1)
        if out_rows != p:
            problems.append(f"{out_rows} rows on standard output, not P = {p}")
        rej_rows = max(0, len(records(rej)) - 1)
        if rej_rows != rj + footer:
            problems.append(f"{rej_rows} rows in the rejects file, not R = {rj}"
                            + (f" (+ {footer} footer lines)" if footer else ""))
        if r.rc != (1 if rj else 0):
            problems.append(f"exit status {r.rc} with R = {rj}")
        if problems:
            self.fail("cchc-check's accounting: " + "; ".join(problems),
                      cmds, f"    summary: {text(last)}\n")
            return
        # the reader at other block sizes and a small arena: the same bytes
        env = {"CCHC_BLOCK_SIZE": str(self.rng.choice(self.block_sizes())),
               "CCHC_ARENA_SIZE": str(self.rng.choice([1, 7, 100, 4096]))}
        r2 = self.run("cchc-check", d + ["--rejects", "rej2.csv", "in.csv"], env)
        rej2 = b""
        if os.path.exists(os.path.join(self.dir, "rej2.csv")):
            with open(os.path.join(self.dir, "rej2.csv"), "rb") as f:
                rej2 = f.read()
        if (r2.out, r2.err, r2.rc, rej2) != (r.out, r.err, r.rc, rej):
            dd = ""
            if r2.rc != r.rc:
                dd += f"    exit status {r.rc} and {r2.rc}\n"
            for name, a, b in (("stdout", r.out, r2.out), ("stderr", r.err, r2.err),
                               ("rejects", rej, rej2)):
                if a != b:
                    dd += diff(a, b, name, name + " " + " ".join(f"{k}={v}" for k, v in sorted(env.items())))
            self.fail("cchc-check reads other bytes at another block size", [("command", r2.cmd()),
                                                                           ("against", r.cmd())], dd)

    def sum_acct(self):
        args = self.gen.sum_args()
        seen = None
        for env, j in (({}, 1), ({"CCHC_MIN_PART_SIZE": "1"}, 3)):
            r = self.run("cchc-sum", args + ["-j", str(j), "in.csv"], env)
            cmds = [("command", r.cmd())]
            last = r.err.rstrip(b"\n").split(b"\n")[-1]
            m = SUM_RE.match(last)
            if not m:
                self.fail(f"-j {j}: cchc-sum's last line is not its summary (exit {r.rc})", cmds,
                          "    last lines of stderr:\n" + "".join(
                              "      " + text(x) + "\n" for x in r.err.splitlines()[-4:]))
                continue
            n, c, o, s, u = (int(x) for x in m.groups()[:5])
            footer = self.footer_count(r.err, m.group(6))
            problems = []
            if n != c + o + s + u + footer:
                problems.append(f"N = {n} is not C + O + S + U + F = {c} + {o} + {s} + {u} + {footer}")
            ok, want = self.expect_n(n, footer)
            if not ok:
                problems.append(f"N = {n}, but {want}")
            rows = records(r.out)
            tot = None
            if rows and b"tiep_nhan" in rows[0]:
                k = rows[0].index(b"tiep_nhan")
                try:
                    tot = sum(int(x[k]) for x in rows[1:])
                except (ValueError, IndexError):
                    problems.append("a tiep_nhan that is not a number, or a short row")
            else:
                problems.append("no tiep_nhan column on standard output")
            if tot is not None and tot != c:
                problems.append(f"tiep_nhan adds up to {tot}, not C = {c}")
            if r.rc not in (0, 1) or (u and r.rc != 1):
                problems.append(f"exit status {r.rc} with U = {u}")
            got = (n, c, o, s, u, footer, tot)
            if seen and got != seen[0]:
                problems.append(f"-j {j} gives (N, C, O, S, U, footer, tiep_nhan) = {got}, "
                                f"-j 1 {seen[0]}")
            seen = seen or (got,)
            if problems:
                self.fail(f"-j {j}: cchc-sum's accounting: " + "; ".join(problems), cmds,
                          f"    summary: {text(last)}\n")


    def also(self):
        """cchc-sum --also: one read counting a table per grouping gives, for
        each, the bytes, the summary and the messages of a run of its own,
        and the worst exit status of those runs; -j N gives the bytes of -j 1.
        The first table is ungrouped, as cchc-report has it (a row the first
        table's grouping cannot place is counted in no table)."""
        base = ["--period", self.gen.period] + self.gen.delim_args()
        if self.gen.total:
            base.append("--total")
        rng, self.gen.rng = self.gen.rng, self.rng
        groups = []
        for _ in range(3):
            g = self.gen.pick_group() or self.gen.group
            if g and g not in groups:
                groups.append(g)
        self.gen.rng = rng
        own = [self.run("cchc-sum", base + ["-j", "1", "in.csv"])]
        own += [self.run("cchc-sum", base + ["-g", ",".join(g), "-j", "1", "in.csv"]) for g in groups]
        also = []
        for i, g in enumerate(groups, 1):
            also += ["--also", f"{','.join(g)}=t{i}.csv"]
        cmds = [("command", "")] + [(f"own {i}", r.cmd()) for i, r in enumerate(own)]

        def summary_lines(err):
            return [ln for ln in err.splitlines() if re.match(rb"cchc-sum: (t\d+\.csv: )?period ", ln)]

        ref = None
        for env, j in (({}, 1), ({"CCHC_MIN_PART_SIZE": "1"}, self.rng.choice([2, 3, 7]))):
            for i in range(1, len(groups) + 1):
                if os.path.exists(os.path.join(self.dir, f"t{i}.csv")):
                    os.remove(os.path.join(self.dir, f"t{i}.csv"))
            r = self.run("cchc-sum", base + also + ["-j", str(j), "in.csv"], env)
            cmds[0] = ("command", r.cmd())
            tables = []
            for i in range(1, len(groups) + 1):
                path = os.path.join(self.dir, f"t{i}.csv")
                tables.append(open(path, "rb").read() if os.path.exists(path) else None)
            problems, d = [], ""
            if r.rc != max(x.rc for x in own):
                problems.append(f"exit {r.rc}, the runs of their own {[x.rc for x in own]}")
            if r.out != own[0].out:
                problems.append("the first table")
                d += diff(own[0].out, r.out, "own run", "--also's first")
            for i, (t, x) in enumerate(zip(tables, own[1:]), 1):
                want = x.out if r.rc != 2 else None
                if t != want:
                    problems.append(f"t{i}.csv (-g {','.join(groups[i - 1])})")
                    d += diff(want or b"(no file)\n", t or b"(no file)\n", "own run", f"t{i}.csv")
            if r.rc != 2:
                want = [last_line(x.err).replace(b"cchc-sum: ", b"cchc-sum: t%d.csv: " % i, 1)
                        for i, x in enumerate(own[1:], 1)] + [last_line(own[0].err)]
                got = summary_lines(r.err)
                if got != want:
                    problems.append("the summary lines")
                    d += diff(b"\n".join(want) + b"\n", b"\n".join(got) + b"\n", "own runs", "--also")
                # the row's own problems and notes are said by the first
                # table, which counts every row; a grouped run of its own
                # says them too, on the rows it counts (another first line,
                # another count): the same message but for those
                def common(ln):
                    ln = re.sub(rb"^(cchc-sum: [^:]*):\d+: ", rb"\1: ", ln)
                    return re.sub(rb" \(\d+ rows\)$", b"", ln)
                mine = set(r.err.splitlines()) - set(got)
                theirs = set(own[0].err.splitlines()) - {last_line(own[0].err)}
                first = {common(ln) for ln in theirs}
                for x in own[1:]:
                    theirs |= {ln for ln in x.err.splitlines()
                               if ln != last_line(x.err) and common(ln) not in first}
                if mine != theirs:
                    problems.append("the messages")
                    d += diff(b"\n".join(sorted(theirs)) + b"\n", b"\n".join(sorted(mine)) + b"\n",
                              "own runs' (sorted)", "--also's (sorted)")
            if ref is None:
                ref = (r.out, r.err, r.rc, tables)
            elif (r.out, r.err, r.rc, tables) != ref:
                problems.append(f"-j {j} differs from -j 1")
            if problems:
                self.fail("--also: " + ", ".join(problems), cmds, d)
                return


SUITES = {"jobs": Case.jobs, "merge": Case.merge, "check-acct": Case.check_acct,
          "sum-acct": Case.sum_acct, "also": Case.also}


def one(opts, suite, seed):
    c = Case(opts, suite, seed)
    try:
        SUITES[suite](c)
    except Exception as e:  # a bug of the test itself: say so, keep the input
        import traceback
        c.fail(f"the test itself failed: {e!r}", [], "    " + traceback.format_exc().replace("\n", "\n    "))
    if not c.failures and not opts.keep:
        shutil.rmtree(c.dir, ignore_errors=True)
    return c


def seeds_of(opts):
    if opts.seeds:
        a, _, b = opts.seeds.partition("-")
        return iter(range(int(a), int(b or a) + 1))
    if opts.seconds:
        return iter(range(opts.first, opts.first + 10**9))
    return iter(range(opts.first, opts.first + opts.count))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("suite", choices=sorted(SUITES))
    ap.add_argument("--mode", choices=["core", "intake"], default="core")
    ap.add_argument("--seeds", help="A-B, or one seed")
    ap.add_argument("--first", type=int, default=1)
    ap.add_argument("--count", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=0, help="go on until this many seconds have passed")
    ap.add_argument("--scale", type=int, default=1, help="rows of each export times N")
    ap.add_argument("--bin", default=os.path.join(TOP, "bin"))
    ap.add_argument("--tmp", default=None, help="folder for inputs (default: a new one under $TMPDIR)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--show", type=int, default=3, help="print the failures of this many seeds")
    ap.add_argument("--max-failures", type=int, default=50, help="stop after this many failing seeds")
    ap.add_argument("--keep", action="store_true", help="keep the inputs of seeds that pass too")
    opts = ap.parse_args()
    opts.bin = os.path.abspath(opts.bin)
    opts.tmp = os.path.abspath(opts.tmp or tempfile.mkdtemp(prefix="cchc-equiv-"))
    os.makedirs(opts.tmp, exist_ok=True)

    start = time.monotonic()
    seeds = seeds_of(opts)
    lock = threading.Lock()
    done, failed, reports = [], [], {}
    stop = False

    def next_seed():
        with lock:
            if stop or (opts.seconds and time.monotonic() - start > opts.seconds):
                return None
            return next(seeds, None)

    def worker():
        nonlocal stop
        while True:
            s = next_seed()
            if s is None:
                return
            c = one(opts, opts.suite, s)
            with lock:
                done.append(s)
                if c.failures:
                    failed.append(s)
                    # the reports of the lowest seeds, printed at the end
                    reports[s] = c.report()
                    if len(reports) > opts.show:
                        del reports[max(reports)]
                    if len(failed) >= opts.max_failures:
                        stop = True

    with concurrent.futures.ThreadPoolExecutor(opts.workers) as ex:
        for f in [ex.submit(worker) for _ in range(opts.workers)]:
            f.result()
    done.sort()
    failed.sort()
    for k in sorted(reports):
        print(reports[k] + "\n", flush=True)
    shown = len(reports)
    secs = time.monotonic() - start
    rng = f"{done[0]}-{done[-1]}" if done else "none"
    line = (f"equiv {opts.suite} ({opts.mode}): {len(done)} seeds ({rng}) in {secs:.1f} s, "
            f"{len(failed)} failed")
    if failed:
        line += f"; first failing seed {failed[0]}; failing: {' '.join(map(str, failed[:40]))}"
        if len(failed) > 40:
            line += " ..."
        if shown < len(failed):
            line += f"\n  (details printed for {shown}; rerun one with --seeds N --show 1)"
        line += f"\n  inputs kept in {opts.tmp}"
    print(line, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
