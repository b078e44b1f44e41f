/**
 * Fields that decide eligibility, read from OCR lines by their printed labels. Pure.
 *
 * Privacy first: before anything is read, every 12-digit run (a 個人番号) and the マイナンバー
 * 下4桁 some notices print are cut out of the text, so they can never become a field, a log line
 * or a stored value. A failing 保険者番号 check digit is reported, never "corrected".
 */
import { parseJapaneseDate } from '../../shared/domain/wareki.ts';
import { validateInsurerNumber } from '../../shared/domain/insurer-number.ts';
import type { OcrLine } from './engine.ts';
import { toHalfWidth } from '../../shared/domain/text.ts';
import { compact } from './text.ts';

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
}
export type FieldName = keyof ExtractedFields;

export interface Extraction {
  fields: ExtractedFields;
  /** 0–1 per field: the OCR confidence of its line, lowered when a check fails. */
  confidence: Partial<Record<FieldName, number>>;
  warnings: string[];
  /** Whether a 個人番号-like number was seen and cut out (the image must be redacted too). */
  personalNumberSeen: boolean;
  /** Indexes of the OCR lines that carried it: their digit boxes are blacked out in any kept image. */
  personalNumberLines: number[];
}

export const SCRUBBED = '〔削除〕';
/** A 12-digit run, allowing the 4-4-4 grouping with spaces or hyphens. */
const PERSONAL_NUMBER = /(?<!\d)\d{4}[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
const LAST4 = /(マイナンバー|個人番号)[^\n]{0,12}?(下\s*4\s*桁|末尾)[^\n]{0,16}/g;

export function scrubPersonalNumbers(line: string): { text: string; seen: boolean } {
  let seen = false;
  // The marker carries no label words (番号…), so it can never be read as a field.
  const text = line.replace(LAST4, () => ((seen = true), SCRUBBED)).replace(PERSONAL_NUMBER, () => ((seen = true), SCRUBBED));
  return { text, seen };
}

interface Line {
  text: string;
  confidence: number;
}

const DATE_RE = /((?:令和|平成|昭和|大正|[RHST]\.?)\s*(?:\d{1,2}|元)\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?|\d{4}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?)/;

/**
 * Misreads the Japanese model makes on printed dates, repaired before parsing: 日 read as 目
 * after a digit, 令 of 令和 read as 信/今/合/含, 一 read as a long vowel mark.
 */
export function repairOcr(text: string): string {
  return text
    .replace(/(\d)\s*目/g, '$1日')
    .replace(/年月目/g, '年月日')
    .replace(/[信今合含]和(?=\s*(?:\d|元))/g, '令和')
    .replace(/平戌/g, '平成')
    .replace(/^[ー-]+(?=部負担)/, '一');
}

function dateAfter(value: string): string | undefined {
  const m = DATE_RE.exec(value);
  return m ? (parseJapaneseDate(m[1]!.replace(/\s+/g, '')) ?? undefined) : undefined;
}

/** The text after a label on the same line, or the next line when the label stands alone. */
function after(lines: Line[], label: RegExp): { value: string; confidence: number } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const m = label.exec(lines[i]!.text);
    if (!m) continue;
    const rest = lines[i]!.text.slice(m.index + m[0].length).replace(/^[\s:：]+/, '');
    if (rest) return { value: rest, confidence: lines[i]!.confidence };
    const next = lines[i + 1];
    if (next) return { value: next.text, confidence: next.confidence };
  }
  return undefined;
}

/** Cuts a value at the next label printed on the same line. */
const NEXT_LABEL = /\s*(?:性別|生年月日|記号|番号|枝番|交付|有効期限|保険者|資格取得|発効期日|一部負担|負担割合|適用区分|住所|事業所)/;
const untilNextLabel = (v: string) => v.split(NEXT_LABEL)[0]!.trim();

const NAME_LABEL = /(?:氏\s*名|受給者名|被保険者名)/;
const NAME_CHARS = /[^\p{L}\p{M}・ー]/gu;

/**
 * 氏名 with one U+3000 between family and given name. OCR spaces Japanese glyphs unevenly, so the
 * separator is the widest gap between the glyph boxes after the label (when boxes are known),
 * else the single space of the text.
 */
function readName(line: OcrLine): string | undefined {
  // Glyphs after the label, with their boxes (symbols when tesseract gives them, else words).
  const glyphs = line.words.flatMap((w) => (w.symbols && w.symbols.length > 0 ? w.symbols : [{ text: w.text, bbox: w.bbox }])).filter((g) => g.text.trim() !== '');
  const labelEnd = glyphs.findIndex((g, i) => /名/.test(g.text) && (i > 0 ? /[氏者給]/.test(glyphs[i - 1]!.text + g.text) : true));
  const after = labelEnd >= 0 ? glyphs.slice(labelEnd + 1).filter((g) => g.text.replace(NAME_CHARS, '') !== '') : [];
  if (after.length >= 2) {
    const value = untilNextLabel(after.map((g) => g.text).join(''));
    const kept = after.slice(0, [...value].length > 0 ? Math.min(after.length, countGlyphs(after, value)) : 0);
    if (kept.length === 0) return undefined;
    const heights = kept.map((g) => g.bbox.y1 - g.bbox.y0).sort((a, b) => a - b);
    const em = heights[Math.floor(heights.length / 2)]!;
    // The family/given separator is a full-width space: a gap of about one glyph. Glyph gaps
    // inside a name are a fraction of that.
    let best = -1;
    let bestGap = em * 0.45;
    for (let i = 0; i + 1 < kept.length; i++) {
      const gap = kept[i + 1]!.bbox.x0 - kept[i]!.bbox.x1;
      if (gap > bestGap) [best, bestGap] = [i, gap];
    }
    const text = (gs: typeof kept) => gs.map((g) => g.text.replace(NAME_CHARS, '')).join('');
    const joined = best < 0 ? text(kept) : `${text(kept.slice(0, best + 1))}\u3000${text(kept.slice(best + 1))}`;
    return joined.replace(/^\u3000|\u3000$/g, '') || undefined;
  }
  const m = NAME_LABEL.exec(toHalfWidth(line.text));
  if (!m) return undefined;
  const value = untilNextLabel(toHalfWidth(line.text).slice(m.index + m[0].length).replace(/^[\s:：]+/, ''));
  const tokens = value.split(/\s+/).map((t) => t.replace(NAME_CHARS, '')).filter(Boolean);
  return tokens.length === 2 ? tokens.join('\u3000') : tokens.join('') || undefined;
}

/** How many of `glyphs` make up `value` (the value may have been cut at a following label). */
function countGlyphs(glyphs: { text: string }[], value: string): number {
  let n = 0;
  let len = 0;
  while (n < glyphs.length && len < value.length) len += glyphs[n++]!.text.length;
  return n;
}

export function extractFields(ocrLines: OcrLine[]): Extraction {
  const warnings: string[] = [];
  const personalNumberLines: number[] = [];
  const lines: Line[] = ocrLines.map((l, i) => {
    // Scrubbed both spaced (as read) and compacted: OCR may space the digits of one number apart.
    const raw = scrubPersonalNumbers(toHalfWidth(l.text));
    const { text, seen } = scrubPersonalNumbers(repairOcr(compact(raw.text)));
    if (seen || raw.seen) personalNumberLines.push(i);
    return { text, confidence: l.confidence };
  });
  const personalNumberSeen = personalNumberLines.length > 0;
  const fields: ExtractedFields = {};
  const confidence: Extraction['confidence'] = {};
  const set = <K extends FieldName>(k: K, v: ExtractedFields[K] | undefined, c: number) => {
    if (v === undefined || v === '') return;
    fields[k] = v;
    confidence[k] = Math.max(0, Math.min(1, Number(c.toFixed(2))));
  };

  const nameIndex = lines.findIndex((l) => NAME_LABEL.test(l.text));
  if (nameIndex >= 0) {
    const v = readName(ocrLines[nameIndex]!);
    if (v) set('name', v, lines[nameIndex]!.confidence);
  }
  const birth = after(lines, /生年月日/);
  if (birth) set('birthDate', dateAfter(birth.value), birth.confidence);
  if (!fields.birthDate) {
    // Card fronts print 「1980年2月17日生」 without a label on the same line.
    const born = lines.find((l) => new RegExp(DATE_RE.source + '\\s*生').test(l.text));
    if (born) set('birthDate', dateAfter(born.text), born.confidence * 0.9);
  }
  const sexLine = after(lines, /性\s*別/) ?? after(lines, /(?<=生)\s*(?=[男女])/);
  if (sexLine) {
    const s = sexLine.value.trim()[0];
    if (s === '男' || s === '女') set('sex', s === '男' ? 'male' : 'female', sexLine.confidence);
  }

  // Labels as the model misreads them too (者→着/省, 負担→員担).
  const insurer = after(lines, /(?:保[険陵]\S?番号|公費\S{0,3}番号)/);
  if (insurer) {
    const digits = insurer.value.replace(/[\s-]/g, '').match(/^\d{5,9}/)?.[0];
    if (digits) {
      const check = validateInsurerNumber(digits);
      if (check.valid) set('insurerNumber', check.normalized, insurer.confidence);
      else {
        // Kept as read, flagged: staff compare it with the document; the app never guesses a digit.
        set('insurerNumber', digits, Math.min(insurer.confidence, 0.3));
        warnings.push(check.reason === 'check_digit' ? `保険者番号 ${digits} fails its check digit: confirm it on the document` : `保険者番号 ${digits} has an unexpected length: confirm it on the document`);
      }
    }
  }
  const insurerName = after(lines, /保険者(?:名称|名)(?!番号)/);
  // Canonical form: no spaces (「全国健康保険協会 東京支部」 and 「全国健康保険協会東京支部」 are one insurer).
  if (insurerName) set('insurerName', untilNextLabel(insurerName.value).replace(/^[^\p{L}]+/u, '').replace(/\s+/g, ''), insurerName.confidence);

  // 記号 X 番号 Y (枝番 ZZ), on one line or split.
  const symbol = after(lines, /記\s*号/);
  if (symbol) set('symbol', symbol.value.split(/\s*(?:番号|・|\s)/)[0]!.replace(/[^\p{L}\p{N}]/gu, ''), symbol.confidence);
  const number = after(lines, /(?<![険陵者着省担給費]|[険陵]\S)番\s*号/);
  if (number) set('number', number.value.match(/^[\p{L}\p{N}]+/u)?.[0], number.confidence);
  const branch = after(lines, /枝\s*番\)?/);
  if (branch) set('branch', branch.value.replace(/^[()\s]+/, '').match(/^\d{2}/)?.[0], branch.confidence);

  const issue = after(lines, /交付(?:年月日|日)/);
  if (issue) set('issueDate', dateAfter(issue.value), issue.confidence);
  const expiry = after(lines, /有効期限|有効期間/);
  if (expiry) {
    // 「令和8年7月31日まで」 or a range 「…から…まで」: the last date is the end.
    const dates = [...expiry.value.matchAll(new RegExp(DATE_RE, 'g'))].map((m) => parseJapaneseDate(m[1]!.replace(/\s+/g, '')));
    set('expiry', dates.filter(Boolean).at(-1) ?? undefined, expiry.confidence);
  }
  const ratio = after(lines, /(?:部負担金の割合|負担割合|一部負担金)/);
  const ratioMatch = ratio?.value.match(/([123])\s*割/);
  if (ratio && ratioMatch) set('burdenRatio', (Number(ratioMatch[1]) / 10) as 0.1 | 0.2 | 0.3, ratio.confidence);
  const category = after(lines, /(?:適用区分|限度区分|所得区分)/);
  const cat = category?.value.match(/^(?:区分)?\s*([アイウエオ]|Ⅰ|Ⅱ|I{1,2}|現役並み[ⅠⅡⅢ123]?|一般)/);
  if (category && cat) set('limitCategory', cat[1]!, category.confidence);
  const special = lines.find((l) => /特別療養費/.test(l.text));
  if (special) set('specialMedicalExpense', true, special.confidence);

  return { fields, confidence, warnings, personalNumberSeen, personalNumberLines };
}
