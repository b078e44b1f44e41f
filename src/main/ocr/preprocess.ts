/**
 * Image preparation with sharp before recognition: EXIF orientation, grey, shadows evened out
 * against the paper's own brightness, crop to the document (a phone photo on a table), upscaling
 * of small text, deskew, and a hard refusal of inputs that are not images, empty, corrupt or over 40 megapixels.
 */
import sharp, { type Metadata } from 'sharp';
import { estimateSkew } from './deskew.ts';
import { findPaper, paperLevel, type Grey } from './paper.ts';
import { homography, quadSize, warp, type Quad } from './rectify.ts';
import { eraseRuledLines } from './ruled-lines.ts';

export const MAX_PIXELS = 40_000_000;
const TARGET_LONG_SIDE = 1600;
/**
 * The width of the copy the page's angle is measured on. At 400 px a straight page whose rows are
 * dotted leaders from label to value (特定医療費受給者証) measured 2.6–4°: rows one pitch apart
 * lined up across it. 600 px costs the same few milliseconds.
 */
export const SKEW_COPY_WIDTH = 600;
const WORK_LONG_SIDE = 2400;
// A kiosk scans one document at a time: libvips' operation cache only grows the resident set.
sharp.cache(false);

export class ImageError extends Error {
  override name = 'ImageError';
}

export interface Prepared {
  /** The page in 8-bit grey, one byte per pixel, row by row. */
  grey: Buffer;
  width: number;
  height: number;
  /** The same page for the model, as a PGM: tesseract takes it ~140 ms faster than a PNG of it. */
  image: Buffer;
}

/** Raw grey pixels as a binary PGM (no compression, nothing for the model to decode). */
export const pgm = (grey: Buffer, width: number, height: number): Buffer =>
  Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`), grey]);

const raw = (w: number, h: number) => ({ raw: { width: w, height: h, channels: 1 as const } });

/** A copy of at most 256 px: glyphs are a few pixels there, the paper and its light are not. */
async function smallCopy(g: Grey): Promise<Grey> {
  // One channel in and out: without `b-w` libvips writes its raw output as sRGB (three channels).
  const s = await sharp(g.data, raw(g.width, g.height))
    .resize({ width: 256, height: 256, fit: 'inside' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: s.data, width: s.info.width, height: s.info.height };
}

/**
 * Uneven light: each pixel divided by the paper's brightness around it. The gain is capped so a
 * dark table or a coloured band is not blown up into noise.
 */
async function evenLight(g: Grey, small: Grey): Promise<Buffer> {
  const level = paperLevel(small);
  const bg = await sharp(Buffer.from(level), raw(small.width, small.height))
    .resize({ width: g.width, height: g.height, fit: 'fill' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  const floor = Math.max(1, 0.45 * percentile(level, 0.95));
  // Each (paper level, pixel) pair's result computed once: a lookup per pixel, not a division.
  const gain = new Uint8Array(256 * 256);
  for (let b = 0; b < 256; b++)
    for (let v = 0; v < 256; v++) gain[(b << 8) | v] = Math.min(255, Math.round((v * 255) / Math.max(b, floor)));
  const flat = Buffer.alloc(g.data.length);
  for (let i = 0; i < flat.length; i++) flat[i] = gain[(bg[i]! << 8) | g.data[i]!]!;
  return flat;
}

/**
 * sharp's `normalise({ lower: 1, upper: 99 })` (lightness stretched so its 1st and 99th percentiles
 * become black and white), applied as a table: the library converts every pixel to Lab and back
 * (100 ms on a card), but its mapping depends only on the grey level and the histogram. So a
 * sample of every 8th pixel is normalised by the library, and the levels it has give the table;
 * a level it lacks (rare by construction) takes its neighbours' mapping.
 */
export async function normalise(px: Uint8Array): Promise<Buffer> {
  const width = 256;
  const height = Math.max(1, Math.floor(px.length / 8 / width));
  const step = Math.max(1, Math.floor(px.length / (width * height)));
  const sample = Buffer.alloc(width * height);
  for (let i = 0; i < sample.length; i++) sample[i] = px[Math.min(px.length - 1, i * step)]!;
  const mapped = await sharp(sample, raw(width, height))
    .normalise({ lower: 1, upper: 99 })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  const table = new Int16Array(256).fill(-1);
  for (let i = 0; i < sample.length; i++) table[sample[i]!] = mapped[i]!;
  for (let v = 0; v < 256; v++) {
    if (table[v] !== -1) continue;
    let [lo, hi] = [v - 1, v + 1];
    while (lo >= 0 && table[lo] === -1) lo--;
    while (hi < 256 && table[hi] === -1) hi++;
    table[v] =
      lo < 0
        ? hi < 256
          ? table[hi]!
          : v
        : hi > 255
          ? table[lo]!
          : Math.round(table[lo]! + ((table[hi]! - table[lo]!) * (v - lo)) / (hi - lo));
  }
  const out = Buffer.alloc(px.length);
  for (let i = 0; i < px.length; i++) out[i] = table[px[i]!]!;
  return out;
}

/** The q-th level of `xs` counted up a histogram (sorting the copy's 65 000 levels cost 8 ms a scan). */
function percentile(xs: Uint8Array, q: number): number {
  if (xs.length === 0) return 255;
  const histogram = new Uint32Array(256);
  for (const v of xs) histogram[v]!++;
  const rank = Math.floor((xs.length - 1) * q);
  let seen = 0;
  for (let v = 0; v < 256; v++) if ((seen += histogram[v]!) > rank) return v;
  return 255;
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
    let page = { data: grey.data as Uint8Array, width: grey.info.width, height: grey.info.height };
    const small = await smallCopy(page);
    const paper = findPaper(small, paperLevel(small));
    // How far the document is enlarged for the model (below 1: a capture with pixels to spare).
    let upscale = TARGET_LONG_SIDE / Math.max(page.width, page.height);
    if (paper?.quad) {
      // A phone photo: only the document, upright, so its glyphs get the pixels and the table's
      // noise is not read as text. Resized with lanczos first, so the warp samples at about 1:1.
      const sx = page.width / small.width;
      const sy = page.height / small.height;
      const corners = paper.quad.map((p) => ({ x: (p.x + 0.5) * sx, y: (p.y + 0.5) * sy })) as Quad;
      const size = quadSize(corners);
      const scale = TARGET_LONG_SIDE / Math.max(size.width, size.height);
      upscale = scale;
      if (Math.abs(scale - 1) > 0.05) {
        const resized = await sharp(page.data, raw(page.width, page.height))
          .resize({ width: Math.round(page.width * scale), kernel: 'lanczos3' })
          .toColourspace('b-w')
          .raw()
          .toBuffer({ resolveWithObject: true });
        const [kx, ky] = [resized.info.width / page.width, resized.info.height / page.height];
        for (const c of corners) [c.x, c.y] = [c.x * kx, c.y * ky];
        page = { data: resized.data, width: resized.info.width, height: resized.info.height };
      }
      const out = quadSize(corners);
      const [w, h] = [Math.max(1, Math.round(out.width)), Math.max(1, Math.round(out.height))];
      page = { data: warp(page.data, page.width, page.height, homography(corners, w, h), w, h), width: w, height: h };
    }
    const flat = await evenLight(page, paper?.quad ? await smallCopy(page) : small);
    const img = sharp(flat, raw(page.width, page.height));
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
    const skewCopy = await sharp(sized.data, r)
      .resize({ width: SKEW_COPY_WIDTH })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const angle = estimateSkew(skewCopy.data, skewCopy.info.width, skewCopy.info.height);
    const upright =
      Math.abs(angle) >= 0.5
        ? await sharp(sized.data, r)
            .rotate(-angle, { background: '#ffffff' })
            .toColourspace('b-w')
            .raw()
            .toBuffer({ resolveWithObject: true })
        : { data: sized.data, info: sized.info };
    // No sharpening: on a blurred, noisy capture it sharpens the JPEG blocks and noise too.
    const out = await sharp(await normalise(upright.data), raw(upright.info.width, upright.info.height))
      // A low-resolution capture blown up for the model: its JPEG blocks and sensor noise, now
      // several pixels wide, are smoothed away (a sharp capture keeps its edges).
      .blur(upscale > 1.5 ? 1 : false)
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { width, height } = out.info;
    const image = pgm(Buffer.from(eraseRuledLines(out.data, width, height)), width, height);
    // The grey pixels are the PGM's own, not a second copy of the page.
    return { grey: image.subarray(image.length - out.data.length), width, height, image };
  } catch (e) {
    if (e instanceof ImageError) throw e;
    throw new ImageError('the image is corrupt or truncated');
  }
}
