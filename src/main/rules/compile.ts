/**
 * A rulebook made ready for evaluation: rules indexed by effect, so a decision looks up only the
 * handful of rules that can bear on it. Pure.
 */
import type { AgeBand } from '../../shared/domain/age.ts';
import type { IsoDate } from '../../shared/domain/dates.ts';
import type { EffectName, EffectParams } from '../../shared/rules/effects.ts';
import type { Rule, Rulebook } from '../../shared/rules/rulebook-schema.ts';
import type { InsurerType } from '../../shared/rules/vocabulary.ts';

export type TypedRule<E extends EffectName> = Rule & { effect: E; params: EffectParams<E> };

export interface CompiledRulebook {
  readonly version: string;
  readonly rules: readonly Rule[];
  readonly byEffect: ReadonlyMap<EffectName, readonly Rule[]>;
}

/** Params were validated against the effect's schema by RulebookSchema; this only indexes. */
export function compileRulebook(book: Rulebook): CompiledRulebook {
  const byEffect = new Map<EffectName, Rule[]>();
  for (const rule of book.rules) {
    const list = byEffect.get(rule.effect) ?? [];
    list.push(rule);
    byEffect.set(rule.effect, list);
  }
  return { version: book.version, rules: book.rules, byEffect };
}

export interface Scope {
  date: IsoDate;
  insurerType: InsurerType;
  band: AgeBand;
}

function inScope(rule: Rule, scope: Scope): boolean {
  return (
    rule.appliesTo.insurerTypes.includes(scope.insurerType) &&
    (rule.appliesTo.ageBands as readonly string[]).includes(scope.band)
  );
}

export function isInForce(rule: Rule, scope: Scope): boolean {
  const { from, until } = rule.effective;
  return scope.date >= from && (until === null || scope.date <= until) && inScope(rule, scope);
}

/** The rule of this effect in force for the patient on the date, if any. */
export function activeRule<E extends EffectName>(
  book: CompiledRulebook,
  effect: E,
  scope: Scope,
): TypedRule<E> | undefined {
  for (const rule of book.byEffect.get(effect) ?? []) if (isInForce(rule, scope)) return rule as TypedRule<E>;
  return undefined;
}

/** A rule of this effect in force on the date for everyone it covers (scope-free facts such as R-07). */
export function ruleInForceOn<E extends EffectName>(
  book: CompiledRulebook,
  effect: E,
  date: IsoDate,
): TypedRule<E> | undefined {
  for (const rule of book.byEffect.get(effect) ?? []) {
    const { from, until } = rule.effective;
    if (date >= from && (until === null || date <= until)) return rule as TypedRule<E>;
  }
  return undefined;
}

/** Every rule of this effect in force (effects such as hints may have several). */
export function activeRules<E extends EffectName>(book: CompiledRulebook, effect: E, scope: Scope): TypedRule<E>[] {
  return (book.byEffect.get(effect) ?? []).filter((r) => isInForce(r, scope)) as TypedRule<E>[];
}

/** The most recent rule of this effect for the patient that has already ended (to say so). */
export function endedRule<E extends EffectName>(
  book: CompiledRulebook,
  effect: E,
  scope: Scope,
): TypedRule<E> | undefined {
  let best: Rule | undefined;
  for (const rule of book.byEffect.get(effect) ?? []) {
    const until = rule.effective.until;
    if (until !== null && until < scope.date && inScope(rule, scope) && (!best || until > best.effective.until!))
      best = rule;
  }
  return best as TypedRule<E> | undefined;
}

/** The next rule of this effect for the patient that is not in force yet (to say from when). */
export function upcomingRule<E extends EffectName>(
  book: CompiledRulebook,
  effect: E,
  scope: Scope,
): TypedRule<E> | undefined {
  let best: Rule | undefined;
  for (const rule of book.byEffect.get(effect) ?? []) {
    if (
      rule.effective.from > scope.date &&
      inScope(rule, scope) &&
      (!best || rule.effective.from < best.effective.from)
    )
      best = rule;
  }
  return best as TypedRule<E> | undefined;
}

/** Any rule of the effect, in force or not (settings that are not decisions, e.g. the card status's grace months). */
export function anyRule<E extends EffectName>(book: CompiledRulebook, effect: E): TypedRule<E> | undefined {
  return book.byEffect.get(effect)?.[0] as TypedRule<E> | undefined;
}
