import { afterEach, describe, expect, it, vi } from 'vitest';
import { DAY_MS, startPurgeJob } from '../../src/main/store/purge-job.ts';
import { StoreError } from '../../src/main/store/store-service.ts';
import { check, fixture } from './helpers.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('purge job', () => {
  it('purges at start and then daily, and reports a failure instead of throwing', () => {
    vi.useFakeTimers();
    const f = fixture();
    const s = f.open();
    s.recordCheck(check({ at: '2023-11-01T09:00:00+09:00' }));
    s.recordCheck(check({ at: '2023-11-22T09:00:00+09:00' }));
    const purged: number[] = [];
    const errors: string[] = [];
    const stop = startPurgeJob(s, { onPurged: (r) => purged.push(r.checks), onError: (e) => errors.push(e.message) });
    expect(purged).toEqual([1]);
    f.clock.advance(DAY_MS);
    vi.advanceTimersByTime(DAY_MS);
    expect(purged).toEqual([1, 1]);
    stop();
    s.close();

    const failing = {
      mode: 'normal' as const,
      purgeExpired: () => {
        throw new StoreError('disk_full', 'the disk is full');
      },
    };
    const stopFailing = startPurgeJob(failing, { onError: (e) => errors.push(e.message) });
    vi.advanceTimersByTime(DAY_MS);
    expect(errors).toEqual(['the disk is full', 'the disk is full']);
    stopFailing();
  });

  it('leaves a read-only log alone', () => {
    const purge = vi.fn();
    startPurgeJob({ mode: 'read_only', purgeExpired: purge })();
    expect(purge).not.toHaveBeenCalled();
  });
});
