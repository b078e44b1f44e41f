/**
 * Paper documents for the kiosk: one warm OCR pool for the app's lifetime, results shaped for the
 * screens. Only the redacted image ever leaves this module.
 */
import sharp from 'sharp';
import type { ScanView } from '../../shared/ipc/views.ts';
import { OcrEngine } from '../ocr/engine.ts';
import { ImageError } from '../ocr/preprocess.ts';
import { scanDocument } from '../ocr/scan.ts';
import { InputError } from './rules-service.ts';

/** Wide enough to read the fields on screen, small enough to cross IPC quickly. */
const PREVIEW_WIDTH = 1200;

export class ScanService {
  private engine: OcrEngine | undefined;

  constructor(private readonly options: { langPath?: string } = {}) {}

  /** Starts the workers in the background so the first scan at the desk is not the slow one. */
  warm(): void {
    this.pool().warm().catch((e: unknown) => console.error('[ocr] warm-up failed', e));
  }

  private pool(): OcrEngine {
    return (this.engine ??= new OcrEngine(this.options.langPath ? { langPath: this.options.langPath } : {}));
  }

  async scan(imageBase64: string): Promise<ScanView & { redacted: Buffer }> {
    const input = Buffer.from(imageBase64, 'base64');
    const t0 = performance.now();
    let result;
    try {
      result = await scanDocument(this.pool(), input);
    } catch (e) {
      if (e instanceof ImageError) throw new InputError(`この画像は読めません (${e.message})`);
      throw e;
    }
    const redacted = await result.redactedImage();
    const preview = await sharp(redacted).resize({ width: PREVIEW_WIDTH, withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
    return {
      kind: result.kind,
      confidence: result.confidence,
      fields: result.fields,
      fieldConfidence: result.fieldConfidence,
      confirm: result.confirm,
      warnings: result.warnings,
      image: `data:image/jpeg;base64,${preview.toString('base64')}`,
      ms: Math.round(performance.now() - t0),
      redacted,
    };
  }

  async stop(): Promise<void> {
    await this.engine?.terminate();
    this.engine = undefined;
  }
}
