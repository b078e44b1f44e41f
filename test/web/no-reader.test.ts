// @vitest-environment node
/**
 * `npm run start:web -- --no-reader`: browser mode at a desk without a card reader (or beside
 * another PC/SC program) never opens a PC/SC context, and the screens are told so.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../../src/main/paths.ts';

const built = existsSync(join(appRoot(), 'out', 'renderer', 'index.html'));

describe('browser mode with --no-reader', () => {
  it.skipIf(!built)(
    'reports the reader as disabled: the card service never starts a PC/SC reader service',
    async () => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/main/web/main.ts',
          '--no-reader',
          '--data-dir',
          mkdtempSync(join(tmpdir(), 'uketsuke-no-reader-')),
        ],
        {
          cwd: appRoot(),
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      try {
        const launchUrl = await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            const m = /open: (\S+)/.exec(out);
            if (m) resolve(m[1]!);
          });
          child.once('exit', (code) => reject(new Error(`browser mode exited (${code})`)));
        });
        const url = new URL(launchUrl);
        const token = url.hash.replace('#token=', '');
        const r = await fetch(`${url.origin}/api/card:state`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Uketsuke-Token': token },
          body: JSON.stringify({}),
        });
        expect(await r.json()).toMatchObject({ ok: true, value: { service: 'disabled', readers: [], card: null } });
      } finally {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await gone;
      }
    },
    30_000,
  );
});
