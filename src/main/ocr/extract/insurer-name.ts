/** The insurer's name: its shapes, misread tidied, and agreement with the 保険者番号. */
import {
  insurerNameOf,
  koukiUnionName,
  kyokaiBranchOf,
  validateInsurerNumber,
} from '../../../shared/domain/insurer-number.ts';
import { municipalitiesOf } from '../../../shared/domain/municipalities.ts';
import { PREFECTURES } from '../../../shared/domain/prefectures.ts';
import { ocrWarning } from '../../../shared/ocr/warnings.ts';
import { distance } from './edit-distance.ts';
import type { Extractor } from './extractor.ts';
import type { OcrLine } from '../engine.ts';
import { japaneseText } from '../japanese-forms.ts';
import { compact } from '../text.ts';
import type { Extraction } from './fields.ts';
import { untilNextLabel } from './labels.ts';

/** How insurers' names are formed; a municipality (国保: 川口市) has no shape of its own. */
export const INSURER_NAME_SHAPE = new RegExp(
  [
    String.raw`全国健康保険協会\p{Script=Han}{2,3}\S部`,
    // 険 misread (健康保陸組合, TakaoPGothic degraded): tidied below. A name may start in hiragana
    // (あおば食品健康保険組合 had been cut to 食品健康保険組合: the independently written corpus).
    String.raw`[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー]{2,}健康保\p{Script=Han}組合`,
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
 * The end of a 保険者名称 label whose start no pattern knows, run into the name the shape rule
 * found (「誤者名称大和化学健康保険組合」, 「各三角名具日本食品工業健康保険組合」: degraded seeds 3001,
 * 3006). No insurer's name begins with 名称.
 */
const INSURER_NAME_LABEL_REST = /^\p{Script=Han}{0,3}名[称衝弥具](?=\p{Script=Han}{2})/u;

/**
 * 「幕全国健康保険協会東京支部」, 「…大分妄部」, 「…愛嬢支部」: a stray glyph before 全国, a label's
 * end, 支 misread in 支部, one misread glyph of the prefecture when one prefecture alone fits; a
 * 広域連合's tail; 険 of a 健康保険組合 misread (「日本食品工業健康保陸組合」).
 */
export function tidyInsurerName(v: string): string {
  return v
    .replace(/^.{1,2}(?=全国健康保険協会)/, '')
    .replace(INSURER_NAME_LABEL_REST, '')
    .replace(/^(全国健康保険協会\p{Script=Han}{2,3}?)[^支]部$/u, '$1支部')
    .replace(
      /^(全国健康保険協会)(\p{Script=Han}{2,3})(支部)$/u,
      (all, kyokai: string, read: string, branch: string) => {
        if (KYOKAI_BRANCHES.includes(read)) return all;
        const near = KYOKAI_BRANCHES.filter((b) => b.length === read.length && distance(b, read) === 1);
        return near.length === 1 ? kyokai + near[0]! + branch : all;
      },
    )
    .replace(KOUKI_NAME, (_, prefecture: string) => koukiUnionName(prefecture))
    .replace(/健康保[^険]組合$/u, '健康保険組合');
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

/** A lone letter set apart before the name: a ruled line or a band's edge (「i 京都府歯科医師国民健康保険組合」). */
const STRAY_LETTER = /^[A-Za-z]\s+(?=\p{Script=Han})/u;
/** At most this much after a name of an insurer's full shape is a seal or a ruled line read as glyphs. */
const AFTER_SHAPE = 3;

/**
 * A name of an insurer's full shape ends there: a seal beside it read into it (「…広域連合 印合」,
 * 「…茨城県支部区半」, the independently written corpus). No such name goes on past its 組合,
 * 連合 or 支部.
 */
function endOfShape(name: string): string {
  const m = INSURER_NAME_SHAPE.exec(name);
  return m?.index === 0 && name.length - m[0].length <= AFTER_SHAPE ? m[0] : name;
}

// Canonical form: no spaces (「全国健康保険協会 東京支部」 and 「全国健康保険協会東京支部」 are one insurer).
const insurerNameAfterLabel = (value: string) =>
  tidyInsurerName(
    endOfShape(
      untilNextLabel(value)
        .replace(/^[^\p{L}]+/u, '')
        .replace(STRAY_LETTER, '')
        .replace(/\s+/g, ''),
    ),
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

/** A municipality's name ends so: 北九州市, 森町, 泊村, 千代田区. */
const MUNICIPAL = /[市町村区]$/;
/** How far the readings may be from a municipality's name, per glyph on average: one glyph in three. */
const MUNICIPALITY_WITHIN = 0.34;
/** …and how much nearer it must be than the next municipality. */
const MUNICIPALITY_MARGIN = 0.15;
/** A name found so is confirmed by staff (below CONFIRM_BELOW, scan.ts). */
const MUNICIPALITY_CAP = 0.6;

/**
 * The municipality of a 市町村国保's 6-digit 保険者番号's prefecture that the readings name: the
 * end of each reading (its misread label before the name is left out) against every municipality
 * of the prefecture, glyph distance per glyph averaged over the readings. Only one clearly nearest.
 */
export function municipalityOf(reads: readonly string[], insurerNumber: string): string | undefined {
  const check = validateInsurerNumber(insurerNumber);
  if (!check.valid || check.format !== 'kokuho6' || !check.prefecture) return undefined;
  const tails = [...new Set(reads.map((r) => r.replace(/[^\p{L}]+$/u, '')).filter((r) => MUNICIPAL.test(r)))];
  if (tails.length === 0) return undefined;
  const scored = municipalitiesOf(check.prefecture)
    .map((name) => ({
      name,
      d: tails.reduce((sum, t) => sum + distance(t.slice(-name.length), name) / name.length, 0) / tails.length,
    }))
    .sort((a, b) => a.d - b.d);
  const [best, next] = [scored[0], scored[1]];
  if (!best || best.d > MUNICIPALITY_WITHIN || (next && next.d - best.d < MUNICIPALITY_MARGIN)) return undefined;
  return best.name;
}

/**
 * A 市町村国保's name, its label misread or lost in every reading: what each reading of the page
 * (tesseract's, PP-OCRv4's in Japanese forms) printed after the 保険者番号 on its line, and the
 * name read beside a label, give the municipality of the number's prefecture they are nearest to
 * (「志九州市」 and 「北九州市」 for 402727: 北九州市; 「佐岡市」 and 「长阅市」 for 150706: 長岡市).
 * For confirmation. A name read as one of that prefecture's municipalities, or shaped like another
 * insurer's (健康保険組合…), stays.
 */
export function nameMunicipality(x: Extraction, readings: readonly (readonly OcrLine[])[]): void {
  const number = x.fields.insurerNumber;
  const read = x.fields.insurerName;
  if (!number || (read && INSURER_NAME_SHAPE.test(read))) return;
  const afterNumber = new RegExp(`(?<!\\d)${number}(?!\\d)(.*)$`);
  const printed = readings.flatMap((lines) =>
    lines.flatMap((l) => {
      const m = afterNumber.exec(japaneseText(compact(l.text)));
      return m ? [m[1]!.replace(/\s+/g, '')] : [];
    }),
  );
  const name = municipalityOf(read ? [read, ...printed] : printed, number);
  if (!name || name === read) return;
  x.fields.insurerName = name;
  x.confidence.insurerName = MUNICIPALITY_CAP;
  x.via.insurerName = ['insurer-name-municipality'];
  delete x.boxes.insurerName;
}
