/**
 * npm run bench:store — checks written per second through the store (validation, hash chain, one
 * transaction each, encrypted, WAL, synchronous=FULL as the app runs), p50/p99 write latency, and the
 * database size per 10,000 checks. Baseline measured in the same run: the same rows inserted into an
 * equally encrypted, indexed and synced table, one transaction each, without validation or chain
 * work (no hashes, no tail read, no head record, no id sequence). The same pair without fsync
 * (synchronous=OFF) shows the CPU cost the disk otherwise hides.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { canonicalJson } from '../src/main/store/chain.ts';
import { searchColumns } from '../src/main/store/check-log.ts';
import { openEncrypted } from '../src/main/store/database.ts';
import { openStore } from '../src/main/store/store-service.ts';
import type { NewCheck } from '../src/shared/store/records.ts';
import { check } from '../test/store/sample.ts';

const { values } = parseArgs({
  options: { checks: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' } },
});
const perRun = Number(values.checks);
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'uketsuke-bench-store-'));
const key = randomBytes(32);

const NAMES = ['山田 太郎', '佐藤 花子', '鈴木 一郎', '高橋 美咲', '田中 健', 'ﾔﾏﾓﾄ ﾕｳｷ', 'Smith John'];
const sample = (i: number): NewCheck =>
  check({
    name: NAMES[i % NAMES.length],
    birthDate: `19${String(40 + (i % 60)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    at: new Date(Date.UTC(2026, 10, 22, 0, 0, 0) + i * 60_000).toISOString(),
    decision: i % 5 === 0 ? 'need_more' : 'accept',
  });

type Sync = 'FULL' | 'OFF';
let fileNo = 0;
const nextFile = () => join(dir, `run-${fileNo++}.db`);

/** Per-write latencies (ms) of `n` checks through the store. */
function storeRun(n: number, sync: Sync): number[] {
  const s = openStore({ file: nextFile(), key, tune: (db) => db.pragma(`synchronous = ${sync}`) });
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = sample(i);
    const t0 = performance.now();
    s.recordCheck(c);
    lat.push(performance.now() - t0);
  }
  s.close();
  return lat;
}

/** The same rows, same encryption, search indexes and sync, one transaction each: no validation, no hashes, no tail read, no head record. */
function baselineRun(n: number, sync: Sync): number[] {
  const db = openEncrypted(nextFile(), key, { readonly: false });
  db.pragma(`synchronous = ${sync}`);
  db.exec(`CREATE TABLE plain (id INTEGER PRIMARY KEY, kind TEXT, at TEXT, payload TEXT, day TEXT, birth_date TEXT, name_key TEXT, staff_id INTEGER);
    CREATE INDEX plain_day ON plain(day) WHERE day IS NOT NULL;
    CREATE INDEX plain_birth_date ON plain(birth_date) WHERE birth_date IS NOT NULL;`);
  const insert = db.prepare(
    'INSERT INTO plain (kind, at, payload, day, birth_date, name_key, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const write = db.transaction((c: NewCheck) => {
    const cols = searchColumns(c);
    insert.run(
      'check',
      c.at,
      canonicalJson({ v: 1, check: c }),
      cols.day,
      cols.birth_date,
      cols.name_key,
      cols.staff_id,
    );
  });
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = sample(i);
    const t0 = performance.now();
    write.immediate(c);
    lat.push(performance.now() - t0);
  }
  db.close();
  return lat;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function measure(name: string, run: (n: number, sync: Sync) => number[], sync: Sync) {
  run(Math.min(200, perRun), sync); // warm up (JIT, page cache)
  const rates: number[] = [];
  const all: number[] = [];
  for (let r = 0; r < runs; r++) {
    const lat = run(perRun, sync);
    rates.push((perRun * 1000) / lat.reduce((a, b) => a + b, 0));
    all.push(...lat);
  }
  all.sort((a, b) => a - b);
  return { name, perSec: median(rates), p50: pct(all, 50), p99: pct(all, 99) };
}

console.log(
  `store benchmark · ${runs} runs × ${perRun.toLocaleString('en-US')} checks · one transaction each · SQLCipher-3 format (AES-256, HMAC-SHA1, 4 KiB pages) · WAL · Node ${process.version}`,
);
console.log(`folder: ${dir}`);
const rows = [
  measure('store: validation + hash chain (synchronous=FULL, as the app runs)', storeRun, 'FULL'),
  measure('baseline: same rows, no validation/chain (synchronous=FULL)', baselineRun, 'FULL'),
  measure('store: validation + hash chain (synchronous=OFF, no fsync)', storeRun, 'OFF'),
  measure('baseline: same rows, no validation/chain (synchronous=OFF)', baselineRun, 'OFF'),
];
const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`${'measure'.padEnd(70)} ${'checks/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
for (const r of rows)
  console.log(
    `${r.name.padEnd(70)} ${fmt(r.perSec).padStart(9)} ${fmt(r.p50, 3).padStart(8)} ${fmt(r.p99, 3).padStart(8)}`,
  );
console.log(
  `chain/baseline throughput ratio: ${fmt(rows[0]!.perSec / rows[1]!.perSec, 2)} with fsync, ${fmt(rows[2]!.perSec / rows[3]!.perSec, 2)} without`,
);

// Size and the costs that grow with the log: opening (includes a full quick_check) and verify.
const sizeFile = nextFile();
const big = openStore({ file: sizeFile, key, tune: (db) => db.pragma('synchronous = OFF') });
for (let i = 0; i < 10_000; i++) big.recordCheck(sample(i));
big.close();
const bytes = statSync(sizeFile).size;
let t0 = performance.now();
const reopened = openStore({ file: sizeFile, key });
const openMs = performance.now() - t0;
t0 = performance.now();
const v = reopened.verify();
const verifyMs = performance.now() - t0;
reopened.close();
if (!v.ok) throw new Error('the benchmark log does not verify');
console.log(
  `database size per 10,000 checks: ${fmt(bytes / 1024 / 1024, 1)} MiB (${fmt(bytes / 10_000)} bytes per check, no images)`,
);
console.log(
  `at 10,000 checks: open with quick_check ${fmt(openMs)} ms · verify ${fmt(verifyMs)} ms (${v.entries.toLocaleString('en-US')} entries)`,
);
rmSync(dir, { recursive: true, force: true });
