/**
 * The OCR process (see ocr-process.ts): one warm tesseract worker, scans on request. Under Node it
 * is a forked child (messages over its IPC channel); in the app it is an Electron utility process
 * (messages over `process.parentPort`). It exits with its parent.
 */
import { OcrEngine } from './engine.ts';
import type { HostReply, HostRequest } from './ocr-process.ts';
import { ImageError } from './preprocess.ts';
import { scanDocument } from './scan.ts';
import { PaddleReader } from './paddle-reader.ts';
import { TextLineDetector } from './text-lines.ts';

/** The part of Electron's `process.parentPort` used here (no Electron types in Node code). */
interface ParentPort {
  on(event: 'message', listener: (event: { data: HostRequest }) => void): void;
  postMessage(message: HostReply): void;
}

const parentPort = (process as { parentPort?: ParentPort }).parentPort;
const send = (reply: HostReply) => (parentPort ? parentPort.postMessage(reply) : process.send?.(reply));
const maxRssKb = () => process.resourceUsage().maxRSS;

const engine = new OcrEngine();
/**
 * The second reader, loaded once beside tesseract's worker. Without it (no ONNX Runtime for this
 * platform, a model file missing) scans run on tesseract alone.
 */
let second: Promise<PaddleReader | undefined> | undefined;
const loadSecond = () => (second ??= PaddleReader.load().then((r) => (r instanceof PaddleReader ? r : undefined)));
/** The text-line detector, likewise: without it tesseract finds the page's lines itself. */
let detector: Promise<TextLineDetector | undefined> | undefined;
const loadDetector = () =>
  (detector ??= TextLineDetector.load().then((d) => (d instanceof TextLineDetector ? d : undefined)));

async function handle(request: HostRequest): Promise<HostReply> {
  try {
    if (request.type === 'warm') {
      await Promise.all([engine.warm(), loadSecond(), loadDetector()]);
      return { id: request.id, ok: true, maxRssKb: maxRssKb() };
    }
    const [reader, lines] = [await loadSecond(), await loadDetector()];
    const { redactedImage, ...result } = await scanDocument(
      engine,
      Buffer.from(request.image.buffer, request.image.byteOffset, request.image.byteLength),
      { ...(reader ? { second: reader } : {}), ...(lines ? { detector: lines } : {}) },
    );
    let images: { redacted: Buffer; preview: Buffer } | undefined;
    if (request.previewWidth) {
      const { png, preview } = await redactedImage({ previewWidth: request.previewWidth });
      images = { redacted: png, preview: preview! };
    }
    return { id: request.id, ok: true, scan: { ...result, ...(images ? { images } : {}) }, maxRssKb: maxRssKb() };
  } catch (e) {
    const image = e instanceof ImageError;
    return {
      id: request.id,
      ok: false,
      error: { image, message: image ? e.message : String((e as Error)?.message ?? e) },
      maxRssKb: maxRssKb(),
    };
  }
}

const onRequest = (request: HostRequest) => void handle(request).then(send);
if (parentPort) parentPort.on('message', (event) => onRequest(event.data));
else {
  process.on('message', (m) => onRequest(m as HostRequest));
  // The app (or CLI) went away: nothing is left to read for.
  process.on('disconnect', () => process.exit(0));
}
