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

    // More than it will get to write: it is stopped once enough exports have overlapped it.
    writer = startWriter(f.file, f.keyFile, 100_000);
    await writer.waitFor(20);
    const s = f.open();
    const exports: string[][][] = [];
    const sizes = new Set<number>();
    while (writer.child.exitCode === null && (exports.length < 5 || sizes.size < 3) && exports.length < 200) {
      const rows = rowsOf(s.exportCsv({}));
      exports.push(rows);
      sizes.add(rows.length);
      await new Promise((r) => setTimeout(r, 5));
    }
    writer.child.kill('SIGTERM');
    await writer.exited;
    expect(writer.stderr()).toBe('');

    const finalRows = rowsOf(s.exportCsv({}));
    const final = new Map(finalRows.map((r) => [Number(r[0]), r[17]]));
    const allIds = finalRows.map((r) => Number(r[0]));
    const written = new Set(allIds);
    expect(writer.ids.filter((id) => !written.has(id))).toEqual([]);
    // The prefill, every reported check, and at most the one in flight when the writer was stopped.
    expect(allIds.length - 1500 - writer.ids.length).toBeGreaterThanOrEqual(0);
    expect(allIds.length - 1500 - writer.ids.length).toBeLessThanOrEqual(1);
    for (const rows of exports) {
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
    expect(sizes.size).toBeGreaterThanOrEqual(3);
    expect(s.verify()).toMatchObject({ ok: true });
    s.close();
  }, 120_000);
});
