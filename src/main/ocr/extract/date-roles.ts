/**
 * Dates whose label could not be read, given a field by what the dates on a document are: each a
 * fallback for 生年月日, 交付年月日 and 有効期限, decided together on the dates as read, and always
 * for confirmation (a warning says why).
 */
import { ocrWarning } from '../../../shared/ocr/warnings.ts';
import type { DocumentKind } from '../../../shared/rules/vocabulary.ts';
import type { OcrBox } from '../engine.ts';
import type { Cell } from './cells.ts';
import { DATE_RE, datesIn, isoOf } from './dates.ts';
import { distance } from './edit-distance.ts';
import type { Context, Placement, Rule } from './extractor.ts';
import type { ExtractedFields } from './fields.ts';
import { LEAD } from './labels.ts';

type DateField = 'birthDate' | 'issueDate' | 'expiry';
type Reason =
  'ocr.dateBesideBlurredLabel' | 'ocr.dateEarliest' | 'ocr.dateLatest' | 'ocr.dateAboveIdRow' | 'ocr.dateAlone';

/** What a date looks like, whether or not it parses: a year, a glyph, a month. */
const DATE_SHAPE = /\d{1,4}\s*\S\s*\d{1,2}\s*月|\d{4}\s*\/\s*\d{1,2}\s*\//g;

/** A date given a field, with the warning that says why (staff confirm it). */
function guess(field: DateField, iso: string, confidence: number, code: Reason, params = {}): Placement {
  return { field, value: iso, confidence, warning: ocrWarning(code, { field, date: iso, ...params }) };
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

/** The 年月日 most date labels end in: it tells none of them apart. */
const DATE_LABEL_END = /年?月日$/;

/**
 * How well a blurred label read fits a date label (1: as printed). The label's end is what is
 * printed right before the value: that much of it is compared. Where both end in 年月日, only what
 * precedes it is: 「付年月日」 is 交付年月日 by its 付 (compared whole it fitted 生年月日 as well).
 */
function labelLikeness(read: string, label: string): number {
  const [r, l] =
    DATE_LABEL_END.test(read) && label.endsWith('年月日')
      ? [read.replace(DATE_LABEL_END, ''), label.slice(0, -3)]
      : [read, label];
  if (r === '') return 0;
  return 1 - distance(r.slice(-l.length), l) / l.length;
}

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
function guessDateRoles(cells: Cell[], known: ExtractedFields): Placement[] {
  const taken = new Set([known.birthDate, known.issueDate, known.expiry].filter(Boolean));
  const found: (Placement & { field: DateField; value: string })[] = [];
  for (const cell of cells) {
    const m = DATE_RE.exec(cell.text);
    if (!m) continue;
    const iso = isoOf(m[1]!);
    if (!iso || taken.has(iso)) continue;
    const before = cell.text.slice(0, m.index).replace(LEAD, '').trim();
    const label = (before || labelCellOf(cells, cell)?.text || '').replace(/[^\p{L}]/gu, '');
    // The マイナンバーカード's 電子証明書の有効期限 is not the document's.
    if (label.length < 2 || /証明書/.test(label)) continue;
    const scores = DATE_LABELS.map(([field, l]) => ({ field, score: labelLikeness(label, l) })).sort(
      (a, b) => b.score - a.score,
    );
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
      ...guess(best.field, iso, cell.confidence * best.score, 'ocr.dateBesideBlurredLabel', { label }),
      field: best.field,
      value: iso,
    });
  }
  const all = { ...known, ...Object.fromEntries(found.map((f) => [f.field, f.value])) } as ExtractedFields;
  // Dates that contradict each other are not offered at all.
  const consistent = (f: DateField, iso: string) =>
    f === 'birthDate'
      ? [all.issueDate, all.expiry].every((d) => !d || d > iso)
      : f === 'expiry'
        ? [all.issueDate, all.birthDate].every((d) => !d || d < iso)
        : [all.birthDate].every((d) => !d || d < iso) && (!all.expiry || all.expiry > iso);
  return found.filter((f) => consistent(f.field, f.value));
}

/** Kinds that always print an 有効期限 (or the end of an 有効期間): 資格確認書 by law, the others by their forms. */
const ALWAYS_EXPIRE: ReadonlySet<string> = new Set<DocumentKind>([
  'qualification_certificate',
  'elderly_recipient_certificate',
  'limit_certificate',
  'public_subsidy_certificate',
]);

/** The distinct dates of the document, in order; not the card's 電子証明書 expiry nor its 「…まで有効」. */
function documentDates(cells: Cell[], flagged: ReadonlySet<number>): string[] {
  const dates = cells
    .filter((c) => !flagged.has(c.line))
    .flatMap((c) => datesIn(c.text).map((iso) => ({ iso, c })))
    .filter((d) => !/証明書|まで有効/.test(d.c.text))
    .sort((a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0));
  return [...new Set(dates.map((d) => d.iso))];
}

/**
 * Whether a date-shaped run did not parse (「20265年2月1」): the latest date read may then be any
 * but the latest printed.
 */
const unparsedDates = (cells: Cell[], flagged: ReadonlySet<number>) =>
  cells
    .filter((c) => !flagged.has(c.line))
    .some((c) => [...c.text.matchAll(DATE_SHAPE)].length > datesIn(c.text).length);

const yearApart = (a: string, b: string) =>
  Number(b.slice(0, 4)) - Number(a.slice(0, 4)) >= 2 ||
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4)) === 1 && b.slice(5) >= a.slice(5));

/**
 * The birth date precedes every other date printed about the person (資格取得, 交付, 発効, 有効期限):
 * the earliest date, when it stands a year apart from the next.
 */
function earliestDate({ cells, fields: known, flagged }: Context): Placement[] {
  const distinct = documentDates(cells, flagged);
  if (distinct.length < 2) return [];
  const [earliest, next] = [distinct[0]!, distinct[1]!];
  if (known.birthDate || !yearApart(earliest, next) || earliest === known.issueDate || earliest === known.expiry)
    return [];
  return [guess('birthDate', earliest, 0.4, 'ocr.dateEarliest')];
}

/** On a kind that always has one, the 有効期限 follows every other date. */
function latestDate({ cells, fields: known, flagged, kind }: Context): Placement[] {
  const distinct = documentDates(cells, flagged);
  if (distinct.length < 2 || unparsedDates(cells, flagged)) return [];
  const [latest, before] = [distinct.at(-1)!, distinct.at(-2)!];
  if (
    known.expiry ||
    !kind ||
    !ALWAYS_EXPIRE.has(kind) ||
    latest <= before ||
    latest === known.issueDate ||
    latest === known.birthDate ||
    (known.issueDate && latest <= known.issueDate)
  )
    return [];
  return [guess('expiry', latest, 0.4, 'ocr.dateLatest')];
}

/** Kinds whose forms print the 交付年月日 above the 記号・番号 row (an old 保険証: 「令和3年4月3日交付」 at its top). */
const ISSUED_ABOVE_ID: ReadonlySet<string> = new Set<DocumentKind>(['legacy_insurance_card']);

/**
 * An old 保険証 prints its 交付年月日 above the 記号・番号 row, where nothing else is dated but a
 * 国保 card's 有効期限 beside it (always later): the earlier date printed above that row.
 */
function dateAboveIdRow({ cells, fields: known, flagged, kind, boxes }: Context): Placement[] {
  if (known.issueDate || !kind || !ISSUED_ABOVE_ID.has(kind)) return [];
  const row = [boxes.symbol, boxes.number].filter((b): b is OcrBox => b !== undefined);
  if (row.length === 0) return [];
  const top = Math.min(...row.map((b) => b.y0));
  const above = cells.filter((c) => c.box && !flagged.has(c.line) && c.box.y1 <= top);
  const dates = above.flatMap((c) => datesIn(c.text));
  // A date that did not parse (「令和3年4月31」) may be the 交付 beside the 有効期限 read: none is taken.
  if (above.reduce((n, c) => n + [...c.text.matchAll(DATE_SHAPE)].length, 0) > dates.length) return [];
  const distinct = [...new Set(dates.filter((d) => d !== known.birthDate && d !== known.expiry))].sort();
  if (distinct.length === 0 || distinct.length > 2) return [];
  return [guess('issueDate', distinct[0]!, 0.4, 'ocr.dateAboveIdRow')];
}

/**
 * Kinds whose forms print a 交付年月日 (a 特定疾病療養受療証 or a マイナ保険証 prints none the desk
 * needs). The date-alone rule offers one only on these.
 */
const PRINTS_ISSUE_DATE: ReadonlySet<string> = new Set<DocumentKind>([
  'qualification_certificate',
  'qualification_notice',
  'elderly_recipient_certificate',
  'limit_certificate',
  'public_subsidy_certificate',
  'legacy_insurance_card',
]);

/** A line that dates a period (「令和6年5月1日から令和11年3月31日まで」, 発効期日 beside 有効期限). */
const PERIOD = /から|まで|[~〜～]/;

/**
 * A 交付年月日 whose label no reading made out: the one date printed on a line of its own that no
 * other role takes. Not the birth date or the 有効期限 (read, or the earliest and latest dates the
 * other rules would take), not a date on a line with another or on a period's line (発効期日,
 * 有効期間, 資格取得年月日 beside 交付), and none when a date-shaped run did not parse (it may be the
 * 交付) or a label guess or the 記号・番号 row already places one.
 */
function dateAlone(ctx: Context): Placement[] {
  const { cells, fields: known, flagged, kind } = ctx;
  if (known.issueDate || !kind || !PRINTS_ISSUE_DATE.has(kind) || unparsedDates(cells, flagged)) return [];
  if ([...dateAboveIdRow(ctx), ...guessDateRoles(cells, known)].some((p) => p.field === 'issueDate')) return [];
  const distinct = documentDates(cells, flagged);
  const taken = new Set([
    known.birthDate,
    known.expiry,
    !known.birthDate && distinct[0],
    !known.expiry && distinct.at(-1),
  ]);
  const lines = new Map<number, Cell[]>();
  for (const c of cells) if (!flagged.has(c.line)) lines.set(c.line, [...(lines.get(c.line) ?? []), c]);
  const alone = [...lines.values()].flatMap((row) => {
    const text = row.map((c) => c.text).join(' ');
    const dates = datesIn(text);
    const before = text.slice(0, DATE_RE.exec(text)?.index ?? 0).replace(/[^\p{L}]/gu, '');
    // A label read well enough to resemble one is the label guess's to judge.
    const labelled = DATE_LABELS.some(([, l]) => labelLikeness(before, l) >= 0.5);
    return dates.length === 1 && !labelled && !PERIOD.test(text) && !/証明書|まで有効/.test(text) ? dates : [];
  });
  const left = [...new Set(alone)].filter((d) => !taken.has(d));
  const within = (d: string) => (!known.birthDate || d > known.birthDate) && (!known.expiry || d < known.expiry);
  return left.length === 1 && within(left[0]!) ? [guess('issueDate', left[0]!, 0.4, 'ocr.dateAlone')] : [];
}

/**
 * The rules whose find is a date's place alone, the weakest evidence: another reading's field found
 * any other way (by its label) replaces theirs (fill-gaps.ts). The earliest date taken for the birth
 * date gave way to the second reader's 生年月日 read beside its label 5 times on the tuning captures
 * (a 資格取得年月日 or an お知らせ's date had been taken), right each time; the latest date taken for
 * the 有効期限 is the same guess (it changed nothing there).
 */
export const PLACE_ONLY_RULES: ReadonlySet<string> = new Set(['date-alone', 'date-earliest', 'date-latest']);

/** Decided together (`fallbacksTogether`): each sees the fields as they stood before any of them. */
export const DATE_ROLE_RULES: readonly Rule[] = [
  // The weakest evidence: it places nothing where the two rules after it place a 交付年月日.
  {
    id: 'date-alone',
    evidence:
      'the 交付年月日 label lost on degraded captures, its date alone on a line (degraded tuning seeds 3001, 3006)',
    confidenceCap: 0.5,
    find: dateAlone,
  },
  // First: a date read beside its blurred label, placed after it, is the better evidence.
  {
    id: 'date-above-id-row',
    evidence: 'the 交付 label of an old 保険証 lost on degraded captures (its date alone on the card’s top row)',
    confidenceCap: 0.5,
    find: dateAboveIdRow,
  },
  {
    id: 'date-label-guess',
    evidence: 'date labels blurred on low-resolution captures (「付年月日」, 「を月日」)',
    confidenceCap: 0.5,
    find: (ctx) => guessDateRoles(ctx.cells, ctx.fields),
  },
  {
    id: 'date-earliest',
    evidence: 'the 生年月日 label unreadable: the birth precedes every other date about the person',
    confidenceCap: 0.5,
    find: earliestDate,
  },
  {
    id: 'date-latest',
    evidence: 'the 有効期限 label unreadable on a kind that always prints one',
    confidenceCap: 0.5,
    find: latestDate,
  },
];
