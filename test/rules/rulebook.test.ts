import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRulebook } from '../../src/main/rules/compile.ts';
import { evaluate } from '../../src/main/rules/evaluate.ts';
import { parseRulebook, RulebookError } from '../../src/main/rules/load.ts';
import { EFFECT_NAMES } from '../../src/shared/rules/effects.ts';
import { SituationSchema } from '../../src/shared/rules/situation.ts';
import { NO_RULE_ID } from '../../src/shared/rules/vocabulary.ts';

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
    for (let i = 1; i <= 22; i++)
      expect(refs, `R-${String(i).padStart(2, '0')}`).toContain(`R-${String(i).padStart(2, '0')}`);
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
    const bad = mutate((b) => {
      b.rules[0]!['sources'] = [];
    });
    expect(() => parseRulebook(bad, 'x.json')).toThrow(RulebookError);
  });

  it('refuses a rule without an effective period', () => {
    const bad = mutate((b) => {
      delete b.rules[3]!['effective'];
    });
    expect(() => parseRulebook(bad, 'x.json')).toThrow(/effective/);
  });

  it('refuses params that do not fit the effect, and missing messages', () => {
    const badParams = mutate((b) => {
      (b.rules.find((r) => r['id'] === 'R-07')!['params'] as Record<string, unknown>)['graceMonths'] = 'three';
    });
    expect(() => parseRulebook(badParams, 'x.json')).toThrow(/graceMonths/);
    const badMsg = mutate((b) => {
      delete (b.rules.find((r) => r['id'] === 'R-04')!['messages'] as Record<string, unknown>)['expired'];
    });
    expect(() => parseRulebook(badMsg, 'x.json')).toThrow(/expired/);
  });

  it('refuses until-before-from, duplicate ids and invalid JSON with one line', () => {
    const inverted = mutate((b) => {
      b.rules[0]!['effective'] = { from: '2026-01-01', until: '2025-01-01' };
    });
    expect(() => parseRulebook(inverted, 'x.json')).toThrow(/before/);
    const dup = mutate((b) => {
      b.rules[1]!['id'] = b.rules[0]!['id'];
    });
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
    const extended = parseRulebook(
      mutate((b) => {
        const r = b.rules.find((x) => x['id'] === 'R-06-kokuho')!;
        r['effective'] = { from: '2025-08-01', until: '2027-03-31' };
      }),
      'x.json',
    );
    const verdict = evaluate(situation, compileRulebook(extended));
    expect(verdict.decision).toBe('check_online');
    expect(verdict.reasons[0]?.ruleId).toBe('R-06-kokuho');
  });
});

describe('traceability (December 2026)', () => {
  const mutate = (f: (b: { rules: Record<string, unknown>[] } & Record<string, unknown>) => void) => {
    const copy = JSON.parse(text) as { rules: Record<string, unknown>[] } & Record<string, unknown>;
    f(copy);
    return JSON.stringify(copy);
  };
  const byId = (b: { rules: Record<string, unknown>[] }, id: string) => b.rules.find((r) => r['id'] === id)!;
  const sit = (date: string, documents: unknown[] = [], patient: Record<string, unknown> = {}) =>
    SituationSchema.parse({
      date,
      facility: { onlineCheck: 'unavailable', smartphoneReader: false },
      patient: { birthDate: '1980-05-01', insurerType: 'kyokai', ...patient },
      documents,
    });

  it('refuses a rule whose own end-date param disagrees with effective.until', () => {
    const moved = mutate((b) => {
      (byId(b, 'R-05')['params'] as Record<string, unknown>)['latestExpiry'] = '2026-03-31';
    });
    expect(() => parseRulebook(moved, 'x.json')).toThrow(
      /latestExpiry \(2026-03-31\) and effective.until \(2025-12-01\) disagree/,
    );
    const open = mutate((b) => {
      (byId(b, 'R-05')['effective'] as Record<string, unknown>)['until'] = null;
    });
    expect(() => parseRulebook(open, 'x.json')).toThrow(/disagree/);
  });

  it('keeps when a derived expiry bound is said ahead as data (noticeDays), not in the engine', () => {
    // Turns 75 on 2026-11-23: the 国保 資格確認書 without printed expiry ends 2026-11-22.
    const s = sit('2026-11-22', [{ kind: 'qualification_certificate', burdenRatio: 0.2, issueDate: '2025-08-01' }], {
      birthDate: '1951-11-23',
      insurerType: 'kokuho',
    });
    const s2 = { ...s, date: '2026-10-01' };
    expect(evaluate(s2, compileRulebook(book)).reasons.map((r) => r.ruleId)).toContain('R-15-turning75');
    const silent = parseRulebook(
      mutate((b) => {
        (byId(b, 'R-15-turning75')['params'] as Record<string, unknown>)['noticeDays'] = 10;
      }),
      'x.json',
    );
    expect(evaluate(s2, compileRulebook(silent)).reasons.map((r) => r.ruleId)).not.toContain('R-15-turning75');
    for (const id of ['R-15-turning70', 'R-15-turning75', 'R-15-residence'])
      expect(book.rules.find((r) => r.id === id)!.params['noticeDays']).toBe(92);
  });

  it('every reason cites every source of its rule', () => {
    const v = evaluate(
      sit('2026-11-22', [{ kind: 'mynumber_card' }, { kind: 'qualification_notice' }]),
      compileRulebook(book),
    );
    for (const r of v.reasons) {
      const rule = book.rules.find((x) => x.id === r.ruleId)!;
      expect(r.sources).toEqual(rule.sources.map((x) => x.url));
      expect(r.source).toBe(rule.sources[0]!.url);
    }
  });

  it('a rule with a stated confidence explains it in its notes, and cites each source with a title', () => {
    for (const r of book.rules) {
      if (r.confidence) expect(r.notes, r.id).toBeTruthy();
      for (const s of r.sources) expect(s.title.length, r.id).toBeGreaterThan(0);
    }
  });

  it('says explicitly when no rule in force covers a situation: before 2024-12-02, or a rulebook without a fallback', () => {
    const compiled = compileRulebook(book);
    const early = evaluate(sit('2024-11-30', [{ kind: 'qualification_certificate' }]), compiled);
    expect(early).toMatchObject({
      decision: 'need_more',
      missing: [],
      uncovered: true,
      reasons: [{ ruleId: NO_RULE_ID }],
    });
    expect(early.fallback).toBeUndefined();
    // Nothing shown at a facility without online checks: only R-13 decides; without it nothing does.
    const noFallback = compileRulebook(
      parseRulebook(
        mutate((b) => {
          b.rules = b.rules.filter((r) => r['effect'] !== 'self_pay_fallback');
        }),
        'x.json',
      ),
    );
    expect(evaluate(sit('2026-11-22'), noFallback).uncovered).toBe(true);
    expect(evaluate(sit('2026-11-22'), compiled).uncovered).toBeUndefined();
    // A 資格確認書 without R-04 in force proves nothing: no accept without a rule.
    const noQc = compileRulebook(
      parseRulebook(
        mutate((b) => {
          b.rules = b.rules.filter(
            (r) => r['effect'] !== 'qualification_certificate' && r['effect'] !== 'self_pay_fallback',
          );
        }),
        'x.json',
      ),
    );
    expect(evaluate(sit('2026-11-22', [{ kind: 'qualification_certificate' }]), noQc).uncovered).toBe(true);
  });

  it('every rule added or changed since the 2026.11.22 rulebook cites its sources; an added one says how sure it is', () => {
    const old = parseRulebook(
      readFileSync(new URL('../fixtures/packs/built-in-2026.11.22.rulebook.json', import.meta.url), 'utf8'),
      'old.json',
    );
    const before = new Map(old.rules.map((r) => [r.id, JSON.stringify(r)]));
    const touched = book.rules.filter((r) => before.get(r.id) !== JSON.stringify(r));
    expect(touched.length).toBeGreaterThanOrEqual(15);
    for (const r of touched) {
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      for (const src of r.sources) expect(src.title.length, `${r.id} ${src.url}`).toBeGreaterThan(0);
      if (!before.has(r.id)) expect([r.id, r.confidence, !!r.notes]).toEqual([r.id, expect.any(String), true]);
    }
  });

  it('still reads the rulebooks made before December 2026 (old packs stay valid)', () => {
    const old = readFileSync(new URL('../fixtures/packs/built-in-2026.11.22.rulebook.json', import.meta.url), 'utf8');
    const oldBook = compileRulebook(parseRulebook(old, 'old.json'));
    const v = evaluate(
      sit('2026-11-22', [{ kind: 'smartphone_mynumber' }, { kind: 'portal_screen', format: 'screen' }]),
      oldBook,
    );
    expect(v.decision).toBe('accept');
  });
});
