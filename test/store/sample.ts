/** Sample checks for the store tests and their child processes (no test-runner imports here). */
import type { NewCheck } from '../../src/shared/store/records.ts';

export interface CheckOpts {
  at?: string;
  name?: string;
  birthDate?: string;
  staffId?: number | null;
  decision?: NewCheck['verdict']['decision'];
  note?: string;
}

/** A check as the kiosk records it: a 資格確認書 read by OCR, accepted at 3割. */
export function check(o: CheckOpts = {}): NewCheck {
  const at = o.at ?? '2026-11-22T09:15:00+09:00';
  return {
    at,
    checkDate: at.slice(0, 10),
    staffId: o.staffId ?? null,
    facility: { onlineCheck: 'unavailable', smartphoneReader: false },
    patient: { name: o.name ?? '山田 太郎', birthDate: o.birthDate ?? '1981-05-10', insurerType: 'kyokai' },
    documents: [
      {
        kind: 'qualification_certificate',
        source: 'ocr',
        fields: {
          insurerNumber: '01130012',
          symbol: '12345678',
          number: '901',
          branch: '01',
          expiry: '2027-07-31',
          burdenRatio: 0.3,
        },
      },
    ],
    verdict: { decision: o.decision ?? 'accept', burdenRatio: 0.3, ruleIds: ['R-01', 'R-05'] },
    rulebookVersion: '2026.11.1',
    appVersion: '0.1.0',
    ...(o.note !== undefined ? { note: o.note } : {}),
  };
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
