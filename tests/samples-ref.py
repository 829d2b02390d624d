#!/usr/bin/env python3
"""A reference reader of the sample exports, for tests/samples.bats: it reads a
raw export (gen-export --excel, or xlsx2csv's output of gen-xlsx) the way the
tools must, independently of them, and writes what it found as the twin
(canonical columns, codes, ISO date-times in Vietnam time), so that a test can
compare it byte for byte with the twin the generator wrote.

    samples-ref.py twin RAW [DELIMITER]        the raw file read as its twin (default ;)
    samples-ref.py keep-last FILE...           CSV rows, the last of each ma_ho_so
                                               (column 2) kept, in first-seen order
    samples-ref.py cols NAME,... FILE          those columns of a CSV file, by name

It knows only what the samples hold: title lines, a one- or two-row header
found by "Mã hồ sơ", empty rows, the footer (from "Tổng cộng" on)."""
import csv
import datetime
import math
import re
import sys
import unicodedata


def fold(s):
    s = unicodedata.normalize('NFD', unicodedata.normalize('NFC', s).lower())
    s = ''.join(ch for ch in s if unicodedata.category(ch) != 'Mn').replace('đ', 'd')
    return re.sub(r'[\s_-]+', '_', s.strip())


def words(s):
    return [w for w in re.split(r'[^a-z0-9]+', fold(s)) if w]


def has(s, phrase):
    w, p = words(s), phrase.split('_')
    return any(w[i:i + len(p)] == p for i in range(len(w) - len(p) + 1))


def cap(v):
    f = fold(v)
    if has(f, 'tinh') or has(f, 'so'):
        return 'tinh'
    if has(f, 'huyen'):
        return 'huyen'
    if has(f, 'xa'):
        return 'xa'
    raise ValueError('level ' + v)


def kenh(v):
    f = fold(v)
    found = set()
    if has(f, 'truc_tuyen') or has(f, 'online'):
        found.add('truc_tuyen')
    if has(f, 'truc_tiep'):
        found.add('truc_tiep')
    if has(f, 'buu_chinh') or has(f, 'bcci'):
        found.add('buu_chinh')
    if len(found) != 1:
        raise ValueError('channel ' + v)
    return found.pop()


def muc_do(v):
    f = fold(v)
    if has(f, 'toan_trinh') or has(f, 'muc_do_4'):
        return 'toan_trinh'
    if has(f, 'mot_phan') or has(f, 'muc_do_3'):
        return 'mot_phan'
    if f in ('', 'muc_do_2', 'cung_cap_thong_tin'):
        return 'khong'
    raise ValueError('service level ' + v)


# DOMAIN.md's table: the portal's labels and the provincial phrasings
STATUS = {
    1: ['Mới đăng ký', 'Chờ tiếp nhận'],
    2: ['Được tiếp nhận', 'Đã tiếp nhận'],
    3: ['Không được tiếp nhận', 'Từ chối tiếp nhận'],
    4: ['Đang xử lý', 'Đang giải quyết'],
    5: ['Yêu cầu bổ sung giấy tờ', 'Chờ bổ sung', 'Yêu cầu bổ sung'],
    6: ['Yêu cầu thực hiện nghĩa vụ tài chính', 'Chờ thanh toán phí',
        'Chờ thực hiện nghĩa vụ tài chính'],
    7: ['Công dân yêu cầu rút hồ sơ', 'Đã rút hồ sơ', 'Rút hồ sơ'],
    8: ['Dừng xử lý', 'Tạm dừng', 'Đã hủy'],
    9: ['Đã xử lý xong', 'Chờ trả kết quả', 'Hoàn thành'],
    10: ['Đã trả kết quả', 'Đã trả'],
}
STATUS_OF = {fold(w): c for c, ws in STATUS.items() for w in ws}


def status(v):
    return str(STATUS_OF[fold(v)])


EPOCH = datetime.date(1899, 12, 30)
VN = datetime.timedelta(hours=7)


def iso(d, t=None, prec=0):
    if prec == 0:
        return d.isoformat()
    if prec == 1:
        return '%sT%02d:%02d' % (d.isoformat(), t[0], t[1])
    return '%sT%02d:%02d:%02d' % (d.isoformat(), t[0], t[1], t[2])


def when(v):
    """A date-time in any form of the samples, as yyyy-mm-dd[THH:MM[:SS]], Vietnam time."""
    v = v.replace('\u00a0', ' ').strip()
    if v == '':
        return ''
    m = re.fullmatch(r'(\d{5})(?:[.,](\d+))?', v)
    if m:	# an Excel serial: the time rounded to the nearest second
        x = float(v.replace(',', '.'))
        day = math.floor(x)
        s = round((x - day) * 86400)
        if s == 86400:
            day, s = day + 1, 0
        d = EPOCH + datetime.timedelta(day)
        return iso(d) if m.group(2) is None else iso(d, (s // 3600, s // 60 % 60, s % 60), 2)
    m = re.fullmatch(r'(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)', v)
    if m:
        y, mo, d, hh, mi, ss = map(int, m.groups())
        return iso(datetime.date(y, mo, d), (hh, mi, ss), 2)
    m = re.fullmatch(r'(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(\.\d+)?(Z|\+07:00)?', v)
    if m:
        y, mo, d, hh, mi, ss = map(int, m.groups()[:6])
        t = datetime.datetime(y, mo, d, hh, mi, ss)
        if m.group(8) == 'Z':
            t += VN
        return iso(t.date(), (t.hour, t.minute, t.second), 2)
    date_re = r'(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})'
    time_re = r'(\d{1,2}):(\d\d)(?::(\d\d)(?:\.\d+)?)?(?: (SA|CH|AM|PM))?'
    m = re.fullmatch(date_re + r' +' + time_re, v)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        hh, mi, ss, ap = int(m.group(4)), int(m.group(5)), m.group(6), m.group(7)
    else:
        m = re.fullmatch(time_re + r' +' + date_re, v)
        if m:
            hh, mi, ss, ap = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
            d, mo, y = int(m.group(5)), int(m.group(6)), int(m.group(7))
        else:
            m = re.fullmatch(date_re, v)
            if not m:
                raise ValueError('date-time ' + repr(v))
            return iso(datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    if ap:
        if not 1 <= hh <= 12:
            raise ValueError('12-hour time ' + repr(v))
        hh = hh % 12 + (12 if ap in ('CH', 'PM') else 0)
    day = datetime.date(y, mo, d)
    return iso(day, (hh, mi, int(ss)), 2) if ss is not None else iso(day, (hh, mi), 1)


TWIN = ['stt', 'ma_ho_so', 'ma_tthc', 'ten_tthc', 'linh_vuc', 'co_quan', 'cap', 'kenh',
        'muc_do_dvc', 'chu_ho_so', 'trang_thai', 'ngay_tiep_nhan', 'ngay_hen_tra',
        'ngay_tra_ket_qua', 'ghi_chu']
HEAD = {'STT': 'stt', 'Mã hồ sơ': 'ma_ho_so', 'Mã TTHC': 'ma_tthc', 'Tên thủ tục': 'ten_tthc',
        'Lĩnh vực': 'linh_vuc', 'Cơ quan giải quyết': 'co_quan', 'Cấp giải quyết': 'cap',
        'Hình thức nộp': 'kenh', 'Mức độ DVC': 'muc_do_dvc', 'Chủ hồ sơ': 'chu_ho_so',
        'Trạng thái': 'trang_thai', 'Ngày tiếp nhận': 'ngay_tiep_nhan',
        'Ngày hẹn trả': 'ngay_hen_tra', 'Ngày có kết quả': 'ngay_tra_ket_qua', 'Ghi chú': 'ghi_chu'}
CODE = {'cap': cap, 'kenh': kenh, 'muc_do_dvc': muc_do, 'trang_thai': status,
        'ngay_tiep_nhan': when, 'ngay_hen_tra': when, 'ngay_tra_ket_qua': when}


def twin(path, delim):
    with open(path, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f, delimiter=delim))
    at = next(i for i, r in enumerate(rows) if 'Mã hồ sơ' in r)
    top, sub = rows[at], rows[at + 1]
    names = [HEAD[unicodedata.normalize('NFC', s or t)] for t, s in zip(top, sub)]
    out = csv.writer(sys.stdout, lineterminator='\n')
    out.writerow(TWIN)
    for r in rows[at + 2:]:
        if r and r[0] == 'Tổng cộng':
            break
        if all(c == '' for c in r):
            continue
        if len(r) != len(names):
            raise ValueError('a row of %d fields: %r' % (len(r), r))
        v = {n: CODE.get(n, lambda s: unicodedata.normalize('NFC', s).strip())(c)
             for n, c in zip(names, r)}
        out.writerow([v[n] for n in TWIN])


def keep_last(paths):
    order, last = [], {}
    for p in paths:
        with open(p, newline='') as f:
            for r in list(csv.reader(f))[1:]:
                if r[1] not in last:
                    order.append(r[1])
                last[r[1]] = r
    out = csv.writer(sys.stdout, lineterminator='\n')
    for k in order:
        out.writerow(last[k])


def cols(names, path):
    with open(path, newline='') as f:
        rows = list(csv.reader(f))
    at = [rows[0].index(n) for n in names.split(',')]
    out = csv.writer(sys.stdout, lineterminator='\n')
    for r in rows:
        out.writerow([r[i] for i in at])


if __name__ == '__main__':
    if sys.argv[1] == 'twin':
        twin(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else ';')
    elif sys.argv[1] == 'keep-last':
        keep_last(sys.argv[2:])
    elif sys.argv[1] == 'cols':
        cols(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
