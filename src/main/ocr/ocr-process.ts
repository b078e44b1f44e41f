/**
 * OCR in its own process. sharp (libvips threads) and tesseract's wasm heap live there, not in the
 * app's main process:
 * - a crash or runaway on a hostile image ends that process, not the app; the scan gets one clear
 *   message and the next scan starts a fresh process;
 * - a scan that hangs is killed after a time limit;
 * - the process starts with glibc's malloc limited to two arenas and with a fixed mmap threshold.
 *   libvips' worker threads each got an arena of their own, and glibc's moving threshold soon put
 *   every image buffer in them, where freed memory was never given back (peak RSS over the
 *   benchmark's images 424 → 360 MB with the arena limit, 332 MB with both). Both can only be
 *   set before a process starts.
 * The host runs `host.ts`: forked with tsx here (CLI, browser mode, tests, benchmark), an Electron
 * utility process in the app (see `src/main/index.ts`). Both speak the messages below.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ScanResult } from './scan.ts';
import { ImageError } from './preprocess.ts';

/** Set before the OCR process starts (see above): buffers of 128 KiB and more are mapped, and unmapped when freed. */
export const OCR_PROCESS_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' } as const;

/** What a scan returns across the process boundary: the result without its image closure. */
export type RemoteScan = Omit<ScanResult, 'redactedImage'> & {
  /** Asked for with `previewWidth`: the redacted prepared image (PNG) and a downscaled JPEG of it. */
  images?: { redacted: Buffer; preview: Buffer };
};

type HostJob = { type: 'warm' } | { type: 'scan'; image: Uint8Array; previewWidth?: number };
export type HostRequest = HostJob & { id: number };

export type HostReply = { id: number; maxRssKb: number } & (
  | { ok: true; scan?: Omit<RemoteScan, 'images'> & { images?: { redacted: Uint8Array; preview: Uint8Array } } }
  | { ok: false; error: { image: boolean; message: string } }
);

/** One running host, whatever started it. */
export interface HostConnection {
  readonly pid: number | undefined;
  send(message: HostRequest): void;
  onMessage(listener: (message: HostReply) => void): void;
  /** The process ended (or could not start); `reason` is for the log. */
  onExit(listener: (reason: string) => void): void;
  kill(): void;
}
export type SpawnHost = (env: Record<string, string>) => HostConnection;

/** A scan that did not finish because the OCR process stopped or hung. */
export class OcrProcessError extends Error {
  override name = 'OcrProcessError';
}

/** The host under Node, with tsx resolved from here so the CLI works from any directory. */
export const forkHost: SpawnHost = (env) => forkHostWith(env);

/**
 * For tests: `entry`, another build of the host (the app's `out/main/ocr-host.js`); `preload`,
 * modules imported before it (a stand-in for Electron's parentPort).
 */
export function forkHostWith(
  env: Record<string, string>,
  options: { entry?: string; preload?: string[] } = {},
): HostConnection {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = fork(options.entry ?? fileURLToPath(new URL('./host.ts', import.meta.url)), [], {
    execArgv: ['--import', tsx, ...(options.preload ?? []).flatMap((p) => ['--import', p])],
    env: { ...process.env, ...env },
    serialization: 'advanced',
    // stdout stays the CLI's own (its JSON); a crash's trace still reaches stderr.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return {
    pid: child.pid,
    send: (m) => child.send(m),
    onMessage: (l) => child.on('message', (m) => l(m as HostReply)),
    onExit: (l) => {
      child.on('exit', (code, signal) => l(signal ? `killed by ${signal}` : `exit code ${code}`));
      child.on('error', (e) => l(e.message));
    },
    kill: () => child.kill('SIGKILL'),
  };
}

/**
 * The OCR process grows with the pages it has read and never gives the memory back (tesseract's
 * wasm heap; in one process RSS went 427 → 467 MB over 135 scans while the JS heap stayed flat,
 * and the bench's process reached 580 MB after 284 scans): past this it is retired once idle. A
 * fresh one warms to ~360 MB; the budget is 500.
 */
export const RECYCLE_ABOVE_BYTES = 450 * 2 ** 20;

const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export class OcrProcess {
  private host: HostConnection | undefined;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (r: HostReply) => void; reject: (e: Error) => void; timer?: NodeJS.Timeout; scan: boolean }
  >();
  private maxRssKb = 0;

  constructor(
    private readonly options: {
      spawn?: SpawnHost;
      /** A scan still running after this is taken as hung: the process is killed. */
      timeoutMs?: number;
      /** A process whose resident memory passed this after a scan is retired (RECYCLE_ABOVE_BYTES). */
      recycleAboveBytes?: number;
    } = {},
  ) {}

  /** Starts the process and its workers in the background, so the first scan is not the slow one. */
  async warm(): Promise<void> {
    await this.request({ type: 'warm' }, undefined);
  }

  async scan(input: Buffer, options: { previewWidth?: number } = {}): Promise<RemoteScan> {
    const reply = await this.request(
      { type: 'scan', image: input, ...(options.previewWidth ? { previewWidth: options.previewWidth } : {}) },
      this.options.timeoutMs ?? 60_000,
    );
    if (!reply.ok)
      throw reply.error.image ? new ImageError(reply.error.message) : new OcrProcessError(reply.error.message);
    const { images, ...scan } = reply.scan!;
    return {
      ...scan,
      ...(images ? { images: { redacted: asBuffer(images.redacted), preview: asBuffer(images.preview) } } : {}),
    };
  }

  /** The running OCR process, if any (tests). */
  get pid(): number | undefined {
    return this.host?.pid;
  }

  /** The highest peak resident memory any OCR process this started has reported. */
  get peakRssBytes(): number {
    return this.maxRssKb * 1024;
  }

  async stop(): Promise<void> {
    const host = this.host;
    if (!host) return;
    const exited = new Promise<void>((resolve) => host.onExit(() => resolve()));
    host.kill();
    await exited;
  }

  private connection(): HostConnection {
    if (this.host) return this.host;
    const host = this.options.spawn ? this.options.spawn({ ...OCR_PROCESS_ENV }) : forkHost({ ...OCR_PROCESS_ENV });
    this.host = host;
    host.onMessage((reply) => {
      this.maxRssKb = Math.max(this.maxRssKb, reply.maxRssKb);
      const job = this.pending.get(reply.id);
      if (!job) return;
      clearTimeout(job.timer);
      this.pending.delete(reply.id);
      job.resolve(reply);
      const limit = this.options.recycleAboveBytes ?? RECYCLE_ABOVE_BYTES;
      if (job.scan && reply.maxRssKb * 1024 > limit && this.pending.size === 0) this.retire(host);
    });
    host.onExit((reason) => {
      if (this.host !== host) return;
      this.host = undefined;
      this.failAll(new OcrProcessError(`the OCR process stopped (${reason})`));
    });
    return host;
  }

  /** The process is stopped once idle and a fresh one warmed in the background for the next scan. */
  private retire(host: HostConnection): void {
    this.host = undefined;
    host.kill();
    void this.warm().catch(() => undefined);
  }

  private request(message: HostJob, timeoutMs: number | undefined): Promise<HostReply> {
    const id = this.nextId++;
    const host = this.connection();
    return new Promise<HostReply>((resolve, reject) => {
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              // Kill rather than wait: a wasm loop cannot be interrupted from outside.
              this.failAll(new OcrProcessError(`reading took longer than ${timeoutMs / 1000} s and was stopped`));
              this.host = undefined;
              host.kill();
            }, timeoutMs);
      this.pending.set(id, { resolve, reject, scan: message.type === 'scan', ...(timer ? { timer } : {}) });
      try {
        host.send({ id, ...message });
      } catch (e) {
        // The channel closed under us: the exit handler fails the job if it has not yet.
        this.pending.delete(id);
        clearTimeout(timer);
        reject(new OcrProcessError(`the OCR process is not reachable (${(e as Error).message})`));
      }
    });
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    this.pending.clear();
  }
}
