/** Real verdicts from the real engine and the built-in rulebook, one per outcome. */
import { loadRulebook } from '../../src/main/rules/load.ts';
import { join } from 'node:path';
import { RulesService } from '../../src/main/services/rules-service.ts';
import type { Situation, Verdict } from '../../src/shared/rules/situation.ts';
import type { Decision } from '../../src/shared/rules/vocabulary.ts';

const rules = new RulesService(loadRulebook(join(process.cwd(), 'resources', 'rules', 'rulebook.json')));
export const DATE = '2026-11-23';

const base = (onlineCheck: Situation['facility']['onlineCheck'], documents: Situation['documents']): Situation => ({
  date: DATE,
  facility: { onlineCheck, smartphoneReader: false },
  patient: { birthDate: '1980-05-01', insurerType: 'kokuho' },
  documents,
});

export const SITUATIONS: Record<Decision, Situation> = {
  accept: base('unavailable', [{ kind: 'qualification_certificate', expiry: '2027-07-31', burdenRatio: 0.3 }]),
  need_more: base('down', [{ kind: 'mynumber_card', certificateExpiry: '2029-05-01' }]),
  check_online: base('available', [{ kind: 'mynumber_card', certificateExpiry: '2029-05-01' }]),
  self_pay: base('unavailable', [
    { kind: 'qualification_certificate', expiry: '2027-07-31', specialMedicalExpense: true },
  ]),
};

export function verdictFor(decision: Decision): Verdict {
  const v = rules.evaluate(SITUATIONS[decision]);
  if (v.decision !== decision) throw new Error(`fixture drifted: expected ${decision}, got ${v.decision}`);
  return v;
}
