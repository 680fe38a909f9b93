// duckdb.mjs runs a SQL file in DuckDB and prints the last statement's
// result as CSV: a stand-in for the DuckDB command line, which Debian does
// not package. The npm package ships DuckDB prebuilt (scripts/setup.sh
// installs it), where the Go module would need cgo and a long build.
//
//   node scripts/duckdb/duckdb.mjs [-C DIR] FILE.sql
//
// -C DIR runs in DIR, so the file's relative paths (read_parquet
// ('shipments.parquet')) name the files there. The time the SQL took goes
// to stderr.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const args = process.argv.slice(2);
let dir = null;
if (args[0] === '-C') {
  dir = args[1];
  args.splice(0, 2);
}
if (args.length !== 1) {
  console.error('usage: node duckdb.mjs [-C DIR] FILE.sql');
  process.exit(2);
}
const sql = readFileSync(resolve(args[0]), 'utf8');
if (dir) process.chdir(dir);

const csv = (v) => {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? String(v) : String(v);
  return /[",\n\r]/.test(s) ? '"' + s.replaceAll('"', '""') + '"' : s;
};

try {
  const t0 = process.hrtime.bigint();
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const res = await con.runAndReadAll(sql);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const out = [res.columnNames().map(csv).join(',')];
  for (const row of res.getRowsJS()) out.push(row.map(csv).join(','));
  process.stdout.write(out.join('\n') + '\n');
  console.error(`duckdb ${(await con.runAndReadAll('SELECT version()')).getRows()[0][0]}: ${res.currentRowCount} rows in ${ms.toFixed(0)} ms`);
} catch (e) {
  console.error(`duckdb: ${e.message}`);
  process.exit(1);
}
