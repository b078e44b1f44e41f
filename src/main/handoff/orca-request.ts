/**
 * The patientmodv2 request (日レセ API, xml2, UTF-8) for one patient's insurance as the desk
 * confirmed it. Pure: the same builder serves the app (file or HTTP) and `uketsuke log handoff`.
 * Spec: https://www.orca.med.or.jp/receipt/tec/api/patientmod.html (see docs in
 * ../shared/domain/orca-handoff.md); what it cannot express becomes a warning, never a guess.
 */
import { ageBand } from '../../shared/domain/age.ts';
import { validateInsurerNumber } from '../../shared/domain/insurer-number.ts';
import { toHalfWidth } from '../../shared/domain/text.ts';
import type { OrcaClass, PublicSubsidy, RequestProblem, RequestWarning } from '../../shared/handoff/handoff.ts';
import type { BurdenRatio } from '../../shared/rules/vocabulary.ts';
import { outsideJis0208 } from './jis0208.ts';
import { isKoukiNumber, orcaProviderClass } from './provider-class.ts';
import { str, xmlDocument, type XmlNode } from './xml.ts';

export interface InsuranceFacts {
  insurerNumber: string;
  insurerName?: string;
  symbol?: string;
  number: string;
  branch?: string;
  /** 1 本人 / 2 家族. */
  relation?: '1' | '2';
  /** 交付年月日: the first day the document proves. */
  issueDate?: string;
  expiry?: string;
  /** From the 資格確認書 or the 高齢受給者証. */
  burdenRatio?: BurdenRatio;
}

export interface HandoffInput {
  orcaClass: OrcaClass;
  /** The day of the check (for the age band that decides whether Rate_Class applies). */
  checkDate: string;
  patientId?: string;
  name?: string;
  kana?: string;
  birthDate: string;
  sex?: '1' | '2';
  insurance?: InsuranceFacts;
  publicSubsidies?: readonly PublicSubsidy[];
}

export type OrcaRequest =
  { ok: true; path: string; xml: string; warnings: RequestWarning[] } | { ok: false; problems: RequestProblem[] };

/** `/orca12/patientmodv2?class=NN` (WebORCA puts `/api` before it: part of the configured address). */
export const orcaPath = (orcaClass: OrcaClass): string => `/orca12/patientmodv2?class=${orcaClass}`;

/** Names as ORCA shows them: one 全角 space between family and given name. */
const wholeName = (s: string): string => s.trim().replace(/[\s\u3000]+/gu, '\u3000');

/** カナ as ORCA keeps it: 全角カタカナ (半角カナ widened, ひらがな turned into カタカナ). */
export function toOrcaKana(s: string): string {
  const wide = s.normalize('NFKC').replace(/[\u3041-\u3096]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
  return wholeName(wide);
}

/** 記号・番号 as printed, 全角 digits made 半角 (ORCA widens digits itself); spaces dropped. */
const idText = (s: string): string => toHalfWidth(s).replace(/[\s\u3000]+/gu, '');

/**
 * Rate_Class (高齢者の負担割): the spec takes 10 (1割) and 30 (3割) only and turns anything else
 * into 1割, so 2割 is not sent. Only for 70–74 (高齢受給者); ORCA derives the rest from the age.
 */
function rateClass(input: HandoffInput, warn: (w: RequestWarning) => void): string | undefined {
  const ratio = input.insurance?.burdenRatio;
  if (ratio === undefined || ageBand(input.birthDate, input.checkDate) !== 'elderly') return undefined;
  if (ratio === 0.1) return '10';
  if (ratio === 0.3) return '30';
  warn('rate_not_expressible');
  return undefined;
}

function insuranceBlock(input: HandoffInput, warn: (w: RequestWarning) => void): XmlNode | undefined {
  const ins = input.insurance;
  if (!ins) return undefined;
  const insurerNumber = toHalfWidth(ins.insurerNumber).replace(/[\s-]/g, '');
  if (!validateInsurerNumber(insurerNumber).valid) warn('insurer_number_check_digit');
  let branch = ins.branch ? toHalfWidth(ins.branch).replace(/\D/g, '') : undefined;
  if (branch && isKoukiNumber(insurerNumber)) {
    warn('branch_not_for_kouki');
    branch = undefined;
  }
  if (!ins.relation && !isKoukiNumber(insurerNumber)) warn('relation_unknown');
  const rate = rateClass(input, warn);
  return {
    name: 'HealthInsurance_Information',
    record: [
      ...str('InsuranceProvider_Class', orcaProviderClass(insurerNumber)),
      ...str('InsuranceProvider_Number', insurerNumber),
      ...str('InsuranceProvider_WholeName', ins.insurerName?.trim()),
      ...str('HealthInsuredPerson_Symbol', ins.symbol ? idText(ins.symbol) : undefined),
      ...str('HealthInsuredPerson_Number', idText(ins.number)),
      ...str('HealthInsuredPerson_Branch_Number', branch),
      // 後期高齢者 are always their own insured person.
      ...str('RelationToInsuredPerson', isKoukiNumber(insurerNumber) ? '1' : ins.relation),
      ...str(
        'HealthInsuredPerson_WholeName',
        ins.relation === '1' || isKoukiNumber(insurerNumber)
          ? input.name
            ? wholeName(input.name)
            : undefined
          : undefined,
      ),
      ...str('Certificate_StartDate', ins.issueDate),
      ...str('Certificate_ExpiredDate', ins.expiry),
      ...str('Rate_Class', rate),
    ],
  };
}

function publicBlock(subsidies: readonly PublicSubsidy[], warn: (w: RequestWarning) => void): XmlNode[] {
  if (subsidies.length === 0) return [];
  if (subsidies.some((p) => !p.orcaClass)) warn('public_class_missing');
  return [
    {
      name: 'PublicInsurance_Information',
      array: subsidies
        .slice(0, 4)
        .map((p) => [
          ...str('PublicInsurance_Class', p.orcaClass),
          ...str('PublicInsurer_Number', p.payerNumber),
          ...str('PublicInsuredPerson_Number', p.recipientNumber),
          ...str('Certificate_IssuedDate', p.issueDate),
          ...str('Certificate_ExpiredDate', p.expiry),
        ]),
    },
  ];
}

export function buildOrcaRequest(input: HandoffInput): OrcaRequest {
  const problems: RequestProblem[] = [];
  if (!input.name?.trim()) problems.push('no_name');
  if (!input.insurance || !input.insurance.insurerNumber.trim() || !input.insurance.number.trim())
    problems.push('no_insurance_numbers');
  if (input.orcaClass !== '01' && !input.patientId) problems.push('patient_id_required');
  if (problems.length > 0) return { ok: false, problems };

  const warnings = new Set<RequestWarning>();
  const warn = (w: RequestWarning) => warnings.add(w);
  const name = wholeName(input.name!);
  const kana = input.kana?.trim() ? toOrcaKana(input.kana) : undefined;
  if (outsideJis0208(name).length > 0) warn('name_outside_jis0208');
  if (!kana) warn('kana_missing');
  if (!input.sex) warn('sex_unknown');

  const insurance = insuranceBlock(input, warn);
  const record: XmlNode[] = [
    { name: 'Patient_ID', value: input.patientId ?? '*' },
    { name: 'WholeName', value: name },
    ...str('WholeName_inKana', kana),
    { name: 'BirthDate', value: input.birthDate },
    ...str('Sex', input.sex),
    ...(insurance ? [insurance] : []),
    ...publicBlock(input.publicSubsidies ?? [], warn),
  ];
  const xml = xmlDocument({ name: 'patientmodreq', record });
  return { ok: true, path: orcaPath(input.orcaClass), xml, warnings: [...warnings] };
}
