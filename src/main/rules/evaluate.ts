/**
 * evaluate(situation) → verdict: are the documents presented enough for insured care today, at
 * this facility, and if not, what is missing and what is the fallback.
 *
 * Pure and deterministic: no I/O, no clock (the date is part of the situation). The order of the
 * checks follows the desk decision order of the domain reference (§6); every date, scope and
 * wording comes from the rulebook, looked up by effect, so a notice that moves a date is a data
 * change.
 */
import { ageMilestones, ageOn, bandOn, type AgeBand } from '../../shared/domain/age.ts';
import { addDays, addYears, endOfMonthAfter, minIso, type IsoDate } from '../../shared/domain/dates.ts';
import type { EffectMessageKey, EffectName } from '../../shared/rules/effects.ts';
import type { DocumentOf, PresentedDocument, Reason, Situation, Verdict } from '../../shared/rules/situation.ts';
import type { Decision, DocumentKind, Fallback } from '../../shared/rules/vocabulary.ts';
import { activeRule, activeRules, anyRule, endedRule, type CompiledRulebook, type Scope, type TypedRule } from './compile.ts';
import { PHRASES, type Phrase } from './phrases.ts';
import { renderMessage, type MessageVars } from './render.ts';

type Kind = DocumentKind;

/** Collects reasons and steps while the decision is made. */
class Notes {
  readonly primary: Reason[] = [];
  readonly findings: Reason[] = [];
  readonly hints: Reason[] = [];
  readonly steps: { ja: string; en: string }[] = [];
  readonly collect = new Set<Kind>();

  reason<E extends EffectName>(
    to: 'primary' | 'findings' | 'hints',
    rule: TypedRule<E>,
    key: EffectMessageKey<E>,
    vars?: MessageVars,
  ): void {
    const text = rule.messages[key]!;
    const list = this[to];
    const message = renderMessage(text.ja, vars, 'ja');
    // The same message twice (two documents hitting one bound) says nothing new.
    if (list.some((r) => r.ruleId === rule.id && r.message === message)) return;
    list.push({ ruleId: rule.id, message, messageEn: renderMessage(text.en, vars, 'en'), source: rule.sources[0]!.url });
  }

  step<E extends EffectName>(rule: TypedRule<E>, key: EffectMessageKey<E>, vars?: MessageVars): void {
    const text = rule.messages[key]!;
    this.steps.push({ ja: renderMessage(text.ja, vars, 'ja'), en: renderMessage(text.en, vars, 'en') });
  }

  phrase(p: Phrase): void {
    this.steps.push(p);
  }
}

interface Assessment<K extends Kind> {
  doc: DocumentOf<K>;
  valid: boolean;
  /** The effective expiry (printed, or derived from the patient's dates), when one is known. */
  expiry?: IsoDate;
  /** Findings about this document, replayed only for the document chosen for its kind. */
  notes: ((n: Notes) => void)[];
}

interface Ctx {
  situation: Situation;
  book: CompiledRulebook;
  scope: Scope;
  band: AgeBand;
  /** First day of the 70–74 period and of 後期, computed once per evaluation. */
  elderlyFrom: IsoDate;
  lateElderlyFrom: IsoDate;
}

function rule<E extends EffectName>(ctx: Ctx, effect: E): TypedRule<E> | undefined {
  return activeRule(ctx.book, effect, ctx.scope);
}

/**
 * The rule to speak with even when none is in force: the one in force, else the patient's most
 * recently ended one (an old 後期 保険証 is judged by the 後期 dates), else any of the effect.
 */
function ruleOrAny<E extends EffectName>(ctx: Ctx, effect: E): TypedRule<E> {
  const r = activeRule(ctx.book, effect, ctx.scope) ?? endedRule(ctx.book, effect, ctx.scope) ?? anyRule(ctx.book, effect);
  if (!r) throw new Error(`rulebook has no rule for effect ${effect}`);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Expiry of documents

type Bound = { date: IsoDate; apply: (n: Notes, expired: boolean) => void };

/** A derived bound is worth saying only once it is near; a notice valid until 2050 is just normal. */
const BOUND_NOTICE_DAYS = 92;
const boundIsNear = (ctx: Ctx, bound: IsoDate) => bound <= addDays(ctx.situation.date, BOUND_NOTICE_DAYS);

/** Day before the 75th birthday, for the documents of insurers other than 後期. */
function bound75(ctx: Ctx, kind: Kind): Bound | undefined {
  const r = rule(ctx, 'expiry_bound_turning75');
  if (!r || !r.params.documents.includes(kind)) return undefined;
  const date = addDays(ctx.lateElderlyFrom, -1);
  return { date, apply: (n, expired) => { if (expired || boundIsNear(ctx, date)) n.reason('findings', r, expired ? 'expired' : 'bound', { bound: { date }, kind: { kind } }); } };
}

/**
 * Bounds that stand in for an expiry that was not printed (or not entered): turning 70, the
 * period of stay, and the 5-year maximum of a 資格確認書.
 */
function derivedBounds(ctx: Ctx, kind: Kind, issueDate: IsoDate | undefined, notes: Assessment<Kind>['notes']): Bound[] {
  const bounds: Bound[] = [];
  const { patient, date } = ctx.situation;
  const r70 = rule(ctx, 'expiry_bound_turning70');
  if (r70 && r70.params.documents.includes(kind)) {
    const start = ctx.elderlyFrom;
    const b = addDays(start, -1);
    if (issueDate !== undefined ? issueDate < start : date < start) {
      bounds.push({ date: b, apply: (n, expired) => { if (expired || boundIsNear(ctx, b)) n.reason('findings', r70, expired ? 'expired' : 'bound', { bound: { date: b }, kind: { kind } }); } });
    } else if (issueDate === undefined && date < ctx.lateElderlyFrom) {
      // Turned 70 already and the issue date is unknown: it may be a pre-70 document. Ask, don't guess.
      notes.push((n) => n.reason('findings', r70, 'issueUnknown', { bound: { date: b }, kind: { kind } }));
    }
  }
  const rRes = rule(ctx, 'expiry_bound_residence');
  if (rRes && patient.residenceExpiry && rRes.params.documents.includes(kind)) {
    const b = addDays(patient.residenceExpiry, rRes.params.daysAfter);
    bounds.push({ date: b, apply: (n, expired) => { if (expired || boundIsNear(ctx, b)) n.reason('findings', rRes, expired ? 'expired' : 'bound', { bound: { date: b }, kind: { kind } }); } });
  }
  const rQc = rule(ctx, 'qualification_certificate');
  if (kind === 'qualification_certificate' && rQc && issueDate) {
    const b = addDays(addYears(issueDate, rQc.params.maxValidityYears), -1);
    bounds.push({ date: b, apply: (n, expired) => { if (expired) n.reason('findings', rQc, 'expired', { expiry: { date: b } }); } });
  }
  return bounds;
}

function earliest(bounds: (Bound | undefined)[]): Bound | undefined {
  let best: Bound | undefined;
  for (const b of bounds) if (b && (!best || b.date < best.date)) best = b;
  return best;
}

/** 資格確認書 and お知らせ share the expiry logic; what differs is the message for a printed date. */
function assessExpiring(
  ctx: Ctx,
  doc: DocumentOf<'qualification_certificate'> | DocumentOf<'qualification_notice'>,
  onExpired: (n: Notes, expiry: IsoDate) => void,
  onUnknown?: (n: Notes) => void,
): Omit<Assessment<Kind>, 'doc'> {
  const { date } = ctx.situation;
  const notes: Assessment<Kind>['notes'] = [];
  const b75 = bound75(ctx, doc.kind);
  if (doc.expiry) {
    const printed = doc.expiry;
    const byAge = b75 && b75.date < printed ? b75 : undefined;
    const expiry = byAge ? byAge.date : printed;
    const valid = date <= expiry;
    if (!valid) notes.push(byAge ? (n) => byAge.apply(n, true) : (n) => onExpired(n, printed));
    return { valid, expiry, notes };
  }
  const bound = earliest([b75, ...derivedBounds(ctx, doc.kind, doc.issueDate, notes)]);
  if (!bound) {
    if (onUnknown) notes.push(onUnknown);
    return { valid: true, notes };
  }
  const valid = date <= bound.date;
  notes.push((n) => bound.apply(n, !valid));
  return { valid, expiry: bound.date, notes };
}

function assessCertificate(ctx: Ctx, doc: DocumentOf<'qualification_certificate'>): Assessment<'qualification_certificate'> {
  const r = ruleOrAny(ctx, 'qualification_certificate');
  const expired = (n: Notes, expiry: IsoDate) => n.reason('findings', r, 'expired', { expiry: { date: expiry } });
  return { doc, ...assessExpiring(ctx, doc, expired, (n) => n.reason('findings', r, 'expiryUnknown')) };
}

function assessNotice(ctx: Ctx, doc: DocumentOf<'qualification_notice'>): Assessment<'qualification_notice'> {
  const r = ruleOrAny(ctx, 'notice_expiry');
  return { doc, ...assessExpiring(ctx, doc, (n, expiry) => n.reason('findings', r, 'expired', { expiry: { date: expiry } })) };
}

function assessLegacy(ctx: Ctx, doc: DocumentOf<'legacy_insurance_card'>): Assessment<'legacy_insurance_card'> {
  const r = ruleOrAny(ctx, 'legacy_card');
  const latest = r.params.latestExpiry;
  const printedOrLatest = doc.expiry ? minIso(doc.expiry, latest) : latest;
  const b75 = bound75(ctx, doc.kind);
  const byAge = b75 && b75.date < printedOrLatest ? b75 : undefined;
  const expiry = byAge ? byAge.date : printedOrLatest;
  if (doc.detailsChanged) return { doc, valid: false, expiry, notes: [(n) => n.reason('findings', r, 'detailsChanged')] };
  const valid = ctx.situation.date <= expiry;
  const note = byAge && !valid
    ? (n: Notes) => byAge.apply(n, true)
    : (n: Notes) => { if (!valid) n.reason('findings', r, 'expired', { expiry: { date: expiry } }); };
  return { doc, valid, expiry, notes: [note] };
}

function assessElderly(ctx: Ctx, doc: DocumentOf<'elderly_recipient_certificate'>): Assessment<'elderly_recipient_certificate'> {
  const r = ruleOrAny(ctx, 'elderly_burden_ratio');
  const b75 = bound75(ctx, doc.kind);
  const expiry = doc.expiry && b75 ? minIso(doc.expiry, b75.date) : (doc.expiry ?? b75?.date);
  const valid = ctx.band === 'elderly' && (expiry === undefined || ctx.situation.date <= expiry);
  const notes: Assessment<Kind>['notes'] = [];
  if (!valid && expiry !== undefined && ctx.situation.date > expiry) {
    notes.push((n) => n.reason('findings', r, 'certificateExpired', { expiry: { date: expiry } }));
  }
  return { doc, valid, notes, ...(expiry ? { expiry } : {}) };
}

function assessPlain<K extends 'limit_certificate' | 'specific_disease_certificate' | 'public_subsidy_certificate'>(
  ctx: Ctx,
  doc: DocumentOf<K>,
): Assessment<K> {
  const expiry = 'expiry' in doc ? doc.expiry : undefined;
  return { doc, valid: expiry === undefined || ctx.situation.date <= expiry, notes: [], ...(expiry ? { expiry } : {}) };
}

/** Several documents of one kind: the first valid one counts, else the first one. */
function best<K extends Kind>(docs: PresentedDocument[], kind: K, assess: (d: DocumentOf<K>) => Assessment<K>): Assessment<K> | undefined {
  let first: Assessment<K> | undefined;
  for (const d of docs) {
    if (d.kind !== kind) continue;
    const a = assess(d as DocumentOf<K>);
    if (a.valid) return a;
    first ??= a;
  }
  return first;
}

// ---------------------------------------------------------------------------------------------
// The My Number Card and the smartphone

type CardState = 'valid' | 'grace' | 'lapsed' | 'unknown';

interface CardAssessment {
  present: boolean;
  /** A マイナ保険証 at all: registered for insurance and not under DV support. */
  insuranceCard: boolean;
  /** Usable as マイナ保険証 today (valid, in grace, or expiry unknown). */
  usable: boolean;
  state?: CardState;
  notes: ((n: Notes) => void)[];
}

function assessCard(ctx: Ctx, doc: DocumentOf<'mynumber_card'> | undefined): CardAssessment {
  if (!doc) return { present: false, insuranceCard: false, usable: false, notes: [] };
  const notes: CardAssessment['notes'] = [];
  if (ctx.situation.patient.dvSupport) {
    const r = ruleOrAny(ctx, 'dv_support');
    return { present: true, insuranceCard: false, usable: false, notes: [(n) => n.reason('findings', r, 'noCard')] };
  }
  if (doc.insuranceRegistered === false) {
    const r = ruleOrAny(ctx, 'card_online_check');
    return { present: true, insuranceCard: false, usable: false, notes: [(n) => n.reason('findings', r, 'notRegistered')] };
  }
  const grace = ruleOrAny(ctx, 'certificate_grace');
  // An expired card takes its certificate with it: the earlier of the two dates counts.
  const expiry = doc.certificateExpiry && doc.cardExpiry ? minIso(doc.certificateExpiry, doc.cardExpiry) : (doc.certificateExpiry ?? doc.cardExpiry);
  if (!expiry) {
    notes.push((n) => n.reason('findings', grace, 'unknown'));
    return { present: true, insuranceCard: true, usable: true, state: 'unknown', notes };
  }
  const date = ctx.situation.date;
  if (date <= expiry) return { present: true, insuranceCard: true, usable: true, state: 'valid', notes };
  const graceUntil = endOfMonthAfter(expiry, grace.params.graceMonths);
  const vars = { expiry: { date: expiry }, graceUntil: { date: graceUntil } };
  if (date <= graceUntil) {
    notes.push((n) => n.reason('findings', grace, 'grace', vars));
    return { present: true, insuranceCard: true, usable: true, state: 'grace', notes };
  }
  const lapsed = ruleOrAny(ctx, 'certificate_lapsed');
  notes.push((n) => n.reason('findings', lapsed, 'lapsed', vars));
  return { present: true, insuranceCard: true, usable: false, state: 'lapsed', notes };
}

/** Several cards (rare): the first usable one counts, else the first. */
function bestCard(ctx: Ctx, docs: PresentedDocument[]): CardAssessment {
  let first: CardAssessment | undefined;
  for (const d of docs) {
    if (d.kind !== 'mynumber_card') continue;
    const a = assessCard(ctx, d);
    if (a.usable) return a;
    first ??= a;
  }
  return first ?? assessCard(ctx, undefined);
}

function assessSmartphone(ctx: Ctx, present: boolean, card: CardAssessment): { present: boolean; usable: boolean; notes: CardAssessment['notes'] } {
  if (!present) return { present, usable: false, notes: [] };
  const r = ruleOrAny(ctx, 'smartphone_online_check');
  if (ctx.situation.date < r.effective.from) {
    return { present, usable: false, notes: [(n) => n.reason('findings', r, 'notYet', { from: { date: r.effective.from } })] };
  }
  if (ctx.situation.patient.dvSupport) {
    const dv = ruleOrAny(ctx, 'dv_support');
    return { present, usable: false, notes: [(n) => n.reason('findings', dv, 'noCard')] };
  }
  // The smartphone shares the card's 利用登録: an unregistered card means no smartphone マイナ保険証.
  if (card.present && !card.insuranceCard) return { present, usable: false, notes: [] };
  // No grace for the smartphone: an expired card or certificate ends it.
  const grace = ruleOrAny(ctx, 'certificate_grace');
  if (!grace.params.smartphone && (card.state === 'grace' || card.state === 'lapsed')) return { present, usable: false, notes: [] };
  return { present, usable: true, notes: [] };
}

// ---------------------------------------------------------------------------------------------
// 負担割合 and what else to collect (R-12 ratio, R-17, R-18, R-19, R-22)

function burdenRatio(
  ctx: Ctx,
  n: Notes,
  decision: Decision,
  printed: number | undefined,
  elderly: Assessment<'elderly_recipient_certificate'> | undefined,
): number | undefined {
  const r = rule(ctx, 'elderly_burden_ratio');
  if (r) {
    if (elderly?.valid && elderly.doc.burdenRatio !== undefined) {
      n.reason('findings', r, 'fromCertificate', { ratio: { ratio: elderly.doc.burdenRatio } });
      return elderly.doc.burdenRatio;
    }
    if (printed !== undefined) return printed;
    // The online check returns the share itself; at the desk without it, ask for the certificate.
    if (decision === 'accept') {
      n.reason('findings', r, 'askCertificate');
      n.collect.add('elderly_recipient_certificate');
    }
    return undefined;
  }
  if (printed !== undefined) return printed;
  const statutory = rule(ctx, 'statutory_burden_ratio');
  if (!statutory || decision === 'need_more') return undefined;
  const ratio = ctx.band === 'preschool' ? statutory.params.preschool : ctx.band === 'general' ? statutory.params.general : undefined;
  if (ratio !== undefined) n.reason('findings', statutory, 'ratio', { ratio: { ratio } });
  return ratio;
}

function supplementary(ctx: Ctx, n: Notes, docs: PresentedDocument[], qc: Assessment<'qualification_certificate'> | undefined): void {
  const { patient } = ctx.situation;
  const subsidy = best(docs, 'public_subsidy_certificate', (d) => assessPlain(ctx, d));
  const rSub = ruleOrAny(ctx, 'public_subsidy');
  if (subsidy) {
    n.reason('findings', rSub, subsidy.valid ? 'valid' : 'expired', subsidy.expiry ? { expiry: { date: subsidy.expiry } } : undefined);
    if (subsidy.valid) n.step(rSub, 'valid');
    else n.collect.add('public_subsidy_certificate');
  } else if (patient.publicSubsidy) {
    n.reason('findings', rSub, 'collect');
    n.collect.add('public_subsidy_certificate');
  }

  const disease = best(docs, 'specific_disease_certificate', (d) => assessPlain(ctx, d));
  const rDis = ruleOrAny(ctx, 'specific_disease_certificate');
  if (disease) {
    n.reason('findings', rDis, disease.valid ? 'valid' : 'expired', disease.expiry ? { expiry: { date: disease.expiry } } : undefined);
    if (disease.valid) n.step(rDis, 'valid');
    else n.collect.add('specific_disease_certificate');
  } else if (patient.specificDisease && !(qc?.valid && qc.doc.specificDiseaseNoted)) {
    n.reason('findings', rDis, 'collect');
    n.collect.add('specific_disease_certificate');
  }

  const limit = best(docs, 'limit_certificate', (d) => assessPlain(ctx, d));
  if (limit) {
    const rLim = ruleOrAny(ctx, 'limit_certificate');
    if (!rLim.params.accepted) n.reason('findings', rLim, 'invalid');
    else if (!limit.valid) n.reason('findings', rLim, 'expired', { expiry: { date: limit.expiry! } });
    else {
      n.reason('findings', rLim, 'valid');
      n.step(rLim, 'valid');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// What would complete the set (need_more)

interface Present {
  kinds: Set<Kind>;
  /** Presented but not usable today: an alternative built on it cannot be completed at the desk. */
  unusable: Set<Kind>;
}

function missingAlternatives(ctx: Ctx, present: Present): Kind[][] {
  const { facility, date } = ctx.situation;
  const sets: Kind[][] = [];
  const dv = ctx.situation.patient.dvSupport === true;
  if (rule(ctx, 'qualification_certificate')) sets.push(['qualification_certificate']);
  if (!dv) {
    const online = rule(ctx, 'card_online_check');
    if (online?.params.facilityModes.includes(facility.onlineCheck)) sets.push(['mynumber_card']);
    if (rule(ctx, 'card_with_companion')) sets.push(['mynumber_card', 'qualification_notice'], ['mynumber_card', 'portal_screen']);
    const phone = rule(ctx, 'smartphone_online_check');
    if (phone && facility.smartphoneReader && phone.params.facilityModes.includes(facility.onlineCheck)) sets.push(['smartphone_mynumber']);
    if (rule(ctx, 'smartphone_portal')) sets.push(['smartphone_mynumber', 'portal_screen']);
  }
  const legacy = rule(ctx, 'legacy_card');
  if (legacy && date <= legacy.params.latestExpiry) sets.push(['legacy_insurance_card']);

  const out: Kind[][] = [];
  const seen = new Set<string>();
  for (const set of sets) {
    if (set.some((k) => present.unusable.has(k))) continue;
    const toAdd = set.filter((k) => !present.kinds.has(k));
    const key = toAdd.join('+');
    if (toAdd.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(toAdd);
  }
  // Drop an alternative that contains another (card + portal when the card alone will do).
  const minimal = out.filter((s) => !out.some((o) => o !== s && o.length < s.length && o.every((k) => s.includes(k))));
  // Fewest extra documents first; ties keep the rulebook's order (資格確認書 first).
  return minimal.map((s, i) => ({ s, i })).sort((a, b) => a.s.length - b.s.length || a.i - b.i).map(({ s }) => s);
}

// ---------------------------------------------------------------------------------------------

export function evaluate(situation: Situation, book: CompiledRulebook): Verdict {
  const { date, facility, patient, documents: docs } = situation;
  const milestones = ageMilestones(patient.birthDate);
  const band = bandOn(milestones, date);
  const ctx: Ctx = {
    situation,
    book,
    band,
    scope: { date, insurerType: patient.insurerType, band },
    elderlyFrom: milestones.elderlyFrom,
    lateElderlyFrom: milestones.lateElderlyFrom,
  };
  const n = new Notes();

  const qc = best(docs, 'qualification_certificate', (d) => assessCertificate(ctx, d));
  const notice = best(docs, 'qualification_notice', (d) => assessNotice(ctx, d));
  const legacy = best(docs, 'legacy_insurance_card', (d) => assessLegacy(ctx, d));
  const elderly = best(docs, 'elderly_recipient_certificate', (d) => assessElderly(ctx, d));
  const portals = docs.filter((d): d is DocumentOf<'portal_screen'> => d.kind === 'portal_screen');
  const card = bestCard(ctx, docs);
  const phone = assessSmartphone(ctx, docs.some((d) => d.kind === 'smartphone_mynumber'), card);

  let decision: Decision | undefined;
  let printedRatio: number | undefined;
  let fallback: Fallback | undefined;

  const replay = (a: { notes: ((n: Notes) => void)[] } | undefined) => a?.notes.forEach((f) => f(n));
  [qc, notice, legacy, elderly, card, phone].forEach(replay);

  // 1. A valid 資格確認書, unless it carries the 特別療養費 mark.
  if (qc?.valid) {
    if (qc.doc.specialMedicalExpense) {
      const r = ruleOrAny(ctx, 'special_medical_expense');
      n.reason('primary', r, 'selfPay');
      n.step(r, 'step');
      decision = 'self_pay';
    } else {
      const r = ruleOrAny(ctx, 'qualification_certificate');
      if (qc.expiry) n.reason('primary', r, 'valid', { expiry: { date: qc.expiry } });
      else n.reason('primary', r, 'validUndated');
      n.step(r, 'step');
      decision = 'accept';
      printedRatio = qc.doc.burdenRatio;
    }
  }

  // 2. An old 保険証 still within its validity (R-05; only until 2025-12-01).
  if (!decision && legacy?.valid) {
    n.reason('primary', ruleOrAny(ctx, 'legacy_card'), 'valid', { expiry: { date: legacy.expiry! } });
    decision = 'accept';
  }

  // 3. The card or the smartphone where the online check works.
  const online = rule(ctx, 'card_online_check');
  const onlineWorks = online?.params.facilityModes.includes(facility.onlineCheck) ?? false;
  const phoneRule = rule(ctx, 'smartphone_online_check');
  const phoneReadable = !!phoneRule && facility.smartphoneReader && phoneRule.params.facilityModes.includes(facility.onlineCheck);
  if (!decision && card.usable && online && onlineWorks) {
    n.reason('primary', online, 'decide');
    n.step(online, 'step');
    n.step(online, 'stepIfFails');
    decision = 'check_online';
  }
  if (!decision && phone.usable && phoneRule && phoneReadable) {
    n.reason('primary', phoneRule, 'decide');
    n.step(phoneRule, 'step');
    decision = 'check_online';
  }

  // 4. Card + お知らせ, or card + マイナポータル.
  const companion = rule(ctx, 'card_with_companion');
  /** The first マイナポータル document in an accepted format (a saved PDF must not hide a live screen). */
  const portalIn = (formats: readonly string[]) => portals.find((p) => formats.includes(p.format));
  if (!decision && card.usable && companion) {
    const shown = portalIn(companion.params.portalFormats);
    if (notice?.valid) {
      n.reason('primary', companion, 'accepted', { companion: { kind: 'qualification_notice' } });
      printedRatio = notice.doc.burdenRatio;
    } else if (shown) {
      n.reason('primary', companion, 'accepted', { companion: { kind: 'portal_screen' } });
      printedRatio = shown.burdenRatio;
    }
    if (notice?.valid || shown) {
      n.step(companion, 'step');
      decision = 'accept';
    }
    const refused = portals.find((p) => !companion.params.portalFormats.includes(p.format));
    if (!shown && refused) {
      n.reason('findings', companion, 'portalFormatRefused', { format: { text: { ja: refused.format === 'pdf' ? 'PDF' : '画面', en: refused.format } } });
    }
  }

  // 5. Smartphone only, where it cannot be read: the patient's own マイナポータル on the spot.
  // The live screen is the evidence here, so an expired card shown alongside does not end this route.
  const phonePortal = rule(ctx, 'smartphone_portal');
  if (!decision && phone.present && !patient.dvSupport && phonePortal && !(phone.usable && phoneReadable)) {
    const shown = portalIn(phonePortal.params.portalFormats);
    if (shown) {
      n.reason('primary', phonePortal, 'accepted');
      n.step(phonePortal, 'step');
      printedRatio = shown.burdenRatio;
      decision = 'accept';
    } else {
      n.reason('findings', phonePortal, 'need');
      if (phoneRule && !facility.smartphoneReader) n.reason('findings', phoneRule, 'noReader');
    }
  }

  // 6. 暫定的な取扱い: an expired 保険証 or the お知らせ alone, looked up online.
  const noticeAlone = !!notice && !card.usable;
  const lapsedLegacy = !!legacy && !legacy.valid;
  if (!decision && (noticeAlone || lapsedLegacy)) {
    const t = rule(ctx, 'transitional_lookup');
    const kinds: Kind[] = [...(lapsedLegacy ? ['legacy_insurance_card' as const] : []), ...(noticeAlone ? ['qualification_notice' as const] : [])];
    if (t && kinds.some((k) => t.params.documents.includes(k))) {
      if (t.params.facilityModes.includes(facility.onlineCheck)) {
        n.reason('primary', t, 'lookup', { until: { date: t.effective.until ?? date } });
        n.step(t, 'step');
        decision = 'check_online';
      } else {
        n.reason('findings', t, 'needsOnline');
      }
    } else {
      const ended = endedRule(ctx.book, 'transitional_lookup', ctx.scope);
      if (ended && kinds.some((k) => ended.params.documents.includes(k))) n.reason('findings', ended, 'ended', { until: { date: ended.effective.until! } });
    }
  }
  if (noticeAlone && decision !== 'accept') n.reason('findings', ruleOrAny(ctx, 'notice_not_alone'), 'refused');
  if (!decision && card.usable && companion && !onlineWorks) n.reason('findings', companion, 'needCompanion');

  // 7. Nothing sufficient: what would complete the set, and what to do if it cannot be shown.
  let missing: Kind[][] = [];
  if (!decision) {
    decision = 'need_more';
    const present: Present = { kinds: new Set(docs.map((d) => d.kind)), unusable: new Set() };
    if (card.present && !card.usable) present.unusable.add('mynumber_card');
    if (phone.present && !phone.usable) present.unusable.add('smartphone_mynumber');
    // The smartphone certificate goes with the card's: no grace for it.
    if ((card.state === 'grace' || card.state === 'lapsed') && !ruleOrAny(ctx, 'certificate_grace').params.smartphone) present.unusable.add('smartphone_mynumber');
    // An expired お知らせ is reissued (70–74 every 7/31): ask for the current one.
    if (notice && !notice.valid) present.kinds.delete('qualification_notice');
    // Without 利用登録 on the card there is no smartphone マイナ保険証 either.
    if (card.present && !card.insuranceCard) present.unusable.add('smartphone_mynumber');
    // An unusable document of a kind is no better than none: ask for a valid one of that kind.
    if (qc && !qc.valid) present.kinds.delete('qualification_certificate');
    if (legacy && !legacy.valid) present.kinds.delete('legacy_insurance_card');
    missing = missingAlternatives(ctx, present);

    const decl = rule(ctx, 'declaration_fallback');
    const declarationPossible = card.insuranceCard && !!decl && decl.params.facilityModes.includes(facility.onlineCheck);
    n.phrase(PHRASES.askFor(missing));
    if (declarationPossible) {
      fallback = 'declaration';
      n.reason('primary', decl, 'fallback');
      n.step(decl, 'step');
    } else {
      fallback = 'self_pay';
      const sp = ruleOrAny(ctx, 'self_pay_fallback');
      n.reason('primary', sp, 'fallback', { years: { count: sp.params.claimDeadlineYears } });
      n.step(sp, 'step');
      const emergency = rule(ctx, 'emergency_exception');
      if (emergency) n.reason('hints', emergency, 'hint');
    }
    const app = rule(ctx, 'qualification_app');
    if (app && card.usable && app.params.facilityModes.includes(facility.onlineCheck)) n.reason('hints', app, 'hint');
  }

  // Hints on which document a 後期高齢者 is likely to hold.
  if (decision === 'need_more') {
    for (const r of activeRules(ctx.book, 'kouki_certificate_issuance', ctx.scope)) {
      const min = r.params.minAgeOn;
      if (!min || ageOn(patient.birthDate, min.date) >= min.age) n.reason('hints', r, 'hint');
    }
  }

  const ratio = decision === 'self_pay' ? 1 : decision === 'need_more' ? undefined : burdenRatio(ctx, n, decision, printedRatio, elderly);
  supplementary(ctx, n, docs, qc);

  const reasons = [...n.primary, ...n.findings, ...n.hints];
  if (reasons.length === 0) {
    // Every path above leaves a reason; this guards the contract should a rulebook drop one.
    const r = ruleOrAny(ctx, 'qualification_certificate');
    n.reason('primary', r, 'step');
    reasons.push(...n.primary);
  }
  return {
    decision,
    missing,
    ...(fallback ? { fallback } : {}),
    collect: [...n.collect],
    ...(ratio !== undefined ? { burdenRatio: ratio } : {}),
    reasons,
    nextSteps: n.steps.map((s) => s.ja),
    nextStepsEn: n.steps.map((s) => s.en),
    rulebookVersion: book.version,
  };
}
