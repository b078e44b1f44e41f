/**
 * Data for the independent evaluation corpus (see generate.ts): the seeded PRNG, 保険者番号 check
 * digits, pools of prefectures, municipalities, towns, buildings and names (with readings), date
 * arithmetic and the date styles documents print (和暦, 西暦, full-width digits), and the Mincho and
 * Gothic faces drawn from.
 */
import { PREFECTURES } from '../../src/shared/domain/prefectures.ts';

export function mulberry32(a: number) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export class R {
  f: () => number;
  constructor(seed: number) {
    this.f = mulberry32(seed);
  }
  n() {
    return this.f();
  }
  i(lo: number, hi: number) {
    return lo + Math.floor(this.f() * (hi - lo + 1));
  }
  pick<T>(a: readonly T[]): T {
    return a[Math.floor(this.f() * a.length)]!;
  }
  ch(p: number) {
    return this.f() < p;
  }
  digits(n: number, lead0 = true) {
    let s = '';
    for (let k = 0; k < n; k++) s += k === 0 && !lead0 ? this.i(1, 9) : this.i(0, 9);
    return s;
  }
  shuffle<T>(a: T[]): T[] {
    for (let k = a.length - 1; k > 0; k--) {
      const j = Math.floor(this.f() * (k + 1));
      [a[k], a[j]] = [a[j]!, a[k]!];
    }
    return a;
  }
}

/** 検証番号: from the right, weights 2,1,2,1…, sum of the digits of each product, (10 − sum mod 10) mod 10. */
export function checkDigit(base: string): string {
  let s = 0;
  [...base].reverse().forEach((ch, k) => {
    const p = Number(ch) * (k % 2 === 0 ? 2 : 1);
    s += Math.floor(p / 10) + (p % 10);
  });
  return String((10 - (s % 10)) % 10);
}
export const withCd = (base: string) => base + checkDigit(base);
export const validCd = (n: string) => /^\d+$/.test(n) && checkDigit(n.slice(0, -1)) === n.slice(-1);

/** 都道府県, in JIS X 0401 order (the 保険者番号's 都道府県番号 − 1). */
export const PREFS = PREFECTURES;
export const prefShort = (p: string) => (p === '北海道' ? p : p.replace(/[都府県]$/, ''));
// [pref code, municipality]
export const CITIES: [number, string][] = [
  [1, '札幌市'],
  [1, '函館市'],
  [1, 'ニセコ町'],
  [1, '帯広市'],
  [2, '八戸市'],
  [3, '盛岡市'],
  [4, '仙台市'],
  [4, '石巻市'],
  [5, '横手市'],
  [6, '鶴岡市'],
  [7, 'いわき市'],
  [7, '会津若松市'],
  [8, '大洗町'],
  [8, 'つくば市'],
  [9, '足利市'],
  [10, '高崎市'],
  [11, '川越市'],
  [11, '所沢市'],
  [12, '船橋市'],
  [12, '南房総市'],
  [13, '世田谷区'],
  [13, '台東区'],
  [13, '八王子市'],
  [13, '中野区'],
  [13, '檜原村'],
  [14, '相模原市'],
  [14, '藤沢市'],
  [15, '長岡市'],
  [15, '南魚沼市'],
  [16, '高岡市'],
  [17, '金沢市'],
  [18, '敦賀市'],
  [19, '甲府市'],
  [20, '松本市'],
  [20, '白馬村'],
  [21, '白川村'],
  [21, '岐阜市'],
  [22, '浜松市'],
  [22, '熱海市'],
  [23, '豊田市'],
  [23, '名古屋市'],
  [24, '四日市市'],
  [25, '大津市'],
  [26, '京都市'],
  [26, '宇治市'],
  [27, '堺市'],
  [27, '泉大津市'],
  [27, '枚方市'],
  [28, '姫路市'],
  [28, '神戸市'],
  [28, '新温泉町'],
  [29, '奈良市'],
  [30, '和歌山市'],
  [31, '米子市'],
  [32, '出雲市'],
  [33, '倉敷市'],
  [34, '呉市'],
  [35, '下関市'],
  [36, '阿南市'],
  [37, '高松市'],
  [38, '松山市'],
  [39, '四万十市'],
  [40, '久留米市'],
  [40, '福岡市'],
  [41, '唐津市'],
  [42, '長崎市'],
  [43, '天草市'],
  [44, '別府市'],
  [45, '日南市'],
  [46, '鹿児島市'],
  [46, '奄美市'],
  [47, '那覇市'],
  [47, '宮古島市'],
];
export const TOWNS = [
  '本町',
  '中央',
  '桜丘',
  '緑町',
  '栄町',
  '旭町',
  '若葉台',
  '東雲',
  '新町',
  '錦町',
  '城西',
  '南平台',
  '宮前',
  '高砂',
  '松が丘',
  '花園',
  '泉町',
  '港南',
  '柳川',
  '鶴見',
  '大手町',
  '東雲台',
  '青葉',
  '百合ケ丘',
  '北野',
  '住吉',
  '千早',
  '菖蒲沢',
];
export const BUILDINGS = [
  'コーポ桜',
  'ハイツ緑',
  'メゾン青葉',
  'サンライズ東雲',
  'グランドール錦',
  'レジデンス港南',
  '第二松風荘',
  'パークハイム泉',
];

export const FAM: [string, string][] = (
  [
    '佐藤さとう',
    '鈴木すずき',
    '髙橋たかはし',
    '高橋たかはし',
    '田中たなか',
    '渡邊わたなべ',
    '渡辺わたなべ',
    '伊藤いとう',
    '山本やまもと',
    '中村なかむら',
    '小林こばやし',
    '加藤かとう',
    '吉田よしだ',
    '山田やまだ',
    '佐々木ささき',
    '山口やまぐち',
    '松本まつもと',
    '井上いのうえ',
    '木村きむら',
    '林はやし',
    '齋藤さいとう',
    '斉藤さいとう',
    '清水しみず',
    '山崎やまざき',
    '森もり',
    '池田いけだ',
    '橋本はしもと',
    '阿部あべ',
    '石川いしかわ',
    '前田まえだ',
    '藤原ふじわら',
    '小川おがわ',
    '岡田おかだ',
    '後藤ごとう',
    '長谷川はせがわ',
    '村上むらかみ',
    '近藤こんどう',
    '石井いしい',
    '五十嵐いがらし',
    '東海林しょうじ',
    '小野寺おのでら',
    '吉野よしの',
    '千葉ちば',
    '大和田おおわだ',
    '我孫子あびこ',
    '一ノ瀬いちのせ',
    '比嘉ひが',
    '金城きんじょう',
    '宇佐美うさみ',
    '久保田くぼた',
    '菅原すがわら',
    '服部はっとり',
    '桑原くわばら',
    '曽我部そがべ',
    '日下部くさかべ',
    '御手洗みたらい',
    '百瀬ももせ',
    '濱田はまだ',
    '澤田さわだ',
    '櫻井さくらい',
    '廣瀬ひろせ',
    '髙木たかぎ',
    '二階堂にかいどう',
    '西園寺さいおんじ',
    '長尾ながお',
    '真壁まかべ',
    '宍戸ししど',
    '鬼塚おにづか',
    '狩野かのう',
    '芹沢せりざわ',
    '鶴見つるみ',
    '安齋あんざい',
    '猪股いのまた',
    '鷲尾わしお',
    '勅使河原てしがわら',
    '四方田よもだ',
    '南雲なぐも',
    '栗栖くりす',
    '嶋田しまだ',
    '大和やまと',
    '東ひがし',
    '上原うえはら',
    '仲宗根なかそね',
  ] as const
).map((s) => split(s));
function split(s: string): [string, string] {
  const m = /^([^ぁ-ゖ]+)([ぁ-ゖー]+)$/.exec(s);
  if (m) return [m[1]!, m[2]!];
  const h = s.length / 2;
  if (s.slice(0, h) !== s.slice(h)) throw new Error('bad name ' + s);
  return [s.slice(0, h), s.slice(h)];
}
const G = (l: string[]) => l.map(split);
export const GIV = {
  m: {
    old: G([
      '和夫かずお',
      '茂しげる',
      '清きよし',
      '稔みのる',
      '勇いさむ',
      '博ひろし',
      '正雄まさお',
      '昭二しょうじ',
      '義男よしお',
      '武たけし',
      '進すすむ',
      '三郎さぶろう',
      '徳治とくじ',
      '榮一えいいち',
      '辰五郎たつごろう',
      'トシオとしお',
    ]),
    mid: G([
      '健一けんいち',
      '誠まこと',
      '浩二こうじ',
      '隆たかし',
      '博之ひろゆき',
      '大輔だいすけ',
      '哲也てつや',
      '雄一郎ゆういちろう',
      '慎之介しんのすけ',
      '剛つよし',
      '直樹なおき',
      '亮介りょうすけ',
      '智也ともや',
      'けんじけんじ',
      '淳じゅん',
      '鐵平てっぺい',
    ]),
    young: G([
      '翔太しょうた',
      '悠真ゆうま',
      '蓮れん',
      '湊みなと',
      '陽翔はると',
      '樹いつき',
      '朔さく',
      '颯太そうた',
      '拓海たくみ',
      '大和やまと',
      'ケンタけんた',
      '碧あおい',
      '律りつ',
      'ゆうせいゆうせい',
      '瑛太えいた',
    ]),
  },
  f: {
    old: G([
      '節子せつこ',
      '和子かずこ',
      '幸子さちこ',
      '千代ちよ',
      'トメとめ',
      'キヨきよ',
      'ハルはる',
      '久子ひさこ',
      '美智子みちこ',
      '澄江すみえ',
      '静子しずこ',
      '照代てるよ',
      'フミふみ',
      '登美子とみこ',
      'ミツ子みつこ',
    ]),
    mid: G([
      '由美ゆみ',
      '真由美まゆみ',
      '裕子ゆうこ',
      '久美子くみこ',
      '恵美子えみこ',
      '美穂みほ',
      '智子ともこ',
      'みどりみどり',
      'ゆかりゆかり',
      '香織かおり',
      '麻衣まい',
      '奈々なな',
      '彩あや',
      'さおりさおり',
      '理恵りえ',
    ]),
    young: G([
      '陽菜ひな',
      '結衣ゆい',
      'さくらさくら',
      'ひなたひなた',
      'あかりあかり',
      '凛りん',
      '葵あおい',
      '芽依めい',
      '紬つむぎ',
      '美咲みさき',
      'カナかな',
      '心春こはる',
      '澪みお',
      'ののかののか',
      '莉子りこ',
    ]),
  },
};
export const kata = (s: string) => s.replace(/[ぁ-ゖ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
export const fw = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

// ---------- dates ----------
export const p2 = (n: number) => String(n).padStart(2, '0');
export const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
export const ymd = (s: string) => s.split('-').map(Number) as [number, number, number];
export const addDays = (s: string, n: number) =>
  new Date(Date.parse(s + 'T00:00:00Z') + n * 864e5).toISOString().slice(0, 10);
export const addYears = (s: string, n: number) => {
  const [y, m, d] = ymd(s);
  return iso(y + n, m, d);
};
export const endOfMonth = (y: number, m: number) => iso(y, m + 1, 0);
export function randDate(r: R, from: string, to: string) {
  const a = Date.parse(from),
    b = Date.parse(to);
  let s = new Date(a + Math.floor(r.n() * ((b - a) / 864e5 + 1)) * 864e5).toISOString().slice(0, 10);
  if (s.endsWith('-02-29')) s = s.replace('-02-29', '-02-28');
  return s;
}
export function ageAt(birth: string, on: string) {
  const [by, bm, bd] = ymd(birth),
    [y, m, d] = ymd(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
export const dayBefore75 = (birth: string) => addDays(addYears(birth, 75), -1);
export const next731 = (on: string, plus = 0) => {
  const [y, m] = ymd(on);
  return iso((m <= 7 ? y : y + 1) + plus, 7, 31);
};

export type DS =
  | 'wa'
  | 'waSp'
  | 'waFW'
  | 'waZen'
  | 'Rdot'
  | 'Rdot0'
  | 'kdot'
  | 'sei'
  | 'seiSp'
  | 'seiFW'
  | 'slash'
  | 'slash0'
  | 'dot0';
export const DS_ALL: DS[] = [
  'wa',
  'waSp',
  'waFW',
  'waZen',
  'Rdot',
  'Rdot0',
  'kdot',
  'sei',
  'seiSp',
  'seiFW',
  'slash',
  'slash0',
  'dot0',
];
export function era(s: string): [string, string, string, number] {
  const [y, m, d] = ymd(s);
  const v = y * 10000 + m * 100 + d;
  if (v >= 20190501) return ['令和', 'R', '令', y - 2018];
  if (v >= 19890108) return ['平成', 'H', '平', y - 1988];
  if (v >= 19261225) return ['昭和', 'S', '昭', y - 1925];
  return ['大正', 'T', '大', y - 1911];
}
const sp2 = (n: number) => (n < 10 ? ' ' + n : String(n));
const zen2 = (n: number) => (n < 10 ? '\u3000' + fw(String(n)) : fw(String(n)));
export function fmtDate(s: string, st: DS, gan = false): string {
  const [y, m, d] = ymd(s);
  const [E, L, K, ey] = era(s);
  const eyS = gan && ey === 1 ? '元' : String(ey);
  switch (st) {
    case 'wa':
      return `${E}${eyS}年${m}月${d}日`;
    case 'waSp':
      return `${E}${ey === 1 && gan ? '元' : sp2(ey)}年${sp2(m)}月${sp2(d)}日`;
    case 'waFW':
      return `${E}${fw(eyS)}年${fw(String(m))}月${fw(String(d))}日`;
    case 'waZen':
      return `${E}${zen2(ey)}年${zen2(m)}月${zen2(d)}日`;
    case 'Rdot':
      return `${L}${ey}.${m}.${d}`;
    case 'Rdot0':
      return `${L}${p2(ey)}.${p2(m)}.${p2(d)}`;
    case 'kdot':
      return `${K}${ey}.${m}.${d}`;
    case 'sei':
      return `${y}年${m}月${d}日`;
    case 'seiSp':
      return `${y}年${sp2(m)}月${sp2(d)}日`;
    case 'seiFW':
      return `${fw(String(y))}年${fw(String(m))}月${fw(String(d))}日`;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'slash0':
      return `${y}/${p2(m)}/${p2(d)}`;
    case 'dot0':
      return `${y}.${p2(m)}.${p2(d)}`;
  }
}

// ---------- fonts ----------
export const MINCHO = [
  'IPAexMincho',
  'IPAMincho',
  'IPAPMincho',
  'Noto Serif CJK JP',
  'TakaoMincho',
  'Ume Mincho',
  'Ume Mincho S3',
];
export const GOTHIC = [
  'IPAexGothic',
  'IPAGothic',
  'IPAPGothic',
  'Noto Sans CJK JP',
  'TakaoGothic',
  'TakaoPGothic',
  'VL Gothic',
  'Sawarabi Gothic',
  'Migu 1M',
  'Migu 1P',
  'MigMix 2P',
  'Ume Gothic',
  'Ume Gothic C4',
  'Ume Hy Gothic',
  'MotoyaLCedar',
  'Noto Sans Mono CJK JP',
];
