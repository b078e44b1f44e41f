/**
 * The `evaluate` contract as other programs see it: the real bin/uketsuke in a child process,
 * run on every example of the README.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VerdictSchema } from '../../src/shared/rules/situation.ts';
import { ROOT, runCli } from './run-cli.ts';

const root = ROOT;

const run = (args: string[], stdin?: string) => runCli(args, { stdin: stdin ?? '' });

/** README lines of the form: echo '<json>' | ./bin/uketsuke evaluate   # → decision */
const readme = readFileSync(`${root}README.md`, 'utf8');
const examples = [...readme.matchAll(/^echo '(.+)' \| \.\/bin\/uketsuke evaluate\s+# → (\w+)/gm)].map((m) => ({
  json: m[1]!,
  decision: m[2]!,
}));

describe('uketsuke evaluate', () => {
  it('has README examples to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.concurrent.each(examples.map((e, i) => [i + 1, e.decision, e] as const))(
    'README example %i prints a verdict (%s)',
    async (_i, decision, example) => {
      const { code, stdout, stderr } = await run(['evaluate'], example.json);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const verdict = VerdictSchema.parse(JSON.parse(stdout));
      expect(verdict.decision).toBe(decision);
      expect(verdict.reasons.length).toBeGreaterThan(0);
    },
  );

  it.concurrent(
    'the README examples of December 2026 print what completes the set and when no rule covers a date',
    async () => {
      const byDate = (date: string, kind: string) =>
        examples.find((e) => e.json.includes(`"date":"${date}"`) && e.json.includes(kind))!;
      const pdf = VerdictSchema.parse(
        JSON.parse((await run(['evaluate'], byDate('2026-12-06', '"format":"pdf"').json)).stdout),
      );
      expect(pdf.missing[0]).toEqual(['portal_screen']);
      expect(pdf.missingDetails?.[0]).toEqual({ portalFormats: ['live'] });
      expect(pdf.reasons[0]!.ruleId).toBe('R-10');
      const early = VerdictSchema.parse(
        JSON.parse((await run(['evaluate'], byDate('2024-11-01', 'qualification_certificate').json)).stdout),
      );
      expect(early).toMatchObject({ uncovered: true, missing: [], reasons: [{ ruleId: 'NO-RULE' }] });
      expect(early.fallback).toBeUndefined();
    },
    // Four CLI processes one after another, beside the other CLI tests.
    60_000,
  );

  it.concurrent('reads the situation from --file', async () => {
    const { code, stdout } = await run(['evaluate', '--file', 'test/fixtures/situations/card-and-notice-offline.json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).decision).toBe('accept');
  });

  const bad: [string, string[], string, RegExp][] = [
    ['non-JSON', ['evaluate'], 'hello', /not JSON/],
    ['empty input', ['evaluate'], '', /empty/],
    [
      'an unknown kind',
      ['evaluate'],
      JSON.stringify({
        date: '2026-11-22',
        facility: { onlineCheck: 'available', smartphoneReader: false },
        patient: { birthDate: '1980-01-01', insurerType: 'kyokai' },
        documents: [{ kind: 'driving_licence' }],
      }),
      /unknown document kind/,
    ],
    [
      'a bad date',
      ['evaluate'],
      JSON.stringify({
        date: '2026-02-30',
        facility: { onlineCheck: 'available', smartphoneReader: false },
        patient: { birthDate: '1980-01-01', insurerType: 'kyokai' },
        documents: [],
      }),
      /date: expected a real date/,
    ],
    [
      'a misspelt fact',
      ['evaluate'],
      JSON.stringify({
        date: '2026-11-22',
        facility: { onlineCheck: 'available', smartphoneReader: false },
        patient: { birthDate: '1980-01-01', insurerType: 'kyokai' },
        documents: [{ kind: 'qualification_certificate', expiryDate: '2027-07-31' }],
      }),
      /expiryDate/,
    ],
    ['a missing file', ['evaluate', '--file', 'nope.json'], '', /cannot read nope\.json: ENOENT/],
    ['an unknown option', ['evaluate', '--fast'], '', /--fast/],
    ['an unknown command', ['frobnicate'], '', /unknown command/],
  ];
  it.concurrent.each(bad)('exits 2 with one line for %s', async (_name, args, stdin, pattern) => {
    const { code, stdout, stderr } = await run(args, stdin);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(pattern);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
