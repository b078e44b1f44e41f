/**
 * Which fields each paper document carries (for the confirmation and manual-entry forms) and how
 * the confirmed fields become the `evaluate` document and the log entry. Pure, shared by the
 * screens and the tests.
 */
import { validateInsurerNumber, schemeOfInsurerNumber } from '../domain/insurer-number.ts';
import type { ScanField } from '../ipc/views.ts';
import type { PresentedDocument } from '../rules/situation.ts';
import { BURDEN_RATIOS, type BurdenRatio, type DocumentKind, type InsurerType } from '../rules/vocabulary.ts';
import type { CheckDocument } from '../store/records.ts';

/** Field values as the forms hold them: text, dates as YYYY-MM-DD, burdenRatio as "0.3". */
export type FieldValues = Partial<Record<ScanField | 'format', string>>;

const IDENTITY: ScanField[] = ['name', 'birthDate', 'sex', 'insurerNumber', 'insurerName', 'symbol', 'number', 'branch'];

/** The fields staff confirm or type per kind: identity first, then what the rules use. */
export const DOCUMENT_FIELDS: Record<DocumentKind, (ScanField | 'format')[]> = {
  mynumber_card: ['name', 'birthDate', 'expiry'],
  smartphone_mynumber: [],
  qualification_certificate: [...IDENTITY, 'issueDate', 'expiry', 'burdenRatio', 'specialMedicalExpense'],
  qualification_notice: [...IDENTITY, 'issueDate', 'expiry', 'burdenRatio'],
  portal_screen: ['format', 'name', 'birthDate', 'insurerNumber', 'symbol', 'number', 'branch', 'burdenRatio'],
  legacy_insurance_card: [...IDENTITY, 'issueDate', 'expiry'],
  elderly_recipient_certificate: ['name', 'birthDate', 'insurerNumber', 'symbol', 'number', 'issueDate', 'expiry', 'burdenRatio'],
  limit_certificate: ['name', 'birthDate', 'insurerNumber', 'limitCategory', 'issueDate', 'expiry'],
  specific_disease_certificate: ['name', 'birthDate', 'insurerNumber', 'issueDate', 'expiry'],
  public_subsidy_certificate: ['name', 'birthDate', 'issueDate', 'expiry'],
};

/** The fields the check log keeps per document (what the decision used, plus what identifies it). */
const LOGGED: (ScanField | 'format')[] = ['insurerNumber', 'insurerName', 'symbol', 'number', 'branch', 'issueDate', 'expiry', 'burdenRatio', 'limitCategory', 'specialMedicalExpense', 'format'];

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const date = (v: string | undefined) => (v && ISO.test(v) ? v : undefined);

export function parseBurdenRatio(v: string | undefined): BurdenRatio | undefined {
  const n = Number(v);
  return (BURDEN_RATIOS as readonly number[]).includes(n) ? (n as BurdenRatio) : undefined;
}

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The document for `evaluate`: only the facts the rules read, and only when they are well formed. */
export function toPresentedDocument(kind: DocumentKind, f: FieldValues): PresentedDocument {
  const expiry = date(f.expiry);
  const issueDate = date(f.issueDate);
  const burdenRatio = parseBurdenRatio(f.burdenRatio);
  switch (kind) {
    case 'mynumber_card':
      return defined({ kind, cardExpiry: expiry });
    case 'smartphone_mynumber':
      return { kind };
    case 'qualification_certificate':
      return defined({ kind, expiry, issueDate, burdenRatio, specialMedicalExpense: f.specialMedicalExpense === 'true' ? true : undefined });
    case 'qualification_notice':
      return defined({ kind, expiry, issueDate, burdenRatio });
    case 'portal_screen':
      return defined({ kind, format: f.format === 'pdf' ? ('pdf' as const) : ('screen' as const), burdenRatio });
    case 'legacy_insurance_card':
      return defined({ kind, expiry });
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
    fields[k] = k === 'burdenRatio' ? Number(v) : k === 'specialMedicalExpense' ? v === 'true' : v;
  }
  return { kind, source, fields };
}

/** The scheme of a well-formed insurer number (6 digits: 国保; 法別番号 otherwise), for the patient's insurer type. */
export function insurerTypeOf(insurerNumber: string | undefined): InsurerType | undefined {
  if (!insurerNumber) return undefined;
  const check = validateInsurerNumber(insurerNumber);
  return check.valid ? schemeOfInsurerNumber(check.normalized) : undefined;
}

/** Scan results as form values: numbers and flags as text. */
export function toFieldValues(fields: Partial<Record<ScanField, string | number | boolean>>): FieldValues {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));
}
