/**
 * kill -9 in the middle of a burst of 1,000 checks: every check the writer reported committed is
 * in the log afterwards, and the chain verifies. (Integration project: it spawns and kills a writer.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from './helpers.ts';
import { startWriter, type Writer } from './writers.ts';

let writer: Writer | undefined;
afterEach(() => {
  if (writer?.child.exitCode === null) writer.child.kill('SIGKILL');
});

describe('kill -9 during a burst of writes', () => {
  it('loses no committed check and leaves a valid chain', async () => {
    const f = fixture();
    f.open().close(); // the key file and an empty log
    writer = startWriter(f.file, f.keyFile, 1000);
    await writer.waitFor(250);
    writer.child.kill('SIGKILL');
    const { signal } = await writer.exited;
    expect(signal).toBe('SIGKILL');
    const reported = writer.ids.slice();
    expect(reported.length).toBeGreaterThanOrEqual(250);
    expect(reported.length).toBeLessThan(1000);

    const s = f.open();
    expect(s.mode).toBe('normal');
    const present = new Set(s.searchChecks({ limit: 1000 }).map((e) => e.id));
    expect(reported.filter((id) => !present.has(id))).toEqual([]);
    // At most the one check in flight when the signal came may be there unreported.
    expect(present.size - reported.length).toBeLessThanOrEqual(1);
    expect(s.verify()).toEqual({
      ok: true,
      entries: present.size,
      head: expect.objectContaining({ id: Math.max(...present) }),
    });
    // And the log carries on.
    s.recordCheck((await import('./sample.ts')).check());
    expect(s.verify()).toMatchObject({ ok: true, entries: present.size + 1 });
    s.close();
  }, 60_000);
});
