/** The retention job: purge at start, then once a day while the app runs. */
import type { StoreService } from './store-service.ts';

export const DAY_MS = 86_400_000;

/**
 * Runs store.purgeExpired() now and every `everyMs`; returns a function that stops it. A failure
 * (disk full, a damaged log) is reported and retried next time, never thrown from the timer.
 */
export function startPurgeJob(
  store: Pick<StoreService, 'mode' | 'purgeExpired'>,
  opts: {
    everyMs?: number;
    onPurged?: (r: { checks: number; images: number }) => void;
    onError?: (e: Error) => void;
  } = {},
): () => void {
  const run = () => {
    if (store.mode !== 'normal') return;
    try {
      const r = store.purgeExpired();
      if (r.checks + r.images > 0) opts.onPurged?.(r);
    } catch (e) {
      opts.onError?.(e as Error);
    }
  };
  run();
  const timer = setInterval(run, opts.everyMs ?? DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
