/**
 * The My Number Card's front has two expiries: the card's own (「…まで有効」, taken as `expiry`
 * too) and its 電子証明書's, usually earlier (the 5th birthday after issue, the card's the 10th
 * for adults). Both are fields of their own.
 */
import { DATE_RE, datesIn, isoOf } from './dates.ts';
import type { Context, Extractor, Placement } from './extractor.ts';

/**
 * The 電子証明書の有効期限 printed on the card's front (「証明書」 alone when the rest is misread;
 * 明 dropped: 「電子証書の有効曲喉」; the second reader's 「重子征明省の有幼群限」).
 */
const CERTIFICATE_EXPIRY = /(?:電子)?証明書の?\S?有効期[限間]|電子\S?明?書|[証征]明[書省]の/;

export const certificateExpiryExtractor: Extractor = {
  fields: ['certificateExpiry'],
  // Only the card carries a 電子証明書 (an お知らせ may mention one in its notes).
  when: ({ kind }) => !kind || kind === 'unknown' || kind === 'mynumber_card',
  labels: [
    {
      pattern: CERTIFICATE_EXPIRY,
      read: (f, ctx) => {
        const date = ctx.flagged.has(f.cell.line) ? undefined : datesIn(f.value)[0];
        return date ? { value: date } : undefined;
      },
      evidence: '「証明書の」 alone when the rest of the label is misread; 明 dropped, 証 read as 征 and 書 as 省',
    },
  ],
  fallbacks: [
    {
      id: 'card-labelled-date',
      evidence:
        'the 電子証明書 label misread past knowing (「家子証司青0有场期期2026年08月20日」): the front’s one date printed after a label with nothing behind it',
      confidenceCap: 0.6,
      find: (ctx) => (ctx.kind === 'mynumber_card' ? labelledDateAlone(ctx) : []),
    },
  ],
};

/**
 * The card's front prints three dates: the birth (「…生」), its own expiry (「…まで有効」) and the
 * 電子証明書's, the only one printed after its label with nothing behind it.
 */
function labelledDateAlone({ cells, flagged, fields }: Context): Placement[] {
  const found = cells.flatMap((c) => {
    const m = DATE_RE.exec(c.text);
    const iso = m && !flagged.has(c.line) ? isoOf(m[1]!) : undefined;
    if (!m || !iso || iso === fields.birthDate || iso === fields.expiry) return [];
    const [before, after] = [c.text.slice(0, m.index), c.text.slice(m.index + m[0].length)];
    return /\p{L}.*\p{L}/u.test(before) && !/\p{L}/u.test(after) ? [{ c, iso }] : [];
  });
  if (new Set(found.map((f) => f.iso)).size !== 1) return [];
  const { c, iso } = found[0]!;
  return [{ field: 'certificateExpiry', value: iso, confidence: c.confidence, from: c }];
}

export const cardExpiryExtractor: Extractor = {
  fields: ['cardExpiry'],
  when: ({ kind }) => kind === 'mynumber_card',
  forms: [
    {
      id: 'until-suffix',
      evidence: 'the card’s own 「…まで有効」 is its expiry',
      confidenceCap: 1,
      find: ({ fields, confidence }) =>
        fields.expiry ? [{ field: 'cardExpiry', value: fields.expiry, confidence: confidence.expiry ?? 0 }] : [],
    },
  ],
};
