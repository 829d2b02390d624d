#!/usr/bin/env python3
"""What a PNG screenshot shows, with nothing but the standard library.

    png.py FILE [COLOUR...]

prints its size, its non-white pixels, its distinct colours, and for each
COLOUR (#rrggbb) the pixels of exactly that colour:

    800x600 nonwhite=12345 colours=87 #1f5fa8=4321

Decodes 8-bit greyscale, RGB, grey+alpha and RGBA, not interlaced (what
Chromium writes), undoing the five row filters of the PNG specification.
Exit 2 for a file it cannot read.
"""
import struct
import sys
import zlib
from collections import Counter


def fail(msg):
    sys.stderr.write("png.py: %s\n" % msg)
    sys.exit(2)


def pixels(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("%s: not a PNG" % path)
    pos, idat, ihdr = 8, [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if ihdr is None:
        fail("%s: no IHDR" % path)
    width, height, depth, ctype, _, _, interlace = ihdr
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(ctype)
    if depth != 8 or channels is None or interlace:
        fail("%s: a PNG of depth %d, colour type %d, interlace %d: not read here"
             % (path, depth, ctype, interlace))
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        at = y * (stride + 1)
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = prev[i]
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        elif kind != 0:
            fail("%s: row %d: unknown filter %d" % (path, y, kind))
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def main():
    if len(sys.argv) < 2:
        fail("usage: png.py FILE [#rrggbb...]")
    width, height, channels, rows = pixels(sys.argv[1])
    count = Counter()
    for line in rows:
        if channels >= 3:
            count.update(line[i:i + 3] for i in range(0, len(line), channels))
        else:
            count.update(bytes((v, v, v)) for v in line[::channels])
    white = count.get(b"\xff\xff\xff", 0)
    out = ["%dx%d" % (width, height), "nonwhite=%d" % (width * height - white),
           "colours=%d" % len(count)]
    for colour in sys.argv[2:]:
        out.append("%s=%d" % (colour, count.get(bytes.fromhex(colour.lstrip("#")), 0)))
    print(" ".join(out))


main()
