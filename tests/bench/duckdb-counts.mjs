// The 13 status counts by level for period 2024 (15/12/2023 .. 14/12/2024),
// in DuckDB, on a portal-style export (samples/gen-export --portal): the job
// cchc-sum --period 2024 -g cap does, written as a DuckDB user would.
// Usage: node duckdb-counts.mjs FILE [THREADS]; prints cchc-sum's CSV.
import { DuckDBInstance } from '@duckdb/node-api';

const [file, threads = '2'] = process.argv.slice(2);
const from = "DATE '2023-12-15'", end = "DATE '2024-12-14'";
const sql = `
WITH d AS (
  SELECT CASE Cap WHEN 'Tỉnh' THEN 'tinh' WHEN 'Huyện' THEN 'huyen' WHEN 'Xã' THEN 'xa' END AS cap,
         KenhThucHien AS kenh,
         strptime(NgayTiepNhan, '%Y%m%d%H%M%S') AS r_ts,
         strptime(NULLIF(NgayHenTra, ''), '%Y%m%d%H%M%S') AS due_ts,
         strptime(NULLIF(NgayKetThucXuLy, ''), '%Y%m%d%H%M%S') AS done_ts
  FROM read_csv('${file.replace(/'/g, "''")}', header = true, all_varchar = true)
  WHERE TrangThaiHoSo NOT IN ('1', '3')
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
