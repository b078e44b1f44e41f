/**
 * The patientmodv2 request, field by field against ORCA's documented spec
 * (https://www.orca.med.or.jp/receipt/tec/api/patientmod.html; summary in the domain notes):
 * element names and order, xml2 types, UTF-8, the class in the path, the provider class from the
 * 保険者番号, 記号・番号・枝番, 本人/家族, dates, Rate_Class within 10/30, 公費 blocks, and what
 * the API cannot take turned into warnings. Never a 個人番号.
 */
import { describe, expect, it } from 'vitest';
import { handoffInput } from '../../src/main/handoff/from-check.ts';
import { outsideJis0208 } from '../../src/main/handoff/jis0208.ts';
import { buildOrcaRequest, type HandoffInput, toOrcaKana } from '../../src/main/handoff/orca-request.ts';
import { orcaProviderClass } from '../../src/main/handoff/provider-class.ts';
import { insurerCheckDigit } from '../../src/shared/domain/insurer-number.ts';
import type { CheckEntry } from '../../src/shared/store/records.ts';

const withDigit = (base: string) => `${base}${insurerCheckDigit(base)}`;
const KOKUHO = withDigit('13860'); // 6 digits: 国保
const KYOKAI = withDigit('0113001'); // 法別 01
const KOUKI = withDigit('3913001'); // 法別 39

const base: HandoffInput = {
  orcaClass: '01',
  checkDate: '2026-12-06',
  name: '受付 花子',
  kana: 'うけつけ はなこ',
  birthDate: '1985-04-02',
  sex: '2',
  insurance: {
    insurerNumber: KOKUHO,
    insurerName: '千代田区',
    symbol: '千代田',
    number: '１２３４',
    branch: '01',
    relation: '1',
    issueDate: '2026-04-01',
    expiry: '2027-07-31',
    burdenRatio: 0.3,
  },
};

function built(input: HandoffInput) {
  const r = buildOrcaRequest(input);
  if (!r.ok) throw new Error(`not built: ${r.problems.join(', ')}`);
  return r;
}

/** The xml2 elements in document order: [name, type, text]. */
function elements(xml: string): [string, string, string][] {
  return [...xml.matchAll(/<([A-Za-z_0-9]+) type="(string|record|array)">([^<]*)/g)].map((m) => [m[1]!, m[2]!, m[3]!]);
}
const value = (xml: string, name: string) => elements(xml).find(([n]) => n === name)?.[2];

describe('patientmodv2 request (xml2)', () => {
  it('is UTF-8 xml2: <data><patientmodreq type="record">, every value type="string", the class in the path', () => {
    const r = built(base);
    expect(r.path).toBe('/orca12/patientmodv2?class=01');
    expect(r.xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<data>\n  <patientmodreq type="record">')).toBe(
      true,
    );
    expect(r.xml.trimEnd().endsWith('</patientmodreq>\n</data>')).toBe(true);
    expect(Buffer.from(r.xml, 'utf8').toString('utf8')).toBe(r.xml);
    expect(built({ ...base, orcaClass: '04', patientId: '123' }).path).toBe('/orca12/patientmodv2?class=04');
    expect(built({ ...base, orcaClass: '02', patientId: '123' }).path).toBe('/orca12/patientmodv2?class=02');
  });

  it('patient fields in the documented order and forms', () => {
    const r = built(base);
    expect(elements(r.xml).map(([n, t]) => `${n}:${t}`)).toEqual([
      'patientmodreq:record',
      'Patient_ID:string',
      'WholeName:string',
      'WholeName_inKana:string',
      'BirthDate:string',
      'Sex:string',
      'HealthInsurance_Information:record',
      'InsuranceProvider_Class:string',
      'InsuranceProvider_Number:string',
      'InsuranceProvider_WholeName:string',
      'HealthInsuredPerson_Symbol:string',
      'HealthInsuredPerson_Number:string',
      'HealthInsuredPerson_Branch_Number:string',
      'RelationToInsuredPerson:string',
      'HealthInsuredPerson_WholeName:string',
      'Certificate_StartDate:string',
      'Certificate_ExpiredDate:string',
    ]);
    // `*`: ORCA numbers a new patient itself.
    expect(value(r.xml, 'Patient_ID')).toBe('*');
    // One 全角 space between family and given name; カナ in 全角カタカナ.
    expect(value(r.xml, 'WholeName')).toBe('受付\u3000花子');
    expect(value(r.xml, 'WholeName_inKana')).toBe('ウケツケ\u3000ハナコ');
    expect(value(r.xml, 'BirthDate')).toBe('1985-04-02');
    expect(value(r.xml, 'Sex')).toBe('2');
    expect(r.warnings).toEqual([]);
  });

  it('the insurance block: provider class, number, 記号・番号 (半角 digits; ORCA widens them), 枝番, 本人, dates', () => {
    const r = built(base);
    expect(value(r.xml, 'InsuranceProvider_Class')).toBe('060');
    expect(value(r.xml, 'InsuranceProvider_Number')).toBe(KOKUHO);
    expect(value(r.xml, 'InsuranceProvider_WholeName')).toBe('千代田区');
    expect(value(r.xml, 'HealthInsuredPerson_Symbol')).toBe('千代田');
    expect(value(r.xml, 'HealthInsuredPerson_Number')).toBe('1234');
    expect(value(r.xml, 'HealthInsuredPerson_Branch_Number')).toBe('01');
    expect(value(r.xml, 'RelationToInsuredPerson')).toBe('1');
    expect(value(r.xml, 'HealthInsuredPerson_WholeName')).toBe('受付\u3000花子');
    expect(value(r.xml, 'Certificate_StartDate')).toBe('2026-04-01');
    expect(value(r.xml, 'Certificate_ExpiredDate')).toBe('2027-07-31');
  });

  it('derives the provider class from the 保険者番号 (国保 060, 協会 009, 組合 006, 共済 031–034, 後期 039)', () => {
    expect(orcaProviderClass('138602')).toBe('060');
    expect(orcaProviderClass('01130012')).toBe('009');
    expect(orcaProviderClass('06130012')).toBe('006');
    expect(orcaProviderClass('31130012')).toBe('031');
    expect(orcaProviderClass('34130012')).toBe('034');
    expect(orcaProviderClass('39130012')).toBe('039');
    expect(orcaProviderClass('67130012')).toBe('067');
    expect(orcaProviderClass('99130012')).toBeUndefined();
    expect(
      value(
        built({ ...base, insurance: { ...base.insurance!, insurerNumber: KYOKAI } }).xml,
        'InsuranceProvider_Class',
      ),
    ).toBe('009');
  });

  it('家族: relation 2 and no insured person name (it is someone else)', () => {
    const r = built({ ...base, insurance: { ...base.insurance!, relation: '2' } });
    expect(value(r.xml, 'RelationToInsuredPerson')).toBe('2');
    expect(value(r.xml, 'HealthInsuredPerson_WholeName')).toBeUndefined();
  });

  it('後期高齢者医療: no 枝番 (left out with a warning), always 本人', () => {
    const r = built({
      ...base,
      birthDate: '1948-01-10',
      insurance: { ...base.insurance!, insurerNumber: KOUKI, relation: undefined, burdenRatio: 0.1 },
    });
    expect(value(r.xml, 'InsuranceProvider_Class')).toBe('039');
    expect(value(r.xml, 'HealthInsuredPerson_Branch_Number')).toBeUndefined();
    expect(value(r.xml, 'RelationToInsuredPerson')).toBe('1');
    expect(r.warnings).toContain('branch_not_for_kouki');
    expect(r.warnings).not.toContain('relation_unknown');
    // Rate_Class is for 70–74 only: ORCA knows 後期's ratio from elsewhere.
    expect(value(r.xml, 'Rate_Class')).toBeUndefined();
  });

  it('Rate_Class for 70–74: 1割 → 10, 3割 → 30; 2割 cannot be expressed: left out with a warning, never guessed', () => {
    const elderly = { ...base, birthDate: '1954-03-10' };
    expect(value(built({ ...elderly, insurance: { ...base.insurance!, burdenRatio: 0.1 } }).xml, 'Rate_Class')).toBe(
      '10',
    );
    expect(value(built({ ...elderly, insurance: { ...base.insurance!, burdenRatio: 0.3 } }).xml, 'Rate_Class')).toBe(
      '30',
    );
    const two = built({ ...elderly, insurance: { ...base.insurance!, burdenRatio: 0.2 } });
    expect(value(two.xml, 'Rate_Class')).toBeUndefined();
    expect(two.warnings).toContain('rate_not_expressible');
    // Under 70 ORCA derives the ratio from the age: nothing sent.
    expect(value(built(base).xml, 'Rate_Class')).toBeUndefined();
  });

  it('公費 blocks as an array of _child records (up to 4), with a warning when ORCA’s 種類 is unknown', () => {
    const r = built({
      ...base,
      publicSubsidies: [
        {
          orcaClass: '054',
          payerNumber: '54136015',
          recipientNumber: '1234567',
          issueDate: '2026-04-01',
          expiry: '2027-03-31',
        },
        { payerNumber: '80136010' },
      ],
    });
    expect(r.xml).toContain(
      '<PublicInsurance_Information type="array">\n      <PublicInsurance_Information_child type="record">',
    );
    expect(elements(r.xml).filter(([n]) => n === 'PublicInsurance_Information_child')).toHaveLength(2);
    expect(value(r.xml, 'PublicInsurance_Class')).toBe('054');
    expect(value(r.xml, 'PublicInsurer_Number')).toBe('54136015');
    expect(value(r.xml, 'PublicInsuredPerson_Number')).toBe('1234567');
    expect(value(r.xml, 'Certificate_IssuedDate')).toBe('2026-04-01');
    expect(r.warnings).toContain('public_class_missing');
    expect(built(base).xml).not.toContain('PublicInsurance_Information');
  });

  it('names outside JIS X 0208 (ORCA shows ●) ask for the カナ; a missing カナ and 性別 are said', () => {
    expect(outsideJis0208('髙橋 﨑子')).toEqual(['髙', '﨑']);
    expect(outsideJis0208('高橋 崎子 ヨシコ abc')).toEqual([]);
    const r = built({ ...base, name: '髙橋 花子', kana: undefined, sex: undefined });
    expect(r.warnings).toEqual(expect.arrayContaining(['name_outside_jis0208', 'kana_missing', 'sex_unknown']));
    expect(value(r.xml, 'Sex')).toBeUndefined();
    expect(value(r.xml, 'WholeName_inKana')).toBeUndefined();
    expect(toOrcaKana('ｳｹﾂｹ ﾊﾅｺ')).toBe('ウケツケ\u3000ハナコ');
  });

  it('escapes XML and keeps 記号 text as printed', () => {
    const r = built({ ...base, insurance: { ...base.insurance!, insurerName: 'A&B <健保>', symbol: 'ＡＢ　１２' } });
    expect(r.xml).toContain('A&amp;B &lt;健保&gt;');
    expect(value(r.xml, 'HealthInsuredPerson_Symbol')).toBe('AB12');
  });

  it('refuses what the API would refuse: no name, no numbers, class 02/04 without a 患者番号', () => {
    expect(buildOrcaRequest({ ...base, name: ' ' })).toEqual({ ok: false, problems: ['no_name'] });
    const { insurance: _, ...noInsurance } = base;
    expect(buildOrcaRequest(noInsurance)).toEqual({ ok: false, problems: ['no_insurance_numbers'] });
    expect(buildOrcaRequest({ ...base, orcaClass: '04' })).toEqual({ ok: false, problems: ['patient_id_required'] });
    expect(value(built({ ...base, orcaClass: '04', patientId: '00042' }).xml, 'Patient_ID')).toBe('00042');
  });
});

describe('from a logged check', () => {
  const entry: CheckEntry = {
    id: 7,
    hash: 'x',
    staffName: null,
    at: '2026-12-06T01:00:00.000Z',
    checkDate: '2026-12-06',
    staffId: null,
    facility: { onlineCheck: 'unavailable', smartphoneReader: false },
    patient: { name: '受付 花子', birthDate: '1954-03-10', insurerType: 'kyokai' },
    documents: [
      { kind: 'mynumber_card', source: 'card', fields: { token: 'mynumber_card' } },
      {
        kind: 'qualification_certificate',
        source: 'manual',
        fields: {
          insurerNumber: KYOKAI,
          symbol: '12',
          number: '345',
          branch: '02',
          expiry: '2027-07-31',
          burdenRatio: 0.3,
        },
      },
      { kind: 'elderly_recipient_certificate', source: 'manual', fields: { burdenRatio: 0.2 } },
    ],
    verdict: { decision: 'accept', ruleIds: [] },
    rulebookVersion: 'r',
    appVersion: 'a',
  };

  it('takes the numbers from the insurer’s document and the ratio from the 高齢受給者証; staff add 性別, カナ, 本人/家族', () => {
    const input = handoffInput(entry, { sex: '2', kana: 'ウケツケ ハナコ', relation: '2' });
    expect(input).toMatchObject({
      orcaClass: '01',
      name: '受付 花子',
      sex: '2',
      insurance: { insurerNumber: KYOKAI, symbol: '12', number: '345', branch: '02', relation: '2', burdenRatio: 0.2 },
    });
    const r = built(input);
    expect(r.warnings).toContain('rate_not_expressible');
    expect(r.xml).not.toMatch(/\d{12}/);
  });

  it('a check with only a card has no numbers to hand off', () => {
    expect(buildOrcaRequest(handoffInput({ ...entry, documents: [entry.documents[0]!] }))).toEqual({
      ok: false,
      problems: ['no_insurance_numbers'],
    });
  });

  it('refuses a 個人番号 typed as カナ', () => {
    expect(() => handoffInput(entry, { kana: '123456789012' })).toThrow(/個人番号/);
  });
});
