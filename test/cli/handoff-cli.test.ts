/** `uketsuke log handoff`: the XML of a logged check, written by the real bin/uketsuke with the app's builder. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handoffInput } from '../../src/main/handoff/from-check.ts';
import { buildOrcaRequest } from '../../src/main/handoff/orca-request.ts';
import { keyFileIn, keyFileProvider, openStore, storeFileIn } from '../../src/main/store/store-service.ts';
import { auditEvents, check, tempDir } from '../store/helpers.ts';
import { runCli } from './run-cli.ts';

function log() {
  const dir = tempDir();
  const s = openStore({ file: storeFileIn(dir), key: keyFileProvider(keyFileIn(dir)) });
  const id = s.recordCheck(check({ name: '受付 花子' })).id;
  const entry = s.getCheck(id)!;
  s.close();
  return { dir, id, entry, env: { UKETSUKE_DATA_DIR: dir } };
}

describe('uketsuke log handoff', () => {
  it('writes the same XML as the app’s builder, with what staff add; the log records the hand-off', async () => {
    const l = log();
    const out = join(l.dir, 'check.xml');
    const r = await runCli(
      ['log', 'handoff', String(l.id), '--out', out, '--sex', '2', '--relation', '1', '--kana', 'ウケツケ ハナコ'],
      { env: l.env },
    );
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`wrote the ORCA request for check ${l.id} to ${out}`);
    const expected = buildOrcaRequest(handoffInput(l.entry, { sex: '2', relation: '1', kana: 'ウケツケ ハナコ' }));
    expect(expected.ok && readFileSync(out, 'utf8')).toBe(expected.ok && expected.xml);
    expect(readFileSync(out, 'utf8')).toContain(
      '<HealthInsuredPerson_Symbol type="string">12345678</HealthInsuredPerson_Symbol>',
    );
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(auditEvents(storeFileIn(l.dir), keyFileIn(l.dir)).filter((e) => e.event === 'handoff')).toEqual([
      { event: 'handoff', entry: l.id, via: 'file', result: 'saved', by: 'cli' },
    ]);
  }, 30_000);

  it('class 04 needs --patient-id; a check that is not there, a missing --out and a bad --sex get one line and exit 2', async () => {
    const l = log();
    const out = join(l.dir, 'x.xml');
    const noId = await runCli(['log', 'handoff', String(l.id), '--out', out, '--class', '04'], { env: l.env });
    expect(noId).toMatchObject({ code: 2 });
    expect(noId.stderr).toMatch(/^uketsuke: log handoff: no request for check \d+: patient_id_required\n$/);
    const ok04 = await runCli(['log', 'handoff', String(l.id), '--out', out, '--class', '04', '--patient-id', '42'], {
      env: l.env,
    });
    expect(ok04.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<Patient_ID type="string">42</Patient_ID>');
    expect(await runCli(['log', 'handoff', '999', '--out', out], { env: l.env })).toMatchObject({
      code: 2,
      stderr: 'uketsuke: log handoff: no request for check 999: not_a_check\n',
    });
    expect((await runCli(['log', 'handoff', String(l.id)], { env: l.env })).stderr).toContain(
      '--out FILE.xml is required',
    );
    expect((await runCli(['log', 'handoff', String(l.id), '--out', out, '--sex', 'M'], { env: l.env })).code).toBe(2);
  }, 60_000);
});
