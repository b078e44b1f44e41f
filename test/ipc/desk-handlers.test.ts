/**
 * The desk's calls on the real services: verdicts before every fact is known, scans kept by id
 * until the check that shows them keeps or drops them, and the confirmation of documents that
 * disagree.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/composition.ts';
import { createHandlers, dispatch, ScanImages } from '../../src/main/ipc/handlers.ts';
import { evaluateDraft } from '../../src/shared/rules/draft-situation.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/store/records.ts';

const services = createServices({ dataDir: mkdtempSync(join(tmpdir(), 'uketsuke-desk-')) });
const handlers = createHandlers(services, { appVersion: 'test', mode: 'browser' });
afterAll(() => services.close());
const DATE = '2026-12-07';
const card = { kind: 'mynumber_card', certificateExpiry: '2029-05-01', insuranceRegistered: true } as const;
const draft = (
  onlineCheck: 'available' | 'unavailable' | 'down',
  patient: Record<string, string>,
  documents: unknown[],
) => ({ date: DATE, facility: { onlineCheck, smartphoneReader: false }, patient, documents });

describe('a verdict as soon as the rules can give one', () => {
  it('a valid card alone at a facility with online checks: オンライン資格確認で確認 at once, no birth date or insurer type', async () => {
    const r = await dispatch(handlers, 'rules:evaluateDraft', draft('available', {}, [card]));
    expect(r).toMatchObject({ ok: true, value: { needs: [], verdict: { decision: 'check_online' } } });
  });

  it('when the decision turns on a missing fact, the answer names it', async () => {
    const r = await dispatch(
      handlers,
      'rules:evaluateDraft',
      draft('unavailable', { insurerType: 'kokuho' }, [{ kind: 'qualification_certificate', expiry: '2027-07-31' }]),
    );
    expect(r).toMatchObject({ ok: true, value: { verdict: null, needs: ['birthDate'] } });
  });

  it('with every fact known it is the plain verdict', () => {
    const evaluate = (s: Parameters<typeof services.rules.evaluate>[0]) => services.rules.evaluate(s);
    const full = {
      date: DATE,
      facility: { onlineCheck: 'unavailable' as const, smartphoneReader: false },
      patient: { birthDate: '1980-05-05', insurerType: 'kokuho' as const },
      documents: [{ kind: 'qualification_certificate' as const, expiry: '2027-07-31', burdenRatio: 0.3 as const }],
    };
    expect(evaluateDraft(full, evaluate)).toEqual({ verdict: services.rules.evaluate(full), needs: [] });
  });
});

describe('scans by id', () => {
  it('a check keeps the images it names and no other; the oldest are let go past the bound', () => {
    const images = new ScanImages(3);
    const a = images.put(Buffer.from('a'));
    const b = images.put(Buffer.from('b'));
    expect(images.take([b, 'sffffffffffffffff']).map(String)).toEqual(['b']);
    expect(images.take([b])).toEqual([]);
    for (const x of ['c', 'd', 'e']) images.put(Buffer.from(x));
    expect(images.take([a])).toEqual([]);
    expect(images.size).toBe(3);
  });

  it('finishing names its images: an unknown id keeps nothing; a discarded scan cannot be kept later', async () => {
    services.store.saveSettings({ ...DEFAULT_SETTINGS, keepImagesDays: 7 }, null);
    const situation = {
      date: DATE,
      facility: { onlineCheck: 'unavailable', smartphoneReader: false },
      patient: { birthDate: '1980-05-05', insurerType: 'kokuho' },
      documents: [],
    };
    const r = await dispatch(handlers, 'check:finish', { situation, documents: [], imageIds: ['s0000000000000000'] });
    expect(r.ok).toBe(true);
    const id = r.ok ? (r.value as { id: number }).id : 0;
    expect(services.store.getImages(id)).toEqual([]);
    expect(await dispatch(handlers, 'ocr:discard', { ids: ['s0000000000000000'] })).toEqual({ ok: true, value: null });
    expect((await dispatch(handlers, 'ocr:discard', { ids: ['../etc'] })).ok).toBe(false);
  });
});

describe('documents that disagree', () => {
  const situation = {
    date: DATE,
    facility: { onlineCheck: 'unavailable', smartphoneReader: false },
    patient: { birthDate: '1980-05-05', insurerType: 'kokuho' },
    documents: [{ kind: 'qualification_certificate', expiry: '2027-07-31', burdenRatio: 0.3 }],
  };
  const found = [{ code: 'birth_date_mismatch', field: 'birthDate' }];

  it('finishing as 使えます needs staff to have confirmed; the log records the confirmation', async () => {
    const refused = await dispatch(handlers, 'check:finish', {
      situation,
      documents: [],
      patientName: '不一致 一郎',
      contradictions: { found, confirmed: false },
    });
    expect(refused.ok).toBe(false);
    expect(services.store.searchChecks({ name: '不一致' })).toHaveLength(0);
    const ok = await dispatch(handlers, 'check:finish', {
      situation,
      documents: [],
      patientName: '不一致 一郎',
      contradictions: { found, confirmed: true },
    });
    expect(ok.ok).toBe(true);
    expect(services.store.searchChecks({ name: '不一致' })[0]?.contradictions).toEqual({ found, confirmed: true });
  });
});
