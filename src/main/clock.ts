/** Today in Japan (JST has no daylight saving): eligibility and certificate dates are Japanese calendar days. */
import type { IsoDate } from '../shared/domain/dates.ts';

export function todayInJapan(now = Date.now()): IsoDate {
  return new Date(now + 9 * 3600_000).toISOString().slice(0, 10);
}
