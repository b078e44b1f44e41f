// @vitest-environment node
/**
 * The page's angle on rendered documents that are straight: rows of dotted leaders from label to
 * value, or a short card's few rows, must not be taken for a tilt (each turned by 2.6–4° was read
 * a row off: every value beside the label above it).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateSkew } from '../../src/main/ocr/deskew.ts';
import { SKEW_COPY_WIDTH } from '../../src/main/ocr/preprocess.ts';
import { generateCorpus, type GeneratedDocument } from '../fixtures/documents/generate.ts';

let docs: GeneratedDocument[] = [];
beforeAll(async () => {
  docs = await generateCorpus({
    outDir: mkdtempSync(join(tmpdir(), 'uketsuke-deskew-')),
    count: 0,
    // Tuning seed: a 特定医療費受給者証 with dotted leaders, and two 診察券.
    seed: 2026,
    degraded: false,
    indexes: [62, 10, 21],
  });
}, 120_000);

describe('estimateSkew on straight documents', () => {
  it('finds them straight on the copy the preparation measures', async () => {
    for (const d of docs) {
      const { data, info } = await sharp(readFileSync(d.path))
        .trim({ threshold: 40 })
        .resize({ width: SKEW_COPY_WIDTH })
        .toColourspace('b-w')
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect(Math.abs(estimateSkew(data, info.width, info.height)), d.file).toBeLessThan(0.5);
    }
  });
});
