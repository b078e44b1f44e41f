/**
 * Documents that disagree about the patient. Two documents with different birth dates or insurer
 * numbers are two people (or a mistake) — the desk must see it before relying on a verdict. Pure:
 * codes and the values compared; the screens word them.
 */
import { ageBand, ageOn, type AgeBand } from '../domain/age.ts';
import { isIsoDate, type IsoDate } from '../domain/dates.ts';
import { toHalfWidth } from '../domain/text.ts';
import { BURDEN_RATIOS, type BurdenRatio, type DocumentKind } from '../rules/vocabulary.ts';
import type { FieldValues } from './document-fields.ts';
import { nameKey } from './name-variants.ts';

export const CONTRADICTION_CODES = [
  'contradiction.name',
  'contradiction.birthDate',
  'contradiction.insurerNumber',
  'contradiction.symbol',
  'contradiction.number',
  'contradiction.branch',
  'contradiction.burdenRatioAge',
  'contradiction.expiryBeforeIssue',
] as const;
export type ContradictionCode = (typeof CONTRADICTION_CODES)[number];

export type ComparedField =
  'name' | 'birthDate' | 'insurerNumber' | 'symbol' | 'number' | 'branch' | 'burdenRatio' | 'expiry';

/** One document as the check holds it (`id` lets the screens point at it). */
export interface FactsDocument {
  id?: string;
  kind: DocumentKind;
  values: FieldValues;
}

/** 基本4情報 read from the card's chip with the PIN (the address never leaves main). */
export interface CardBasicInfo {
  name: string;
  birthDate: IsoDate;
}

export interface ContradictionSide {
  documentKind: DocumentKind;
  documentId?: string;
  /** As printed or read (not folded): dates ISO, the ratio as "0.3". */
  value: string;
}

export interface Contradiction {
  code: ContradictionCode;
  field: ComparedField;
  a: ContradictionSide;
  b: ContradictionSide;
  /** contradiction.burdenRatioAge: the age and band on the check date. */
  params?: { age: number; band: AgeBand };
}

/** The ratios that can be printed for each age band on the check date. */
export const RATIOS_BY_BAND: Record<AgeBand, readonly BurdenRatio[]> = {
  // 義務教育就学前: 2割 (健康保険法 第74条第1項第2号)
  preschool: [0.2],
  // 3割 (同第1号)
  general: [0.3],
  // 70–74: 2割, 現役並み所得 3割 (同第3号); the 1割 特例 ended for those born before 1944-04-01, now 75+
  elderly: [0.2, 0.3],
  // 後期高齢者: 1割, 一定以上所得 2割 (2022-10), 現役並み 3割 (高齢者医療確保法 第67条)
  late_elderly: [0.1, 0.2, 0.3],
};

const digitsOnly = (s: string) => toHalfWidth(s).replace(/[\s\u3000-]/g, '');
const token = (s: string) => toHalfWidth(s.normalize('NFKC')).replace(/[\s\u3000\-ー・]/g, '');

interface Compared {
  field: ComparedField;
  code: ContradictionCode;
  key(value: string): string;
}

const COMPARED: readonly Compared[] = [
  { field: 'name', code: 'contradiction.name', key: nameKey },
  { field: 'birthDate', code: 'contradiction.birthDate', key: (v) => (isIsoDate(v) ? v : '') },
  { field: 'insurerNumber', code: 'contradiction.insurerNumber', key: digitsOnly },
  { field: 'symbol', code: 'contradiction.symbol', key: token },
  { field: 'number', code: 'contradiction.number', key: token },
  // 枝番 is printed as 01 or 1.
  { field: 'branch', code: 'contradiction.branch', key: (v) => token(v).replace(/^0+(?=\d)/, '') },
];

interface Source {
  side: ContradictionSide;
  key: string;
}

function side(d: FactsDocument, value: string): ContradictionSide {
  return d.id === undefined ? { documentKind: d.kind, value } : { documentKind: d.kind, documentId: d.id, value };
}

/**
 * Every disagreement: for each field, the documents are grouped by the folded value and the first
 * document of the first group is set against the first of every other group (so n readings give
 * n−1 findings, not every pair). The card's 基本4情報, when read, come first.
 */
export function findContradictions(
  documents: readonly FactsDocument[],
  card: CardBasicInfo | undefined,
  checkDate: IsoDate,
): Contradiction[] {
  const all: FactsDocument[] = card
    ? [{ kind: 'mynumber_card', id: 'card', values: { name: card.name, birthDate: card.birthDate } }, ...documents]
    : [...documents];
  const found: Contradiction[] = [];

  for (const c of COMPARED) {
    const groups = new Map<string, Source>();
    for (const d of all) {
      const value = d.values[c.field]?.trim();
      if (!value) continue;
      const key = c.key(value);
      if (key && !groups.has(key)) groups.set(key, { side: side(d, value), key });
    }
    const [first, ...others] = groups.values();
    for (const o of others) found.push({ code: c.code, field: c.field, a: first!.side, b: o.side });
  }

  const birth = all.find((d) => d.values.birthDate && isIsoDate(d.values.birthDate) && d.values.birthDate <= checkDate);
  if (birth) {
    const birthDate = birth.values.birthDate!;
    const band = ageBand(birthDate, checkDate);
    for (const d of all) {
      const ratio = d.values.burdenRatio;
      const printed = Number(ratio);
      // An unreadable ratio is the form's business; only a real ratio can contradict the age.
      if (
        !ratio ||
        !(BURDEN_RATIOS as readonly number[]).includes(printed) ||
        (RATIOS_BY_BAND[band] as readonly number[]).includes(printed)
      )
        continue;
      found.push({
        code: 'contradiction.burdenRatioAge',
        field: 'burdenRatio',
        a: side(d, ratio),
        b: side(birth, birthDate),
        params: { age: ageOn(birthDate, checkDate), band },
      });
    }
  }

  for (const d of all) {
    const { issueDate, expiry } = d.values;
    if (issueDate && expiry && isIsoDate(issueDate) && isIsoDate(expiry) && expiry < issueDate) {
      found.push({
        code: 'contradiction.expiryBeforeIssue',
        field: 'expiry',
        a: side(d, issueDate),
        b: side(d, expiry),
      });
    }
  }
  return found;
}
