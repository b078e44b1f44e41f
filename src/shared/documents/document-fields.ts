/**
 * Which fields each paper document carries (for the confirmation and manual-entry forms) and how
 * the confirmed fields become the `evaluate` document and the log entry. Every fact a document
 * kind has in the `evaluate` contract has a field here (test/unit/document-fields.test.ts holds
 * the two together). Pure, shared by the screens and the tests.
 */
import { validateInsurerNumber, schemeOfInsurerNumber } from '../domain/insurer-number.ts';
import type { ScanField } from '../ipc/views.ts';
import type { PresentedDocument } from '../rules/situation.ts';
import { BURDEN_RATIOS, type BurdenRatio, type DocumentKind, type InsurerType } from '../rules/vocabulary.ts';
import type { CheckDocument } from '../store/records.ts';

/** Facts staff state from the document that OCR does not read. */
export type StatedField = 'format' | 'insuranceRegistered' | 'specificDiseaseNoted' | 'detailsChanged';
export type FormField = ScanField | StatedField;

/** Field values as the forms hold them: text, dates as YYYY-MM-DD, burdenRatio as "0.3", flags as "true"/"false". */
export type FieldValues = Partial<Record<FormField, string>>;

/** How a field is entered: the choices' values are what the form holds (words in the catalogues). */
export type FieldInput =
  | { type: 'date' }
  | { type: 'text'; numeric?: boolean }
  | { type: 'ratio' }
  | { type: 'flag' }
  | { type: 'choice'; options: readonly string[] };

export const FIELD_INPUTS: Record<FormField, FieldInput> = {
  name: { type: 'text' },
  birthDate: { type: 'date' },
  sex: { type: 'choice', options: ['', 'male', 'female'] },
  insurerNumber: { type: 'text', numeric: true },
  insurerName: { type: 'text' },
  symbol: { type: 'text' },
  number: { type: 'text', numeric: true },
  branch: { type: 'text', numeric: true },
  issueDate: { type: 'date' },
  expiry: { type: 'date' },
  certificateExpiry: { type: 'date' },
  cardExpiry: { type: 'date' },
  burdenRatio: { type: 'ratio' },
  limitCategory: { type: 'text' },
  specialMedicalExpense: { type: 'flag' },
  specificDiseaseNoted: { type: 'flag' },
  detailsChanged: { type: 'flag' },
  // 保険証利用登録: not known until the card is read online or the patient says.
  insuranceRegistered: { type: 'choice', options: ['', 'true', 'false'] },
  // No default: a verdict never rests on a format nobody chose (see toPresentedDocument).
  format: { type: 'choice', options: ['', 'live', 'pdf', 'screenshot'] },
};

const IDENTITY: ScanField[] = [
  'name',
  'birthDate',
  'sex',
  'insurerNumber',
  'insurerName',
  'symbol',
  'number',
  'branch',
];

/** The fields staff confirm or type per kind: identity first, then what the rules use. */
export const DOCUMENT_FIELDS: Record<DocumentKind, FormField[]> = {
  // The 電子証明書's expiry decides; the card's own is printed beside it and is not the same date.
  mynumber_card: ['name', 'birthDate', 'certificateExpiry', 'cardExpiry', 'insuranceRegistered'],
  smartphone_mynumber: [],
  qualification_certificate: [
    ...IDENTITY,
    'issueDate',
    'expiry',
    'burdenRatio',
    'specialMedicalExpense',
    'specificDiseaseNoted',
  ],
  qualification_notice: [...IDENTITY, 'issueDate', 'expiry', 'burdenRatio', 'specialMedicalExpense'],
  portal_screen: ['format', 'name', 'birthDate', 'insurerNumber', 'symbol', 'number', 'branch', 'burdenRatio'],
  legacy_insurance_card: [...IDENTITY, 'issueDate', 'expiry', 'detailsChanged'],
  elderly_recipient_certificate: [
    'name',
    'birthDate',
    'insurerNumber',
    'symbol',
    'number',
    'issueDate',
    'expiry',
    'burdenRatio',
  ],
  limit_certificate: ['name', 'birthDate', 'insurerNumber', 'limitCategory', 'issueDate', 'expiry'],
  specific_disease_certificate: ['name', 'birthDate', 'insurerNumber', 'issueDate', 'expiry'],
  public_subsidy_certificate: ['name', 'birthDate', 'issueDate', 'expiry'],
};

/** The fields the check log keeps per document (what the decision used, plus what identifies it). */
const LOGGED: FormField[] = [
  'insurerNumber',
  'insurerName',
  'symbol',
  'number',
  'branch',
  'issueDate',
  'expiry',
  'certificateExpiry',
  'cardExpiry',
  'insuranceRegistered',
  'burdenRatio',
  'limitCategory',
  'specialMedicalExpense',
  'specificDiseaseNoted',
  'detailsChanged',
  'format',
];
const FLAGS: ReadonlySet<FormField> = new Set([
  'specialMedicalExpense',
  'specificDiseaseNoted',
  'detailsChanged',
  'insuranceRegistered',
]);

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const date = (v: string | undefined) => (v && ISO.test(v) ? v : undefined);
/** A flag the form holds as "true"/"false"; anything else is unknown. */
const flag = (v: string | undefined) => (v === 'true' ? true : v === 'false' ? false : undefined);
/** A printed mark: present or not said (never "false", which would claim the document was read for it). */
const mark = (v: string | undefined) => (v === 'true' ? true : undefined);

export function parseBurdenRatio(v: string | undefined): BurdenRatio | undefined {
  const n = Number(v);
  return (BURDEN_RATIOS as readonly number[]).includes(n) ? (n as BurdenRatio) : undefined;
}

const PORTAL_CHOICES = ['live', 'pdf', 'screenshot'] as const;

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The document for `evaluate`: only the facts the rules read, and only when they are well formed. */
export function toPresentedDocument(kind: DocumentKind, f: FieldValues): PresentedDocument {
  const expiry = date(f.expiry);
  const issueDate = date(f.issueDate);
  const burdenRatio = parseBurdenRatio(f.burdenRatio);
  switch (kind) {
    case 'mynumber_card':
      return defined({
        kind,
        certificateExpiry: date(f.certificateExpiry),
        cardExpiry: date(f.cardExpiry),
        insuranceRegistered: flag(f.insuranceRegistered),
      });
    case 'smartphone_mynumber':
      return { kind };
    case 'qualification_certificate':
      return defined({
        kind,
        expiry,
        issueDate,
        burdenRatio,
        specialMedicalExpense: mark(f.specialMedicalExpense),
        specificDiseaseNoted: mark(f.specificDiseaseNoted),
      });
    case 'qualification_notice':
      return defined({ kind, expiry, issueDate, burdenRatio, specialMedicalExpense: mark(f.specialMedicalExpense) });
    case 'portal_screen': {
      // Unchosen: the least a screen can be (a screenshot), so nothing is accepted on a format nobody saw.
      const format = PORTAL_CHOICES.find((x) => x === f.format) ?? 'screenshot';
      return defined({ kind, format, burdenRatio });
    }
    case 'legacy_insurance_card':
      return defined({ kind, expiry, detailsChanged: mark(f.detailsChanged) });
    case 'elderly_recipient_certificate':
      return defined({ kind, expiry, burdenRatio });
    case 'limit_certificate':
    case 'specific_disease_certificate':
    case 'public_subsidy_certificate':
      return defined({ kind, expiry });
  }
}

/** The log entry's view of a document: the fields used, never a name or birth date (those are the patient's). */
export function toCheckDocument(kind: DocumentKind, source: CheckDocument['source'], f: FieldValues): CheckDocument {
  const fields: Record<string, string | number | boolean> = {};
  for (const k of LOGGED) {
    const v = f[k];
    if (v === undefined || v === '') continue;
    fields[k] = k === 'burdenRatio' ? Number(v) : FLAGS.has(k) ? v === 'true' : v;
  }
  return { kind, source, fields };
}

/** The scheme of a well-formed insurer number (6 digits: 国保; 法別番号 otherwise), for the patient's insurer type. */
export function insurerTypeOf(insurerNumber: string | undefined): InsurerType | undefined {
  if (!insurerNumber) return undefined;
  const check = validateInsurerNumber(insurerNumber);
  return check.valid ? schemeOfInsurerNumber(check.normalized) : undefined;
}

/**
 * Scan results as form values: numbers and flags as text. On a マイナンバーカード the printed
 * 有効期限 (「…まで有効」) is the card's own, never the 電子証明書's.
 */
export function toFieldValues(
  fields: Partial<Record<ScanField, string | number | boolean>>,
  kind?: DocumentKind | 'unknown',
): FieldValues {
  const values: FieldValues = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));
  if (kind === 'mynumber_card' && values.expiry !== undefined) {
    values.cardExpiry ??= values.expiry;
    delete values.expiry;
  }
  return values;
}
