/** The desk's one reducer and the patient's facts derived from the documents: one check, one patient. */
import { describe, expect, it } from 'vitest';
import {
  factOrigins,
  imageIdsOf,
  newCheck,
  patientFacts,
  toDraftSituation,
  toLoggedDocuments,
  withDocument,
  withoutDocument,
  type CheckDoc,
} from '../../src/renderer/src/desk/check.ts';
import { deskReducer, initialDesk, type DeskAction, type DeskState } from '../../src/renderer/src/desk/desk-state.ts';
import type { CardView, ScanView } from '../../src/shared/ipc/views.ts';

const facility = { onlineCheck: 'available', smartphoneReader: false } as const;
const TODAY = '2026-12-06';
const run = (...actions: DeskAction[]): DeskState => actions.reduce(deskReducer, initialDesk());

const notice = (name: string, birthDate: string, insurerNumber = '138602'): Omit<CheckDoc, 'id'> => ({
  kind: 'qualification_notice',
  source: 'manual',
  values: { name, birthDate, insurerNumber, expiry: '2027-07-31', burdenRatio: '0.3' },
});
const scan = (id: string): ScanView => ({
  id,
  kind: 'qualification_certificate',
  confidence: 0.9,
  fields: {},
  fieldConfidence: {},
  confirm: [],
  warnings: [],
  image: 'data:',
  ms: 1,
});
const cardView: CardView = {
  kind: 'mynumber_card',
  certificateExpiry: '2029-05-01',
  certificateStatus: 'valid',
  pinTriesLeft: { auth: 3, basicInfo: 3 },
  document: { kind: 'mynumber_card', certificateExpiry: '2029-05-01' },
  warnings: [],
};

describe('patient facts', () => {
  it('come from the documents, staff typing wins, and removing a document removes what only it gave', () => {
    let c = withDocument(newCheck(), notice('受付 花子', '1980-05-05'));
    expect(patientFacts(c)).toMatchObject({ name: '受付 花子', birthDate: '1980-05-05', insurerType: 'kokuho' });
    c = withDocument(c, { kind: 'limit_certificate', source: 'manual', values: { insurerNumber: '39131016' } });
    expect(patientFacts(c).highCostLimit).toBe(true);
    c = { ...c, typed: { name: '受付 はな子' } };
    expect(patientFacts(c).name).toBe('受付 はな子');
    expect(factOrigins(c)).toMatchObject({ name: 'typed', birthDate: c.documents[0]!.id });
    // The wrong document goes: its name, birth date and insurer type go with it.
    const withoutFirst = { ...withoutDocument(c, c.documents[0]!.id), typed: {} };
    expect(patientFacts(withoutFirst)).toMatchObject({ name: '', birthDate: '', highCostLimit: true });
    expect(patientFacts(withoutFirst).insurerType).toBe('kouki');
  });

  it('a card placed again replaces the earlier card; paper stays; the log keeps what the chip said', () => {
    let c = withDocument(newCheck(), notice('A', '1980-05-05'));
    c = withDocument(c, { kind: 'mynumber_card', source: 'card', values: {}, card: { view: cardView, placement: 1 } });
    c = withDocument(c, {
      kind: 'mynumber_card',
      source: 'card',
      values: {},
      card: { view: { ...cardView, genuine: true }, placement: 1 },
    });
    expect(c.documents.map((d) => d.kind)).toEqual(['qualification_notice', 'mynumber_card']);
    expect(toLoggedDocuments(c)[1]).toMatchObject({
      kind: 'mynumber_card',
      source: 'card',
      fields: { token: 'mynumber_card', genuine: true },
    });
  });

  it('the draft situation holds what is known: a card alone has no birth date or insurer type, a future birth date is left out', () => {
    const card = withDocument(newCheck(), {
      kind: 'mynumber_card',
      source: 'card',
      values: {},
      card: { view: cardView, placement: 1 },
    });
    expect(toDraftSituation(card, TODAY, facility)?.patient).toEqual({});
    expect(toDraftSituation({ ...card, typed: { birthDate: '2030-01-01' } }, TODAY, facility)?.patient).toEqual({});
    expect(toDraftSituation(newCheck(), TODAY, facility)).toBeNull();
  });
});

describe('desk reducer', () => {
  it('leaving a check for the log and coming back keeps it, and nothing new joins it meanwhile', () => {
    const s = run(
      { type: 'open', view: 'manual' },
      { type: 'addDocument', doc: notice('一人目', '1980-05-05') },
      { type: 'open', view: 'log' },
      { type: 'escape', formDirty: false },
    );
    expect(s.view.name).toBe('waiting');
    expect(patientFacts(s.check).name).toBe('一人目');
    const resumed = deskReducer(s, { type: 'open', view: 'check' });
    expect(resumed.view.name).toBe('check');
    expect(resumed.check?.id).toBe(s.check?.id);
  });

  it('finishing or abandoning ends the check: the next patient starts a new one', () => {
    const first = run({ type: 'addDocument', doc: notice('一人目', '1980-05-05') });
    const finished = deskReducer(first, { type: 'finished' });
    expect(finished.check).toBeNull();
    const second = deskReducer(finished, { type: 'addDocument', doc: notice('二人目', '1981-05-05') });
    expect(second.check?.id).not.toBe(first.check?.id);
    expect(second.check?.documents).toHaveLength(1);
    expect(patientFacts(second.check).name).toBe('二人目');
  });

  it('a scan belongs to the check that uses it; abandon and removal let go of its image', () => {
    let s = run({ type: 'capture', file: true }, { type: 'scanned', scan: scan('s1') });
    expect(s.view.name).toBe('review');
    s = deskReducer(s, { type: 'addDocument', doc: { ...notice('A', '1980-05-05'), source: 'ocr', scanId: 's1' } });
    s = deskReducer(s, { type: 'scanned', scan: scan('s2') });
    s = deskReducer(s, { type: 'addDocument', doc: { ...notice('A', '1980-05-05'), source: 'ocr', scanId: 's2' } });
    expect(imageIdsOf(s.check)).toEqual(['s1', 's2']);
    s = deskReducer(s, { type: 'removeDocument', id: s.check!.documents[0]!.id });
    expect(s.discard).toEqual(['s1']);
    expect(imageIdsOf(s.check)).toEqual(['s2']);
    s = deskReducer(s, { type: 'abandon' });
    expect(s.discard).toEqual(['s1', 's2']);
    expect(s.check).toBeNull();
    // A reading left unused (Esc, confirmed) is dropped as well.
    const left = run(
      { type: 'scanned', scan: scan('s3') },
      { type: 'escape', formDirty: false },
      { type: 'answer', yes: true },
    );
    expect(left.discard).toEqual(['s3']);
    expect(deskReducer(left, { type: 'discarded', ids: ['s3'] }).discard).toEqual([]);
  });

  it('Esc never throws typed work away without a yes', () => {
    const s = run({ type: 'addDocument', doc: notice('A', '1980-05-05') }, { type: 'escape', formDirty: false });
    expect(s.confirm).toBe('abandon');
    expect(s.check).not.toBeNull();
    const no = deskReducer(s, { type: 'answer', yes: false });
    expect(no.check).not.toBeNull();
    expect(no.view.name).toBe('check');
    expect(deskReducer(s, { type: 'escape', formDirty: false }).confirm).toBeNull();
    const yes = deskReducer(s, { type: 'answer', yes: true });
    expect(yes.check).toBeNull();
    // A half-typed form asks; an untouched one just closes.
    expect(run({ type: 'open', view: 'manual' }, { type: 'escape', formDirty: true }).confirm).toBe('leaveForm');
    expect(run({ type: 'open', view: 'manual' }, { type: 'escape', formDirty: false }).view.name).toBe('waiting');
  });

  it('a card placed on the waiting screen starts a check; typed facts stay with that check only', () => {
    let s = run({ type: 'cardRead', view: cardView, placement: 1 });
    expect(s.view.name).toBe('check');
    s = deskReducer(s, { type: 'type', facts: { birthDate: '1958-07-07' } });
    s = deskReducer(s, { type: 'finished' });
    s = deskReducer(s, { type: 'addDocument', doc: notice('次', '1990-01-01') });
    expect(patientFacts(s.check).birthDate).toBe('1990-01-01');
  });

  it('confirming the documents that disagree is remembered until the documents change', () => {
    let s = run(
      { type: 'addDocument', doc: notice('A', '1980-05-05') },
      { type: 'ask', confirm: 'contradictions' },
      { type: 'answer', yes: true },
    );
    expect(s.check?.contradictionsChecked).toBe(true);
    s = deskReducer(s, { type: 'addDocument', doc: notice('A', '1981-05-05') });
    expect(s.check?.contradictionsChecked).toBe(false);
  });
});
