// @vitest-environment node
/**
 * `npm start` on a machine that cannot fetch Electron: the prestart step says so in one line and
 * points to browser mode. Electron's real installer runs, against a download host that refuses
 * connections and an empty cache, so the outcome is the same with or without internet.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../../src/main/paths.ts';

const electronDir = join(appRoot(), 'node_modules', 'electron');
const installed =
  existsSync(join(electronDir, 'path.txt')) &&
  existsSync(join(electronDir, 'dist', readFileSync(join(electronDir, 'path.txt'), 'utf8')));

describe('npm start without Electron’s binary', () => {
  it('prestart runs the check before anything else', () => {
    const pkg = JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['prestart']).toMatch(/^node scripts\/electron-binary\.mjs( |$)/);
  });

  it.skipIf(installed)(
    'one line, no stack, pointing to npm run start:web; exit non-zero',
    () => {
      const r = spawnSync(process.execPath, ['scripts/electron-binary.mjs'], {
        cwd: appRoot(),
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          ELECTRON_MIRROR: 'http://127.0.0.1:9/',
          electron_config_cache: mkdtempSync(join(tmpdir(), 'uketsuke-electron-cache-')),
          force_no_cache: 'true',
        },
      });
      expect(r.status).not.toBe(0);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^uketsuke: Electron's binary is missing and cannot be downloaded here \(.+\); run the kiosk in a browser instead: npm run start:web$/,
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    },
    70_000,
  );
});
