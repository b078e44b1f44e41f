/** Number fields: 保険者番号, and 記号・番号・枝番 (apart, combined, or placed by the row's shape). */
import { validateInsurerNumber } from '../../../shared/domain/insurer-number.ts';
import { toHalfWidth } from '../../../shared/domain/text.ts';
import { ocrWarning } from '../../../shared/ocr/warnings.ts';
import { compact } from '../text.ts';
import { labelled, type Found } from './cells.ts';
import type { Check, Context, Extractor, LabelRead, Placement } from './extractor.ts';
import { untilNextLabel } from './labels.ts';

/**
 * Digits of a number field: spaces inside the run dropped, and up to two stray marks before it.
 * Printed one digit a box, the boxes' sides are read between the digits (「|8丨8|4|4|2|2|2丨9|」, a
 * 資格確認書 of the independently written corpus) and are dropped like spaces.
 */
export const digitsOf = (v: string, min = 1): string | undefined =>
  v.replace(/(?<=\d)[\s|丨｜]+(?=\d)/g, '').match(new RegExp(`^[^\\d\\p{Script=Han}]{0,2}(\\d{${min},})`, 'u'))?.[1];
/** Whether a number was read with marks before it or inside it (a digit the model misread). */
export const unclean = (v: string): boolean =>
  !/^\d+(?:\s|$|[^\d\p{L}])/u.test(v.replace(/(?<=\d)\s+(?=\d)/g, '').replace(/^[_.,:：\s]+/, ''));

/**
 * 「記号・番号 5695・7247503 (00)」: the combined form of notices and 高齢受給者証. PP-OCRv4 reads
 * the ・ as a middle dot (·). Some print a hyphen between them (「76 - 56580116 (03)」, a
 * 限度額適用・標準負担額減額認定証 of the independently written corpus).
 */
export const COMBINED_ID =
  /(?:^|[^\d])(\p{Script=Han}{0,2}\d{1,8})\s*[・･.·\-－‐]\s*(\d{1,8})\s*[(（]\s*(\d{2})\s*[)）]/u;
/** The same after its own label, whatever became of its (枝番): 「記号・番号 54699・3831702 (900)」. */
const LABELLED_COMBINED_ID =
  /記\s*号\s*[・･.·]?\s*番\s*号\s*[:：]?\s*(\p{Script=Han}{0,2}\d{1,8})\s*[・･·\-－‐]\s*(\d{1,8})(?!\d)/u;

/**
 * 保険者番号 beside its label. Nothing printed right before it: 被 of 被保険者番号 (後期: the
 * person's number) may be misread; 険 is read as 陵, 番 misread after 保険者 (「保険者箇号」).
 */
const INSURER = /(?<!\p{Script=Han}\s*)保(?:[険陵](?:\S?番|者\S)|[^\s護]者[^\s記])\s*号/u;
/**
 * A 公費 受給者証 prints its 公費負担者番号 where an insurance document prints the 保険者番号; an
 * insurance document may print one too (a 公費 in its 備考), and that one is not its insurer.
 */
const INSURER_OR_PAYER = new RegExp(`${INSURER.source}|公費\\S{0,3}番号`, 'u');
const PAYER_KINDS: ReadonlySet<Context['kind']> = new Set(['public_subsidy_certificate', 'unknown', undefined]);
const insurerLabel = (kind: Context['kind']): RegExp => (PAYER_KINDS.has(kind) ? INSURER_OR_PAYER : INSURER);

/** A valid number normalized; else kept as read and flagged: staff compare it, the app never guesses a digit. */
function checkedInsurerNumber(digits: string): LabelRead {
  const check = validateInsurerNumber(digits);
  if (check.valid) return { value: check.normalized };
  const code = check.reason === 'check_digit' ? 'ocr.insurerNumberCheckDigit' : 'ocr.insurerNumberLength';
  return {
    value: digits,
    confidenceCap: 0.3,
    rule: 'label-failed-check',
    warning: ocrWarning(code, { number: digits }),
  };
}

function readInsurerNumber(f: Found): LabelRead | undefined {
  const digits = digitsOf(f.value.replace(/[(（][)）](?=\d)/, '0'), 5)?.slice(0, 9);
  return digits ? checkedInsurerNumber(digits) : undefined;
}

/** A run of exactly 6 or 8 digits with a valid check digit and an insurer's 法別 (or a 国保 都道府県). */
function insurerShaped(d: string): boolean {
  if (!validateInsurerNumber(d).valid) return false;
  return d.length === 6
    ? Number(d.slice(0, 2)) >= 1 && Number(d.slice(0, 2)) <= 47
    : /^(?:0[1-4]|0[67]|3[1-49]|5\d|8\d)/.test(d);
}

/** A line that names a 公費 payer or recipient: its numbers are not the insurer's (on an insurance document). */
const PAYER_LINE = /公費\S{0,3}番号|受給者番号/u;

function unlabelledInsurerNumber({ cells, flagged, fields, lines, kind }: Context): Placement[] {
  const payerLine = (line: number) => !PAYER_KINDS.has(kind) && PAYER_LINE.test(lines[line]?.text ?? '');
  const candidates = new Set(
    cells
      .filter((c) => !flagged.has(c.line) && !payerLine(c.line))
      .flatMap((c) =>
        [...c.text.replace(/(?<=\d)\s+(?=\d)/g, '').matchAll(/(?<![\d.,/-])(\d{6}|\d{8})(?![\d年./-])/g)].map(
          (m) => m[1]!,
        ),
      )
      .filter((d) => d !== fields.number && d !== fields.symbol && insurerShaped(d)),
  );
  if (candidates.size !== 1) return [];
  const [number] = [...candidates] as [string];
  const warning = ocrWarning('ocr.insurerNumberWithoutLabel', { number });
  return [{ field: 'insurerNumber', value: number, confidence: 0.4, warning }];
}

export const insurerNumberExtractor: Extractor = {
  fields: ['insurerNumber'],
  labels: [
    {
      pattern: INSURER,
      printedOn: (kind) => !PAYER_KINDS.has(kind),
      read: readInsurerNumber,
      evidence:
        '険 read as 陵, 番 misread after 保険者 (「保険者箇号」), or both misread (「保改者的号」, PP-OCRv4, 150 dpi scan); a 0 read as 「()」',
    },
    {
      pattern: INSURER_OR_PAYER,
      printedOn: (kind) => PAYER_KINDS.has(kind),
      read: readInsurerNumber,
      evidence: 'a 公費 受給者証 names its payer 公費負担者番号 (generated 公費 certificates)',
    },
  ],
  fallbacks: [
    {
      // After the 記号・番号, whose digits it must not take.
      id: 'insurer-unlabelled',
      evidence: 'the label unreadable (small print on a low-resolution capture): the only insurer-shaped number',
      confidenceCap: 0.4,
      find: unlabelledInsurerNumber,
    },
  ],
  // Where the number is printed, when it was absent or failed its check: the scan reads it again.
  // Never on a line that carried a 個人番号.
  after: ({ cells, flagged, reread, kind }, hit) => {
    const at = hit?.found ?? labelled(cells, insurerLabel(kind)).next().value;
    const valid = hit && validateInsurerNumber(String(hit.read.value)).valid;
    if (at?.box && !flagged.has(at.cell.line) && !valid) reread.insurerNumber = at.box;
  },
};

/** The same digits as the person's number: one of the two labels was misread. */
export const insurerNumberNotNumber: Check = ({ fields, warnings }) => {
  if (fields.insurerNumber !== undefined && fields.insurerNumber === fields.number)
    warnings.push(ocrWarning('ocr.insurerNumberSameAsNumber', { number: fields.insurerNumber }));
};

const withoutDigitSpaces = (t: string) => t.replace(/(?<=\d)\s+(?=\d)/g, '');
/**
 * A 記号 with its kanji (北九35) as read on a line whose spaces are gone. A lone kanji set apart
 * from the digits as read is a misread mark, not the 記号's (「番号 。 攻 558754・38101330 (00)」,
 * tesseract's block reading of a phone photo); two or more are kept (「北 九 35」 may be spaced).
 */
function ownKanji(symbol: string, raw: string): string {
  const kanji = /^\p{Script=Han}+/u.exec(symbol)?.[0];
  if (kanji?.length !== 1 || withoutDigitSpaces(toHalfWidth(raw)).includes(symbol)) return symbol;
  return symbol.slice(1);
}

export const symbolExtractor: Extractor = {
  fields: ['symbol'],
  forms: [
    {
      id: 'combined-id',
      evidence: 'notices and 高齢受給者証 print 「記号・番号 5695・7247503 (00)」',
      confidenceCap: 1,
      find: ({ cells }) => {
        const hit = cells.map((c) => ({ c, m: COMBINED_ID.exec(withoutDigitSpaces(c.text)) })).find((x) => x.m);
        if (!hit) return [];
        const { c, m } = hit;
        return [
          {
            field: 'symbol',
            value: ownKanji(m![1]!.replace(/^\D*[番号]/, ''), c.raw),
            confidence: c.confidence,
            from: c,
          },
          { field: 'number', value: m![2], confidence: c.confidence, from: c },
          { field: 'branch', value: m![3], confidence: c.confidence, from: c },
        ];
      },
    },
    {
      id: 'combined-id-labelled',
      evidence: 'the (00) of 「記号・番号 54699・3831702 (00)」 read as (900) on a phone photo: 記号 and 番号 stand',
      confidenceCap: 0.7,
      find: ({ cells }) => {
        const hit = cells
          .map((c) => ({ c, m: LABELLED_COMBINED_ID.exec(withoutDigitSpaces(c.text)) }))
          .find((x) => x.m);
        if (!hit) return [];
        const { c, m } = hit;
        return [
          { field: 'symbol', value: ownKanji(m![1]!, c.raw), confidence: c.confidence, from: c },
          { field: 'number', value: m![2], confidence: c.confidence, from: c },
        ];
      },
    },
  ],
  labels: [
    {
      pattern: /記\s*号/,
      read: (f) => {
        // Its own label starts the value under a 「記号番号」 heading (「記号 1914 番号 37688」).
        const value = withoutDigitSpaces(f.value).replace(/^記\s*号\s*/, '');
        const symbol = value.match(/^(\p{Script=Han}{0,2}\d+)/u)?.[1];
        return symbol ? { value: symbol } : undefined;
      },
    },
  ],
};

/**
 * 番号 alone, or the 被保険者(証)番号 of 後期 and the portal; not 保険者番号, 受給者番号, 個人番号.
 * 被保険者番号 with 険 and 番 both misread (「溢保典者竹号」, 「被保跌者街号」) or 険 dropped
 * (「被保者春号」) is still the number: a glyph before 保, 者 and 号 in place; so is 「被保者番号」
 * (険 dropped by PP-OCRv4, clean tuning seed 3002), with 被 itself in place (「…保者番号」 after
 * another kanji may be the 保険者番号). Not with 証: the portal's 被保険者証記号 differs from its
 * 被保険者証番号 by one glyph, and PP-OCRv4 reads 記 as 配.
 */
const NUMBER =
  /(?<=\p{Script=Han})保(?:[険陵]者証?番|\S?者[^\s番記配証])\s*号|(?<=被)保者番\s*号|(?<![険陵者着省担給費人]|[険陵]\S)番\s*号/u;

/**
 * The number's own part of its value: up to the next label, and without a misread 枝番 and its two
 * digits after it (「213806枝矢00」, the space lost between kanji and digits): kanji there are a
 * label, not a misread digit of the number.
 */
const BRANCH_TAIL = /(?<=\d)\s*[(（]?[^\P{Script=Han}〇]{1,2}[)）]?\s*\d{2}$/u;
const numberPart = (v: string) => untilNextLabel(v).replace(BRANCH_TAIL, '');

export const numberExtractor: Extractor = {
  fields: ['number'],
  labels: [
    {
      pattern: NUMBER,
      read: (f) => {
        const number = digitsOf(f.value);
        if (!number) return undefined;
        // Marks before or inside it: a digit may be misread, for confirmation.
        return unclean(numberPart(f.value)) ? { value: number, confidenceCap: 0.5 } : { value: number };
      },
    },
  ],
  // Never on a line that carried a 個人番号: a second reading would bring its digits back.
  after: ({ cells, flagged, reread }, hit) => {
    const at = hit?.found ?? labelled(cells, NUMBER).next().value;
    if (at?.box && !flagged.has(at.cell.line) && (!hit || unclean(numberPart(at.value)))) reread.number = at.box;
  },
};

/**
 * What tesseract reads for the 00 of 「(枝番) 00」 in some faces (66, 90 on tuning captures; 「9 0」
 * taken as read at 0.86 on clean seed 3002, where PP-OCRv4 read none): such a 枝番 is confirmed by
 * staff (where PP-OCRv4 read 00 beside the label, its reading is shown: id-readings.ts).
 */
const BRANCH_LOOKALIKE = /^(?!00)[069]{2}$/;

export const branchExtractor: Extractor = {
  fields: ['branch'],
  labels: [
    {
      pattern: /枝\s*番\)?/,
      read: (f) => {
        const branch = f.value.replace(/^[()（）\s]+/, '').match(/^\d{2}/)?.[0];
        if (!branch) return undefined;
        return BRANCH_LOOKALIKE.test(branch) ? { value: branch, confidenceCap: 0.5 } : { value: branch };
      },
    },
  ],
};

/**
 * A number, a short label, a number, a bracketed label (or 枝番 without brackets, one glyph of it
 * maybe misread) and two digits: 記号, 番号 and 枝番.
 */
const ID_ROW =
  /(?:^|[^\d])(\d{1,8})\s*[^\d\s]{1,3}\s*(\d{1,8})\s*(?:[(（][^\d()（）]{1,3}[)）]\s*(\d{2})(?!\d)|(?:枝[^\d\s]|[^\d\s]番)\s*(\d{2})(?![\d\p{Script=Han}]))/u;

function idRowByShape({ lines, flagged, fields }: Context): Placement[] {
  // On the whole line: the misread labels may have split it into cells.
  const row = lines
    .map((l, i) => ({ l, m: flagged.has(i) ? null : ID_ROW.exec(withoutDigitSpaces(compact(toHalfWidth(l.text)))) }))
    .find((x) => x.m);
  const [, digits, num, bracketed, unbracketed] = row?.m ?? [];
  const br = bracketed ?? unbracketed;
  if (!row || !digits || !num || !br) return [];
  const sym = kanjiBefore(row.l.text, digits) + digits;
  if ((fields.symbol && fields.symbol !== sym) || (fields.number && fields.number !== num)) return [];
  const confidence = row.l.confidence;
  return [
    ...(fields.symbol ? [] : [{ field: 'symbol' as const, value: sym, confidence }]),
    ...(fields.number ? [] : [{ field: 'number' as const, value: num, confidence }]),
    ...(fields.branch ? [] : [{ field: 'branch' as const, value: br, confidence }]),
  ];
}

/**
 * A 記号's kanji (北九35): the shape above reads digits only, on a line whose spaces are gone.
 * On the line as read, kanji set apart from the misread label before them and glued to the
 * digits are the 記号's own (「記生 北九35」); 号 or 番 are the label's.
 */
function kanjiBefore(text: string, digits: string): string {
  const m = new RegExp(`\\S\\s+([^\\P{Script=Han}号番]{1,2})${digits}(?!\\d)`, 'u').exec(
    withoutDigitSpaces(toHalfWidth(text)),
  );
  return m?.[1] ?? '';
}

/** The 記号・番号 row with its labels misread past knowing, placed by its shape. */
export const idRowExtractor: Extractor = {
  fields: ['symbol', 'number'],
  fallbacks: [
    {
      id: 'id-row-shape',
      evidence:
        'the row’s labels misread past knowing (「しっ 75572774 番史 921045 (校番) 03」, 「記生 北九35 番号 67035192 (枝番) 00」, 「記号 9646 笠号 51292 枝番 00」)',
      confidenceCap: 0.6,
      find: idRowByShape,
    },
  ],
};

/** Two digits after a short label in brackets, or after a 〜番 label of their own. */
const BRANCH_MISREAD = /(?:[(（]\s*[^\s\d()（）]{1,2}\s*[)）]|^[^\s\d]番)\s*(\d{2})(?!\d)/;

export const branchMisreadExtractor: Extractor = {
  fields: ['branch'],
  fallbacks: [
    {
      id: 'branch-misread-label',
      evidence: 'the 枝番 label misread (「(槻番) 00」, 「(校秋) 00」, 「校番 00」), when only one cell has it',
      confidenceCap: 0.6,
      find: ({ cells, flagged }) => {
        const found = cells
          .filter((c) => !flagged.has(c.line))
          .map((c) => ({ c, m: BRANCH_MISREAD.exec(c.text) }))
          .filter((x) => x.m);
        if (found.length !== 1) return [];
        const { c, m } = found[0]!;
        return [{ field: 'branch', value: m![1], confidence: c.confidence, from: c }];
      },
    },
  ],
};
