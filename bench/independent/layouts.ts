/**
 * HTML layout families of the independent evaluation corpus (see generate.ts): card layouts (band,
 * grid, stripe, leader, colon), postcards (table, fold-out card), A4 letters (cut-out card, table,
 * boxes), and the pieces they share (row packing, seals, QR-like codes, photo placeholder).
 */
import type { R } from './data.ts';

export interface Item {
  l: string;
  v: string;
  w?: 1 | 2;
  g?: string;
  big?: boolean;
  wrap?: boolean;
}
export interface Spec {
  title: string;
  sub?: string;
  badge?: string;
  items: Item[];
  ins: Item[];
  insHead?: string;
  seal?: string;
  notes?: string[];
  qr?: string;
  foot?: string;
  issuer?: string;
  color: string;
  tint: string;
}
export interface Letter {
  zip: string;
  addr: string;
  to: string;
  from: string[];
  date: string;
  title: string;
  body: string[];
  mark?: string;
  cautions?: string[];
  contact?: string[];
}
export interface LO {
  W: number;
  H: number;
  s: number;
  k: number;
  min: number;
  font: string;
  font2: string;
  r: R;
}

export const F = (o: LO) => (n: number) => `${Math.max(o.min, n * o.s * o.k).toFixed(1)}px`;
export const P = (o: LO) => (n: number) => `${(n * o.s).toFixed(1)}px`;
const v = (it: Item, cls = 'v') => `<span class="${it.wrap ? 'vw' : cls}">${it.v}</span>`;

export function pack(items: Item[]): Item[][] {
  const rows: Item[][] = [];
  for (let k = 0; k < items.length; k++) {
    const a = items[k]!,
      b = items[k + 1];
    if ((a.w ?? 1) === 1 && b && (b.w ?? 1) === 1 && (b.g ?? '') === (a.g ?? '')) {
      rows.push([a, b]);
      k++;
    } else rows.push([a]);
  }
  return rows;
}
export function seal(text: string, side: string, fs: string, color = '#c8252c', round = false) {
  return `<div class="bx" style="flex:none;width:${side};height:${side};border:3px solid ${color};border-radius:${round ? '50%' : '4px'};color:${color};display:flex;align-items:center;justify-content:center;opacity:.85;transform:rotate(-4deg)"><div style="writing-mode:vertical-rl;font-size:${fs};line-height:1.05;height:2.2em;letter-spacing:.02em;font-family:'Noto Serif CJK JP'">${text}</div></div>`;
}
export function qr(r: R, side: string) {
  const n = 25;
  let cells = '';
  const finder = (x: number, y: number) =>
    `<rect x="${x}" y="${y}" width="7" height="7" fill="#000"/><rect x="${x + 1}" y="${y + 1}" width="5" height="5" fill="#fff"/><rect x="${x + 2}" y="${y + 2}" width="3" height="3" fill="#000"/>`;
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      if ((x < 8 && y < 8) || (x > n - 9 && y < 8) || (x < 8 && y > n - 9)) continue;
      if (r.ch(0.48)) cells += `<rect x="${x}" y="${y}" width="1" height="1"/>`;
    }
  return `<svg width="${side}" height="${side}" viewBox="-1 -1 ${n + 2} ${n + 2}" style="flex:none;background:#fff">${cells}${finder(0, 0)}${finder(n - 7, 0)}${finder(0, n - 7)}</svg>`;
}
export const photo = (w: string, h: string) =>
  `<svg width="${w}" height="${h}" viewBox="0 0 60 75" preserveAspectRatio="none" style="flex:none;background:#dfe3e8;border:1px solid #9aa"><circle cx="30" cy="28" r="13" fill="#8d99a6"/><path d="M6 75 C8 52 20 46 30 46 C40 46 52 52 54 75 Z" fill="#8d99a6"/></svg>`;

const insBlock = (sp: Spec) =>
  sp.ins
    .map(
      (it) =>
        `<div style="white-space:nowrap"><span style="font-size:.85em;opacity:.85">${it.l}</span>${it.l ? '\u3000' : ''}<span class="v">${it.v}</span></div>`,
    )
    .join('');
const notes = (sp: Spec, fs: string, mt: string) =>
  sp.notes?.length
    ? `<ol style="font-size:${fs};line-height:1.3;margin:${mt} 0 0 1.3em">${sp.notes.map((n) => `<li>${n}</li>`).join('')}</ol>`
    : '';

/** Card 1: reversed title band, shaded label column table, insurer block with seal. */
export function cardBand(sp: Spec, o: LO) {
  const f = F(o),
    p = P(o);
  const rows = pack(sp.items)
    .map((rw) =>
      rw.length === 2
        ? `<tr><th>${rw[0]!.l}</th><td${rw[0]!.big ? ' class=big' : ''}>${v(rw[0]!)}</td><th>${rw[1]!.l}</th><td>${v(rw[1]!)}</td></tr>`
        : `<tr><th>${rw[0]!.l}</th><td colspan=3${rw[0]!.big ? ' class=big' : ''}>${v(rw[0]!)}</td></tr>`,
    )
    .join('');
  return `<style>.cb th{border:1.5px solid ${sp.color};background:${sp.tint};font-weight:normal;font-size:${f(20)};padding:${p(3)} ${p(6)};text-align:left;line-height:1.12}
.cb td{border:1.5px solid ${sp.color};font-size:${f(27)};padding:${p(3)} ${p(10)};background:#fff}.cb td.big{font-size:${f(34)}}.v{white-space:nowrap}.vw{white-space:normal}</style>
<div class="cb bx" style="position:relative;width:${o.W}px;height:${o.H}px;background:${sp.tint};border:${p(3)} solid ${sp.color};border-radius:${p(20)};overflow:hidden;display:flex;flex-direction:column;font-family:'${o.font}'">
<div style="background:${sp.color};color:#fff;padding:${p(8)} ${p(24)};display:flex;align-items:center;justify-content:space-between;gap:${p(10)}">
<div style="font-family:'${o.font2}';font-weight:bold;font-size:${f(36)};letter-spacing:.08em;white-space:nowrap">${sp.title}${sp.sub ? `<span style="font-size:${f(22)};font-weight:normal">\u3000${sp.sub}</span>` : ''}</div>
${sp.badge ? `<div style="font-size:${f(21)};border:2px solid #fff;border-radius:${p(8)};padding:0 ${p(10)};white-space:nowrap">${sp.badge}</div>` : ''}</div>
<table style="margin:${p(12)} ${p(20)} 0;width:calc(100% - ${p(40)});border-collapse:collapse;table-layout:auto">
<colgroup><col style="width:19%"><col style="width:31%"><col style="width:19%"><col style="width:31%"></colgroup>${rows}</table>
<div style="margin-top:auto;padding:${p(6)} ${p(22)} ${p(12)};display:flex;align-items:flex-end;justify-content:space-between;gap:${p(12)}">
<div style="font-size:${f(21)};line-height:1.3">${sp.foot ? `<div>${sp.foot}</div>` : ''}${insBlock(sp)}</div>
<div style="display:flex;gap:${p(12)};align-items:flex-end">${sp.qr ?? ''}${sp.seal ? seal(sp.seal, p(82), f(23)) : ''}</div></div></div>`;
}

/** Card 2: double frame, centred spaced title, thick-ruled grid with vertical merged group cells. */
export function cardGrid(sp: Spec, o: LO) {
  const f = F(o),
    p = P(o);
  // group rows
  const groups: { g: string; rows: Item[][] }[] = [];
  for (const it of sp.items) {
    const last = groups[groups.length - 1];
    if (last && last.g === (it.g ?? '') && it.g) {
      last.rows.push([it]);
    } else groups.push({ g: it.g ?? '', rows: [[it]] });
  }
  let html = '';
  for (const gr of groups) {
    const rows = pack(gr.rows.map((x) => x[0]!));
    rows.forEach((rw, k) => {
      const gcell = gr.g ? (k === 0 ? `<th rowspan=${rows.length} class=gv><div>${gr.g}</div></th>` : '') : '';
      const first = gr.g ? `<th>${rw[0]!.l}</th>` : `<th colspan=2>${rw[0]!.l}</th>`;
      html +=
        rw.length === 2
          ? `<tr>${gcell}${first}<td>${v(rw[0]!)}</td><th>${rw[1]!.l}</th><td>${v(rw[1]!)}</td></tr>`
          : `<tr>${gcell}${first}<td colspan=3${rw[0]!.big ? ' class=big' : ''}>${v(rw[0]!)}</td></tr>`;
    });
  }
  const ins = sp.ins.map((it) => `<tr><th colspan=2>${it.l}</th><td colspan=3>${v(it)}</td></tr>`).join('');
  return `<style>.cg th{border:2.5px solid #222;font-weight:normal;font-size:${f(20)};padding:${p(3)} ${p(5)};text-align:center;line-height:1.1;background:#fff}
.cg td{border:2.5px solid #222;font-size:${f(27)};padding:${p(2)} ${p(10)};background:#fff}.cg td.big{font-size:${f(33)}}.cg th.gv div{writing-mode:vertical-rl;margin:auto;letter-spacing:.2em}.v{white-space:nowrap}.vw{white-space:normal}</style>
<div class="cg bx" style="width:${o.W}px;height:${o.H}px;overflow:hidden;background:${sp.tint};border:${p(9)} double ${sp.color};padding:${p(10)} ${p(18)};display:flex;flex-direction:column;font-family:'${o.font}';position:relative">
<div style="display:flex;align-items:baseline;justify-content:center;gap:${p(20)};position:relative">
<div style="font-family:'${o.font2}';font-size:${f(35)};letter-spacing:.25em;font-weight:bold;color:${sp.color};white-space:nowrap">${sp.title}</div>${sp.sub ? `<div style="font-size:${f(21)};white-space:nowrap">${sp.sub}</div>` : ''}
${sp.badge ? `<div style="position:absolute;right:0;top:0;font-size:${f(21)};border:2px solid ${sp.color};color:${sp.color};padding:0 ${p(8)};white-space:nowrap">${sp.badge}</div>` : ''}</div>
${sp.foot ? `<div style="text-align:right;font-size:${f(21)};margin-top:${p(2)}">${sp.foot}</div>` : ''}
<table style="margin-top:${p(6)};width:100%;border-collapse:collapse;table-layout:auto">
<colgroup><col style="width:6%"><col style="width:14%"><col style="width:30%"><col style="width:18%"><col style="width:32%"></colgroup>${html}</table>
<div style="margin-top:auto;display:flex;align-items:flex-end;gap:${p(14)}">
<table style="flex:1;border-collapse:collapse;table-layout:fixed"><colgroup><col style="width:6%"><col style="width:17%"><col><col><col></colgroup>${ins}</table>
${sp.qr ?? ''}${sp.seal ? seal(sp.seal, p(80), f(22), '#c8252c', true) : ''}</div></div>`;
}

/** Card 3: coloured left stripe with vertical title, fields as rounded boxes with small labels above values. */
export function cardStripe(sp: Spec, o: LO) {
  const f = F(o),
    p = P(o);
  const boxes = sp.items
    .map(
      (
        it,
      ) => `<div class="bx" style="flex:0 0 ${(it.w ?? 1) === 2 ? 'calc(100% - 2px)' : `calc(50% - ${p(6)})`};border:2px solid ${sp.color};border-radius:${p(10)};padding:${p(1)} ${p(10)} ${p(3)};background:#fff;overflow:hidden">
<div style="font-size:${f(19)};color:${sp.color};line-height:1.15">${it.l}</div><div style="font-size:${f(it.big ? 32 : 26)};line-height:1.2">${v(it)}</div></div>`,
    )
    .join('');
  return `<style>.v{white-space:nowrap}.vw{white-space:normal}</style><div class="bx" style="width:${o.W}px;height:${o.H}px;display:flex;background:#fff;border:1px solid #bbb;border-radius:${p(16)};overflow:hidden;font-family:'${o.font}'">
<div style="flex:0 0 ${p(104)};background:${sp.color};color:#fff;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:${p(10)}">
<div style="writing-mode:vertical-rl;font-family:'${o.font2}';font-weight:bold;font-size:${f(sp.title.length > 11 ? 30 : 36)};letter-spacing:.12em;white-space:nowrap">${sp.title}</div>
${sp.badge ? `<div style="writing-mode:vertical-rl;font-size:${f(20)};background:#fff;color:${sp.color};padding:${p(6)} ${p(2)};border-radius:${p(6)}">${sp.badge}</div>` : ''}</div>
<div style="flex:1;display:flex;flex-direction:column;padding:${p(10)} ${p(14)};background:${sp.tint}">
${sp.sub ? `<div style="font-size:${f(21)};margin-bottom:${p(4)}">${sp.sub}</div>` : ''}
<div style="display:flex;flex-wrap:wrap;gap:${p(6)} ${p(10)}">${boxes}</div>
<div style="margin-top:auto;display:flex;justify-content:space-between;align-items:flex-end;gap:${p(10)}">
<div style="font-size:${f(20)};line-height:1.3">${sp.foot ? `<div>${sp.foot}</div>` : ''}${insBlock(sp)}</div>${sp.qr ?? ''}${sp.seal ? seal(sp.seal, p(76), f(21)) : ''}</div></div></div>`;
}

/** Card 4: white card, 【】 labels with dotted leaders, two columns, insurer right-aligned. */
export function cardLeader(sp: Spec, o: LO) {
  const f = F(o),
    p = P(o);
  const br = o.r.ch(0.5);
  const lab = (l: string) => (br ? `【${l}】` : `${l}：`);
  const row = (
    it: Item,
  ) => `<div class="bx" style="grid-column:span ${(it.w ?? 1) === 2 ? 2 : 1};display:flex;align-items:baseline;gap:${p(4)};min-width:0">
<span style="font-size:${f(20)};white-space:nowrap;color:#333">${lab(it.l)}</span><span style="flex:1;border-bottom:${p(3)} dotted #888;min-width:${p(10)}"></span><span style="font-size:${f(it.big ? 33 : 26)}">${v(it)}</span></div>`;
  return `<style>.v{white-space:nowrap}.vw{white-space:normal}</style><div class="bx" style="width:${o.W}px;height:${o.H}px;overflow:hidden;background:#fff;border:${p(2)} solid ${sp.color};border-radius:${p(10)};padding:${p(14)} ${p(24)};display:flex;flex-direction:column;font-family:'${o.font}'">
<div style="display:flex;align-items:center;gap:${p(12)};border-bottom:${p(4)} solid ${sp.color};padding-bottom:${p(6)}">
<div style="width:${p(22)};height:${p(22)};background:${sp.color};flex:none"></div>
<div style="font-family:'${o.font2}';font-weight:bold;font-size:${f(34)};white-space:nowrap">${sp.title}</div>
<div style="font-size:${f(21)};white-space:nowrap">${sp.sub ?? ''}</div>
<div style="margin-left:auto;font-size:${f(21)};white-space:nowrap">${sp.badge ? `<span style="background:${sp.color};color:#fff;padding:0 ${p(8)}">${sp.badge}</span>` : ''}</div></div>
<div style="display:grid;grid-template-columns:1fr 1fr;column-gap:${p(30)};row-gap:${p(6)};margin-top:${p(10)}">${sp.items.map(row).join('')}</div>
<div style="margin-top:auto;display:flex;justify-content:flex-end;align-items:flex-end;gap:${p(14)}">${sp.qr ?? ''}
<div style="text-align:right;font-size:${f(21)};line-height:1.3">${sp.foot ? `<div>${sp.foot}</div>` : ''}${insBlock(sp)}</div>${sp.seal ? seal(sp.seal, p(78), f(22)) : ''}</div></div>`;
}

/** Card 5: cream paper, underlined centred title, borderless "label：value" lines with justified labels. */
export function cardColon(sp: Spec, o: LO) {
  const f = F(o),
    p = P(o);
  const rows = pack(sp.items)
    .map(
      (rw) =>
        `<tr>${rw.map((it) => `<th>${it.l}</th><td class=c>：</td><td${rw.length === 1 ? ' colspan=4' : ''}${it.big ? ' class=big' : ''}>${v(it)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<style>.cc th{font-weight:normal;font-size:${f(21)};text-align:justify;text-align-last:justify;padding:${p(2)} 0;white-space:nowrap;width:1%}
.cc td{font-size:${f(27)};padding:${p(2)} ${p(6)}}.cc td.c{font-size:${f(21)};padding:0;width:1%}.cc td.big{font-size:${f(33)}}.v{white-space:nowrap}.vw{white-space:normal}</style>
<div class="cc bx" style="width:${o.W}px;height:${o.H}px;overflow:hidden;background:#fffdf4;border:${p(2)} solid #999;padding:${p(12)} ${p(26)};display:flex;flex-direction:column;font-family:'${o.font}';position:relative">
<div style="text-align:center;white-space:nowrap"><span style="font-family:'${o.font2}';font-size:${f(34)};border-bottom:${p(5)} double ${sp.color};padding:0 ${p(10)};letter-spacing:.1em">${sp.title}</span>${sp.sub ? `<span style="font-size:${f(21)};margin-left:${p(10)}">${sp.sub}</span>` : ''}</div>
${sp.badge ? `<div style="position:absolute;left:${p(20)};top:${p(14)};font-size:${f(20)};border:1.5px solid #555;padding:0 ${p(6)}">${sp.badge}</div>` : ''}
<table style="margin-top:${p(12)};border-collapse:collapse;width:100%">${rows}</table>
<div style="margin-top:auto;display:flex;justify-content:space-between;align-items:flex-end;gap:${p(10)}">
<div style="font-size:${f(20)};line-height:1.3">${sp.foot ? `<div>${sp.foot}</div>` : ''}${insBlock(sp)}</div>
${sp.issuer ? `<div style="font-size:${f(24)};white-space:nowrap;position:relative;padding-right:${p(30)}">${sp.issuer}<div style="position:absolute;right:${p(-24)};top:${p(-28)}">${seal(sp.seal ?? '之印', p(72), f(20))}</div></div>` : sp.seal ? seal(sp.seal, p(76), f(21)) : ''}${sp.qr ?? ''}</div></div>`;
}

export const CARD_LAYOUTS: Record<string, (sp: Spec, o: LO) => string> = {
  band: cardBand,
  grid: cardGrid,
  stripe: cardStripe,
  leader: cardLeader,
  colon: cardColon,
};

/** Full-page table with merged vertical group cells + notes (postcard or A4 body). */
export function bigTable(sp: Spec, o: LO, withTitle = true, tableH?: number) {
  const f = F(o),
    p = P(o);
  let html = '';
  const items = sp.items;
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    let span = 1;
    if (it.g && (k === 0 || items[k - 1]!.g !== it.g)) {
      while (items[k + span]?.g === it.g) span++;
    }
    const g = it.g
      ? k === 0 || items[k - 1]!.g !== it.g
        ? `<th rowspan=${span} class=gv><div>${it.g}</div></th>`
        : ''
      : '';
    html += `<tr>${g}<th${it.g ? '' : ' colspan=2'}>${it.l}</th><td${it.big ? ' class=big' : ''}>${v(it)}</td></tr>`;
  }
  const ins = sp.ins.map((it) => `<tr><th colspan=2>${it.l}</th><td>${v(it)}</td></tr>`).join('');
  return `<style>.bt th{border:2px solid #333;background:${sp.tint};font-weight:normal;font-size:${f(21)};padding:${p(6)};line-height:1.15}
.bt td{border:2px solid #333;font-size:${f(27)};padding:${p(6)} ${p(12)}}.bt td.big{font-size:${f(34)}}.bt th.gv div{writing-mode:vertical-rl;margin:auto;letter-spacing:.3em}.v{white-space:nowrap}.vw{white-space:normal}</style>
<div class="bt" style="font-family:'${o.font}'">
${withTitle ? `<div style="text-align:center;white-space:nowrap;font-family:'${o.font2}';font-size:${f(40)};font-weight:bold;letter-spacing:.15em;color:${sp.color};margin-bottom:${p(4)}">${sp.title}</div>${sp.sub ? `<div style="text-align:center;font-size:${f(23)}">${sp.sub}</div>` : ''}` : ''}
${sp.badge || sp.foot ? `<div style="display:flex;justify-content:space-between;font-size:${f(23)};margin:${p(8)} 0">${sp.badge ? `<span style="border:2px solid ${sp.color};padding:0 ${p(10)}">${sp.badge}</span>` : '<span></span>'}<span>${sp.foot ?? ''}</span></div>` : ''}
<table style="width:100%;border-collapse:collapse;table-layout:fixed;margin-top:${p(8)}${tableH ? `;height:${tableH}px` : ''}"><colgroup><col style="width:7%"><col style="width:25%"><col></colgroup>${html}</table>
<div style="display:flex;gap:${p(16)};align-items:flex-end;margin-top:${p(14)}"><table style="flex:1;border-collapse:collapse;table-layout:fixed"><colgroup><col style="width:7%"><col style="width:25%"><col></colgroup>${ins}</table>
${sp.issuer ? `<div style="font-size:${f(25)};white-space:nowrap">${sp.issuer}</div>` : ''}${sp.seal ? seal(sp.seal, p(90), f(25)) : ''}</div>
${sp.qr ? `<div style="margin-top:${p(10)}">${sp.qr}</div>` : ''}
${notes(sp, f(19), p(14))}</div>`;
}

export function postTable(sp: Spec, o: LO) {
  const p = P(o);
  return `<div class="bx" style="width:${o.W}px;height:${o.H}px;overflow:hidden;background:#fff;padding:${p(40)} ${p(44)};border:${p(6)} solid ${sp.color}">${bigTable(sp, o, true, Math.round(o.H * (0.42 + 0.02 * sp.items.length)))}</div>`;
}

/** Postcard: address side on top, perforation, then a card-size certificate (any card layout). */
export function postFold(sp: Spec, o: LO, L: Letter, cardLayout: string) {
  const f = F({ ...o, k: 1 }),
    p = P(o);
  const cw = Math.round(o.W * 0.9),
    ch = Math.round(cw * 0.74);
  const card = CARD_LAYOUTS[cardLayout]!(sp, { ...o, W: cw, H: ch, s: cw / 1000 });
  const zipBoxes = L.zip
    .replace('-', '')
    .split('')
    .map(
      (d, k) =>
        `<span style="display:inline-block;width:${p(40)};height:${p(52)};border:2px solid #d33;margin-right:${k === 2 ? p(14) : p(4)};text-align:center;font-size:${f(34)};line-height:${p(50)}">${d}</span>`,
    )
    .join('');
  return `<div class="bx" style="width:${o.W}px;height:${o.H}px;overflow:hidden;background:#fff;padding:${p(30)} ${p(50)};display:flex;flex-direction:column;font-family:'${o.font}'">
<div style="display:flex;justify-content:space-between"><div>${zipBoxes}</div><div style="border:2px solid #333;padding:${p(6)};font-size:${f(21)};text-align:center;line-height:1.2">料金後納<br>郵\u3000便</div></div>
<div style="margin:${p(30)} 0 0 ${p(40)};font-size:${f(30)};line-height:1.5">${L.addr}</div>
<div style="margin:${p(16)} 0 0 ${p(90)};font-size:${f(42)}">${L.to}\u3000様</div>
${L.mark ? `<div style="margin:${p(14)} 0 0 ${p(40)};font-size:${f(26)};color:#c00;border:2px solid #c00;align-self:flex-start;padding:0 ${p(10)}">${L.mark}</div>` : ''}
<div style="margin-top:auto;font-size:${f(21)};line-height:1.35;text-align:right">${L.from.join('<br>')}</div>
<div style="border-top:${p(3)} dashed #777;margin:${p(18)} 0 ${p(6)};text-align:center;font-size:${f(19)};color:#555">ミシン目\u3000ここから切り離してお使いください</div>
<div style="align-self:center">${card}</div></div>`;
}

/** A4 letter header (address window, sender block, title, body). */
export function letterHead(L: Letter, o: LO, color: string) {
  const f = F(o),
    p = P(o);
  return `<div style="display:flex;justify-content:space-between;align-items:flex-start">
<div style="width:${p(560)};font-size:${f(22)};line-height:1.45;padding:${p(10)} ${p(16)};border:1px solid #ddd"><div>〒${L.zip}</div><div>${L.addr}</div><div style="font-size:${f(28)};margin-top:${p(8)}">${L.to}\u3000様</div></div>
<div style="text-align:right;font-size:${f(20)};line-height:1.45">${L.date}<br>${L.from.join('<br>')}</div></div>
<div style="margin:${p(30)} 0 ${p(14)};text-align:center;font-family:'${o.font2}';font-size:${f(38)};font-weight:bold;letter-spacing:.1em;color:${color}">${L.title}</div>
${L.body.map((b) => `<p style="font-size:${f(21)};line-height:1.6;text-indent:1em;margin-bottom:${p(4)}">${b}</p>`).join('')}`;
}

export function letterInfo(L: Letter, o: LO, color: string) {
  const f = F(o),
    p = P(o);
  return `<div style="display:flex;gap:${p(24)};margin-top:${p(22)}">
${L.cautions?.length ? `<div class="bx" style="flex:3;border:2px solid ${color};border-radius:${p(8)};padding:${p(10)} ${p(16)}"><div style="font-size:${f(22)};font-weight:bold;color:${color};margin-bottom:${p(4)}">ご注意ください</div>${L.cautions.map((c) => `<div style="font-size:${f(19)};line-height:1.5;padding-left:1em;text-indent:-1em">・${c}</div>`).join('')}</div>` : ''}
${L.contact?.length ? `<div class="bx" style="flex:2;background:#f3f3f3;padding:${p(10)} ${p(16)}"><div style="font-size:${f(21)};font-weight:bold;margin-bottom:${p(4)}">お問い合わせ先</div>${L.contact.map((c) => `<div style="font-size:${f(19)};line-height:1.5">${c}</div>`).join('')}</div>` : ''}</div>`;
}

export function a4Cut(sp: Spec | null, card: Spec, o: LO, L: Letter, cardLayout: string) {
  const f = F(o),
    p = P(o);
  const cw = 640,
    ch = 404;
  const cardHtml = CARD_LAYOUTS[cardLayout]!(card, {
    ...o,
    W: cw,
    H: ch,
    s: cw / 1000,
    k: o.k * 1.3,
    min: Math.max(o.min, 13),
  });
  return `<div class="bx" style="width:${o.W}px;height:${o.H}px;overflow:hidden;background:#fff;padding:${p(70)} ${p(90)};display:flex;flex-direction:column;font-family:'${o.font}'">
${letterHead(L, o, card.color)}
${sp ? `<div style="margin-top:${p(10)}">${bigTable(sp, o, false)}</div>` : ''}
${letterInfo(L, o, card.color)}
<div style="margin-top:auto;border-top:${p(3)} dashed #666;position:relative;padding-top:${p(26)}"><span style="position:absolute;top:${p(-17)};left:${p(20)};background:#fff;font-size:${f(21)};padding:0 ${p(8)}">✂ きりとり線</span>
<div style="display:flex;gap:${p(40)};align-items:center"><div style="flex:none">${cardHtml}</div>
<div style="font-size:${f(18)};line-height:1.5;color:#333">${(card.notes ?? []).map((n) => `・${n}`).join('<br>')}</div></div></div></div>`;
}

export function a4Table(sp: Spec, o: LO, L: Letter) {
  const p = P(o);
  return `<div class="bx" style="width:${o.W}px;height:${o.H}px;overflow:hidden;background:#fff;padding:${p(70)} ${p(90)};display:flex;flex-direction:column;font-family:'${o.font}'">
${letterHead(L, o, sp.color)}<div style="margin-top:${p(16)}">${bigTable(sp, o, false)}</div>${letterInfo(L, o, sp.color)}</div>`;
}

export function a4Boxes(sp: Spec, o: LO, L: Letter) {
  const f = F(o),
    p = P(o);
  const boxes = sp.items
    .map(
      (
        it,
      ) => `<div class="bx" style="grid-column:span ${(it.w ?? 1) === 2 ? 2 : 1};border:1.5px solid ${sp.color};padding:${p(4)} ${p(12)} ${p(8)}">
<div style="font-size:${f(18)};color:${sp.color}">${it.l}</div><div style="font-size:${f(it.big ? 34 : 27)}">${v(it)}</div></div>`,
    )
    .join('');
  return `<style>.v{white-space:nowrap}.vw{white-space:normal}</style><div class="bx" style="width:${o.W}px;height:${o.H}px;overflow:hidden;background:#fff;padding:${p(70)} ${p(90)};display:flex;flex-direction:column;font-family:'${o.font}'">
${letterHead(L, o, sp.color)}
<div style="margin-top:${p(16)};background:${sp.color};color:#fff;font-size:${f(24)};padding:${p(6)} ${p(14)}">${sp.title}</div>
<div style="display:grid;grid-template-columns:1fr 1fr;gap:${p(8)};margin-top:${p(10)}">${boxes}</div>
<div style="margin-top:${p(20)};display:flex;gap:${p(30)};align-items:flex-end"><div style="font-size:${f(22)};line-height:1.5;flex:1">${insBlock(sp)}</div>${sp.seal ? seal(sp.seal, p(86), f(24)) : ''}</div>
${notes(sp, f(19), p(24))}${letterInfo(L, o, sp.color)}</div>`;
}
