/**
 * Desk scenarios against the real rulebook. Every expectation is derived from the domain
 * reference (/work/shared/domain/eligibility-rules.md; §6 is the desk decision order), not from
 * what the engine happens to return.
 *
 * One row = name, the rule id it exercises (must exist in the rulebook), the situation, and the
 * parts of the verdict that matter for that row.
 */
import { describe, expect, it } from 'vitest';
import type { Situation, Verdict } from '../../src/shared/rules/situation.ts';
import type { Decision, DocumentKind, Fallback } from '../../src/shared/rules/vocabulary.ts';
import {
  RULE_IDS,
  card,
  diseaseCert,
  elderlyCert,
  legacy,
  limitCert,
  notice,
  phone,
  portal,
  qc,
  ruleIdsOf,
  run,
  sit,
  subsidyCert,
  type SitOpts,
} from './helpers.ts';

type Kind = DocumentKind;

interface Expect {
  decision: Decision;
  /** Exact list of alternatives (order included). */
  missing?: Kind[][];
  /** Each of these alternatives is offered. */
  missingHas?: Kind[][];
  /** No alternative mentions any of these kinds (already shown and usable, or not possible). */
  missingNever?: Kind[];
  fallback?: Fallback;
  /** A number, or null for "no burdenRatio". */
  ratio?: number | null;
  /** Exact, as a set. */
  collect?: Kind[];
  collectHas?: Kind[];
  collectLacks?: Kind[];
  /** ruleIds that must appear among the reasons. */
  reasons?: string[];
  /** ruleIds that must not appear among the reasons. */
  reasonsLack?: string[];
  /** The ruleId of the first reason (the one that explains the decision). */
  first?: string;
  /** Alternatives that must not be offered. */
  missingLacks?: Kind[][];
  /** The マイナポータル formats asked for in the alternative that is exactly [portal_screen] or holds one. */
  portalAsked?: string[];
  staffChecks?: string[];
}

type Row = [name: string, rule: string, situation: Situation, expected: Expect];

// Dates and people used below ------------------------------------------------------------------
const NOW = '2026-11-22';
const THEN = '2025-12-05'; // inside every 暫定的な取扱い window
const CHILD = '2022-04-10'; // 4 on NOW, 未就学児
const AGE72 = '1954-06-15'; // 高齢受給者 since 2024-07-01, 75 on 2029-06-15
const AGE80 = '1946-03-03'; // 後期高齢者
const A: SitOpts = { online: 'available' };
const AR: SitOpts = { online: 'available', reader: true };
const DOWN: SitOpts = { online: 'down' };
const k = (kind: Kind) => [kind];

const INSURERS_UNDER75 = ['kokuho', 'kyokai', 'kumiai', 'kyosai', 'other'] as const;

const rows: Row[] = [
  // --- a valid 資格確認書 alone suffices --------------------------------------------------
  ...INSURERS_UNDER75.map((insurer): Row => [
    `資格確認書 without printed expiry, ${insurer}, 45`,
    'R-04',
    sit({ insurer }, qc()),
    { decision: 'accept', ratio: 0.3, reasons: ['R-04'], collect: [] },
  ]),
  [
    '後期 資格確認書 printing 1割, 80',
    'R-04',
    sit({ insurer: 'kouki', birth: AGE80 }, qc({ expiry: '2027-07-31', burdenRatio: 0.1 })),
    { decision: 'accept', ratio: 0.1, reasons: ['R-04'], collectLacks: ['elderly_recipient_certificate'] },
  ],
  [
    '資格確認書 printed expiry in the future',
    'R-04',
    sit({}, qc({ expiry: '2027-07-31' })),
    { decision: 'accept', ratio: 0.3, reasons: ['R-04'] },
  ],
  ['資格確認書 on its printed expiry day', 'R-04', sit({}, qc({ expiry: NOW })), { decision: 'accept', ratio: 0.3 }],
  [
    '資格確認書 printed expiry the day before',
    'R-04',
    sit({}, qc({ expiry: '2026-11-21' })),
    { decision: 'need_more', missingHas: [k('qualification_certificate')], fallback: 'self_pay', reasons: ['R-04'] },
  ],
  [
    '資格確認書 expired, online facility, no card',
    'R-04',
    sit(A, qc({ expiry: '2026-07-31' })),
    { decision: 'need_more', missingHas: [k('qualification_certificate'), k('mynumber_card')], fallback: 'self_pay' },
  ],
  [
    '資格確認書 5-year maximum: last day',
    'R-04',
    sit({ date: '2029-12-01' }, qc({ issueDate: '2024-12-02' })),
    { decision: 'accept', ratio: 0.3 },
  ],
  [
    '資格確認書 5-year maximum: day after',
    'R-04',
    sit({ date: '2029-12-02' }, qc({ issueDate: '2024-12-02' })),
    { decision: 'need_more', reasons: ['R-04'] },
  ],
  [
    '資格確認書 shown at an online facility with the card too',
    'R-04',
    sit(A, qc(), card()),
    { decision: 'accept', ratio: 0.3 },
  ],

  // --- 特別療養費 ----------------------------------------------------------------------------
  [
    '国保 資格確認書 marked 特別療養費',
    'R-20',
    sit({ insurer: 'kokuho' }, qc({ specialMedicalExpense: true })),
    { decision: 'self_pay', ratio: 1, reasons: ['R-20'] },
  ],
  [
    '後期 資格確認書 marked 特別療養費',
    'R-20',
    sit({ insurer: 'kouki', birth: AGE80 }, qc({ specialMedicalExpense: true, expiry: '2027-07-31' })),
    { decision: 'self_pay', reasons: ['R-20'] },
  ],
  [
    '特別療養費 資格確認書 that has expired is no proof',
    'R-20',
    sit({ insurer: 'kokuho' }, qc({ specialMedicalExpense: true, expiry: '2026-07-31' })),
    { decision: 'need_more', reasonsLack: ['R-20'] },
  ],

  // --- R-17 / R-12-ratio: 負担割合 --------------------------------------------------------------
  [
    '70–74, 資格確認書 without ratio → ask for the 高齢受給者証',
    'R-17',
    sit({ birth: AGE72 }, qc()),
    { decision: 'accept', ratio: null, collect: ['elderly_recipient_certificate'], reasons: ['R-17'] },
  ],
  [
    '70–74, 資格確認書 printing 2割',
    'R-17',
    sit({ birth: AGE72, insurer: 'kokuho' }, qc({ burdenRatio: 0.2 })),
    { decision: 'accept', ratio: 0.2, collect: [] },
  ],
  [
    '70–74, 資格確認書 + 高齢受給者証 1割',
    'R-17',
    sit({ birth: AGE72 }, qc(), elderlyCert({ burdenRatio: 0.1, expiry: '2027-07-31' })),
    { decision: 'accept', ratio: 0.1, collect: [], reasons: ['R-17'] },
  ],
  [
    '70–74, 資格確認書 + expired 高齢受給者証',
    'R-17',
    sit({ birth: AGE72 }, qc(), elderlyCert({ burdenRatio: 0.2, expiry: '2026-07-31' })),
    { decision: 'accept', ratio: null, collectHas: ['elderly_recipient_certificate'], reasons: ['R-17'] },
  ],
  [
    '70–74, card at online facility: the terminal returns the share',
    'R-17',
    sit({ ...A, birth: AGE72 }, card()),
    { decision: 'check_online', collectLacks: ['elderly_recipient_certificate'] },
  ],
  [
    '70–74, 高齢受給者証 alone is no proof of insurance',
    'R-17',
    sit({ birth: AGE72 }, elderlyCert({ burdenRatio: 0.2 })),
    { decision: 'need_more', fallback: 'self_pay' },
  ],
  [
    '45, a 高齢受給者証 does not change the statutory 3割',
    'R-12-ratio',
    sit({}, qc(), elderlyCert({ burdenRatio: 0.1 })),
    { decision: 'accept', ratio: 0.3 },
  ],
  [
    '未就学児 資格確認書 → 2割',
    'R-12-ratio',
    sit({ birth: CHILD }, qc()),
    { decision: 'accept', ratio: 0.2, reasons: ['R-12-ratio'] },
  ],
  [
    'born 2020-04-01: first grader on 2026-11-22 → 3割',
    'R-12-ratio',
    sit({ birth: '2020-04-01' }, qc()),
    { decision: 'accept', ratio: 0.3 },
  ],
  [
    'born 2020-04-02: still 未就学児 on 2026-11-22 → 2割',
    'R-12-ratio',
    sit({ birth: '2020-04-02' }, qc()),
    { decision: 'accept', ratio: 0.2 },
  ],
  [
    'born 2020-02-29: 未就学児 on 2026-03-31',
    'R-12-ratio',
    sit({ birth: '2020-02-29', date: '2026-03-31' }, qc()),
    { decision: 'accept', ratio: 0.2 },
  ],
  [
    'born 2020-02-29: school age on 2026-04-01',
    'R-12-ratio',
    sit({ birth: '2020-02-29', date: '2026-04-01' }, qc()),
    { decision: 'accept', ratio: 0.3 },
  ],

  // --- derived expiry bounds (turning 70, turning 75, period of stay) ----------------------
  [
    'turning 70 mid-November: 資格確認書 still fine on 11-22 (bound 11-30 noted)',
    'R-15-turning70',
    sit({ insurer: 'kokuho', birth: '1956-11-15' }, qc({ issueDate: '2025-08-01' })),
    { decision: 'accept', ratio: 0.3, reasons: ['R-15-turning70'] },
  ],
  [
    'turning 70 mid-November: 資格確認書 ends 11-30',
    'R-15-turning70',
    sit({ insurer: 'kokuho', birth: '1956-11-15', date: '2026-11-30' }, qc({ issueDate: '2025-08-01' })),
    { decision: 'accept', ratio: 0.3 },
  ],
  [
    'turning 70 mid-November: 12-01 needs the new certificate',
    'R-15-turning70',
    sit({ insurer: 'kokuho', birth: '1956-11-15', date: '2026-12-01' }, qc({ issueDate: '2025-08-01' })),
    { decision: 'need_more', reasons: ['R-15-turning70'], missingHas: [k('qualification_certificate')] },
  ],
  [
    'born on the 1st (1956-12-01): 資格確認書 fine on 2026-11-30',
    'R-15-turning70',
    sit({ insurer: 'kokuho', birth: '1956-12-01', date: '2026-11-30' }, qc({ issueDate: '2025-08-01' })),
    { decision: 'accept', ratio: 0.3 },
  ],
  [
    'born on the 1st (1956-12-01): ended the day before the 70th birthday',
    'R-15-turning70',
    sit({ insurer: 'kokuho', birth: '1956-12-01', date: '2026-12-01' }, qc({ issueDate: '2025-08-01' })),
    { decision: 'need_more', reasons: ['R-15-turning70'] },
  ],
  [
    'born mid-month (1956-12-15): same certificate still fine on 2026-12-01',
    'R-15-turning70',
    sit({ insurer: 'kokuho', birth: '1956-12-15', date: '2026-12-01' }, qc({ issueDate: '2025-08-01' })),
    { decision: 'accept', ratio: 0.3 },
  ],
  [
    'born mid-month (1956-12-15): 2026-12-31 last day',
    'R-15-turning70',
    sit({ insurer: 'kokuho', birth: '1956-12-15', date: '2026-12-31' }, qc({ issueDate: '2025-08-01' })),
    { decision: 'accept', ratio: 0.3 },
  ],
  [
    'born mid-month (1956-12-15): 2027-01-01 needs the new certificate',
    'R-15-turning70',
    sit({ insurer: 'kokuho', birth: '1956-12-15', date: '2027-01-01' }, qc({ issueDate: '2025-08-01' })),
    { decision: 'need_more' },
  ],
  [
    'born on the 1st: new 70+ certificate (sent ahead, printed 7/31) from the birthday',
    'R-15-turning70',
    sit(
      { birth: '1956-12-01', date: '2026-12-01', insurer: 'kokuho' },
      qc({ issueDate: '2026-11-15', expiry: '2027-07-31', burdenRatio: 0.2 }),
    ),
    { decision: 'accept', ratio: 0.2 },
  ],
  [
    'born on the 1st: 70+ certificate issued on the birthday, no printed expiry entered',
    'R-15-turning70',
    sit(
      { birth: '1956-12-01', date: '2026-12-01', insurer: 'kokuho' },
      qc({ issueDate: '2026-12-01', burdenRatio: 0.2 }),
    ),
    { decision: 'accept', ratio: 0.2 },
  ],
  [
    'turning 70: お知らせ with printed expiry 11-30 no longer completes the card on 12-01',
    'R-16',
    sit({ birth: '1956-11-15', date: '2026-12-01' }, card(), notice({ expiry: '2026-11-30' })),
    { decision: 'need_more', reasons: ['R-16'], fallback: 'self_pay' },
  ],
  [
    'leap: born 1958-03-01, 資格確認書 without printed expiry fine on 2028-02-28',
    'R-15-turning70',
    sit({ insurer: 'kokuho', birth: '1958-03-01', date: '2028-02-28' }, qc({ issueDate: '2027-08-01' })),
    { decision: 'accept', ratio: 0.3 },
  ],
  [
    'leap: born 1958-03-01, 資格確認書 without printed expiry ends 2028-02-29',
    'R-15-turning70',
    sit({ insurer: 'kokuho', birth: '1958-03-01', date: '2028-02-29' }, qc({ issueDate: '2027-08-01' })),
    { decision: 'accept', ratio: 0.3, reasons: ['R-15-turning70'] },
  ],
  [
    'leap: born 1958-03-01, expired on 2028-03-01',
    'R-15-turning70',
    sit({ insurer: 'kokuho', birth: '1958-03-01', date: '2028-03-01' }, qc({ issueDate: '2027-08-01' })),
    { decision: 'need_more', reasons: ['R-15-turning70'] },
  ],
  [
    'born 1956-02-29: still under 70 band on 2026-02-28',
    'R-15-turning70',
    sit({ insurer: 'kokuho', birth: '1956-02-29', date: '2026-02-28' }, qc({ issueDate: '2025-08-01' })),
    { decision: 'accept', ratio: 0.3 },
  ],
  [
    'born 1956-02-29: pre-70 certificate ended on 2026-03-01',
    'R-15-turning70',
    sit({ insurer: 'kokuho', birth: '1956-02-29', date: '2026-03-01' }, qc({ issueDate: '2025-08-01' })),
    { decision: 'need_more', reasons: ['R-15-turning70'] },
  ],
  [
    'born 1956-02-29: 70+ from 2026-03-01, card + お知らせ printing 2割',
    'R-17',
    sit(
      { birth: '1956-02-29', date: '2026-03-01', insurer: 'kokuho' },
      card(),
      notice({ burdenRatio: 0.2, issueDate: '2026-03-01' }),
    ),
    { decision: 'accept', ratio: 0.2, collect: [] },
  ],
  [
    'turning 75 tomorrow: 国保 資格確認書 still valid',
    'R-15-turning75',
    sit({ birth: '1951-11-23', insurer: 'kokuho' }, qc({ expiry: '2027-07-31', burdenRatio: 0.2 })),
    { decision: 'accept', ratio: 0.2 },
  ],
  [
    'turning 75 tomorrow: 国保 資格確認書 without printed expiry, bound noted',
    'R-15-turning75',
    sit({ birth: '1951-11-23', insurer: 'kokuho' }, qc({ burdenRatio: 0.2, issueDate: '2025-08-01' })),
    { decision: 'accept', ratio: 0.2, reasons: ['R-15-turning75'] },
  ],
  [
    '75th birthday: 国保 資格確認書 ended the day before',
    'R-15-turning75',
    sit({ birth: '1951-11-23', insurer: 'kokuho', date: '2026-11-23' }, qc({ expiry: '2027-07-31', burdenRatio: 0.2 })),
    { decision: 'need_more', reasons: ['R-15-turning75'] },
  ],
  [
    '75th birthday: the new 後期 資格確認書 is fine',
    'R-15-turning75',
    sit({ birth: '1951-11-23', insurer: 'kouki', date: '2026-11-23' }, qc({ expiry: '2027-07-31', burdenRatio: 0.1 })),
    { decision: 'accept', ratio: 0.1 },
  ],
  [
    'leap: born 1953-03-01, 国保 資格確認書 fine on 2028-02-29',
    'R-15-turning75',
    sit({ birth: '1953-03-01', insurer: 'kokuho', date: '2028-02-29' }, qc({ expiry: '2028-07-31', burdenRatio: 0.2 })),
    { decision: 'accept', ratio: 0.2 },
  ],
  [
    'leap: born 1953-03-01 turns 75 on 2028-03-01: 国保 資格確認書 ended',
    'R-15-turning75',
    sit({ birth: '1953-03-01', insurer: 'kokuho', date: '2028-03-01' }, qc({ expiry: '2028-07-31', burdenRatio: 0.2 })),
    { decision: 'need_more', reasons: ['R-15-turning75'] },
  ],
  [
    'leap: born 1953-03-01, 後期 資格確認書 on 2028-03-01',
    'R-15-turning75',
    sit({ birth: '1953-03-01', insurer: 'kouki', date: '2028-03-01' }, qc({ expiry: '2028-07-31', burdenRatio: 0.1 })),
    { decision: 'accept', ratio: 0.1 },
  ],
  [
    'old 協会けんぽ 保険証 of someone who turned 75 (2025-06-01)',
    'R-15-turning75',
    sit({ birth: '1950-06-01', date: '2025-06-15' }, legacy({ expiry: '2025-12-01' })),
    { decision: 'need_more', reasons: ['R-15-turning75'] },
  ],
  [
    'foreign resident: stay ended 11-20 → 資格確認書 ended 11-21',
    'R-15-residence',
    sit({ insurer: 'kokuho', residenceExpiry: '2026-11-20' }, qc()),
    { decision: 'need_more', reasons: ['R-15-residence'] },
  ],
  [
    'foreign resident: stay ended 11-21 → 資格確認書 valid through 11-22',
    'R-15-residence',
    sit({ insurer: 'kokuho', residenceExpiry: '2026-11-21' }, qc()),
    { decision: 'accept', ratio: 0.3, reasons: ['R-15-residence'] },
  ],
  [
    'foreign resident: a printed expiry wins over the period of stay',
    'R-15-residence',
    sit({ residenceExpiry: '2026-01-01', insurer: 'kokuho' }, qc({ expiry: '2027-07-31' })),
    { decision: 'accept', ratio: 0.3 },
  ],
  [
    'foreign resident: お知らせ bound by the stay, card at no-online facility',
    'R-15-residence',
    sit({ insurer: 'kokuho', residenceExpiry: '2026-10-31' }, card(), notice()),
    { decision: 'need_more', reasons: ['R-15-residence'] },
  ],

  // --- the card at a facility whose online check works ------------------------------------
  [
    'card, online facility, 国保 45',
    'R-01',
    sit({ ...A, insurer: 'kokuho' }, card()),
    { decision: 'check_online', reasons: ['R-01'], missing: [] },
  ],
  [
    'card, online facility, 後期 80',
    'R-01',
    sit({ ...A, insurer: 'kouki', birth: AGE80 }, card()),
    { decision: 'check_online', reasons: ['R-01'] },
  ],
  [
    'card, online facility, 協会けんぽ child',
    'R-01',
    sit({ ...A, birth: CHILD }, card()),
    { decision: 'check_online', reasons: ['R-01'] },
  ],
  [
    'card, online facility, 健保組合 72',
    'R-01',
    sit({ ...A, insurer: 'kumiai', birth: AGE72 }, card()),
    { decision: 'check_online', reasons: ['R-01'] },
  ],
  [
    'card, online facility, 共済 45',
    'R-01',
    sit({ ...A, insurer: 'kyosai' }, card()),
    { decision: 'check_online', reasons: ['R-01'] },
  ],
  [
    'card, online facility, other 45',
    'R-01',
    sit({ ...A, insurer: 'other' }, card()),
    { decision: 'check_online', reasons: ['R-01'] },
  ],
  [
    'card on the first day of the new system (2024-12-02)',
    'R-01',
    sit({ ...A, date: '2024-12-02' }, card()),
    { decision: 'check_online' },
  ],
  [
    'card + お知らせ at an online facility: the terminal still decides',
    'R-01',
    sit(A, card(), notice()),
    { decision: 'check_online', reasons: ['R-01'] },
  ],
  // Domain update 2026-12 §8 (MHLW newpage_50657): registration on the face-recognition reader, on the spot.
  [
    'unregistered card at an online facility → register on the reader, then the online check',
    'R-01-register',
    sit(A, card({ insuranceRegistered: false })),
    { decision: 'check_online', reasons: ['R-01-register', 'R-01'], missing: [] },
  ],
  [
    'unregistered card + お知らせ, no online check',
    'R-03',
    sit({}, card({ insuranceRegistered: false }), notice()),
    { decision: 'need_more', reasons: ['R-01', 'R-03'], fallback: 'self_pay' },
  ],

  // --- card + お知らせ / マイナポータル when the online check cannot be done ---------------
  [
    'card + お知らせ, no online check',
    'R-02',
    sit({}, card(), notice()),
    { decision: 'accept', ratio: 0.3, reasons: ['R-02'] },
  ],
  [
    'card + マイナポータル screen, no online check',
    'R-02',
    sit({}, card(), portal('screen')),
    { decision: 'accept', ratio: 0.3, reasons: ['R-02'] },
  ],
  [
    'card + マイナポータル PDF, no online check',
    'R-02',
    sit({}, card(), portal('pdf')),
    { decision: 'accept', ratio: 0.3, reasons: ['R-02'] },
  ],
  [
    'card + マイナポータル PDF, online check down',
    'R-02',
    sit(DOWN, card(), portal('pdf')),
    { decision: 'accept', ratio: 0.3, reasons: ['R-02'] },
  ],
  ['card + お知らせ, online check down', 'R-02', sit(DOWN, card(), notice()), { decision: 'accept', ratio: 0.3 }],
  ['card + お知らせ, child', 'R-02', sit({ birth: CHILD }, card(), notice()), { decision: 'accept', ratio: 0.2 }],
  [
    'card + お知らせ printing 2割, 70–74',
    'R-02',
    sit({ birth: AGE72, insurer: 'kokuho' }, card(), notice({ burdenRatio: 0.2, expiry: '2027-07-31' })),
    { decision: 'accept', ratio: 0.2, collect: [] },
  ],
  [
    'card + お知らせ without ratio, 70–74 (協会けんぽ) → 高齢受給者証',
    'R-17',
    sit({ birth: AGE72 }, card(), notice({ expiry: '2027-07-31' })),
    { decision: 'accept', ratio: null, collect: ['elderly_recipient_certificate'], reasons: ['R-02', 'R-17'] },
  ],
  [
    'card + portal + 高齢受給者証 3割, 70–74',
    'R-17',
    sit({ birth: AGE72 }, card(), portal(), elderlyCert({ burdenRatio: 0.3 })),
    { decision: 'accept', ratio: 0.3, collect: [] },
  ],
  [
    'card alone, no online check → お知らせ or portal; no 申立書 without オン資',
    'R-02',
    sit({}, card()),
    {
      decision: 'need_more',
      missingHas: [k('qualification_notice'), k('portal_screen'), k('qualification_certificate')],
      missingNever: ['mynumber_card'],
      fallback: 'self_pay',
      reasons: ['R-02'],
    },
  ],
  [
    'card alone, online check down → お知らせ or portal, else 申立書',
    'R-12',
    sit(DOWN, card()),
    {
      decision: 'need_more',
      missingHas: [k('qualification_notice'), k('portal_screen')],
      missingNever: ['mynumber_card'],
      fallback: 'declaration',
      reasons: ['R-12'],
    },
  ],
  [
    'card alone, no online check: マイナ資格確認アプリ hint',
    'R-11',
    sit({}, card()),
    { decision: 'need_more', reasons: ['R-11'] },
  ],
  [
    'card alone, check down: マイナ資格確認アプリ hint',
    'R-11',
    sit(DOWN, card()),
    { decision: 'need_more', reasons: ['R-11'] },
  ],
  [
    'card + expired お知らせ (70–74, 7/31) → not enough',
    'R-16',
    sit({ birth: AGE72 }, card(), notice({ expiry: '2026-07-31' })),
    { decision: 'need_more', reasons: ['R-16'], missingHas: [k('portal_screen')] },
  ],

  // --- the card's 電子証明書 -------------------------------------------------------
  [
    'certificate expires 2026-05-10: on that day',
    'R-07',
    sit({ ...A, date: '2026-05-10' }, card({ certificateExpiry: '2026-05-10' })),
    { decision: 'check_online', reasonsLack: ['R-08'] },
  ],
  [
    'certificate expired 2026-05-10: grace until 2026-08-31',
    'R-07',
    sit({ ...A, date: '2026-08-31' }, card({ certificateExpiry: '2026-05-10' })),
    { decision: 'check_online', reasons: ['R-07'] },
  ],
  [
    'certificate expired 2026-05-10: lapsed on 2026-09-01',
    'R-08',
    sit({ ...A, date: '2026-09-01' }, card({ certificateExpiry: '2026-05-10' })),
    { decision: 'need_more', missing: [k('qualification_certificate')], fallback: 'declaration', reasons: ['R-08'] },
  ],
  [
    'card itself expired 2026-05-10: lapsed on 2026-09-01',
    'R-08',
    sit({ ...A, date: '2026-09-01' }, card({ cardExpiry: '2026-05-10', certificateExpiry: '2030-01-01' })),
    { decision: 'need_more', missing: [k('qualification_certificate')], fallback: 'declaration' },
  ],
  [
    'grace card + お知らせ, no online check',
    'R-07',
    sit({ date: '2026-08-31' }, card({ certificateExpiry: '2026-05-10' }), notice()),
    { decision: 'accept', ratio: 0.3, reasons: ['R-07', 'R-02'] },
  ],
  [
    'lapsed card + お知らせ, no online check',
    'R-08',
    sit({ date: '2026-09-01' }, card({ certificateExpiry: '2026-05-10' }), notice()),
    { decision: 'need_more', reasons: ['R-08'], fallback: 'self_pay' },
  ],
  [
    'leap: certificate expired 2027-11-15, grace through 2028-02-29',
    'R-07',
    sit({ ...A, date: '2028-02-29' }, card({ certificateExpiry: '2027-11-15' })),
    { decision: 'check_online', reasons: ['R-07'] },
  ],
  [
    'leap: certificate expired 2027-11-15, lapsed 2028-03-01',
    'R-08',
    sit({ ...A, date: '2028-03-01' }, card({ certificateExpiry: '2027-11-15' })),
    { decision: 'need_more', missing: [k('qualification_certificate')], fallback: 'declaration' },
  ],
  [
    'lapsed card: the smartphone alone is no way out (R-07)',
    'R-07',
    sit({ date: '2026-09-01' }, card({ certificateExpiry: '2026-05-10' }), phone()),
    { decision: 'need_more', missing: [k('qualification_certificate')] },
  ],
  [
    'lapsed card: the live マイナポータル screen on the phone still shows eligibility (R-10)',
    'R-10',
    sit({ date: '2026-09-01' }, card({ certificateExpiry: '2026-05-10' }), phone(), portal()),
    { decision: 'accept', ratio: 0.3 },
  ],

  // --- smartphone ---------------------------------------------------------------
  [
    'smartphone, online facility with reader',
    'R-09',
    sit(AR, phone()),
    { decision: 'check_online', reasons: ['R-09'] },
  ],
  [
    'smartphone, online facility without reader → own portal screen',
    'R-10',
    sit(A, phone()),
    {
      decision: 'need_more',
      missingHas: [k('portal_screen')],
      missingNever: ['smartphone_mynumber'],
      fallback: 'self_pay',
      reasons: ['R-10'],
    },
  ],
  [
    'smartphone, reader but no online check',
    'R-10',
    sit({ reader: true }, phone()),
    { decision: 'need_more', missingHas: [k('portal_screen')], fallback: 'self_pay' },
  ],
  [
    'smartphone, reader but the check is down',
    'R-10',
    sit({ online: 'down', reader: true }, phone()),
    { decision: 'need_more', missingHas: [k('portal_screen')] },
  ],
  [
    'smartphone + own portal screen, online facility without reader',
    'R-10',
    sit(A, phone(), portal('screen')),
    { decision: 'accept', ratio: 0.3, reasons: ['R-10'] },
  ],
  [
    'smartphone + own portal screen, no online check',
    'R-10',
    sit({}, phone(), portal('screen')),
    { decision: 'accept', ratio: 0.3, reasons: ['R-10'] },
  ],
  [
    'smartphone + own portal screen, 70–74 → 高齢受給者証',
    'R-10',
    sit({ birth: AGE72 }, phone(), portal('screen')),
    { decision: 'accept', collectHas: ['elderly_recipient_certificate'] },
  ],
  ['smartphone + saved PDF is not the R-10 route', 'R-10', sit({}, phone(), portal('pdf')), { decision: 'need_more' }],
  [
    'smartphone + portal at a reader facility: the reader decides',
    'R-09',
    sit(AR, phone(), portal()),
    { decision: 'check_online', reasons: ['R-09'] },
  ],
  [
    'smartphone 2025-09-18: not live yet',
    'R-09',
    sit({ ...AR, date: '2025-09-18' }, phone()),
    { decision: 'need_more', reasons: ['R-09'] },
  ],
  [
    'smartphone 2025-09-19: live',
    'R-09',
    sit({ ...AR, date: '2025-09-19' }, phone()),
    { decision: 'check_online', reasons: ['R-09'] },
  ],
  ['smartphone 2025-09-20', 'R-09', sit({ ...AR, date: '2025-09-20' }, phone()), { decision: 'check_online' }],
  [
    'smartphone + portal 2025-09-18: no R-10 route yet',
    'R-10',
    sit({ date: '2025-09-18' }, phone(), portal()),
    { decision: 'need_more' },
  ],
  [
    'smartphone + portal 2025-09-19',
    'R-10',
    sit({ date: '2025-09-19' }, phone(), portal()),
    { decision: 'accept', ratio: 0.3 },
  ],
  [
    'nothing at all on 2025-09-18: no smartphone alternative offered',
    'R-09',
    sit({ ...AR, date: '2025-09-18' }),
    { decision: 'need_more', missingNever: ['smartphone_mynumber'] },
  ],
  [
    'nothing at all at a reader facility: card, smartphone or 資格確認書',
    'R-09',
    sit(AR),
    {
      decision: 'need_more',
      missingHas: [k('qualification_certificate'), k('mynumber_card'), k('smartphone_mynumber')],
      fallback: 'self_pay',
    },
  ],

  // --- DV support --------------------------------------------------------------------------
  [
    'DV support, card at online facility → 資格確認書 only',
    'R-21',
    sit({ ...A, dv: true }, card()),
    { decision: 'need_more', missing: [k('qualification_certificate')], fallback: 'self_pay', reasons: ['R-21'] },
  ],
  [
    'DV support, smartphone at reader facility',
    'R-21',
    sit({ ...AR, dv: true }, phone()),
    { decision: 'need_more', missing: [k('qualification_certificate')], reasons: ['R-21'] },
  ],
  [
    'DV support, card + お知らせ, no online check',
    'R-21',
    sit({ dv: true }, card(), notice()),
    { decision: 'need_more', missing: [k('qualification_certificate')], fallback: 'self_pay', reasons: ['R-21'] },
  ],
  ['DV support, 資格確認書', 'R-21', sit({ dv: true }, qc()), { decision: 'accept', ratio: 0.3 }],

  // --- お知らせ alone, expired 保険証 ------------------------------------------------
  [
    'お知らせ alone, no online check, 2026-11-22',
    'R-03',
    sit({}, notice()),
    { decision: 'need_more', reasons: ['R-03'], fallback: 'self_pay', missingHas: [k('mynumber_card')] },
  ],
  [
    'お知らせ alone, online facility, 2025-12-05 → 暫定 look-up',
    'R-06-all',
    sit({ ...A, date: THEN }, notice()),
    { decision: 'check_online', reasons: ['R-06-all'] },
  ],
  [
    'お知らせ alone, online facility, 2026-11-22 → ended',
    'R-03',
    sit(A, notice()),
    {
      decision: 'need_more',
      reasons: ['R-03'],
      fallback: 'self_pay',
      missingHas: [k('mynumber_card'), k('qualification_certificate')],
    },
  ],
  [
    'expired 保険証, online facility, 2025-12-05 → 暫定 look-up',
    'R-06-all',
    sit({ ...A, date: THEN }, legacy({ expiry: '2025-12-01' })),
    { decision: 'check_online', reasons: ['R-06-all'] },
  ],
  [
    'expired 保険証, online facility, 2026-11-22 → ended',
    'R-05',
    sit(A, legacy({ expiry: '2025-12-01' })),
    {
      decision: 'need_more',
      fallback: 'self_pay',
      missingHas: [k('mynumber_card')],
      missingNever: ['legacy_insurance_card'],
    },
  ],
  [
    'お知らせ alone, no online check, 2025-12-05: 暫定 needs the terminal',
    'R-06-all',
    sit({ date: THEN }, notice()),
    { decision: 'need_more', reasons: ['R-06-all', 'R-03'], fallback: 'self_pay' },
  ],
  [
    'お知らせ alone, check down, 2025-12-05',
    'R-06-all',
    sit({ ...DOWN, date: THEN }, notice()),
    { decision: 'need_more', fallback: 'self_pay' },
  ],
  [
    'unregistered card + お知らせ, online facility, 2025-12-05 → registration on the spot first',
    'R-01-register',
    sit({ ...A, date: THEN }, card({ insuranceRegistered: false }), notice()),
    { decision: 'check_online', reasons: ['R-01-register'] },
  ],
  [
    '国保 お知らせ alone 2025-07-31: before the 暫定',
    'R-06-kokuho',
    sit({ ...A, insurer: 'kokuho', date: '2025-07-31' }, notice()),
    { decision: 'need_more', reasons: ['R-03'] },
  ],
  [
    '国保 お知らせ alone 2025-08-01: 暫定 starts',
    'R-06-kokuho',
    sit({ ...A, insurer: 'kokuho', date: '2025-08-01' }, notice()),
    { decision: 'check_online', reasons: ['R-06-kokuho'] },
  ],
  [
    '国保 お知らせ alone 2025-08-02',
    'R-06-kokuho',
    sit({ ...A, insurer: 'kokuho', date: '2025-08-02' }, notice()),
    { decision: 'check_online', reasons: ['R-06-kokuho'] },
  ],
  [
    '国保 expired 保険証 (仙台 9/30) on 2025-10-01, online',
    'R-06-kokuho',
    sit({ ...A, insurer: 'kokuho', date: '2025-10-01' }, legacy({ expiry: '2025-09-30' })),
    { decision: 'check_online', reasons: ['R-06-kokuho'] },
  ],
  [
    '国保 expired 保険証 (仙台 9/30) on 2025-10-01, no online check',
    'R-05',
    sit({ insurer: 'kokuho', date: '2025-10-01' }, legacy({ expiry: '2025-09-30' })),
    { decision: 'need_more', fallback: 'self_pay', reasons: ['R-05'] },
  ],
  [
    '後期 expired 保険証 2025-08-03: before the 後期 暫定',
    'R-06-kouki',
    sit({ ...A, insurer: 'kouki', birth: AGE80, date: '2025-08-03' }, legacy({ expiry: '2025-07-31' })),
    { decision: 'need_more' },
  ],
  [
    '後期 expired 保険証 2025-08-04: 暫定 starts',
    'R-06-kouki',
    sit({ ...A, insurer: 'kouki', birth: AGE80, date: '2025-08-04' }, legacy({ expiry: '2025-07-31' })),
    { decision: 'check_online', reasons: ['R-06-kouki'] },
  ],
  [
    '後期 expired 保険証 2025-08-05',
    'R-06-kouki',
    sit({ ...A, insurer: 'kouki', birth: AGE80, date: '2025-08-05' }, legacy({ expiry: '2025-07-31' })),
    { decision: 'check_online', reasons: ['R-06-kouki'] },
  ],
  [
    '協会けんぽ お知らせ alone 2025-11-11: before 全保険者',
    'R-06-all',
    sit({ ...A, date: '2025-11-11' }, notice()),
    { decision: 'need_more', reasons: ['R-03'] },
  ],
  [
    '協会けんぽ お知らせ alone 2025-11-12: 全保険者 starts',
    'R-06-all',
    sit({ ...A, date: '2025-11-12' }, notice()),
    { decision: 'check_online', reasons: ['R-06-all'] },
  ],
  [
    '協会けんぽ お知らせ alone 2025-11-13',
    'R-06-all',
    sit({ ...A, date: '2025-11-13' }, notice()),
    { decision: 'check_online', reasons: ['R-06-all'] },
  ],
  ...(['kokuho', 'kouki', 'kyokai', 'kumiai', 'kyosai', 'other'] as const).flatMap((insurer): Row[] => {
    const id = insurer === 'kokuho' ? 'R-06-kokuho' : insurer === 'kouki' ? 'R-06-kouki' : 'R-06-all';
    const birth = insurer === 'kouki' ? AGE80 : undefined;
    return [
      [
        `${insurer} お知らせ alone 2026-07-31: last day of the 暫定`,
        id,
        sit({ ...A, insurer, birth, date: '2026-07-31' }, notice()),
        { decision: 'check_online', reasons: [id] },
      ],
      [
        `${insurer} お知らせ alone 2026-08-01: the 暫定 has ended`,
        id,
        sit({ ...A, insurer, birth, date: '2026-08-01' }, notice()),
        { decision: 'need_more', reasons: ['R-03'], fallback: 'self_pay' },
      ],
    ];
  }),
  [
    '協会けんぽ expired 保険証 2026-07-31',
    'R-06-all',
    sit({ ...A, date: '2026-07-31' }, legacy()),
    { decision: 'check_online', reasons: ['R-06-all'] },
  ],
  [
    '協会けんぽ expired 保険証 2026-08-01',
    'R-06-all',
    sit({ ...A, date: '2026-08-01' }, legacy()),
    { decision: 'need_more', fallback: 'self_pay' },
  ],
  [
    '協会けんぽ expired 保険証 2026-08-02',
    'R-06-all',
    sit({ ...A, date: '2026-08-02' }, legacy()),
    { decision: 'need_more' },
  ],
  [
    'お知らせ alone + 公費 + 高齢受給者証, online, 2026-11-22',
    'R-03',
    sit({ ...A, birth: AGE72, publicSubsidy: true }, notice(), subsidyCert(), elderlyCert({ burdenRatio: 0.2 })),
    { decision: 'need_more', reasons: ['R-03'] },
  ],
  [
    'expired 保険証 + card, check down, 2026-03-01 → 申立書 fallback',
    'R-12',
    sit({ ...DOWN, date: '2026-03-01' }, legacy(), card()),
    { decision: 'need_more', fallback: 'declaration', missingHas: [k('qualification_notice'), k('portal_screen')] },
  ],

  // --- old 保険証 ----------------------------------------------------------------------------
  [
    'old 保険証 2025-11-30',
    'R-05',
    sit({ date: '2025-11-30' }, legacy()),
    { decision: 'accept', ratio: 0.3, reasons: ['R-05'] },
  ],
  [
    'old 保険証 2025-12-01: last day for every card',
    'R-05',
    sit({ date: '2025-12-01' }, legacy({ expiry: '2026-03-31' })),
    { decision: 'accept', ratio: 0.3, reasons: ['R-05'] },
  ],
  [
    'old 保険証 2025-12-02: expired everywhere',
    'R-05',
    sit({ date: '2025-12-02' }, legacy({ expiry: '2026-03-31' })),
    { decision: 'need_more', fallback: 'self_pay', missingNever: ['legacy_insurance_card'] },
  ],
  [
    'old 保険証 2025-12-02 at online 協会けんぽ facility → 暫定',
    'R-06-all',
    sit({ ...A, date: '2025-12-02' }, legacy()),
    { decision: 'check_online', reasons: ['R-06-all'] },
  ],
  [
    'old 保険証 whose details changed (2025-06-01)',
    'R-05',
    sit({ date: '2025-06-01' }, legacy({ detailsChanged: true, expiry: '2025-12-01' })),
    { decision: 'need_more', reasons: ['R-05'] },
  ],
  [
    'old 後期 保険証 on 2025-07-31',
    'R-05',
    sit({ insurer: 'kouki', birth: AGE80, date: '2025-07-31' }, legacy({ expiry: '2025-07-31' })),
    { decision: 'accept' },
  ],
  [
    'nothing shown, 2025-06-01, no online check',
    'R-13',
    sit({ date: '2025-06-01' }),
    {
      decision: 'need_more',
      missing: [
        k('qualification_certificate'),
        k('legacy_insurance_card'),
        ['mynumber_card', 'qualification_notice'],
        ['mynumber_card', 'portal_screen'],
      ],
      fallback: 'self_pay',
      reasons: ['R-13'],
    },
  ],

  // --- nothing valid ------------------------------------------------------------------------
  [
    'nothing shown, 2026-11-22, no online check',
    'R-13',
    sit({}),
    {
      decision: 'need_more',
      missing: [
        k('qualification_certificate'),
        ['mynumber_card', 'qualification_notice'],
        ['mynumber_card', 'portal_screen'],
        ['smartphone_mynumber', 'portal_screen'],
      ],
      fallback: 'self_pay',
      reasons: ['R-13', 'R-01-emergency'],
    },
  ],
  [
    'nothing shown, online facility',
    'R-13',
    sit(A),
    { decision: 'need_more', missingHas: [k('qualification_certificate'), k('mynumber_card')], fallback: 'self_pay' },
  ],

  // --- which document a 後期高齢者 is likely to hold (hints) ---------------------------
  [
    '後期 80, nothing, 2025-07-31: before blanket issuance',
    'R-14-all',
    sit({ insurer: 'kouki', birth: AGE80, date: '2025-07-31' }),
    { decision: 'need_more', reasonsLack: ['R-14-all', 'R-14-holders'] },
  ],
  [
    '後期 80, nothing, 2025-08-01: everyone holds a 資格確認書',
    'R-14-all',
    sit({ insurer: 'kouki', birth: AGE80, date: '2025-08-01' }),
    { decision: 'need_more', reasons: ['R-14-all'] },
  ],
  [
    '後期 80, nothing, 2026-07-31: still blanket issuance',
    'R-14-all',
    sit({ insurer: 'kouki', birth: AGE80, date: '2026-07-31' }),
    { decision: 'need_more', reasons: ['R-14-all'], reasonsLack: ['R-14-holders'] },
  ],
  [
    '後期 80, nothing, 2026-08-01: holders/non-holders split',
    'R-14-holders',
    sit({ insurer: 'kouki', birth: AGE80, date: '2026-08-01' }),
    { decision: 'need_more', reasons: ['R-14-holders'], reasonsLack: ['R-14-all', 'R-14-85plus'] },
  ],
  [
    '後期, 85 on 2026-08-01 (born 1941-08-01)',
    'R-14-85plus',
    sit({ insurer: 'kouki', birth: '1941-08-01' }),
    { decision: 'need_more', reasons: ['R-14-85plus'] },
  ],
  [
    '後期, 84 on 2026-08-01 (born 1941-08-02)',
    'R-14-85plus',
    sit({ insurer: 'kouki', birth: '1941-08-02' }),
    { decision: 'need_more', reasonsLack: ['R-14-85plus'] },
  ],

  // --- 限度額適用認定証 ----------------------------------------------------------------------
  [
    '後期 限度額適用認定証 on 2025-07-31 (still valid)',
    'R-18-kouki-old',
    sit(
      { insurer: 'kouki', birth: AGE80, date: '2025-07-31' },
      qc({ burdenRatio: 0.1 }),
      limitCert({ expiry: '2025-07-31' }),
    ),
    { decision: 'accept', ratio: 0.1, reasons: ['R-18-kouki-old'] },
  ],
  [
    '後期 限度額適用認定証 on 2025-08-01 (no longer valid)',
    'R-18-kouki',
    sit({ insurer: 'kouki', birth: AGE80, date: '2025-08-01' }, qc({ burdenRatio: 0.1 }), limitCert()),
    { decision: 'accept', ratio: 0.1, reasons: ['R-18-kouki'], reasonsLack: ['R-18-kouki-old'] },
  ],
  [
    '後期 限度額適用認定証 on 2026-11-22',
    'R-18-kouki',
    sit({ insurer: 'kouki', birth: AGE80 }, qc({ burdenRatio: 0.2 }), limitCert({ expiry: '2027-07-31' })),
    { decision: 'accept', ratio: 0.2, reasons: ['R-18-kouki'] },
  ],
  [
    '国保 限度額適用認定証 still issued',
    'R-18',
    sit({ insurer: 'kokuho' }, qc(), limitCert({ expiry: '2027-07-31' })),
    { decision: 'accept', ratio: 0.3, reasons: ['R-18'] },
  ],
  [
    '協会けんぽ 限度額適用認定証 expired',
    'R-18',
    sit({}, qc(), limitCert({ expiry: '2026-10-31' })),
    { decision: 'accept', ratio: 0.3, reasons: ['R-18'] },
  ],

  // --- 特定疾病 --------------------------------------------------------------------------------
  [
    '特定疾病, 資格確認書 without the entry → ask for the 受療証',
    'R-19',
    sit({ specificDisease: true }, qc()),
    { decision: 'accept', collect: ['specific_disease_certificate'], reasons: ['R-19'] },
  ],
  [
    '特定疾病 printed on the 資格確認書',
    'R-19',
    sit({ specificDisease: true }, qc({ specificDiseaseNoted: true })),
    { decision: 'accept', collect: [] },
  ],
  [
    '特定疾病 受療証 shown',
    'R-19',
    sit({ specificDisease: true, insurer: 'kokuho' }, qc(), diseaseCert({ expiry: '2027-07-31' })),
    { decision: 'accept', collect: [], reasons: ['R-19'] },
  ],

  // --- 公費 -------------------------------------------------------------------------------------
  [
    '公費 holder with 資格確認書 → collect the 受給者証',
    'R-22',
    sit({ publicSubsidy: true }, qc()),
    { decision: 'accept', ratio: 0.3, collect: ['public_subsidy_certificate'], reasons: ['R-22'] },
  ],
  [
    '公費 holder with card at online facility → still collect',
    'R-22',
    sit({ ...A, publicSubsidy: true }, card()),
    { decision: 'check_online', collectHas: ['public_subsidy_certificate'] },
  ],
  [
    '公費 受給者証 shown',
    'R-22',
    sit({ publicSubsidy: true, birth: CHILD }, qc(), subsidyCert({ expiry: '2027-03-31' })),
    { decision: 'accept', ratio: 0.2, collect: [], reasons: ['R-22'] },
  ],
  [
    '公費 holder, nothing valid → still collect',
    'R-22',
    sit({ publicSubsidy: true }),
    { decision: 'need_more', collectHas: ['public_subsidy_certificate'] },
  ],
  // Fixed after review against the domain reference (were disputed):
  // 「後期 cards expired 2025-07-31」 — an old 後期 保険証 without a printed expiry is no longer valid in August…
  [
    'old 後期 保険証 without printed expiry on 2025-08-15 is no longer valid',
    'R-05-kouki',
    sit({ insurer: 'kouki', birth: AGE80, date: '2025-08-15' }, legacy()),
    { decision: 'need_more', fallback: 'self_pay' },
  ],
  // …and from 2025-08-04 the 後期 暫定的な取扱い applies to it at an online facility.
  [
    'old 後期 保険証 without printed expiry on 2025-08-15, online → 暫定 look-up',
    'R-06-kouki',
    sit({ ...A, insurer: 'kouki', birth: AGE80, date: '2025-08-15' }, legacy()),
    { decision: 'check_online', reasons: ['R-06-kouki'] },
  ],
  // §2.4: the 高齢受給者証 is issued by 健保 and 国保 only; a 後期 member aged 70–74 (障害認定) has none.
  [
    '後期 member aged 72: never asked for a 高齢受給者証',
    'R-17',
    sit({ insurer: 'kouki', birth: AGE72 }, qc({ expiry: '2027-07-31' })),
    { decision: 'accept', collectLacks: ['elderly_recipient_certificate'] },
  ],
  // a 70–74 お知らせ expires on 7/31 and is reissued: ask for the current one.
  [
    'card + expired お知らせ (70–74): ask for the current お知らせ',
    'R-16',
    sit({ birth: AGE72 }, card(), notice({ expiry: '2026-07-31' })),
    { decision: 'need_more', missingHas: [k('qualification_notice'), k('portal_screen')] },
  ],
  // a saved PDF shown as well must not hide the live screen.
  [
    'smartphone + saved PDF + live portal screen',
    'R-10',
    sit({}, phone(), portal('pdf'), portal('screen')),
    { decision: 'accept', ratio: 0.3 },
  ],
  // Several cards: the first usable one counts.
  [
    'unregistered card entered before a registered one + お知らせ',
    'R-02',
    sit({}, card({ insuranceRegistered: false }), card(), notice()),
    { decision: 'accept', ratio: 0.3 },
  ],
  // §2.3: the portal screen shows the 負担割合.
  [
    'card + portal screen showing 2割 at 72: no 高齢受給者証 needed',
    'R-17',
    sit({ birth: AGE72 }, card(), portal('screen', 0.2)),
    { decision: 'accept', ratio: 0.2, collectLacks: ['elderly_recipient_certificate'] },
  ],
  // ===== December 2026 corrections (domain update-2026-12.md; each row names its source) ========
  // 1. Smartphone without a smartphone reader: a live マイナポータル login (京都府医師会 2025-10-15 quoting MHLW 疑義解釈 2025-09-18).
  [
    'smartphone + saved PDF (京都府医師会/MHLW 疑義解釈): the live screen is asked for first',
    'R-10',
    sit({}, phone(), portal('pdf')),
    {
      decision: 'need_more',
      first: 'R-10',
      portalAsked: ['live'],
      missing: [k('portal_screen'), k('mynumber_card'), k('qualification_certificate')],
    },
  ],
  [
    'smartphone + screenshot (京都府医師会/MHLW 疑義解釈): not this route',
    'R-10',
    sit({}, phone(), portal('screenshot')),
    { decision: 'need_more', first: 'R-10', portalAsked: ['live'] },
  ],
  [
    'smartphone + live screen, no online check (京都府医師会/MHLW 疑義解釈)',
    'R-10',
    sit({}, phone(), portal('live')),
    { decision: 'accept', ratio: 0.3, reasons: ['R-10'] },
  ],
  [
    'smartphone, no reader (京都府医師会/MHLW 疑義解釈): the live screen first',
    'R-10',
    sit(A, phone()),
    {
      decision: 'need_more',
      first: 'R-10',
      portalAsked: ['live'],
      missing: [k('portal_screen'), k('qualification_certificate'), k('mynumber_card')],
    },
  ],
  [
    'PDF alone (京都府医師会/MHLW 疑義解釈): never the smartphone alone, which the PDF cannot complete',
    'R-10',
    sit({}, portal('pdf')),
    {
      decision: 'need_more',
      missingLacks: [k('smartphone_mynumber')],
      missingHas: [['smartphone_mynumber', 'portal_screen'], k('mynumber_card')],
    },
  ],
  [
    'card + screenshot (仙台市, wic-net 17708/5: screen or PDF only)',
    'R-02',
    sit({}, card(), portal('screenshot')),
    { decision: 'need_more', reasons: ['R-02'], portalAsked: ['live', 'pdf'] },
  ],
  [
    'card + live screen (仙台市)',
    'R-02',
    sit({}, card(), portal('live')),
    { decision: 'accept', ratio: 0.3, reasons: ['R-02'] },
  ],
  // 2. Unregistered card: registration on the spot (MHLW newpage_50657); 10割 only where that is impossible.
  [
    'unregistered card, no online check (MHLW newpage_50657): no reader to register on → 10割',
    'R-01-register',
    sit({}, card({ insuranceRegistered: false })),
    { decision: 'need_more', fallback: 'self_pay', first: 'R-01', reasonsLack: ['R-01-register'] },
  ],
  [
    'unregistered card, check down (MHLW newpage_50657): not now',
    'R-01-register',
    sit(DOWN, card({ insuranceRegistered: false })),
    { decision: 'need_more', fallback: 'self_pay', reasonsLack: ['R-01-register'] },
  ],
  [
    'unregistered card + 資格確認書 (MHLW newpage_50657): the certificate decides',
    'R-04',
    sit(A, card({ insuranceRegistered: false }), qc()),
    { decision: 'accept', first: 'R-04' },
  ],
  // 3. Scopes (update-2026-12 §6: 相模原市/文京区 国保; 協会けんぽ お知らせ does not lapse at 70).
  [
    '協会けんぽ お知らせ does not lapse at 70 (update-2026-12 §6)',
    'R-15-turning70',
    sit({ birth: '1956-11-15', date: '2026-12-01' }, card(), notice()),
    { decision: 'accept', reasonsLack: ['R-15-turning70'] },
  ],
  [
    '協会けんぽ 資格確認書 issued before 70 is not ended at 70 (update-2026-12 §6)',
    'R-15-turning70',
    sit({ birth: '1956-11-15', date: '2026-12-01' }, qc({ issueDate: '2025-08-01' })),
    { decision: 'accept', reasonsLack: ['R-15-turning70'] },
  ],
  [
    '国保 70+ 資格確認書 mailed in the birthday month, printing 2割, is the 70+ one (相模原市, 文京区)',
    'R-15-turning70',
    sit(
      { insurer: 'kokuho', birth: '1956-11-15', date: '2026-12-01' },
      qc({ issueDate: '2026-11-10', burdenRatio: 0.2 }),
    ),
    { decision: 'accept', ratio: 0.2, reasonsLack: ['R-15-turning70'] },
  ],
  [
    '国保 お知らせ of the birthday month printing 2割 + card (相模原市, 文京区)',
    'R-15-turning70',
    sit(
      { insurer: 'kokuho', birth: '1956-11-15', date: '2026-12-01' },
      card(),
      notice({ issueDate: '2026-11-10', burdenRatio: 0.2 }),
    ),
    { decision: 'accept', ratio: 0.2 },
  ],
  [
    '国保 資格確認書 of the birthday month without a share still ends with the month (相模原市)',
    'R-15-turning70',
    sit({ insurer: 'kokuho', birth: '1956-11-15', date: '2026-12-01' }, qc({ issueDate: '2026-11-10' })),
    { decision: 'need_more', first: 'R-15-turning70' },
  ],
  [
    '協会けんぽ foreign resident: the 国保 period-of-stay bound does not apply (港区 国保)',
    'R-15-residence',
    sit({ residenceExpiry: '2026-11-20' }, qc()),
    { decision: 'accept', reasonsLack: ['R-15-residence'] },
  ],
  [
    '後期 aged 86 with nothing: the 85+ hint, not the holders hint (埼玉県広域連合)',
    'R-14-85plus',
    sit({ insurer: 'kouki', birth: '1938-01-01' }),
    { decision: 'need_more', reasons: ['R-14-85plus'], reasonsLack: ['R-14-holders'] },
  ],
  [
    '後期 aged 80 with nothing: the holders hint (魚沼市)',
    'R-14-holders',
    sit({ insurer: 'kouki', birth: AGE80 }),
    { decision: 'need_more', reasons: ['R-14-holders'], reasonsLack: ['R-14-85plus'] },
  ],
  [
    '後期 aged 80, unregistered card: no holders hint (魚沼市: non-holders get a 資格確認書)',
    'R-14-holders',
    sit({ insurer: 'kouki', birth: AGE80 }, card({ insuranceRegistered: false })),
    { decision: 'need_more', reasonsLack: ['R-14-holders'] },
  ],
  [
    "72, card + お知らせ without share + live screen showing 2割 → the screen's share (wic-net 17708/5 flow chart)",
    'R-17',
    sit({ birth: AGE72 }, card(), notice(), portal('live', 0.2)),
    { decision: 'accept', ratio: 0.2, collectLacks: ['elderly_recipient_certificate'] },
  ],
  // 4. Card past its grace + お知らせ (協会けんぽ 2025-07-16, JDA flow): R-08 explains, no "show it with the card".
  [
    'lapsed card + お知らせ, check down (協会けんぽ 2025-07-16; JDA flow): 申立書 + card',
    'R-08',
    sit({ ...DOWN, date: '2026-09-01' }, card({ certificateExpiry: '2026-05-10' }), notice()),
    {
      decision: 'need_more',
      fallback: 'declaration',
      first: 'R-08',
      missing: [k('qualification_certificate')],
      reasons: ['R-03', 'R-12'],
    },
  ],
  [
    'lapsed card + お知らせ, no online check (協会けんぽ 2025-07-16)',
    'R-08',
    sit({ date: '2026-09-01' }, card({ certificateExpiry: '2026-05-10' }), notice()),
    { decision: 'need_more', fallback: 'self_pay', first: 'R-08', missing: [k('qualification_certificate')] },
  ],
  // 5. 特別療養 on an お知らせ (吉見町 国保); children up to the 31 March after reaching 18 are not issued one.
  [
    '国保 card + お知らせ(特別療養), no online check (吉見町) → 10割',
    'R-20-notice',
    sit({ insurer: 'kokuho' }, card(), notice({ specialMedicalExpense: true })),
    { decision: 'self_pay', ratio: 1, first: 'R-20-notice' },
  ],
  [
    '国保 child of 15, card + お知らせ(特別療養) (吉見町) → flagged for staff, not applied',
    'R-20-notice',
    sit({ insurer: 'kokuho', birth: '2011-05-05' }, card(), notice({ specialMedicalExpense: true })),
    { decision: 'accept', ratio: 0.3, reasons: ['R-20-notice'], staffChecks: ['special_medical_expense_on_child'] },
  ],
  [
    '国保 資格確認書(特別療養) of someone born 2008-04-02 (吉見町: exempt until 2027-03-31) → flagged',
    'R-20',
    sit({ insurer: 'kokuho', birth: '2008-04-02' }, qc({ specialMedicalExpense: true })),
    { decision: 'accept', staffChecks: ['special_medical_expense_on_child'] },
  ],
  [
    '国保 資格確認書(特別療養) of someone born 2008-04-01 (吉見町: exempt until 2026-03-31) → 10割',
    'R-20',
    sit({ insurer: 'kokuho', birth: '2008-04-01' }, qc({ specialMedicalExpense: true })),
    { decision: 'self_pay', ratio: 1 },
  ],
  [
    '協会けんぽ お知らせ marked 特別療養: no 特別療養 outside 国保/後期 (吉見町 国保 only)',
    'R-20-notice',
    sit({}, card(), notice({ specialMedicalExpense: true })),
    { decision: 'accept', reasonsLack: ['R-20-notice', 'R-20'] },
  ],
  // 6. 医療扶助 (呉市, 相模原市): not health insurance; 医療券 or the 医療扶助 online check.
  [
    '医療扶助, valid 医療券 (呉市, 相模原市)',
    'R-22-iryofujo',
    sit({ medicalAssistance: true }, subsidyCert({ expiry: '2026-11-30' })),
    { decision: 'accept', ratio: null, first: 'R-22-iryofujo' },
  ],
  [
    '医療扶助, card at an online facility (呉市): the 医療扶助 online check',
    'R-22-iryofujo',
    sit({ ...A, medicalAssistance: true }, card({ insuranceRegistered: false })),
    { decision: 'check_online', ratio: null, first: 'R-22-iryofujo' },
  ],
  [
    '医療扶助, nothing shown (相模原市): the 医療券 first, no 療養費 claim',
    'R-22-iryofujo',
    sit({ medicalAssistance: true }),
    {
      decision: 'need_more',
      first: 'R-22-iryofujo',
      reasonsLack: ['R-13'],
      missingHas: [k('public_subsidy_certificate')],
    },
  ],
  [
    '医療扶助 + 被用者保険 資格確認書 (呉市): insurance decides, 医療扶助 noted',
    'R-22-iryofujo',
    sit({ medicalAssistance: true }, qc()),
    { decision: 'accept', ratio: 0.3, first: 'R-04', reasons: ['R-22-iryofujo'] },
  ],
  // 7. 限度額 (長岡市 2024-12-02): consent at an online facility; the certificate elsewhere.
  [
    '限度額, 資格確認書 at an online facility (長岡市): consent, no 認定証',
    'R-18-consent',
    sit({ ...A, highCostLimit: true, insurer: 'kokuho' }, qc()),
    { decision: 'accept', reasons: ['R-18-consent'], collectLacks: ['limit_certificate'] },
  ],
  [
    '限度額, 資格確認書 without online checks (長岡市, 大分市): the 認定証',
    'R-18-consent',
    sit({ highCostLimit: true, insurer: 'kokuho' }, qc()),
    { decision: 'accept', reasons: ['R-18-consent'], collect: ['limit_certificate'] },
  ],
  [
    '限度額, 後期 資格確認書 without online checks (幸手市): no 認定証 exists',
    'R-18-kouki',
    sit({ highCostLimit: true, insurer: 'kouki', birth: AGE80 }, qc({ burdenRatio: 0.1 })),
    { decision: 'accept', collectLacks: ['limit_certificate'], reasonsLack: ['R-18-consent'] },
  ],
  [
    '限度額, 認定証 shown (長岡市)',
    'R-18',
    sit({ ...A, highCostLimit: true, insurer: 'kokuho' }, qc(), limitCert({ expiry: '2027-07-31' })),
    { decision: 'accept', reasons: ['R-18'], reasonsLack: ['R-18-consent'] },
  ],
  // 9. The reason that explains comes first, the 10割 instruction after it.
  [
    'lapsed card at an online facility: R-08 first, then the 申立書',
    'R-08',
    sit({ ...A, date: '2026-09-01' }, card({ certificateExpiry: '2026-05-10' })),
    { decision: 'need_more', first: 'R-08', fallback: 'declaration' },
  ],
  [
    'お知らせ alone today: R-03 first, then 10割',
    'R-03',
    sit(A, notice()),
    { decision: 'need_more', first: 'R-03', fallback: 'self_pay' },
  ],
  [
    'old 保険証 today: R-01 (not among the methods in force) first, then 10割',
    'R-01',
    sit({}, legacy()),
    { decision: 'need_more', first: 'R-01', reasons: ['R-05', 'R-13'] },
  ],
  [
    'expired 資格確認書: R-04 first, then 10割',
    'R-04',
    sit({}, qc({ expiry: '2026-07-31' })),
    { decision: 'need_more', first: 'R-04', reasons: ['R-13'] },
  ],
  ['nothing shown: the 10割 instruction is the explanation', 'R-13', sit({}), { decision: 'need_more', first: 'R-13' }],
];

// -----------------------------------------------------------------------------------------------

const sameSet = (a: readonly string[], b: readonly string[]) => expect([...a].sort()).toEqual([...b].sort());

function check(v: Verdict, e: Expect): void {
  expect(v.decision).toBe(e.decision);
  // Contract: at least one reason, each with a ruleId of the rulebook.
  expect(v.reasons.length).toBeGreaterThan(0);
  for (const r of v.reasons) expect(RULE_IDS.has(r.ruleId), r.ruleId).toBe(true);
  if (v.decision === 'need_more') expect(v.fallback).toBeDefined();
  else {
    expect(v.fallback).toBeUndefined();
    expect(v.missing).toEqual([]);
  }
  if (e.missing) expect(v.missing).toEqual(e.missing);
  for (const alt of e.missingHas ?? []) expect(v.missing).toContainEqual(alt);
  for (const kind of e.missingNever ?? []) expect(v.missing.flat()).not.toContain(kind);
  if (e.fallback) expect(v.fallback).toBe(e.fallback);
  if (e.ratio !== undefined) expect(v.burdenRatio).toBe(e.ratio ?? undefined);
  if (e.collect) sameSet(v.collect, e.collect);
  for (const c of e.collectHas ?? []) expect(v.collect).toContain(c);
  for (const c of e.collectLacks ?? []) expect(v.collect).not.toContain(c);
  const ids = ruleIdsOf(v);
  for (const id of e.reasons ?? []) expect(ids).toContain(id);
  for (const id of e.reasonsLack ?? []) expect(ids).not.toContain(id);
  if (e.first) expect(ids[0]).toBe(e.first);
  for (const alt of e.missingLacks ?? []) expect(v.missing).not.toContainEqual(alt);
  if (e.portalAsked) {
    const i = v.missing.findIndex((m) => m.includes('portal_screen'));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(v.missingDetails?.[i]?.portalFormats).toEqual(e.portalAsked);
  }
  if (e.staffChecks) expect(v.staffChecks ?? []).toEqual(e.staffChecks);
  else expect(v.staffChecks).toBeUndefined();
}

describe('desk scenarios', () => {
  it('has at least 90 scenarios with unique names', () => {
    expect(rows.length).toBeGreaterThanOrEqual(90);
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
  });

  it.each(rows)('%s [%s]', (_name, rule, situation, expected) => {
    expect(RULE_IDS.has(rule), `rule ${rule} is not in the rulebook`).toBe(true);
    check(run(situation), expected);
  });

  it('a lapsed card ends the smartphone online check (R-07) but not the live portal screen (R-10)', () => {
    const R: SitOpts = { ...A, reader: true, date: '2025-09-19' };
    expect(run(sit(R, phone())).decision).toBe('check_online');
    expect(run(sit(R, card({ cardExpiry: '2025-05-31' }), phone())).decision).toBe('need_more');
    expect(run(sit(R, card({ cardExpiry: '2025-05-31' }), phone(), portal())).decision).toBe('accept');
  });

  it('the same expired 保険証 / お知らせ-only situation differs between 2025-12-05 and 2026-11-22', () => {
    for (const doc of [notice(), legacy({ expiry: '2025-12-01' })]) {
      const then = run(sit({ ...A, date: THEN }, doc));
      const now = run(sit({ ...A, date: NOW }, doc));
      expect(then.decision).toBe('check_online');
      expect(now.decision).toBe('need_more');
    }
  });
});
