/**
 * Electron main process: one hardened window, IPC registration, nothing else. All logic lives in
 * plain Node services (see composition.ts) that the CLI and the browser bridge share.
 */
import { app, BrowserWindow, ipcMain, safeStorage, session, utilityProcess } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServices, type Services } from './composition.ts';
import { defaultDataDir } from './paths.ts';
import { createHandlers } from './ipc/handlers.ts';
import type { HostReply, SpawnHost } from './ocr/ocr-process.ts';
import { registerIpc } from './ipc/register.ts';
import { safeStorageKeyProvider } from './store/key.ts';
import { safeStorageSecret } from './store/secret.ts';

const rendererDevUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const rendererFile = join(import.meta.dirname, '../renderer/index.html');
const appUrl = rendererDevUrl ?? pathToFileURL(rendererFile).href;
const isTrustedUrl = (url: string) => url === appUrl || url.startsWith(appUrl.replace(/index\.html$/, ''));

/** OCR in an Electron utility process (ocr/host.ts, built next to this file); see ocr-process.ts. */
const spawnOcrUtility: SpawnHost = (env) => {
  const child = utilityProcess.fork(join(import.meta.dirname, 'ocr-host.js'), [], {
    env: { ...process.env, ...env },
    serviceName: 'uketsuke OCR',
    stdio: 'inherit',
  });
  return {
    get pid() {
      return child.pid;
    },
    send: (m) => child.postMessage(m),
    onMessage: (l) => child.on('message', (m: HostReply) => l(m)),
    onExit: (l) => child.on('exit', (code) => l(`exit code ${code}`)),
    kill: () => void child.kill(),
  };
};

function createWindow(services: Services): BrowserWindow {
  const kiosk =
    process.argv.includes('--kiosk') || (services.store.mode === 'normal' && services.store.getSettings().kiosk);
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    kiosk,
    fullscreen: kiosk,
    show: false,
    autoHideMenuBar: true,
    title: '受付 uketsuke',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // No navigation away from the app and no new windows: the kiosk never opens a browser.
  win.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void (rendererDevUrl ? win.loadURL(rendererDevUrl) : win.loadFile(rendererFile));
  return win;
}

app.whenReady().then(() => {
  // Camera only (document capture), only for the app's own page; everything else is refused.
  session.defaultSession.setPermissionRequestHandler((webContents, permission, callback) => {
    callback(permission === 'media' && isTrustedUrl(webContents.getURL()));
  });
  session.defaultSession.setPermissionCheckHandler(
    (webContents, permission) => permission === 'media' && !!webContents && isTrustedUrl(webContents.getURL()),
  );
  // No request may leave the machine.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const local =
      details.url.startsWith('file:') ||
      details.url.startsWith('devtools:') ||
      (rendererDevUrl !== undefined && details.url.startsWith(rendererDevUrl));
    callback({ cancel: !local });
  });

  // The same data folder as the CLI (so `uketsuke rules import` and `log verify` reach the app's
  // files); the check log's key is sealed by the OS keyring (safeStorage), never in clear on disk.
  const dataDir = defaultDataDir();
  const services = createServices({
    dataDir,
    storeKey: safeStorageKeyProvider(safeStorage, join(dataDir, 'checks.key.enc')),
    orcaPassword: safeStorageSecret(safeStorage, join(dataDir, 'orca.secret.enc')),
    spawnOcr: spawnOcrUtility,
    // No card reader at this desk: PC/SC is never opened (also a setting).
    noReader: process.argv.includes('--no-reader'),
  });
  registerIpc(ipcMain, createHandlers(services, { appVersion: app.getVersion(), mode: 'electron' }), isTrustedUrl);
  services.scan.warm();
  services.startPurgeJob();
  for (const problem of services.rules.problems) console.error(`[rules] ${problem}`);
  createWindow(services);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(services);
  });
  app.on('will-quit', () => void services.close());
});

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
