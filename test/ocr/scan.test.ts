// @vitest-environment node
/**
 * The real tesseract.js with the shipped Japanese data, on documents the suite renders itself
 * (HTML templates in headless Chromium with Noto CJK, then degraded like a capture).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrEngine } from '../../src/main/ocr/engine.ts';
import { scanDocument, type ScanResult } from '../../src/main/ocr/scan.ts';
import { isNonInsuranceKind } from '../../src/shared/rules/vocabulary.ts';
import { generateCorpus, KINDS, planDocument, type GeneratedDocument } from '../fixtures/documents/generate.ts';

const root = new URL('../../', import.meta.url).pathname;
// The insurance kinds only: the documents of seeds 7 and 11 these behaviours were measured on (the
// papers handed over by mistake would move every index; the bench counts those).
const PLAN_KINDS = KINDS.filter((k) => !isNonInsuranceKind(k));
const out = mkdtempSync(join(tmpdir(), 'uketsuke-ocr-'));
const engine = new OcrEngine();
let clean: GeneratedDocument[] = [];
let degraded: GeneratedDocument[] = [];
/** Papers handed over by mistake: a 介護保険証 and a 診察券. */
let mistaken: GeneratedDocument[] = [];
const results = new Map<string, ScanResult>();

beforeAll(async () => {
  // Noto faces, as these behaviours were first measured; the bench reports every face on held-out seeds.
  clean = await generateCorpus({
    outDir: join(out, 'clean'),
    count: 18,
    seed: 7,
    degraded: false,
    faces: 'noto',
    kinds: PLAN_KINDS,
  });
  degraded = await generateCorpus({
    outDir: join(out, 'degraded'),
    count: 9,
    seed: 11,
    degraded: true,
    faces: 'noto',
    kinds: PLAN_KINDS,
  });
  mistaken = await generateCorpus({
    outDir: join(out, 'mistaken'),
    count: 2,
    seed: 7,
    degraded: false,
    faces: 'noto',
    kinds: KINDS.filter(isNonInsuranceKind),
  });
  await engine.warm();
  for (const doc of [...clean, ...degraded, ...mistaken])
    results.set(doc.path, await scanDocument(engine, readFileSync(doc.path)));
}, 300_000);
afterAll(() => engine.terminate());

/** Its kind, or 'unknown' for a paper handed over by mistake (介護保険証, 診察券). */
const toldRight = (d: GeneratedDocument) => {
  const kind = results.get(d.path)!.kind;
  return kind === d.kind || (isNonInsuranceKind(d.kind) && kind === 'unknown');
};
/** An insurance document whose 備考 prints a 公費 受給者証's numbers (a distractor). */
const printsSubsidy = (d: GeneratedDocument, seed: number) =>
  d.kind !== 'public_subsidy_certificate' &&
  planDocument(seed, Number(d.file.slice(0, 4)), PLAN_KINDS, 'noto').html.includes('公費負担者番号');
const seedOf = (d: GeneratedDocument) => (d.degraded ? 11 : 7);

const exact = (docs: GeneratedDocument[]) => {
  let total = 0;
  let hit = 0;
  for (const d of docs) {
    const r = results.get(d.path)!;
    for (const [k, v] of Object.entries(d.fields)) {
      total++;
      if (JSON.stringify((r.fields as Record<string, unknown>)[k]) === JSON.stringify(v)) hit++;
    }
  }
  return hit / total;
};

describe('scanning generated documents', () => {
  it('classifies every clean document', () => {
    const wrong = clean.filter((d) => !toldRight(d)).map((d) => `${d.file}: ${results.get(d.path)!.kind}`);
    expect(wrong).toEqual([]);
  });

  it('classifies degraded captures', () => {
    const right = degraded.filter(toldRight).length;
    expect(right / degraded.length).toBeGreaterThanOrEqual(0.75);
  });

  it('reads most fields exactly, and flags what it is unsure of', () => {
    expect(exact(clean)).toBeGreaterThanOrEqual(0.75);
    // A field that is wrong is, most of the time, among those marked for confirmation.
    let wrong = 0;
    let flagged = 0;
    // A 公費 number taken for the 保険者番号 is the known gap below, not an unsure reading.
    for (const d of clean.filter((x) => !printsSubsidy(x, seedOf(x)))) {
      const r = results.get(d.path)!;
      for (const [k, v] of Object.entries(d.fields)) {
        if (JSON.stringify((r.fields as Record<string, unknown>)[k]) !== JSON.stringify(v) && k in r.fields) {
          wrong++;
          if (r.confirm.includes(k as never)) flagged++;
        }
      }
    }
    expect(flagged).toBeGreaterThanOrEqual(Math.floor(wrong * 0.5));
    // A name read without its family/given split (in part, or its space not found) is always confirmed.
    const unsplit = [...clean, ...degraded]
      .map((d) => results.get(d.path)!)
      .filter((r) => r.fields.name && !/\s/.test(r.fields.name));
    expect(unsplit.length).toBeGreaterThan(0);
    for (const r of unsplit) expect(r.confirm).toContain('name');
  });

  it('never reports a wrong 保険者番号 without a warning', () => {
    // The two gaps below apart: a 公費 number in the 備考, a paper that is no insurance document.
    for (const d of [...clean, ...degraded].filter(
      (x) => !isNonInsuranceKind(x.kind) && !printsSubsidy(x, seedOf(x)),
    )) {
      const r = results.get(d.path)!;
      if (r.fields.insurerNumber !== undefined && r.fields.insurerNumber !== d.fields.insurerNumber) {
        expect(
          r.warnings.map((w) => w.code).join(),
          `${d.file}: ${r.fields.insurerNumber} vs ${d.fields.insurerNumber}`,
        ).toMatch(/ocr\.insurerNumber/);
      }
    }
  });

  it('does not take the 公費負担者番号 printed in an insurance document’s 備考 for its 保険者番号', () => {
    const docs = [...clean, ...degraded].filter((x) => printsSubsidy(x, seedOf(x)));
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) {
      const r = results.get(d.path)!;
      if (r.fields.insurerNumber !== undefined) expect(r.fields.insurerNumber, d.file).toBe(d.fields.insurerNumber);
    }
  });

  it('offers nothing from a paper handed over by mistake, and says what it is', () => {
    expect(mistaken.map((d) => d.kind).sort()).toEqual(['clinic_card', 'ltc_insurance_card']);
    for (const d of mistaken) {
      const r = results.get(d.path)!;
      expect(r.kind, d.file).toBe('unknown');
      expect(r.fields, d.file).toEqual({});
      const code = d.kind === 'clinic_card' ? 'ocr.clinicCard' : 'ocr.ltcInsuranceCard';
      expect(
        r.warnings.map((w) => w.code),
        d.file,
      ).toEqual([code]);
    }
  });

  it("reads a card face's 電子証明書の有効期限 apart from the card's own 有効期限", () => {
    const cards = clean.filter((d) => d.kind === 'mynumber_card');
    expect(cards.length).toBeGreaterThan(0);
    const right = cards.filter((d) => results.get(d.path)!.fields.certificateExpiry === d.fields.certificateExpiry);
    expect(right.length).toBeGreaterThanOrEqual(Math.ceil(cards.length / 2));
    for (const d of cards) expect(results.get(d.path)!.fields.expiry, d.file).not.toBe(d.fields.certificateExpiry);
  });

  it('reads every row a portal screen lists (a row the layout analysis dropped is read again as one block)', () => {
    const screens = clean.filter((d) => d.kind === 'portal_screen');
    expect(screens.length).toBeGreaterThan(0);
    for (const d of screens) {
      const r = results.get(d.path)!;
      for (const k of ['name', 'birthDate', 'sex', 'burdenRatio', 'insurerNumber'] as const)
        if (k in d.fields) expect(r.fields[k], `${d.file} ${k}`).toBeDefined();
    }
  });

  it('omits fields the document does not carry, and never a 個人番号', () => {
    for (const d of clean) {
      const r = results.get(d.path)!;
      expect(JSON.stringify(r.fields)).not.toMatch(/\d{12}/);
      if (d.kind === 'mynumber_card') expect(r.fields.insurerNumber).toBeUndefined();
    }
  });
});

describe('uketsuke scan', () => {
  it('works with every network access blocked (its own empty network namespace)', () => {
    const file = clean.find((d) => d.kind === 'qualification_certificate')!.path;
    const r = spawnSync('unshare', ['--net', process.execPath, `${root}bin/uketsuke`, 'scan', file, '--json'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      kind: 'qualification_certificate',
      fields: expect.any(Object),
      warnings: expect.any(Array),
    });
    expect(typeof json.confidence).toBe('number');
    // The namespace really has no network: even loopback is down.
    const probe = spawnSync(
      'unshare',
      [
        '--net',
        process.execPath,
        '-e',
        "require('net').connect(80,'127.0.0.1').on('error',e=>{console.log(e.code);process.exit(0)})",
      ],
      { encoding: 'utf8' },
    );
    expect(probe.stdout.trim()).toMatch(/ENETUNREACH|ECONNREFUSED|EADDRNOTAVAIL/);
  }, 90_000);

  it('exits 2 with one line for unreadable input, after scanning the readable ones', () => {
    const junk = join(out, 'junk.jpg');
    writeFileSync(junk, 'not a jpeg');
    const file = clean[0]!.path;
    const r = spawnSync(process.execPath, [`${root}bin/uketsuke`, 'scan', file, junk], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`uketsuke: ${junk}: not an image (or a format that cannot be read)\n`);
    expect(r.stdout).toContain(file);
  }, 90_000);
});
