/**
 * Browser mode: the same renderer and the same handlers as the Electron app, over HTTP on the
 * loopback interface only. Every API call must carry the per-launch token (handed to the page in
 * the URL fragment, which browsers never send to a server), the Host must be this loopback
 * address (against DNS rebinding) and any Origin must be this server.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { dispatch, isChannel, type Handlers } from '../ipc/handlers.ts';

export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Scans carry images; nothing else comes close. */
const MAX_BODY_BYTES = 96 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebServerOptions {
  handlers: Handlers;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface WebServer {
  url: string;
  /** The URL with the token, for the one browser that should use it. */
  launchUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'application/json; charset=utf-8',
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

const refuse = (res: ServerResponse, status: number, error: string) =>
  send(res, status, JSON.stringify({ ok: false, error }));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const tokenBytes = Buffer.from(token);
  const root = resolve(options.rendererDir);
  let port = 0;

  const tokenOk = (given: string | string[] | undefined) =>
    typeof given === 'string' && given.length === token.length && timingSafeEqual(Buffer.from(given), tokenBytes);

  async function api(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'POST only');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}`)
      return refuse(res, 403, 'refused: foreign origin');
    if (!tokenOk(req.headers['x-uketsuke-token']))
      return refuse(res, 401, 'refused: missing or wrong session token (open the URL printed at start)');
    if (!isChannel(channel)) return refuse(res, 404, `unknown channel ${channel}`);
    let body: string;
    try {
      body = await readBody(req);
    } catch (e) {
      return refuse(res, 413, (e as Error).message);
    }
    let request: unknown;
    try {
      request = body === '' ? undefined : (JSON.parse(body) as { request?: unknown }).request;
    } catch {
      return refuse(res, 400, 'request body is not valid JSON');
    }
    send(res, 200, JSON.stringify(await dispatch(options.handlers, channel, request)));
  }

  async function file(res: ServerResponse, pathname: string): Promise<void> {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const full = resolve(join(root, rel));
    if (full !== root && !full.startsWith(root + sep)) return refuse(res, 404, 'not found');
    try {
      send(res, 200, await readFile(full), TYPES[extname(full)] ?? 'application/octet-stream');
    } catch {
      refuse(res, 404, 'not found');
    }
  }

  const server = createServer((req, res) => {
    // Only this loopback address by number: a DNS name pointing here (rebinding) is refused.
    if (req.headers.host !== `127.0.0.1:${port}`) return refuse(res, 421, 'refused: wrong host');
    const { pathname } = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const done = pathname.startsWith('/api/') ? api(req, res, pathname.slice(5)) : file(res, pathname);
    done.catch((e: unknown) => {
      console.error('[web] request failed', e);
      if (!res.headersSent) refuse(res, 500, 'internal error');
    });
  });
  // Long polls of the card state hold requests open; keep them from being cut.
  server.requestTimeout = 0;

  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}/`;
      resolveServer({
        url,
        launchUrl: `${url}#token=${token}`,
        port,
        token,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
