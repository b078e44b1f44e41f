/** Fills `{name}` placeholders of a rule's message in Japanese (和暦, 割) and English (ISO, %). */
import type { IsoDate } from '../../shared/domain/dates.ts';
import { toWareki } from '../../shared/dates/desk-date.ts';
import type { LocalizedText } from '../../shared/rules/rulebook-schema.ts';
import { DOCUMENT_NAMES, type DocumentKind } from '../../shared/rules/vocabulary.ts';

export type MessageVar =
  { date: IsoDate } | { ratio: number } | { kind: DocumentKind } | { text: LocalizedText } | { count: number };
export type MessageVars = Record<string, MessageVar>;

function value(v: MessageVar, lang: 'ja' | 'en'): string {
  // A date before 明治 (a mistyped birth year) is said in 西暦 rather than stopping the verdict.
  if ('date' in v)
    return lang === 'ja'
      ? (toWareki(v.date) ??
          `${Number(v.date.slice(0, 4))}年${Number(v.date.slice(5, 7))}月${Number(v.date.slice(8, 10))}日`)
      : v.date;
  if ('ratio' in v) return lang === 'ja' ? `${Math.round(v.ratio * 10)}割` : `${Math.round(v.ratio * 100)}%`;
  if ('kind' in v) return DOCUMENT_NAMES[v.kind][lang];
  if ('text' in v) return v.text[lang];
  return String(v.count);
}

/** Templates split once into [text, name, text, name, …, text]; rule messages are few and reused. */
const compiled = new Map<string, string[]>();

function parts(template: string): string[] {
  let p = compiled.get(template);
  if (!p) {
    p = template.split(/\{(\w+)\}/);
    compiled.set(template, p);
  }
  return p;
}

export function renderMessage(template: string, vars: MessageVars | undefined, lang: 'ja' | 'en'): string {
  if (!vars || !template.includes('{')) return template;
  const p = parts(template);
  let out = p[0]!;
  for (let i = 1; i < p.length; i += 2) {
    const name = p[i]!;
    // An unknown placeholder stays visible rather than vanishing: a rulebook typo must show.
    out += (vars[name] ? value(vars[name], lang) : `{${name}}`) + p[i + 1]!;
  }
  return out;
}
