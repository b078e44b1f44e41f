/** Dates: parsing, and the fallbacks that give a date its field when its label is unreadable. */
import { parseJapaneseDate } from '../../../shared/domain/wareki.ts';
import { ocrWarning, type OcrWarning } from '../../../shared/ocr/warnings.ts';
import type { DocumentKind } from '../../../shared/rules/vocabulary.ts';
import { first, type Cell, type Found } from './cells.ts';
import { distance } from './edit-distance.ts';
import type { ExtractedFields } from './fields.ts';
import { LEAD } from './labels.ts';

export const DATE_RE =
  /((?:令和|平成|昭和|大正|[RHST]\.?)\s*(?:\d{1,2}|元)\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?|\d{4}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?)/;

export const isoOf = (printed: string): string | undefined =>
  parseJapaneseDate(printed.replace(/\s+/g, '')) ?? undefined;

export function dateAfter(value: string): string | undefined {
  const m = DATE_RE.exec(value);
  return m ? isoOf(m[1]!) : undefined;
}

/** Every date printed in `text`, in order, as YYYY-MM-DD. */
export const datesIn = (text: string): string[] =>
  [...text.matchAll(new RegExp(DATE_RE, 'g'))].map((m) => isoOf(m[1]!)).filter((d): d is string => d !== undefined);

type DateField = 'birthDate' | 'issueDate' | 'expiry';
interface DateGuess {
  field: DateField;
  iso: string;
  confidence: number;
  /** Why the date was given this field, for the warning staff see. */
  reason: {
    code: 'ocr.dateBesideBlurredLabel' | 'ocr.dateEarliest' | 'ocr.dateLatest' | 'ocr.dateBeforeIssuer';
    params?: Record<string, string>;
  };
  /** The fallback that placed it (for the bench's count). */
  rule: string;
}
/** Labels printed before a date; the ones that are no field still compete, so 資格取得年月日 is not taken for 交付年月日. */
const DATE_LABELS: [DateField | undefined, string][] = [
  ['birthDate', '生年月日'],
  ['issueDate', '交付年月日'],
  ['issueDate', '発行年月日'],
  ['expiry', '有効期限'],
  ['expiry', '有効期間'],
  [undefined, '資格取得年月日'],
  [undefined, '発効期日'],
  [undefined, '認定年月日'],
  [undefined, '適用開始年月日'],
];

/** The cell printed just before `cell`: on its left in the same row, else right above it. */
function labelCellOf(cells: Cell[], cell: Cell): Cell | undefined {
  const b = cell.box;
  if (!b) return undefined;
  const h = b.y1 - b.y0;
  const left = cells
    .filter((c) => c.line === cell.line && c.box && c.box.x1 <= b.x0 + h * 0.3)
    .sort((p, q) => q.box!.x1 - p.box!.x1)[0];
  if (left) return left;
  const overlap = (c: Cell) => Math.min(c.box!.x1, b.x1) - Math.max(c.box!.x0, b.x0);
  return cells
    .filter((c) => c.box && c !== cell && c.box.y1 <= b.y0 + h * 0.3 && b.y0 - c.box.y1 < h * 2 && overlap(c) > h * 0.3)
    .sort((p, q) => q.box!.y1 - p.box!.y1)[0];
}

/**
 * Dates whose label was read too badly for the label patterns (small print on a low-resolution
 * capture: 「付年月日」, 「を月日」): the few glyphs before the date are compared with every date
 * label, and a date is given a field only when one label clearly fits better than all others
 * (a field-less label such as 資格取得年月日 competes too) and the dates agree with each other (a
 * birth date before the issue date, an expiry after it). The caller marks such a field for
 * confirmation.
 */
export function guessDateRoles(cells: Cell[], known: ExtractedFields): DateGuess[] {
  const taken = new Set([known.birthDate, known.issueDate, known.expiry].filter(Boolean));
  const found: DateGuess[] = [];
  for (const cell of cells) {
    const m = DATE_RE.exec(cell.text);
    if (!m) continue;
    const iso = isoOf(m[1]!);
    if (!iso || taken.has(iso)) continue;
    const before = cell.text.slice(0, m.index).replace(LEAD, '').trim();
    const label = (before || labelCellOf(cells, cell)?.text || '').replace(/[^\p{L}]/gu, '');
    // The マイナンバーカード's 電子証明書の有効期限 is not the document's.
    if (label.length < 2 || /証明書/.test(label)) continue;
    const scores = DATE_LABELS.map(([field, l]) => {
      // The label's end is what is printed right before the value: compare that much of it.
      const tail = label.slice(-l.length);
      return { field, score: 1 - distance(tail, l) / l.length };
    }).sort((a, b) => b.score - a.score);
    const [best, second] = [scores[0]!, scores.find((x) => x.field !== scores[0]!.field)!];
    if (
      !best.field ||
      best.score < 0.5 ||
      best.score - second.score < 0.2 ||
      known[best.field] ||
      found.some((f) => f.field === best.field)
    )
      continue;
    found.push({
      field: best.field,
      iso,
      confidence: cell.confidence * best.score,
      reason: { code: 'ocr.dateBesideBlurredLabel', params: { label } },
      rule: 'date-label-guess',
    });
  }
  const all = { ...known, ...Object.fromEntries(found.map((f) => [f.field, f.iso])) } as ExtractedFields;
  // Dates that contradict each other are not offered at all.
  const consistent = (f: DateField, iso: string) =>
    f === 'birthDate'
      ? [all.issueDate, all.expiry].every((d) => !d || d > iso)
      : f === 'expiry'
        ? [all.issueDate, all.birthDate].every((d) => !d || d < iso)
        : [all.birthDate].every((d) => !d || d < iso) && (!all.expiry || all.expiry > iso);
  return found.filter((f) => consistent(f.field, f.iso));
}

/**
 * `kind`, when the document's kind is known, lets a date whose label could not be read at all
 * take its field from what every such document prints (see extremeDates).
 */
/** Kinds that always print an 有効期限 (or the end of an 有効期間): 資格確認書 by law, the others by their forms. */
const ALWAYS_EXPIRE: ReadonlySet<string> = new Set<DocumentKind>([
  'qualification_certificate',
  'elderly_recipient_certificate',
  'limit_certificate',
  'public_subsidy_certificate',
]);

/**
 * Dates no label could be read for, placed by what the dates on a document are: the birth date
 * precedes every other date printed about the person (資格取得, 交付, 発効, 有効期限), and on a kind
 * that always has one, the 有効期限 follows every other date. Only a date that stands clearly apart
 * (a year from the next) is taken; the caller marks it for confirmation.
 */
export function extremeDates(
  cells: Cell[],
  known: ExtractedFields,
  flagged: Set<number>,
  kind: string | undefined,
): DateGuess[] {
  const dates = cells
    .filter((c) => !flagged.has(c.line))
    .flatMap((c) => datesIn(c.text).map((iso) => ({ iso, c })))
    // The マイナンバーカード's 電子証明書 expiry and its 「…まで有効」 are not the document's.
    .filter((d) => !/証明書|まで有効/.test(d.c.text))
    .sort((a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0));
  const distinct = [...new Set(dates.map((d) => d.iso))];
  if (distinct.length < 2) return [];
  const yearApart = (a: string, b: string) =>
    Number(b.slice(0, 4)) - Number(a.slice(0, 4)) >= 2 ||
    (Number(b.slice(0, 4)) - Number(a.slice(0, 4)) === 1 && b.slice(5) >= a.slice(5));
  const out: DateGuess[] = [];
  const [earliest, next] = [distinct[0]!, distinct[1]!];
  if (!known.birthDate && yearApart(earliest, next) && earliest !== known.issueDate && earliest !== known.expiry) {
    out.push({
      field: 'birthDate',
      iso: earliest,
      confidence: 0.4,
      reason: { code: 'ocr.dateEarliest' },
      rule: 'date-earliest',
    });
  }
  const [latest, before] = [distinct.at(-1)!, distinct.at(-2)!];
  if (
    !known.expiry &&
    kind &&
    ALWAYS_EXPIRE.has(kind) &&
    latest > before &&
    latest !== known.issueDate &&
    latest !== known.birthDate &&
    (!known.issueDate || latest > known.issueDate)
  ) {
    out.push({
      field: 'expiry',
      iso: latest,
      confidence: 0.4,
      reason: { code: 'ocr.dateLatest' },
      rule: 'date-latest',
    });
  }
  return out;
}

/** The 電子証明書の有効期限 printed on the card's front (「証明書」 alone when the rest is misread). */
const CERTIFICATE_EXPIRY = /(?:電子)?証明書の?\S?有効期[限間]|電子\S?明書|証明書の/;

/**
 * The My Number Card's front has two expiries: the card's own (「…まで有効」, taken as `expiry`
 * too) and its 電子証明書's, usually earlier (the 5th birthday after issue, the card's the 10th
 * for adults). Both are fields of their own. With the certificate's label unreadable, the one
 * date left on the card that is neither the birth date nor the card's expiry is the
 * certificate's, for confirmation.
 */
export function myNumberCardExpiries(
  cells: Cell[],
  kind: DocumentKind | 'unknown' | undefined,
  flagged: Set<number>,
  fields: ExtractedFields,
  expiryConfidence: number,
  set: (
    k: 'cardExpiry' | 'certificateExpiry',
    v: string | undefined,
    c: number,
    rule?: string,
    from?: Found | Cell,
  ) => void,
  warnings: OcrWarning[],
): void {
  // Only the card carries a 電子証明書 (an お知らせ may mention one in its notes).
  if (kind && kind !== 'unknown' && kind !== 'mynumber_card') return;
  const certificate = first(cells, CERTIFICATE_EXPIRY, (f) =>
    flagged.has(f.cell.line) ? undefined : datesIn(f.value)[0],
  );
  if (certificate) set('certificateExpiry', certificate.v, certificate.f.confidence, 'label', certificate.f);
  if (kind !== 'mynumber_card') return;
  if (fields.expiry) set('cardExpiry', fields.expiry, expiryConfidence, 'until-suffix');
  if (fields.certificateExpiry) return;
  const left = [...new Set(cells.filter((c) => !flagged.has(c.line)).flatMap((c) => datesIn(c.text)))].filter(
    (d) => d !== fields.birthDate && d !== fields.expiry && (!fields.birthDate || d > fields.birthDate),
  );
  if (left.length === 1) {
    set('certificateExpiry', left[0], 0.5, 'certificate-date-left');
    warnings.push(ocrWarning('ocr.certificateExpiryWithoutLabel', { date: left[0]! }));
  }
}

/** A prefecture or municipality or its head, as the issuer signs a certificate (群馬県, 船橋市長). */
const ISSUER = /^\p{Script=Han}{1,6}[都道府県市区町村](?:知事|長)?$/u;

/**
 * A date printed right before the issuer's name is the 交付年月日 (公費 certificates and notices
 * sign 「令和6年7月24日 船橋市長」), when the label itself could not be read.
 */
export function issuerDate(cells: Cell[], known: ExtractedFields, flagged: Set<number>): DateGuess[] {
  if (known.issueDate) return [];
  for (const c of cells) {
    const m = flagged.has(c.line) ? null : DATE_RE.exec(c.text);
    const iso = m ? isoOf(m[1]!) : undefined;
    if (!m || !iso || iso === known.birthDate || iso === known.expiry) continue;
    const issuer =
      c.text.slice(m.index + m[0].length).trim() ||
      cells.find((d) => d.line === c.line && d.box && c.box && d.box.x0 > c.box.x1)?.text ||
      '';
    if (!ISSUER.test(issuer) || (known.birthDate && known.birthDate >= iso) || (known.expiry && known.expiry <= iso))
      continue;
    return [
      {
        field: 'issueDate',
        iso,
        confidence: 0.4,
        reason: { code: 'ocr.dateBeforeIssuer', params: { issuer } },
        rule: 'date-before-issuer',
      },
    ];
  }
  return [];
}
