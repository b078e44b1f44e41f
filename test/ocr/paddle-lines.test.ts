// @vitest-environment node
/**
 * The second reader's page reading: its glyphs placed on the page from where CTC read them (pure),
 * and for real — PP-OCRv4 detection and recognition from the installed model package on degraded
 * phone photos, filling the digit and date fields the first reading could not place.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrOutput } from '../../src/main/ocr/engine.ts';
import { OcrEngine } from '../../src/main/ocr/engine.ts';
import { PaddleReader } from '../../src/main/ocr/paddle-reader.ts';
import { readingInside, wordsOf, worthSecondReading } from '../../src/main/ocr/paddle-lines.ts';
import { scanDocument, type ScanResult } from '../../src/main/ocr/scan.ts';
import { TextLineDetector } from '../../src/main/ocr/text-lines.ts';
import { CORPUS_SEEDS, generateCorpus, type GeneratedDocument } from '../fixtures/documents/generate.ts';

const LINE = { x0: 100, y0: 50, x1: 700, y1: 90 };
const reading = (text: string, at: number[]) => ({ text, confidence: 0.9, glyphs: at.map((a) => ({ at: a, p: 0.9 })) });

describe('the second reader’s glyphs on the page', () => {
  it('places each glyph where CTC read it, and splits words at white', () => {
    // A crop from x = 80, 640 px wide: 記号 at 10 and 15 %, a space, then 12 at 75 and 80 %.
    const words = wordsOf(reading('記号 12', [0.1, 0.15, 0.3, 0.75, 0.8]), { left: 80, width: 640 }, LINE);
    expect(words.map((w) => w.text)).toEqual(['記号', '12']);
    // The space is no glyph. 2 is read at 80 + 0.8 × 640 = 592, 1 at 560: they meet half-way, and
    // the last glyph reaches half the line's height past its centre.
    const [one, two] = words[1]!.symbols!;
    expect(two!.text).toBe('2');
    expect(one!.bbox.x1).toBeCloseTo(576, 0);
    expect([two!.bbox.x0, two!.bbox.x1]).toEqual([576, 612]);
    expect(two!.bbox.y0).toBe(50);
  });

  it('gives a field’s second reading from the glyphs it placed in the value’s box, none where it read nothing', () => {
    // 「有効期限 2030年1月7日」 read along one line: the label's glyphs lie left of the value's box.
    const text = '有効期限 2030年1月7日';
    const at = [...text].map((_, i) => 0.05 + i * 0.06);
    const words = wordsOf(reading(text, at), { left: 0, width: 1000 }, LINE);
    const page: OcrOutput = { text, confidence: 0.9, lines: [{ text, confidence: 0.9, words }] };
    const value = { x0: 270, y0: LINE.y0, x1: 1000, y1: LINE.y1 };
    expect(readingInside(page, value)).toBe('2030年1月7日');
    // Another row: nothing read there.
    expect(readingInside(page, { ...value, y0: LINE.y1 + 40, y1: LINE.y1 + 80 })).toBeUndefined();
  });

  it('gives the Japanese forms of the labels’ kanji, and 令和 for the 今和 its dictionary reads', () => {
    const words = wordsOf(
      reading('今和8年 保险者证', [0.1, 0.12, 0.14, 0.16, 0.5, 0.52, 0.54, 0.56, 0.58]),
      {
        left: 0,
        width: 700,
      },
      LINE,
    );
    expect(words.map((w) => w.text)).toEqual(['令和8年', '保険者証']);
  });

  it('is worth reading a line the first reading saw digits, a date’s glyphs or 男/女 in — or nothing', () => {
    const word = (text: string, x0: number) => ({ text, confidence: 0.9, bbox: { x0, y0: 10, x1: x0 + 50, y1: 40 } });
    const first: OcrOutput = {
      text: '',
      confidence: 0.9,
      lines: [{ text: '', confidence: 0.9, words: [word('氏名', 0), word('令和8年', 200), word('男', 400)] }],
    };
    const worth = worthSecondReading(first);
    expect(worth({ x0: 0, y0: 0, x1: 60, y1: 50 })).toBe(false);
    expect(worth({ x0: 190, y0: 0, x1: 260, y1: 50 })).toBe(true);
    expect(worth({ x0: 390, y0: 0, x1: 460, y1: 50 })).toBe(true);
    expect(worth({ x0: 0, y0: 100, x1: 60, y1: 150 })).toBe(true);
  });
});

const engine = new OcrEngine();
let docs: GeneratedDocument[] = [];
const results: ScanResult[] = [];
let loaded = false;
let withBrokenReader: ScanResult | undefined;

beforeAll(async () => {
  const [reader, detector] = [await PaddleReader.load(), await TextLineDetector.load()];
  if (!(reader instanceof PaddleReader) || !(detector instanceof TextLineDetector)) return;
  loaded = true;
  // Tuning seed, degraded: phone photos and scans at ~150 dpi of a 高齢受給者証 and a 限度額適用認定証.
  docs = await generateCorpus({
    outDir: mkdtempSync(join(tmpdir(), 'uketsuke-page-second-')),
    count: 0,
    seed: CORPUS_SEEDS.tuning.degraded,
    degraded: true,
    indexes: [4, 5],
  });
  await engine.warm();
  for (const d of docs) results.push(await scanDocument(engine, readFileSync(d.path), { second: reader, detector }));
  // A recogniser that fails mid-scan (a runtime error on one crop).
  const broken = { read: () => Promise.reject(new Error('onnxruntime: bad input')) } as unknown as PaddleReader;
  withBrokenReader = await scanDocument(engine, readFileSync(docs[1]!.path), { second: broken, detector });
}, 300_000);
afterAll(() => engine.terminate());

describe('the second reader’s page reading, for real', () => {
  it('fills digit and date fields the first reading could not place, right, for staff to confirm', () => {
    expect(loaded).toBe(true);
    const filled = results.flatMap((r, i) =>
      Object.entries(r.via)
        .filter(([, via]) => via?.[0] === 'second-reader-page')
        .map(([k]) => ({ k, r, truth: docs[i]!.fields as Record<string, unknown> })),
    );
    expect(filled.length).toBeGreaterThanOrEqual(2);
    for (const { k, r, truth } of filled) {
      expect((r.fields as Record<string, unknown>)[k]).toEqual(truth[k]);
      expect(r.confirm).toContain(k);
    }
  });

  it('a recogniser failing mid-scan leaves the scan to tesseract, not failed', () => {
    expect(withBrokenReader?.kind).toBe(docs[1]!.kind);
    expect(Object.keys(withBrokenReader!.fields).length).toBeGreaterThan(3);
  });
});
