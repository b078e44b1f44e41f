/**
 * Extraction as data: each field (or tight group of fields) has an extractor — the forms that
 * name it outright, its printed labels with how to read the value beside them, and the fallbacks
 * tried when no label gave one, each with its confidence cap and the evidence it was added for.
 * The bench counts every rule by its id (`via`), so a rule that does not help can be dropped.
 */
import type { OcrBox, OcrLine } from '../engine.ts';
import type { OcrWarning } from '../../../shared/ocr/warnings.ts';
import type { DocumentKind } from '../../../shared/rules/vocabulary.ts';
import { first, type Cell, type Found } from './cells.ts';
import type { ExtractedFields, Extraction, FieldName } from './fields.ts';

/** What the extractors read from, and what they have placed so far (they run in order). */
export interface Context {
  lines: OcrLine[];
  cells: Cell[];
  kind?: DocumentKind | 'unknown';
  /** Lines that carried a 個人番号: nothing is read from them. */
  flagged: ReadonlySet<number>;
  fields: ExtractedFields;
  confidence: Extraction['confidence'];
  via: Extraction['via'];
  boxes: Extraction['boxes'];
  reread: Extraction['reread'];
  warnings: OcrWarning[];
  nameBox?: Extraction['nameBox'];
}

type FieldValue = ExtractedFields[FieldName];

/** A value for a field, with where it was read (its cell, or a label's find whose box is the value's own). */
export interface Placement {
  field: FieldName;
  value: FieldValue | undefined;
  confidence: number;
  from?: Found | Cell;
  /** The rule id when it is not the placing rule's own (a rule with several outcomes). */
  rule?: string;
  /** Why staff must confirm it. */
  warning?: OcrWarning;
}

/** A form or fallback: a rule the bench counts by its id. */
export interface Rule {
  id: string;
  /** The misread or layout it is for: why it exists. */
  evidence: string;
  /** A field it places is never surer than this. */
  confidenceCap: number;
  /** Its placements, or none when it does not apply. */
  find: (ctx: Context) => Placement[];
}

/** The value beside a label: the field's value, or undefined to look where the label is printed next. */
export interface LabelRead {
  value: FieldValue;
  /** Lower than the line's confidence when a check failed. */
  confidenceCap?: number;
  /** The rule id when the read is not a clean one ('label-failed-check'). */
  rule?: string;
  warning?: OcrWarning;
  /** Where the value's own glyphs are (the name's: the scan looks for its space there). */
  glyphs?: OcrBox;
}

export interface Label {
  pattern: RegExp;
  read: (found: Found, ctx: Context) => LabelRead | undefined;
  /** For a pattern that also matches a misread label. */
  evidence?: string;
  /** The kinds of document that print it, when not all. */
  printedOn?: (kind: Context['kind']) => boolean;
}

export interface Extractor {
  /** The fields it places; it is skipped when all of them are placed already. */
  fields: readonly FieldName[];
  /** Whether it applies to the document at all. */
  when?: (ctx: Context) => boolean;
  /** Tried before the labels: a form that names the field without its usual label. */
  forms?: readonly Rule[];
  labels?: readonly Label[];
  /** Tried in order when no form or label placed anything; the first that places ends the search. */
  fallbacks?: readonly Rule[];
  /** Every fallback is decided on the fields as they stood before any of them, and all are placed. */
  fallbacksTogether?: boolean;
  /** After its search: where to read again, what to remember. `hit` is the label's find, if any. */
  after?: (ctx: Context, hit?: { read: LabelRead; found: Found }) => void;
}

/** A check across fields placed so far (a birth date after the 交付 is another date). */
export type Check = (ctx: Context) => void;

export function place(ctx: Context, p: Placement, rule: string, cap = 1): void {
  const { field: k, value: v } = p;
  if (v === undefined || v === '') return;
  (ctx.fields as Record<string, FieldValue>)[k] = v;
  ctx.confidence[k] = Math.max(0, Math.min(1, Number(Math.min(p.confidence, cap).toFixed(2))));
  const cell = p.from && 'cell' in p.from ? p.from.cell : p.from;
  ctx.via[k] = [p.rule ?? rule, ...(cell?.repairs ?? []).map((r) => `repair:${r}`)];
  if (p.from?.box) ctx.boxes[k] = p.from.box;
  else delete ctx.boxes[k];
}

function placeAll(ctx: Context, rule: Rule, ps: Placement[]): void {
  for (const p of ps) {
    place(ctx, p, rule.id, rule.confidenceCap);
    if (p.warning) ctx.warnings.push(p.warning);
  }
}

/** The first rule that places anything, in order. */
function firstRule(ctx: Context, rules: readonly Rule[]): boolean {
  for (const rule of rules) {
    const ps = rule.find(ctx);
    if (ps.length === 0) continue;
    placeAll(ctx, rule, ps);
    return true;
  }
  return false;
}

function byLabel(ctx: Context, ex: Extractor): { read: LabelRead; found: Found } | undefined {
  for (const label of ex.labels ?? []) {
    if (label.printedOn && !label.printedOn(ctx.kind)) continue;
    const hit = first(ctx.cells, label.pattern, (f) => label.read(f, ctx));
    if (!hit) continue;
    const { value, rule, confidenceCap, warning } = hit.v;
    const p = { field: ex.fields[0]!, value, confidence: hit.f.confidence, from: hit.f, ...(rule ? { rule } : {}) };
    place(ctx, p, 'label', confidenceCap);
    if (warning) ctx.warnings.push(warning);
    return { read: hit.v, found: hit.f };
  }
  return undefined;
}

export function runExtractor(ctx: Context, ex: Extractor): void {
  if (ex.fields.every((f) => ctx.fields[f] !== undefined)) return;
  if (ex.when && !ex.when(ctx)) return;
  if (ex.forms && firstRule(ctx, ex.forms)) return ex.after?.(ctx);
  const hit = byLabel(ctx, ex);
  if (!hit && ex.fallbacksTogether) {
    const found = (ex.fallbacks ?? []).map((rule) => ({ rule, ps: rule.find(ctx) }));
    for (const { rule, ps } of found) placeAll(ctx, rule, ps);
  } else if (!hit) firstRule(ctx, ex.fallbacks ?? []);
  ex.after?.(ctx, hit);
}
