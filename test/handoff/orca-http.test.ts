/**
 * The HTTP path against a local server answering as ORCA's spec documents: Api_Result 00, 00 with
 * warnings, an error code, a server that never answers, a 401, a closed port, something that is
 * not ORCA. One code each, the check still logged, and the log records the hand-off (how and the
 * result code, not the content).
 */
import { statSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HandoffService } from '../../src/main/handoff/handoff-service.ts';
import { orcaUrl, postToOrca } from '../../src/main/handoff/orca-http.ts';
import { parseOrcaAnswer } from '../../src/main/handoff/orca-response.ts';
import { fileSecret } from '../../src/main/store/secret.ts';
import type { StoreService } from '../../src/main/store/store-service.ts';
import { auditEvents, check, fixture, type Fixture, keyOf, rawDb } from '../store/helpers.ts';
import { FakeOrca, orcaAnswer } from './orca-server.ts';

const orca = new FakeOrca('ormaster', 's3cret-pw');
let url: string;
let f: Fixture;
let store: StoreService;
let handoff: HandoffService;
let checkId: number;

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

beforeAll(async () => {
  url = await orca.start();
});
afterAll(async () => {
  store?.close();
  await orca.stop();
});

beforeEach(() => {
  f = fixture();
  store = f.open();
  checkId = store.recordCheck(check({ name: '受付 花子' })).id;
  handoff = new HandoffService({ store: () => store, password: fileSecret(`${f.dir}/orca.secret`) });
  handoff.saveSettings({ enabled: true, url, user: 'ormaster', timeoutSeconds: 1 }, 's3cret-pw', null);
  orca.behaviour = 'ok';
  orca.received.length = 0;
});

const send = () => handoff.send(checkId, { sex: '2', kana: 'ウケツケ ハナコ', relation: '1' }, null);
const handoffAudits = () => auditEvents(f.file, f.keyFile).filter((e) => e.event === 'handoff');

describe('ORCA over HTTP (local server answering as the spec documents)', () => {
  it('00: POST /orca12/patientmodv2?class=01 with Basic auth and xml2 in UTF-8; ok; the hand-off is logged', async () => {
    const r = await send();
    expect(r).toMatchObject({
      code: 'ok',
      via: 'http',
      apiResult: '00',
      apiMessage: '登録終了',
      patientId: '00042',
      apiWarnings: [],
      logged: true,
    });
    const [req] = orca.received;
    expect(req).toMatchObject({
      method: 'POST',
      url: '/orca12/patientmodv2?class=01',
      contentType: 'application/xml; charset=UTF-8',
    });
    expect(req!.authorization).toBe(`Basic ${Buffer.from('ormaster:s3cret-pw').toString('base64')}`);
    expect(req!.body).toContain('<WholeName type="string">受付\u3000花子</WholeName>');
    expect(req!.body).toContain('<InsuranceProvider_Number type="string">01130012</InsuranceProvider_Number>');
    expect(handoffAudits()).toEqual([
      { event: 'handoff', entry: checkId, via: 'http', result: 'ok', apiResult: '00', by: null },
    ]);
    // The log says that it happened, not what was sent.
    expect(JSON.stringify(handoffAudits())).not.toContain('01130012');
    expect(store.searchChecks({})).toHaveLength(1);
    expect(store.verify()).toMatchObject({ ok: true });
  });

  it('00 with Api_Warning_Message: warnings, shown as ORCA wrote them', async () => {
    orca.behaviour = 'warnings';
    expect(await send()).toMatchObject({
      code: 'warnings',
      apiResult: '00',
      apiWarnings: ['患者カナ氏名に半角文字があります'],
    });
  });

  it('an Api_Result other than 00: api_error with ORCA’s code and message; the check is still logged', async () => {
    orca.behaviour = 'error';
    expect(await send()).toMatchObject({
      code: 'api_error',
      apiResult: '12',
      apiMessage: '保険者番号が存在しません',
      logged: true,
    });
    expect(store.getCheck(checkId)?.patient.name).toBe('受付 花子');
    expect(handoffAudits().at(-1)).toMatchObject({ result: 'api_error', apiResult: '12' });
  });

  it('a wrong password: unauthorized (401)', async () => {
    handoff.saveSettings({ enabled: true, url, user: 'ormaster', timeoutSeconds: 1 }, 'wrong', null);
    expect(await send()).toMatchObject({ code: 'unauthorized', httpStatus: 401 });
  });

  it('a server that accepts and never answers: timeout after the configured seconds', async () => {
    orca.behaviour = 'silent';
    const t0 = Date.now();
    expect(await send()).toMatchObject({ code: 'timeout', logged: true });
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('a closed port: refused', async () => {
    handoff.saveSettings(
      { enabled: true, url: `http://127.0.0.1:${await closedPort()}`, user: 'ormaster', timeoutSeconds: 1 },
      undefined,
      null,
    );
    expect(await send()).toMatchObject({ code: 'refused', logged: true });
    expect(handoffAudits().at(-1)).toMatchObject({ result: 'refused' });
  });

  it('something that is not ORCA: bad_response', async () => {
    orca.behaviour = 'not_orca';
    expect(await send()).toMatchObject({ code: 'bad_response', httpStatus: 200 });
  });

  it('off by default, and nothing is sent until it is configured with a password', async () => {
    const g = fixture();
    const s = g.open();
    const id = s.recordCheck(check()).id;
    const h = new HandoffService({ store: () => s, password: fileSecret(`${g.dir}/orca.secret`) });
    expect(h.settings()).toEqual({ enabled: false, url: '', user: '', timeoutSeconds: 15, passwordSet: false });
    expect(await h.send(id, {}, null)).toMatchObject({ code: 'not_configured', logged: false });
    h.saveSettings({ enabled: true, url, user: 'ormaster', timeoutSeconds: 1 }, undefined, null);
    expect(await h.send(id, {}, null)).toMatchObject({ code: 'no_password' });
    expect(orca.received).toHaveLength(0);
    s.close();
  });

  it('the password is kept apart from the log and its settings; the audit says only that it changed', () => {
    expect(handoff.settings()).toMatchObject({ passwordSet: true });
    expect(JSON.stringify(auditEvents(f.file, f.keyFile))).not.toContain('s3cret-pw');
    const db = rawDb(f.file, keyOf(f.keyFile));
    expect(JSON.stringify(db.prepare('SELECT * FROM orca_settings').all())).not.toContain('s3cret-pw');
    db.close();
    expect(statSync(`${f.dir}/orca.secret`).mode & 0o777).toBe(0o600);
    const changed = auditEvents(f.file, f.keyFile).find((e) => e.event === 'settings_changed') as {
      changed: Record<string, unknown>;
    };
    expect(Object.keys(changed.changed)).toEqual(
      expect.arrayContaining(['orca.enabled', 'orca.url', 'orca.user', 'orca.password']),
    );
  });

  it('a check that is not in the log: not_built, nothing sent', async () => {
    expect(await handoff.send(9999, {}, null)).toMatchObject({ code: 'not_built', problems: ['not_a_check'] });
    expect(orca.received).toHaveLength(0);
  });
});

describe('pieces', () => {
  it('joins the configured base (WebORCA: …/api) with the API path', () => {
    expect(orcaUrl('http://192.168.1.10:8000', '/orca12/patientmodv2?class=01').href).toBe(
      'http://192.168.1.10:8000/orca12/patientmodv2?class=01',
    );
    expect(orcaUrl('https://weborca.example/api/', '/orca12/patientmodv2?class=04').href).toBe(
      'https://weborca.example/api/orca12/patientmodv2?class=04',
    );
  });

  it('reads Api_Result, the message, the warnings and the patient number; null for anything else', () => {
    expect(
      parseOrcaAnswer(orcaAnswer({ result: '00', message: '登録終了', patientId: '7', warnings: ['a', 'b'] })),
    ).toEqual({ apiResult: '00', apiMessage: '登録終了', patientId: '7', warnings: ['a', 'b'] });
    expect(parseOrcaAnswer('<html></html>')).toBeNull();
  });

  it('an unreachable address: unreachable, no exception', async () => {
    expect(
      await postToOrca(
        { url: 'http://invalid.invalid:8000', user: 'u', password: 'p', timeoutMs: 2000 },
        '/x',
        '<data/>',
      ),
    ).toMatchObject({ code: 'unreachable' });
  });
});
