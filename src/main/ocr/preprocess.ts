/**
 * Image preparation with sharp before recognition: EXIF orientation, grey, shadows evened out
 * against the paper's own brightness, crop to the document (a phone photo on a table), upscaling
 * of small text, deskew, and a hard refusal of inputs that are not images, empty, corrupt or over 40 megapixels.
 */
import sharp, { type Metadata } from 'sharp';
import { estimateSkew } from './deskew.ts';
import { findPaper, paperLevel } from './paper.ts';

export const MAX_PIXELS = 40_000_000;
const TARGET_LONG_SIDE = 1600;
const WORK_LONG_SIDE = 2400;
// A kiosk scans one document at a time: libvips' operation cache only grows the resident set.
sharp.cache(false);

export class ImageError extends Error {
  override name = 'ImageError';
}

export interface Prepared {
  image: Buffer;
  width: number;
  height: number;
}

function percentile(xs: Uint8Array, q: number): number {
  return [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)] ?? 255;
}

export async function prepareImage(input: Buffer): Promise<Prepared> {
  if (input.length === 0) throw new ImageError('the file is empty');
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageError('not an image (or a format that cannot be read)');
  }
  if (!meta.width || !meta.height) throw new ImageError('not an image (no dimensions)');
  const pixels = meta.width * meta.height;
  if (pixels > MAX_PIXELS) throw new ImageError(`image too large (${(pixels / 1e6).toFixed(1)} MP; at most 40 MP)`);
  try {
    // Orientation, grey, at most 2400 px (a phone photo has more pixels than text needs).
    const grey = await sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .rotate()
      .flatten({ background: '#ffffff' })
      .grayscale()
      .resize({ width: WORK_LONG_SIDE, height: WORK_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { width, height } = grey.info;
    const raw = (w: number, h: number) => ({ raw: { width: w, height: h, channels: 1 as const } });
    // One channel in and out: without `b-w` libvips writes its raw output as sRGB (three channels).
    const small = await sharp(grey.data, raw(width, height)).resize({ width: 256, height: 256, fit: 'inside' }).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    const smallGrey = { data: small.data, width: small.info.width, height: small.info.height };
    const level = paperLevel(smallGrey);
    const paper = findPaper(smallGrey, level);
    // Uneven light: each pixel divided by the paper's brightness around it. The gain is capped
    // so a dark table or a coloured band is not blown up into noise.
    const bg = await sharp(Buffer.from(level), raw(smallGrey.width, smallGrey.height)).resize({ width, height, fit: 'fill' }).toColourspace('b-w').raw().toBuffer();
    const floor = Math.max(1, 0.45 * percentile(level, 0.95));
    const flat = Buffer.alloc(grey.data.length);
    for (let i = 0; i < flat.length; i++) flat[i] = Math.min(255, Math.round((grey.data[i]! * 255) / Math.max(bg[i]!, floor)));
    let img = sharp(flat, raw(width, height));
    if (paper) {
      // A phone photo: only the document, so its glyphs get the pixels.
      const sx = width / smallGrey.width;
      const sy = height / smallGrey.height;
      const left = Math.floor(paper.left * sx);
      const top = Math.floor(paper.top * sy);
      const box = { left, top, width: Math.min(width - left, Math.ceil(paper.width * sx)), height: Math.min(height - top, Math.ceil(paper.height * sy)) };
      img = sharp(await img.extract(box).toColourspace('b-w').raw().toBuffer(), raw(box.width, box.height));
    }
    // Margins of the page's own colour go (scanner bed, blank paper), then the long side to
    // ~1600 px (glyphs of ~30 px read best).
    const sized = await img
      .trim({ threshold: 40 })
      .resize({ width: TARGET_LONG_SIDE, height: TARGET_LONG_SIDE, fit: 'inside', kernel: 'lanczos3' })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const r = raw(sized.info.width, sized.info.height);
    // A document photographed at an angle: tesseract wants horizontal text rows.
    const skewCopy = await sharp(sized.data, r).resize({ width: 400 }).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    const angle = estimateSkew(skewCopy.data, skewCopy.info.width, skewCopy.info.height);
    const out = await sharp(sized.data, r)
      .rotate(Math.abs(angle) >= 0.5 ? -angle : 0, { background: '#ffffff' })
      // No sharpening: on a blurred, noisy capture it sharpens the JPEG blocks and noise too.
      .normalise({ lower: 1, upper: 99 })
      .png({ compressionLevel: 0 })
      .toBuffer({ resolveWithObject: true });
    return { image: out.data, width: out.info.width, height: out.info.height };
  } catch (e) {
    if (e instanceof ImageError) throw e;
    throw new ImageError('the image is corrupt or truncated');
  }
}
