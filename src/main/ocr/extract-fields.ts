/**
 * Fields that decide eligibility, read from OCR lines by their printed labels. Pure.
 *
 * Privacy first: before anything is read, every 12-digit run (a 個人番号) and the マイナンバー
 * 下4桁 some notices print are cut out of the text, so they can never become a field, a log line
 * or a stored value. A failing 保険者番号 check digit is reported, never "corrected".
 */
import { parseJapaneseDate } from '../../shared/domain/wareki.ts';
import {
  insurerNameOf,
  koukiUnionName,
  kyokaiBranchOf,
  validateInsurerNumber,
} from '../../shared/domain/insurer-number.ts';
import type { OcrBox, OcrLine, OcrWord } from './engine.ts';
import { toHalfWidth } from '../../shared/domain/text.ts';
import { PREFECTURES } from '../../shared/domain/prefectures.ts';
import { compact } from './text.ts';
import { cardDigitLines, personalNumberHits, showsPersonalNumber } from './personal-number.ts';
import { ocrWarning, type OcrWarning } from '../../shared/ocr/warnings.ts';
import type { DocumentKind } from '../../shared/rules/vocabulary.ts';

export interface ExtractedFields {
  name?: string;
  birthDate?: string;
  sex?: 'male' | 'female';
  insurerNumber?: string;
  insurerName?: string;
  symbol?: string;
  number?: string;
  branch?: string;
  issueDate?: string;
  expiry?: string;
  burdenRatio?: 0.1 | 0.2 | 0.3;
  /** 適用区分 / 限度区分 (ア–オ, Ⅰ, Ⅱ…). */
  limitCategory?: string;
  specialMedicalExpense?: true;
  /** マイナンバーカード: the card's own 「…まで有効」 date. */
  cardExpiry?: string;
  /** マイナンバーカード: 電子証明書の有効期限 (the card may outlive its certificate). */
  certificateExpiry?: string;
}
export type FieldName = keyof ExtractedFields;

export interface Extraction {
  fields: ExtractedFields;
  /** 0–1 per field: the OCR confidence of its line, lowered when a check fails. */
  confidence: Partial<Record<FieldName, number>>;
  warnings: OcrWarning[];
  /** Whether a 個人番号-like number was seen and cut out (the image must be redacted too). */
  personalNumberSeen: boolean;
  /** Indexes of the OCR lines that carried it: their digit boxes are blacked out in any kept image. */
  personalNumberLines: number[];
  /**
   * Where the value of a number field is printed, when it was not read cleanly (absent, stray
   * marks in it, or a failed check digit): the scan reads that crop again, digits only.
   */
  reread: Partial<Record<'insurerNumber' | 'number' | 'limitCategory', OcrBox>> & {
    /** Where a lone 男/女 may stand beside or under a 性別 label read without its value. */
    sex?: OcrBox[];
  };
  /** Where the 氏名 is printed: the scan looks there on the image for the family/given space. */
  nameBox?: OcrBox;
  /**
   * How each field was found: the rule ('label' beside its printed label, else the fallback's
   * name) and the repairs ('repair:…') its text needed. For the bench's count of each rule.
   */
  via: Partial<Record<FieldName, string[]>>;
  /** Where each field's value is printed, when known: a second reader reads it there. */
  boxes: Partial<Record<FieldName, OcrBox>>;
}

export const SCRUBBED = '〔削除〕';
/** A 12-digit run, allowing the 4-4-4 grouping with spaces or hyphens. */
const PERSONAL_NUMBER = /(?<!\d)\d{4}[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
const LAST4 = /(マイナンバー|個人番号)[^\n]{0,12}?(下\s*4\s*桁|末尾)[^\n]{0,16}/g;

export function scrubPersonalNumbers(line: string): { text: string; seen: boolean } {
  let seen = false;
  // The marker carries no label words (番号…), so it can never be read as a field.
  const text = line
    .replace(LAST4, () => ((seen = true), SCRUBBED))
    .replace(PERSONAL_NUMBER, () => ((seen = true), SCRUBBED));
  return { text, seen };
}

/**
 * A run of words on one OCR line, cut at wide gaps and before a printed label: a table cell.
 * Labels and their values are found cell by cell, so a value printed in the next column or in
 * the row below (tables, two-column screens) is found by position, not by reading order.
 */
interface Cell {
  text: string;
  /** As read (spaces kept), for the name's separator when no glyph boxes are known. */
  raw: string;
  confidence: number;
  line: number;
  box?: OcrBox;
  words: OcrWord[];
  /** The repairs (OCR_REPAIRS ids, and 'label-glyph') that changed its text. */
  repairs: string[];
}

const DATE_RE =
  /((?:令和|平成|昭和|大正|[RHST]\.?)\s*(?:\d{1,2}|元)\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?|\d{4}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?)/;

/**
 * Misreads the Japanese model makes on printed text, repaired before parsing: each with what it
 * repairs and the evidence for it. The bench counts how often each fires and how often the field
 * it fed was right (held-out split), so a repair that does not help there can go.
 */
export const OCR_REPAIRS: readonly {
  id: string;
  pattern: RegExp;
  replace: string | ((...groups: string[]) => string);
  evidence: string;
}[] = [
  {
    id: 'day-after-digit',
    pattern: /(\d)\s*[目晶]/g,
    replace: '$1日',
    evidence: '日 read as 目 or 晶 after a digit (Noto Sans, 150 dpi)',
  },
  { id: 'date-label', pattern: /年月目/g, replace: '年月日', evidence: '生年月日 read as 生年月目' },
  // 令和 has not reached year 21; a later year under a misread era is 昭和 (to 64).
  {
    id: 'era-wa',
    pattern: /(?<![昭])[^\s\d昭令]和(?=\s*(\d{1,2}|元)\s*年)/g,
    replace: (_: string, y: string) => (Number(y) > 20 ? '昭和' : '令和'),
    evidence: 'the first glyph of 令和 or 昭和 read as another (陵和, 今和): the only eras ending in 和',
  },
  { id: 'era-heisei-glyph', pattern: /平戌/g, replace: '平成', evidence: '平成 read as 平戌' },
  // 成 ends no era but 平成, 令 begins none but 令和: the other glyph misread (生成8年, 令衝9年).
  {
    id: 'era-heisei',
    pattern: /(?:[^\s\d平]|(?<!\p{Script=Han}))成(?=\s*(?:\d{1,2}|元)\s*[年全])/gu,
    replace: '平成',
    evidence: '平 of 平成 misread (生成8年)',
  },
  {
    id: 'era-reiwa',
    pattern: /令[^\s\d和](?=\s*(?:\d{1,2}|元)\s*[年全])/g,
    replace: '令和',
    evidence: '和 of 令和 misread (令衝9年)',
  },
  {
    id: 'year-glyph',
    pattern: /(?<=(?:令和|平成|昭和)\s*\d{1,2}\s*)全(?=\s*\d{1,2}\s*月)/g,
    replace: '年',
    evidence: '年 read as 全 inside a date',
  },
  // A slash read as 7 (or as /7) in a 西暦 date printed yyyy/mm/dd: 2019/11725, 1988/711/07.
  {
    id: 'slash-as-7',
    pattern: /(?<!\d)((?:19|20)\d{2})\/7?(\d{2})(?:7|\/7?)(\d{2})(?!\d)/g,
    replace: '$1/$2/$3',
    evidence: 'a 西暦 date’s slash read as 7 (2019/11725)',
  },
  {
    id: 'ichi-as-choon',
    pattern: /^[ー-]+(?=部負担)/,
    replace: '一',
    evidence: '一 of 一部負担金 read as a long vowel mark',
  },
];

/** The text with every repair applied; the ids of those that changed it go into `fired`. */
export function repairOcr(text: string, fired?: Set<string>): string {
  return OCR_REPAIRS.reduce((t, r) => {
    const out = t.replace(r.pattern, r.replace as string);
    if (out !== t) fired?.add(r.id);
    return out;
  }, text);
}

const isoOf = (printed: string): string | undefined => parseJapaneseDate(printed.replace(/\s+/g, '')) ?? undefined;

function dateAfter(value: string): string | undefined {
  const m = DATE_RE.exec(value);
  return m ? isoOf(m[1]!) : undefined;
}

/** Every date printed in `text`, in order, as YYYY-MM-DD. */
export const datesIn = (text: string): string[] =>
  [...text.matchAll(new RegExp(DATE_RE, 'g'))].map((m) => isoOf(m[1]!)).filter((d): d is string => d !== undefined);

/** A label printed at the start of a cell (values never start with one). */
const LABEL_START =
  /^[(（]?(?:有効期[限間]|交付|発行日|記号|番号|枝番|氏名|生年月日|性別|保険者|被保険者|資格取得|発効期日|一部負担|負担割合|適用区分|限度区分|住所|事業所|世帯主|公費負担者|受給者|保護者|適用対象者|自己負担)/;
/** Cuts a value at the next label printed on the same line. */
const NEXT_LABEL =
  /\s*(?:性別|生年月日|記号|番号|枝番|氏名|交付|有効期限|保険者|資格取得|発効期日|一部負担|負担割合|適用区分|住所|事業所)/;
const untilNextLabel = (v: string) => v.split(NEXT_LABEL)[0]!.trim();
/** Punctuation the model reads between a label and its value (colons, underscores, ruled lines). */
const LEAD = /^[\s:：_.,、。”"'|」」「｜~〜[\]]+/;
const isLabel = (t: string) => LABEL_START.test(t.replace(LEAD, ''));

/** Labels long enough to be recognised with one misread glyph (two- or three-glyph labels are not). */
const LONG_LABELS = [
  '資格取得年月日',
  '一部負担金の割合',
  '交付年月日',
  '保険者番号',
  '保険者名称',
  '公費負担者番号',
  '生年月日',
  '有効期限',
  '有効期間',
  '発効期日',
  '適用区分',
  '限度区分',
  '負担割合',
];

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * A cell that starts with a label read with one wrong, missing or extra glyph (「交付着月日」,
 * 「生年月」) starts with the label itself. Small print on a low-resolution capture reads this way.
 */
export function repairLabel(text: string): string {
  const t = text.replace(LEAD, '');
  if (isLabel(t)) return text;
  let best: { label: string; len: number; d: number } | undefined;
  for (const label of LONG_LABELS) {
    const limit = Math.max(1, Math.floor(label.length / 4));
    for (const len of [label.length - 1, label.length, label.length + 1]) {
      if (len > t.length || len < 3) continue;
      const head = t.slice(0, len);
      // Digits are values, never part of a misread label; a glyph before an intact label makes
      // another label (被保険者番号 with 被 misread), not a misread one.
      if (/\d/.test(head) || head.endsWith(label)) continue;
      const d = distance(head, label);
      if (d <= limit && (!best || d < best.d)) best = { label, len, d };
    }
  }
  return best ? best.label + t.slice(best.len) : text;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
/** The words' extent; vertically the median, as the model's boxes of some glyphs (年, |) run tall. */
export const union = (ws: { bbox: OcrBox }[]): OcrBox => ({
  x0: Math.min(...ws.map((w) => w.bbox.x0)),
  y0: median(ws.map((w) => w.bbox.y0)),
  x1: Math.max(...ws.map((w) => w.bbox.x1)),
  y1: median(ws.map((w) => w.bbox.y1)),
});

function cellsOf(
  line: OcrLine,
  index: number,
  clean: (t: string, fired: Set<string>) => string,
  scrub: (t: string) => string,
): Cell[] {
  const words = line.words.filter((w) => w.text.trim() !== '').sort((a, b) => a.bbox.x0 - b.bbox.x0);
  const cleaned = (t: string) => {
    const fired = new Set<string>();
    return { text: clean(t, fired), repairs: [...fired] };
  };
  if (words.length === 0)
    return [{ ...cleaned(line.text), raw: scrub(line.text), confidence: line.confidence, line: index, words: [] }];
  const em = median(words.map((w) => w.bbox.y1 - w.bbox.y0)) || 1;
  const groups: OcrWord[][] = [[words[0]!]];
  for (let i = 1; i < words.length; i++) {
    const gap = words[i]!.bbox.x0 - words[i - 1]!.bbox.x1;
    // A column gap, or a label after a visible space (not the tail of a compound label: 「保険者
    // 番号」 spaced out to fill its cell is one label, not 保険者 and the person's 番号).
    const rest = compact(
      words
        .slice(i)
        .map((w) => w.text)
        .join(' '),
    );
    const compound =
      /^(?:番号|名称)/.test(rest) &&
      /保[険陵]者$/.test(
        compact(
          groups
            .at(-1)!
            .map((w) => w.text)
            .join(''),
        ),
      );
    const split = gap > 2.5 * em || (gap > 0.8 * em && isLabel(rest) && !compound);
    if (split) groups.push([words[i]!]);
    else groups.at(-1)!.push(words[i]!);
  }
  return groups.map((ws) => ({
    ...cleaned(ws.map((w) => w.text).join(' ')),
    raw: scrub(ws.map((w) => w.text).join(' ')),
    confidence: ws.reduce((a, w) => a + w.confidence, 0) / ws.length,
    line: index,
    box: union(ws),
    words: ws,
  }));
}

interface Found {
  value: string;
  confidence: number;
  /** The cell the value was read from. */
  cell: Cell;
  /** Whether the value followed the label inside its cell. */
  inline: boolean;
  /** Where the value is printed (the cell without its label). */
  box?: OcrBox;
}

/**
 * Every place a label is printed, with the value that belongs to it: the rest of its cell, else
 * the cell to its right on the same row, else the cell below it, else (no positions) the next line.
 */
function* labelled(cells: Cell[], label: RegExp): Generator<Found> {
  for (const cell of cells) {
    const m = label.exec(cell.text);
    if (!m) continue;
    const rest = cell.text.slice(m.index + m[0].length).replace(LEAD, '');
    if (rest && !isLabel(rest)) {
      const b = cell.box;
      const share = (m.index + m[0].length) / Math.max(1, cell.text.length);
      yield {
        value: rest,
        confidence: cell.confidence,
        cell,
        inline: true,
        ...(b ? { box: { ...b, x0: Math.round(b.x0 + (b.x1 - b.x0) * share) } } : {}),
      };
      continue;
    }
    const other = elsewhere(cells, cell, (m.index + m[0].length) / Math.max(1, cell.text.length));
    if (other)
      yield {
        value: other.text.replace(LEAD, ''),
        confidence: other.confidence,
        cell: other,
        inline: false,
        ...(other.box ? { box: other.box } : {}),
      };
  }
}

function elsewhere(cells: Cell[], cell: Cell, labelShare: number): Cell | undefined {
  const b = cell.box;
  if (!b) {
    const next = cells.filter((c) => c.line === cell.line + 1);
    return next.length ? { ...next[0]!, text: next.map((c) => c.text).join(' ') } : undefined;
  }
  const h = b.y1 - b.y0;
  // The label's own part of the cell when another label follows it in the same cell.
  const lx1 = b.x0 + (b.x1 - b.x0) * Math.min(1, labelShare);
  const midY = (b.y0 + b.y1) / 2;
  const right = cells
    .filter(
      (c) =>
        c.box &&
        c !== cell &&
        c.box.x0 >= lx1 - h * 0.3 &&
        Math.abs((c.box.y0 + c.box.y1) / 2 - midY) < h * 0.5 &&
        !isLabel(c.text),
    )
    .sort((p, q) => p.box!.x0 - q.box!.x0)[0];
  if (right && !isLabel(cell.text.slice(Math.round(labelShare * cell.text.length)))) return right;
  // Below: the nearest row under the label, and in it the cell most under the label.
  const overlap = (c: Cell) => Math.min(c.box!.x1, lx1) - Math.max(c.box!.x0, b.x0);
  const below = cells.filter(
    (c) => c.box && c !== cell && c.box.y0 >= midY && c.box.y0 - b.y1 < h * 2.5 && overlap(c) > h * 0.3,
  );
  const top = Math.min(...below.map((c) => c.box!.y0));
  return below.filter((c) => c.box!.y0 < top + h * 0.5).sort((p, q) => overlap(q) - overlap(p))[0];
}

const first = <T>(cells: Cell[], label: RegExp, parse: (v: Found) => T | undefined): { v: T; f: Found } | undefined => {
  for (const f of labelled(cells, label)) {
    const v = parse(f);
    if (v !== undefined && v !== '') return { v, f };
  }
  return undefined;
};

/** The patient's name label: not the 被保険者, 世帯主 or 保護者 named beside it, nor the カナ line. */
const NAME_LABEL = /(?<!(?:保険者|世帯\S|保護者)\s*)(?:氏\s*名|受給者名)(?!\s*[(（]?\s*(?:カナ|フリガナ))/;
/** What is not part of a name's text. */
export const NAME_CHARS = /[^\p{L}\p{M}・ー]/gu;

type Glyph = { text: string; bbox: OcrBox };

interface NameRead {
  text: string;
  /** Where it is printed, when the glyph boxes are known. */
  box?: OcrBox;
}

/**
 * 氏名 with one U+3000 between family and given name. OCR spaces Japanese glyphs unevenly, so the
 * separator is the widest gap between the glyph boxes (when boxes are known), else the single
 * space of the text. The scan then looks for the space on the image itself (name-gap.ts).
 */
function readName(words: OcrWord[], afterLabel: boolean, raw: string, misreadLabel = false): NameRead | undefined {
  const glyphs: Glyph[] = words
    .flatMap((w) => (w.symbols && w.symbols.length > 0 ? w.symbols : [{ text: w.text, bbox: w.bbox }]))
    .filter((g) => g.text.trim() !== '');
  let start = 0;
  if (afterLabel) {
    const labelEnd = glyphs.findIndex(
      (g, i) =>
        /名/.test(g.text) &&
        (i > 0 ? /[氏者給]/.test(glyphs[i - 1]!.text + g.text) || (misreadLabel && i === 1) : true),
    );
    start = labelEnd + 1;
    if (labelEnd < 0) start = glyphs.length;
  }
  const after = glyphs.slice(start).filter((g) => g.text.replace(NAME_CHARS, '') !== '');
  if (after.length >= 2) {
    const value = untilNextLabel(after.map((g) => g.text).join(''));
    const kept = after.slice(0, [...value].length > 0 ? Math.min(after.length, countGlyphs(after, value)) : 0);
    if (kept.length === 0) return undefined;
    const em = median(kept.map((g) => g.bbox.y1 - g.bbox.y0));
    // The family/given separator is a full-width space, about one glyph; glyph gaps inside a name
    // are a fraction of that. A half-width space is narrower, but the model then ends a word there.
    // A half-width space is narrower (about a third of a glyph) but still stands out from the rest.
    const gaps = kept.slice(1).map((g, i) => g.bbox.x0 - kept[i]!.bbox.x1);
    const widest = gaps.length ? Math.max(...gaps) : 0;
    const second = [...gaps].sort((a, b) => b - a)[1] ?? 0;
    const best =
      widest > em * 0.45 || (widest > em * 0.25 && widest >= 1.5 * Math.max(second, 1)) ? gaps.indexOf(widest) : -1;
    const text = (gs: typeof kept) => gs.map((g) => g.text.replace(NAME_CHARS, '')).join('');
    const joined = (
      best < 0 ? text(kept) : `${text(kept.slice(0, best + 1))}\u3000${text(kept.slice(best + 1))}`
    ).replace(/^\u3000|\u3000$/g, '');
    return joined ? { text: joined, box: union(kept) } : undefined;
  }
  const m = afterLabel ? NAME_LABEL.exec(raw) : undefined;
  const value = untilNextLabel((m ? raw.slice(m.index + m[0].length) : raw).replace(LEAD, ''));
  const tokens = value
    .split(/\s+/)
    .map((t) => t.replace(NAME_CHARS, ''))
    .filter(Boolean);
  const text = tokens.length === 2 ? tokens.join('\u3000') : tokens.join('');
  return text ? { text } : undefined;
}

/** How many of `glyphs` make up `value` (the value may have been cut at a following label). */
function countGlyphs(glyphs: { text: string }[], value: string): number {
  let n = 0;
  let len = 0;
  while (n < glyphs.length && len < value.length) len += glyphs[n++]!.text.length;
  return n;
}

/** Digits of a number field: spaces inside the run dropped, and up to two stray marks before it. */
const digitsOf = (v: string, min = 1): string | undefined =>
  v.replace(/(?<=\d)\s+(?=\d)/g, '').match(new RegExp(`^[^\\d\\p{Script=Han}]{0,2}(\\d{${min},})`, 'u'))?.[1];
/** Whether a number was read with marks before it or inside it (a digit the model misread). */
const unclean = (v: string): boolean =>
  !/^\d+(?:\s|$|[^\d\p{L}])/u.test(v.replace(/(?<=\d)\s+(?=\d)/g, '').replace(/^[_.,:：\s]+/, ''));

/** 「記号・番号 5695・7247503 (00)」: the combined form of notices and 高齢受給者証. */
const COMBINED_ID = /(?:^|[^\d])(\p{Script=Han}{0,2}\d{1,8})\s*[・･.]\s*(\d{1,8})\s*[(（]\s*(\d{2})\s*[)）]/u;

/** How insurers' names are formed; a municipality (国保: 川口市) has no shape of its own. */
const INSURER_NAME_SHAPE =
  /全国健康保険協会\p{Script=Han}{2,3}\S部|[\p{Script=Han}\p{Script=Katakana}ー]{2,}健康保険組合|\p{Script=Han}{2,4}後期高齢者医療広域連合|\p{Script=Han}{2,}共済組合(?:\p{Script=Han}{2,3}支部)?/u;

/** A prefecture has one 後期高齢者医療広域連合: its name's misread or cut-off tail (広城連仙, 且) follows. */
const KOUKI_NAME = new RegExp(`^\\S{0,2}?(${PREFECTURES.join('|')})後期高齢者医療\\S{0,5}$`, 'u');

/** What a 協会けんぽ 支部 can be named for (北海道, 東京, 愛媛). */
const KYOKAI_BRANCHES = PREFECTURES.map(kyokaiBranchOf);

/**
 * 「幕全国健康保険協会東京支部」, 「…大分妄部」, 「…愛嬢支部」: a stray glyph before 全国, 支 misread in
 * 支部, one misread glyph of the prefecture when one prefecture alone fits; a 広域連合's tail.
 */
function tidyInsurerName(v: string): string {
  return v
    .replace(/^.{1,2}(?=全国健康保険協会)/, '')
    .replace(/^(全国健康保険協会\p{Script=Han}{2,3}?)[^支]部$/u, '$1支部')
    .replace(
      /^(全国健康保険協会)(\p{Script=Han}{2,3})(支部)$/u,
      (all, kyokai: string, read: string, branch: string) => {
        if (KYOKAI_BRANCHES.includes(read)) return all;
        const near = KYOKAI_BRANCHES.filter((b) => b.length === read.length && distance(b, read) === 1);
        return near.length === 1 ? kyokai + near[0]! + branch : all;
      },
    )
    .replace(KOUKI_NAME, (_, prefecture: string) => koukiUnionName(prefecture));
}

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
function guessDateRoles(cells: Cell[], known: ExtractedFields): DateGuess[] {
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
function extremeDates(
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
function myNumberCardExpiries(
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
function issuerDate(cells: Cell[], known: ExtractedFields, flagged: Set<number>): DateGuess[] {
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

/** Whether a line shows a 個人番号: spaced as read and compacted (OCR may space its digits apart). */
export function carriesPersonalNumber(line: OcrLine): boolean {
  const raw = scrubPersonalNumbers(toHalfWidth(line.text));
  return raw.seen || scrubPersonalNumbers(repairOcr(compact(raw.text))).seen || showsPersonalNumber(line);
}

export function extractFields(ocrLines: OcrLine[], kind?: DocumentKind | 'unknown'): Extraction {
  const warnings: OcrWarning[] = [];
  const personalNumberLines: number[] = [];
  const flagged = new Set<number>();
  // Also the lines beside or under a label read alone (personal-number.ts).
  const beside = new Set(
    [...personalNumberHits(ocrLines), ...(kind === 'mynumber_card' ? cardDigitLines(ocrLines) : [])].map((h) => h.line),
  );
  ocrLines.forEach((l, i) => {
    if (beside.has(i) || carriesPersonalNumber(l)) {
      personalNumberLines.push(i);
      flagged.add(i);
    }
  });
  // A line that carried a 個人番号 keeps no digits at all: a column gap may have split it.
  const scrub = (i: number) => (t: string) => (flagged.has(i) ? t.replace(/\d+/g, SCRUBBED) : t);
  const cells = ocrLines.flatMap((l, i) =>
    cellsOf(
      l,
      i,
      (t, fired) => {
        const text = scrub(i)(
          scrubPersonalNumbers(repairOcr(compact(scrubPersonalNumbers(toHalfWidth(t)).text), fired)).text,
        );
        const label = repairLabel(text);
        if (label !== text) fired.add('label-glyph');
        return label;
      },
      (t) => scrub(i)(scrubPersonalNumbers(toHalfWidth(t)).text),
    ),
  );
  const personalNumberSeen = personalNumberLines.length > 0;
  const fields: ExtractedFields = {};
  const confidence: Extraction['confidence'] = {};
  const via: Extraction['via'] = {};
  /** `rule`: 'label' when read beside its label, else the fallback that placed it; `from`: the cell read. */
  const boxes: Extraction['boxes'] = {};
  /**
   * `rule`: 'label' when read beside its label, else the fallback that placed it; `from`: the
   * cell read (or the label's find, whose box is the value's own).
   */
  const set = <K extends FieldName>(
    k: K,
    v: ExtractedFields[K] | undefined,
    c: number,
    rule = 'label',
    from?: Found | Cell,
  ) => {
    if (v === undefined || v === '') return;
    fields[k] = v;
    confidence[k] = Math.max(0, Math.min(1, Number(c.toFixed(2))));
    const cell = from && 'cell' in from ? from.cell : from;
    via[k] = [rule, ...(cell?.repairs ?? []).map((r) => `repair:${r}`)];
    if (from?.box) boxes[k] = from.box;
    else delete boxes[k];
  };

  // 適用対象者 (限度額適用認定証) is the patient when the 被保険者 is printed too.
  // The フリガナ row some designs print between the label and the name is skipped.
  const KANA = /^[\p{Script=Katakana}ー\s・]+$/u;
  const readNameAt = (f: Found): NameRead | undefined => {
    const v = readName(f.cell.words, f.inline, f.cell.raw);
    if (!v || !KANA.test(v.text)) return v;
    const below = elsewhere(cells, f.cell, 1);
    const w = below ? readName(below.words, false, below.raw) : undefined;
    return w && !KANA.test(w.text) ? w : undefined;
  };
  const name =
    first(cells, /適用対象者\s*氏\s*名/, readNameAt) ??
    first(cells, NAME_LABEL, readNameAt) ??
    // Card fronts print a small 氏名 beside a large name: the model often keeps only 名, and on
    // a low-resolution capture reads 氏 as another glyph (括名, 護名). Only at the start of a cell
    // and followed by kanji, never 名称.
    first(cells, /^\S?名(?!称)(?:(?=\s*\p{Script=Han})|$)/u, (f) => {
      if (!f.inline) return readName(f.cell.words, false, f.cell.raw);
      return /名/.test(f.cell.words[0]?.text ?? '') || f.cell.words[1]?.text.startsWith('名')
        ? readName(f.cell.words, true, f.cell.raw, true)
        : undefined;
    });
  const nameBox = name?.v.box;
  if (name) set('name', name.v.text, name.f.confidence, 'label', name.f);
  else if (kind === 'mynumber_card') {
    // The card front prints its small 氏名 before a large name on the first line: with the label
    // misread (「品 石川 和夫」), a line among the first three that ends in two words shaped like a
    // family and a given name is the name, for confirmation.
    const SHAPED = /^(?:\S{1,2}\s+)?(\p{Script=Han}{1,4})\s+([\p{Script=Han}\p{Script=Hiragana}]{1,4})$/u;
    const m = ocrLines
      .slice(0, 3)
      .map((l, i) => (flagged.has(i) ? null : SHAPED.exec(toHalfWidth(l.text).trim())))
      .find(Boolean);
    if (m) {
      set('name', `${m[1]}\u3000${m[2]}`, 0.5, 'name-shape');
      warnings.push(ocrWarning('ocr.nameWithoutLabel', { name: `${m[1]}\u3000${m[2]}` }));
    }
  }
  const birth = first(cells, /生年月日/, (f) => dateAfter(f.value));
  if (birth) set('birthDate', birth.v, birth.f.confidence, 'label', birth.f);
  if (!fields.birthDate) {
    // Card fronts print 「1980年2月17日生」 without a label on the same line.
    const born = cells.find((l) => new RegExp(DATE_RE.source + '\\s*生').test(l.text));
    if (born) set('birthDate', dateAfter(born.text), born.confidence * 0.9, 'born-suffix', born);
  }
  const sex =
    first(cells, /性\s*別/, (f) => (/^[男女]/.test(f.value.trim()) ? f.value.trim()[0] : undefined)) ??
    first(cells, /(?<=生)\s*(?=[男女])/, (f) => f.value.trim()[0]);
  if (sex) set('sex', sex.v === '男' ? 'male' : 'female', sex.f.confidence, 'label', sex.f);
  else {
    // 性別 misread (「件別 男」) or its cell lost: a 男 or 女 standing alone, when the document has only one.
    const alone = cells.flatMap((c) =>
      [...c.text.matchAll(/(?:^|[^\p{L}]|別)\s*([男女])(?=$|[^\p{L}])/gu)].map((m) => ({ v: m[1]!, c })),
    );
    if (alone.length > 0 && alone.every((x) => x.v === alone[0]!.v))
      set(
        'sex',
        alone[0]!.v === '男' ? 'male' : 'female',
        Math.min(alone[0]!.c.confidence, 0.6),
        'sex-alone',
        alone[0]!.c,
      );
  }

  // Labels as the model misreads them too (険→陵); never the 被保険者番号 of 後期 (the person's number).
  const reread: Extraction['reread'] = {};
  if (!fields.sex) {
    // A lone glyph in its own cell is what the page read drops most: right of the label (「性別 男」)
    // or under it (a stacked cell, the label small above the value).
    const at = cells.find((c) => !flagged.has(c.line) && /性\s*別/.test(c.text));
    const sei = at?.words.find((w) => w.text.includes('性'));
    const betsu = at?.words.find((w) => w.text.includes('別'));
    if (sei && betsu && betsu.bbox.x1 > sei.bbox.x0) {
      const { x0, y0 } = sei.bbox;
      const { x1, y1 } = betsu.bbox;
      const h = y1 - y0;
      reread.sex = [
        { x0: Math.round(x1 + h * 0.2), y0, x1: Math.round(x1 + h * 4), y1 },
        {
          x0: Math.round(x0 - h * 0.2),
          y0: Math.round(y1 - h * 0.1),
          x1: Math.round(x0 + h * 3),
          y1: Math.round(y1 + h * 1.8),
        },
      ];
    }
  }
  // Nothing printed right before it: 被 of 被保険者番号 (後期: the person's number) may be misread.
  // 番 itself may be misread after 保険者 (「保険者箇号」).
  const INSURER = /(?<!\p{Script=Han}\s*)保[険陵](?:\S?番|者\S)\s*号|公費\S{0,3}番号/u;
  const insurer = first(cells, INSURER, (f) => digitsOf(f.value.replace(/[(（][)）](?=\d)/, '0'), 5)?.slice(0, 9));
  const insurerAt = insurer?.f ?? labelled(cells, INSURER).next().value;
  if (insurerAt?.box && !flagged.has(insurerAt.cell.line) && (!insurer || !validateInsurerNumber(insurer.v).valid))
    reread.insurerNumber = insurerAt.box;
  if (insurer) {
    const digits = insurer.v;
    const check = validateInsurerNumber(digits);
    if (check.valid) set('insurerNumber', check.normalized, insurer.f.confidence, 'label', insurer.f);
    else {
      // Kept as read, flagged: staff compare it with the document; the app never guesses a digit.
      set('insurerNumber', digits, Math.min(insurer.f.confidence, 0.3), 'label-failed-check', insurer.f);
      warnings.push(
        ocrWarning(check.reason === 'check_digit' ? 'ocr.insurerNumberCheckDigit' : 'ocr.insurerNumberLength', {
          number: digits,
        }),
      );
    }
  }
  // Canonical form: no spaces (「全国健康保険協会 東京支部」 and 「全国健康保険協会東京支部」 are one insurer).
  const insurerName = first(cells, /(?<![被彼])保\S者名[称衝]?(?!\S?番号)/, (f) =>
    tidyInsurerName(
      untilNextLabel(f.value)
        .replace(/^[^\p{L}]+/u, '')
        .replace(/\s+/g, ''),
    ),
  );
  if (insurerName) set('insurerName', insurerName.v, insurerName.f.confidence, 'label', insurerName.f);
  else {
    // The label unreadable: a cell that has the shape of an insurer's name (協会けんぽ 支部,
    // 健康保険組合, 広域連合, 共済組合) is the insurer's name, for confirmation.
    const shaped = cells.map((c) => ({ c, m: INSURER_NAME_SHAPE.exec(c.text.replace(/\s+/g, '')) })).find((x) => x.m);
    if (shaped)
      set(
        'insurerName',
        tidyInsurerName(shaped.m![0]),
        Math.min(shaped.c.confidence, 0.6),
        'insurer-name-shape',
        shaped.c,
      );
  }

  // 記号 X 番号 Y (枝番 ZZ), on one line or split, or 「X・Y (ZZ)」.
  const combined = cells
    .map((c) => ({ c, m: COMBINED_ID.exec(c.text.replace(/(?<=\d)\s+(?=\d)/g, '')) }))
    .find((x) => x.m);
  if (combined) {
    set('symbol', combined.m![1]!.replace(/^\D*[番号]/, ''), combined.c.confidence, 'combined-id', combined.c);
    set('number', combined.m![2], combined.c.confidence, 'combined-id', combined.c);
    set('branch', combined.m![3], combined.c.confidence, 'combined-id', combined.c);
  } else {
    const symbol = first(
      cells,
      /記\s*号/,
      (f) => f.value.replace(/(?<=\d)\s+(?=\d)/g, '').match(/^(\p{Script=Han}{0,2}\d+)/u)?.[1],
    );
    if (symbol) set('symbol', symbol.v, symbol.f.confidence, 'label', symbol.f);
    // 番号 alone, or the 被保険者(証)番号 of 後期 and the portal; not 保険者番号, 受給者番号, 個人番号.
    const NUMBER = /(?<=\p{Script=Han})保[険陵]者証?番\s*号|(?<![険陵者着省担給費人]|[険陵]\S)番\s*号/u;
    const number = first(cells, NUMBER, (f) => digitsOf(f.value));
    const numberAt = number?.f ?? labelled(cells, NUMBER).next().value;
    // Never on a line that carried a 個人番号: a second reading would bring its digits back.
    if (numberAt?.box && !flagged.has(numberAt.cell.line) && (!number || unclean(untilNextLabel(numberAt.value))))
      reread.number = numberAt.box;
    if (number)
      set(
        'number',
        number.v,
        unclean(untilNextLabel(number.f.value)) ? Math.min(number.f.confidence, 0.5) : number.f.confidence,
        'label',
        number.f,
      );
    const branch = first(cells, /枝\s*番\)?/, (f) => f.value.replace(/^[()（）\s]+/, '').match(/^\d{2}/)?.[0]);
    if (branch) set('branch', branch.v, branch.f.confidence, 'label', branch.f);
    if (!fields.symbol || !fields.number) {
      // The row's labels misread past knowing (「しっ 75572774 番史 921045 (校番) 03」): its shape —
      // a number, a short label, a number, a bracketed label and two digits — places them.
      const ID_ROW = /(?:^|[^\d])(\d{1,8})\s*[^\d\s]{1,3}\s*(\d{1,8})\s*[(（][^\d()（）]{1,3}[)）]\s*(\d{2})(?!\d)/;
      // On the whole line: the misread labels may have split it into cells.
      const row = ocrLines
        .map((l, i) => ({
          l,
          m: flagged.has(i) ? null : ID_ROW.exec(compact(toHalfWidth(l.text)).replace(/(?<=\d)\s+(?=\d)/g, '')),
        }))
        .find((x) => x.m);
      const [, sym, num, br] = row?.m ?? [];
      if (
        row &&
        sym &&
        num &&
        br &&
        (!fields.symbol || fields.symbol === sym) &&
        (!fields.number || fields.number === num)
      ) {
        const conf = Math.min(row.l.confidence, 0.6);
        if (!fields.symbol) set('symbol', sym, conf, 'id-row-shape');
        if (!fields.number) set('number', num, conf, 'id-row-shape');
        if (!fields.branch) set('branch', br, conf, 'id-row-shape');
      }
    }
    if (!fields.branch) {
      // The 枝番 label misread (「(槻番) 00」, 「(校秋) 00」, 「校番 00」): two digits after a short
      // label in brackets, or after a 〜番 label of their own, when only one cell has them.
      const BRANCH_MISREAD = /(?:[(（]\s*[^\s\d()（）]{1,2}\s*[)）]|^[^\s\d]番)\s*(\d{2})(?!\d)/;
      const found = cells
        .filter((c) => !flagged.has(c.line))
        .map((c) => ({ c, m: BRANCH_MISREAD.exec(c.text) }))
        .filter((x) => x.m);
      if (found.length === 1)
        set('branch', found[0]!.m![1], Math.min(found[0]!.c.confidence, 0.6), 'branch-misread-label', found[0]!.c);
    }
  }

  if (fields.insurerNumber === undefined) {
    // The label unreadable (small print on a low-resolution capture): a run of exactly 6 or 8
    // digits with a valid check digit and an insurer's 法別 (or a 国保 都道府県) is taken when it
    // is the only one on the document, always with a warning.
    const candidates = new Set(
      cells
        .filter((c) => !flagged.has(c.line))
        .flatMap((c) =>
          [...c.text.replace(/(?<=\d)\s+(?=\d)/g, '').matchAll(/(?<![\d.,/-])(\d{6}|\d{8})(?![\d年./-])/g)].map(
            (m) => m[1],
          ),
        )
        .filter(
          (d): d is string =>
            d !== undefined && d !== fields.number && d !== fields.symbol && validateInsurerNumber(d).valid,
        )
        .filter((d) =>
          d.length === 6
            ? Number(d.slice(0, 2)) >= 1 && Number(d.slice(0, 2)) <= 47
            : /^(?:0[1-4]|0[67]|3[1-49]|5\d|8\d)/.test(d),
        ),
    );
    if (candidates.size === 1) {
      const [d] = [...candidates];
      set('insurerNumber', d, 0.4, 'insurer-unlabelled');
      warnings.push(ocrWarning('ocr.insurerNumberWithoutLabel', { number: d! }));
    }
  }
  // The same digits as the person's number: one of the two labels was misread.
  if (fields.insurerNumber !== undefined && fields.insurerNumber === fields.number)
    warnings.push(ocrWarning('ocr.insurerNumberSameAsNumber', { number: fields.insurerNumber }));

  const issue = first(cells, /(?<!再)交付(?:年月日|日)?|発行(?:年月日|日)/, (f) => dateAfter(f.value));
  if (issue) set('issueDate', issue.v, issue.f.confidence, 'label', issue.f);
  // The card's own 「…まで有効」 comes first (有効 itself is often misread); never the 電子証明書's
  // expiry, nor a 「…までに」 deadline.
  const UNTIL = new RegExp(DATE_RE.source + '\\s*まで(?!に)');
  const until = cells.map((c) => ({ c, m: UNTIL.exec(c.text) })).find((x) => x.m && !/証明書/.test(x.c.text));
  // 「令和8年7月31日まで」 or a range 「…から…まで」: the last date before the next label is the end.
  const expiry = until
    ? { v: isoOf(until.m![1]!), f: { confidence: until.c.confidence } }
    : first(cells, /(?<!証明書の?)有効期[限間]/, (f) => datesIn(untilNextLabel(f.value)).at(-1));
  if (expiry) set('expiry', expiry.v, expiry.f.confidence, until ? 'until-suffix' : 'label', until?.c);
  // 「2025年12月95日まで有効」 (0 read as 9): no date, but the second reader is told where it is.
  if (!fields.expiry && until?.c.box) boxes.expiry = until.c.box;
  myNumberCardExpiries(cells, kind, flagged, fields, confidence.expiry ?? 0, set, warnings);
  // Every other date on these documents (資格取得, 発効, 認定, 交付, 有効期限) comes after the birth:
  // a birth date on or after the 交付 or 有効期限, or after any date, is another date under a
  // misread label (「半年月日」 repaired to 生年月日), dropped. Checked before the dates are placed
  // by their order (the earliest date may then be the birth) and after.
  const otherDates = cells.filter((c) => !flagged.has(c.line)).flatMap((c) => datesIn(c.text));
  const dropLateBirth = () => {
    const { birthDate } = fields;
    if (
      birthDate &&
      ([fields.issueDate, fields.expiry].some((d) => d && d <= birthDate) || otherDates.some((d) => d < birthDate))
    ) {
      delete fields.birthDate;
      delete confidence.birthDate;
      delete boxes.birthDate;
      warnings.push(ocrWarning('ocr.birthDateNotBefore', { date: birthDate }));
    }
  };
  dropLateBirth();
  for (const g of [
    ...guessDateRoles(cells, fields),
    ...issuerDate(cells, fields, flagged),
    ...extremeDates(cells, fields, flagged, kind),
  ]) {
    set(g.field, g.iso, Math.min(g.confidence, 0.5), g.rule);
    warnings.push(ocrWarning(g.reason.code, { field: g.field, date: g.iso, ...g.reason.params }));
  }
  dropLateBirth();
  // The ratio is the first digit after its label (割 itself is often misread, and then the
  // label is known by 負担金の…合: 負揚金の剤合).
  const ratio = first(cells, /割\s*合|負\S金の\S{0,2}合/, (f) => f.value.match(/^[^\d]{0,2}([123])(?!\d)/)?.[1]);
  if (ratio) set('burdenRatio', (Number(ratio.v) / 10) as 0.1 | 0.2 | 0.3, ratio.f.confidence, 'label', ratio.f);
  else {
    // The label misread past knowing (一閣貧揚釜の和合): a 「1割」「2割」「3割」 ending a cell, after
    // at most a label's length of text without digits, when it is the only one.
    const alone = cells.map((c) => ({ c, m: /^[^\d]{0,12}?([123])\s*割(?!合)\s*$/u.exec(c.text) })).filter((x) => x.m);
    if (alone.length > 0 && new Set(alone.map((x) => x.m![1])).size === 1)
      set(
        'burdenRatio',
        (Number(alone[0]!.m![1]) / 10) as 0.1 | 0.2 | 0.3,
        Math.min(alone[0]!.c.confidence, 0.6),
        'ratio-alone',
        alone[0]!.c,
      );
  }
  const CATEGORY = /^(?:区分)?\s*([アイウエオ]|Ⅰ|Ⅱ|I{1,2}(?![A-Za-z])|現役並み[ⅠⅡⅢ123]?|一般)/;
  // The 適用区分 label misread: the large 「区分Ⅱ」 printed as the value is enough.
  const CATEGORY_LABEL = /(?:適用|限度|所得)\S?区分|適用\S?分(?=\s*区分)/;
  // A stray glyph before a lone category (a cell border read as プ: 「プア」) is let go.
  const category =
    first(
      cells,
      CATEGORY_LABEL,
      (f) => f.value.match(CATEGORY)?.[1] ?? f.value.match(/^[^\s\dアイウエオⅠⅡ]\s*([アイウエオ]|Ⅰ|Ⅱ)\s*$/)?.[1],
    ) ??
    cells
      .map((c) => ({ v: /^[^\p{L}]{0,2}区分\s*([アイウエオ]|Ⅰ|Ⅱ|I{1,2})\s*$/u.exec(c.text)?.[1], f: c }))
      .find((x) => x.v);
  // 区分Ⅰ's bar read as a ruled line (「区分 |」): one bar after 区分 is Ⅰ, two are Ⅱ, for confirmation.
  const bars = category?.v
    ? undefined
    : cells.map((c) => ({ c, m: /^[^\p{L}]{0,2}区分\s*([|l1]{1,2})\s*$/u.exec(c.text) })).find((x) => x.m);
  if (category?.v)
    set(
      'limitCategory',
      category.v.replace(/^II$/, 'Ⅱ').replace(/^I$/, 'Ⅰ'),
      category.f.confidence,
      'cell' in category.f ? 'label' : 'category-alone',
      category.f,
    );
  else if (bars)
    set(
      'limitCategory',
      bars.m![1]!.length === 1 ? 'Ⅰ' : 'Ⅱ',
      Math.min(bars.c.confidence, 0.6),
      'category-bars',
      bars.c,
    );
  else {
    // A lone large katakana (「ウ」) beside its label is often dropped by the page read: where it
    // is printed, to the right of the label, is read again with only the categories allowed.
    // Never on a line that carried a 個人番号.
    const at = cells.find((c) => c.box && !flagged.has(c.line) && CATEGORY_LABEL.test(c.text));
    if (at?.box) {
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
  }
  const special = cells.find((l) => /特別療養費/.test(l.text));
  if (special) set('specialMedicalExpense', true, special.confidence, 'label', special);

  const x: Extraction = {
    fields,
    confidence,
    warnings,
    personalNumberSeen,
    personalNumberLines,
    reread,
    via,
    boxes,
    ...(nameBox ? { nameBox } : {}),
  };
  reconcileInsurerName(x);
  return x;
}

/**
 * A 協会けんぽ or 後期 insurer's name follows from its valid 保険者番号 (`insurerNameOf`). A name
 * not read, or read with misread glyphs, is given that name for confirmation; a name read clean
 * that names another insurer is kept with a warning (one of the two was misread). Run again after
 * a second reading changed the number.
 */
export function reconcileInsurerName(x: Extraction): void {
  const number = x.fields.insurerNumber;
  const derived = number ? insurerNameOf(number) : undefined;
  const read = x.fields.insurerName;
  if (!number || !derived || read === derived) return;
  if (read === undefined || [...read].length < 3 || distance(read, derived) <= derived.length / 2) {
    x.fields.insurerName = derived;
    x.confidence.insurerName = Math.min(0.6, x.confidence.insurerNumber ?? 0.6);
    x.via.insurerName = ['insurer-name-from-number'];
    x.warnings.push(ocrWarning('ocr.insurerNameDerived', { name: derived, number, ...(read ? { read } : {}) }));
  } else x.warnings.push(ocrWarning('ocr.insurerNameMismatch', { read, number, derived }));
}
