// @vitest-environment node
/**
 * The OCR process for real: host.ts forked with the real engine, sharp and the shipped data. A
 * crash, a hang and a corrupt file each fail one scan with one clear error; the next scan works.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  forkHostWith,
  OCR_PROCESS_ENV,
  OcrProcess,
  OcrProcessError,
  type HostConnection,
} from '../../src/main/ocr/ocr-process.ts';
import { ImageError } from '../../src/main/ocr/preprocess.ts';
import { generateCorpus, type GeneratedDocument } from '../fixtures/documents/generate.ts';

const root = new URL('../../', import.meta.url).pathname;
let doc: GeneratedDocument;
let image: Buffer;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const until = async (ok: () => boolean, ms = 10_000) => {
  for (const end = Date.now() + ms; !ok() && Date.now() < end;) await new Promise((r) => setTimeout(r, 50));
  return ok();
};

beforeAll(async () => {
  const docs = await generateCorpus({
    outDir: mkdtempSync(join(tmpdir(), 'uketsuke-ocr-process-')),
    count: 1,
    // A document without distractors (seed 5 prints a 公費 number in its 備考): the process is
    // under test here, the extraction of such a document in scan.test.ts.
    seed: 1,
    degraded: false,
    kinds: ['qualification_certificate'],
  });
  doc = docs[0]!;
  image = readFileSync(doc.path);
}, 120_000);

describe('OcrProcess', () => {
  const spawned: { env: Record<string, string>; host: HostConnection }[] = [];
  const ocr = new OcrProcess({
    // One process throughout unless a test kills it (retiring a grown one is tested below).
    recycleAboveBytes: Number.POSITIVE_INFINITY,
    spawn: (env) => {
      const host = forkHostWith(env);
      spawned.push({ env, host });
      return host;
    },
  });
  afterAll(() => ocr.stop());

  it('scans in its own process, started with the malloc settings that keep its memory down, and returns only redacted images', async () => {
    const r = await ocr.scan(image, { previewWidth: 600 });
    expect(r.kind).toBe(doc.kind);
    expect(r.fields.insurerNumber).toBe(doc.fields.insurerNumber);
    expect(spawned).toHaveLength(1);
    expect(spawned[0]!.env).toMatchObject(OCR_PROCESS_ENV);
    const environ = readFileSync(`/proc/${ocr.pid}/environ`, 'utf8').split('\0');
    for (const [k, v] of Object.entries(OCR_PROCESS_ENV)) expect(environ).toContain(`${k}=${v}`);
    expect(ocr.pid).not.toBe(process.pid);
    expect((await sharp(r.images!.preview).metadata()).format).toBe('jpeg');
    expect((await sharp(r.images!.preview).metadata()).width).toBeLessThanOrEqual(600);
    expect((await sharp(r.images!.redacted).metadata()).format).toBe('png');
    expect(ocr.peakRssBytes).toBeGreaterThan(50 * 2 ** 20);
    // Without a preview asked for (the CLI), no image crosses over.
    expect((await ocr.scan(image)).images).toBeUndefined();
  }, 60_000);

  it('a corrupt file is an ImageError and the process keeps serving', async () => {
    const pid = ocr.pid;
    await expect(ocr.scan(Buffer.from('not a jpeg'))).rejects.toThrow(ImageError);
    await expect(ocr.scan(Buffer.from('not a jpeg'))).rejects.toThrow('not an image (or a format that cannot be read)');
    expect(ocr.pid).toBe(pid);
  }, 30_000);

  it('a process that dies mid-scan fails that scan with one clear error; the next scan starts a fresh one', async () => {
    const pending = ocr.scan(image);
    const before = ocr.pid!;
    setTimeout(() => spawned.at(-1)!.host.kill(), 100);
    await expect(pending).rejects.toThrow(new OcrProcessError('the OCR process stopped (killed by SIGKILL)'));
    expect(await until(() => !alive(before))).toBe(true);
    const again = await ocr.scan(image);
    expect(again.kind).toBe(doc.kind);
    expect(ocr.pid).not.toBe(before);
    expect(spawned).toHaveLength(2);
  }, 60_000);
});

describe('OcrProcess limits and lifetime', () => {
  it('retires a process grown past its memory limit once idle, and warms a fresh one for the next scan', async () => {
    const spawned: HostConnection[] = [];
    // Every process is past a limit of 1 byte after its first scan.
    const ocr = new OcrProcess({
      recycleAboveBytes: 1,
      spawn: (env) => {
        const host = forkHostWith(env);
        spawned.push(host);
        return host;
      },
    });
    try {
      expect((await ocr.scan(image)).kind).toBe(doc.kind);
      const first = spawned[0]!.pid!;
      expect(await until(() => !alive(first))).toBe(true);
      expect(spawned).toHaveLength(2);
      expect((await ocr.scan(image)).kind).toBe(doc.kind);
      expect(spawned[1]!.pid).not.toBe(first);
    } finally {
      await ocr.stop();
    }
  }, 60_000);

  it('kills a scan that does not finish in time, and recovers', async () => {
    const ocr = new OcrProcess({ timeoutMs: 300 });
    try {
      // A cold start alone takes longer than 0.3 s: the scan counts as hung.
      const pending = ocr.scan(image);
      const pid = ocr.pid!;
      await expect(pending).rejects.toThrow('reading took longer than 0.3 s and was stopped');
      expect(await until(() => !alive(pid))).toBe(true);
      expect(ocr.pid).toBeUndefined();
    } finally {
      await ocr.stop();
    }
  }, 30_000);

  it("serves the app's built entry as an Electron utility process would run it (parentPort messages)", async () => {
    // The entry Electron forks; Electron itself cannot run here, so Node with a parentPort stand-in.
    const entry = join(root, 'out/main/ocr-host.js');
    if (!existsSync(entry)) execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' });
    const shim = pathToFileURL(join(root, 'test/ocr/support/electron-parent-port.mjs')).href;
    const ocr = new OcrProcess({ spawn: (env) => forkHostWith(env, { entry, preload: [shim] }) });
    try {
      await expect(ocr.scan(Buffer.from('garbage'))).rejects.toThrow(ImageError);
      expect((await ocr.scan(image)).kind).toBe(doc.kind);
    } finally {
      await ocr.stop();
    }
  }, 60_000);

  it('ends with the process that started it, so no OCR process is left behind', async () => {
    const script = `
      import { OcrProcess } from ${JSON.stringify(join(root, 'src/main/ocr/ocr-process.ts'))};
      const ocr = new OcrProcess();
      await ocr.warm();
      console.log(ocr.pid);
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = await new Promise<number>((resolve) =>
      parent.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))),
    );
    expect(alive(pid)).toBe(true);
    parent.kill('SIGKILL');
    expect(await until(() => !alive(pid))).toBe(true);
  }, 60_000);
});
