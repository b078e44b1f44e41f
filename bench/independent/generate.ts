/**
 * An independent evaluation corpus of health-insurance desk documents: a corpus written apart from
 * the project's templates (test/fixtures/documents), for the OCR bench: other layouts, wordings and
 * faces. Each document is rendered by Chromium to PNG with its ground truth (JSON), and optionally
 * degraded to JPEG by the project's degrader. Deterministic from the seed.
 *
 *   node --import tsx bench/independent/generate.ts --seed 7101 --n 44 --out DIR [--dout DEGRADED_DIR]
 *
 * or, from code, `generateIndependent({ seed, count, outDir, degradedDir })`.
 * This file holds the document builders (insurers, people, fields per kind), the fit check run in
 * the page, and the render loop.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../../test/fixtures/documents/generate.ts';
import { degradeWithInfo } from '../../test/fixtures/documents/degrade.ts';
import {
  R,
  withCd,
  validCd,
  PREFS,
  prefShort,
  CITIES,
  TOWNS,
  BUILDINGS,
  FAM,
  GIV,
  kata,
  fw,
  iso,
  ymd,
  addDays,
  addYears,
  endOfMonth,
  randDate,
  ageAt,
  dayBefore75,
  next731,
  fmtDate,
  DS_ALL,
  type DS,
  MINCHO,
  GOTHIC,
  p2,
} from './data.ts';
import {
  type Item,
  type Spec,
  type Letter,
  type LO,
  CARD_LAYOUTS,
  postTable,
  postFold,
  a4Cut,
  a4Table,
  a4Boxes,
  qr,
} from './layouts.ts';
import {
  type PortalSpec,
  type MynaSpec,
  type ClinicSpec,
  phonePanels,
  phoneList,
  phoneSummary,
  portalPdf,
  myna2015,
  myna2026,
  mynaRuled,
  clinicA,
  clinicB,
} from './screens.ts';

type Size = 'card' | 'postcard' | 'a4' | 'phone';
const DIM: Record<Size, [number, number, number, number]> = {
  card: [1000, 630, 1, 18],
  postcard: [1000, 1480, 1, 18],
  a4: [1240, 1754, 1, 14],
  phone: [540, 1080, 2, 11],
};
const MM: Record<Size, number | undefined> = { card: 85.6, postcard: 100, a4: 210, phone: undefined };
type Fields = Record<string, string | number>;
interface Built {
  size: Size;
  design: string;
  font: string;
  html: (k: number) => string;
}

class Doc {
  f: Fields = {};
  set(k: string, v: string | number) {
    if (this.f[k] !== undefined && this.f[k] !== v) throw new Error(`truth conflict ${k}: ${this.f[k]} vs ${v}`);
    this.f[k] = v;
  }
}
type Scheme = 'kokuho' | 'kokuhoK' | 'kouki' | 'kyokai' | 'kumiai' | 'kyosai';
const SHAHO = (s: Scheme) => s === 'kyokai' || s === 'kumiai' || s === 'kyosai';
interface Person {
  fam: string;
  famR: string;
  giv: string;
  givR: string;
  sex: 'male' | 'female';
  birth: string;
}
interface Ins {
  scheme: Scheme;
  name: string;
  num: string;
  addr: string;
  tel: string;
  seal: string;
  issuer: string;
  pc: number;
  city: string;
}
interface Holder {
  p: Person;
  ins: Ins;
  sym: string;
  num: string;
  br: string;
  dep: boolean;
}

const boxes = (s: string) => `<span class="dg">${[...s].map((c) => `<i>${c}</i>`).join('')}</span>`;

function mkPerson(r: R, from: string, to: string, fam?: [string, string], sex?: 'male' | 'female'): Person {
  const birth = randDate(r, from, to);
  const y = +birth.slice(0, 4);
  const sx = sex ?? (r.ch(0.5) ? 'male' : 'female');
  const grp = y < 1958 ? 'old' : y < 1992 ? 'mid' : 'young';
  const [f, fr] = fam ?? r.pick(FAM);
  const [g, gr] = r.pick(GIV[sx === 'male' ? 'm' : 'f'][grp]);
  return { fam: f, famR: fr, giv: g, givR: gr, sex: sx, birth };
}
function mkAddr(r: R, pc?: number, city?: string, full = true) {
  const c = city ? ([pc!, city] as [number, string]) : r.pick(CITIES);
  const a = r.i(1, 9),
    b = r.i(1, 30),
    d = r.i(1, 25);
  const num = r.pick([
    `${fw(String(a))}丁目${fw(String(b))}番${fw(String(d))}号`,
    `${fw(String(a))}－${fw(String(b))}－${fw(String(d))}`,
    `${a}丁目${b}番地${d}`,
    `${a}-${b}-${d}`,
  ]);
  const bld = full && r.ch(0.35) ? `${r.pick(BUILDINGS)}${fw(String(r.i(1, 6)))}０${fw(String(r.i(1, 9)))}号` : '';
  return { pref: PREFS[c[0] - 1], city: c[1], line1: `${PREFS[c[0] - 1]}${c[1]}${r.pick(TOWNS)}${num}`, bld };
}
const KUMIAI = [
  '東洋精機',
  '北辰運輸',
  'みなと商事',
  '関西化学工業',
  'さくら情報サービス',
  '中部流通',
  '西海重工業',
  '東京印刷工業',
  '大和田製作所',
  '日本精密電装',
  '瀬戸内造船',
  'あおば食品',
  '明光電機',
  '富嶽製薬',
  '銀河システム',
  '北星百貨店',
  '三河織物',
  '信越ガラス',
];
const KOKUHOK = [
  '全国建設工事業',
  '東京都食品衛生',
  '関東美容',
  '大阪府医師',
  '京都府歯科医師',
  '北海道建設',
  '愛知県薬剤師',
  '全国左官タイル塗装工業',
  '神奈川県理容美容',
];
function mkIns(r: R, scheme: Scheme): Ins {
  const [pc, city] = r.pick(CITIES);
  const pref = PREFS[pc - 1]!;
  const tel = `0${r.i(3, 99)}-${r.i(100, 999)}-${r.digits(4)}`;
  const addr = `${pref}${city}${r.pick(TOWNS)}${r.i(1, 5)}-${r.i(1, 20)}-${r.i(1, 30)}`;
  let name = '',
    num = '',
    seal = '保険者印',
    issuer = '';
  switch (scheme) {
    case 'kokuho': {
      name = city;
      num = withCd(p2(pc) + r.digits(3));
      const t = city.slice(-1);
      seal = `${t}長之印`;
      issuer = `${city}長`;
      break;
    }
    case 'kokuhoK':
      {
        name = `${r.pick(KOKUHOK)}国民健康保険組合`;
        const pi = PREFS.findIndex((x) => name.startsWith(x));
        num = withCd(p2(pi >= 0 ? pi + 1 : pc) + '3' + r.digits(2));
      }
      seal = '理事長印';
      issuer = `${name}理事長`;
      break;
    case 'kouki':
      name = `${pref}後期高齢者医療広域連合`;
      num = withCd('39' + p2(pc) + r.digits(3));
      seal = '連合長印';
      issuer = `${pref}後期高齢者医療広域連合長`;
      break;
    case 'kyokai':
      name = `全国健康保険協会\u3000${prefShort(pref)}支部`;
      num = withCd('01' + p2(pc) + '001');
      seal = '支部長印';
      issuer = `${name}長`;
      break;
    case 'kumiai':
      name = `${r.pick(KUMIAI)}健康保険組合`;
      num = withCd('06' + p2(pc) + r.digits(3));
      seal = '理事長印';
      issuer = `${name}理事長`;
      break;
    case 'kyosai': {
      const o = r.pick([
        ['31', '財務省共済組合'],
        ['31', '国土交通省共済組合'],
        ['31', '法務省共済組合'],
        ['31', '厚生労働省第二共済組合'],
        ['32', `地方職員共済組合\u3000${prefShort(pref)}支部`],
        ['32', `${pref}市町村職員共済組合`],
        ['33', `警察共済組合\u3000${pref}支部`],
        ['34', `公立学校共済組合\u3000${pref}支部`],
        ['34', '日本私立学校振興・共済事業団'],
      ]);
      name = o[1]!;
      num = withCd(o[0] + p2(o[1]!.startsWith('日本私立') ? 13 : pc) + r.digits(3));
      seal = '組合之印';
      issuer = name;
      break;
    }
  }
  return { scheme, name, num, addr, tel, seal, issuer, pc, city };
}
function mkHolder(r: R, ins: Ins, p: Person, dep: boolean): Holder {
  const s = ins.scheme;
  let sym = '',
    num: string;
  if (s === 'kyokai') {
    sym = r.digits(r.pick([7, 8]), false);
    num = r.digits(r.i(1, 5), false);
  } else if (s === 'kumiai') {
    sym = r.digits(r.i(1, 4), false);
    num = r.digits(r.i(2, 7), false);
  } else if (s === 'kyosai') {
    sym = r.digits(r.i(2, 4));
    num = r.digits(r.i(5, 7), false);
  } else if (s === 'kokuho') {
    sym = r.digits(r.i(2, 5));
    num = r.digits(r.i(5, 8));
  } else if (s === 'kokuhoK') {
    sym = r.digits(r.i(2, 4), false);
    num = r.digits(r.i(4, 6));
  } else {
    num = r.digits(8, r.ch(0.3));
  }
  const br = dep ? '0' + r.i(1, 5) : SHAHO(s) ? '00' : '0' + r.i(0, 3);
  return { p, ins, sym, num, br, dep };
}

class B {
  d = new Doc();
  ds: DS;
  bs: DS;
  constructor(
    public r: R,
    ds?: DS[],
  ) {
    this.ds = r.pick(ds ?? DS_ALL);
    this.bs = r.ch(0.55) ? this.ds : r.pick(ds ?? DS_ALL);
  }
  name(p: Person, key = true) {
    if (key) this.d.set('name', `${p.fam}\u3000${p.giv}`);
    const m = this.r.pick(['fw', 'fw', 'hw', 'none']);
    return m === 'fw' ? `${p.fam}\u3000${p.giv}` : m === 'hw' ? `${p.fam} ${p.giv}` : `${p.fam}${p.giv}`;
  }
  kana(p: Person) {
    return this.r.ch(0.8) ? `${kata(p.famR)}\u3000${kata(p.givR)}` : `${p.famR} ${p.givR}`;
  }
  date(key: string | null, s: string, st: DS = this.ds) {
    if (key) this.d.set(key, s);
    return fmtDate(s, st, this.r.ch(0.5));
  }
  birth(p: Person, st: DS = this.bs) {
    this.d.set('birthDate', p.birth);
    return fmtDate(p.birth, st, this.r.ch(0.5)) + (this.r.ch(0.15) ? '生' : '');
  }
  sex(p: Person, long = false) {
    this.d.set('sex', p.sex);
    return p.sex === 'male' ? (long ? '男性' : '男') : long ? '女性' : '女';
  }
  insNum(ins: Ins, allowBox = true) {
    this.d.set('insurerNumber', ins.num);
    const st = this.r.pick(allowBox ? ['plain', 'plain', 'spaced', 'box', 'fw'] : ['plain', 'spaced', 'fw']);
    return st === 'box'
      ? boxes(ins.num)
      : st === 'spaced'
        ? `<span style="letter-spacing:.3em">${ins.num}</span>`
        : st === 'fw'
          ? fw(ins.num)
          : ins.num;
  }
  insName(ins: Ins) {
    this.d.set('insurerName', ins.name.replace(/\s/g, ''));
    return this.r.ch(0.3) ? ins.name.replace('\u3000', ' ') : ins.name;
  }
  ratio(x: number) {
    this.d.set('burdenRatio', x);
    const n = String(Math.round(x * 10));
    return this.r.pick([`${n}割`, `${fw(n)}割`, `${n} 割`]);
  }
  limit(c: string) {
    this.d.set('limitCategory', c);
    return this.r.pick([c, `区分${c}`, c, `（区分）${c}`]);
  }
}

// ---------- shared item builders ----------
function nameItems(b: B, p: Person, labels: string[], g?: string, kana = b.r.ch(0.4)): Item[] {
  const out: Item[] = [];
  if (kana) out.push({ l: b.r.pick(['フリガナ', 'フリガナ', 'カナ氏名']), v: b.kana(p), w: 2, g });
  out.push({ l: b.r.pick(labels), v: b.name(p), w: 2, big: true, g });
  return out;
}
function birthSex(b: B, p: Person, withSex: boolean, g?: string): Item[] {
  return [
    { l: '生年月日', v: b.birth(p), g },
    ...(withSex ? [{ l: b.r.pick(['性別', '性\u3000別']), v: b.sex(p), g }] : []),
  ];
}
function symItems(b: B, h: Holder, g?: string, noBranch = false): Item[] {
  const r = b.r,
    d = b.d;
  if (h.ins.scheme === 'kouki') {
    d.set('number', h.num);
    return [{ l: '被保険者番号', v: r.ch(0.3) ? boxes(h.num) : r.ch(0.2) ? fw(h.num) : h.num, g }];
  }
  d.set('symbol', h.sym);
  d.set('number', h.num);
  if (!noBranch) d.set('branch', h.br);
  const Fw = r.ch(0.2) ? fw : (x: string) => x;
  const S = Fw(h.sym),
    N = Fw(h.num),
    Bn = Fw(h.br);
  switch (r.pick(['sep', 'sep', 'dot', 'dash', 'inline', 'box'])) {
    case 'sep':
      return [
        { l: '記号', v: S, g },
        { l: '番号', v: N, g },
        ...(noBranch ? [] : [{ l: r.pick(['枝番', '（枝番）']), v: Bn, g }]),
      ];
    case 'dot':
      return [
        {
          l: r.pick(['記号・番号', '被保険者等記号・番号']),
          v: `${S}・${N}${noBranch ? '' : `（枝番）${Bn}`}`,
          w: 2,
          g,
        },
      ];
    case 'dash':
      return [
        {
          l: r.pick(['記号番号', '被保険者記号・番号']),
          v: `${S}\u3000－\u3000${N}${noBranch ? '' : `\u3000（${Bn}）`}`,
          w: 2,
          g,
        },
      ];
    case 'inline':
      return [
        {
          l: '記号番号',
          v: `<small>記号</small> ${S}\u3000<small>番号</small> ${N}${noBranch ? '' : `\u3000<small>枝番</small> ${Bn}`}`,
          w: 2,
          g,
        },
      ];
    default:
      return [
        { l: '記号', v: boxes(h.sym), g },
        { l: '番号', v: boxes(h.num), g },
        ...(noBranch ? [] : [{ l: '枝番', v: boxes(h.br), g }]),
      ];
  }
}
function expItem(b: B, exp: string, start?: string, labels = ['有効期限', '有効期限', '有効期間']): Item {
  const l = b.r.pick(labels);
  if (l === '有効期間' && start && b.r.ch(0.7))
    return { l, v: `${b.date(null, start)}から<br>${b.date('expiry', exp)}まで`, w: 2 };
  return { l, v: b.date('expiry', exp) + (l === '有効期間' || b.r.ch(0.25) ? 'まで' : '') };
}
function issueItem(b: B, iss: string, labels = ['交付年月日', '発行年月日', '交付日', '発行日']): Item {
  return { l: b.r.pick(labels), v: b.date('issueDate', iss) };
}
function insItems(b: B, ins: Ins, addr = false, tel = false): Item[] {
  const r = b.r;
  const a: Item = { l: r.pick(['保険者番号', '保険者番号']), v: b.insNum(ins) };
  const n: Item = { l: r.pick(['保険者名称', '保険者名', '保険者']), v: b.insName(ins) };
  const out = r.ch(0.7) ? [a, n] : [n, a];
  if (addr) out.push({ l: r.pick(['所在地', '保険者所在地']), v: ins.addr });
  if (tel) out.push({ l: '電話', v: ins.tel });
  return out;
}
const PAL: Record<Scheme, [string, string][]> = {
  kokuho: [
    ['#c2185b', '#fdeaf1'],
    ['#a8325e', '#fbe4ec'],
    ['#8e3b8c', '#f6e8f6'],
  ],
  kokuhoK: [
    ['#6d4c41', '#f3ebe7'],
    ['#00796b', '#e0f2ef'],
  ],
  kouki: [
    ['#283593', '#e8eaf6'],
    ['#d35400', '#fff1e0'],
    ['#4e7d23', '#eff7e6'],
  ],
  kyokai: [
    ['#1565c0', '#e6f0fb'],
    ['#0277bd', '#e3f4fc'],
  ],
  kumiai: [
    ['#00695c', '#e2f3f0'],
    ['#4527a0', '#ede7f6'],
    ['#ad1457', '#fce4ec'],
    ['#37474f', '#eceff1'],
  ],
  kyosai: [
    ['#2e7d32', '#e8f5e9'],
    ['#5d4037', '#efebe9'],
    ['#1a237e', '#e8eaf6'],
  ],
};
const NOTES_QC = [
  '保険医療機関等で診療を受けるときは、必ずこの確認書を窓口で提示してください。',
  '資格がなくなったときは、すみやかにこの確認書を返却してください。',
  '記載事項に変更があったときは、14日以内に届け出てください。',
  '不正にこの確認書を使用した者は、刑法により詐欺罪として懲役の処分を受けます。',
  '裏面の臓器提供意思表示欄は、ご本人の意思で記入してください。',
  'この確認書は有効期限を過ぎると使用できません。',
];
const pickN = <T>(r: R, a: T[], n: number) => r.shuffle([...a]).slice(0, n);
function fonts(r: R, prefer?: 'm' | 'g') {
  const m = prefer ? prefer === 'm' : r.ch(0.5);
  const font = r.pick(m ? MINCHO : GOTHIC);
  const font2 = r.ch(0.5) ? font : r.pick(r.ch(0.5) ? MINCHO : GOTHIC);
  return { font, font2 };
}
function lo(size: Size, k: number, font: string, font2: string, seed: number, W?: number, H?: number): LO {
  const [w, h, , min] = DIM[size];
  return {
    W: W ?? w,
    H: H ?? h,
    s: size === 'phone' ? 1 : size === 'card' || size === 'postcard' ? (W ?? w) / 1000 : 1,
    k,
    min,
    font,
    font2,
    r: new R(seed),
  };
}
function ageRange(r: R, iss: string, grp: 'kid' | 'adult' | 'senior' | 'old'): [string, string] {
  if (grp === 'kid') return [addYears(iss, -17), addYears(iss, -1)];
  if (grp === 'adult') return [addYears(iss, -69), addYears(iss, -18)];
  if (grp === 'senior') return [addDays(addYears(iss, -75), 1), addYears(iss, -70)];
  return [addYears(iss, -97), addYears(iss, -75)];
}
function schemeExpiry(r: R, s: Scheme, iss: string, birth: string): string {
  const [y, m] = ymd(iss);
  let e: string;
  if (s === 'kokuho') e = r.ch(0.2) ? next731(iss, 1) : next731(iss);
  else if (s === 'kouki') e = next731(iss);
  else if (s === 'kokuhoK') e = r.ch(0.5) ? next731(iss) : iso(m <= 9 ? y + 1 : y + 2, 9, 30);
  else if (s === 'kyokai') e = endOfMonth(y + r.i(3, 5), m);
  else if (s === 'kumiai') e = r.pick([iso(y + r.i(2, 5), 3, 31), iso(y + r.i(2, 5), 11, 30), endOfMonth(y + 5, m)]);
  else e = r.ch(0.4) ? '2029-11-30' : iso(y + r.i(3, 5), 3, 31);
  if (s !== 'kouki' && ageAt(birth, iss) >= 70 && dayBefore75(birth) < e) e = dayBefore75(birth);
  return e;
}
function effDate(birth: string, iss: string) {
  // 発効期日 for 70–74
  const [by, bm] = ymd(birth);
  const e70 = iso(by + 70, bm + 1, 1);
  const [y] = ymd(iss);
  const aug = iso(ymd(iss)[1] >= 8 ? y : y - 1, 8, 1);
  return e70 > aug && e70 <= iss ? e70 : aug;
}
function letterFor(
  b: B,
  L: { to: string; title: string; body: string[]; from: string[]; iss: string; mark?: string },
): Letter {
  const a = mkAddr(b.r);
  const cautions = pickN(
    b.r,
    [
      '記載内容に誤りがある場合は、下記お問い合わせ先までご連絡ください。',
      '就職・退職・転居などで加入する医療保険が変わったときは、14日以内に届出が必要です。',
      'マイナンバーカードの電子証明書の有効期限にご注意ください。',
      'この通知は再発行できる場合があります。紛失した場合はご相談ください。',
      '医療機関等の窓口では、原則としてマイナ保険証をご利用ください。',
      '70歳以上の方の負担割合は、毎年8月1日に見直されます。',
    ],
    b.r.i(3, 5),
  );
  return {
    zip: `${b.r.i(100, 999)}-${b.r.digits(4)}`,
    addr: `${a.line1}${a.bld ? '<br>' + a.bld : ''}`,
    to: L.to,
    from: L.from,
    date: `${b.r.pick(['発行日', '交付日', '発行日'])}\u3000${b.date('issueDate', L.iss)}`,
    title: L.title,
    body: L.body,
    mark: L.mark,
    cautions,
    contact: [L.from[0]!, `電話\u3000${L.from[2]?.replace(/^[^0-9]*/, '') ?? ''}`, `受付時間\u3000平日 8:30〜17:15`],
  };
}

// ---------- kind builders ----------
type Builder = (r: R, design: string, seed: number, ki: number) => Built & { fields: Fields };
function cardish(design: string): Size {
  return design.startsWith('post') ? 'postcard' : design.startsWith('a4') ? 'a4' : 'card';
}
function renderSpec(
  design: string,
  sp: Spec,
  f: { font: string; font2: string },
  seed: number,
  L?: () => Letter,
  cardL?: string,
) {
  const size = cardish(design);
  return (k: number) => {
    const o = lo(size, k, f.font, f.font2, seed);
    if (size === 'card') return CARD_LAYOUTS[design]!(sp, o);
    if (design === 'post-table') return postTable(sp, o);
    if (design === 'post-fold') return postFold(sp, o, L!(), cardL!);
    throw new Error(design);
  };
}

const qcB: Builder = (r, design, seed) => {
  const b = new B(r);
  const scheme: Scheme = r.pick(['kokuho', 'kokuho', 'kouki', 'kouki', 'kyokai', 'kumiai', 'kyosai', 'kokuhoK']);
  const ins = mkIns(r, scheme);
  const iss = randDate(r, '2024-12-02', '2026-09-30');
  const grp = scheme === 'kouki' ? 'old' : r.pick(['kid', 'adult', 'adult', 'senior'] as const);
  const p = mkPerson(r, ...ageRange(r, iss, grp));
  const age = ageAt(p.birth, iss);
  const dep = SHAHO(scheme) && (age < 18 || r.ch(0.25));
  const h = mkHolder(r, ins, p, dep);
  const exp = schemeExpiry(r, scheme, iss, p.birth);
  const [color, tint] = r.pick(PAL[scheme]);
  const items: Item[] = [];
  const kokuho = scheme === 'kokuho' || scheme === 'kokuhoK';
  if (kokuho && r.ch(0.5)) {
    const hh = age < 18 ? mkPerson(r, '1960-01-01', '1995-12-31', [p.fam, p.famR]) : p;
    items.push({ l: '世帯主氏名', v: b.name(hh, hh === p), w: 2 });
  }
  items.push(
    ...nameItems(b, p, ['氏名', '氏\u3000名', '氏名', scheme === 'kouki' || kokuho ? '被保険者氏名' : '氏名']),
  );
  items.push(...birthSex(b, p, r.ch(0.8)));
  items.push(...symItems(b, h));
  if (r.ch(kokuho || scheme === 'kouki' ? 0.6 : 0.2)) {
    const a = mkAddr(r);
    items.push({ l: r.pick(['住所', '住\u3000所']), v: a.line1, w: 2, wrap: true });
  }
  if (r.ch(0.5))
    items.push({
      l: dep ? '認定年月日' : '資格取得年月日',
      v: b.date(
        null,
        randDate(r, addYears(p.birth, 1) > '2005-01-01' ? addYears(p.birth, 1) : '2005-01-01', addDays(iss, -1)),
      ),
    });
  let ratio: number | null = null;
  if (scheme === 'kouki') ratio = r.pick([0.1, 0.1, 0.2, 0.3]);
  else if (age >= 70 && r.ch(kokuho ? 0.9 : 0.5)) ratio = r.pick([0.2, 0.2, 0.3]);
  if (ratio) {
    items.push({ l: r.pick(['一部負担金の割合', '負担割合', '一部負担金割合']), v: b.ratio(ratio) });
    items.push({
      l: '発効期日',
      v: b.date(null, scheme === 'kouki' ? iso(ymd(next731(iss))[0] - 1, 8, 1) : effDate(p.birth, iss)),
    });
  } else if (kokuho && r.ch(0.3)) items.push({ l: '負担割合', v: '法定負担割合のとおり', w: 2 });
  if (r.ch(0.3)) {
    const lab = r.pick(['限度区分', '適用区分']);
    if (r.ch(0.3)) items.push({ l: lab, v: '＊' });
    else {
      const c = age >= 70 ? (ratio === 0.3 ? null : r.pick(['Ⅰ', 'Ⅱ'])) : r.pick(['ア', 'イ', 'ウ', 'エ', 'オ']);
      if (c) {
        items.push({ l: lab, v: b.limit(c) });
        items.push({ l: '発効期日', v: b.date(null, randDate(r, addDays(iss, -200), iss).slice(0, 8) + '01') });
      }
    }
  }
  items.push(expItem(b, exp, iss));
  let foot: string | undefined;
  if (r.ch(0.75)) items.push(issueItem(b, iss));
  else foot = `${b.date('issueDate', iss)}交付`;
  const title = r.pick(
    scheme === 'kouki'
      ? ['後期高齢者医療資格確認書', '資格確認書', '後期高齢者医療\u3000資格確認書']
      : kokuho
        ? ['国民健康保険資格確認書', '資格確認書', '国民健康保険\u3000資格確認書']
        : ['健康保険資格確認書', '資格確認書', '資格確認書'],
  );
  const sub =
    title === '資格確認書'
      ? scheme === 'kouki'
        ? '（後期高齢者医療）'
        : kokuho
          ? '（国民健康保険）'
          : scheme === 'kyosai'
            ? '（組合員等）'
            : '（健康保険）'
      : undefined;
  const badge = SHAHO(scheme)
    ? dep
      ? r.pick(['家族', '被扶養者'])
      : r.pick(['本人', scheme === 'kyosai' ? '組合員' : '被保険者'])
    : undefined;
  const sp: Spec = {
    title,
    sub,
    badge,
    items,
    ins: insItems(b, ins, design.startsWith('post') || design.startsWith('a4') ? r.ch(0.6) : r.ch(0.2)),
    seal: ins.seal,
    foot,
    color,
    tint,
    notes: pickN(r, NOTES_QC, r.i(2, 4)),
  };
  const f = fonts(r);
  const to = age < 18 ? mkPerson(r, '1960-01-01', '1995-12-31', [p.fam, p.famR]) : p;
  const mkL = () => ({
    to: b.name(to, to === p),
    from: [ins.issuer.replace('\u3000', ''), ins.addr, `電話 ${ins.tel}`],
    iss,
    title: `${title.replace('\u3000', '')}の送付について`,
    body: [],
    mark: '親展\u3000資格確認書在中',
  });
  const toName = mkL().to;
  const cardL = r.pick(['band', 'grid', 'stripe', 'leader']);
  if (design === 'a4-cut') {
    const L = letterFor(b, {
      ...mkL(),
      to: toName,
      title: `${title.replace(/[\u3000（）]/g, '')}の送付について`,
      body: [
        '日頃より医療保険事業にご理解とご協力をいただきありがとうございます。',
        'あなたの資格確認書をお送りします。下の資格確認書を切り取って、医療機関等の窓口で提示してください。',
        'マイナ保険証をお持ちの方も、この資格確認書で受診することができます。',
      ],
    });
    return {
      size: 'a4',
      design: `qc-a4-cut-${cardL}`,
      ...f,
      fields: b.d.f,
      html: (k) => a4Cut(null, sp, lo('a4', k, f.font, f.font2, seed), L, cardL),
    };
  }
  const L = () => ({
    zip: `${r.i(100, 999)}-${r.digits(4)}`,
    addr: mkAddr(new R(seed + 1)).line1,
    to: toName,
    from: [ins.issuer.replace('\u3000', ''), ins.addr, `TEL ${ins.tel}`],
    date: '',
    title: '',
    body: [],
    mark: '資格確認書在中',
  });
  return {
    size: cardish(design),
    design: `qc-${design}${design === 'post-fold' ? '-' + cardL : ''}`,
    ...f,
    fields: b.d.f,
    html: renderSpec(design, sp, f, seed, L, cardL),
  };
};

const qnB: Builder = (r, design, seed) => {
  const b = new B(r);
  const scheme: Scheme = r.pick(['kokuho', 'kouki', 'kyokai', 'kyokai', 'kumiai', 'kyosai', 'kokuhoK']);
  const ins = mkIns(r, scheme);
  const iss = randDate(r, '2024-12-02', '2026-10-31');
  const grp = scheme === 'kouki' ? 'old' : r.pick(['kid', 'adult', 'adult', 'senior'] as const);
  const p = mkPerson(r, ...ageRange(r, iss, grp));
  const age = ageAt(p.birth, iss);
  const dep = SHAHO(scheme) && (age < 18 || r.ch(0.25));
  const h = mkHolder(r, ins, p, dep);
  const [color, tint] = r.pick(PAL[scheme]);
  const noSex = design === 'colon';
  const ratio = scheme === 'kouki' ? r.pick([0.1, 0.1, 0.2, 0.3]) : age >= 70 && r.ch(0.8) ? r.pick([0.2, 0.3]) : null;
  const acq = randDate(r, addYears(p.birth, 1) > '2008-04-01' ? addYears(p.birth, 1) : '2008-04-01', addDays(iss, -1));
  const exp70 = dayBefore75(p.birth) < next731(iss) ? dayBefore75(p.birth) : next731(iss);
  const mk = (full: boolean): Item[] => {
    const it: Item[] = [];
    it.push(...nameItems(b, p, ['氏名', '氏\u3000名', '被保険者氏名'], undefined, full && r.ch(0.5)));
    it.push(...birthSex(b, p, !noSex && r.ch(0.8)));
    it.push(...symItems(b, h));
    if (full && r.ch(0.6)) it.push({ l: r.pick(['資格取得年月日', '資格取得日']), v: b.date(null, acq) });
    if (ratio) it.push({ l: r.pick(['負担割合', '一部負担金の割合']), v: b.ratio(ratio) });
    if (age >= 70 && scheme !== 'kouki') it.push(expItem(b, exp70, undefined, ['有効期限']));
    else if (full && r.ch(0.3)) it.push({ l: '有効期限', v: r.pick(['―', '設定なし', '－']) });
    if (full && scheme === 'kyokai' && r.ch(0.6))
      it.push({ l: 'マイナンバー（下4桁）', v: `＊＊＊＊\u3000＊＊＊＊\u3000${r.digits(4)}` });
    return it;
  };
  const title = r.pick([
    '資格情報のお知らせ',
    '資格情報のお知らせ',
    '資格情報通知書',
    scheme === 'kouki'
      ? '後期高齢者医療 資格情報のお知らせ'
      : scheme.startsWith('kokuho')
        ? '国民健康保険 資格情報のお知らせ'
        : '健康保険 資格情報のお知らせ',
  ]);
  const f = fonts(r);
  const from = [ins.issuer.replace('\u3000', ''), ins.addr, `お問い合わせ ${ins.tel}`];
  const body = pickN(
    r,
    [
      'あなたが加入している医療保険の資格情報をお知らせします。',
      'マイナ保険証（健康保険証の利用登録をしたマイナンバーカード）をお持ちの方にお送りしています。',
      'マイナ保険証で受診できない医療機関等では、マイナンバーカードとあわせてこのお知らせを提示してください。',
      'この書面のみでは医療機関等を受診することはできません。大切に保管してください。',
    ],
    3,
  );
  const to = age < 18 ? mkPerson(r, '1960-01-01', '1995-12-31', [p.fam, p.famR]) : p;
  if (design === 'colon') {
    const items = mk(false);
    items.push(issueItem(b, iss, ['交付年月日', '発行日']));
    const sp: Spec = {
      title: '資格情報のお知らせ',
      sub: undefined,
      badge: dep ? '被扶養者' : '加入者',
      items,
      ins: insItems(b, ins),
      color,
      tint,
    };
    return {
      size: 'card',
      design: 'qn-card-colon',
      ...f,
      fields: b.d.f,
      html: (k) => CARD_LAYOUTS.colon!(sp, lo('card', k, f.font, f.font2, seed)),
    };
  }
  const L = letterFor(b, { to: b.name(to, to === p), title, body, from, iss });
  if (design === 'a4-cut') {
    const table = r.ch(0.5) ? ({ title, items: mk(true), ins: insItems(b, ins, false), color, tint } as Spec) : null;
    const card: Spec = {
      title: '資格情報のお知らせ',
      badge: dep ? '家族' : r.ch(0.5) ? '本人' : undefined,
      items: mk(false),
      ins: insItems(b, ins),
      color,
      tint,
      notes: ['この書面のみでは受診できません。', 'マイナンバーカードと一緒に提示してください。'],
    };
    const cl = r.pick(['band', 'stripe', 'leader', 'colon']);
    return {
      size: 'a4',
      design: `qn-a4-cut-${cl}`,
      ...f,
      fields: b.d.f,
      html: (k) => a4Cut(table, card, lo('a4', k, f.font, f.font2, seed), L, cl),
    };
  }
  const sp: Spec = {
    title: r.pick(['あなたの資格情報', '資格情報', `${title}（内容）`]),
    items: mk(true),
    ins: insItems(b, ins, r.ch(0.5)),
    color,
    tint,
    seal: r.ch(0.3) ? ins.seal : undefined,
    notes: pickN(
      r,
      [
        'このお知らせに有効期限の記載がない場合、有効期限はありません。',
        '記載内容に誤りがある場合は、保険者までご連絡ください。',
        '70歳以上の方は、一部負担金の割合を確認してください。',
        'マイナポータルでも資格情報を確認できます。',
      ],
      2,
    ),
  };
  return {
    size: 'a4',
    design: `qn-${design}`,
    ...f,
    fields: b.d.f,
    html: (k) => (design === 'a4-table' ? a4Table : a4Boxes)(sp, lo('a4', k, f.font, f.font2, seed), L),
  };
};

const portalB: Builder = (r, design, seed) => {
  const b = new B(r, ['sei', 'sei', 'wa', 'slash0', 'seiSp']);
  const scheme: Scheme = r.pick(['kokuho', 'kouki', 'kyokai', 'kyokai', 'kumiai', 'kyosai', 'kokuhoK']);
  const ins = mkIns(r, scheme);
  const now = randDate(r, '2025-01-10', '2026-10-31');
  const grp = scheme === 'kouki' ? 'old' : r.pick(['adult', 'adult', 'senior', 'kid'] as const);
  const p = mkPerson(r, ...ageRange(r, now, grp));
  const age = ageAt(p.birth, now);
  const dep = SHAHO(scheme) && (age < 18 || r.ch(0.2));
  const h = mkHolder(r, ins, p, dep);
  const person: Item[] = [{ l: '氏名', v: b.name(p), big: true }];
  if (r.ch(0.6)) person.push({ l: r.pick(['氏名（カナ）', 'カナ氏名']), v: `${kata(p.famR)} ${kata(p.givR)}` });
  person.push({ l: '生年月日', v: b.birth(p) });
  if (r.ch(0.85)) person.push({ l: '性別', v: b.sex(p, r.ch(0.5)) });
  const q: Item[] = [];
  const ni = insItems(b, ins).map((x) => ({
    ...x,
    v: x.l.startsWith('保険者番号') ? ins.num : x.v.replace(/<[^>]+>/g, ''),
  }));
  q.push(...ni.map((x) => ({ ...x, l: x.l === '保険者' ? '保険者名称' : x.l })));
  if (scheme === 'kouki') {
    b.d.set('number', h.num);
    q.push({ l: '被保険者番号', v: h.num });
  } else {
    b.d.set('symbol', h.sym);
    b.d.set('number', h.num);
    b.d.set('branch', h.br);
    const [ls, ln] = r.pick([
      ['記号', '番号'],
      ['被保険者証記号', '被保険者証番号'],
      ['被保険者記号', '被保険者番号'],
    ]);
    q.push({ l: ls, v: h.sym }, { l: ln, v: h.num }, { l: '枝番', v: h.br });
  }
  if (SHAHO(scheme)) q.push({ l: '本人・家族の別', v: dep ? '家族' : '本人' });
  q.push({
    l: '資格取得年月日',
    v: b.date(
      null,
      randDate(r, addYears(p.birth, 1) > '2010-04-01' ? addYears(p.birth, 1) : '2010-04-01', addDays(now, -20)),
    ),
  });
  if (scheme === 'kouki' || age >= 70)
    q.push({
      l: r.pick(['一部負担金割合', '負担割合']),
      v: b.ratio(scheme === 'kouki' ? r.pick([0.1, 0.2, 0.3]) : r.pick([0.2, 0.3])),
    });
  if (age >= 70 && scheme !== 'kouki' && r.ch(0.7))
    q.push({
      l: '有効期限',
      v: b.date('expiry', dayBefore75(p.birth) < next731(now) ? dayBefore75(p.birth) : next731(now)),
    });
  const hh = r.i(8, 22),
    mm = r.i(0, 59);
  const ps: PortalSpec = {
    sections: [
      { h: r.pick(['基本情報', '被保険者の情報']), items: person },
      { h: r.pick(['医療保険の資格情報', '加入している医療保険', '保険者情報']), items: q },
    ],
    stamp: `${fmtDate(now, r.pick(['sei', 'slash0']))} ${hh}:${p2(mm)} 時点の情報`,
    hello: `${p.fam} ${p.giv} さん`,
    note: '※ 医療機関等で提示する際は、マイナンバーカードとあわせて提示してください。',
    printed: `${fmtDate(now, 'slash0')} ${hh}:${p2(Math.min(59, mm + r.i(1, 9)))}`,
    links: pickN(r, ['資格情報をPDFで保存', '薬剤情報', '医療費通知情報', '健診情報', 'よくあるご質問'], 3),
  };
  if (design === 'phone-summary') b.d.set('name', `${p.fam}\u3000${p.giv}`);
  const f = {
    font: r.pick([
      'Noto Sans CJK JP',
      'Noto Sans CJK JP',
      'IPAexGothic',
      'Migu 1P',
      'VL PGothic',
      'TakaoPGothic',
      'MigMix 2P',
    ]),
    font2: 'Noto Sans CJK JP',
  };
  if (design === 'a4-portal')
    return {
      size: 'a4',
      design: 'portal-a4-pdf',
      ...f,
      fields: b.d.f,
      html: (k) => portalPdf(ps, lo('a4', k, f.font, f.font2, seed)),
    };
  const fn = { 'phone-panels': phonePanels, 'phone-list': phoneList, 'phone-summary': phoneSummary }[design]!;
  return {
    size: 'phone',
    design: `portal-${design}`,
    ...f,
    fields: b.d.f,
    html: (k) => fn(ps, lo('phone', k, f.font, f.font2, seed)),
  };
};

const legacyB: Builder = (r, design, seed) => {
  const b = new B(r);
  const scheme: Scheme = r.pick(['kyokai', 'kyokai', 'kumiai', 'kyosai', 'kokuho', 'kouki']);
  const ins = mkIns(r, scheme);
  const iss = randDate(r, '2015-04-01', '2024-11-30');
  const grp = scheme === 'kouki' ? 'old' : r.pick(['kid', 'adult', 'adult', 'adult'] as const);
  const p = mkPerson(r, ...ageRange(r, iss, grp));
  const age = ageAt(p.birth, iss);
  const dep = SHAHO(scheme) && (age < 18 || r.ch(0.3));
  const h = mkHolder(r, ins, p, dep);
  const noBranch = iss < '2021-04-01' && r.ch(0.7);
  const [color, tint] = r.pick(PAL[scheme]);
  const items: Item[] = [];
  const foot = r.ch(0.5) ? `交付\u3000${b.date('issueDate', iss)}` : undefined;
  if (!foot) items.push(issueItem(b, iss, ['交付年月日', '交付日', '発行年月日']));
  items.push(...symItems(b, h, undefined, noBranch));
  items.push(...nameItems(b, p, ['氏名', '氏\u3000名', '氏名'], undefined, r.ch(0.3)));
  items.push(...birthSex(b, p, scheme !== 'kouki' || r.ch(0.5)));
  if (SHAHO(scheme)) {
    if (dep) {
      const hp = mkPerson(r, '1958-01-01', '1992-12-31', [p.fam, p.famR]);
      if (r.ch(0.6)) items.push({ l: '被保険者氏名', v: b.name(hp, false), w: 2 });
      items.push({
        l: '認定年月日',
        v: b.date(null, randDate(r, addYears(p.birth, 0) > '2000-01-01' ? p.birth : '2000-01-01', iss)),
      });
    } else {
      items.push({ l: '資格取得年月日', v: b.date(null, randDate(r, '1998-04-01', iss)) });
      if (r.ch(0.7))
        items.push({
          l: '事業所名称',
          v: `${r.pick(['株式会社', '有限会社', ''])}${r.pick(KUMIAI)}${r.pick(['', ' 本社', ' 工場'])}`,
          w: 2,
        });
    }
  } else {
    if (scheme === 'kokuho') {
      const hh = age < 18 || r.ch(0.3) ? mkPerson(r, '1950-01-01', '1990-12-31', [p.fam, p.famR]) : p;
      items.push({ l: '世帯主氏名', v: b.name(hh, hh === p), w: 2 });
    }
    const a = mkAddr(r, ins.pc, ins.city);
    items.push({ l: '住所', v: a.line1, w: 2, wrap: true });
    if (scheme === 'kouki') {
      items.push({ l: '一部負担金の割合', v: b.ratio(r.pick([0.1, 0.1, 0.3])) });
      items.push({ l: '発効期日', v: b.date(null, iso(ymd(next731(iss))[0] - 1, 8, 1)) });
    }
    items.push(
      expItem(b, scheme === 'kokuho' && r.ch(0.4) ? iso(ymd(iss)[0] + 1, 9, 30) : next731(iss), undefined, [
        '有効期限',
      ]),
    );
  }
  const title =
    scheme === 'kokuho'
      ? r.pick(['国民健康保険被保険者証', '国民健康保険証'])
      : scheme === 'kouki'
        ? '後期高齢者医療被保険者証'
        : scheme === 'kyosai'
          ? dep
            ? '組合員被扶養者証'
            : '組合員証'
          : r.pick(['健康保険被保険者証', '健康保険証']);
  const badge = SHAHO(scheme) && scheme !== 'kyosai' ? (dep ? '被扶養者' : '本人') : undefined;
  const sp: Spec = {
    title,
    badge,
    items,
    ins: insItems(b, ins, SHAHO(scheme) && r.ch(0.4)),
    seal: r.ch(0.7) ? ins.seal : undefined,
    foot,
    color,
    tint,
    qr: scheme === 'kyokai' && r.ch(0.6) ? qr(new R(seed + 9), '96px') : undefined,
  };
  const f = fonts(r);
  return { size: 'card', design: `legacy-${design}`, ...f, fields: b.d.f, html: renderSpec(design, sp, f, seed) };
};

const elderlyB: Builder = (r, design, seed) => {
  const b = new B(r);
  const scheme: Scheme = r.pick(['kyokai', 'kumiai', 'kokuho', 'kyosai', 'kokuho', 'kokuhoK']);
  const ins = mkIns(r, scheme);
  const iss = randDate(r, '2019-08-01', '2026-09-30');
  const p = mkPerson(r, ...ageRange(r, iss, 'senior'));
  const h = mkHolder(r, ins, p, SHAHO(scheme) && r.ch(0.3));
  const [color, tint] = r.pick(PAL[scheme]);
  const items: Item[] = [];
  const g1 = design === 'grid' || design === 'post-table' ? r.pick(['被保険者', '対象者', '受給者']) : undefined;
  items.push(...symItems(b, h, g1));
  items.push(...nameItems(b, p, ['氏名', '氏\u3000名', '受給者氏名'], g1, r.ch(0.3)));
  items.push(...birthSex(b, p, r.ch(0.7), g1));
  if (scheme.startsWith('kokuho') && r.ch(0.5)) {
    const a = mkAddr(r, ins.pc, ins.city);
    items.push({ l: '住所', v: a.line1, w: 2, wrap: true });
  }
  items.push({ l: r.pick(['一部負担金の割合', '負担割合', '一部負担金の割合']), v: b.ratio(r.pick([0.2, 0.2, 0.3])) });
  items.push({ l: '発効期日', v: b.date(null, effDate(p.birth, iss)) });
  let e = scheme === 'kyokai' && r.ch(0.5) ? dayBefore75(p.birth) : next731(iss);
  if (dayBefore75(p.birth) < e) e = dayBefore75(p.birth);
  items.push(expItem(b, e, undefined, ['有効期限']));
  items.push(issueItem(b, iss, ['交付年月日', '交付年月日', '発行日']));
  const title = scheme.startsWith('kokuho')
    ? r.pick(['国民健康保険高齢受給者証', '高齢受給者証'])
    : scheme === 'kyosai'
      ? '高齢受給者証'
      : r.pick(['健康保険高齢受給者証', '高齢受給者証']);
  const sp: Spec = {
    title,
    sub: title === '高齢受給者証' ? r.pick(['（70歳以上75歳未満）', undefined]) : undefined,
    items,
    ins: insItems(b, ins, design === 'post-table' || r.ch(0.2)),
    seal: ins.seal,
    color,
    tint,
    notes: pickN(
      r,
      [
        '保険医療機関等にかかるときは、資格確認書等とあわせてこの証を窓口に提出してください。',
        '一部負担金の割合は、所得等により毎年8月1日に見直します。',
        '75歳になると後期高齢者医療制度に移行します。',
        'この証は他人に譲渡・貸与してはいけません。',
      ],
      3,
    ),
  };
  const f = fonts(r);
  return {
    size: cardish(design),
    design: `elderly-${design}`,
    ...f,
    fields: b.d.f,
    html: renderSpec(design, sp, f, seed),
  };
};

const limitB: Builder = (r, design, seed) => {
  const b = new B(r);
  const scheme: Scheme = r.pick(['kyokai', 'kumiai', 'kokuho', 'kyosai', 'kokuhoK']);
  const ins = mkIns(r, scheme);
  const iss = randDate(r, '2023-08-01', '2026-09-30');
  const senior = r.ch(0.3);
  const p = mkPerson(r, ...ageRange(r, iss, senior ? 'senior' : 'adult'));
  const h = mkHolder(r, ins, p, false);
  const gen = senior ? true : r.ch(0.3); // 減額認定証
  const cat = senior ? r.pick(['Ⅰ', 'Ⅱ']) : gen ? 'オ' : r.pick(['ア', 'イ', 'ウ', 'エ']);
  const [color, tint] = r.pick(PAL[scheme]);
  const items: Item[] = [];
  const kokuho = scheme.startsWith('kokuho');
  const gA = design === 'grid' || design === 'post-table' ? (kokuho ? '世帯主' : '被保険者') : undefined;
  const gB = gA ? '適用対象者' : undefined;
  items.push(...symItems(b, h, gA));
  if (kokuho) {
    const hh = r.ch(0.5) ? mkPerson(r, '1950-01-01', '1990-12-31', [p.fam, p.famR]) : p;
    items.push({ l: gA ? '氏名' : '世帯主氏名', v: b.name(hh, hh === p), w: 2, g: gA });
  } else items.push(...nameItems(b, p, gA ? ['氏名'] : ['被保険者氏名', '氏名'], gA, false));
  if (!kokuho) items.push({ l: '生年月日', v: b.birth(p), g: gA });
  items.push(
    ...nameItems(b, p, gB ? ['氏名', '氏\u3000名'] : ['適用対象者氏名', '対象者氏名', '対象者'], gB, r.ch(0.3)),
  );
  items.push(...birthSex(b, p, r.ch(0.5), gB));
  if (r.ch(0.6)) {
    const a = mkAddr(r, ins.pc, ins.city);
    items.push({ l: gB ? '住所' : '対象者住所', v: a.line1, w: 2, wrap: true, g: gB });
  }
  const start = iss.slice(0, 8) + '01';
  items.push({ l: r.pick(['発効期日', '適用開始年月日']), v: b.date(null, start) });
  items.push(expItem(b, r.ch(0.6) ? next731(iss) : addDays(addYears(start, 1), -1), undefined, ['有効期限']));
  items.push({ l: r.pick(['適用区分', '限度区分', '適用区分']), v: b.limit(cat) });
  if (gen && r.ch(0.7))
    items.push({ l: '長期入院該当年月日', v: r.ch(0.5) ? b.date(null, randDate(r, addDays(iss, -200), iss)) : '' });
  items.push(issueItem(b, iss, ['交付年月日', '交付年月日', '発行日']));
  const title = gen
    ? r.pick(['限度額適用・標準負担額減額認定証', '限度額適用・標準負担額減額認定証'])
    : r.pick([
        '限度額適用認定証',
        scheme === 'kyokai' || scheme === 'kumiai'
          ? '健康保険限度額適用認定証'
          : kokuho
            ? '国民健康保険限度額適用認定証'
            : '限度額適用認定証',
      ]);
  const sp: Spec = {
    title,
    items,
    ins: insItems(b, ins, r.ch(0.5)),
    seal: ins.seal,
    color,
    tint,
    notes: pickN(
      r,
      [
        '保険医療機関等で診療を受けるときは、資格確認書等に添えて窓口に提出してください。',
        '適用区分に変更があったときは、すみやかに届け出てください。',
        '有効期限が過ぎたとき、または資格を喪失したときは、この証を返却してください。',
        '入院時の食事代の減額を受ける場合は、この証を提示してください。',
      ],
      3,
    ),
  };
  const f = fonts(r);
  const L = () => ({
    zip: `${r.i(100, 999)}-${r.digits(4)}`,
    addr: mkAddr(new R(seed + 1)).line1,
    to: `${p.fam}\u3000${p.giv}`,
    from: [ins.issuer.replace('\u3000', ''), ins.addr],
    date: '',
    title: '',
    body: [],
    mark: '認定証在中',
  });
  if (design === 'post-fold') b.d.set('name', `${p.fam}\u3000${p.giv}`);
  const cardL = r.pick(['band', 'grid', 'leader']);
  return {
    size: cardish(design),
    design: `limit-${design}${design === 'post-fold' ? '-' + cardL : ''}`,
    ...f,
    fields: b.d.f,
    html: renderSpec(design, sp, f, seed, L, cardL),
  };
};

const DISEASES = [
  '人工腎臓を実施している慢性腎不全',
  '血漿分画製剤を投与している先天性血液凝固第Ⅷ因子障害又は先天性血液凝固第Ⅸ因子障害',
  '抗ウイルス剤を投与している後天性免疫不全症候群',
];
const specificB: Builder = (r, design, seed) => {
  const b = new B(r);
  const scheme: Scheme = r.pick(['kyokai', 'kumiai', 'kokuho', 'kyosai', 'kouki']);
  const ins = mkIns(r, scheme);
  const iss = randDate(r, '2018-04-01', '2026-09-30');
  const p = mkPerson(r, ...ageRange(r, iss, scheme === 'kouki' ? 'old' : r.pick(['adult', 'adult', 'senior', 'kid'])));
  const h = mkHolder(r, ins, p, SHAHO(scheme) && ageAt(p.birth, iss) < 18);
  const [color, tint] = r.pick(PAL[scheme]);
  const items: Item[] = [];
  const g = design === 'post-table' ? r.pick(['受療者', '被保険者']) : undefined;
  items.push(...symItems(b, h, g));
  items.push(...nameItems(b, p, ['受療者氏名', '氏名', '氏\u3000名'], g, r.ch(0.3)));
  items.push(...birthSex(b, p, r.ch(0.7), g));
  const dz = r.pick(DISEASES);
  items.push({ l: r.pick(['認定疾病名', '特定疾病名', '疾病名']), v: dz, w: 2, wrap: true });
  items.push({ l: '自己負担限度額', v: r.pick(['10,000円', '月額 10,000円', '20,000円', '１万円']) });
  items.push({
    l: r.pick(['認定年月日', '発効期日', '適用開始年月日']),
    v: b.date(null, randDate(r, addDays(iss, -60), iss)),
  });
  if (r.ch(0.5)) items.push(expItem(b, next731(iss), undefined, ['有効期限']));
  // eslint-disable-next-line no-dupe-else-if -- a second, independent draw, not a repeated condition
  else if (r.ch(0.5)) items.push({ l: '有効期限', v: r.pick(['―', '定めなし']) });
  items.push(issueItem(b, iss, ['交付年月日', '交付日', '発行年月日']));
  const title = r.pick([
    '特定疾病療養受療証',
    scheme === 'kokuho'
      ? '国民健康保険特定疾病療養受療証'
      : SHAHO(scheme)
        ? '健康保険特定疾病療養受療証'
        : '特定疾病療養受療証',
  ]);
  const sp: Spec = {
    title,
    items,
    ins: insItems(b, ins, r.ch(0.4)),
    seal: ins.seal,
    color,
    tint,
    notes: pickN(
      r,
      [
        'この証は、資格確認書等と一緒に医療機関等の窓口に提出してください。',
        '認定疾病に係る療養について、自己負担限度額までの負担となります。',
        '資格を喪失したときは、この証を返却してください。',
      ],
      2,
    ),
  };
  const f = fonts(r);
  return {
    size: cardish(design),
    design: `specific-${design}`,
    ...f,
    fields: b.d.f,
    html: renderSpec(design, sp, f, seed),
  };
};

const publicB: Builder = (r, design, seed, ki) => {
  const b = new B(r);
  const t = (['nanbyo', 'kodomo', 'hitorioya', 'nanbyo', 'shoman', 'kodomo', 'jiritsu'] as const)[ki % 7]!;
  const [pc, city] = r.pick(CITIES);
  const pref = PREFS[pc - 1]!;
  const law = {
    nanbyo: '54',
    kodomo: r.pick(['88', '80', '86']),
    hitorioya: r.pick(['81', '85']),
    shoman: '52',
    jiritsu: '21',
  }[t];
  const pnum = withCd(law + p2(pc) + r.digits(3));
  const rnum = withCd(r.digits(6));
  const iss = randDate(r, '2023-04-01', '2026-09-30');
  const kid = t === 'kodomo' || t === 'shoman';
  const p = mkPerson(
    r,
    ...(kid
      ? ([addYears(iss, -14), addDays(iss, -40)] as [string, string])
      : ageRange(r, iss, r.pick(['adult', 'adult', 'senior']))),
  );
  const start = r.ch(0.5) ? iss.slice(0, 8) + '01' : iss;
  const end =
    t === 'nanbyo' || t === 'shoman' || t === 'jiritsu'
      ? addDays(addYears(start, 1), -1)
      : r.ch(0.5)
        ? next731(start)
        : iso(ymd(start)[1] <= 9 ? ymd(start)[0] + 1 : ymd(start)[0] + 1, 9, 30);
  const titles = {
    nanbyo: '特定医療費（指定難病）受給者証',
    kodomo: r.pick(['子ども医療費受給者証', '子ども医療証', '乳幼児・子ども医療費受給者証']),
    hitorioya: r.pick(['ひとり親家庭等医療費受給者証', 'ひとり親家庭等医療証']),
    shoman: '小児慢性特定疾病医療受給者証',
    jiritsu: '自立支援医療受給者証（精神通院）',
  };
  const colors: [string, string][] = {
    nanbyo: [['#6a1b9a', '#f3e5f5']],
    kodomo: [
      ['#ef6c00', '#fff3e0'],
      ['#2e7d32', '#f1f8e9'],
    ],
    hitorioya: [['#00838f', '#e0f7fa']],
    shoman: [['#c62828', '#ffebee']],
    jiritsu: [['#455a64', '#eceff1']],
  }[t] as [string, string][];
  const [color, tint] = r.pick(colors);
  const items: Item[] = [];
  const g = design === 'grid' || design === 'post-table' ? r.pick(['受給者', '受診者']) : undefined;
  b.d.set('insurerNumber', pnum);
  const pv = r.ch(0.4) ? boxes(pnum) : pnum;
  items.push(
    { l: r.pick(['公費負担者番号', '負担者番号']), v: pv },
    { l: '受給者番号', v: r.ch(0.4) ? boxes(rnum) : rnum },
  );
  items.push(...nameItems(b, p, ['氏名', '受給者氏名', '受診者氏名'], g, r.ch(0.4)));
  items.push(...birthSex(b, p, r.ch(0.75), g));
  const a = mkAddr(r, pc, city);
  items.push({ l: '住所', v: a.line1, w: 2, wrap: true, g });
  if (kid) {
    const par = mkPerson(r, '1970-01-01', '1998-12-31', [p.fam, p.famR]);
    items.push({ l: '保護者氏名', v: b.name(par, false), w: 2 });
  }
  if (t === 'nanbyo' || t === 'shoman') {
    items.push({
      l: '病名',
      v: r.pick(
        t === 'nanbyo'
          ? ['パーキンソン病', '潰瘍性大腸炎', '全身性エリテマトーデス', 'クローン病', '重症筋無力症']
          : ['１型糖尿病', '気管支喘息', '先天性心疾患'],
      ),
      w: 2,
    });
    items.push(
      { l: '階層区分', v: r.pick(['一般所得Ⅰ', '一般所得Ⅱ', '低所得Ⅱ', '上位所得']) },
      { l: '自己負担上限額', v: r.pick(['月額 5,000円', '月額 10,000円', '2,500円']) },
    );
  } else if (t === 'jiritsu')
    items.push(
      {
        l: '指定医療機関名',
        v: r.pick(['みなと心療内科クリニック', '医療法人 青葉会 青葉病院', 'こころの森メンタルクリニック']),
        w: 2,
        wrap: true,
      },
      { l: '自己負担上限額', v: '月額 5,000円' },
    );
  else items.push({ l: '一部負担金', v: r.pick(['なし', '通院1回200円', '有（１回500円）']), w: 2 });
  if (r.ch(0.6)) items.push({ l: '有効期間', v: `${b.date(null, start)}から<br>${b.date('expiry', end)}まで`, w: 2 });
  else items.push({ l: '有効期限', v: b.date('expiry', end) });
  items.push(issueItem(b, iss, ['交付年月日', '交付日', '発行日']));
  const issuer = t === 'kodomo' || t === 'hitorioya' ? `${city}長` : `${pref}知事`;
  const sp: Spec = {
    title: titles[t],
    items,
    ins: [{ l: '', v: r.ch(0.5) ? issuer : `${issuer}\u3000${r.pick(['印', ''])}` }],
    seal: issuer.endsWith('知事') ? '知事之印' : `${issuer.slice(-2, -1)}長之印`,
    color,
    tint,
    notes: pickN(
      r,
      [
        '医療機関で受診する際は、資格確認書等とあわせてこの証を提示してください。',
        '住所・氏名・加入している医療保険が変わったときは届け出てください。',
        '有効期間が過ぎたときは使用できません。',
      ],
      2,
    ),
  };
  const f = fonts(r);
  return {
    size: cardish(design),
    design: `public-${t}-${design}`,
    ...f,
    fields: b.d.f,
    html: renderSpec(design, sp, f, seed),
  };
};

const mynaB: Builder = (r, design, seed) => {
  const b = new B(r);
  const cardIss = randDate(r, '2016-01-15', '2025-12-20');
  const p = mkPerson(r, ...ageRange(r, cardIss, r.pick(['adult', 'adult', 'adult', 'senior', 'old', 'kid'])));
  const nth = (n: number) => {
    const [, bm, bd] = ymd(p.birth);
    const [y] = ymd(cardIss);
    const same = iso(y, bm, bd);
    return iso((same > cardIss ? y : y + 1) + n - 1, bm, bd);
  };
  const adult = ageAt(p.birth, cardIss) >= 18;
  const cardExp = nth(adult ? 10 : 5),
    certExp = nth(5);
  b.d.set('expiry', cardExp);
  b.d.set('cardExpiry', cardExp);
  const a = mkAddr(r);
  const m: MynaSpec = {
    name: b.name(p),
    addr: a.bld ? [a.line1, a.bld] : [a.line1],
    code: r.digits(4),
    birth:
      design === 'myna-2026'
        ? fmtDate(p.birth, r.pick(['sei', 'seiSp']))
        : fmtDate(p.birth, r.pick(['waSp', 'waSp', 'wa'])),
    expiry: fmtDate(cardExp, design === 'myna-2026' ? r.pick(['sei', 'seiSp']) : 'seiSp'),
  };
  b.d.set('birthDate', p.birth);
  if (design !== 'myna-2026') m.sex = b.sex(p);
  if (r.ch(0.85)) {
    b.d.set('certificateExpiry', certExp);
    const dstr = fmtDate(certExp, r.pick(['seiSp', 'sei', 'sei', 'wa', 'slash0']));
    m.cert =
      design === 'myna-2026'
        ? `電子証明書の有効期限\u3000${dstr}`
        : design === 'myna-ruled'
          ? dstr
          : `電子証明書 ${dstr}`;
  }
  if (design === 'myna-2026' && r.ch(0.5)) m.kana = `${kata(p.famR)}\u3000${kata(p.givR)}`;
  const f = {
    font: r.pick(['Noto Sans CJK JP', 'IPAexGothic', 'Noto Serif CJK JP', 'IPAexMincho', 'TakaoGothic']),
    font2: 'Noto Sans CJK JP',
  };
  const fn = { 'myna-2015': myna2015, 'myna-2026': myna2026, 'myna-ruled': mynaRuled }[design]!;
  return { size: 'card', design, ...f, fields: b.d.f, html: (k) => fn(m, lo('card', k, f.font, f.font2, seed)) };
};

const ltcB: Builder = (r, design, seed) => {
  const b = new B(r);
  const ins = mkIns(r, 'kokuho');
  const iss = randDate(r, '2021-04-01', '2026-08-31');
  const p = mkPerson(r, addYears(iss, -98), addYears(iss, -65));
  const items: Item[] = [
    { l: '番号', v: r.digits(10), g: '被保険者' },
    { l: '住所', v: mkAddr(r, ins.pc, ins.city).line1, w: 2, wrap: true, g: '被保険者' },
    { l: 'フリガナ', v: b.kana(p), w: 2, g: '被保険者' },
    { l: '氏名', v: b.name(p), w: 2, big: true, g: '被保険者' },
    { l: '生年月日', v: b.birth(p), g: '被保険者' },
    { l: '性別', v: b.sex(p), g: '被保険者' },
    { l: '交付年月日', v: b.date(null, iss) },
    { l: '要介護状態区分等', v: r.pick(['要支援１', '要介護２', '要介護３', '要介護１']) },
    { l: '認定年月日', v: b.date(null, addDays(iss, -r.i(3, 30))) },
    {
      l: '認定の有効期間',
      v: `${b.date(null, iss.slice(0, 8) + '01')}～${b.date(null, addDays(addYears(iss.slice(0, 8) + '01', 1), -1))}`,
      w: 2,
    },
  ];
  const sp: Spec = {
    title: '介護保険被保険者証',
    items,
    ins: [{ l: '保険者番号並びに保険者の名称及び印', v: `${ins.num}\u3000${ins.city}` }],
    seal: ins.seal,
    color: '#3e6b48',
    tint: '#eef5ef',
    notes: [
      'この証は、介護サービスを受けるときに事業者へ提示してください。',
      '要介護認定等を受けていない方は、認定申請の際に添付してください。',
    ],
  };
  const f = fonts(r, 'm');
  return { size: cardish(design), design: `ltc-${design}`, ...f, fields: {}, html: renderSpec(design, sp, f, seed) };
};

const clinicB_: Builder = (r, design, seed) => {
  const b = new B(r, ['wa', 'sei', 'slash0', 'Rdot', 'kdot']);
  const p = mkPerson(r, '1935-01-01', '2022-12-31');
  const now = randDate(r, '2025-06-01', '2026-09-30');
  const c: ClinicSpec = {
    clinic: r.pick([
      'さくら内科クリニック',
      'あおば整形外科',
      '吉野歯科医院',
      'みなと小児科',
      '医療法人 東雲会 しののめ眼科',
      '千葉耳鼻咽喉科医院',
      'かわせみ皮フ科',
    ]),
    dept: r.pick([
      '内科・消化器内科',
      '整形外科・リハビリテーション科',
      '小児科・アレルギー科',
      '眼科',
      '耳鼻咽喉科',
      '皮膚科',
    ]),
    id: r.digits(r.pick([5, 6, 7])),
    name: b.name(p),
    birth: b.birth(p),
    sex: b.sex(p),
    tel: `0${r.i(3, 99)}-${r.i(100, 999)}-${r.digits(4)}`,
    addr: mkAddr(r, undefined, undefined, false).line1.replace(/^(東京都|北海道|.{2,3}[府県])/, ''),
    hours: [
      ['月〜金', '9:00〜12:30 / 15:00〜18:30'],
      ['土', '9:00〜13:00'],
      ['休診日', '日・祝日'],
    ],
    visits: Array.from({ length: r.i(1, 5) }, (_, k) => fmtDate(addDays(now, k * r.i(7, 30)), 'slash').slice(5)),
    color: r.pick(['#2e7d32', '#1565c0', '#c2185b', '#00838f', '#6a1b9a']),
  };
  const f = fonts(r);
  return {
    size: 'card',
    design: `clinic-${design}`,
    ...f,
    fields: {},
    html: (k) => (design === 'a' ? clinicA : clinicB)(c, lo('card', k, f.font, f.font2, seed)),
  };
};

const KINDS: Record<string, { b: Builder; designs: string[] }> = {
  qualification_certificate: {
    b: qcB,
    designs: ['band', 'post-fold', 'grid', 'a4-cut', 'stripe', 'post-table', 'leader', 'colon'],
  },
  qualification_notice: { b: qnB, designs: ['a4-cut', 'a4-table', 'a4-boxes', 'a4-cut', 'colon'] },
  portal_screen: { b: portalB, designs: ['phone-panels', 'a4-portal', 'phone-list', 'phone-summary'] },
  legacy_insurance_card: { b: legacyB, designs: ['band', 'grid', 'leader', 'colon', 'stripe'] },
  elderly_recipient_certificate: { b: elderlyB, designs: ['grid', 'stripe', 'post-table', 'band', 'colon'] },
  limit_certificate: { b: limitB, designs: ['leader', 'post-table', 'grid', 'colon', 'post-fold'] },
  specific_disease_certificate: { b: specificB, designs: ['band', 'post-table', 'stripe', 'colon', 'leader'] },
  public_subsidy_certificate: { b: publicB, designs: ['grid', 'band', 'post-table', 'stripe', 'leader'] },
  mynumber_card: { b: mynaB, designs: ['myna-2015', 'myna-2026', 'myna-ruled'] },
  ltc_insurance_card: { b: ltcB, designs: ['post-table', 'leader', 'grid'] },
  clinic_card: { b: clinicB_, designs: ['a', 'b'] },
};

const PAGE = (
  W: number,
  H: number,
  font: string,
  body: string,
) => `<!doctype html><html><head><meta charset="utf-8"><style>
*{box-sizing:border-box;margin:0;padding:0}html,body{width:${W}px;height:${H}px;overflow:hidden;background:#fff}body{font-family:'${font}';color:#141414}
.dg{display:inline-flex}.dg i{display:inline-block;font-style:normal;border:1.5px solid #444;min-width:1.05em;text-align:center;line-height:1.15;margin-right:-1.5px;padding:0 .06em;background:#fff}
small{font-size:.78em}ol li{margin-bottom:.15em}</style></head><body>${body}</body></html>`;

const norm = (t: string) =>
  t.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
/** Every truth value must be visibly printed (in some accepted form) in the page text. */
function verifyTruth(f: Fields, text: string): string[] {
  const T = norm(text);
  const bad: string[] = [];
  const has = (x: string) => T.includes(norm(x));
  for (const [k, v] of Object.entries(f)) {
    const s = String(v);
    if (k === 'name') {
      const [a, b] = s.split('\u3000');
      if (!b || !has(a + b)) bad.push(k);
    } else if (/^\d{4}-\d\d-\d\d$/.test(s)) {
      if (!DS_ALL.some((st) => has(fmtDate(s, st)) || has(fmtDate(s, st, true)))) bad.push(k + '=' + s);
    } else if (k === 'sex') {
      if (!has(v === 'male' ? '男' : '女')) bad.push(k);
    } else if (k === 'burdenRatio') {
      if (!has(`${Math.round(Number(v) * 10)}割`)) bad.push(k);
    } else if (!has(s)) bad.push(k + '=' + s);
  }
  return bad;
}

/**
 * Every printed text must lie inside its box, inside every clipping card above it, and inside the
 * viewport. Returns what does not. Evaluated in the page (a string keeps DOM types out of this file).
 */
const CHECK = `(() => {
  const W = innerWidth,
    H = innerHeight;
  const bad = [];
  const tw = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n;
  while ((n = tw.nextNode())) {
    if (!n.textContent.trim() || n.parentElement.closest('[data-nc]')) continue;
    const rg = document.createRange();
    rg.selectNodeContents(n);
    const box = n.parentElement.closest('td,th,.bx');
    let bb;
    let tol = 3;
    if (box) {
      const r0 = box.getBoundingClientRect();
      if (box.matches('.bx') && getComputedStyle(box).overflow === 'hidden') {
        tol = -1;
        const l = r0.left + box.clientLeft,
          t = r0.top + box.clientTop;
        bb = { left: l, top: t, right: l + box.clientWidth, bottom: t + box.clientHeight };
      } else bb = r0;
    }
    const clips = []; // every clipping card/container above this text
    for (
      let e = n.parentElement.closest('.bx');
      e;
      e = e.parentElement ? e.parentElement.closest('.bx') : null
    )
      if (getComputedStyle(e).overflow === 'hidden') {
        const q = e.getBoundingClientRect();
        clips.push(new DOMRect(q.left + e.clientLeft, q.top + e.clientTop, e.clientWidth, e.clientHeight));
      }
    for (const rc of Array.from(rg.getClientRects())) {
      if (
        rc.width &&
        clips.some(
          (c) =>
            rc.left < c.left - 0.5 || rc.right > c.right + 0.5 || rc.top < c.top + 0.5 || rc.bottom > c.bottom - 0.5,
        )
      ) {
        bad.push('clip:' + n.textContent.trim().slice(0, 14));
        break;
      }
      if (rc.width === 0) continue;
      if (rc.left < -0.5 || rc.top < -0.5 || rc.right > W + 0.5 || rc.bottom > H + 0.5) {
        bad.push('viewport:' + n.textContent.trim().slice(0, 14));
        break;
      }
      if (
        bb &&
        (rc.left < bb.left - Math.min(tol, 1) ||
          rc.right > bb.right + Math.min(tol, 1) ||
          rc.top < bb.top - tol ||
          rc.bottom > bb.bottom + tol)
      ) {
        bad.push('box:' + n.textContent.trim().slice(0, 14));
        break;
      }
    }
  }
  return bad;
})()`;

function kindList(r: R, n: number) {
  const main = Object.keys(KINDS).filter((k) => k !== 'ltc_insurance_card' && k !== 'clinic_card');
  const list: string[] = [];
  for (const k of main) for (let j = 0; j < 4; j++) list.push(k);
  list.push('ltc_insurance_card', 'ltc_insurance_card', 'clinic_card', 'clinic_card');
  const extra = r.shuffle([...main]);
  for (let j = 0; list.length < n; j++) list.push(extra[j % extra.length]!);
  return r.shuffle(list).slice(0, n);
}

/** What `generateIndependent` writes: `count` documents from `seed`, clean in `outDir`, degraded in `degradedDir`. */
export interface IndependentOptions {
  seed: number;
  count: number;
  outDir: string;
  degradedDir: string;
}

/** Renders the corpus the CLI renders: PNG + truth JSON in `outDir`, degraded JPEG + truth JSON in `degradedDir`. */
export async function generateIndependent(options: IndependentOptions): Promise<void> {
  await generate(options);
}

async function generate(opts: {
  seed: number;
  count: number;
  outDir: string;
  /** No degraded copies when absent. */
  degradedDir?: string | undefined;
  /** Debug: render only these document indices (the rest are still planned, so each is unchanged). */
  only?: readonly number[] | undefined;
}): Promise<void> {
  const { seed, count: n, outDir: out, degradedDir: dout, only } = opts;
  fs.mkdirSync(out, { recursive: true });
  if (dout) fs.mkdirSync(dout, { recursive: true });
  // The project's Chromium and arguments (CHROMIUM_PATH overrides the executable).
  const br = await launchChromium();
  try {
    const pages = {
      1: await (await br.newContext({ deviceScaleFactor: 1 })).newPage(),
      2: await (await br.newContext({ deviceScaleFactor: 2 })).newPage(),
    };
    const R0 = new R(seed);
    const kinds = kindList(R0, n);
    const counters: Record<string, number> = {};
    const offs: Record<string, number> = {};
    // successive seeds (7101, 7202, …) start 4 designs apart, so two batches together cover every layout family
    for (const k of Object.keys(KINDS)) offs[k] = Math.floor(seed / 100) * 4 + R0.i(0, 0);
    for (let i = 0; i < n; i++) {
      const kind = kinds[i]!;
      const ki = (counters[kind] = (counters[kind] ?? -1) + 1);
      const K = KINDS[kind]!;
      const off = offs[kind]!;
      const design = K.designs[(ki + off) % K.designs.length];
      if (only && !only.includes(i)) continue;
      let done = false;
      for (let attempt = 0; attempt < 10 && !done; attempt++) {
        const dseed = seed * 100003 + i * 7919 + attempt * 104729;
        const built = K.b(new R(dseed), design!, dseed + 17, ki + off);
        const [W, H, dsf] = DIM[built.size];
        const page = pages[dsf as 1 | 2];
        await page.setViewportSize({ width: W, height: H });
        const ks =
          built.size === 'phone' || built.design.startsWith('myna') || built.design.startsWith('portal')
            ? [1, 0.94, 0.88]
            : built.size === 'a4'
              ? [1.12, 1.06, 1, 0.94, 0.88, 0.82]
              : built.size === 'postcard'
                ? [1.75, 1.6, 1.45, 1.32, 1.2, 1.1, 1, 0.92, 0.86]
                : [1.45, 1.32, 1.22, 1.12, 1.04, 0.96, 0.9, 0.84];
        for (const k of ks) {
          await page.setContent(PAGE(W, H, built.font, built.html(k)), { waitUntil: 'load' });
          await page.evaluate('document.fonts.ready.then(() => true)');
          const bad = (await page.evaluate(CHECK)) as string[];
          if (bad.length) {
            if (process.env['VERBOSE']) console.error(i, kind, built.design, attempt, k, bad.slice(0, 4));
            continue;
          }
          for (const [key, val] of Object.entries(built.fields))
            if (key === 'insurerNumber' && !validCd(String(val))) throw new Error('check digit ' + val);
          const miss = verifyTruth(built.fields, (await page.evaluate('document.body.innerText')) as string);
          if (miss.length) throw new Error(`truth not printed in ${i} ${built.design}: ${miss.join(', ')}`);
          const base = `${String(i + 1).padStart(4, '0')}-${kind}`;
          const png = await page.screenshot({ type: 'png' });
          fs.writeFileSync(path.join(out, base + '.png'), png);
          const truth = {
            file: base + '.png',
            kind,
            size: built.size,
            design: built.design,
            degraded: false,
            fields: built.fields,
            faces: { font: built.font },
          };
          fs.writeFileSync(path.join(out, base + '.json'), JSON.stringify(truth, null, 2) + '\n');
          if (dout) {
            const drng = new R(seed * 31 + i * 977 + 5);
            const { image } = await degradeWithInfo(png, () => drng.n(), { physicalWidthMm: MM[built.size] });
            fs.writeFileSync(path.join(dout, base + '.jpg'), image);
            fs.writeFileSync(
              path.join(dout, base + '.json'),
              JSON.stringify({ ...truth, file: base + '.jpg', degraded: true }, null, 2) + '\n',
            );
          }
          console.log(`${base}  ${built.design}  ${built.size}  ${built.font}  attempt=${attempt} k=${k}`);
          done = true;
          break;
        }
      }
      if (!done) throw new Error(`could not fit document ${i} ${kind} ${design}`);
    }
  } finally {
    await br.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const a = process.argv.slice(2);
  const arg = (k: string, d?: string) => {
    const i = a.indexOf('--' + k);
    return i >= 0 ? a[i + 1] : d;
  };
  const out = arg('out');
  if (!out) {
    console.error(
      'usage: node --import tsx bench/independent/generate.ts --out DIR [--dout DEGRADED_DIR] [--seed 7101] [--n 44] [--only 0,5]',
    );
    process.exit(2);
  }
  const only = arg('only'); // debug: only these indices (comma list)
  await generate({
    seed: Number(arg('seed', '7101')),
    count: Number(arg('n', '44')),
    outDir: out,
    degradedDir: arg('dout'),
    only: only?.split(',').map(Number),
  });
}
