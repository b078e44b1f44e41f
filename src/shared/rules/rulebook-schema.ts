/** The rulebook file format (`resources/rules/rulebook.json`), validated with zod on load. */
import { z } from 'zod';
import { AGE_BANDS } from '../domain/age.ts';
import { EFFECTS, EFFECT_NAMES, IsoDateSchema, type EffectName } from './effects.ts';
import { CONFIDENCE_LEVELS, INSURER_TYPES, SOURCE_STATUSES } from './vocabulary.ts';

export const LocalizedTextSchema = z.object({ ja: z.string().min(1), en: z.string().min(1) }).strict();
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const SourceSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }),
    title: z.string().min(1),
    quote: z.string().min(1).optional(),
  })
  .strict();

export const RuleSchema = z
  .object({
    /** Unique id; `ref` is the rule of the domain reference it encodes (R-06 may become R-06-kokuho…). */
    id: z.string().regex(/^R-\d{2}(-[a-z0-9]+)*$/),
    ref: z.string().regex(/^R-\d{2}$/),
    effect: z.enum(EFFECT_NAMES as [EffectName, ...EffectName[]]),
    title: LocalizedTextSchema,
    statement: LocalizedTextSchema,
    /** The situation facts the rule reads, as paths (`documents.qualification_certificate.expiry`). */
    reads: z.array(z.string().min(1)).min(1),
    /** Inclusive; `until: null` means in force until further notice. */
    effective: z.object({ from: IsoDateSchema, until: IsoDateSchema.nullable() }).strict(),
    appliesTo: z
      .object({
        insurerTypes: z.array(z.enum(INSURER_TYPES)).min(1),
        ageBands: z.array(z.enum(AGE_BANDS as unknown as ['preschool', ...string[]])).min(1),
      })
      .strict(),
    params: z.record(z.string(), z.unknown()),
    messages: z.record(z.string(), LocalizedTextSchema),
    sources: z.array(SourceSchema).min(1),
    status: z.enum(SOURCE_STATUSES),
    /** How sure the sources make the rule, where they are thin or disagree (domain update 2026-12). */
    confidence: z.enum(CONFIDENCE_LEVELS).optional(),
    notes: z.string().optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const spec = EFFECTS[rule.effect];
    const parsed = spec.params.safeParse(rule.params);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: 'custom', path: ['params', ...issue.path.map(String)], message: issue.message });
      }
    }
    for (const key of spec.messages) {
      if (!rule.messages[key])
        ctx.addIssue({
          code: 'custom',
          path: ['messages', key],
          message: `missing message "${key}" for effect ${rule.effect}`,
        });
    }
    if (rule.effective.until !== null && rule.effective.until < rule.effective.from) {
      ctx.addIssue({ code: 'custom', path: ['effective'], message: 'effective.until is before effective.from' });
    }
    // A rule whose params carry its own end date says the same date as its effective period.
    const param = END_DATE_PARAMS[rule.effect];
    if (param) {
      const end = rule.params[param];
      if (end !== rule.effective.until) {
        ctx.addIssue({
          code: 'custom',
          path: ['params', param],
          message: `params.${param} (${String(end)}) and effective.until (${String(rule.effective.until)}) disagree`,
        });
      }
    }
  });

/** Params that are an end date of the rule itself, by effect (checked against effective.until). */
const END_DATE_PARAMS: Partial<Record<EffectName, string>> = { legacy_card: 'latestExpiry' };
export type Rule = z.infer<typeof RuleSchema>;

export const RulebookSchema = z
  .object({
    schemaVersion: z.literal(1),
    version: z.string().regex(/^\d{4}\.\d{2}\.\d{2}(-\d+)?$/),
    published: IsoDateSchema,
    title: LocalizedTextSchema,
    rules: z.array(RuleSchema).min(1),
  })
  .strict()
  .superRefine((book, ctx) => {
    const seen = new Set<string>();
    book.rules.forEach((rule, i) => {
      if (seen.has(rule.id))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id ${rule.id}` });
      seen.add(rule.id);
    });
  });
export type Rulebook = z.infer<typeof RulebookSchema>;
