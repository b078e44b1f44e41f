/**
 * Paper documents for the kiosk: one OCR process kept warm for the app's lifetime, results shaped
 * for the screens. Only the redacted image ever leaves the OCR process.
 */
import type { ScanView } from '../../shared/ipc/views.ts';
import { OcrProcess, OcrProcessError, type SpawnHost } from '../ocr/ocr-process.ts';
import { ImageError } from '../ocr/preprocess.ts';
import { InputError } from './rules-service.ts';

/** Wide enough to read the fields on screen, small enough to cross IPC quickly. */
export const PREVIEW_WIDTH = 1200;

export class ScanService {
  private readonly ocr: OcrProcess;

  constructor(options: { spawn?: SpawnHost; timeoutMs?: number } = {}) {
    this.ocr = new OcrProcess(options);
  }

  /** Starts the OCR process in the background so the first scan at the desk is not the slow one. */
  warm(): void {
    this.ocr.warm().catch((e: unknown) => console.error('[ocr] warm-up failed', e));
  }

  async scan(imageBase64: string): Promise<Omit<ScanView, 'id'> & { redacted: Buffer }> {
    const input = Buffer.from(imageBase64, 'base64');
    const t0 = performance.now();
    let result;
    try {
      result = await this.ocr.scan(input, { previewWidth: PREVIEW_WIDTH });
    } catch (e) {
      if (e instanceof ImageError)
        throw new InputError(`the image cannot be read (${e.message})`, 'error.imageUnreadable');
      // The OCR process is restarted on the next scan; this one can simply be taken again.
      if (e instanceof OcrProcessError)
        throw new InputError(`reading failed (${e.message}): take it again`, 'error.ocrFailed');
      throw e;
    }
    const { redacted, preview } = result.images!;
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

  stop(): Promise<void> {
    return this.ocr.stop();
  }
}
