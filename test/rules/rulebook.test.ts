import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRulebook } from '../../src/main/rules/compile.ts';
import { evaluate } from '../../src/main/rules/evaluate.ts';
import { parseRulebook, RulebookError } from '../../src/main/rules/load.ts';
import { EFFECT_NAMES } from '../../src/shared/rules/effects.ts';

const path = new URL('../../resources/rules/rulebook.json', import.meta.url).pathname;
const text = readFileSync(path, 'utf8');
const book = parseRulebook(text, path);

describe('the shipped rulebook', () => {
  it('validates against the schema', () => {
    expect(book.rules.length).toBeGreaterThanOrEqual(25);
  });

  it.each(book.rules.map((r) => [r.id, r] as const))('%s has a source URL and an effective period', (_id, rule) => {
    expect(rule.sources.length).toBeGreaterThan(0);
    for (const s of rule.sources) expect(s.url).toMatch(/^https?:\/\/\S+$/);
    expect(rule.effective.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect('until' in rule.effective).toBe(true);
    expect(rule.statement.ja.length).toBeGreaterThan(0);
    expect(rule.statement.en.length).toBeGreaterThan(0);
    expect(rule.reads.length).toBeGreaterThan(0);
    expect(rule.appliesTo.insurerTypes.length).toBeGreaterThan(0);
    expect(rule.appliesTo.ageBands.length).toBeGreaterThan(0);
  });

  it('encodes every desk-decision rule of the domain reference', () => {
    const refs = new Set(book.rules.map((r) => r.ref));
    // R-23…R-26 are privacy and card-reading constraints of the app, not desk decisions; R-24 (枝番) has no decision.
    for (let i = 1; i <= 22; i++) expect(refs, `R-${String(i).padStart(2, '0')}`).toContain(`R-${String(i).padStart(2, '0')}`);
  });

  it('gives every effect the engine knows at least one rule', () => {
    const effects = new Set(book.rules.map((r) => r.effect));
    for (const e of EFFECT_NAMES) expect(effects, e).toContain(e);
  });

  it('carries the transitional dates of the domain reference', () => {
    const byId = new Map(book.rules.map((r) => [r.id, r]));
    expect(byId.get('R-06-kokuho')?.effective).toEqual({ from: '2025-08-01', until: '2026-07-31' });
    expect(byId.get('R-06-all')?.effective).toEqual({ from: '2025-11-12', until: '2026-07-31' });
    expect(byId.get('R-05')?.params).toEqual({ latestExpiry: '2025-12-01' });
    expect(byId.get('R-14-all')?.effective.until).toBe('2026-07-31');
    expect(byId.get('R-07')?.params).toEqual({ graceMonths: 3, smartphone: false });
  });
});

describe('rulebook validation', () => {
  const mutate = (f: (b: { rules: Record<string, unknown>[] } & Record<string, unknown>) => void) => {
    const copy = JSON.parse(text) as { rules: Record<string, unknown>[] } & Record<string, unknown>;
    f(copy);
    return JSON.stringify(copy);
  };

  it('refuses a rule without a source', () => {
    const bad = mutate((b) => { b.rules[0]!['sources'] = []; });
    expect(() => parseRulebook(bad, 'x.json')).toThrow(RulebookError);
  });

  it('refuses a rule without an effective period', () => {
    const bad = mutate((b) => { delete b.rules[3]!['effective']; });
    expect(() => parseRulebook(bad, 'x.json')).toThrow(/effective/);
  });

  it('refuses params that do not fit the effect, and missing messages', () => {
    const badParams = mutate((b) => { (b.rules.find((r) => r['id'] === 'R-07')!['params'] as Record<string, unknown>)['graceMonths'] = 'three'; });
    expect(() => parseRulebook(badParams, 'x.json')).toThrow(/graceMonths/);
    const badMsg = mutate((b) => { delete (b.rules.find((r) => r['id'] === 'R-04')!['messages'] as Record<string, unknown>)['expired']; });
    expect(() => parseRulebook(badMsg, 'x.json')).toThrow(/expired/);
  });

  it('refuses until-before-from, duplicate ids and invalid JSON with one line', () => {
    const inverted = mutate((b) => { b.rules[0]!['effective'] = { from: '2026-01-01', until: '2025-01-01' }; });
    expect(() => parseRulebook(inverted, 'x.json')).toThrow(/before/);
    const dup = mutate((b) => { b.rules[1]!['id'] = b.rules[0]!['id']; });
    expect(() => parseRulebook(dup, 'x.json')).toThrow(/duplicate/);
    expect(() => parseRulebook('{', 'x.json')).toThrow(/not valid JSON/);
  });

  it('moves a decision when only the data changes (no code change)', () => {
    const situation = {
      date: '2026-11-22',
      facility: { onlineCheck: 'available' as const, smartphoneReader: false },
      patient: { birthDate: '1960-04-04', insurerType: 'kokuho' as const },
      documents: [{ kind: 'qualification_notice' as const }],
    };
    expect(evaluate(situation, compileRulebook(book)).decision).toBe('need_more');
    // A further extension of the 暫定的な取扱い would be a one-line data edit.
    const extended = parseRulebook(mutate((b) => {
      const r = b.rules.find((x) => x['id'] === 'R-06-kokuho')!;
      r['effective'] = { from: '2025-08-01', until: '2027-03-31' };
    }), 'x.json');
    const verdict = evaluate(situation, compileRulebook(extended));
    expect(verdict.decision).toBe('check_online');
    expect(verdict.reasons[0]?.ruleId).toBe('R-06-kokuho');
  });
});
