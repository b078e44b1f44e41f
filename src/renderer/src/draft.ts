/** The check being built at the desk: documents from card, camera or keyboard, and the patient's facts. */
import { insurerTypeOf, toCheckDocument, toPresentedDocument, type FieldValues } from '../../shared/documents/document-fields.ts';
import type { CardView } from '../../shared/ipc/views.ts';
import type { Situation } from '../../shared/rules/situation.ts';
import type { DocumentKind, InsurerType } from '../../shared/rules/vocabulary.ts';
import type { CheckDocument, FacilityProfile } from '../../shared/store/records.ts';

export interface DraftDocument {
  id: string;
  kind: DocumentKind;
  source: CheckDocument['source'];
  values: FieldValues;
  /** For a card: what the chip said (and which placement it came from). */
  card?: { view: CardView; placement: number };
}

export interface PatientFacts {
  name: string;
  birthDate: string;
  insurerType: InsurerType | '';
  publicSubsidy: boolean;
  specificDisease: boolean;
  dvSupport: boolean;
  residenceExpiry: string;
  /** 生活保護の医療扶助 (医療券). */
  medicalAssistance: boolean;
  /** The patient asks for the 限度額 to apply. */
  highCostLimit: boolean;
}

export interface Draft {
  documents: DraftDocument[];
  patient: PatientFacts;
}

export const emptyDraft = (): Draft => ({
  documents: [],
  patient: { name: '', birthDate: '', insurerType: '', publicSubsidy: false, specificDisease: false, dvSupport: false, residenceExpiry: '', medicalAssistance: false, highCostLimit: false },
});

let counter = 0;
const newId = () => `d${++counter}`;

/** Adds a document and fills the patient's facts it carries, without overwriting what staff typed. */
export function addDocument(draft: Draft, doc: Omit<DraftDocument, 'id'>): Draft {
  const documents = doc.card
    ? [...draft.documents.filter((d) => !d.card), { ...doc, id: newId() }]
    : [...draft.documents, { ...doc, id: newId() }];
  const v = doc.values;
  const holder = doc.card?.view.holder;
  const p = draft.patient;
  const insurerType = p.insurerType || insurerTypeOf(v.insurerNumber) || '';
  return {
    documents,
    patient: {
      ...p,
      name: p.name || v.name || holder?.name || '',
      birthDate: p.birthDate || v.birthDate || holder?.birthDate || '',
      insurerType,
    },
  };
}

export function removeDocument(draft: Draft, id: string): Draft {
  return { ...draft, documents: draft.documents.filter((d) => d.id !== id) };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The situation for `evaluate`, or null while a fact the rules need is missing. */
export function toSituation(draft: Draft, today: string, facility: FacilityProfile): Situation | null {
  const p = draft.patient;
  if (!ISO.test(p.birthDate) || p.birthDate > today || !p.insurerType) return null;
  const documents = draft.documents.flatMap((d) => {
    if (d.card) return d.card.view.document ? [d.card.view.document] : [];
    return [toPresentedDocument(d.kind, d.values)];
  });
  // The 保険者番号 on a paper document selects the clinic's local practice for that insurer.
  const insurerNumber = draft.documents.map((d) => d.values.insurerNumber?.replace(/[\s-]/g, '')).find((n) => n && /^(\d{6}|\d{8})$/.test(n));
  return {
    date: today,
    facility,
    patient: {
      birthDate: p.birthDate,
      insurerType: p.insurerType,
      ...(insurerNumber ? { insurerNumber } : {}),
      ...(p.dvSupport ? { dvSupport: true } : {}),
      ...(ISO.test(p.residenceExpiry) ? { residenceExpiry: p.residenceExpiry } : {}),
      ...(p.publicSubsidy ? { publicSubsidy: true } : {}),
      ...(p.specificDisease ? { specificDisease: true } : {}),
      ...(p.medicalAssistance ? { medicalAssistance: true } : {}),
      ...(p.highCostLimit ? { highCostLimit: true } : {}),
    },
    documents,
  };
}

/** What the log keeps of each document: kind, source and the fields used. */
export function toLoggedDocuments(draft: Draft): CheckDocument[] {
  return draft.documents.flatMap((d) => {
    if (!d.card) return [toCheckDocument(d.kind, d.source, d.values)];
    const doc = d.card.view.document;
    if (!doc) return [];
    const fields: Record<string, string | number | boolean> = { token: d.card.view.kind };
    if (d.card.view.certificateExpiry) fields.certificateExpiry = d.card.view.certificateExpiry;
    if (d.card.view.certificateStatus) fields.certificateStatus = d.card.view.certificateStatus;
    if (d.card.view.genuine !== undefined) fields.genuine = d.card.view.genuine;
    return [{ kind: doc.kind, source: 'card' as const, fields }];
  });
}
