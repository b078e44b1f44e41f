/**
 * CSV of check entries for Excel in Japan: UTF-8 with a BOM, CRLF, one bilingual header row.
 * By default the 保険者番号 and 被保険者等記号・番号・枝番 are replaced by a fixed mask (告知要求制限):
 * no tail is kept and the mask has one length, so not even the number of digits leaves the machine.
 */
import { DOCUMENT_NAMES } from '../../shared/rules/vocabulary.ts';
import type { CheckEntry } from '../../shared/store/records.ts';
import { jstDateTime } from './check-log.ts';

/** Document fields that hold an insurer number or a 記号・番号・枝番, whatever the reader called them. */
export const MASKED_FIELD = /insurer|symbol|number|branch|記号|番号|枝番/i;
export const MASK = '***';

const COLUMNS: [string, (e: CheckEntry, masked: boolean) => string | number | undefined | null][] = [
  ['番号/id', (e) => e.id],
  ['日時/time', (e) => jstDateTime(e.at)],
  ['確認日/check date', (e) => e.checkDate],
  ['担当/staff', (e) => e.staffName],
  ['オンライン資格確認/online check', (e) => e.facility.onlineCheck],
  ['氏名/name', (e) => e.patient.name],
  ['生年月日/birth date', (e) => e.patient.birthDate],
  ['保険種別/insurer type', (e) => e.patient.insurerType],
  ['提示書類/documents', (e) => e.documents.map((d) => `${DOCUMENT_NAMES[d.kind].ja}[${d.source}]`).join(' / ')],
  [
    '書類の項目/document fields',
    (e, masked) =>
      e.documents
        .map((d) => `${DOCUMENT_NAMES[d.kind].ja}: ${Object.entries(d.fields).map(([k, v]) => `${k}=${masked && MASKED_FIELD.test(k) ? MASK : String(v)}`).join(' ')}`)
        .join(' / '),
  ],
  ['判定/decision', (e) => e.verdict.decision],
  ['代替/fallback', (e) => e.verdict.fallback],
  ['負担割合/burden ratio', (e) => e.verdict.burdenRatio],
  ['ルール/rules', (e) => e.verdict.ruleIds.join(' ')],
  ['ルールブック/rulebook', (e) => e.rulebookVersion],
  ['アプリ/app', (e) => e.appVersion],
  ['備考/note', (e) => e.note],
  ['ハッシュ/hash', (e) => e.hash],
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
