/**
 * One patient's check: the documents shown (card, paper read or typed) and what staff typed. The
 * patient's facts are derived from these each time, so removing a document removes what only it
 * contributed; what staff typed wins over any document.
 */
import { findContradictions, type Contradiction } from '../../../shared/documents/contradictions.ts';
import {
  insurerTypeOf,
  toCheckDocument,
  toPresentedDocument,
  type FieldValues,
} from '../../../shared/documents/document-fields.ts';
import type { CardView } from '../../../shared/ipc/views.ts';
import type { DraftSituation } from '../../../shared/rules/draft-situation.ts';
import type { DocumentKind, InsurerType } from '../../../shared/rules/vocabulary.ts';
import type { CheckDocument, FacilityProfile } from '../../../shared/store/records.ts';

export interface CheckDoc {
  id: string;
  kind: DocumentKind;
  source: CheckDocument['source'];
  values: FieldValues;
  /** For a card: what the chip said (and which placement it came from). */
  card?: { view: CardView; placement: number };
  /** For a scan: the id main keeps its redacted image under. */
  scanId?: string;
}

export interface PatientFacts {
  name: string;
  birthDate: string;
  insurerType: InsurerType | '';
  publicSubsidy: boolean;
  specificDisease: boolean;
  medicalAssistance: boolean;
  highCostLimit: boolean;
  dvSupport: boolean;
  residenceExpiry: string;
}
export type FactKey = keyof PatientFacts;

export interface Check {
  id: string;
  documents: CheckDoc[];
  /** What staff typed or ticked; a key present here overrides the documents (even when emptied). */
  typed: Partial<PatientFacts>;
  /** Staff confirmed they checked the documents that disagree. */
  contradictionsChecked: boolean;
}

const NO_FACTS: PatientFacts = {
  name: '',
  birthDate: '',
  insurerType: '',
  publicSubsidy: false,
  specificDisease: false,
  medicalAssistance: false,
  highCostLimit: false,
  dvSupport: false,
  residenceExpiry: '',
};

let counter = 0;
export const newId = (prefix: string): string => `${prefix}${++counter}`;

export const newCheck = (): Check => ({ id: newId('c'), documents: [], typed: {}, contradictionsChecked: false });

/** What each document says about the patient: identity from its face or chip, flags from its kind. */
export function factsOf(doc: CheckDoc): Partial<PatientFacts> {
  const holder = doc.card?.view.holder;
  const name = doc.values.name?.trim() || holder?.name;
  const birthDate = doc.values.birthDate || holder?.birthDate;
  const insurerType = insurerTypeOf(doc.values.insurerNumber);
  return {
    ...(name ? { name } : {}),
    ...(birthDate ? { birthDate } : {}),
    ...(insurerType ? { insurerType } : {}),
    // A certificate shown is the fact it certifies.
    ...(doc.kind === 'public_subsidy_certificate' ? { publicSubsidy: true } : {}),
    ...(doc.kind === 'specific_disease_certificate' ? { specificDisease: true } : {}),
    ...(doc.kind === 'limit_certificate' ? { highCostLimit: true } : {}),
  };
}

/** Which document (by id) or 'typed' each fact comes from: the first document that carries it. */
export function factOrigins(check: Check): Partial<Record<FactKey, string>> {
  const origins: Partial<Record<FactKey, string>> = {};
  for (const doc of check.documents) for (const key of Object.keys(factsOf(doc)) as FactKey[]) origins[key] ??= doc.id;
  for (const key of Object.keys(check.typed) as FactKey[]) origins[key] = 'typed';
  return origins;
}

/** The patient's facts: the first document carrying each, then what staff typed over them. */
export function patientFacts(check: Check | null): PatientFacts {
  if (!check) return NO_FACTS;
  const fromDocs: Partial<PatientFacts> = {};
  for (const doc of check.documents)
    for (const [k, v] of Object.entries(factsOf(doc))) (fromDocs as Record<string, unknown>)[k] ??= v;
  return { ...NO_FACTS, ...fromDocs, ...check.typed };
}

/** Adds a document; a card replaces the card read before (a card is one document however often it is placed). */
export function withDocument(check: Check, doc: Omit<CheckDoc, 'id'>): Check {
  const documents = doc.card ? check.documents.filter((d) => !d.card) : check.documents;
  return { ...check, documents: [...documents, { ...doc, id: newId('d') }], contradictionsChecked: false };
}

export function withoutDocument(check: Check, id: string): Check {
  return { ...check, documents: check.documents.filter((d) => d.id !== id), contradictionsChecked: false };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Documents as `evaluate` reads them. */
export function presentedDocuments(check: Check) {
  return check.documents.flatMap((d) => {
    if (d.card) return d.card.view.document ? [d.card.view.document] : [];
    return [toPresentedDocument(d.kind, d.values)];
  });
}

/** The check for `rules:evaluateDraft`: every fact known so far (a birth date only when it is a real date). */
export function toDraftSituation(check: Check, today: string, facility: FacilityProfile): DraftSituation | null {
  if (check.documents.length === 0) return null;
  const p = patientFacts(check);
  const insurerNumber = check.documents
    .map((d) => d.values.insurerNumber?.replace(/[\s-]/g, ''))
    .find((n) => n && /^(\d{6}|\d{8})$/.test(n));
  return {
    date: today,
    facility,
    patient: {
      ...(ISO.test(p.birthDate) && p.birthDate <= today ? { birthDate: p.birthDate } : {}),
      ...(p.insurerType ? { insurerType: p.insurerType } : {}),
      ...(insurerNumber ? { insurerNumber } : {}),
      ...(p.dvSupport ? { dvSupport: true } : {}),
      ...(ISO.test(p.residenceExpiry) ? { residenceExpiry: p.residenceExpiry } : {}),
      ...(p.publicSubsidy ? { publicSubsidy: true } : {}),
      ...(p.specificDisease ? { specificDisease: true } : {}),
      ...(p.medicalAssistance ? { medicalAssistance: true } : {}),
      ...(p.highCostLimit ? { highCostLimit: true } : {}),
    },
    documents: presentedDocuments(check),
  };
}

/** What the log keeps of each document: kind, source and the fields used. */
export function toLoggedDocuments(check: Check): CheckDocument[] {
  return check.documents.flatMap((d) => {
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

/** The scans whose images this check would keep. */
export const imageIdsOf = (check: Check | null): string[] =>
  check?.documents.flatMap((d) => (d.scanId ? [d.scanId] : [])) ?? [];

/** Where the check's documents (and the card's 基本4情報, once read with the PIN) disagree. */
export function contradictionsOf(check: Check, today: string): Contradiction[] {
  const papers = check.documents.filter((d) => !d.card).map((d) => ({ id: d.id, kind: d.kind, values: d.values }));
  const holder = check.documents.find((d) => d.card?.view.holder)?.card?.view.holder;
  return findContradictions(papers, holder ? { name: holder.name, birthDate: holder.birthDate } : undefined, today);
}
