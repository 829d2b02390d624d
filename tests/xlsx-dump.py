#!/usr/bin/env python3
"""A sheet of a workbook as text, to test what cchc-table --format xlsx
writes beyond the values xlsx2csv reads: one line per cell,

    D16  2815  =D17+D18+D19  #,##0  bold

(reference, value as stored, formula, number format, bold and italic),
then the merged ranges and the column widths. Usage: xlsx-dump.py FILE SHEET

With --formulas, each formula is worked out again from the values of the
cells it names (sums of cells, ROUND(A/B[*100],N), SUM(C15:C17) of a
column's cells: what cchc-table writes),
in exact decimals, and printed beside the value cached with it:

    D16  =D17+D18+D19  2815  2815

exit 1 when one differs from its cached value by more than 1e-12.
"""
import decimal
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def work_out(formula, values):
    """The value of a formula of cells, sums, * / ROUND and SUM of a
    column's range, exactly."""
    def cell(m):
        return "D(%r)" % values.get(m.group(0), "0")

    def column(m):
        col, first, last = m.group(1), int(m.group(2)), int(m.group(4))
        if m.group(3) != col or last < first:
            raise ValueError("not a column's range: " + m.group(0))
        return "(" + "+".join("%s%d" % (col, r) for r in range(first, last + 1)) + ")"
    formula = re.sub(r"SUM\(([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)\)", column, formula)
    expr = re.sub(r"\b[A-Z]+[0-9]+\b", cell, formula).replace("ROUND(", "R(")
    if not re.fullmatch(r"[-+*/(),0-9. DR']*", expr):
        raise ValueError("not a formula cchc-table writes: " + formula)

    def R(x, n):
        return x.quantize(decimal.Decimal(1).scaleb(-n), rounding=decimal.ROUND_HALF_UP)
    return eval(expr, {"__builtins__": {}, "D": decimal.Decimal, "R": R})


def main(path, sheet, formulas=False):
    z = zipfile.ZipFile(path)
    book = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = None
    for s in book.find("m:sheets", NS):
        if s.get("name") == sheet:
            rid = s.get(REL)
            for r in rels:
                if r.get("Id") == rid:
                    target = "xl/" + r.get("Target")
    if target is None:
        sys.exit("no sheet %s" % sheet)
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    styles = ET.fromstring(z.read("xl/styles.xml"))
    numfmts = {n.get("numFmtId"): n.get("formatCode")
               for n in styles.findall("m:numFmts/m:numFmt", NS)}
    numfmts.setdefault("0", "General")
    fonts = []
    for f in styles.findall("m:fonts/m:font", NS):
        fonts.append(("bold" if f.find("m:b", NS) is not None else "") +
                     (" italic" if f.find("m:i", NS) is not None else ""))
    xfs = [(x.get("numFmtId", "0"), int(x.get("fontId", "0")))
           for x in styles.findall("m:cellXfs/m:xf", NS)]
    ws = ET.fromstring(z.read(target))
    if formulas:
        decimal.getcontext().prec = 40
        values, bad = {}, 0
        for c in ws.iter("{%s}c" % NS["m"]):
            v = c.find("m:v", NS)
            if v is not None and c.get("t") != "s":
                values[c.get("r")] = v.text
        for c in ws.iter("{%s}c" % NS["m"]):
            f = c.find("m:f", NS)
            if f is None:
                continue
            cached = decimal.Decimal(values[c.get("r")])
            got = work_out(f.text, values)
            print("\t".join([c.get("r"), "=" + f.text, str(cached), str(got)]))
            bad += abs(got - cached) > decimal.Decimal("1e-12")
        sys.exit(1 if bad else 0)
    for c in ws.iter("{%s}c" % NS["m"]):
        v = c.find("m:v", NS)
        f = c.find("m:f", NS)
        value = "" if v is None else v.text
        if c.get("t") == "s" and v is not None:
            value = strings[int(v.text)]
        numfmt, font = xfs[int(c.get("s", "0"))]
        if value == "" and f is None:
            continue
        print("\t".join([c.get("r"), value, "" if f is None else "=" + f.text,
                         numfmts.get(numfmt, numfmt), fonts[font].strip()]).rstrip("\t"))
    for m in ws.findall("m:mergeCells/m:mergeCell", NS):
        print("merge", m.get("ref"))
    for col in ws.findall("m:cols/m:col", NS):
        print("col", col.get("min"), col.get("width"))


if __name__ == "__main__":
    if sys.argv[1] == "--formulas":
        main(sys.argv[2], sys.argv[3], formulas=True)
    main(sys.argv[1], sys.argv[2])
