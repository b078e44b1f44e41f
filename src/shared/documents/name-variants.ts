/**
 * 旧字・異体字 and the 新字 insurers print in their place.
 *
 * Why: the card's 基本4情報 carry the name as registered at the 住民票 (髙橋, 山﨑, 渡邉), while
 * insurers' systems print within JIS X 0208 and put the 新字 form on the 資格確認書 or お知らせ
 * (高橋, 山崎, 渡辺). The same person must not look like two. Pairs follow the 常用漢字表's
 * 康熙字典体 column and the commonest 人名 variants in 戸籍統一文字; NFKC already folds the
 * compatibility ideographs (U+F900–) except the twelve that Unicode treats as unified (﨑 U+FA11 …).
 */
export const NAME_VARIANTS: readonly (readonly [variant: string, common: string])[] = [
  ['髙', '高'],
  ['﨑', '崎'],
  ['嵜', '崎'],
  ['碕', '崎'],
  ['邊', '辺'],
  ['邉', '辺'],
  ['齋', '斎'],
  ['齊', '斉'],
  ['澤', '沢'],
  ['濱', '浜'],
  ['國', '国'],
  ['廣', '広'],
  ['德', '徳'],
  ['櫻', '桜'],
  ['瀨', '瀬'],
  ['眞', '真'],
  ['壽', '寿'],
  ['惠', '恵'],
  ['榮', '栄'],
  ['實', '実'],
  ['藏', '蔵'],
  ['淺', '浅'],
  ['嶋', '島'],
  ['嶌', '島'],
  ['冨', '富'],
  ['槇', '槙'],
  ['萬', '万'],
  ['與', '与'],
  ['會', '会'],
  ['澁', '渋'],
  ['黑', '黒'],
  ['靜', '静'],
  ['圓', '円'],
  ['兒', '児'],
  ['學', '学'],
  ['彌', '弥'],
  ['豐', '豊'],
  ['禮', '礼'],
  ['峯', '峰'],
  ['嶽', '岳'],
  ['鐵', '鉄'],
  ['關', '関'],
  ['條', '条'],
  ['莊', '荘'],
  ['來', '来'],
  ['龍', '竜'],
  ['驒', '騨'],
];

const FOLD = new Map(NAME_VARIANTS.filter(([v, c]) => v !== c));

/**
 * A name as compared across documents: NFKC (full-width, compatibility ideographs), no spaces of
 * any width, 旧字 folded to 新字, katakana and hiragana kept apart (a kana reading is a different field).
 */
export function nameKey(name: string): string {
  return Array.from(name.normalize('NFKC').replace(/[\s\u3000・･]/g, ''), (c) => FOLD.get(c) ?? c).join('');
}
