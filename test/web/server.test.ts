/** The browser bridge on the real handlers: loopback only, per-launch token, Host and Origin checked. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/main/composition.ts';
import { createHandlers } from '../../src/main/ipc/handlers.ts';
import { startWebServer, type WebServer } from '../../src/main/web/server.ts';

const tmp = mkdtempSync(join(tmpdir(), 'uketsuke-web-'));
let services: Services;
let server: WebServer;

function call(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: opts.method ?? 'GET',
        headers: { Host: `127.0.0.1:${server.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Uketsuke-Token': server.token, ...headers },
    body: JSON.stringify({ request: body }),
  });

beforeAll(async () => {
  const renderer = join(tmp, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  services = createServices({ dataDir: join(tmp, 'data') });
  server = await startWebServer({
    handlers: createHandlers(services, { appVersion: 't', mode: 'browser' }),
    rendererDir: renderer,
  });
});
afterAll(async () => {
  await server.close();
  await services.close();
});

describe('browser bridge', () => {
  it('listens on 127.0.0.1 only and hands the token in the URL fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.launchUrl).toBe(`${server.url}#token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('serves the screens with a strict CSP, and nothing outside the renderer folder', async () => {
    const index = await call('/');
    expect(index.status).toBe(200);
    expect(String(index.headers['content-security-policy'])).toContain("default-src 'none'");
    // A file next to the renderer folder: an encoded "../" must not reach it.
    writeFileSync(join(tmp, 'secret.txt'), 'not for the browser');
    expect((await call('/..%2fsecret.txt')).status).toBe(404);
    expect((await call('/%2e%2e%2fsecret.txt')).status).toBe(404);
    expect((await call('/../secret.txt')).status).toBe(404);
  });

  it('answers the contract with the token', async () => {
    const r = await api('app:info', undefined);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { mode: 'browser', appVersion: 't' } });
  });

  it('refuses a missing or wrong token, a foreign Origin, a DNS-rebound Host, junk JSON and unknown channels', async () => {
    expect((await api('app:info', undefined, { 'X-Uketsuke-Token': 'x'.repeat(48) })).status).toBe(401);
    expect((await call('/api/app:info', { method: 'POST' })).status).toBe(401);
    expect((await api('app:info', undefined, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('app:info', undefined, { Host: `attacker.example:${server.port}` })).status).toBe(421);
    const junk = await call('/api/rules:evaluate', {
      method: 'POST',
      headers: { 'X-Uketsuke-Token': server.token },
      body: '{nope',
    });
    expect(junk.status).toBe(400);
    expect(JSON.parse(junk.body)).toEqual({ ok: false, error: 'request body is not valid JSON' });
    expect((await api('fs:read', {})).status).toBe(404);
  });

  it('an invalid request is one clear line, and the server keeps serving', async () => {
    const bad = JSON.parse((await api('rules:evaluate', { date: 'yesterday' })).body) as { ok: boolean; error: string };
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/^invalid request for rules:evaluate/);
    expect((await api('app:info', undefined)).status).toBe(200);
  });
});

describe('staff session through the contract', () => {
  it('without accounts nothing is locked; the first account must be an admin and is signed in', async () => {
    expect(JSON.parse((await api('log:search', {})).body)).toMatchObject({ ok: true });
    expect(JSON.parse((await api('staff:add', { name: '受付', role: 'staff', pin: '1234' })).body)).toMatchObject({
      ok: false,
      code: 'error.firstAccountAdmin',
    });
    expect(JSON.parse((await api('staff:add', { name: '管理', role: 'admin', pin: '1234' })).body)).toMatchObject({
      ok: true,
    });
    expect(JSON.parse((await api('session:get', undefined)).body)).toMatchObject({
      ok: true,
      value: { hasStaff: true, staff: { name: '管理', role: 'admin' } },
    });
  });

  it('signed out, the log and the settings are locked; a staff member cannot export unmasked', async () => {
    const admin = JSON.parse((await api('session:get', undefined)).body).value.staff as { id: number };
    expect(JSON.parse((await api('staff:add', { name: '受付', role: 'staff', pin: '5678' })).body)).toMatchObject({
      ok: true,
    });
    await api('staff:signOut', undefined);
    expect(JSON.parse((await api('log:search', {})).body)).toMatchObject({ ok: false, code: 'error.signInFirst' });
    const staffId = (
      JSON.parse((await api('staff:list', undefined)).body).value as { id: number; name: string }[]
    ).find((s) => s.name === '受付')!.id;
    expect(JSON.parse((await api('staff:signIn', { staffId, pin: '0000' })).body)).toMatchObject({ ok: false });
    expect(JSON.parse((await api('staff:signIn', { staffId, pin: '5678' })).body)).toMatchObject({ ok: true });
    expect(JSON.parse((await api('log:export', { unmasked: true })).body)).toMatchObject({
      ok: false,
      code: 'error.adminOnly',
    });
    expect(JSON.parse((await api('log:export', {})).body)).toMatchObject({ ok: true });
    expect(
      JSON.parse((await api('settings:save', { ...services.store.getSettings(), retentionYears: 5 })).body),
    ).toMatchObject({ ok: false });
    await api('staff:signIn', { staffId: admin.id, pin: '1234' });
    expect(
      JSON.parse((await api('settings:save', { ...services.store.getSettings(), retentionYears: 5 })).body),
    ).toMatchObject({ ok: true, value: { retentionYears: 5 } });
  });
});
