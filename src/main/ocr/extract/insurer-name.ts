/** The insurer's name: its shapes, misread tidied, and agreement with the 保険者番号. */
import { insurerNameOf, koukiUnionName, kyokaiBranchOf } from '../../../shared/domain/insurer-number.ts';
import { PREFECTURES } from '../../../shared/domain/prefectures.ts';
import { ocrWarning } from '../../../shared/ocr/warnings.ts';
import { distance } from './edit-distance.ts';
import type { Extractor } from './extractor.ts';
import type { Extraction } from './fields.ts';
import { untilNextLabel } from './labels.ts';

/** How insurers' names are formed; a municipality (国保: 川口市) has no shape of its own. */
export const INSURER_NAME_SHAPE = new RegExp(
  [
    String.raw`全国健康保険協会\p{Script=Han}{2,3}\S部`,
    String.raw`[\p{Script=Han}\p{Script=Katakana}ー]{2,}健康保険組合`,
    String.raw`\p{Script=Han}{2,4}後期高齢者医療広域連合`,
    String.raw`\p{Script=Han}{2,}共済組合(?:\p{Script=Han}{2,3}支部)?`,
  ].join('|'),
  'u',
);

/** A prefecture has one 後期高齢者医療広域連合: its name's misread or cut-off tail (広城連仙, 且) follows. */
const KOUKI_NAME = new RegExp(`^\\S{0,2}?(${PREFECTURES.join('|')})後期高齢者医療\\S{0,5}$`, 'u');

/** What a 協会けんぽ 支部 can be named for (北海道, 東京, 愛媛). */
const KYOKAI_BRANCHES = PREFECTURES.map(kyokaiBranchOf);

/**
 * 「幕全国健康保険協会東京支部」, 「…大分妄部」, 「…愛嬢支部」: a stray glyph before 全国, 支 misread in
 * 支部, one misread glyph of the prefecture when one prefecture alone fits; a 広域連合's tail.
 */
export function tidyInsurerName(v: string): string {
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

/** Not the 被保険者's name nor the 保険者番号's label; 称 read as 衝 or 弥 (「保険者名弥 水戸市」), 険 as any glyph. */
const INSURER_NAME_LABEL = /(?<![被彼])保\S者名[称衝弥]?(?!\S?番号)/;

// Canonical form: no spaces (「全国健康保険協会 東京支部」 and 「全国健康保険協会東京支部」 are one insurer).
const insurerNameAfterLabel = (value: string) =>
  tidyInsurerName(
    untilNextLabel(value)
      .replace(/^[^\p{L}]+/u, '')
      .replace(/\s+/g, ''),
  );

export const insurerNameExtractor: Extractor = {
  fields: ['insurerName'],
  labels: [
    {
      pattern: INSURER_NAME_LABEL,
      read: (f) => {
        const name = insurerNameAfterLabel(f.value);
        return name ? { value: name } : undefined;
      },
    },
  ],
  fallbacks: [
    {
      id: 'insurer-name-shape',
      evidence: 'the label unreadable: a cell shaped like an insurer’s name (協会けんぽ 支部, 健康保険組合, 広域連合)',
      confidenceCap: 0.6,
      find: ({ cells }) => {
        const shaped = cells
          .map((c) => ({ c, m: INSURER_NAME_SHAPE.exec(c.text.replace(/\s+/g, '')) }))
          .find((x) => x.m);
        if (!shaped) return [];
        return [
          {
            field: 'insurerName',
            value: tidyInsurerName(shaped.m![0]),
            confidence: shaped.c.confidence,
            from: shaped.c,
          },
        ];
      },
    },
  ],
};
