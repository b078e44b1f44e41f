/** What the rules viewer shows: the pack in force, its rules (national and local), what changed. */
import { z } from 'zod';
import { IsoDateSchema } from './effects.ts';
import { DOCUMENT_KINDS } from './vocabulary.ts';

const Text = z.object({ ja: z.string(), en: z.string() });

export const PackInfoSchema = z.object({
  packId: z.string(),
  version: z.string(),
  published: IsoDateSchema,
  effective: IsoDateSchema,
  origin: z.enum(['built-in', 'installed']),
});
export type PackInfo = z.infer<typeof PackInfoSchema>;

export const RuleChangeSchema = z.object({
  change: z.enum(['added', 'changed', 'removed']),
  ruleId: z.string(),
  title: Text,
  effectiveFrom: IsoDateSchema.nullable(),
  effectiveUntil: IsoDateSchema.nullable(),
  /** With `changed`: each part of the rule that differs (`params.portalFormats`, `appliesTo.insurerTypes`…), before and after as JSON. */
  details: z
    .array(z.object({ path: z.string(), before: z.string().nullable(), after: z.string().nullable() }))
    .optional(),
});
export type RuleChange = z.infer<typeof RuleChangeSchema>;

export const RulesOverviewSchema = z.object({
  active: PackInfoSchema,
  /** The pack used before this one, when there is one. */
  previous: PackInfoSchema.nullable(),
  /** A newer pack installed but not yet in force (effective later). */
  upcoming: PackInfoSchema.nullable(),
  rules: z.array(
    z.object({
      id: z.string(),
      title: Text,
      statement: Text,
      documentKinds: z.array(z.enum(DOCUMENT_KINDS)),
      effectiveFrom: IsoDateSchema.nullable(),
      effectiveUntil: IsoDateSchema.nullable(),
      sources: z.array(z.object({ title: z.string(), url: z.string().optional() })),
      status: z.string(),
      local: z.boolean(),
    }),
  ),
  changes: z.array(RuleChangeSchema),
  /** Why installed packs or local practice could not be used, if so. */
  problems: z.array(z.string()),
});
export type RulesOverview = z.infer<typeof RulesOverviewSchema>;

export const RulesQuerySchema = z
  .object({ text: z.string().max(100).optional(), kind: z.enum(DOCUMENT_KINDS).optional() })
  .strict();
export type RulesQuery = z.infer<typeof RulesQuerySchema>;
