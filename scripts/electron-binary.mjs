#!/usr/bin/env node
// `npm start` needs Electron's binary, which `npm ci` does not fetch (allowScripts keeps
// electron's install step from running). This fetches it when missing; where it cannot be
// fetched (no internet, a proxy, a blocked host) it says so in one line and points to browser
// mode, instead of a bare `TypeError: fetch failed` stack.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
let installer;
try {
  installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
} catch {
  console.error('uketsuke: Electron is not installed (run `npm ci`), or run the kiosk in a browser: npm run start:web');
  process.exit(1);
}

// install.js exits 0 at once when the binary is there, else downloads it.
const run = spawnSync(process.execPath, [installer], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
if (run.status === 0) process.exit(0);

const output = `${run.stderr ?? ''}${run.error ? String(run.error) : ''}`;
// The first line that names the cause (e.g. "TypeError: fetch failed", "RequestError: connect ECONNREFUSED").
const cause =
  output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('at ')) ?? `exit ${run.status ?? run.signal}`;
console.error(
  `uketsuke: Electron's binary is missing and cannot be downloaded here (${cause.slice(0, 160)}); run the kiosk in a browser instead: npm run start:web`,
);
process.exit(1);
