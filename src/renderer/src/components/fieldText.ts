/** A form value as the screens show it: dates in 和暦, ratios as 割, choices and flags in words — never a raw code or ISO date. */
import type { TFunction } from 'i18next';
import { FIELD_INPUTS, type FormField } from '../../../shared/documents/document-fields.ts';
import { formatDate } from './dateText.ts';

export function fieldValueText(field: FormField, value: string, t: TFunction, language: string): string {
  const spec = FIELD_INPUTS[field];
  switch (spec.type) {
    case 'date':
      return formatDate(value, language) || value;
    case 'ratio':
      return t(`ratio.${value}`, { defaultValue: value });
    case 'flag':
      return value === 'true' ? '✓' : '';
    case 'choice':
      return spec.options.includes(value) ? t(`choices.${field}.${value || 'none'}`) : value;
    case 'text':
      return value;
  }
}
