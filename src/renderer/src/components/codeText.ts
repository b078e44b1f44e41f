/**
 * A code from main with its parameters, in the screen's language: dates in 和暦, field names as
 * their labels. Main never sends words; an unknown code is shown as the generic error, not raw.
 */
import type { TFunction } from 'i18next';
import { formatDate } from './dateText.ts';

// value/other: a reading of any field; only a date among them is reworded.
const DATE_PARAMS = new Set(['date', 'first', 'until', 'from', 'value', 'other']);
const FIELD_PARAMS = new Set(['field']);

export function codeText(
  code: string,
  params: Record<string, string | number | undefined> | undefined,
  t: TFunction,
  language: string,
): string {
  const shown: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v === undefined) continue;
    shown[k] =
      DATE_PARAMS.has(k) && typeof v === 'string'
        ? formatDate(v, language) || v
        : FIELD_PARAMS.has(k)
          ? t(`fields.${v}`)
          : v;
  }
  return t(code, { ...shown, defaultValue: t('error.unknown') });
}
