/**
 * A desk in a child process: writes `count` checks, one transaction each, and prints each id on
 * stdout once it is committed (stdout to a pipe is synchronous on Linux, so a printed id left the
 * process before the next write began). Used by the kill -9 and export-during-writes tests.
 *
 *   node --import tsx test/store/burst-writer.ts DB KEYFILE COUNT
 */
import { keyFileProvider, openStore } from '../../src/main/store/store-service.ts';
import { check } from './sample.ts';

const [file, keyFile, count] = process.argv.slice(2);
const store = openStore({ file: file!, key: keyFileProvider(keyFile!) });
if (store.mode !== 'normal') {
  process.stderr.write(`${store.problem}\n`);
  process.exit(2);
}
for (let i = 0; i < Number(count); i++) {
  const { id } = store.recordCheck(check({ name: `連続 ${i}`, birthDate: '1970-01-01' }));
  process.stdout.write(`${id}\n`);
}
store.close();
