/**
 * A desk in a child process: writes `count` checks, one transaction each, and prints each id on
 * stdout once it is committed. Written to fd 1 directly, waiting while the pipe is full (process.stdout
 * would queue the line in memory instead), so a printed id has left the process before the next check
 * is written. Used by the kill -9 and export-during-writes tests.
 *
 *   node --import tsx test/store/burst-writer.ts DB KEYFILE COUNT
 */
import { writeSync } from 'node:fs';
import { keyFileProvider, openStore } from '../../src/main/store/store-service.ts';
import { check } from './sample.ts';

const pause = new Int32Array(new SharedArrayBuffer(4));

function print(line: string): void {
  const buf = Buffer.from(line);
  for (let off = 0; off < buf.length;) {
    try {
      off += writeSync(1, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 1); // the reader is busy: wait for room
    }
  }
}

const [file, keyFile, count] = process.argv.slice(2);
const store = openStore({ file: file!, key: keyFileProvider(keyFile!) });
if (store.mode !== 'normal') {
  process.stderr.write(`${store.problem}\n`);
  process.exit(2);
}
for (let i = 0; i < Number(count); i++) {
  const { id } = store.recordCheck(check({ name: `連続 ${i}`, birthDate: '1970-01-01' }));
  print(`${id}\n`);
}
store.close();
