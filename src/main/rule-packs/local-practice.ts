/**
 * 地域・保険者ごとの運用 (local practice): data a clinic adds for its insurers — "this 国保 prints
 * 負担割合 on the 資格確認書", "this insurer's 資格確認書 is valid 2 years". A local rule can only
 * add: a reason marked local, a step, documents to collect. It never changes the decision nor hides
 * a national reason, so it cannot switch a national rule off, silently or otherwise.
 */
import { z } from 'zod';
import { inRange } from '../../shared/domain/dates.ts';
import { validateInsurerNumber } from '../../shared/domain/insurer-number.ts';
import { IsoDateSchema } from '../../shared/rules/effects.ts';
import { LocalizedTextSchema } from '../../shared/rules/rulebook-schema.ts';
import type { Situation, Verdict } from '../../shared/rules/situation.ts';
import { DOCUMENT_KINDS, INSURER_TYPES } from '../../shared/rules/vocabulary.ts';

const InsurerNumber = z
  .string()
  .refine((s) => validateInsurerNumber(s).valid, { message: 'not a valid 保険者番号 (length or 検証番号)' });

export const LocalRuleSchema = z
  .object({
    id: z.string().regex(/^L-[A-Za-z0-9-]{1,30}$/, { message: 'local rule ids start with "L-"' }),
    /** Whom it concerns: specific insurers (by 保険者番号) or whole insurer types. */
    scope: z
      .object({
        insurerNumbers: z.array(InsurerNumber).min(1).optional(),
        insurerTypes: z.array(z.enum(INSURER_TYPES)).min(1).optional(),
      })
      .strict()
      .refine((s) => (s.insurerNumbers === undefined) !== (s.insurerTypes === undefined), {
        message: 'scope: give insurerNumbers or insurerTypes',
      }),
    /** Only when one of these documents is shown (all checks when absent). */
    documentKinds: z.array(z.enum(DOCUMENT_KINDS)).min(1).optional(),
    title: LocalizedTextSchema,
    message: LocalizedTextSchema,
    step: LocalizedTextSchema.optional(),
    collect: z.array(z.enum(DOCUMENT_KINDS)).optional(),
    effective: z.object({ from: IsoDateSchema, until: IsoDateSchema.nullable() }).strict(),
    /** Where the clinic learnt it (the insurer's notice, a phone call on a date…). */
    source: z.string().min(1).max(300),
  })
  .strict();
export type LocalRule = z.infer<typeof LocalRuleSchema>;

export const LocalPracticeSchema = z
  .object({ schemaVersion: z.literal(1), rules: z.array(LocalRuleSchema).max(500) })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate id ${r.id}` });
      seen.add(r.id);
    });
  });
export type LocalPractice = z.infer<typeof LocalPracticeSchema>;

/** Specific insurers first, then insurer types: the narrower the rule, the earlier it is read. */
function matches(rule: LocalRule, s: Situation): 0 | 1 | 2 {
  if (!inRange(s.date, rule.effective.from, rule.effective.until)) return 0;
  if (rule.documentKinds && !s.documents.some((d) => rule.documentKinds!.includes(d.kind))) return 0;
  if (rule.scope.insurerNumbers) {
    const n = s.patient.insurerNumber ? validateInsurerNumber(s.patient.insurerNumber).normalized : undefined;
    return n && rule.scope.insurerNumbers.some((x) => validateInsurerNumber(x).normalized === n) ? 2 : 0;
  }
  return rule.scope.insurerTypes!.includes(s.patient.insurerType) ? 1 : 0;
}

export function applyLocalPractice(verdict: Verdict, situation: Situation, rules: readonly LocalRule[]): Verdict {
  const hits = rules
    .map((rule, order) => ({ rule, order, rank: matches(rule, situation) }))
    .filter((h) => h.rank > 0)
    .sort((a, b) => b.rank - a.rank || a.order - b.order);
  if (hits.length === 0) return verdict;
  const collect = new Set(verdict.collect);
  for (const { rule } of hits) for (const k of rule.collect ?? []) collect.add(k);
  return {
    ...verdict,
    collect: [...collect],
    reasons: [
      ...verdict.reasons,
      ...hits.map(({ rule }) => ({
        ruleId: rule.id,
        message: `【地域の運用】${rule.message.ja}`,
        messageEn: `[local practice] ${rule.message.en}`,
        source: rule.source,
        origin: 'local' as const,
      })),
    ],
    nextSteps: [...verdict.nextSteps, ...hits.flatMap(({ rule }) => (rule.step ? [rule.step.ja] : []))],
    nextStepsEn: [...verdict.nextStepsEn, ...hits.flatMap(({ rule }) => (rule.step ? [rule.step.en] : []))],
  };
}
