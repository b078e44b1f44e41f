/**
 * The My Number Card's front has two expiries: the card's own (「…まで有効」, taken as `expiry`
 * too) and its 電子証明書's, usually earlier (the 5th birthday after issue, the card's the 10th
 * for adults). Both are fields of their own.
 */
import { datesIn } from './dates.ts';
import type { Extractor } from './extractor.ts';

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
};

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
