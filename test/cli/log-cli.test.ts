/**
 * `uketsuke log …` as an operator runs it: the real bin/uketsuke in a child process, on logs edited
 * with the real SQLCipher shell (Debian's `sqlcipher` package, installed by scripts/bootstrap.sh).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/main/store/database.ts';
import { keyFileIn, keyFileProvider, openStore, storeFileIn } from '../../src/main/store/store-service.ts';
import { check, tempDir } from '../store/helpers.ts';
import { runCli } from './run-cli.ts';

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { env });

/** A closed log in a fresh data folder: checks 1–2, an old check 3 (2020), check 4 (self_pay), check 5. */
function log() {
  const dir = tempDir();
  const file = storeFileIn(dir);
  const keyFile = keyFileIn(dir);
  const s = openStore({ file, key: keyFileProvider(keyFile) });
  s.recordCheck(check({ name: '青木 一' }));
  s.recordCheck(check({ name: '伊藤 二' }));
  s.recordCheck(check({ name: '上田 三', at: '2020-04-01T09:00:00+09:00' }));
  s.recordCheck(check({ name: '江藤 四', decision: 'self_pay' }));
  s.recordCheck(check({ name: '大野 五' }));
  s.close();
  return { dir, file, keyFile, hexKey: readFileSync(keyFile, 'utf8').trim() };
}

/** Runs SQL in the SQLCipher shell on the encrypted log, as someone holding the key would. */
function sqlcipher(l: { file: string; hexKey: string }, sql: string): { status: number | null; stderr: string } {
  const script = `PRAGMA key = "x'${l.hexKey}'";\nPRAGMA cipher_page_size = ${PAGE_SIZE};\n${sql}\n`;
  const r = spawnSync('sqlcipher', ['-bail', l.file], { input: script, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

const verifyArgs = (l: { file: string; keyFile: string }) => ['log', 'verify', '--db', l.file, '--key-file', l.keyFile];

describe('uketsuke log verify', () => {
  beforeAll(() => {
    const probe = spawnSync('sqlcipher', ['-version'], { encoding: 'utf8' });
    if (probe.error)
      throw new Error('the sqlcipher shell is missing: run scripts/bootstrap.sh (apt package "sqlcipher")');
  });

  it('exits 0 on an intact log and names its head', async () => {
    const l = log();
    const r = await run(verifyArgs(l));
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^intact: 5 entries \(head: entry 5, [0-9a-f]{64}\)\n$/);
  });

  it('the SQLCipher shell reads the log with the key, and the guard stops a plain edit', async () => {
    const l = log();
    const read = spawnSync('sqlcipher', [l.file], {
      input: `PRAGMA key = "x'${l.hexKey}'";\nPRAGMA cipher_page_size = ${PAGE_SIZE};\nSELECT count(*) FROM entries;\n`,
      encoding: 'utf8',
    });
    expect(read.stdout.trim()).toBe('5');
    const edit = sqlcipher(l, `UPDATE entries SET payload = replace(payload, '"self_pay"', '"accept"') WHERE id = 4;`);
    expect(edit.status).not.toBe(0);
    expect(edit.stderr).toMatch(/only be erased/);
    expect((await run(verifyArgs(l))).code).toBe(0);
  });

  it('exits 1 naming an entry whose payload was edited with the SQLCipher shell', async () => {
    const l = log();
    const edit = sqlcipher(
      l,
      `DROP TRIGGER entries_erase_only;\nUPDATE entries SET payload = replace(payload, '"self_pay"', '"accept"') WHERE id = 4;`,
    );
    expect(edit).toMatchObject({ status: 0, stderr: '' });
    const r = await run(verifyArgs(l));
    expect(r).toEqual({ code: 1, stdout: 'broken at entry 4: its content was changed outside the app\n', stderr: '' });
  });

  it('exits 1 naming a row whose columns were edited with the SQLCipher shell', async () => {
    const l = log();
    expect(
      sqlcipher(
        l,
        `DROP TRIGGER entries_no_rewrite;\nUPDATE entries SET at = '2026-11-21T00:00:00.000Z' WHERE id = 2;`,
      ),
    ).toMatchObject({ status: 0 });
    expect(await run(verifyArgs(l))).toMatchObject({
      code: 1,
      stdout: 'broken at entry 2: its time, kind or hashes were changed outside the app\n',
    });
    const l2 = log();
    expect(sqlcipher(l2, `UPDATE entries SET birth_date = '1900-01-01' WHERE id = 5;`)).toMatchObject({ status: 0 });
    expect(await run(verifyArgs(l2))).toMatchObject({
      code: 1,
      stdout: 'broken at entry 5: its search keys were changed outside the app\n',
    });
  });

  it('exits 1 naming a middle row deleted with the SQLCipher shell', async () => {
    const l = log();
    expect(sqlcipher(l, `DROP TRIGGER entries_no_delete;\nDELETE FROM entries WHERE id = 3;`)).toMatchObject({
      status: 0,
      stderr: '',
    });
    expect(await run(verifyArgs(l))).toEqual({
      code: 1,
      stdout: 'broken at entry 3: it is missing (deleted outside the app)\n',
      stderr: '',
    });
  });

  it('exits 2 with one line for a wrong key, a missing log, or a damaged file', async () => {
    const l = log();
    const other = join(tempDir(), 'other.key');
    keyFileProvider(other).load({ create: true });
    const wrong = await run(['log', 'verify', '--db', l.file, '--key-file', other]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^uketsuke: the key file .*other\.key does not open the check log .*\n$/);
    const missing = await run(['log', 'verify', '--db', join(l.dir, 'nope.db'), '--key-file', l.keyFile]);
    expect(missing).toMatchObject({
      code: 2,
      stderr: `uketsuke: there is no check log at ${join(l.dir, 'nope.db')}\n`,
    });
    expect(existsSync(join(l.dir, 'nope.db'))).toBe(false);
    const noKey = await run(['log', 'verify', '--db', l.file, '--key-file', join(l.dir, 'nope.key')]);
    expect(noKey).toMatchObject({ code: 2, stderr: expect.stringMatching(/nope\.key is missing/) });
    expect(existsSync(join(l.dir, 'nope.key'))).toBe(false);
    writeFileSync(l.file, randomBytes(3 * PAGE_SIZE + 100));
    const damaged = await run(verifyArgs(l));
    expect(damaged).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^uketsuke: the check log .* is damaged; .*\n$/),
    });
  });

  it('finds the log and key in the data folder by default', async () => {
    const l = log();
    expect(await run(['log', 'verify'], { UKETSUKE_DATA_DIR: l.dir })).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^intact: 5 entries/),
    });
  });
});

describe('uketsuke log export and purge', () => {
  it('exports masked CSV only, to stdout or a private file', async () => {
    const l = log();
    const out = await run(['log', 'export', '--db', l.file, '--key-file', l.keyFile, '--date', '2026-11-22']);
    expect(out.code).toBe(0);
    expect(out.stdout.startsWith('\uFEFF番号,日時,')).toBe(true);
    expect(out.stdout.split('\r\n')).toHaveLength(6); // header, 4 checks, final newline
    expect(out.stdout).not.toMatch(/01130012|12345678/);
    const target = join(l.dir, 'export.csv');
    const toFile = await run([
      'log',
      'export',
      '--db',
      l.file,
      '--key-file',
      l.keyFile,
      '--from',
      '2020-01-01',
      '--to',
      '2026-12-31',
      '-o',
      target,
    ]);
    expect(toFile).toMatchObject({
      code: 0,
      stdout: `exported 5 checks to ${target} (insurer numbers and 記号・番号 masked)\n`,
      stderr: '',
    });
    expect(statSync(target).mode & 0o777).toBe(0o600);
    const unmasked = await run(['log', 'export', '--db', l.file, '--key-file', l.keyFile, '--unmasked']);
    expect(unmasked).toMatchObject({ code: 2, stderr: expect.stringMatching(/^uketsuke: .*--unmasked/) });
    const both = await run([
      'log',
      'export',
      '--db',
      l.file,
      '--key-file',
      l.keyFile,
      '--date',
      '2026-11-22',
      '--from',
      '2026-11-01',
    ]);
    expect(both).toMatchObject({ code: 2, stderr: 'uketsuke: log export: give --date or --from/--to, not both\n' });
    const badDate = await run(['log', 'export', '--db', l.file, '--key-file', l.keyFile, '--date', '2026-13-01']);
    expect(badDate).toMatchObject({ code: 2, stderr: 'uketsuke: export: date must be a real date as YYYY-MM-DD\n' });
    // Both exports are on record, and the chain still holds.
    expect(await run(verifyArgs(l))).toMatchObject({ code: 0, stdout: expect.stringMatching(/^intact: 7 entries/) });
  });

  it('purges checks past the retention period and says how many', async () => {
    const l = log();
    const r = await run(['log', 'purge', '--db', l.file, '--key-file', l.keyFile]);
    expect(r).toEqual({ code: 0, stdout: 'purged 1 checks older than 3 years and 0 images\n', stderr: '' });
    expect(await run(verifyArgs(l))).toMatchObject({ code: 0, stdout: expect.stringMatching(/^intact: 6 entries/) });
    const missing = await run(['log', 'purge', '--db', join(l.dir, 'nope.db'), '--key-file', l.keyFile]);
    expect(missing.code).toBe(2);
    expect(existsSync(join(l.dir, 'nope.db'))).toBe(false);
  });

  it('lists the log commands in the usage and refuses an unknown one', async () => {
    expect((await run(['help'])).stdout).toMatch(
      /uketsuke log verify .*\n.*uketsuke log export .*\n.*unmasked export is an admin action in the app/,
    );
    expect(await run(['log', 'shred'])).toMatchObject({
      code: 2,
      stderr: 'uketsuke: log: unknown subcommand "shred" (verify, export, purge, handoff)\n',
    });
  });
});
