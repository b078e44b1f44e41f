// @vitest-environment node
/**
 * The second reader for real: ONNX Runtime with the PP-OCRv4 recogniser from the installed model
 * package, on documents in faces other than Noto; and the scan on tesseract alone when it cannot load.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrEngine } from '../../src/main/ocr/engine.ts';
import { PaddleReader } from '../../src/main/ocr/paddle-reader.ts';
import { scanDocument, type ScanResult } from '../../src/main/ocr/scan.ts';
import { generateCorpus, type GeneratedDocument } from '../fixtures/documents/generate.ts';

const engine = new OcrEngine();
let reader: PaddleReader | { failed: string };
let docs: GeneratedDocument[] = [];
const both: ScanResult[] = [];
const alone: ScanResult[] = [];

beforeAll(async () => {
  reader = await PaddleReader.load();
  // A seed of its own (neither the bench's tuning nor its held-out split): two of each of three
  // kinds with dates and a 保険者番号.
  docs = await generateCorpus({
    outDir: mkdtempSync(join(tmpdir(), 'uketsuke-second-')),
    count: 0,
    seed: 31_001,
    degraded: false,
    // 資格確認書, お知らせ and 高齢受給者証 twice each (9 and 10 are a 介護保険証 and a 診察券).
    indexes: [0, 1, 4, 11, 12, 15],
  });
  await engine.warm();
  for (const d of docs) {
    const input = readFileSync(d.path);
    both.push(await scanDocument(engine, input, reader instanceof PaddleReader ? { second: reader } : {}));
    alone.push(await scanDocument(engine, input));
  }
}, 300_000);
afterAll(() => engine.terminate());

describe('PP-OCRv4 as the second reader (ONNX Runtime, local model files)', () => {
  it('loads from the installed package', () => {
    expect(reader).toBeInstanceOf(PaddleReader);
    expect(both.every((r) => r.readers.includes('pp-ocrv4'))).toBe(true);
  });

  it('reads the digits and dates again, and never makes them worse', () => {
    const seconded = both.flatMap((r) =>
      Object.values(r.via).filter((v) => v?.some((x) => x.startsWith('second-reader'))),
    );
    expect(seconded.length).toBeGreaterThanOrEqual(docs.length * 2);
    const right = (rs: ScanResult[]) =>
      rs.reduce(
        (n, r, i) =>
          n +
          (['insurerNumber', 'birthDate', 'issueDate', 'expiry', 'burdenRatio'] as const).filter(
            (k) => docs[i]!.fields[k] !== undefined && r.fields[k] === docs[i]!.fields[k],
          ).length,
        0,
      );
    expect(right(both)).toBeGreaterThanOrEqual(right(alone));
    // A field the two readers read differently is for confirmation.
    for (const r of both)
      for (const [k, v] of Object.entries(r.via))
        if (v?.includes('second-reader-differs')) expect(r.confirm).toContain(k);
  });

  it('without it (runtime or models missing) the scan runs on tesseract alone', async () => {
    const missing = await PaddleReader.load({
      recognition: '/nonexistent/rec.onnx',
      dictionary: '/nonexistent/keys.txt',
    });
    expect(missing).toMatchObject({ failed: expect.any(String) });
    expect(alone.every((r) => r.readers.join() === 'tesseract')).toBe(true);
    expect(alone.every((r) => r.kind !== 'unknown')).toBe(true);
  });
});
