import { defineConfig } from 'vitest/config';

/**
 * Unit tests run in parallel. Tests on real parts that share one machine resource — pcscd with the
 * vpcd slots, the OCR workers, Chromium — run afterwards, one file at a time, so timing-sensitive
 * card faults do not race heavy OCR work for the two cores; so do the store tests that spawn writer
 * processes (kill -9, export during writes).
 */
const integration = [
  'test/card/card-reader.test.ts',
  'test/ocr/scan.test.ts',
  'test/ocr/mynumber-card-ocr.test.ts',
  'test/ocr/second-reader-ocr.test.ts',
  'test/ocr/deskew-pages.test.ts',
  'test/fixtures/**/*.test.ts',
  'test/e2e/**/*.test.ts',
  'test/store/kill9.test.ts',
  'test/store/export-during-writes.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: integration,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'integration', include: integration, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
