/**
 * evaluate(situation) → verdict: are the documents presented enough for insured care today, at
 * this facility, and if not, what is missing and what is the fallback.
 *
 * Pure and deterministic: no I/O, no clock (the date is part of the situation). The order of the
 * checks follows the desk decision order of the domain reference (§6); every date, scope and
 * wording comes from the rulebook, looked up by effect, so a notice that moves a date is a data
 * change.
 */
import { ageMilestones, ageOn, bandOn, nthBirthday, type AgeBand } from '../../shared/domain/age.ts';
import {
  addDays,
  addYears,
  endOfMonthAfter,
  minIso,
  parseIso,
  ymdToIso,
  type IsoDate,
} from '../../shared/domain/dates.ts';
import type { EffectMessageKey, EffectName, PortalFormat } from '../../shared/rules/effects.ts';
import type { DocumentOf, PresentedDocument, Reason, Situation, Verdict } from '../../shared/rules/situation.ts';
import {
  NO_RULE_ID,
  type Decision,
  type DocumentKind,
  type Fallback,
  type StaffCheck,
} from '../../shared/rules/vocabulary.ts';
import {
  activeRule,
  activeRules,
  endedRule,
  isInForce,
  upcomingRule,
  type CompiledRulebook,
  type Scope,
  type TypedRule,
} from './compile.ts';
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
  readonly staffChecks = new Set<StaffCheck>();
  /** Reasons citing a rule not in force on the date (an ended 暫定, a rule from when): never first. */
  readonly notInForce = new Set<Reason>();

  constructor(private readonly scope: Scope) {}

  reason<E extends EffectName>(
    to: 'primary' | 'findings' | 'hints',
    rule: TypedRule<E>,
    key: EffectMessageKey<E>,
    vars?: MessageVars,
    orKey?: EffectMessageKey<E>,
  ): void {
    // A message added in 2026-12 may be missing from an older pack: its older key, or nothing.
    const text = rule.messages[key] ?? (orKey ? rule.messages[orKey] : undefined);
    if (!text) return;
    const list = this[to];
    const message = renderMessage(text.ja, vars, 'ja');
    // The same message twice (two documents hitting one bound) says nothing new.
    if (list.some((r) => r.ruleId === rule.id && r.message === message)) return;
    const sources = rule.sources.map((s) => s.url);
    const reason: Reason = {
      ruleId: rule.id,
      message,
      messageEn: renderMessage(text.en, vars, 'en'),
      source: sources[0]!,
      sources,
    };
    if (!isInForce(rule, this.scope)) this.notInForce.add(reason);
    list.push(reason);
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

/** The 特別療養 rule in force for a kind of document (資格確認書, お知らせ). */
function specialRule(ctx: Ctx, kind: Kind): TypedRule<'special_medical_expense'> | undefined {
  return activeRules(ctx.book, 'special_medical_expense', ctx.scope).find((r) =>
    (r.params.documents ?? ['qualification_certificate']).includes(kind),
  );
}

/** The last day of the first 31 March on or after the day of reaching `age` (〜歳に達する日以後の最初の3月31日). */
function marchAfterReaching(birthDate: IsoDate, age: number): IsoDate {
  const reaches = parseIso(addDays(nthBirthday(birthDate, age), -1))!;
  return ymdToIso(reaches.m <= 3 ? reaches.y : reaches.y + 1, 3, 31);
}

/** A マイナポータル format as the rules read it: `screen` (before 2026-12) is the live screen. */
const asRead = (f: PortalFormat): PortalFormat => (f === 'screen' ? 'live' : f);
const formatAccepted = (formats: readonly PortalFormat[], f: PortalFormat) =>
  formats.some((g) => asRead(g) === asRead(f));
const readFormats = (formats: readonly PortalFormat[]): PortalFormat[] => [...new Set(formats.map(asRead))];

// ---------------------------------------------------------------------------------------------
// Expiry of documents

type Bound = { date: IsoDate; apply: (n: Notes, expired: boolean) => void };

/**
 * A derived bound is worth saying only once it is near (the rule's `noticeDays`); a notice valid
 * until 2050 is just normal. A rule without `noticeDays` speaks only once the bound has passed.
 */
const boundIsNear = (ctx: Ctx, bound: IsoDate, noticeDays: number | undefined) =>
  noticeDays !== undefined && bound <= addDays(ctx.situation.date, noticeDays);

/** Day before the 75th birthday, for the documents of insurers other than 後期. */
function bound75(ctx: Ctx, kind: Kind): Bound | undefined {
  const r = rule(ctx, 'expiry_bound_turning75');
  if (!r || !r.params.documents.includes(kind)) return undefined;
  const date = addDays(ctx.lateElderlyFrom, -1);
  return {
    date,
    apply: (n, expired) => {
      if (expired || boundIsNear(ctx, date, r.params.noticeDays))
        n.reason('findings', r, expired ? 'expired' : 'bound', { bound: { date }, kind: { kind } });
    },
  };
}

/**
 * Bounds that stand in for an expiry that was not printed (or not entered): turning 70, the
 * period of stay, and the 5-year maximum of a 資格確認書.
 */
function derivedBounds(
  ctx: Ctx,
  kind: Kind,
  issueDate: IsoDate | undefined,
  ratio: number | undefined,
  notes: Assessment<Kind>['notes'],
): Bound[] {
  const bounds: Bound[] = [];
  const { patient, date } = ctx.situation;
  const r70 = rule(ctx, 'expiry_bound_turning70');
  // A printed 負担割合 of the 70–74 kind marks the document issued for 70+, whenever it was issued.
  const seventyPlus = ratio !== undefined && (r70?.params.seventyPlusRatios ?? []).includes(ratio);
  if (r70 && r70.params.documents.includes(kind) && !seventyPlus) {
    const start = ctx.elderlyFrom;
    const b = addDays(start, -1);
    if (issueDate !== undefined ? issueDate < start : date < start) {
      bounds.push({
        date: b,
        apply: (n, expired) => {
          if (expired || boundIsNear(ctx, b, r70.params.noticeDays))
            n.reason('findings', r70, expired ? 'expired' : 'bound', { bound: { date: b }, kind: { kind } });
        },
      });
    } else if (issueDate === undefined && date < ctx.lateElderlyFrom) {
      // Turned 70 already and the issue date is unknown: it may be a pre-70 document. Ask, don't guess.
      notes.push((n) => n.reason('findings', r70, 'issueUnknown', { bound: { date: b }, kind: { kind } }));
    }
  }
  const rRes = rule(ctx, 'expiry_bound_residence');
  if (rRes && patient.residenceExpiry && rRes.params.documents.includes(kind)) {
    const b = addDays(patient.residenceExpiry, rRes.params.daysAfter);
    bounds.push({
      date: b,
      apply: (n, expired) => {
        if (expired || boundIsNear(ctx, b, rRes.params.noticeDays))
          n.reason('findings', rRes, expired ? 'expired' : 'bound', { bound: { date: b }, kind: { kind } });
      },
    });
  }
  const rQc = rule(ctx, 'qualification_certificate');
  if (kind === 'qualification_certificate' && rQc && issueDate) {
    const b = addDays(addYears(issueDate, rQc.params.maxValidityYears), -1);
    bounds.push({
      date: b,
      apply: (n, expired) => {
        if (expired) n.reason('findings', rQc, 'expired', { expiry: { date: b } });
      },
    });
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
  const bound = earliest([b75, ...derivedBounds(ctx, doc.kind, doc.issueDate, doc.burdenRatio, notes)]);
  if (!bound) {
    if (onUnknown) notes.push(onUnknown);
    return { valid: true, notes };
  }
  const valid = date <= bound.date;
  notes.push((n) => bound.apply(n, !valid));
  return { valid, expiry: bound.date, notes };
}

function assessCertificate(
  ctx: Ctx,
  doc: DocumentOf<'qualification_certificate'>,
): Assessment<'qualification_certificate'> {
  const r = rule(ctx, 'qualification_certificate');
  // No rule in force makes a 資格確認書 a proof (before 2024-12-02): it proves nothing.
  if (!r) return { doc, valid: false, notes: [] };
  const expired = (n: Notes, expiry: IsoDate) => n.reason('findings', r, 'expired', { expiry: { date: expiry } });
  return { doc, ...assessExpiring(ctx, doc, expired, (n) => n.reason('findings', r, 'expiryUnknown')) };
}

function assessNotice(ctx: Ctx, doc: DocumentOf<'qualification_notice'>): Assessment<'qualification_notice'> {
  const r = rule(ctx, 'notice_expiry');
  return {
    doc,
    ...assessExpiring(ctx, doc, (n, expiry) => {
      if (r) n.reason('findings', r, 'expired', { expiry: { date: expiry } });
    }),
  };
}

function assessLegacy(ctx: Ctx, doc: DocumentOf<'legacy_insurance_card'>): Assessment<'legacy_insurance_card'> {
  // An old 保険証 is judged by the dates of its rule: in force, or ended (then it says when it ended).
  const r = rule(ctx, 'legacy_card') ?? endedRule(ctx.book, 'legacy_card', ctx.scope);
  if (!r) return { doc, valid: false, notes: [] };
  const latest = r.params.latestExpiry;
  const printedOrLatest = doc.expiry ? minIso(doc.expiry, latest) : latest;
  const b75 = bound75(ctx, doc.kind);
  const byAge = b75 && b75.date < printedOrLatest ? b75 : undefined;
  const expiry = byAge ? byAge.date : printedOrLatest;
  if (doc.detailsChanged)
    return { doc, valid: false, expiry, notes: [(n) => n.reason('findings', r, 'detailsChanged')] };
  const valid = ctx.situation.date <= expiry && isInForce(r, ctx.scope);
  const note =
    byAge && !valid
      ? (n: Notes) => byAge.apply(n, true)
      : (n: Notes) => {
          if (!valid) n.reason('findings', r, 'expired', { expiry: { date: expiry } });
        };
  // Once its rule has ended, the rule in force that says why: the legal list no longer has it.
  const listed = rule(ctx, 'card_online_check');
  const notListed = (n: Notes) => {
    if (listed && !isInForce(r, ctx.scope))
      n.reason('findings', listed, 'legacyNotListed', { until: { date: latest } });
  };
  return { doc, valid, expiry, notes: [note, notListed] };
}

function assessElderly(
  ctx: Ctx,
  doc: DocumentOf<'elderly_recipient_certificate'>,
): Assessment<'elderly_recipient_certificate'> {
  const r = rule(ctx, 'elderly_burden_ratio');
  const b75 = bound75(ctx, doc.kind);
  const expiry = doc.expiry && b75 ? minIso(doc.expiry, b75.date) : (doc.expiry ?? b75?.date);
  const valid = ctx.band === 'elderly' && (expiry === undefined || ctx.situation.date <= expiry);
  const notes: Assessment<Kind>['notes'] = [];
  if (r && !valid && expiry !== undefined && ctx.situation.date > expiry) {
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
function best<K extends Kind>(
  docs: PresentedDocument[],
  kind: K,
  assess: (d: DocumentOf<K>) => Assessment<K>,
): Assessment<K> | undefined {
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
  /** Not registered for insurance (and not under DV support): registration on the spot may help. */
  unregistered?: boolean;
  state?: CardState;
  notes: ((n: Notes) => void)[];
}

function assessCard(ctx: Ctx, doc: DocumentOf<'mynumber_card'> | undefined): CardAssessment {
  if (!doc) return { present: false, insuranceCard: false, usable: false, notes: [] };
  const notes: CardAssessment['notes'] = [];
  const dv = rule(ctx, 'dv_support');
  if (ctx.situation.patient.dvSupport && dv) {
    return { present: true, insuranceCard: false, usable: false, notes: [(n) => n.reason('findings', dv, 'noCard')] };
  }
  if (doc.insuranceRegistered === false) {
    const r = rule(ctx, 'card_online_check');
    return {
      present: true,
      insuranceCard: false,
      unregistered: true,
      usable: false,
      notes: r ? [(n) => n.reason('findings', r, 'notRegistered')] : [],
    };
  }
  const grace = rule(ctx, 'certificate_grace');
  // An expired card takes its certificate with it: the earlier of the two dates counts.
  const expiry =
    doc.certificateExpiry && doc.cardExpiry
      ? minIso(doc.certificateExpiry, doc.cardExpiry)
      : (doc.certificateExpiry ?? doc.cardExpiry);
  if (!expiry) {
    if (grace) notes.push((n) => n.reason('findings', grace, 'unknown'));
    return { present: true, insuranceCard: true, usable: true, state: 'unknown', notes };
  }
  const date = ctx.situation.date;
  if (date <= expiry) return { present: true, insuranceCard: true, usable: true, state: 'valid', notes };
  // Without a grace rule in force there is no grace: the card ends with its certificate.
  const graceUntil = grace ? endOfMonthAfter(expiry, grace.params.graceMonths) : expiry;
  const vars = { expiry: { date: expiry }, graceUntil: { date: graceUntil } };
  if (grace && date <= graceUntil) {
    notes.push((n) => n.reason('findings', grace, 'grace', vars));
    return { present: true, insuranceCard: true, usable: true, state: 'grace', notes };
  }
  const lapsed = rule(ctx, 'certificate_lapsed');
  if (lapsed) notes.push((n) => n.reason('findings', lapsed, 'lapsed', vars));
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

/** No grace for the smartphone: an expired card or certificate ends it (R-07; no grace rule: none either). */
function smartphoneEndsWithCard(ctx: Ctx, card: CardAssessment): boolean {
  const grace = rule(ctx, 'certificate_grace');
  return (card.state === 'grace' || card.state === 'lapsed') && !grace?.params.smartphone;
}

function assessSmartphone(
  ctx: Ctx,
  present: boolean,
  card: CardAssessment,
): { present: boolean; usable: boolean; notes: CardAssessment['notes'] } {
  if (!present) return { present, usable: false, notes: [] };
  const r = rule(ctx, 'smartphone_online_check');
  if (!r) {
    // Not in force yet: say from when (a reason that is never the first one).
    const next = upcomingRule(ctx.book, 'smartphone_online_check', ctx.scope);
    return {
      present,
      usable: false,
      notes: next ? [(n) => n.reason('findings', next, 'notYet', { from: { date: next.effective.from } })] : [],
    };
  }
  const dv = rule(ctx, 'dv_support');
  if (ctx.situation.patient.dvSupport && dv) {
    return { present, usable: false, notes: [(n) => n.reason('findings', dv, 'noCard')] };
  }
  // The smartphone shares the card's 利用登録: an unregistered card means no smartphone マイナ保険証.
  if (card.present && !card.insuranceCard) return { present, usable: false, notes: [] };
  if (smartphoneEndsWithCard(ctx, card)) return { present, usable: false, notes: [] };
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
  const ratio =
    ctx.band === 'preschool'
      ? statutory.params.preschool
      : ctx.band === 'general'
        ? statutory.params.general
        : undefined;
  if (ratio !== undefined) n.reason('findings', statutory, 'ratio', { ratio: { ratio } });
  return ratio;
}

function supplementary(
  ctx: Ctx,
  n: Notes,
  docs: PresentedDocument[],
  qc: Assessment<'qualification_certificate'> | undefined,
  decision: Decision,
): void {
  const { patient, facility } = ctx.situation;
  const subsidy = best(docs, 'public_subsidy_certificate', (d) => assessPlain(ctx, d));
  const rSub = rule(ctx, 'public_subsidy');
  if (rSub && subsidy) {
    n.reason(
      'findings',
      rSub,
      subsidy.valid ? 'valid' : 'expired',
      subsidy.expiry ? { expiry: { date: subsidy.expiry } } : undefined,
    );
    if (subsidy.valid) n.step(rSub, 'valid');
    else n.collect.add('public_subsidy_certificate');
  } else if (rSub && patient.publicSubsidy) {
    n.reason('findings', rSub, 'collect');
    n.collect.add('public_subsidy_certificate');
  }

  const disease = best(docs, 'specific_disease_certificate', (d) => assessPlain(ctx, d));
  const rDis = rule(ctx, 'specific_disease_certificate');
  if (rDis && disease) {
    n.reason(
      'findings',
      rDis,
      disease.valid ? 'valid' : 'expired',
      disease.expiry ? { expiry: { date: disease.expiry } } : undefined,
    );
    if (disease.valid) n.step(rDis, 'valid');
    else n.collect.add('specific_disease_certificate');
  } else if (rDis && patient.specificDisease && !(qc?.valid && qc.doc.specificDiseaseNoted)) {
    n.reason('findings', rDis, 'collect');
    n.collect.add('specific_disease_certificate');
  }

  const limit = best(docs, 'limit_certificate', (d) => assessPlain(ctx, d));
  const rLim = rule(ctx, 'limit_certificate');
  if (limit && rLim) {
    if (!rLim.params.accepted) n.reason('findings', rLim, 'invalid');
    else if (!limit.valid) n.reason('findings', rLim, 'expired', { expiry: { date: limit.expiry! } });
    else {
      n.reason('findings', rLim, 'valid');
      n.step(rLim, 'valid');
    }
  }
  // 限度額 without a certificate: at an online facility a 資格確認書 holder consents to the online
  // 限度区分 (R-18 同意); elsewhere ask for the certificate where the insurer still issues one.
  const consent = rule(ctx, 'limit_online_consent');
  if (patient.highCostLimit && consent && decision === 'accept' && !(limit?.valid && rLim?.params.accepted)) {
    const holder = consent.params.documents.some((k) =>
      k === 'qualification_certificate' ? qc?.valid : docs.some((d) => d.kind === k),
    );
    if (holder && consent.params.facilityModes.includes(facility.onlineCheck)) {
      n.reason('findings', consent, 'consent');
    } else if (rLim?.params.accepted) {
      n.reason('findings', consent, 'collect');
      n.collect.add('limit_certificate');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// What would complete the set (need_more)

interface Present {
  kinds: Set<Kind>;
  /** Presented but not usable today: an alternative built on it cannot be completed at the desk. */
  unusable: Set<Kind>;
  /** The formats of the マイナポータル documents shown. */
  portalFormats: PortalFormat[];
}

/** One way to complete the set: kinds, and which マイナポータル formats count in it. */
interface DocSet {
  kinds: Kind[];
  portalFormats?: PortalFormat[];
  /** 0: completes the card or smartphone shown; 1: completes another document shown; 2: all new. */
  rank?: number;
}

function missingAlternatives(ctx: Ctx, present: Present): DocSet[] {
  const { facility, date } = ctx.situation;
  const sets: DocSet[] = [];
  const dv = ctx.situation.patient.dvSupport === true && !!rule(ctx, 'dv_support');
  if (rule(ctx, 'qualification_certificate')) sets.push({ kinds: ['qualification_certificate'] });
  if (!dv) {
    const online = rule(ctx, 'card_online_check');
    if (online?.params.facilityModes.includes(facility.onlineCheck)) sets.push({ kinds: ['mynumber_card'] });
    const companion = rule(ctx, 'card_with_companion');
    if (companion) {
      sets.push({ kinds: ['mynumber_card', 'qualification_notice'] });
      sets.push({
        kinds: ['mynumber_card', 'portal_screen'],
        portalFormats: readFormats(companion.params.portalFormats),
      });
    }
    const phone = rule(ctx, 'smartphone_online_check');
    if (phone && facility.smartphoneReader && phone.params.facilityModes.includes(facility.onlineCheck))
      sets.push({ kinds: ['smartphone_mynumber'] });
    const phonePortal = rule(ctx, 'smartphone_portal');
    if (phonePortal)
      sets.push({
        kinds: ['smartphone_mynumber', 'portal_screen'],
        portalFormats: readFormats(phonePortal.params.portalFormats),
      });
  }
  const legacy = rule(ctx, 'legacy_card');
  if (legacy && date <= legacy.params.latestExpiry) sets.push({ kinds: ['legacy_insurance_card'] });

  // A マイナポータル document counts for a set only in a format that set accepts.
  const has = (set: DocSet, k: Kind) =>
    k === 'portal_screen'
      ? present.portalFormats.some((f) => formatAccepted(set.portalFormats ?? [f], f))
      : present.kinds.has(k);
  const keyOf = (s: DocSet) =>
    s.kinds.join('+') + (s.kinds.includes('portal_screen') ? `(${(s.portalFormats ?? []).join(',')})` : '');
  const out: DocSet[] = [];
  const seen = new Set<string>();
  for (const set of sets) {
    if (set.kinds.some((k) => present.unusable.has(k))) continue;
    const toAdd: DocSet = {
      kinds: set.kinds.filter((k) => !has(set, k)),
      ...(set.portalFormats ? { portalFormats: set.portalFormats } : {}),
    };
    const reused = set.kinds.filter((k) => !toAdd.kinds.includes(k));
    toAdd.rank = reused.some((k) => k === 'mynumber_card' || k === 'smartphone_mynumber')
      ? 0
      : reused.length > 0
        ? 1
        : 2;
    if (!toAdd.kinds.includes('portal_screen')) delete toAdd.portalFormats;
    const key = keyOf(toAdd);
    if (toAdd.kinds.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(toAdd);
  }
  // Drop an alternative that contains another (card + portal when the card alone will do).
  const contains = (big: DocSet, small: DocSet) =>
    small.kinds.length < big.kinds.length &&
    small.kinds.every((k) => big.kinds.includes(k)) &&
    (!small.kinds.includes('portal_screen') ||
      (small.portalFormats ?? []).every((f) => (big.portalFormats ?? []).includes(f)));
  const minimal = out.filter((s) => !out.some((o) => o !== s && contains(s, o)));
  // What completes the card or smartphone shown first (the live screen for a smartphone), then what
  // completes another document shown, then fewest extra documents; ties keep the rulebook's order.
  const rank = (s: DocSet) => s.rank ?? 2;
  return minimal
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.s.kinds.length - b.s.kinds.length || a.i - b.i)
    .map(({ s }) => s);
}

// ---------------------------------------------------------------------------------------------

/** The verdict when no rule in force on the date decides: said as such, never a guess. */
function uncoveredVerdict(situation: Situation, book: CompiledRulebook): Verdict {
  const message = `${situation.date}に有効なルールのうち、この状況を扱うものがありません。受付の判断で保険者に確認してください（ルールブック ${book.version}）。`;
  const messageEn = `No rule of the rulebook in force on ${situation.date} covers this situation; confirm with the insurer (rulebook ${book.version}).`;
  return {
    decision: 'need_more',
    missing: [],
    collect: [],
    reasons: [{ ruleId: NO_RULE_ID, message, messageEn, source: `rulebook:${book.version}`, sources: [] }],
    nextSteps: ['保険者に資格を確認してください。'],
    nextStepsEn: ['Confirm eligibility with the insurer.'],
    rulebookVersion: book.version,
    uncovered: true,
  };
}

export function evaluate(situation: Situation, book: CompiledRulebook): Verdict {
  const { date, facility, patient, documents: docs } = situation;
  const milestones = ageMilestones(patient.birthDate);
  const band = bandOn(milestones, date);
  const scope: Scope = { date, insurerType: patient.insurerType, band };
  const ctx: Ctx = {
    situation,
    book,
    band,
    scope,
    elderlyFrom: milestones.elderlyFrom,
    lateElderlyFrom: milestones.lateElderlyFrom,
  };
  const n = new Notes(scope);

  const qc = best(docs, 'qualification_certificate', (d) => assessCertificate(ctx, d));
  const notice = best(docs, 'qualification_notice', (d) => assessNotice(ctx, d));
  const legacy = best(docs, 'legacy_insurance_card', (d) => assessLegacy(ctx, d));
  const elderly = best(docs, 'elderly_recipient_certificate', (d) => assessElderly(ctx, d));
  const portals = docs.filter((d): d is DocumentOf<'portal_screen'> => d.kind === 'portal_screen');
  const card = bestCard(ctx, docs);
  const phone = assessSmartphone(
    ctx,
    docs.some((d) => d.kind === 'smartphone_mynumber'),
    card,
  );
  const dvBlocks = !!patient.dvSupport && !!rule(ctx, 'dv_support');

  let decision: Decision | undefined;
  let printedRatio: number | undefined;
  let fallback: Fallback | undefined;

  const replay = (a: { notes: ((n: Notes) => void)[] } | undefined) => a?.notes.forEach((f) => f(n));
  [qc, notice, legacy, elderly, card, phone].forEach(replay);

  /**
   * A document marked 特別療養: 10割 + 特別療養費. A child is not issued one (the rule's
   * childExemptAge): such a mark is left to staff to check, not applied.
   */
  const specialMark = (kind: Kind): boolean => {
    const r = specialRule(ctx, kind);
    if (!r) return false;
    const exempt = r.params.childExemptAge;
    if (exempt !== undefined && date <= marchAfterReaching(patient.birthDate, exempt)) {
      n.reason('findings', r, 'childFlag', { age: { count: exempt } });
      n.staffChecks.add('special_medical_expense_on_child');
      return false;
    }
    n.reason('primary', r, 'selfPay', { kind: { kind } });
    n.step(r, 'step');
    return true;
  };

  // 1. A valid 資格確認書, unless it carries the 特別療養費 mark.
  const rQc = rule(ctx, 'qualification_certificate');
  if (qc?.valid && rQc) {
    if (qc.doc.specialMedicalExpense && specialMark('qualification_certificate')) {
      decision = 'self_pay';
    } else {
      if (qc.expiry) n.reason('primary', rQc, 'valid', { expiry: { date: qc.expiry } });
      else n.reason('primary', rQc, 'validUndated');
      n.step(rQc, 'step');
      decision = 'accept';
      printedRatio = qc.doc.burdenRatio;
    }
  }

  // 2. An old 保険証 still within its validity (R-05; only until 2025-12-01).
  const rLegacy = rule(ctx, 'legacy_card');
  if (!decision && legacy?.valid && rLegacy) {
    n.reason('primary', rLegacy, 'valid', { expiry: { date: legacy.expiry! } });
    decision = 'accept';
  }

  // 医療扶助 (生活保護): not health insurance. A 医療券 or the 医療扶助 online check decides when no
  // insurance document does (R-22 医療扶助).
  const assistance = patient.medicalAssistance ? rule(ctx, 'medical_assistance') : undefined;
  const ticket = assistance ? best(docs, 'public_subsidy_certificate', (d) => assessPlain(ctx, d)) : undefined;
  if (assistance) n.reason('findings', assistance, 'notInsurance');
  if (!decision && assistance && ticket?.valid) {
    n.reason('primary', assistance, 'ticket');
    n.step(assistance, 'step');
    decision = 'accept';
  }
  if (
    !decision &&
    assistance &&
    card.present &&
    !dvBlocks &&
    assistance.params.onlineFacilityModes.includes(facility.onlineCheck)
  ) {
    n.reason('primary', assistance, 'online');
    n.step(assistance, 'step');
    decision = 'check_online';
  }
  /** Decided by 医療扶助, not by insurance: no insurance share applies. */
  const byAssistance = !!decision && !!assistance && n.primary[0]?.ruleId === assistance.id;

  // 3. The card or the smartphone where the online check works; a card not registered
  // for insurance can be registered on the reader first (R-01 利用登録).
  const online = rule(ctx, 'card_online_check');
  const onlineWorks = online?.params.facilityModes.includes(facility.onlineCheck) ?? false;
  const phoneRule = rule(ctx, 'smartphone_online_check');
  const phoneReadable =
    !!phoneRule && facility.smartphoneReader && phoneRule.params.facilityModes.includes(facility.onlineCheck);
  if (!decision && card.usable && online && onlineWorks) {
    n.reason('primary', online, 'decide');
    n.step(online, 'step');
    n.step(online, 'stepIfFails');
    decision = 'check_online';
  }
  const registration = rule(ctx, 'card_registration');
  if (!decision && card.unregistered && registration?.params.facilityModes.includes(facility.onlineCheck)) {
    n.reason('primary', registration, 'register');
    n.step(registration, 'step');
    n.step(registration, 'stepIfFails');
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
  const portalIn = (formats: readonly PortalFormat[]) => portals.find((p) => formatAccepted(formats, p.format));
  if (!decision && card.usable && companion) {
    const shown = portalIn(companion.params.portalFormats);
    if (notice?.valid && notice.doc.specialMedicalExpense && specialMark('qualification_notice')) {
      decision = 'self_pay';
    } else if (notice?.valid) {
      n.reason('primary', companion, 'accepted', { companion: { kind: 'qualification_notice' } });
      printedRatio = notice.doc.burdenRatio ?? shown?.burdenRatio;
    } else if (shown) {
      n.reason('primary', companion, 'accepted', { companion: { kind: 'portal_screen' } });
      printedRatio = shown.burdenRatio;
    }
    if (!decision && (notice?.valid || shown)) {
      n.step(companion, 'step');
      decision = 'accept';
    }
    const refused = portals.find((p) => !formatAccepted(companion.params.portalFormats, p.format));
    if (!shown && refused) {
      n.reason('findings', companion, 'portalFormatRefused', {
        format: { text: PORTAL_FORMAT_NAMES[asRead(refused.format)] },
      });
    }
  }

  // 5. Smartphone only, where it cannot be read: the patient's own マイナポータル on the spot.
  // The live screen is the evidence here, so an expired card shown alongside does not end this route.
  const phonePortal = rule(ctx, 'smartphone_portal');
  if (!decision && phone.present && !dvBlocks && phonePortal && !(phone.usable && phoneReadable)) {
    const shown = portalIn(phonePortal.params.portalFormats);
    if (shown) {
      n.reason('primary', phonePortal, 'accepted');
      n.step(phonePortal, 'step');
      printedRatio = shown.burdenRatio;
      decision = 'accept';
    } else {
      n.reason('findings', phonePortal, portals.length > 0 ? 'needLive' : 'need', undefined, 'need');
      if (phoneRule && !facility.smartphoneReader) n.reason('findings', phoneRule, 'noReader');
    }
  }

  // 6. 暫定的な取扱い: an expired 保険証 or the お知らせ alone, looked up online.
  const noticeAlone = !!notice && !card.usable;
  const lapsedLegacy = !!legacy && !legacy.valid;
  if (!decision && (noticeAlone || lapsedLegacy)) {
    const t = rule(ctx, 'transitional_lookup');
    const kinds: Kind[] = [
      ...(lapsedLegacy ? ['legacy_insurance_card' as const] : []),
      ...(noticeAlone ? ['qualification_notice' as const] : []),
    ];
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
      if (ended && kinds.some((k) => ended.params.documents.includes(k)))
        n.reason('findings', ended, 'ended', { until: { date: ended.effective.until! } });
    }
  }
  if (noticeAlone && decision !== 'accept' && decision !== 'self_pay') {
    const r = rule(ctx, 'notice_not_alone');
    // The card was shown but cannot be used: asking to show it with the card would contradict the verdict.
    if (r) n.reason('findings', r, card.present ? 'refusedCardUnusable' : 'refused');
    const lapsed = rule(ctx, 'certificate_lapsed');
    if (lapsed && card.state === 'lapsed') n.reason('findings', lapsed, 'companionRefused');
  }
  if (!decision && card.usable && companion && !onlineWorks) n.reason('findings', companion, 'needCompanion');

  // 7. Nothing sufficient: what would complete the set, and what to do if it cannot be shown.
  let missing: DocSet[] = [];
  /** Findings before this index explain the need_more; the fallback comes right after them. */
  let explained = 0;
  if (!decision) {
    decision = 'need_more';
    explained = n.findings.length;
    const present: Present = {
      kinds: new Set(docs.map((d) => d.kind)),
      unusable: new Set(),
      portalFormats: portals.map((p) => asRead(p.format)),
    };
    if (card.present && !card.usable) present.unusable.add('mynumber_card');
    if (phone.present && !phone.usable) present.unusable.add('smartphone_mynumber');
    // The smartphone certificate goes with the card's: no grace for it.
    if (smartphoneEndsWithCard(ctx, card)) present.unusable.add('smartphone_mynumber');
    // An expired お知らせ is reissued (70–74 every 7/31): ask for the current one.
    if (notice && !notice.valid) present.kinds.delete('qualification_notice');
    // Without 利用登録 on the card there is no smartphone マイナ保険証 either.
    if (card.present && !card.insuranceCard) present.unusable.add('smartphone_mynumber');
    // An unusable document of a kind is no better than none: ask for a valid one of that kind.
    if (qc && !qc.valid) present.kinds.delete('qualification_certificate');
    if (legacy && !legacy.valid) present.kinds.delete('legacy_insurance_card');
    missing = missingAlternatives(ctx, present);
    // 医療扶助: the 医療券 completes it first.
    if (assistance) missing.unshift({ kinds: ['public_subsidy_certificate'] });

    const decl = rule(ctx, 'declaration_fallback');
    const declarationPossible =
      card.insuranceCard &&
      !!decl &&
      decl.params.facilityModes.includes(facility.onlineCheck) &&
      (!decl.params.cardStates || (card.state !== undefined && decl.params.cardStates.includes(card.state)));
    const sp = rule(ctx, 'self_pay_fallback');
    if (missing.length === 0 || (!declarationPossible && !sp && !assistance)) return uncoveredVerdict(situation, book);
    n.phrase(
      PHRASES.askFor(
        missing.map((m) => m.kinds),
        missing.map((m) => m.portalFormats),
      ),
    );
    if (declarationPossible) {
      fallback = 'declaration';
      n.reason('primary', decl, 'fallback');
      n.step(decl, 'step');
    } else if (assistance) {
      // No 療養費 for 医療扶助: the 福祉事務所 issues the 医療券.
      fallback = 'self_pay';
      n.reason('primary', assistance, 'need');
      n.step(assistance, 'step');
    } else if (sp) {
      fallback = 'self_pay';
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
      const { minAgeOn: min, belowAgeOn: below, registeredCardOnly } = r.params;
      if (min && ageOn(patient.birthDate, min.date) < min.age) continue;
      if (below && ageOn(patient.birthDate, below.date) >= below.age) continue;
      if (registeredCardOnly && card.present && !card.insuranceCard) continue;
      n.reason('hints', r, 'hint');
    }
  }

  const ratio =
    decision === 'self_pay'
      ? 1
      : decision === 'need_more' || byAssistance
        ? undefined
        : burdenRatio(ctx, n, decision, printedRatio ?? portalRatio(ctx, portals), elderly);
  supplementary(ctx, n, docs, qc, decision);

  // The reason that explains the decision first: for need_more, what was wrong with what was shown,
  // then the fallback (10割 or 申立書), then the rest. A reason citing a rule not in force is never first.
  const reasons =
    decision === 'need_more'
      ? [...n.findings.slice(0, explained), ...n.primary, ...n.findings.slice(explained), ...n.hints]
      : [...n.primary, ...n.findings, ...n.hints];
  const first = reasons.findIndex((r) => !n.notInForce.has(r));
  if (first < 0) return uncoveredVerdict(situation, book);
  if (first > 0) reasons.unshift(...reasons.splice(first, 1));
  const details = missing.some((m) => m.kinds.includes('portal_screen'))
    ? missing.map((m) =>
        m.portalFormats && m.kinds.includes('portal_screen') ? { portalFormats: m.portalFormats } : {},
      )
    : undefined;
  return {
    decision,
    missing: missing.map((m) => m.kinds),
    ...(details ? { missingDetails: details } : {}),
    ...(fallback ? { fallback } : {}),
    collect: [...n.collect],
    ...(ratio !== undefined ? { burdenRatio: ratio } : {}),
    reasons,
    nextSteps: n.steps.map((s) => s.ja),
    nextStepsEn: n.steps.map((s) => s.en),
    rulebookVersion: book.version,
    ...(n.staffChecks.size ? { staffChecks: [...n.staffChecks] } : {}),
  };
}

/** The 負担割合 shown on a マイナポータル document in a format some rule in force accepts. */
function portalRatio(ctx: Ctx, portals: DocumentOf<'portal_screen'>[]): number | undefined {
  const formats = [
    ...(rule(ctx, 'card_with_companion')?.params.portalFormats ?? []),
    ...(rule(ctx, 'smartphone_portal')?.params.portalFormats ?? []),
  ];
  return portals.find((p) => p.burdenRatio !== undefined && formatAccepted(formats, p.format))?.burdenRatio;
}

const PORTAL_FORMAT_NAMES: Record<PortalFormat, { ja: string; en: string }> = {
  live: { ja: '画面', en: 'screen' },
  screen: { ja: '画面', en: 'screen' },
  pdf: { ja: 'PDF', en: 'PDF' },
  screenshot: { ja: 'スクリーンショット', en: 'screenshot' },
};
