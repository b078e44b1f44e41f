/** What the patient pays: 一部負担金の割合, 適用区分 (限度額), 特別療養費. */
import { elderlyFrom } from '../../../shared/domain/age.ts';
import { soleMatch } from './cells.ts';
import type { Context, Extractor, LabelRead } from './extractor.ts';
import type { Extraction } from './fields.ts';

const ratioOf = (digit: string) => (Number(digit) / 10) as 0.1 | 0.2 | 0.3;

export const burdenRatioExtractor: Extractor = {
  fields: ['burdenRatio'],
  labels: [
    {
      // The ratio is the first digit after its label.
      pattern: /割\s*合|負\S金の\S{0,2}合/,
      read: (f) => {
        const digit = f.value.match(/^[^\d]{0,2}([123])(?!\d)/)?.[1];
        return digit ? { value: ratioOf(digit) } : undefined;
      },
      evidence: '割 often misread: the label known by 負担金の…合 (負揚金の剤合)',
    },
  ],
  fallbacks: [
    {
      id: 'ratio-alone',
      evidence:
        'the 割合 label lost on a degraded capture (tinted label cells read as 「## #」 by the second reader; 「一急負程健の剖 2割」, its last glyph run into the value; 「公則をの放々 2人割」, a stray 人): a lone 1–3割, when the document has only one',
      confidenceCap: 0.6,
      find: ({ cells }) => {
        const alone = soleMatch(cells, /(?<![\d.])([123])人?割(?=$|[^\p{L}])/gu);
        return alone
          ? [{ field: 'burdenRatio', value: ratioOf(alone.value), confidence: alone.cell.confidence, from: alone.cell }]
          : [];
      },
    },
  ],
};

const CATEGORY = /^(?:区分)?\s*([アイウエオ]|Ⅰ|Ⅱ|I{1,2}(?![A-Za-z])|現役並み[ⅠⅡⅢ123]?|一般)/;
/** The 適用区分 label, 用 or 区 misread. */
const CATEGORY_LABEL = /(?:適用|限度|所得)\S?区分|適用\S?分(?=\s*区分)/;
/** 「区分Ⅱ」 alone in its cell. */
const CATEGORY_ALONE = /^[^\p{L}]{0,2}区分\s*([アイウエオ]|Ⅰ|Ⅱ|I{1,2})\s*$/u;
const romanOf = (v: string) => v.replace(/^II$/, 'Ⅱ').replace(/^I$/, 'Ⅰ');

/** A lone category read as a glyph that is none, alone after its label: taken unsure. */
export const CATEGORY_LOOKALIKES: readonly { id: string; read: RegExp; value: string; evidence: string }[] = [
  {
    id: 'category-stroke',
    read: /^(?:区分)?\s*[|!！]\s*$/,
    value: 'Ⅰ',
    evidence: 'a lone Ⅰ read as a stroke: 「区分 |」 by tesseract, 「区分！」 by PP-OCRv4 (clean fresh tuning capture)',
  },
  {
    id: 'category-kanji-e',
    read: /^(?:区分)?\s*工\s*$/,
    value: 'エ',
    evidence:
      'PP-OCRv4’s dictionary has no katakana エ: it read 工 for エ (clean fresh tuning capture, where tesseract read 了)',
  },
];
const LOOKALIKE_CAP = 0.6;

function categoryBesideLabel(value: string): LabelRead | undefined {
  // A stray glyph before a lone category (a cell border read as プ: 「プア」) is let go.
  const v = value.match(CATEGORY)?.[1] ?? value.match(/^[^\s\dアイウエオⅠⅡ]\s*([アイウエオ]|Ⅰ|Ⅱ)\s*$/)?.[1];
  if (v) return { value: romanOf(v) };
  const like = CATEGORY_LOOKALIKES.find((l) => l.read.test(value));
  return like ? { value: like.value, confidenceCap: LOOKALIKE_CAP, rule: like.id } : undefined;
}

/**
 * 限度区分 and age: ア–オ are the categories under 70, Ⅰ・Ⅱ (低所得) from the month after the 70th
 * birthday (高齢受給者, 後期高齢者; eligibility-rules.md). What the read category cannot be at the
 * patient's age on the issue date is righted where the misread is known, else sent to staff.
 */
export const CATEGORY_BY_AGE: readonly {
  id: string;
  evidence: string;
  /** The categories as read that the rule is for. */
  read: readonly string[];
  /** Whether the patient was 70 or over (高齢) on the issue date. */
  elderly: boolean;
  /** The category meant, or undefined: not known, staff confirm. */
  meant?: string;
}[] = [
  {
    id: 'category-age-roman-one',
    evidence:
      'a serif 区分Ⅰ read エ by tesseract (工 by PP-OCRv4) on a 資格確認書 of a woman born 1938 (clean fresh tuning)',
    read: ['エ'],
    elderly: true,
    meant: 'Ⅰ',
  },
  { id: 'category-age-under-70', evidence: 'Ⅰ・Ⅱ are no categories under 70', read: ['Ⅰ', 'Ⅱ'], elderly: false },
];

/** A category confidence where the age contradicts it. */
const CATEGORY_AGE_CAP = 0.6;

/** Applies CATEGORY_BY_AGE to the extraction's 限度区分, once its dates are final. Pure. */
export function categoryForAge(x: Pick<Extraction, 'fields' | 'confidence' | 'via'>): void {
  const { limitCategory: read, birthDate, issueDate } = x.fields;
  if (!read || !birthDate || !issueDate) return;
  const elderly = elderlyFrom(birthDate) <= issueDate;
  const rule = CATEGORY_BY_AGE.find((r) => r.read.includes(read) && r.elderly === elderly);
  if (!rule) return;
  if (rule.meant) x.fields.limitCategory = rule.meant;
  x.confidence.limitCategory = Math.min(x.confidence.limitCategory ?? 0, CATEGORY_AGE_CAP);
  x.via.limitCategory = [...(x.via.limitCategory ?? []), rule.id];
}

/**
 * A lone large katakana (「ウ」) beside its label is often dropped by the page read: where it is
 * printed, right of the label, is read again with only the categories allowed. Never on a line
 * that carried a 個人番号.
 */
function categoryRereadBox({ cells, flagged, fields, reread }: Context): void {
  if (fields.limitCategory) return;
  const at = cells.find((c) => c.box && !flagged.has(c.line) && CATEGORY_LABEL.test(c.text));
  if (!at?.box) return;
  const m = CATEGORY_LABEL.exec(at.text)!;
  const b = at.box;
  const h = b.y1 - b.y0;
  // The label ends at its 分 glyph when glyph boxes are known, else in proportion to the text.
  const glyph = at.words.flatMap((w) => w.symbols ?? []).find((g) => g.text === '分');
  const x0 = glyph
    ? glyph.bbox.x1
    : Math.round(b.x0 + ((b.x1 - b.x0) * (m.index + m[0].length)) / Math.max(1, at.text.length));
  reread.limitCategory = {
    x0: x0 + Math.round(h * 0.2),
    y0: Math.round(b.y0 - h * 0.5),
    x1: x0 + Math.round(h * 6),
    y1: Math.round(b.y1 + h * 0.5),
  };
}

/**
 * The category in its crop read again with only the categories allowed: one of them (a stray mark
 * beside it is let go); two different ones mean nothing certain. A bold katakana is read twice
 * over (「エエ」 for a large エ, Noto Sans): no category is two katakana, so a doubled one is one.
 */
export function categoryReadAgain(text: string): string | undefined {
  const t = text.replace(/\s+/g, '').replace(/区分/g, '');
  const m = /^[^アイウエオⅠⅡI]*(([アイウエオ])\2?|Ⅰ|Ⅱ|I{1,2})[^アイウエオⅠⅡI]*$/.exec(t);
  return m ? (m[2] ?? romanOf(m[1]!)) : undefined;
}

export const limitCategoryExtractor: Extractor = {
  fields: ['limitCategory'],
  labels: [{ pattern: CATEGORY_LABEL, read: (f) => categoryBesideLabel(f.value) }],
  fallbacks: [
    {
      id: 'category-alone',
      evidence: 'the 適用区分 label misread: the large 「区分Ⅱ」 printed as the value is enough',
      confidenceCap: 1,
      find: ({ cells }) => {
        const hit = cells.map((c) => ({ c, v: CATEGORY_ALONE.exec(c.text)?.[1] })).find((x) => x.v);
        return hit
          ? [{ field: 'limitCategory', value: romanOf(hit.v!), confidence: hit.c.confidence, from: hit.c }]
          : [];
      },
    },
  ],
  after: categoryRereadBox,
};

export const specialMedicalExpenseExtractor: Extractor = {
  fields: ['specialMedicalExpense'],
  forms: [
    {
      // The printed word is the field: the card is marked for 特別療養費.
      id: 'label',
      evidence: '特別療養費 printed on the card',
      confidenceCap: 1,
      find: ({ cells }) => {
        const c = cells.find((l) => /特別療養費/.test(l.text));
        return c ? [{ field: 'specialMedicalExpense', value: true, confidence: c.confidence, from: c }] : [];
      },
    },
  ],
};
