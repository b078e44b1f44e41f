/**
 * The renderer in Debian's Chromium against browser mode, as every Chromium suite opens it: the
 * bundle built once, the page cut off from everything beyond this machine (what it tried to reach
 * is kept for the test to assert on), the waiting screen on screen.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { appRoot } from '../../src/main/paths.ts';

const CHROMIUM_ARGS = [
  '--lang=ja-JP',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const rendererDir = (): string => join(appRoot(), 'out', 'renderer');

/** The newest modification time of the files the renderer bundle is built from. */
function newestSource(): number {
  return ['src/renderer', 'src/shared']
    .flatMap((dir) => readdirSync(join(appRoot(), dir), { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
    .reduce((newest, f) => Math.max(newest, statSync(join(appRoot(), f)).mtimeMs), 0);
}

/**
 * Builds the renderer bundle when there is none (a fresh clone) or it is older than its sources:
 * a suite run on its own would otherwise test the screens of an earlier build.
 */
export function ensureRendererBuilt(): void {
  const index = join(rendererDir(), 'index.html');
  if (!existsSync(index) || statSync(index).mtimeMs < newestSource())
    execFileSync('npx', ['electron-vite', 'build'], { cwd: appRoot(), stdio: 'ignore' });
}

export interface DeskBrowser {
  browser: Browser;
  page: Page;
  /** Every URL the page tried to reach beyond 127.0.0.1 (each was refused). */
  leaving: string[];
  /** Every uncaught error on the page, from its first load. */
  pageErrors: string[];
}

export async function openDesk(launchUrl: string, options: BrowserContextOptions = {}): Promise<DeskBrowser> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'ja-JP', ...options });
  page.setDefaultTimeout(8000);
  const leaving: string[] = [];
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Browser mode must never reach beyond this machine.
  await page.route(/^(?!http:\/\/127\.0\.0\.1:|data:|blob:)/, (route) => {
    leaving.push(route.request().url());
    return route.abort();
  });
  await page.goto(launchUrl);
  await page.locator('#prompt').waitFor();
  return { browser, page, leaving, pageErrors };
}

/**
 * Where a screenshot goes: the test run's results, and the README's pictures only when asked
 * (`UPDATE_SCREENS=1`), so a test run leaves the checkout as it found it.
 */
const SCREENS = [
  join(appRoot(), 'test-results', 'screens'),
  ...(process.env.UPDATE_SCREENS === '1' ? [join(appRoot(), 'docs', 'screens')] : []),
];

export function saveScreen(name: string, png: Buffer): void {
  for (const dir of SCREENS) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.png`), png);
  }
}
