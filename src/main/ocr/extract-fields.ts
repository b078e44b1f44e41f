/**
 * Fields that decide eligibility, read from OCR lines by their printed labels. Pure. The parts
 * live in ./extract/; this module is their public entry.
 *
 * Privacy first: every 個人番号 is cut out of the text before anything is read (extract/scrub.ts).
 * A failing 保険者番号 check digit is reported, never "corrected".
 */
import { validateInsurerNumber } from '../../shared/domain/insurer-number.ts';
import type { OcrLine } from './engine.ts';
import { toHalfWidth } from '../../shared/domain/text.ts';
import { compact } from './text.ts';
import { cardDigitLines, personalNumberHits } from './personal-number.ts';
import { ocrWarning, type OcrWarning } from '../../shared/ocr/warnings.ts';
import type { DocumentKind } from '../../shared/rules/vocabulary.ts';
import { cellsOf, elsewhere, first, labelled, type Cell, type Found } from './extract/cells.ts';
import {
  DATE_RE,
  dateAfter,
  datesIn,
  extremeDates,
  guessDateRoles,
  isoOf,
  issuerDate,
  myNumberCardExpiries,
} from './extract/dates.ts';
import type { ExtractedFields, Extraction, FieldName } from './extract/fields.ts';
import { INSURER_NAME_SHAPE, reconcileInsurerName, tidyInsurerName } from './extract/insurer-name.ts';
import { repairLabel, untilNextLabel } from './extract/labels.ts';
import { NAME_LABEL, readName, type NameRead } from './extract/names.ts';
import { COMBINED_ID, digitsOf, unclean } from './extract/numbers.ts';
import { repairOcr } from './extract/repairs.ts';
import { carriesPersonalNumber, SCRUBBED, scrubPersonalNumbers } from './extract/scrub.ts';

export type { ExtractedFields, Extraction, FieldName } from './extract/fields.ts';
export { union } from './extract/cells.ts';
export { datesIn } from './extract/dates.ts';
export { reconcileInsurerName } from './extract/insurer-name.ts';
export { repairLabel } from './extract/labels.ts';
export { NAME_CHARS } from './extract/names.ts';
export { OCR_REPAIRS, repairOcr } from './extract/repairs.ts';
export { carriesPersonalNumber, SCRUBBED, scrubPersonalNumbers } from './extract/scrub.ts';

export function extractFields(ocrLines: OcrLine[], kind?: DocumentKind | 'unknown'): Extraction {
  const warnings: OcrWarning[] = [];
  const personalNumberLines: number[] = [];
  const flagged = new Set<number>();
  // Also the lines beside or under a label read alone (personal-number.ts).
  const beside = new Set(
    [...personalNumberHits(ocrLines), ...(kind === 'mynumber_card' ? cardDigitLines(ocrLines) : [])].map((h) => h.line),
  );
  ocrLines.forEach((l, i) => {
    if (beside.has(i) || carriesPersonalNumber(l)) {
      personalNumberLines.push(i);
      flagged.add(i);
    }
  });
  // A line that carried a 個人番号 keeps no digits at all: a column gap may have split it.
  const scrub = (i: number) => (t: string) => (flagged.has(i) ? t.replace(/\d+/g, SCRUBBED) : t);
  const cells = ocrLines.flatMap((l, i) =>
    cellsOf(
      l,
      i,
      (t, fired) => {
        const text = scrub(i)(
          scrubPersonalNumbers(repairOcr(compact(scrubPersonalNumbers(toHalfWidth(t)).text), fired)).text,
        );
        const label = repairLabel(text);
        if (label !== text) fired.add('label-glyph');
        return label;
      },
      (t) => scrub(i)(scrubPersonalNumbers(toHalfWidth(t)).text),
    ),
  );
  const personalNumberSeen = personalNumberLines.length > 0;
  const fields: ExtractedFields = {};
  const confidence: Extraction['confidence'] = {};
  const via: Extraction['via'] = {};
  /** `rule`: 'label' when read beside its label, else the fallback that placed it; `from`: the cell read. */
  const boxes: Extraction['boxes'] = {};
  /**
   * `rule`: 'label' when read beside its label, else the fallback that placed it; `from`: the
   * cell read (or the label's find, whose box is the value's own).
   */
  const set = <K extends FieldName>(
    k: K,
    v: ExtractedFields[K] | undefined,
    c: number,
    rule = 'label',
    from?: Found | Cell,
  ) => {
    if (v === undefined || v === '') return;
    fields[k] = v;
    confidence[k] = Math.max(0, Math.min(1, Number(c.toFixed(2))));
    const cell = from && 'cell' in from ? from.cell : from;
    via[k] = [rule, ...(cell?.repairs ?? []).map((r) => `repair:${r}`)];
    if (from?.box) boxes[k] = from.box;
    else delete boxes[k];
  };

  // 適用対象者 (限度額適用認定証) is the patient when the 被保険者 is printed too.
  // The フリガナ row some designs print between the label and the name is skipped.
  const KANA = /^[\p{Script=Katakana}ー\s・]+$/u;
  const readNameAt = (f: Found): NameRead | undefined => {
    const v = readName(f.cell.words, f.inline, f.cell.raw);
    if (!v || !KANA.test(v.text)) return v;
    const below = elsewhere(cells, f.cell, 1);
    const w = below ? readName(below.words, false, below.raw) : undefined;
    return w && !KANA.test(w.text) ? w : undefined;
  };
  const name =
    first(cells, /適用対象者\s*氏\s*名/, readNameAt) ??
    first(cells, NAME_LABEL, readNameAt) ??
    // Card fronts print a small 氏名 beside a large name: the model often keeps only 名, and on
    // a low-resolution capture reads 氏 as another glyph (括名, 護名). Only at the start of a cell
    // and followed by kanji, never 名称.
    first(cells, /^\S?名(?!称)(?:(?=\s*\p{Script=Han})|$)/u, (f) => {
      if (!f.inline) return readName(f.cell.words, false, f.cell.raw);
      return /名/.test(f.cell.words[0]?.text ?? '') || f.cell.words[1]?.text.startsWith('名')
        ? readName(f.cell.words, true, f.cell.raw, true)
        : undefined;
    });
  const nameBox = name?.v.box;
  if (name) set('name', name.v.text, name.f.confidence, 'label', name.f);
  else if (kind === 'mynumber_card') {
    // The card front prints its small 氏名 before a large name on the first line: with the label
    // misread (「品 石川 和夫」), a line among the first three that ends in two words shaped like a
    // family and a given name is the name, for confirmation.
    const SHAPED = /^(?:\S{1,2}\s+)?(\p{Script=Han}{1,4})\s+([\p{Script=Han}\p{Script=Hiragana}]{1,4})$/u;
    const m = ocrLines
      .slice(0, 3)
      .map((l, i) => (flagged.has(i) ? null : SHAPED.exec(toHalfWidth(l.text).trim())))
      .find(Boolean);
    if (m) {
      set('name', `${m[1]}\u3000${m[2]}`, 0.5, 'name-shape');
      warnings.push(ocrWarning('ocr.nameWithoutLabel', { name: `${m[1]}\u3000${m[2]}` }));
    }
  }
  const birth = first(cells, /生年月日/, (f) => dateAfter(f.value));
  if (birth) set('birthDate', birth.v, birth.f.confidence, 'label', birth.f);
  if (!fields.birthDate) {
    // Card fronts print 「1980年2月17日生」 without a label on the same line.
    const born = cells.find((l) => new RegExp(DATE_RE.source + '\\s*生').test(l.text));
    if (born) set('birthDate', dateAfter(born.text), born.confidence * 0.9, 'born-suffix', born);
  }
  const sex =
    first(cells, /性\s*別/, (f) => (/^[男女]/.test(f.value.trim()) ? f.value.trim()[0] : undefined)) ??
    first(cells, /(?<=生)\s*(?=[男女])/, (f) => f.value.trim()[0]);
  if (sex) set('sex', sex.v === '男' ? 'male' : 'female', sex.f.confidence, 'label', sex.f);
  else {
    // 性別 misread (「件別 男」) or its cell lost: a 男 or 女 standing alone, when the document has only one.
    const alone = cells.flatMap((c) =>
      [...c.text.matchAll(/(?:^|[^\p{L}]|別)\s*([男女])(?=$|[^\p{L}])/gu)].map((m) => ({ v: m[1]!, c })),
    );
    if (alone.length > 0 && alone.every((x) => x.v === alone[0]!.v))
      set(
        'sex',
        alone[0]!.v === '男' ? 'male' : 'female',
        Math.min(alone[0]!.c.confidence, 0.6),
        'sex-alone',
        alone[0]!.c,
      );
  }

  // Labels as the model misreads them too (険→陵); never the 被保険者番号 of 後期 (the person's number).
  const reread: Extraction['reread'] = {};
  if (!fields.sex) {
    // A lone glyph in its own cell is what the page read drops most: right of the label (「性別 男」)
    // or under it (a stacked cell, the label small above the value).
    const at = cells.find((c) => !flagged.has(c.line) && /性\s*別/.test(c.text));
    const sei = at?.words.find((w) => w.text.includes('性'));
    const betsu = at?.words.find((w) => w.text.includes('別'));
    if (sei && betsu && betsu.bbox.x1 > sei.bbox.x0) {
      const { x0, y0 } = sei.bbox;
      const { x1, y1 } = betsu.bbox;
      const h = y1 - y0;
      reread.sex = [
        { x0: Math.round(x1 + h * 0.2), y0, x1: Math.round(x1 + h * 4), y1 },
        {
          x0: Math.round(x0 - h * 0.2),
          y0: Math.round(y1 - h * 0.1),
          x1: Math.round(x0 + h * 3),
          y1: Math.round(y1 + h * 1.8),
        },
      ];
    }
  }
  // Nothing printed right before it: 被 of 被保険者番号 (後期: the person's number) may be misread.
  // 番 itself may be misread after 保険者 (「保険者箇号」).
  const INSURER = /(?<!\p{Script=Han}\s*)保[険陵](?:\S?番|者\S)\s*号|公費\S{0,3}番号/u;
  const insurer = first(cells, INSURER, (f) => digitsOf(f.value.replace(/[(（][)）](?=\d)/, '0'), 5)?.slice(0, 9));
  const insurerAt = insurer?.f ?? labelled(cells, INSURER).next().value;
  if (insurerAt?.box && !flagged.has(insurerAt.cell.line) && (!insurer || !validateInsurerNumber(insurer.v).valid))
    reread.insurerNumber = insurerAt.box;
  if (insurer) {
    const digits = insurer.v;
    const check = validateInsurerNumber(digits);
    if (check.valid) set('insurerNumber', check.normalized, insurer.f.confidence, 'label', insurer.f);
    else {
      // Kept as read, flagged: staff compare it with the document; the app never guesses a digit.
      set('insurerNumber', digits, Math.min(insurer.f.confidence, 0.3), 'label-failed-check', insurer.f);
      warnings.push(
        ocrWarning(check.reason === 'check_digit' ? 'ocr.insurerNumberCheckDigit' : 'ocr.insurerNumberLength', {
          number: digits,
        }),
      );
    }
  }
  // Canonical form: no spaces (「全国健康保険協会 東京支部」 and 「全国健康保険協会東京支部」 are one insurer).
  const insurerName = first(cells, /(?<![被彼])保\S者名[称衝]?(?!\S?番号)/, (f) =>
    tidyInsurerName(
      untilNextLabel(f.value)
        .replace(/^[^\p{L}]+/u, '')
        .replace(/\s+/g, ''),
    ),
  );
  if (insurerName) set('insurerName', insurerName.v, insurerName.f.confidence, 'label', insurerName.f);
  else {
    // The label unreadable: a cell that has the shape of an insurer's name (協会けんぽ 支部,
    // 健康保険組合, 広域連合, 共済組合) is the insurer's name, for confirmation.
    const shaped = cells.map((c) => ({ c, m: INSURER_NAME_SHAPE.exec(c.text.replace(/\s+/g, '')) })).find((x) => x.m);
    if (shaped)
      set(
        'insurerName',
        tidyInsurerName(shaped.m![0]),
        Math.min(shaped.c.confidence, 0.6),
        'insurer-name-shape',
        shaped.c,
      );
  }

  // 記号 X 番号 Y (枝番 ZZ), on one line or split, or 「X・Y (ZZ)」.
  const combined = cells
    .map((c) => ({ c, m: COMBINED_ID.exec(c.text.replace(/(?<=\d)\s+(?=\d)/g, '')) }))
    .find((x) => x.m);
  if (combined) {
    set('symbol', combined.m![1]!.replace(/^\D*[番号]/, ''), combined.c.confidence, 'combined-id', combined.c);
    set('number', combined.m![2], combined.c.confidence, 'combined-id', combined.c);
    set('branch', combined.m![3], combined.c.confidence, 'combined-id', combined.c);
  } else {
    const symbol = first(
      cells,
      /記\s*号/,
      (f) => f.value.replace(/(?<=\d)\s+(?=\d)/g, '').match(/^(\p{Script=Han}{0,2}\d+)/u)?.[1],
    );
    if (symbol) set('symbol', symbol.v, symbol.f.confidence, 'label', symbol.f);
    // 番号 alone, or the 被保険者(証)番号 of 後期 and the portal; not 保険者番号, 受給者番号, 個人番号.
    const NUMBER = /(?<=\p{Script=Han})保[険陵]者証?番\s*号|(?<![険陵者着省担給費人]|[険陵]\S)番\s*号/u;
    const number = first(cells, NUMBER, (f) => digitsOf(f.value));
    const numberAt = number?.f ?? labelled(cells, NUMBER).next().value;
    // Never on a line that carried a 個人番号: a second reading would bring its digits back.
    if (numberAt?.box && !flagged.has(numberAt.cell.line) && (!number || unclean(untilNextLabel(numberAt.value))))
      reread.number = numberAt.box;
    if (number)
      set(
        'number',
        number.v,
        unclean(untilNextLabel(number.f.value)) ? Math.min(number.f.confidence, 0.5) : number.f.confidence,
        'label',
        number.f,
      );
    const branch = first(cells, /枝\s*番\)?/, (f) => f.value.replace(/^[()（）\s]+/, '').match(/^\d{2}/)?.[0]);
    if (branch) set('branch', branch.v, branch.f.confidence, 'label', branch.f);
    if (!fields.symbol || !fields.number) {
      // The row's labels misread past knowing (「しっ 75572774 番史 921045 (校番) 03」): its shape —
      // a number, a short label, a number, a bracketed label and two digits — places them.
      const ID_ROW = /(?:^|[^\d])(\d{1,8})\s*[^\d\s]{1,3}\s*(\d{1,8})\s*[(（][^\d()（）]{1,3}[)）]\s*(\d{2})(?!\d)/;
      // On the whole line: the misread labels may have split it into cells.
      const row = ocrLines
        .map((l, i) => ({
          l,
          m: flagged.has(i) ? null : ID_ROW.exec(compact(toHalfWidth(l.text)).replace(/(?<=\d)\s+(?=\d)/g, '')),
        }))
        .find((x) => x.m);
      const [, sym, num, br] = row?.m ?? [];
      if (
        row &&
        sym &&
        num &&
        br &&
        (!fields.symbol || fields.symbol === sym) &&
        (!fields.number || fields.number === num)
      ) {
        const conf = Math.min(row.l.confidence, 0.6);
        if (!fields.symbol) set('symbol', sym, conf, 'id-row-shape');
        if (!fields.number) set('number', num, conf, 'id-row-shape');
        if (!fields.branch) set('branch', br, conf, 'id-row-shape');
      }
    }
    if (!fields.branch) {
      // The 枝番 label misread (「(槻番) 00」, 「(校秋) 00」, 「校番 00」): two digits after a short
      // label in brackets, or after a 〜番 label of their own, when only one cell has them.
      const BRANCH_MISREAD = /(?:[(（]\s*[^\s\d()（）]{1,2}\s*[)）]|^[^\s\d]番)\s*(\d{2})(?!\d)/;
      const found = cells
        .filter((c) => !flagged.has(c.line))
        .map((c) => ({ c, m: BRANCH_MISREAD.exec(c.text) }))
        .filter((x) => x.m);
      if (found.length === 1)
        set('branch', found[0]!.m![1], Math.min(found[0]!.c.confidence, 0.6), 'branch-misread-label', found[0]!.c);
    }
  }

  if (fields.insurerNumber === undefined) {
    // The label unreadable (small print on a low-resolution capture): a run of exactly 6 or 8
    // digits with a valid check digit and an insurer's 法別 (or a 国保 都道府県) is taken when it
    // is the only one on the document, always with a warning.
    const candidates = new Set(
      cells
        .filter((c) => !flagged.has(c.line))
        .flatMap((c) =>
          [...c.text.replace(/(?<=\d)\s+(?=\d)/g, '').matchAll(/(?<![\d.,/-])(\d{6}|\d{8})(?![\d年./-])/g)].map(
            (m) => m[1],
          ),
        )
        .filter(
          (d): d is string =>
            d !== undefined && d !== fields.number && d !== fields.symbol && validateInsurerNumber(d).valid,
        )
        .filter((d) =>
          d.length === 6
            ? Number(d.slice(0, 2)) >= 1 && Number(d.slice(0, 2)) <= 47
            : /^(?:0[1-4]|0[67]|3[1-49]|5\d|8\d)/.test(d),
        ),
    );
    if (candidates.size === 1) {
      const [d] = [...candidates];
      set('insurerNumber', d, 0.4, 'insurer-unlabelled');
      warnings.push(ocrWarning('ocr.insurerNumberWithoutLabel', { number: d! }));
    }
  }
  // The same digits as the person's number: one of the two labels was misread.
  if (fields.insurerNumber !== undefined && fields.insurerNumber === fields.number)
    warnings.push(ocrWarning('ocr.insurerNumberSameAsNumber', { number: fields.insurerNumber }));

  const issue = first(cells, /(?<!再)交付(?:年月日|日)?|発行(?:年月日|日)/, (f) => dateAfter(f.value));
  if (issue) set('issueDate', issue.v, issue.f.confidence, 'label', issue.f);
  // The card's own 「…まで有効」 comes first (有効 itself is often misread); never the 電子証明書's
  // expiry, nor a 「…までに」 deadline.
  const UNTIL = new RegExp(DATE_RE.source + '\\s*まで(?!に)');
  const until = cells.map((c) => ({ c, m: UNTIL.exec(c.text) })).find((x) => x.m && !/証明書/.test(x.c.text));
  // 「令和8年7月31日まで」 or a range 「…から…まで」: the last date before the next label is the end.
  const expiry = until
    ? { v: isoOf(until.m![1]!), f: { confidence: until.c.confidence } }
    : first(cells, /(?<!証明書の?)有効期[限間]/, (f) => datesIn(untilNextLabel(f.value)).at(-1));
  if (expiry) set('expiry', expiry.v, expiry.f.confidence, until ? 'until-suffix' : 'label', until?.c);
  // 「2025年12月95日まで有効」 (0 read as 9): no date, but the second reader is told where it is.
  if (!fields.expiry && until?.c.box) boxes.expiry = until.c.box;
  myNumberCardExpiries(cells, kind, flagged, fields, confidence.expiry ?? 0, set, warnings);
  // Every other date on these documents (資格取得, 発効, 認定, 交付, 有効期限) comes after the birth:
  // a birth date on or after the 交付 or 有効期限, or after any date, is another date under a
  // misread label (「半年月日」 repaired to 生年月日), dropped. Checked before the dates are placed
  // by their order (the earliest date may then be the birth) and after.
  const otherDates = cells.filter((c) => !flagged.has(c.line)).flatMap((c) => datesIn(c.text));
  const dropLateBirth = () => {
    const { birthDate } = fields;
    if (
      birthDate &&
      ([fields.issueDate, fields.expiry].some((d) => d && d <= birthDate) || otherDates.some((d) => d < birthDate))
    ) {
      delete fields.birthDate;
      delete confidence.birthDate;
      delete boxes.birthDate;
      warnings.push(ocrWarning('ocr.birthDateNotBefore', { date: birthDate }));
    }
  };
  dropLateBirth();
  for (const g of [
    ...guessDateRoles(cells, fields),
    ...issuerDate(cells, fields, flagged),
    ...extremeDates(cells, fields, flagged, kind),
  ]) {
    set(g.field, g.iso, Math.min(g.confidence, 0.5), g.rule);
    warnings.push(ocrWarning(g.reason.code, { field: g.field, date: g.iso, ...g.reason.params }));
  }
  dropLateBirth();
  // The ratio is the first digit after its label (割 itself is often misread, and then the
  // label is known by 負担金の…合: 負揚金の剤合).
  const ratio = first(cells, /割\s*合|負\S金の\S{0,2}合/, (f) => f.value.match(/^[^\d]{0,2}([123])(?!\d)/)?.[1]);
  if (ratio) set('burdenRatio', (Number(ratio.v) / 10) as 0.1 | 0.2 | 0.3, ratio.f.confidence, 'label', ratio.f);
  else {
    // The label misread past knowing (一閣貧揚釜の和合): a 「1割」「2割」「3割」 ending a cell, after
    // at most a label's length of text without digits, when it is the only one.
    const alone = cells.map((c) => ({ c, m: /^[^\d]{0,12}?([123])\s*割(?!合)\s*$/u.exec(c.text) })).filter((x) => x.m);
    if (alone.length > 0 && new Set(alone.map((x) => x.m![1])).size === 1)
      set(
        'burdenRatio',
        (Number(alone[0]!.m![1]) / 10) as 0.1 | 0.2 | 0.3,
        Math.min(alone[0]!.c.confidence, 0.6),
        'ratio-alone',
        alone[0]!.c,
      );
  }
  const CATEGORY = /^(?:区分)?\s*([アイウエオ]|Ⅰ|Ⅱ|I{1,2}(?![A-Za-z])|現役並み[ⅠⅡⅢ123]?|一般)/;
  // The 適用区分 label misread: the large 「区分Ⅱ」 printed as the value is enough.
  const CATEGORY_LABEL = /(?:適用|限度|所得)\S?区分|適用\S?分(?=\s*区分)/;
  // A stray glyph before a lone category (a cell border read as プ: 「プア」) is let go.
  const category =
    first(
      cells,
      CATEGORY_LABEL,
      (f) => f.value.match(CATEGORY)?.[1] ?? f.value.match(/^[^\s\dアイウエオⅠⅡ]\s*([アイウエオ]|Ⅰ|Ⅱ)\s*$/)?.[1],
    ) ??
    cells
      .map((c) => ({ v: /^[^\p{L}]{0,2}区分\s*([アイウエオ]|Ⅰ|Ⅱ|I{1,2})\s*$/u.exec(c.text)?.[1], f: c }))
      .find((x) => x.v);
  // 区分Ⅰ's bar read as a ruled line (「区分 |」): one bar after 区分 is Ⅰ, two are Ⅱ, for confirmation.
  const bars = category?.v
    ? undefined
    : cells.map((c) => ({ c, m: /^[^\p{L}]{0,2}区分\s*([|l1]{1,2})\s*$/u.exec(c.text) })).find((x) => x.m);
  if (category?.v)
    set(
      'limitCategory',
      category.v.replace(/^II$/, 'Ⅱ').replace(/^I$/, 'Ⅰ'),
      category.f.confidence,
      'cell' in category.f ? 'label' : 'category-alone',
      category.f,
    );
  else if (bars)
    set(
      'limitCategory',
      bars.m![1]!.length === 1 ? 'Ⅰ' : 'Ⅱ',
      Math.min(bars.c.confidence, 0.6),
      'category-bars',
      bars.c,
    );
  else {
    // A lone large katakana (「ウ」) beside its label is often dropped by the page read: where it
    // is printed, to the right of the label, is read again with only the categories allowed.
    // Never on a line that carried a 個人番号.
    const at = cells.find((c) => c.box && !flagged.has(c.line) && CATEGORY_LABEL.test(c.text));
    if (at?.box) {
      const m = CATEGORY_LABEL.exec(at.text)!;
      const b = at.box;
      const h = b.y1 - b.y0;
      // The label ends at its 分 glyph when glyph boxes are known, else in proportion to the text.
      const glyph = at.words.flatMap((w) => w.symbols ?? []).find((g) => g.text === '分');
      const x0 = glyph
        ? glyph.bbox.x1
        : Math.round(b.x0 + ((b.x1 - b.x0) * (m.index + m[0].length)) / Math.max(1, at.text.length));
      reread.limitCategory = {
        x0: x0 + Math.round(h * 0.2),
        y0: Math.round(b.y0 - h * 0.5),
        x1: x0 + Math.round(h * 6),
        y1: Math.round(b.y1 + h * 0.5),
      };
    }
  }
  const special = cells.find((l) => /特別療養費/.test(l.text));
  if (special) set('specialMedicalExpense', true, special.confidence, 'label', special);

  const x: Extraction = {
    fields,
    confidence,
    warnings,
    personalNumberSeen,
    personalNumberLines,
    reread,
    via,
    boxes,
    ...(nameBox ? { nameBox } : {}),
  };
  reconcileInsurerName(x);
  return x;
}
