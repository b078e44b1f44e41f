#!/usr/bin/env node
// The native addons (SQLite with SQLCipher, PC/SC) are compiled for one runtime at a time:
// `npm ci` builds them for Node (CLI, tests, browser mode); Electron's main process needs them
// built against Electron's headers. `node scripts/native-addons.mjs electron` (npm prestart)
// and `… node` (bootstrap, before the tests) switch them, and do nothing when already right.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const ADDONS = ['better-sqlite3-multiple-ciphers', 'pcsclite'];
const STAMP = 'node_modules/.uketsuke-native-runtime';
const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/native-addons.mjs node|electron');
  process.exit(2);
}

const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const want = target === 'node' ? `node-${process.versions.modules}` : `electron-${electronVersion}`;
const have = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : `node-${process.versions.modules}`;

function loadsInNode() {
  const require = createRequire(import.meta.url);
  try {
    const Database = require('better-sqlite3-multiple-ciphers');
    new Database(':memory:').close();
    require('pcsclite');
    return true;
  } catch {
    return false;
  }
}

if (have === want && (target === 'electron' || loadsInNode())) process.exit(0);

const env = { ...process.env };
if (target === 'electron') {
  // Electron's headers come from its own server; prebuilt SQLite binaries for Electron are used when published.
  Object.assign(env, {
    npm_config_runtime: 'electron',
    npm_config_target: electronVersion,
    npm_config_disturl: 'https://electronjs.org/headers',
  });
  delete env.npm_config_nodedir;
}
console.error(`native addons: building ${ADDONS.join(', ')} for ${want}`);
execFileSync('npm', ['rebuild', ...ADDONS, ...(target === 'electron' ? ['--nodedir='] : [])], {
  stdio: 'inherit',
  env,
});
writeFileSync(STAMP, want + '\n');
