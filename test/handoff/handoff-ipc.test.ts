/**
 * The hand-off channels through the same dispatch as Electron's IPC and browser mode: requests
 * validated (a 12-digit 個人番号 as カナ, a bad check id, an unknown field are refused), the
 * settings an admin action once accounts exist, a hand-off a signed-in staff action, and the
 * password never in a response.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/composition.ts';
import { createHandlers, dispatch } from '../../src/main/ipc/handlers.ts';
import { check, tempDir } from '../store/helpers.ts';

const services = createServices({ dataDir: tempDir() });
const handlers = createHandlers(services, { appVersion: 'test', mode: 'browser' });
const call = (channel: Parameters<typeof dispatch>[1], request?: unknown) => dispatch(handlers, channel, request);
afterAll(() => services.close());

describe('hand-off over the typed contract', () => {
  const id = services.store.recordCheck(check({ name: '通信 太郎' })).id;

  it('validates requests: no 個人番号, a real check id, no unknown fields', async () => {
    expect(await call('orca:handoff', { entryId: id, via: 'file', extras: { kana: '1234 5678 9012' } })).toMatchObject({
      ok: false,
      error: expect.stringContaining('個人番号'),
    });
    expect(await call('orca:handoff', { entryId: 0, via: 'file', extras: {} })).toMatchObject({ ok: false });
    expect(await call('orca:handoff', { entryId: id, via: 'fax', extras: {} })).toMatchObject({ ok: false });
    expect(await call('orca:handoff', { entryId: id, via: 'file', extras: { myNumber: 'x' } })).toMatchObject({
      ok: false,
    });
    expect(
      await call('orca:saveSettings', { settings: { enabled: true, url: 'ftp://x', user: '', timeoutSeconds: 5 } }),
    ).toMatchObject({ ok: false });
  });

  it('saves the settings; the password is never answered back', async () => {
    const r = await call('orca:saveSettings', {
      settings: { enabled: true, url: 'http://192.168.1.10:8000', user: 'ormaster', timeoutSeconds: 5 },
      password: 'pw-secret',
    });
    expect(r).toEqual({
      ok: true,
      value: { enabled: true, url: 'http://192.168.1.10:8000', user: 'ormaster', timeoutSeconds: 5, passwordSet: true },
    });
    expect(JSON.stringify(await call('orca:settings'))).not.toContain('pw-secret');
  });

  it('the file way: the XML of the check, named by day and id', async () => {
    const r = await call('orca:handoff', { entryId: id, via: 'file', extras: { sex: '1', relation: '1' } });
    expect(r).toMatchObject({
      ok: true,
      value: { code: 'saved', filename: `20261122-check${id}-patientmodv2-class01.xml`, logged: true },
    });
  });

  it('with staff accounts: a hand-off needs a signed-in member, the settings an admin', async () => {
    await call('staff:add', { name: '院長', role: 'admin', pin: '2468' });
    const admin = (await call('staff:list')) as { ok: true; value: { id: number }[] };
    await call('staff:add', { name: '受付', role: 'staff', pin: '1357' });
    await call('staff:signOut');
    expect(await call('orca:handoff', { entryId: id, via: 'file', extras: {} })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/sign in/i),
    });
    const list = (await call('staff:list')) as { ok: true; value: { id: number; name: string }[] };
    await call('staff:signIn', { staffId: list.value.find((s) => s.name === '受付')!.id, pin: '1357' });
    expect(await call('orca:handoff', { entryId: id, via: 'file', extras: {} })).toMatchObject({
      ok: true,
      value: { code: 'saved' },
    });
    expect(
      await call('orca:saveSettings', { settings: { enabled: false, url: '', user: '', timeoutSeconds: 5 } }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/admin/) });
    await call('staff:signIn', { staffId: admin.value[0]!.id, pin: '2468' });
    expect(
      await call('orca:saveSettings', { settings: { enabled: false, url: '', user: '', timeoutSeconds: 5 } }),
    ).toMatchObject({ ok: true });
  });
});
