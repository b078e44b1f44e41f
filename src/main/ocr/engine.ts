/**
 * tesseract.js with the Japanese LSTM data shipped in node_modules (installed from the npm
 * registry) and loaded from local files: no network, no cache written to the working directory.
 * A warm pool of workers, sized to the machine, is reused across scans.
 */
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import Tesseract from 'tesseract.js';

export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface OcrWord {
  text: string;
  confidence: number;
  bbox: OcrBox;
  /** Per-glyph boxes: Japanese has no spaces, so the gap between glyphs is the separator. */
  symbols?: { text: string; bbox: OcrBox }[];
}
export interface OcrLine {
  text: string;
  confidence: number;
  words: OcrWord[];
}
export interface OcrOutput {
  text: string;
  lines: OcrLine[];
  confidence: number;
}

/** The `4.0.0_best_int` Japanese model: LSTM only, 2 MB, reads digits reliably (toolchain notes). */
export function tessdataDir(resourcesDir?: string): string {
  const bundled = resourcesDir ? join(resourcesDir, 'tessdata') : undefined;
  if (bundled && existsSync(join(bundled, 'jpn.traineddata.gz'))) return bundled;
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tesseract.js-data/jpn/package.json')), '4.0.0_best_int');
}

export class OcrEngine {
  private scheduler: Tesseract.Scheduler | undefined;
  private starting: Promise<Tesseract.Scheduler> | undefined;

  constructor(
    private readonly options: { langPath?: string; workers?: number } = {},
  ) {}

  get size(): number {
    return this.options.workers ?? Math.max(1, Math.min(2, availableParallelism()));
  }

  /** Starts the workers (about 0.6 s each); later scans reuse them. */
  warm(): Promise<Tesseract.Scheduler> {
    this.starting ??= (async () => {
      const scheduler = Tesseract.createScheduler();
      const langPath = this.options.langPath ?? tessdataDir();
      const workers = await Promise.all(
        Array.from({ length: this.size }, () =>
          Tesseract.createWorker('jpn', Tesseract.OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' }),
        ),
      );
      for (const w of workers) {
        // A fixed dpi and a null debug file keep tesseract's diagnostics out of the CLI's output.
        await w.setParameters({ preserve_interword_spaces: '1', tessedit_pageseg_mode: Tesseract.PSM.AUTO, user_defined_dpi: '300', debug_file: '/dev/null' });
        scheduler.addWorker(w);
      }
      this.scheduler = scheduler;
      return scheduler;
    })();
    return this.starting;
  }

  /** `deskew` lets tesseract find and undo the page angle first (a photo at an angle); it costs a pass. */
  async recognize(image: Buffer, options: { deskew?: boolean } = {}): Promise<OcrOutput> {
    const scheduler = await this.warm();
    const result = await scheduler.addJob('recognize', image, { rotateAuto: options.deskew ?? false }, { text: true, blocks: true });
    const lines: OcrLine[] = [];
    for (const block of result.data.blocks ?? []) {
      for (const para of block.paragraphs) {
        for (const line of para.lines) {
          lines.push({
            text: line.text.replace(/\n$/, ''),
            confidence: line.confidence / 100,
            words: line.words.map((w) => ({
              text: w.text,
              confidence: w.confidence / 100,
              bbox: w.bbox,
              symbols: (w.symbols ?? []).map((g) => ({ text: g.text, bbox: g.bbox })),
            })),
          });
        }
      }
    }
    return { text: result.data.text, lines, confidence: result.data.confidence / 100 };
  }

  async terminate(): Promise<void> {
    const s = this.scheduler ?? (this.starting ? await this.starting : undefined);
    this.scheduler = undefined;
    this.starting = undefined;
    await s?.terminate();
  }
}
