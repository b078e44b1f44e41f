/**
 * Calendar dates as ISO `YYYY-MM-DD` strings.
 *
 * Eligibility is decided per calendar day in Japan, never per instant, so dates are handled as
 * plain civil dates: no `Date` in local time, no time zone, no clock. Arithmetic goes through a
 * day number (days since 1970-01-01 in the proleptic Gregorian calendar).
 */

export type IsoDate = string;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 1 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

/** Parses a strict `YYYY-MM-DD`; null when malformed or not a real day (2026-02-30). */
export function parseIso(s: string): { y: number; m: number; d: number } | null {
  // Hand-rolled rather than a RegExp: this sits on the evaluation hot path (≥ 100k/s).
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y = digits(s, 0, 4),
    m = digits(s, 5, 2),
    d = digits(s, 8, 2);
  return y >= 0 && m >= 0 && d >= 0 && isValidYmd(y, m, d) ? { y, m, d } : null;
}

function digits(s: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function isIsoDate(s: string): boolean {
  return parseIso(s) !== null;
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

export function ymdToIso(y: number, m: number, d: number): IsoDate {
  const year = y >= 1000 ? String(y) : String(y).padStart(4, '0');
  return `${year}-${pad2(m)}-${pad2(d)}`;
}

function parts(date: IsoDate): { y: number; m: number; d: number } {
  const p = parseIso(date);
  if (!p) throw new RangeError(`not an ISO date: ${date}`);
  return p;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function toDayNumber(date: IsoDate): number {
  const { y: y0, m, d } = parts(date);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return ymdToIso(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Last day of the month containing `date`. */
export function endOfMonth(date: IsoDate): IsoDate {
  const { y, m } = parts(date);
  return ymdToIso(y, m, daysInMonth(y, m));
}

/** Last day of the month `months` after the month containing `date` (negative goes back). */
export function endOfMonthAfter(date: IsoDate, months: number): IsoDate {
  const { y, m } = parts(date);
  const idx = y * 12 + (m - 1) + months;
  const ny = Math.floor(idx / 12),
    nm = (idx % 12) + 1;
  return ymdToIso(ny, nm, daysInMonth(ny, nm));
}

/** Same day `years` later; 29 February falls back to 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const { y, m, d } = parts(date);
  const ny = y + years;
  return ymdToIso(ny, m, Math.min(d, daysInMonth(ny, m)));
}

export const compareIso = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);
export const minIso = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
export const maxIso = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);

/** Inclusive range check; an absent bound is open. ISO strings compare lexically. */
export function inRange(date: IsoDate, from: IsoDate | null | undefined, until: IsoDate | null | undefined): boolean {
  return (from == null || date >= from) && (until == null || date <= until);
}
