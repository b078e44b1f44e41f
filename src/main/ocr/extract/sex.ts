/** 性別: 男 or 女 beside its label, or standing alone. */
import { soleMatch } from './cells.ts';
import type { Context, Extractor, LabelRead } from './extractor.ts';

const asRead = (glyph: string | undefined): LabelRead | undefined =>
  glyph === '男' ? { value: 'male' } : glyph === '女' ? { value: 'female' } : undefined;

/**
 * Where a lone 男/女 may stand when the label was read without it: right of the label (「性別 男」)
 * or under it (a stacked cell, the label small above the value). A lone glyph in its own cell is
 * what the page read drops most; the scan reads these crops again.
 */
function sexRereadBoxes({ cells, flagged, fields, reread }: Context): void {
  if (fields.sex) return;
  const at = cells.find((c) => !flagged.has(c.line) && /性\s*別/.test(c.text));
  const sei = at?.words.find((w) => w.text.includes('性'));
  const betsu = at?.words.find((w) => w.text.includes('別'));
  if (!sei || !betsu || betsu.bbox.x1 <= sei.bbox.x0) return;
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

export const sexExtractor: Extractor = {
  fields: ['sex'],
  labels: [
    { pattern: /性\s*別/, read: (f) => (/^[男女]/.test(f.value.trim()) ? asRead(f.value.trim()[0]) : undefined) },
    // Card fronts print 「…日生 男」.
    { pattern: /(?<=生)\s*(?=[男女])/, read: (f) => asRead(f.value.trim()[0]) },
  ],
  fallbacks: [
    {
      id: 'sex-alone',
      evidence:
        '性別 misread (「件別 男」), half lost (「性 男」: the second reader drops 別 at 150 dpi) or its cell lost: a lone 男 or 女, when the document has only one',
      confidenceCap: 0.6,
      find: ({ cells }) => {
        const alone = soleMatch(cells, /(?:^|[^\p{L}]|[性別])\s*([男女])(?=$|[^\p{L}])/gu);
        return alone
          ? [{ field: 'sex', ...asRead(alone.value)!, confidence: alone.cell.confidence, from: alone.cell }]
          : [];
      },
    },
  ],
  after: sexRereadBoxes,
};
