/** Runs test/store/burst-writer.ts in a child process and collects the ids it reports as committed. */
import { type ChildProcess, spawn } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;

export interface Writer {
  child: ChildProcess;
  /** Ids reported committed so far (all of them once `exited` resolves: it waits for stdout to close). */
  ids: number[];
  stderr: () => string;
  /** Resolves when ids.length reaches n (rejects if the writer exits first). */
  waitFor(n: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startWriter(file: string, keyFile: string, count: number): Writer {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/store/burst-writer.ts', file, keyFile, String(count)],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const ids: number[] = [];
  let partial = '';
  let err = '';
  const waiters: { n: number; resolve: () => void }[] = [];
  child.stdout!.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop()!;
    for (const l of lines) ids.push(Number(l));
    for (const w of waiters.splice(0))
      if (ids.length >= w.n) w.resolve();
      else waiters.push(w);
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    ids,
    stderr: () => err,
    exited,
    waitFor: (n) =>
      new Promise<void>((resolve, reject) => {
        if (ids.length >= n) return resolve();
        waiters.push({ n, resolve });
        void exited.then(() =>
          ids.length >= n ? resolve() : reject(new Error(`writer exited after ${ids.length} ids: ${err}`)),
        );
      }),
  };
}
