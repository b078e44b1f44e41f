// @vitest-environment node
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageError, prepareImage } from '../../src/main/ocr/preprocess.ts';

describe('prepareImage refuses bad input with one clear message', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), /empty/],
    ['a text file', Buffer.from('hello, not an image'), /not an image/],
    ['a PDF header', Buffer.from('%PDF-1.7\n...'), /not an image/],
  ])('%s', async (_name, input, msg) => {
    await expect(prepareImage(input)).rejects.toThrow(msg);
  });

  it('a truncated JPEG', async () => {
    const jpeg = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#888' } }).jpeg().toBuffer();
    await expect(prepareImage(jpeg.subarray(0, jpeg.length / 3))).rejects.toBeInstanceOf(ImageError);
  });

  it('a 42-megapixel image, without decoding it', async () => {
    const huge = await sharp({ create: { width: 7000, height: 6000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer();
    const t0 = Date.now();
    await expect(prepareImage(huge)).rejects.toThrow(/too large \(42\.0 MP/);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('honours EXIF orientation and upscales a small capture', async () => {
    const img = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#fff' } })
      .composite([{ input: Buffer.from('<svg width="600" height="400"><rect x="50" y="50" width="500" height="300" fill="#000"/></svg>') }])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const p = await prepareImage(img);
    expect(p.height).toBeGreaterThan(p.width); // rotated upright
    expect(Math.max(p.width, p.height)).toBeGreaterThanOrEqual(1400);
  });
});
