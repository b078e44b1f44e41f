/**
 * Ages and the age bands that insurance rules turn on. Pure: the date is always an argument.
 *
 * Bands follow the insurance law, not plain completed years:
 * - preschool: 義務教育就学前 — until the first 31 March on or after the day the child "reaches 6"
 *   (健康保険法 第74条: 6歳に達する日以後の最初の3月31日以前), 2割.
 * - elderly: 高齢受給者 (70–74) — from the 1st of the month after the 70th birthday, or the birthday
 *   itself when born on the 1st (70歳に達する日の属する月の翌月1日), until the day before the 75th birthday.
 * - late_elderly: 後期高齢者医療 — from the 75th birthday.
 */
import { addDays, addYears, endOfMonth, parseIso, ymdToIso, type IsoDate } from './dates.ts';

export type AgeBand = 'preschool' | 'general' | 'elderly' | 'late_elderly';
export const AGE_BANDS: readonly AgeBand[] = ['preschool', 'general', 'elderly', 'late_elderly'];

function ymd(date: IsoDate): { y: number; m: number; d: number } {
  const p = parseIso(date);
  if (!p) throw new RangeError(`not an ISO date: ${date}`);
  return p;
}

/**
 * The Nth birthday. Someone born on 29 February has it on 1 March in a common year: under
 * 年齢計算ニ関スル法律 the age is reached at the end of 28 February, so the new age holds from 1 March.
 */
export function nthBirthday(birthDate: IsoDate, n: number): IsoDate {
  const { y, m, d } = ymd(birthDate);
  const shifted = addYears(birthDate, n);
  return m === 2 && d === 29 && shifted.endsWith('-02-28') ? ymdToIso(y + n, 3, 1) : shifted;
}

/** Completed years on `date` (0 on the day of birth); negative before birth is clamped to -1. */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  if (date < birthDate) return -1;
  const years = ymd(date).y - ymd(birthDate).y;
  return date >= nthBirthday(birthDate, years) ? years : years - 1;
}

/** Last day of the 未就学児 (2割) period. "Reaching 6" is the day before the 6th birthday. */
export function preschoolUntil(birthDate: IsoDate): IsoDate {
  const reaches6 = addDays(nthBirthday(birthDate, 6), -1);
  const { y, m } = ymd(reaches6);
  return ymdToIso(m <= 3 ? y : y + 1, 3, 31);
}

/** First day of the 高齢受給者 (70–74) period. */
export function elderlyFrom(birthDate: IsoDate): IsoDate {
  // 70歳に達する日（誕生日の前日）の属する月の翌月1日: born on the 1st → the birthday itself.
  return addDays(endOfMonth(addDays(nthBirthday(birthDate, 70), -1)), 1);
}

/** First day of 後期高齢者医療: the 75th birthday. */
export function lateElderlyFrom(birthDate: IsoDate): IsoDate {
  return nthBirthday(birthDate, 75);
}

export interface AgeMilestones {
  preschoolUntil: IsoDate;
  elderlyFrom: IsoDate;
  lateElderlyFrom: IsoDate;
}

export function ageMilestones(birthDate: IsoDate): AgeMilestones {
  return {
    preschoolUntil: preschoolUntil(birthDate),
    elderlyFrom: elderlyFrom(birthDate),
    lateElderlyFrom: lateElderlyFrom(birthDate),
  };
}

export function bandOn(m: AgeMilestones, date: IsoDate): AgeBand {
  if (date >= m.lateElderlyFrom) return 'late_elderly';
  if (date >= m.elderlyFrom) return 'elderly';
  if (date <= m.preschoolUntil) return 'preschool';
  return 'general';
}

export function ageBand(birthDate: IsoDate, date: IsoDate): AgeBand {
  return bandOn(ageMilestones(birthDate), date);
}
