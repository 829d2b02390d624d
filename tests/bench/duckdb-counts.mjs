// The 13 status counts by level for period 2024 (15/12/2023 .. 14/12/2024),
// in DuckDB: the job cchc-sum --period 2024 -g cap does, written as a DuckDB
// user would, for the exports of samples/gen-export: the portal's (--portal,
// with or without --lean: codes as numbers, compact dates) and the
// provincial one (the default style, --quoted or not: Vietnamese headers and
// words, dd/mm/yyyy with a time before or after, some text in NFD).
// Usage: node duckdb-counts.mjs FILE [THREADS [portal|provincial]]; FILE may
// be a glob (the 34 files of a national run); prints cchc-sum's CSV.
import { DuckDBInstance } from '@duckdb/node-api';

const [file, threads = '2', form = 'portal'] = process.argv.slice(2);
const from = "DATE '2023-12-15'", end = "DATE '2024-12-14'";
const src = `read_csv('${file.replace(/'/g, "''")}', header = true, all_varchar = true)`;
const portal = `
  SELECT CASE Cap WHEN 'Tỉnh' THEN 'tinh' WHEN 'Huyện' THEN 'huyen' WHEN 'Xã' THEN 'xa' END AS cap,
         KenhThucHien AS kenh,
         strptime(NgayTiepNhan, '%Y%m%d%H%M%S') AS r_ts,
         strptime(NULLIF(NgayHenTra, ''), '%Y%m%d%H%M%S') AS due_ts,
         strptime(NULLIF(NgayKetThucXuLy, ''), '%Y%m%d%H%M%S') AS done_ts
  FROM ${src}
  WHERE TrangThaiHoSo NOT IN ('1', '3')`;
const when = (c) => `strptime(NULLIF(${c}, ''), ['%d/%m/%Y %H:%M:%S', '%H:%M %d/%m/%Y', '%d/%m/%Y'])`;
const provincial = `
  SELECT CASE nfc_normalize("Cấp giải quyết") WHEN 'Cấp tỉnh' THEN 'tinh' WHEN 'Cấp huyện' THEN 'huyen'
              WHEN 'Cấp xã' THEN 'xa' END AS cap,
         CASE nfc_normalize("Hình thức nộp") WHEN 'Trực tuyến' THEN '2' WHEN 'Trực tiếp' THEN '1'
              ELSE '3' END AS kenh,
         ${when('"Ngày tiếp nhận"')} AS r_ts,
         ${when('"Ngày hẹn trả"')} AS due_ts,
         ${when('"Ngày có kết quả"')} AS done_ts
  FROM ${src}
  WHERE nfc_normalize("Trạng thái") NOT IN ('Mới đăng ký', 'Không được tiếp nhận')`;
const sql = `
WITH d AS (${form === 'provincial' ? provincial : portal}
), c AS (
  SELECT *, CAST(r_ts AS DATE) AS r, CAST(due_ts AS DATE) AS due, CAST(done_ts AS DATE) AS done
  FROM d
), p AS (
  SELECT * FROM c WHERE r <= ${end} AND (done IS NULL OR done >= ${from})
)
SELECT cap,
  count(*) AS tiep_nhan,
  count(*) FILTER (r < ${from}) AS ky_truoc,
  count(*) FILTER (r >= ${from}) AS moi_tiep_nhan,
  count(*) FILTER (r >= ${from} AND kenh = '2') AS nop_truc_tuyen,
  count(*) FILTER (r >= ${from} AND kenh = '1') AS nop_truc_tiep,
  count(*) FILTER (r >= ${from} AND kenh = '3') AS nop_buu_chinh,
  count(*) FILTER (done <= ${end}) AS da_giai_quyet,
  count(*) FILTER (done <= ${end} AND due IS NOT NULL AND done < due) AS gq_truoc_han,
  count(*) FILTER (done <= ${end} AND (due IS NULL OR (done = due AND done_ts <= due_ts))) AS gq_dung_han,
  count(*) FILTER (done <= ${end} AND due IS NOT NULL AND (done > due OR (done = due AND done_ts > due_ts))) AS gq_qua_han,
  count(*) FILTER (done IS NULL OR done > ${end}) AS dang_giai_quyet,
  count(*) FILTER ((done IS NULL OR done > ${end}) AND (due IS NULL OR due >= ${end})) AS dang_trong_han,
  count(*) FILTER ((done IS NULL OR done > ${end}) AND due < ${end}) AS dang_qua_han
FROM p GROUP BY cap ORDER BY cap`;

const db = await DuckDBInstance.create(':memory:', { threads });
const conn = await db.connect();
const result = await conn.runAndReadAll(sql);
const lines = [result.columnNames().join(',')];
for (const row of result.getRows())
  lines.push(row.map(String).join(','));
process.stdout.write(lines.join('\n') + '\n');
