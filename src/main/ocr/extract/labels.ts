/** Printed labels: where a value starts and ends, and labels read with one glyph wrong. */
import { distance } from './edit-distance.ts';

/**
 * The labels these documents print. A value never starts with one, and one printed later on the
 * same line ends the value before it (「有効期限 2024年7月31日 発行年月日 2023年9月5日」 gave the
 * 発行 date as the 有効期限 until 発行 was listed: the independently written corpus).
 */
const LABEL_WORDS = ['有効期[限間]', '交付', '発行', '記号', '番号', '枝番', '氏名', '生年月日', '性別', '保険者']
  .concat(['被保険者', '資格取得', '発効期日', '一部負担', '負担割合', '適用区分', '限度区分', '住所', '事業所'])
  .concat(['世帯主', '公費負担者', '受給者', '保護者', '適用対象者', '適用開始', '自己負担', 'フリガナ'])
  .join('|');
/** A label printed at the start of a cell (values never start with one). */
const LABEL_START = new RegExp(`^[(（]?(?:${LABEL_WORDS})`);
/** Cuts a value at the next label printed on the same line. */
const NEXT_LABEL = new RegExp(`\\s*(?:${LABEL_WORDS})`);
export const untilNextLabel = (v: string) => v.split(NEXT_LABEL)[0]!.trim();
/** Punctuation the model reads between a label and its value (colons, underscores, ruled lines). */
export const LEAD = /^[\s:：_.,、。”"'|」」「｜~〜[\]]+/;
export const isLabel = (t: string) => LABEL_START.test(t.replace(LEAD, ''));

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
      // Digits are values, never part of a misread label, nor is the space after it; a glyph before
      // an intact label makes another label (被保険者番号 with 被 misread), not a misread one.
      if (/\d|\s$/.test(head) || head.endsWith(label)) continue;
      const d = distance(head, label);
      // As near, the reading as long as the label is the one misread in place.
      const nearer = !best || d < best.d || (d === best.d && len === label.length && best.len !== best.label.length);
      if (d <= limit && nearer) best = { label, len, d };
    }
  }
  return best ? best.label + t.slice(best.len) : text;
}
