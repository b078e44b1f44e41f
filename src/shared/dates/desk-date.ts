/**
 * Dates as desks type them, and back.
 *
 * Receptionists type a birth date the way it is printed or said: S55.5.5, S550505, 昭和55年5月5日,
 * 3550505 (元号コード + YYMMDD, as in レセプト電算), 19800505, 1980/5/5 — often with full-width
 * digits from the IME. Every form ends as an ISO date or a stable error code the screens word;
 * nothing here throws, so a typed date can never become an internal error.
 */
import { ageOn } from '../domain/age.ts';
import { isValidYmd, parseIso, ymdToIso, type IsoDate } from '../domain/dates.ts';
import { toHalfWidth } from '../domain/text.ts';
import { ERAS, formatWareki, type Era } from '../domain/wareki.ts';

export const DATE_ERROR_CODES = [
  'date.empty',
  'date.unreadable',
  'date.impossible',
  'date.before_meiji',
  'date.era_range',
  'date.birth_after_check',
] as const;
export type DateErrorCode = (typeof DATE_ERROR_CODES)[number];

export type DeskDateResult =
  { ok: true; iso: IsoDate } | { ok: false; code: DateErrorCode; params?: Record<string, string | number> };

/** 元号コード of レセプト電算 and the 被保険者証 barcode: 1 明治 … 5 令和. */
const ERA_CODES: Record<string, Era> = Object.fromEntries(ERAS.map((e, i) => [String(i + 1), e]));

/**
 * Years an era name stays in print after 改元: cards and certificates printed before 令和 carried
 * 平成32年 and later as expiry dates. Beyond this an era year is a typing mistake (昭和99年).
 */
const OVERFLOW_YEARS = 5;

const MEIJI_START = ERAS[0]!.start;

const ERA_TOKEN = `(${ERAS.map((e) => e.name).join('|')}|[${ERAS.map((e) => e.letter + e.letter.toLowerCase() + e.kanji).join('')}])`;
// 昭和55年5月5日 / S55年5月5日 / 令和元年5月1日
const ERA_KANJI_RE = new RegExp(`^${ERA_TOKEN}\\.?(元|\\d{1,2})年(\\d{1,2})月(\\d{1,2})日?$`);
// S55.5.5 / S.55.5.5 / 昭55/5/5 / R元.5.1 — one separator used consistently.
const ERA_SEP_RE = new RegExp(`^${ERA_TOKEN}\\.?(元|\\d{1,2})([./-])(\\d{1,2})\\3(\\d{1,2})$`);
// S550505 / 昭和550505
const ERA_PACKED_RE = new RegExp(`^${ERA_TOKEN}(\\d{2})(\\d{2})(\\d{2})$`);
// 3550505
const ERA_CODE_RE = /^([1-5])(\d{2})(\d{2})(\d{2})$/;
// 1980-05-05 / 1980/5/5 / 1980.5.5
const SEIREKI_SEP_RE = /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})$/;
// 1980年5月5日
const SEIREKI_KANJI_RE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
// 19800505
const SEIREKI_PACKED_RE = /^(\d{4})(\d{2})(\d{2})$/;

function eraOf(token: string): Era | undefined {
  const upper = token.toUpperCase();
  return ERAS.find((e) => e.name === token || e.kanji === token || e.letter === upper);
}

const eraYear = (y: string) => (y === '元' ? 1 : Number(y));

function fromSeireki(y: number, m: number, d: number): DeskDateResult {
  if (!isValidYmd(y, m, d)) return { ok: false, code: 'date.impossible' };
  const iso = ymdToIso(y, m, d);
  return iso < MEIJI_START ? { ok: false, code: 'date.before_meiji' } : { ok: true, iso };
}

function fromEra(era: Era, year: number, m: number, d: number): DeskDateResult {
  const startYear = Number(era.start.slice(0, 4));
  const y = startYear + year - 1;
  if (year < 1 || !isValidYmd(y, m, d)) return { ok: false, code: 'date.impossible' };
  const iso = ymdToIso(y, m, d);
  const next = ERAS[ERAS.indexOf(era) + 1];
  const lastYear = next ? Number(next.start.slice(0, 4)) - startYear + 1 : Infinity;
  if (iso < era.start || year > lastYear + OVERFLOW_YEARS) {
    return {
      ok: false,
      code: 'date.era_range',
      params: { era: era.name, first: era.start, ...(next ? { last: lastYear } : {}) },
    };
  }
  return { ok: true, iso };
}

/** Parses what was typed into a date field. Never throws. */
export function parseDeskDate(text: string | null | undefined): DeskDateResult {
  const s = toHalfWidth(text ?? '').replace(/[\s\u3000]+/g, '');
  if (s === '') return { ok: false, code: 'date.empty' };

  let m = ERA_KANJI_RE.exec(s) ?? ERA_SEP_RE.exec(s);
  if (m) {
    const [month, day] = m.length === 6 ? [m[4], m[5]] : [m[3], m[4]];
    return fromEra(eraOf(m[1]!)!, eraYear(m[2]!), Number(month), Number(day));
  }
  if ((m = ERA_PACKED_RE.exec(s))) return fromEra(eraOf(m[1]!)!, Number(m[2]), Number(m[3]), Number(m[4]));
  if ((m = ERA_CODE_RE.exec(s))) return fromEra(ERA_CODES[m[1]!]!, Number(m[2]), Number(m[3]), Number(m[4]));
  if ((m = SEIREKI_SEP_RE.exec(s))) return fromSeireki(Number(m[1]), Number(m[3]), Number(m[4]));
  if ((m = SEIREKI_KANJI_RE.exec(s) ?? SEIREKI_PACKED_RE.exec(s)))
    return fromSeireki(Number(m[1]), Number(m[2]), Number(m[3]));
  return { ok: false, code: 'date.unreadable' };
}

/**
 * A birth date typed at the desk: as parseDeskDate, and not after the day of the check (a future
 * birth date is a typing mistake the rules must never see).
 */
export function parseBirthDate(text: string | null | undefined, checkDate: IsoDate): DeskDateResult {
  const r = parseDeskDate(text);
  return r.ok && r.iso > checkDate ? { ok: false, code: 'date.birth_after_check' } : r;
}

/** 和暦 of an ISO date (昭和55年5月5日, 元年 for year 1; short: S55.5.5); null before 明治 or when not a date. */
export function toWareki(iso: string | null | undefined, style: 'long' | 'short' = 'long'): string | null {
  if (!iso || !parseIso(iso) || iso < MEIJI_START) return null;
  return formatWareki(iso, style);
}

/** Year, month and day of an ISO date as numbers, for 西暦 display in any language; null when not a date. */
export function ymdOf(iso: string | null | undefined): { year: number; month: number; day: number } | null {
  const p = iso ? parseIso(iso) : null;
  return p ? { year: p.y, month: p.m, day: p.d } : null;
}

/** Completed years on `onDate`; null when either is not a date or the birth date is after it. */
export function ageOnDate(birthDate: string | null | undefined, onDate: string | null | undefined): number | null {
  if (!birthDate || !onDate || !parseIso(birthDate) || !parseIso(onDate) || birthDate > onDate) return null;
  return ageOn(birthDate, onDate);
}
