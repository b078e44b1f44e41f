/**
 * 和暦 ⇄ 西暦.
 *
 * Insurance cards and 資格確認書 print dates in 和暦 (令和7年7月31日, R7.7.31) while the rest of
 * the app works on ISO dates, so every date typed or read at the desk goes through here.
 */

import { isValidYmd, ymdToIso, parseIso, compareIso, type IsoDate } from './dates.ts';
import { toHalfWidth } from './text.ts';

export interface Era {
  /** e.g. 令和 */
  readonly name: string;
  /** One-letter abbreviation used in short forms (R7.7.31). */
  readonly letter: string;
  /** One-kanji abbreviation (令7.7.31). */
  readonly kanji: string;
  /** First day of the era (元年 starts here, not on 1 January). */
  readonly start: IsoDate;
}

/** Oldest first. */
export const ERAS: readonly Era[] = [
  // 明治 used the lunisolar calendar until 明治6年; this start is only approximate and kept for completeness.
  { name: '明治', letter: 'M', kanji: '明', start: '1868-01-25' },
  { name: '大正', letter: 'T', kanji: '大', start: '1912-07-30' },
  { name: '昭和', letter: 'S', kanji: '昭', start: '1926-12-25' },
  { name: '平成', letter: 'H', kanji: '平', start: '1989-01-08' },
  { name: '令和', letter: 'R', kanji: '令', start: '2019-05-01' },
];

const ERA_NAMES = ERAS.map((e) => e.name).join('|');
const ERA_ABBRS = ERAS.flatMap((e) => [e.letter, e.kanji]).join('');

// 令和7年7月31日 / 令和 元 年 5 月 1 日
const LONG_RE = new RegExp(`^(${ERA_NAMES}) ?(元|\\d{1,2}) ?年 ?(\\d{1,2}) ?月 ?(\\d{1,2}) ?日$`);
// R7.7.31 / R.7.7.31 / 令7.7.31 / R7/7/31 / R7-7-31 — one separator used consistently.
const SHORT_RE = new RegExp(`^([${ERA_ABBRS}])\\.? ?(\\d{1,2})([./-])(\\d{1,2})\\3(\\d{1,2})$`, 'i');
// 2025/07/31 / 2025-07-31 / 2025.7.31
const SEIREKI_SEP_RE = /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})$/;
// 2025年7月31日
const SEIREKI_KANJI_RE = /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日$/;

function eraBy(token: string): Era | undefined {
  const t = token.toUpperCase();
  return ERAS.find((e) => e.name === token || e.kanji === token || e.letter === t);
}

function seireki(y: number, m: number, d: number): IsoDate | null {
  return isValidYmd(y, m, d) ? ymdToIso(y, m, d) : null;
}

function fromEra(era: Era, eraYear: number, m: number, d: number): IsoDate | null {
  if (eraYear < 1) return null;
  const startYear = Number(era.start.slice(0, 4));
  const iso = seireki(startYear + eraYear - 1, m, d);
  // Dates before the era began did not exist under that name (令和1年4月30日 was 平成31年).
  // Dates after the era ended are accepted: cards printed before 改元 carry 平成32年 etc.
  if (iso === null || compareIso(iso, era.start) < 0) return null;
  return iso;
}

/**
 * Parses a 和暦 or 西暦 date as printed on insurance documents; null when the text is not one of
 * the accepted forms or not a real day. Full-width input is accepted.
 */
export function parseJapaneseDate(input: string): IsoDate | null {
  const s = toHalfWidth(input).trim().replace(/\s+/g, ' ');

  let m = LONG_RE.exec(s);
  if (m) {
    const era = eraBy(m[1]!);
    const year = m[2] === '元' ? 1 : Number(m[2]);
    return era ? fromEra(era, year, Number(m[3]), Number(m[4])) : null;
  }
  m = SHORT_RE.exec(s);
  if (m) {
    const era = eraBy(m[1]!);
    return era ? fromEra(era, Number(m[2]), Number(m[4]), Number(m[5])) : null;
  }
  m = SEIREKI_SEP_RE.exec(s);
  if (m) return seireki(Number(m[1]), Number(m[3]), Number(m[4]));
  m = SEIREKI_KANJI_RE.exec(s);
  if (m) return seireki(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/**
 * Formats an ISO date in 和暦: long `令和7年7月31日` (year 1 as 元年) or short `R7.7.31`.
 * Throws RangeError for malformed dates and dates before 明治.
 */
export function formatWareki(date: IsoDate, style: 'long' | 'short' = 'long'): string {
  const p = parseIso(date);
  if (!p) throw new RangeError(`not an ISO date: ${date}`);
  // Newest era that had already begun on `date`.
  const era = ERAS.findLast((e) => compareIso(e.start, date) <= 0);
  if (!era) throw new RangeError(`date before 明治: ${date}`);
  const year = p.y - Number(era.start.slice(0, 4)) + 1;
  return style === 'long'
    ? `${era.name}${year === 1 ? '元' : year}年${p.m}月${p.d}日`
    : `${era.letter}${year}.${p.m}.${p.d}`;
}
