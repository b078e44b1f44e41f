/**
 * Image preparation with sharp before recognition: EXIF orientation, crop to the document,
 * grey-scale with contrast normalisation (uneven light), upscaling of small text, and a hard
 * refusal of inputs that are not images, empty, corrupt or over 40 megapixels.
 */
import sharp, { type Metadata } from 'sharp';
import { estimateSkew } from './deskew.ts';

export const MAX_PIXELS = 40_000_000;
const TARGET_LONG_SIDE = 1600;
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
    // One pass: orientation, crop to the document (trim the margin matching the corner colour:
    // scanner bed, table), grey, long side to ~1600 px (glyphs of ~30 px read best), contrast
    // stretched against uneven light. PNG without compression: tesseract decodes it at once.
    const grey = await sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .rotate()
      .flatten({ background: '#ffffff' })
      .grayscale()
      .trim({ threshold: 40 })
      .resize({ width: TARGET_LONG_SIDE, height: TARGET_LONG_SIDE, fit: 'inside', kernel: 'lanczos3' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: grey.info.width, height: grey.info.height, channels: 1 as const } };
    // A document photographed at an angle: tesseract wants horizontal text rows.
    const small = await sharp(grey.data, raw).resize({ width: 400 }).raw().toBuffer({ resolveWithObject: true });
    const angle = estimateSkew(small.data, small.info.width, small.info.height);
    const out = await sharp(grey.data, raw)
      .rotate(Math.abs(angle) >= 0.5 ? -angle : 0, { background: '#ffffff' })
      .normalise({ lower: 1, upper: 99 })
      .sharpen({ sigma: 0.8 })
      .png({ compressionLevel: 0 })
      .toBuffer({ resolveWithObject: true });
    return { image: out.data, width: out.info.width, height: out.info.height };
  } catch (e) {
    if (e instanceof ImageError) throw e;
    throw new ImageError('the image is corrupt or truncated');
  }
}
