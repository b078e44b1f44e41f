/** A logged check (plus what staff add at the desk) as the hand-off's input. Pure. */
import type { HandoffExtras } from '../../shared/handoff/handoff.ts';
import { HandoffExtrasSchema } from '../../shared/handoff/handoff.ts';
import type { DocumentKind } from '../../shared/rules/vocabulary.ts';
import type { CheckEntry } from '../../shared/store/records.ts';
import { BURDEN_RATIOS, type BurdenRatio } from '../../shared/rules/vocabulary.ts';
import type { HandoffInput, InsuranceFacts } from './orca-request.ts';

/**
 * Which document's numbers go to the レセコン, best first: the insurer's own current documents,
 * then the portal screen, then an old 保険証 (expired, but its numbers are usually still right).
 */
const INSURANCE_SOURCES: readonly DocumentKind[] = [
  'qualification_certificate',
  'qualification_notice',
  'portal_screen',
  'legacy_insurance_card',
];

type Fields = CheckEntry['documents'][number]['fields'];
const text = (f: Fields, k: string): string | undefined =>
  typeof f[k] === 'string' && f[k] !== '' ? (f[k] as string) : undefined;
const ratio = (v: unknown): BurdenRatio | undefined =>
  (BURDEN_RATIOS as readonly unknown[]).includes(v) ? (v as BurdenRatio) : undefined;

export function insuranceOf(entry: CheckEntry): InsuranceFacts | undefined {
  for (const kind of INSURANCE_SOURCES) {
    const doc = entry.documents.find(
      (d) => d.kind === kind && text(d.fields, 'insurerNumber') && text(d.fields, 'number'),
    );
    if (!doc) continue;
    const f = doc.fields;
    // The 高齢受給者証 states the ratio for 70–74; a 資格確認書 may print it too.
    const elderly = entry.documents.find((d) => d.kind === 'elderly_recipient_certificate');
    const burdenRatio =
      ratio(elderly?.fields['burdenRatio']) ?? ratio(f['burdenRatio']) ?? ratio(entry.verdict.burdenRatio);
    const opt = <K extends string>(k: K, v: string | undefined) => (v === undefined ? {} : { [k]: v });
    return {
      insurerNumber: text(f, 'insurerNumber')!,
      number: text(f, 'number')!,
      ...opt('insurerName', text(f, 'insurerName')),
      ...opt('symbol', text(f, 'symbol')),
      ...opt('branch', text(f, 'branch')),
      ...opt('issueDate', text(f, 'issueDate')),
      ...opt('expiry', text(f, 'expiry')),
      ...(burdenRatio !== undefined ? { burdenRatio } : {}),
    };
  }
  return undefined;
}

export function handoffInput(entry: CheckEntry, extras: HandoffExtras = {}): HandoffInput {
  const x = HandoffExtrasSchema.parse(extras);
  const insurance = insuranceOf(entry);
  return {
    orcaClass: x.orcaClass,
    checkDate: entry.checkDate,
    birthDate: entry.patient.birthDate,
    ...(entry.patient.name ? { name: entry.patient.name } : {}),
    ...(x.kana ? { kana: x.kana } : {}),
    ...(x.sex ? { sex: x.sex } : {}),
    ...(x.patientId ? { patientId: x.patientId } : {}),
    ...(insurance ? { insurance: { ...insurance, ...(x.relation ? { relation: x.relation } : {}) } } : {}),
    ...(x.publicSubsidies ? { publicSubsidies: x.publicSubsidies } : {}),
  };
}
