/** Dates: parsing, and the extractors of 生年月日, 交付年月日 and 有効期限. */
import { parseJapaneseDate } from '../../../shared/domain/wareki.ts';
import { ocrWarning } from '../../../shared/ocr/warnings.ts';
import { labelled, type Cell } from './cells.ts';
import type { Check, Context, Extractor, LabelRead } from './extractor.ts';
import { untilNextLabel } from './labels.ts';

/**
 * A 和暦 date (令和7年4月1日, R7.4.1, 昭23.11.28: the era's first kanji, printed on a 資格確認書 of the
 * independently written corpus) or a 西暦 one (2025年4月1日, 2025/4/1).
 */
const WAREKI = String.raw`(?:令和|平成|昭和|大正|[RHST令平昭大]\.?)\s*(?:\d{1,2}|元)\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?`;
const SEIREKI = String.raw`\d{4}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?`;
export const DATE_RE = new RegExp(`(${WAREKI}|${SEIREKI})`);

/**
 * A date these documents print is in 19xx or 20xx: 「2041/03/31」 read 「29041/03/31」 gave 9041.
 * Such a run is still date-shaped, so a garbled date is read again (garbled-dates.ts).
 */
const PRINTED_YEARS = /^(?:19|20)\d{2}-/;

export const isoOf = (printed: string): string | undefined => {
  const iso = parseJapaneseDate(printed.replace(/\s+/g, ''));
  return iso && PRINTED_YEARS.test(iso) ? iso : undefined;
};

export function dateAfter(value: string): string | undefined {
  const m = DATE_RE.exec(value);
  return m ? isoOf(m[1]!) : undefined;
}

/** Every date printed in `text`, in order, as YYYY-MM-DD. */
export const datesIn = (text: string): string[] =>
  [...text.matchAll(new RegExp(DATE_RE, 'g'))].map((m) => isoOf(m[1]!)).filter((d): d is string => d !== undefined);

const asRead = (iso: string | undefined): LabelRead | undefined => (iso ? { value: iso } : undefined);

/** Card fronts print 「1980年2月17日生」 without a label on the same line. */
const BORN = new RegExp(DATE_RE.source + '\\s*生');

/**
 * Where a date is printed beside its label but is no date as read (「2626年2月26日」: 0 read as 6), so
 * the second reader reads it there; the field itself stays empty.
 */
const unreadDateAt =
  (field: 'birthDate' | 'issueDate' | 'expiry', label: RegExp) =>
  (ctx: Context): void => {
    if (ctx.fields[field] || ctx.boxes[field]) return;
    for (const f of labelled(ctx.cells, label))
      if (!ctx.flagged.has(f.cell.line) && DATE_RE.test(f.value) && !dateAfter(f.value)) {
        const box = f.box ?? f.cell.box;
        if (box) ctx.boxes[field] = box;
        return;
      }
  };

const BIRTH_LABEL = /生年月日/;

export const birthDateExtractor: Extractor = {
  fields: ['birthDate'],
  labels: [{ pattern: BIRTH_LABEL, read: (f) => asRead(dateAfter(f.value)) }],
  fallbacks: [
    {
      id: 'born-suffix',
      evidence: 'the My Number Card front prints 「1980年2月17日生」 with no label',
      confidenceCap: 1,
      find: ({ cells }) => {
        const born = cells.find((l) => BORN.test(l.text));
        return born
          ? [{ field: 'birthDate', value: dateAfter(born.text), confidence: born.confidence * 0.9, from: born }]
          : [];
      },
    },
  ],
  after: unreadDateAt('birthDate', BIRTH_LABEL),
};

const ISSUE_LABEL = /(?<!再)交付(?:年月日|日)?|発行(?:年月日|日)/;

export const issueDateExtractor: Extractor = {
  fields: ['issueDate'],
  labels: [{ pattern: ISSUE_LABEL, read: (f) => asRead(dateAfter(f.value)) }],
  after: unreadDateAt('issueDate', ISSUE_LABEL),
};

/** 「令和8年7月31日まで」 or a range 「…から…まで」; never a 「…までに」 deadline. */
const UNTIL = new RegExp(DATE_RE.source + '\\s*まで(?!に)');
/** The cell with the card's own 「…まで有効」 (not the 電子証明書's expiry). */
const untilCell = (cells: Cell[]) =>
  cells.map((c) => ({ c, m: UNTIL.exec(c.text) })).find((x) => x.m && !/証明書/.test(x.c.text));

/**
 * A validity's last date: the end of a range 「…から…まで」. None when the text runs on to から
 * after the last date read: the end was printed but is no date as read (「2024/08/01 から
 * 29041/03/31 まで」 gave the start as the expiry), and another reading may have it.
 */
function rangeEnd(text: string): string | undefined {
  const found = [...text.matchAll(new RegExp(DATE_RE, 'g'))]
    .map((m) => ({ iso: isoOf(m[1]!), end: m.index + m[0].length }))
    .filter((d) => d.iso !== undefined);
  const last = found.at(-1);
  return last && !/から/.test(text.slice(last.end)) ? last.iso : undefined;
}

/** The document's own 有効期限 (or 有効期間), not the 電子証明書's. */
const EXPIRY_LABEL = /(?<!証明書の?)有効期[限間]/;

export const expiryExtractor: Extractor = {
  fields: ['expiry'],
  forms: [
    {
      // Before the label: 有効 itself is often misread on the card.
      id: 'until-suffix',
      evidence: 'the My Number Card prints its expiry as 「…まで有効」, 有効 often misread',
      confidenceCap: 1,
      find: ({ cells }) => {
        const until = untilCell(cells);
        return until
          ? [{ field: 'expiry', value: isoOf(until.m![1]!), confidence: until.c.confidence, from: until.c }]
          : [];
      },
    },
  ],
  labels: [{ pattern: EXPIRY_LABEL, read: (f) => asRead(rangeEnd(untilNextLabel(f.value))) }],
  // No date as read, but the second reader is told where it is: 「2025年12月95日まで有効」 (0 read as
  // 9), or beside its label 「叙和8年7月231日」, as for 交付 and 生年月日 (a clean fresh tuning
  // capture, where the second reader's page reading, its 有勁期限 repaired, gave the date first).
  after: (ctx) => {
    const box = untilCell(ctx.cells)?.c.box;
    if (!ctx.fields.expiry && box) ctx.boxes.expiry = box;
    unreadDateAt('expiry', EXPIRY_LABEL)(ctx);
  },
};

/**
 * Every other date on these documents (資格取得, 発効, 認定, 交付, 有効期限) comes after the birth:
 * a birth date on or after the 交付 or 有効期限, or after any date, is another date under a
 * misread label (「半年月日」 repaired to 生年月日), dropped. Checked before the dates are placed by
 * their order (the earliest date may then be the birth) and after.
 */
export const dropLateBirth: Check = ({ cells, flagged, fields, confidence, boxes, warnings }: Context) => {
  const { birthDate } = fields;
  if (!birthDate) return;
  const otherDates = cells.filter((c) => !flagged.has(c.line)).flatMap((c) => datesIn(c.text));
  if ([fields.issueDate, fields.expiry].some((d) => d && d <= birthDate) || otherDates.some((d) => d < birthDate)) {
    delete fields.birthDate;
    delete confidence.birthDate;
    delete boxes.birthDate;
    warnings.push(ocrWarning('ocr.birthDateNotBefore', { date: birthDate }));
  }
};
