/**
 * The words of the CSV export. The file is opened in Excel by the clinic's office in Japan, so
 * headers and values are Japanese (no codes); dates stay 西暦 YYYY-MM-DD so Excel sorts them.
 */
import type { Decision, Fallback, InsurerType, OnlineCheck } from '../../shared/rules/vocabulary.ts';
import type { DOCUMENT_SOURCES } from '../../shared/store/records.ts';

export const CSV_HEADERS = {
  id: '番号',
  time: '日時',
  checkDate: '確認日',
  staff: '担当',
  onlineCheck: 'オンライン資格確認',
  name: '氏名',
  birthDate: '生年月日',
  insurerType: '保険の種類',
  documents: '提示書類',
  fields: '書類の項目',
  decision: '判定',
  fallback: '書類を出せないとき',
  burdenRatio: '負担割合',
  rules: 'ルール',
  rulebook: 'ルールブック',
  app: 'アプリ',
  note: '備考',
  hash: 'ハッシュ',
} as const;

export const ONLINE_CHECK_WORDS: Record<OnlineCheck, string> = {
  available: 'あり',
  unavailable: 'なし',
  down: '一時的に使えない',
};

export const INSURER_TYPE_WORDS: Record<InsurerType, string> = {
  kokuho: '国民健康保険',
  kouki: '後期高齢者医療',
  kyokai: '協会けんぽ',
  kumiai: '健康保険組合',
  kyosai: '共済組合',
  other: 'その他',
};

export const DECISION_WORDS: Record<Decision, string> = {
  accept: '使えます',
  need_more: '追加の書類が必要',
  check_online: 'オンライン資格確認で確認',
  self_pay: '10割負担',
};

export const FALLBACK_WORDS: Record<Fallback, string> = {
  declaration: '被保険者資格申立書',
  self_pay: '10割負担（後日 療養費）',
};

export const SOURCE_WORDS: Record<(typeof DOCUMENT_SOURCES)[number], string> = {
  card: 'カード',
  ocr: '読み取り',
  manual: '手入力',
};

/** Names of the fields a logged document carries (document-fields LOGGED, and what the card adds). */
export const FIELD_WORDS: Record<string, string> = {
  insurerNumber: '保険者番号',
  insurerName: '保険者名',
  symbol: '記号',
  number: '番号',
  branch: '枝番',
  issueDate: '交付年月日',
  expiry: '有効期限',
  certificateExpiry: '電子証明書の有効期限',
  cardExpiry: 'カードの有効期限',
  insuranceRegistered: '保険証利用登録',
  burdenRatio: '負担割合',
  limitCategory: '適用区分',
  specialMedicalExpense: '特別療養費',
  specificDiseaseNoted: '特定疾病の記載',
  detailsChanged: '交付後の変更',
  format: '表示のかたち',
  token: 'カードの種類',
  certificateStatus: '電子証明書',
  genuine: '真正性',
};

/** Values that are codes in the log, in words. */
export const VALUE_WORDS: Record<string, Record<string, string>> = {
  format: { live: 'その場の画面', screen: 'その場の画面', pdf: '印刷したPDF', screenshot: 'スクリーンショット' },
  token: {
    mynumber_card: 'マイナンバーカード',
    juki_card: '住基カード',
    android_phone: 'スマホ（Android）',
    iphone: 'スマホ（iPhone）',
    unknown_jpki: '公的個人認証（種類不明）',
    not_jpki: 'マイナンバーカード以外',
  },
  certificateStatus: { valid: '有効', grace: '猶予期間中', expired: '期限切れ' },
};

export const YES = 'あり';
export const NO = 'なし';

/** 一部負担金の割合 as printed: 0.3 → 3割, 1 → 10割. */
export const ratioWords = (r: number): string => `${Math.round(r * 10)}割`;
