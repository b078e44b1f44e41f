/** A contradiction in the screen's language: both documents, both values (dates in 和暦, ratios as 割). */
import type { TFunction } from 'i18next';
import type { ComparedField, Contradiction, ContradictionSide } from '../../../shared/documents/contradictions.ts';
import { dateText } from './dateText.ts';

const DATE_FIELDS: ReadonlySet<ComparedField> = new Set(['birthDate', 'expiry']);

function valueText(field: ComparedField, s: ContradictionSide, t: TFunction, language: string): string {
  if (DATE_FIELDS.has(field)) return dateText(s.value, language)?.main ?? s.value;
  if (field === 'burdenRatio') return t(`ratio.${String(Number(s.value))}`, { defaultValue: s.value });
  return s.value;
}

const docText = (s: ContradictionSide, t: TFunction) =>
  t(`contradiction.docs.${s.documentId === 'card' ? 'card' : s.documentKind}`);

export function contradictionText(c: Contradiction, t: TFunction, language: string): string {
  // The ratio finding compares a ratio (a) with a birth date (b); the expiry finding two dates.
  const bField: ComparedField = c.field === 'burdenRatio' ? 'birthDate' : c.field;
  return t(c.code, {
    aDoc: docText(c.a, t),
    aValue: valueText(c.field, c.a, t, language),
    bDoc: docText(c.b, t),
    bValue: valueText(bField, c.b, t, language),
    age: c.params?.age,
  });
}
