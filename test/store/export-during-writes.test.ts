/**
 * Exports while another process keeps writing: each export is one read snapshot, so every row is
 * complete, no check up to the snapshot's last one is missing, and every exported row is exactly
 * what the log holds afterwards. (Integration project: it spawns a writer.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { check, fixture } from './helpers.ts';
import { startWriter, type Writer } from './writers.ts';

let writer: Writer | undefined;
afterEach(() => {
  if (writer?.child.exitCode === null) writer.child.kill('SIGKILL');
});

const rowsOf = (csv: string): string[][] =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .slice(1)
    .map((l) => l.split(','));

describe('export during writes', () => {
  it('gives consistent snapshots while checks keep coming', async () => {
    const f = fixture();
    const prefill = f.open({ tune: (db) => db.pragma('synchronous = OFF') });
    for (let i = 0; i < 1500; i++) prefill.recordCheck(check({ name: `既存 ${i}` }));
    prefill.close();

    writer = startWriter(f.file, f.keyFile, 600);
    await writer.waitFor(20);
    const s = f.open();
    const exports: string[][][] = [];
    while (writer.child.exitCode === null && exports.length < 40) {
      exports.push(rowsOf(s.exportCsv({})));
      await new Promise((r) => setTimeout(r, 5));
    }
    await writer.exited;
    expect(writer.stderr()).toBe('');
    expect(writer.ids).toHaveLength(600);

    const finalRows = rowsOf(s.exportCsv({}));
    const final = new Map(finalRows.map((r) => [Number(r[0]), r[17]]));
    const allIds = finalRows.map((r) => Number(r[0]));
    expect(allIds).toHaveLength(2100);
    const sizes = new Set<number>();
    for (const rows of exports) {
      sizes.add(rows.length);
      for (const r of rows) {
        expect(r).toHaveLength(18);
        expect(r[17]).toMatch(/^[0-9a-f]{64}$/);
        expect(r[17]).toBe(final.get(Number(r[0])));
      }
      const ids = rows.map((r) => Number(r[0]));
      const last = ids.at(-1)!;
      // The snapshot holds every check up to its last one, in order.
      expect(ids).toEqual(allIds.filter((id) => id <= last));
    }
    // The writer made progress between exports: they saw different states.
    expect(exports.length).toBeGreaterThanOrEqual(3);
    expect(sizes.size).toBeGreaterThan(1);
    expect(s.verify()).toMatchObject({ ok: true });
    s.close();
  }, 120_000);
});
