/**
 * Screens and cards of the independent evaluation corpus (see generate.ts) that are not insurer
 * layouts: マイナポータル phone screens and PDF, マイナンバーカード fronts (2015, 2026, ruled) and
 * clinic 診察券.
 */
import { type Item, type LO, F, P, photo, qr } from './layouts.ts';

export interface PortalSpec {
  sections: { h: string; items: Item[] }[];
  stamp: string;
  hello?: string;
  note: string;
  printed: string;
  links: string[];
}

const statusBar = (o: LO, dark: boolean) => {
  const f = F(o);
  const c = dark ? '#fff' : '#111';
  const bars = [6, 9, 12, 15]
    .map((h) => `<span style="display:inline-block;width:4px;height:${h}px;background:${c};margin-left:2px"></span>`)
    .join('');
  return `<div style="height:40px;display:flex;align-items:center;justify-content:space-between;padding:0 22px;color:${c};font-size:${f(16)};font-weight:bold">
<span>${o.r.i(7, 21)}:${String(o.r.i(0, 59)).padStart(2, '0')}</span><span style="display:flex;align-items:flex-end;gap:8px">${bars}<span style="font-size:${f(14)}">${o.r.i(12, 99)}%</span><span style="display:inline-block;width:26px;height:12px;border:2px solid ${c};border-radius:3px"></span></span></div>`;
};
const navBar = (o: LO, color: string) => {
  const f = F(o);
  return `<div style="flex:none;height:64px;border-top:1px solid #ddd;background:#fff;display:flex;justify-content:space-around;align-items:center">${['ホーム', 'さがす', '証明書', 'メニュー'].map((t, k) => `<div style="text-align:center;color:${k === 2 ? color : '#777'};font-size:${f(11)}"><div style="width:22px;height:22px;border:2px solid currentColor;border-radius:${k % 2 ? '50%' : '5px'};margin:0 auto 2px"></div>${t}</div>`).join('')}</div>`;
};

/** Phone A: blue app bar, rounded white panels, labels above values. */
export function phonePanels(ps: PortalSpec, o: LO) {
  const f = F(o);
  const col = o.r.pick(['#1f5fbf', '#0b4f8a', '#2a6fdb']);
  const panels = ps.sections
    .map(
      (s) => `<div style="margin:12px 14px 0;font-size:${f(15)};font-weight:bold;color:#333">${s.h}</div>
<div class="bx" style="margin:6px 14px 0;background:#fff;border-radius:14px;box-shadow:0 1px 4px rgba(0,0,0,.15);padding:4px 16px">
${s.items.map((it, k) => `<div style="padding:7px 0;${k ? 'border-top:1px solid #eee' : ''}"><div style="font-size:${f(13)};color:#667">${it.l}</div><div style="font-size:${f(it.big ? 21 : 17)};color:#111;white-space:nowrap">${it.v}</div></div>`).join('')}</div>`,
    )
    .join('');
  return `<div class="bx" style="width:${o.W}px;height:${o.H}px;background:#f1f3f6;position:relative;overflow:hidden;font-family:'${o.font}';display:flex;flex-direction:column">
<div style="background:${col};flex:none">${statusBar(o, true)}<div style="height:50px;display:flex;align-items:center;color:#fff;padding:0 14px;font-size:${f(18)}"><span style="font-size:${f(26)};width:30px">‹</span><span style="flex:1;text-align:center;font-weight:bold">資格情報</span><span style="width:30px"></span></div></div>
<div class="bx" style="flex:1;overflow:hidden"><div style="padding:10px 16px 0;font-size:${f(13)};color:#555">${ps.stamp}</div>${panels}
<div style="margin:10px 16px;font-size:${f(12)};color:#666;line-height:1.4">${ps.note}</div>
<div data-nc="1" style="margin:4px 14px;background:#fff;border-radius:14px;padding:2px 16px">${ps.links.map((l, k) => `<div style="padding:11px 0;font-size:${f(15)};color:${col};${k ? 'border-top:1px solid #eee' : ''};display:flex;justify-content:space-between"><span>${l}</span><span>›</span></div>`).join('')}</div></div>${navBar(o, col)}</div>`;
}

/** Phone B: grouped list, label left / value right, thin separators. */
export function phoneList(ps: PortalSpec, o: LO) {
  const f = F(o);
  const groups = ps.sections
    .map(
      (s) => `<div style="padding:14px 18px 5px;font-size:${f(13)};color:#6d6d72">${s.h}</div>
<div style="background:#fff;border-top:1px solid #d8d8dc;border-bottom:1px solid #d8d8dc">${s.items
        .map(
          (
            it,
            k,
          ) => `<div class="bx" style="display:flex;justify-content:space-between;align-items:center;gap:10px;padding:9px 18px;${k ? 'border-top:1px solid #e5e5ea' : ''}">
<span style="font-size:${f(14)};color:#333;white-space:nowrap">${it.l}</span><span style="font-size:${f(it.big ? 18 : 16)};text-align:right;white-space:nowrap">${it.v}</span></div>`,
        )
        .join('')}</div>`,
    )
    .join('');
  return `<div class="bx" style="width:${o.W}px;height:${o.H}px;background:#efeff4;position:relative;overflow:hidden;font-family:'${o.font}'">
<div style="background:#f9f9f9;border-bottom:1px solid #ccc">${statusBar(o, false)}<div style="height:46px;display:flex;align-items:center;padding:0 14px;font-size:${f(17)}"><span style="color:#0a66d6;width:70px">＜ 戻る</span><span style="flex:1;text-align:center;font-weight:bold">健康保険証</span><span style="width:70px"></span></div></div>
<div style="padding:8px 18px 0;font-size:${f(12)};color:#6d6d72">${ps.stamp}</div>${groups}
<div style="padding:10px 18px;font-size:${f(12)};color:#6d6d72;line-height:1.4">${ps.note}</div>
<div data-nc="1" style="background:#fff;border-top:1px solid #d8d8dc;border-bottom:1px solid #d8d8dc">${ps.links.map((l, k) => `<div style="padding:11px 18px;font-size:${f(15)};color:#0a66d6;${k ? 'border-top:1px solid #e5e5ea' : ''}">${l}</div>`).join('')}</div></div>`;
}

/** Phone C: gradient header with a name summary card, then two-column tiles. */
export function phoneSummary(ps: PortalSpec, o: LO) {
  const f = F(o);
  const col = o.r.pick(['#0f7b6c', '#5b3fa8', '#c2410c']);
  const [first, ...rest] = ps.sections;
  const tiles = rest
    .map(
      (
        s,
      ) => `<div style="margin:14px 14px 0;font-size:${f(14)};color:${col};font-weight:bold;border-left:4px solid ${col};padding-left:8px">${s.h}</div>
<div style="display:grid;grid-template-columns:1fr 1fr;gap:8px;margin:8px 14px 0">${s.items.map((it) => `<div class="bx" style="grid-column:span ${it.w === 2 ? 2 : 1};background:#fff;border-radius:10px;padding:7px 10px;border:1px solid #e3e3e3"><div style="font-size:${f(12)};color:#777">${it.l}</div><div style="font-size:${f(16)};white-space:nowrap">${it.v}</div></div>`).join('')}</div>`,
    )
    .join('');
  return `<div class="bx" style="width:${o.W}px;height:${o.H}px;background:#f6f6f6;position:relative;overflow:hidden;font-family:'${o.font}';display:flex;flex-direction:column">
<div style="flex:none;background:linear-gradient(135deg, ${col}, #333);color:#fff;padding-bottom:16px">${statusBar(o, true)}
<div style="padding:6px 18px;font-size:${f(16)}">マイナポータル\u3000<span style="opacity:.8;font-size:${f(13)}">${ps.hello ?? ''}</span></div>
<div class="bx" style="margin:6px 14px 0;background:rgba(255,255,255,.14);border-radius:14px;padding:10px 14px">
<div style="font-size:${f(13)};opacity:.9">${first!.h}</div>${first!.items.map((it) => `<div style="display:flex;gap:10px;align-items:baseline;margin-top:4px"><span style="font-size:${f(12)};opacity:.85;white-space:nowrap;width:88px">${it.l}</span><span style="font-size:${f(it.big ? 22 : 16)};white-space:nowrap">${it.v}</span></div>`).join('')}</div></div>
<div class="bx" style="flex:1;overflow:hidden"><div style="padding:8px 16px 0;font-size:${f(12)};color:#666">${ps.stamp}</div>${tiles}
<div style="margin:12px 16px;font-size:${f(11.5)};color:#777;line-height:1.4">${ps.note}</div>
<div data-nc="1" style="display:flex;flex-wrap:wrap;gap:8px;margin:0 14px">${ps.links.map((l) => `<span style="border:1.5px solid ${col};color:${col};border-radius:18px;padding:6px 12px;font-size:${f(13)}">${l}</span>`).join('')}</div></div>${navBar(o, col)}</div>`;
}

/** A4 "PDF print" of the portal page: browser print header/footer, bordered table. */
export function portalPdf(ps: PortalSpec, o: LO) {
  const f = F(o),
    p = P(o);
  const now = ps.printed;
  const tables = ps.sections
    .map(
      (
        s,
      ) => `<div style="margin-top:${p(26)};font-size:${f(24)};font-weight:bold;border-bottom:3px solid #2b4c8c;padding-bottom:${p(4)}">${s.h}</div>
<table style="width:100%;border-collapse:collapse;margin-top:${p(8)};table-layout:fixed"><colgroup><col style="width:34%"><col></colgroup>${s.items.map((it) => `<tr><th style="border:1px solid #aab;background:#eef2f8;font-weight:normal;text-align:left;padding:${p(7)} ${p(12)};font-size:${f(20)}">${it.l}</th><td style="border:1px solid #aab;padding:${p(7)} ${p(12)};font-size:${f(22)};white-space:nowrap">${it.v}</td></tr>`).join('')}</table>`,
    )
    .join('');
  return `<div class="bx" style="width:${o.W}px;height:${o.H}px;overflow:hidden;background:#fff;padding:${p(36)} ${p(70)};position:relative;font-family:'${o.font}'">
<div style="display:flex;justify-content:space-between;font-size:${f(15)};color:#444;font-family:'${o.font2}'"><span>${now}</span><span>資格情報 | マイナポータル</span></div>
<div style="margin-top:${p(30)};display:flex;align-items:center;gap:${p(14)}"><div style="background:#2b4c8c;color:#fff;font-weight:bold;padding:${p(6)} ${p(14)};font-size:${f(24)};border-radius:${p(6)}">マイナポータル</div><div style="font-size:${f(18)};color:#555">ホーム ＞ 健康・医療 ＞ 資格情報</div></div>
<div style="margin-top:${p(24)};font-size:${f(34)};font-weight:bold">健康保険証の資格情報</div>
<div style="margin-top:${p(8)};font-size:${f(18)};color:#555">${ps.stamp}</div>${tables}
<div style="margin-top:${p(22)};font-size:${f(17)};color:#444;line-height:1.5">${ps.note}</div>
<div style="position:absolute;left:${p(70)};right:${p(70)};bottom:${p(30)};display:flex;justify-content:space-between;font-size:${f(15)};color:#444;font-family:'${o.font2}'"><span>https://myna.go.jp/SCK0101_03_001/SCK0101_03_001_Common.form</span><span>1/1</span></div></div>`;
}

export interface MynaSpec {
  name: string;
  addr: string[];
  birth: string;
  sex?: string;
  expiry: string;
  cert?: string;
  code: string;
  kana?: string;
}
/** マイナンバーカード front: 2015 design (和暦 birth, sex, 電子証明書 記載欄 bottom-left, photo right). */
export function myna2015(m: MynaSpec, o: LO) {
  const f = F(o);
  const hand = o.r.pick(['Migu 1P', 'Ume Gothic O5', 'VL PGothic', 'MotoyaLCedar']);
  return `<div class="bx" style="width:${o.W}px;height:${o.H}px;position:relative;overflow:hidden;border-radius:40px;border:1px solid #bbb;font-family:'${o.font}';
background:radial-gradient(circle at 20% 110%, rgba(255,170,190,.55), transparent 55%),radial-gradient(circle at 95% -10%, rgba(120,190,255,.45), transparent 50%),repeating-linear-gradient(115deg,#fbfbfd 0 7px,#f3f5fa 7px 14px)">
<div style="position:absolute;left:40px;top:26px;font-size:${f(22)};color:#555">個人番号カード</div>
<div style="position:absolute;left:40px;top:72px;font-size:${f(20)};color:#444">氏名</div><div style="position:absolute;left:122px;top:62px;font-size:${f(44)};white-space:nowrap">${m.name}</div>
<div style="position:absolute;left:40px;top:150px;font-size:${f(20)};color:#444">住所</div><div style="position:absolute;left:122px;top:144px;font-size:${f(28)};line-height:1.4;width:520px">${m.addr.join('<br>')}</div>
<div style="position:absolute;left:40px;top:${m.addr.length > 1 ? 262 : 232}px;font-size:${f(27)};white-space:nowrap">${m.birth}生${m.sex ? `\u3000\u3000<span style="font-size:${f(20)};color:#444">性別</span> ${m.sex}` : ''}</div>
<div style="position:absolute;left:40px;top:${m.addr.length > 1 ? 312 : 282}px;font-size:${f(27)};white-space:nowrap;color:#222">${m.expiry}<span style="font-size:${f(22)}">まで有効</span></div>
<div style="position:absolute;right:56px;top:60px">${photo('250px', '320px')}</div>
<div style="position:absolute;right:60px;top:400px;font-size:${f(19)};color:#444;white-space:nowrap">セキュリティコード ${m.code}</div>
<div style="position:absolute;left:36px;bottom:40px;display:flex;gap:10px">
<div class="bx" style="width:340px;height:90px;border:1.5px solid #777;background:rgba(255,255,255,.7);padding:4px 8px"><div style="font-size:${f(18)};color:#555">電子証明書の有効期限の記載欄</div><div style="font-family:'${hand}';font-size:${f(25)};white-space:nowrap;transform:rotate(-1deg)">${m.cert ?? ''}</div></div>
<div style="width:220px;height:90px;border:1.5px solid #777;background:rgba(255,255,255,.7)"></div></div>
<div style="position:absolute;right:60px;bottom:42px;font-size:${f(18)};color:#777;width:250px;text-align:center;border:1px solid #aaa;padding:6px">サインパネル領域</div></div>`;
}
/** Newer-style front: 西暦 birth, no sex, printed 電子証明書 line in a tinted band. */
export function myna2026(m: MynaSpec, o: LO) {
  const f = F(o);
  return `<div class="bx" style="width:${o.W}px;height:${o.H}px;position:relative;overflow:hidden;border-radius:40px;border:1px solid #bbb;font-family:'${o.font}';background:linear-gradient(160deg,#f8fbff 0%,#eaf2fb 55%,#fde9ef 100%)">
<div style="position:absolute;left:0;right:0;top:0;height:74px;background:linear-gradient(90deg,#264d8c,#3f78c2);color:#fff;display:flex;align-items:center;padding-left:40px;font-size:${f(30)};font-weight:bold;letter-spacing:.1em">マイナンバーカード</div>
<div style="position:absolute;left:40px;top:100px">${photo('230px', '295px')}</div>
<div style="position:absolute;left:300px;top:100px;font-size:${f(19)};color:#3a5a8c">氏名</div>
${m.kana ? `<div style="position:absolute;left:300px;top:126px;font-size:${f(19)};color:#333;white-space:nowrap">${m.kana}</div>` : ''}
<div style="position:absolute;left:300px;top:${m.kana ? 150 : 130}px;font-size:${f(44)};white-space:nowrap">${m.name}</div>
<div style="position:absolute;left:300px;top:222px;font-size:${f(19)};color:#3a5a8c">住所</div><div style="position:absolute;left:300px;top:246px;font-size:${f(25)};line-height:1.35;width:640px">${m.addr.join('<br>')}</div>
<div style="position:absolute;left:300px;top:340px;font-size:${f(19)};color:#3a5a8c">生年月日</div><div style="position:absolute;left:420px;top:332px;font-size:${f(27)};white-space:nowrap">${m.birth}生</div>
<div style="position:absolute;left:300px;top:388px;font-size:${f(19)};color:#3a5a8c">有効期限</div><div style="position:absolute;left:420px;top:380px;font-size:${f(27)};white-space:nowrap">${m.expiry}まで有効</div>
${m.cert ? `<div class="bx" style="position:absolute;left:40px;bottom:46px;background:#fff;border:1.5px solid #3a5a8c;border-radius:8px;padding:6px 14px;font-size:${f(23)};white-space:nowrap">${m.cert}</div>` : ''}
<div style="position:absolute;right:44px;bottom:50px;font-size:${f(19)};color:#555;white-space:nowrap">セキュリティコード\u3000${m.code}</div></div>`;
}
/** Variant: photo right, everything in a ruled table. */
export function mynaRuled(m: MynaSpec, o: LO) {
  const f = F(o);
  const row = (l: string, v: string, fs = 27) =>
    `<tr><th style="font-weight:normal;font-size:${f(19)};color:#555;text-align:left;padding:6px 10px;border-bottom:1px solid #bcc;white-space:nowrap;width:96px">${l}</th><td style="font-size:${f(fs)};padding:6px 8px;border-bottom:1px solid #bcc">${v}</td></tr>`;
  return `<div class="bx" style="width:${o.W}px;height:${o.H}px;position:relative;overflow:hidden;border-radius:40px;border:1px solid #bbb;font-family:'${o.font}';background:repeating-radial-gradient(circle at 70% 40%, #fbf7ff 0 6px, #f2eefa 6px 12px)">
<div style="position:absolute;left:36px;top:22px;font-size:${f(21)};color:#604c8a;letter-spacing:.2em">個人番号カード</div>
<table style="position:absolute;left:30px;top:64px;width:640px;border-collapse:collapse">
${row('氏名', `<span style="white-space:nowrap;font-size:${f(40)}">${m.name}</span>`)}
${row('住所', m.addr.join('<br>'), 24)}
${row('生年月日', `<span style="white-space:nowrap">${m.birth}生</span>`)}
${m.sex ? row('性別', m.sex) : ''}
${row('有効期限', `<span style="white-space:nowrap">${m.expiry}まで有効</span>`)}</table>
<div style="position:absolute;right:40px;top:64px">${photo('240px', '300px')}</div>
<div style="position:absolute;right:46px;top:380px;font-size:${f(18)};color:#555;white-space:nowrap">セキュリティコード ${m.code}</div>
<div class="bx" style="position:absolute;right:40px;bottom:36px;width:280px;border:1.5px dashed #604c8a;padding:4px 10px;background:#fff"><div style="font-size:${f(18)};color:#604c8a">電子証明書の有効期限</div><div style="font-size:${f(24)};white-space:nowrap">${m.cert ?? '\u3000'}</div></div></div>`;
}

export interface ClinicSpec {
  clinic: string;
  dept: string;
  id: string;
  name: string;
  birth: string;
  sex: string;
  tel: string;
  addr: string;
  hours: [string, string][];
  visits: string[];
  color: string;
}
export function clinicA(c: ClinicSpec, o: LO) {
  const f = F(o);
  return `<div class="bx" style="width:${o.W}px;height:${o.H}px;background:#fff;border-radius:30px;border:1px solid #ccc;overflow:hidden;font-family:'${o.font}';display:flex;flex-direction:column">
<div style="background:${c.color};color:#fff;padding:18px 36px;display:flex;align-items:center;gap:20px"><div style="width:64px;height:64px;border-radius:50%;border:5px solid #fff;flex:none"></div><div><div style="font-size:${f(38)};font-weight:bold;white-space:nowrap">${c.clinic}</div><div style="font-size:${f(22)}">${c.dept}</div></div><div style="margin-left:auto;font-size:${f(30)};border:2px solid #fff;padding:2px 14px">診察券</div></div>
<div style="padding:18px 40px;flex:1;display:flex;flex-direction:column;gap:12px">
<div style="font-size:${f(24)}">診察券番号\u3000<span style="font-size:${f(34)};letter-spacing:.1em">${c.id}</span></div>
<div style="font-size:${f(40)};border-bottom:2px solid #999;white-space:nowrap">${c.name}\u3000様</div>
<div style="font-size:${f(24)};white-space:nowrap">生年月日\u3000${c.birth}\u3000\u3000${c.sex}</div>
<table style="border-collapse:collapse;font-size:${f(20)};margin-top:auto">${c.hours.map(([a, b]) => `<tr><td style="border:1px solid #bbb;padding:3px 10px;white-space:nowrap">${a}</td><td style="border:1px solid #bbb;padding:3px 10px;white-space:nowrap">${b}</td></tr>`).join('')}</table>
<div style="font-size:${f(20)};white-space:nowrap">${c.addr}\u3000TEL ${c.tel}</div></div></div>`;
}
export function clinicB(c: ClinicSpec, o: LO) {
  const f = F(o);
  const cells = c.visits
    .concat(Array(8 - c.visits.length).fill(''))
    .map(
      (v) =>
        `<td style="border:1.5px solid ${c.color};height:50px;width:25%;text-align:center;font-size:${f(21)};white-space:nowrap">${v}</td>`,
    );
  return `<div class="bx" style="width:${o.W}px;height:${o.H}px;overflow:hidden;background:#fffef8;border:6px solid ${c.color};border-radius:16px;padding:22px 34px;font-family:'${o.font}';display:flex;flex-direction:column;gap:10px">
<div style="display:flex;justify-content:space-between;align-items:baseline"><div style="font-size:${f(34)};color:${c.color};font-weight:bold;white-space:nowrap">${c.clinic}</div><div style="font-size:${f(22)}">No. ${c.id}</div></div>
<div style="display:flex;gap:30px;align-items:baseline"><span style="font-size:${f(20)}">おなまえ</span><span style="font-size:${f(38)};white-space:nowrap">${c.name}</span><span style="font-size:${f(22)}">様</span></div>
<div style="font-size:${f(22)};white-space:nowrap">${c.birth}生\u3000${c.sex}</div>
<div style="font-size:${f(20)};color:${c.color}">次回ご予約日</div>
<table style="border-collapse:collapse;width:100%"><tr>${cells.slice(0, 4).join('')}</tr><tr>${cells.slice(4).join('')}</tr></table>
<div style="margin-top:auto;display:flex;justify-content:space-between;align-items:flex-end"><div style="font-size:${f(19)};line-height:1.35">${c.hours.map(([a, b]) => `${a}\u3000${b}`).join('<br>')}<br>TEL ${c.tel}</div>${qr(o.r, '90px')}</div></div>`;
}
