/**
 * 保険者番号 validation.
 *
 * Layout and check digit follow the MHLW 保険者番号設定要領:
 *   - 8 digits: 法別番号2 + 都道府県番号2 + 保険者別番号3 + 検証番号1
 *   - 6 digits (国民健康保険): 都道府県番号2 + 保険者別番号3 + 検証番号1, no 法別番号
 * The 検証番号 is a Luhn-style mod 10 over the other digits.
 */

import { prefectureOf } from './prefectures.ts';
import { toHalfWidth } from './text.ts';

export type InsurerScheme = 'kokuho' | 'kouki' | 'kyokai' | 'kumiai' | 'kyosai' | 'other';

export type InsurerNumberCheck =
  | {
      valid: true;
      normalized: string;
      format: 'kokuho6' | 'standard8';
      houbetsu?: string;
      prefecture?: string;
      scheme: InsurerScheme;
    }
  | {
      valid: false;
      normalized?: string;
      reason: 'not_digits' | 'bad_length' | 'check_digit';
      expectedCheckDigit?: number;
    };

export interface HoubetsuEntry {
  readonly houbetsu: string;
  readonly name: string;
  readonly scheme: InsurerScheme;
}

/** 法別番号 that can appear in an 8-digit 保険者番号. Unknown ones map to 'other'. */
export const HOUBETSU_TABLE: readonly HoubetsuEntry[] = [
  { houbetsu: '01', name: '全国健康保険協会（協会けんぽ）', scheme: 'kyokai' },
  { houbetsu: '02', name: '船員保険', scheme: 'other' },
  { houbetsu: '03', name: '日雇特例被保険者の保険（一般療養）', scheme: 'kyokai' },
  { houbetsu: '04', name: '日雇特例被保険者の保険（特別療養費）', scheme: 'kyokai' },
  { houbetsu: '06', name: '組合管掌健康保険', scheme: 'kumiai' },
  { houbetsu: '07', name: '防衛省職員給与法による自衛官等の療養の給付', scheme: 'kyosai' },
  { houbetsu: '31', name: '国家公務員共済組合', scheme: 'kyosai' },
  { houbetsu: '32', name: '地方公務員等共済組合', scheme: 'kyosai' },
  { houbetsu: '33', name: '警察共済組合', scheme: 'kyosai' },
  { houbetsu: '34', name: '公立学校共済組合・日本私立学校振興・共済事業団', scheme: 'kyosai' },
  { houbetsu: '39', name: '後期高齢者医療', scheme: 'kouki' },
  { houbetsu: '63', name: '特定健康保険組合（特例退職被保険者）', scheme: 'kumiai' },
  // 退職者医療制度 was abolished (経過措置 ended 2015) but old cards still show up.
  { houbetsu: '67', name: '国民健康保険（退職者医療）', scheme: 'kokuho' },
  { houbetsu: '72', name: '国家公務員特定共済組合（特例退職）', scheme: 'kyosai' },
  { houbetsu: '73', name: '地方公務員等特定共済組合（特例退職）', scheme: 'kyosai' },
  { houbetsu: '74', name: '警察特定共済組合（特例退職）', scheme: 'kyosai' },
  { houbetsu: '75', name: '公立学校特定共済組合・日本私立学校振興・共済事業団（特例退職）', scheme: 'kyosai' },
];

/**
 * 検証番号 for `base` (the number without its last digit): from the rightmost digit of the base,
 * weights 2,1,2,1…; two-digit products are summed digit-wise; result is (10 - sum % 10) % 10.
 */
export function insurerCheckDigit(base: string): number {
  if (!/^\d+$/.test(base)) throw new RangeError(`base must be digits: ${base}`);
  let sum = 0;
  for (let i = 0; i < base.length; i++) {
    const digit = Number(base[base.length - 1 - i]);
    const p = i % 2 === 0 ? digit * 2 : digit;
    sum += p > 9 ? p - 9 : p; // digit-wise sum of a two-digit product (max 18)
  }
  return (10 - (sum % 10)) % 10;
}

/** Scheme of an already normalised (digits only) 保険者番号; 'other' when it is neither 6 nor 8 digits. */
export function schemeOfInsurerNumber(normalized: string): InsurerScheme {
  if (/^\d{6}$/.test(normalized)) return 'kokuho';
  if (!/^\d{8}$/.test(normalized)) return 'other';
  const houbetsu = normalized.slice(0, 2);
  return HOUBETSU_TABLE.find((e) => e.houbetsu === houbetsu)?.scheme ?? 'other';
}

/**
 * Checks the shape and 検証番号 of a typed or scanned 保険者番号. Never corrects a number: a bad
 * check digit is reported with the expected digit so staff can re-read the card.
 */
export function validateInsurerNumber(raw: string): InsurerNumberCheck {
  const normalized = toHalfWidth(raw).replace(/[\s-]/g, '');
  // Empty input counts as a length problem: nothing non-numeric was typed.
  if (normalized.length > 0 && !/^\d+$/.test(normalized)) return { valid: false, normalized, reason: 'not_digits' };
  if (normalized.length !== 6 && normalized.length !== 8) return { valid: false, normalized, reason: 'bad_length' };

  const expected = insurerCheckDigit(normalized.slice(0, -1));
  if (Number(normalized.slice(-1)) !== expected) {
    return { valid: false, normalized, reason: 'check_digit', expectedCheckDigit: expected };
  }

  const format = normalized.length === 6 ? 'kokuho6' : 'standard8';
  const houbetsu = format === 'standard8' ? normalized.slice(0, 2) : undefined;
  const pref = format === 'standard8' ? normalized.slice(2, 4) : normalized.slice(0, 2);
  const prefNum = Number(pref);
  // An unknown 都道府県番号 is only left out, not rejected: the check digit is the authority here.
  const prefecture = prefNum >= 1 && prefNum <= 47 ? pref : undefined;

  return {
    valid: true,
    normalized,
    format,
    ...(houbetsu !== undefined && { houbetsu }),
    ...(prefecture !== undefined && { prefecture }),
    scheme: schemeOfInsurerNumber(normalized),
  };
}

/** A prefecture's 協会けんぽ 支部 is named for it without 都府県 (北海道, 東京, 愛媛). */
export const kyokaiBranchOf = (prefecture: string): string =>
  prefecture === '北海道' ? prefecture : prefecture.replace(/[都府県]$/, '');

/** A prefecture's one 後期高齢者医療広域連合 (「東京都後期高齢者医療広域連合」). */
export const koukiUnionName = (prefecture: string): string => `${prefecture}後期高齢者医療広域連合`;

/**
 * The insurer's name where the number alone decides it: 協会けんぽ has one 支部 per prefecture
 * (法別 01, 保険者別番号 001: 「全国健康保険協会 東京支部」) and 後期高齢者医療 one 広域連合 per
 * prefecture (法別 39: 「東京都後期高齢者医療広域連合」). Undefined for every other insurer and
 * for a number that fails its check.
 */
export function insurerNameOf(raw: string): string | undefined {
  const check = validateInsurerNumber(raw);
  if (!check.valid || !check.prefecture) return undefined;
  const prefecture = prefectureOf(check.prefecture);
  if (!prefecture) return undefined;
  if (check.houbetsu === '01' && check.normalized.slice(4, 7) === '001')
    return `全国健康保険協会${kyokaiBranchOf(prefecture)}支部`;
  if (check.houbetsu === '39') return koukiUnionName(prefecture);
  return undefined;
}
