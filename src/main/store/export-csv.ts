/**
 * CSV of check entries for Excel in Japan: UTF-8 with a BOM, CRLF, Japanese headers and values.
 * By default the 保険者番号 and 被保険者等記号・番号・枝番 are replaced by a fixed mask (告知要求制限):
 * no tail is kept and the mask has one length, so not even the number of digits leaves the machine.
 */
import { DOCUMENT_NAMES } from '../../shared/rules/vocabulary.ts';
import type { CheckEntry } from '../../shared/store/records.ts';
import { jstDateTime } from './check-log.ts';
import {
  CSV_HEADERS,
  DECISION_WORDS,
  FALLBACK_WORDS,
  FIELD_WORDS,
  INSURER_TYPE_WORDS,
  NO,
  ONLINE_CHECK_WORDS,
  ratioWords,
  SOURCE_WORDS,
  VALUE_WORDS,
  YES,
} from './csv-words.ts';

/** Document fields that hold an insurer number or a 記号・番号・枝番, whatever the reader called them. */
export const MASKED_FIELD = /insurer|symbol|number|branch|記号|番号|枝番/i;
export const MASK = '***';

/** A logged field's value in words: ratios as 割, flags as あり/なし, codes by their table. */
function fieldValue(key: string, value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? YES : NO;
  if (key === 'burdenRatio' && typeof value === 'number') return ratioWords(value);
  return VALUE_WORDS[key]?.[String(value)] ?? String(value);
}

const H = CSV_HEADERS;
const COLUMNS: [string, (e: CheckEntry, masked: boolean) => string | number | undefined | null][] = [
  [H.id, (e) => e.id],
  [H.time, (e) => jstDateTime(e.at)],
  [H.checkDate, (e) => e.checkDate],
  [H.staff, (e) => e.staffName],
  [H.onlineCheck, (e) => ONLINE_CHECK_WORDS[e.facility.onlineCheck]],
  [H.name, (e) => e.patient.name],
  [H.birthDate, (e) => e.patient.birthDate],
  [H.insurerType, (e) => INSURER_TYPE_WORDS[e.patient.insurerType]],
  [H.documents, (e) => e.documents.map((d) => `${DOCUMENT_NAMES[d.kind].ja}（${SOURCE_WORDS[d.source]}）`).join(' / ')],
  [
    H.fields,
    (e, masked) =>
      e.documents
        .map(
          (d) =>
            `${DOCUMENT_NAMES[d.kind].ja}: ${Object.entries(d.fields)
              .map(([k, v]) => `${FIELD_WORDS[k] ?? k}=${masked && MASKED_FIELD.test(k) ? MASK : fieldValue(k, v)}`)
              .join(' ')}`,
        )
        .join(' / '),
  ],
  [H.decision, (e) => DECISION_WORDS[e.verdict.decision]],
  [H.fallback, (e) => (e.verdict.fallback ? FALLBACK_WORDS[e.verdict.fallback] : undefined)],
  [H.burdenRatio, (e) => (e.verdict.burdenRatio === undefined ? undefined : ratioWords(e.verdict.burdenRatio))],
  [H.rules, (e) => e.verdict.ruleIds.join(' ')],
  [H.rulebook, (e) => e.rulebookVersion],
  [H.app, (e) => e.appVersion],
  [H.note, (e) => e.note],
  [H.hash, (e) => e.hash],
];

/** Quotes when needed; a leading = + - @ is defused so Excel never runs a cell as a formula. */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(entries: readonly CheckEntry[], opts: { masked: boolean }): string {
  const lines = [COLUMNS.map(([h]) => csvCell(h)).join(',')];
  for (const e of entries) lines.push(COLUMNS.map(([, get]) => csvCell(get(e, opts.masked))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
