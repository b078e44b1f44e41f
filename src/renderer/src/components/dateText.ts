/** An ISO date as the screens show it: 和暦 first in Japanese (西暦 beside it), the day first in English. */
import { toWareki, ymdOf } from '../../../shared/dates/desk-date.ts';

export interface DateText {
  /** The big form: 昭和55年5月5日 (ja), 5 May 1980 (en). */
  main: string;
  /** The small form beside it: 1980年5月5日 (ja), 昭和55年5月5日 (en); empty before 明治. */
  sub: string;
}

const EN = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** null when `iso` is not a date (the caller shows nothing rather than the raw text). */
export function dateText(iso: string | null | undefined, language: string): DateText | null {
  const p = ymdOf(iso);
  if (!p) return null;
  const wareki = toWareki(iso) ?? '';
  const seireki = `${p.year}年${p.month}月${p.day}日`;
  if (language === 'en') return { main: EN.format(Date.UTC(p.year, p.month - 1, p.day)), sub: wareki };
  return wareki ? { main: wareki, sub: seireki } : { main: seireki, sub: '' };
}

/** One line: 昭和55年5月5日（1980年5月5日） / 5 May 1980 (昭和55年5月5日); '' when not a date. */
export function formatDate(iso: string | null | undefined, language: string): string {
  const d = dateText(iso, language);
  if (!d) return '';
  if (!d.sub) return d.main;
  return language === 'en' ? `${d.main} (${d.sub})` : `${d.main}（${d.sub}）`;
}
