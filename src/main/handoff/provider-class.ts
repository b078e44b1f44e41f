/**
 * ORCA's 保険の種類 (InsuranceProvider_Class, 3 digits) from a 保険者番号: a 6-digit number is
 * 国保 (060); an 8-digit one is named by its 法別番号. Evidence: ORCA's 保険番号マスタ (日レセ
 * 操作マニュアル「保険番号」; samples in the patientmod spec use 060 for 国保 and 039 for 後期).
 * 協会けんぽ is 009 since the 2008 change from 政管健保 (001); everything else is 0 + 法別番号.
 */
const BY_HOUBETSU: Readonly<Record<string, string>> = {
  '01': '009',
  '02': '002',
  '03': '003',
  '04': '004',
  '06': '006',
  '07': '007',
  '31': '031',
  '32': '032',
  '33': '033',
  '34': '034',
  '39': '039',
  '63': '063',
  '67': '067',
  '72': '072',
  '73': '073',
  '74': '074',
  '75': '075',
};

/** undefined for a number ORCA has no 保険の種類 for (ORCA then asks staff). */
export function orcaProviderClass(insurerNumber: string): string | undefined {
  if (/^\d{6}$/.test(insurerNumber)) return '060';
  if (/^\d{8}$/.test(insurerNumber)) return BY_HOUBETSU[insurerNumber.slice(0, 2)];
  return undefined;
}

/** 後期高齢者医療 (法別 39) has no 枝番. */
export const isKoukiNumber = (insurerNumber: string): boolean => /^39\d{6}$/.test(insurerNumber);
