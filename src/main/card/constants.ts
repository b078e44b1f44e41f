/**
 * My Number Card facts from the domain reference (shared/domain/mynumber-card.md §1–§3, §6).
 * Full 10-byte AIDs always: JICSAP lets a prefix select a DF, so a partial AID is never sent.
 */
export const AID = {
  /** 公的個人認証AP */
  jpki: Buffer.from('D392F000260100000001', 'hex'),
  /** 券面事項入力補助AP — only its EF 0002 (基本4情報) and PIN 0011 are ever touched. */
  kenhojo: Buffer.from('D3921000310001010408', 'hex'),
  /** 券面事項確認AP — never selected by this app (its EF 0005 is the 個人番号 image). */
  kenkaku: Buffer.from('D3921000310001010402', 'hex'),
} as const;

export const EF = {
  jpki: { tokenInfo: 0x0006, authCert: 0x000a, authCaCert: 0x000b, authKey: 0x0017, authPin: 0x0018 },
  kenhojo: { basicInfo: 0x0002, pin: 0x0011 },
} as const;

export const TOKEN_LABELS = {
  JPKIAPICCTOKEN2: 'mynumber_card',
  JPKIAPICCTOKEN: 'juki_card',
  JPKIAPGPSETOKEN: 'android_phone',
  JPKIAPIOSTOKEN: 'iphone',
} as const;

/** SHA-256 DigestInfo prefix (DER) that the card wraps in PKCS#1 v1.5 type-01 padding. */
export const SHA256_DIGEST_INFO_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');
