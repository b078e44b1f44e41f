// @vitest-environment node
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageError, normalise, prepareImage } from '../../src/main/ocr/preprocess.ts';

describe('prepareImage refuses bad input with one clear message', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), /empty/],
    ['a text file', Buffer.from('hello, not an image'), /not an image/],
    ['a PDF header', Buffer.from('%PDF-1.7\n...'), /not an image/],
  ])('%s', async (_name, input, msg) => {
    await expect(prepareImage(input)).rejects.toThrow(msg);
  });

  it('a truncated JPEG', async () => {
    const jpeg = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    await expect(prepareImage(jpeg.subarray(0, jpeg.length / 3))).rejects.toBeInstanceOf(ImageError);
  });

  it('a 42-megapixel image, without decoding it', async () => {
    const huge = await sharp({ create: { width: 7000, height: 6000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    const t0 = Date.now();
    await expect(prepareImage(huge)).rejects.toThrow(/too large \(42\.0 MP/);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('honours EXIF orientation and upscales a small capture', async () => {
    const img = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#fff' } })
      .composite([
        {
          input: Buffer.from(
            '<svg width="600" height="400"><rect x="50" y="50" width="500" height="300" fill="#000"/></svg>',
          ),
        },
      ])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const p = await prepareImage(img);
    expect(p.height).toBeGreaterThan(p.width); // rotated upright
    expect(Math.max(p.width, p.height)).toBeGreaterThanOrEqual(1400);
  });
});

describe('normalise', () => {
  it('maps grey levels as the library does on the whole image', async () => {
    // A grey page with dark strokes and uneven noise, like a capture after evening the light.
    const [width, height] = [900, 600];
    const px = Buffer.alloc(width * height);
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        px[y * width + x] = Math.max(
          0,
          Math.min(255, Math.round((x % 40 < 4 ? 70 : 185 + (x / width) * 30) + (rnd() - 0.5) * 40)),
        );
    const library = await sharp(px, { raw: { width, height, channels: 1 } })
      .normalise({ lower: 1, upper: 99 })
      .toColourspace('b-w')
      .raw()
      .toBuffer();
    const ours = await normalise(px);
    let worst = 0;
    for (let i = 0; i < px.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - library[i]!));
    expect(worst).toBeLessThanOrEqual(3);
  });
});
