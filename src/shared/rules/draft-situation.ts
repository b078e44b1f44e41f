/**
 * A check still being built: the patient's birth date or insurer type may not be known yet. The
 * verdict is given as soon as it does not depend on what is missing (a card alone at a facility
 * with online checks needs neither); otherwise the answer names the facts it needs.
 */
import { z } from 'zod';
import { addYears } from '../domain/dates.ts';
import { INSURER_TYPES, type InsurerType } from './vocabulary.ts';
import { IsoDateSchema } from './effects.ts';
import { SituationSchema, VerdictSchema, type Situation, type Verdict } from './situation.ts';

export const NEEDED_FACTS = ['birthDate', 'insurerType'] as const;
export type NeededFact = (typeof NEEDED_FACTS)[number];

const PatientShape = SituationSchema.shape.patient;

export const DraftSituationSchema = z
  .object({
    ...SituationSchema.shape,
    patient: PatientShape.extend({
      birthDate: IsoDateSchema.optional(),
      insurerType: z.enum(INSURER_TYPES).optional(),
    }),
  })
  .strict()
  .refine((s) => s.patient.birthDate === undefined || s.patient.birthDate <= s.date, {
    path: ['patient', 'birthDate'],
    message: 'birthDate is after the check date',
  });
export type DraftSituation = z.infer<typeof DraftSituationSchema>;

export const DraftVerdictSchema = z.object({
  /** null while the decision depends on a fact not known yet. */
  verdict: VerdictSchema.nullable(),
  /** The facts whose value would change the decision (empty when the verdict stands). */
  needs: z.array(z.enum(NEEDED_FACTS)),
});
export type DraftVerdict = z.infer<typeof DraftVerdictSchema>;

/**
 * Ages that stand for each age band the rules turn on (未就学, 一般, 高齢受給者, 後期高齢者), with
 * a birthday mid-year so no band edge is crossed on the date itself.
 */
const SAMPLE_AGES = [3, 40, 72, 80] as const;

/** What a verdict says that staff act on: if this differs across the unknowns, the fact is needed. */
const gist = (v: Verdict) =>
  JSON.stringify([v.decision, v.missing, v.fallback ?? null, v.collect, v.uncovered ?? false, v.staffChecks ?? []]);

/**
 * Evaluates a draft: with every fact known, the verdict itself; with some missing, the verdict when
 * every value they could take gives the same decision and steps (the 負担割合 left out when it
 * varies), or the facts that change it.
 */
export function evaluateDraft(draft: DraftSituation, evaluate: (s: Situation) => Verdict): DraftVerdict {
  const { birthDate, insurerType, ...rest } = draft.patient;
  const births =
    birthDate !== undefined
      ? [birthDate]
      : SAMPLE_AGES.map((age) => addYears(draft.date, -age).slice(0, 5) + '06-15').map((d) =>
          d > draft.date ? addYears(d, -1) : d,
        );
  const types: readonly InsurerType[] = insurerType !== undefined ? [insurerType] : INSURER_TYPES;
  const results: { birth: string; type: InsurerType; verdict: Verdict }[] = [];
  for (const birth of births)
    for (const type of types)
      results.push({
        birth,
        type,
        verdict: evaluate({ ...draft, patient: { ...rest, birthDate: birth, insurerType: type } }),
      });
  const first = results[0]!.verdict;
  if (results.length === 1) return { verdict: first, needs: [] };
  const same = (v: Verdict) =>
    gist(v) === gist(first) && JSON.stringify(v.nextSteps) === JSON.stringify(first.nextSteps);
  if (results.every((r) => same(r.verdict))) {
    // The decision stands; a 負担割合 that turns on the unknown age or insurer is left for later.
    if (results.every((r) => r.verdict.burdenRatio === first.burdenRatio)) return { verdict: first, needs: [] };
    const { burdenRatio: _varies, ...rest } = first;
    return { verdict: rest, needs: [] };
  }
  // A fact is needed when changing it alone (the other held) changes what staff would do.
  const varies = (key: 'birth' | 'type') =>
    results.some((a) =>
      results.some(
        (b) =>
          (key === 'birth' ? a.type === b.type && a.birth !== b.birth : a.birth === b.birth && a.type !== b.type) &&
          gist(a.verdict) !== gist(b.verdict),
      ),
    );
  const needs: NeededFact[] = [];
  if (birthDate === undefined && varies('birth')) needs.push('birthDate');
  if (insurerType === undefined && varies('type')) needs.push('insurerType');
  // Only the 負担割合 or the wording varies: both facts still decide it.
  return {
    verdict: null,
    needs: needs.length
      ? needs
      : [
          ...(birthDate === undefined ? ['birthDate' as const] : []),
          ...(insurerType === undefined ? ['insurerType' as const] : []),
        ],
  };
}
