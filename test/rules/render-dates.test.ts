/** A verdict is given whatever the birth year: a date before 明治 is worded in 西暦, never an internal error. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/main/rules/evaluate.ts';
import { book, qc, sit } from './helpers.ts';

describe('dates in reasons', () => {
  it('a birth year typed as 0055 still gives a verdict', () => {
    const verdict = evaluate(sit({ birth: '0055-05-05', date: '2026-12-06' }, qc({ expiry: '2027-07-31' })), book);
    expect(verdict.reasons.length).toBeGreaterThan(0);
    expect(verdict.reasons.map((r) => r.message).join()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
