/** One paper document: prepare the image, recognise, classify, extract. */
import { ocrWarning, type OcrWarning, type OcrWarningCode } from '../../shared/ocr/warnings.ts';
import {
  classify,
  NOT_INSURANCE_WARNING,
  sameKindByTitle,
  withKindOf,
  withMistakenPaper,
  type ScanKind,
} from './classify.ts';
import type { OcrBox, OcrEngine, OcrLine, OcrOutput } from './engine.ts';
import {
  categoryForAge,
  categoryReadAgain,
  extractFields,
  nameMunicipality,
  reconcileInsurerName,
  type Extraction,
  type ExtractedFields,
  type FieldName,
} from './extract-fields.ts';
import { pgm, prepareImage, type Prepared } from './preprocess.ts';
import { validateInsurerNumber } from '../../shared/domain/insurer-number.ts';
import sharp from 'sharp';
import { personalNumberBoxes, redactImage } from './redact.ts';
import { cardDigitLines, personalNumberHits, personalNumberLineBoxes } from './personal-number.ts';
import { DATE_GLYPHS, garbledDates, patchDate } from './garbled-dates.ts';
import { inkRunOn, nameAtInkGap } from './name-gap.ts';
import { bare, japaneseGlyphs, voteName, voteWithPage } from './name-vote.ts';
import type { PaddleReader } from './paddle-reader.ts';
import { SECOND_READ_FIELDS, weigh, type SecondReadField } from './second-reading.ts';
import type { TextLineDetector } from './text-lines.ts';
import { INK, page, readDetectedLines } from './line-reading.ts';
import { readingInside, readLinesWithPaddle, worthSecondReading } from './paddle-lines.ts';
import { fillGaps } from './fill-gaps.ts';
import { branchWorthSecond, numberFromCrop, takeSecondBranch, weighIdReadings } from './id-readings.ts';

/** Below this a field is shown for staff confirmation instead of being taken as read. */
export const CONFIRM_BELOW = 0.8;
/** Classification confidence under which a second pass, read as one block, is worth its time. */
const RETRY_BELOW = 0.5;
/**
 * The detected lines' reading tells a kind less surely than a row label alone does (0.75,
 * classify.ts): then the page read with tesseract's own layout may have the title the detector lost
 * (a 資格確認書's title band missing, the document taken for an old 保険証 by its 被保険者 row). At
 * 0.8 every portal screen was read twice (its 被保険者証記号 row ties an old card's title with its
 * own, so it is never told surer than 0.75), ~550 ms a screen, and ~100 ms a card on the median;
 * on 7 tuning sets (330 captures) that second pass changed no kind, and 2 fields of one degraded
 * portal screen (a cell border read 「1」 before its 記号).
 */
const RETRY_DETECTED_BELOW = 0.75;

export interface ScanResult {
  kind: ScanKind;
  confidence: number;
  fields: ExtractedFields;
  fieldConfidence: Partial<Record<FieldName, number>>;
  /** How each field was found (Extraction.via), with the scan's own second readings. */
  via: Extraction['via'];
  /** Fields staff must confirm (low confidence or a failed check). */
  confirm: FieldName[];
  warnings: OcrWarning[];
  /** The readers this scan used: tesseract, and PP-OCRv4 when its runtime loaded. */
  readers: ('tesseract' | 'pp-ocrv4')[];
  timings: { prepareMs: number; recognizeMs: number };
  /**
   * The prepared image with any 個人番号 blacked out (PNG, and a JPEG preview if asked): the only
   * form in which an image may be kept or shown.
   */
  redactedImage(options?: { previewWidth?: number }): Promise<{ png: Buffer; preview?: Buffer }>;
}

export async function scanDocument(
  engine: OcrEngine,
  input: Buffer,
  options: { second?: PaddleReader; detector?: TextLineDetector } = {},
): Promise<ScanResult> {
  const t0 = performance.now();
  const prepared = await prepareImage(input);
  const t1 = performance.now();
  const first = await firstReading(engine, prepared, options);
  const { paddle } = first;
  let { ocr, found } = first;
  // The page read the other way, once it has been.
  let other: OcrOutput | undefined;
  const otherWay = (): Promise<OcrOutput> =>
    engine.recognize(prepared.image, options.detector ? {} : { layout: 'block' });
  // A capture whose kind cannot be told (or only by a partly read title) gets a second pass read
  // the other way, and the better of the two counts (classification of degraded captures 93 →
  // 100%, where tesseract's own deskew as the second pass gave 93%). Retrying every
  // low-confidence read doubled the time of most phone photos for no better field. Not when the
  // second reader read the same kind's title (clean tuning fields unchanged, degraded 3 more).
  const unsure = found.kind === 'unknown' || found.confidence < (options.detector ? RETRY_DETECTED_BELOW : RETRY_BELOW);
  if (unsure && !(paddle && sameKindByTitle(found, paddle.text))) {
    other ??= await otherWay();
    const foundAgain = classify(other.lines.map((l) => l.text).join('\n'));
    if (other.confidence + foundAgain.confidence > ocr.confidence + found.confidence)
      [ocr, found, other] = [other, foundAgain, ocr];
  }
  if (paddle) found = withKindOf(withMistakenPaper(found, paddle.text), paddle.text);
  const t2 = performance.now();
  const { kind, confidence } = found;
  const lines = await rereadDates(engine, prepared, ocr.lines);
  const extraction = extractFields(lines, kind);
  const redact = personalNumberBoxes(ocr.lines, extraction.personalNumberLines);
  // What the second reader's reading of the page gives by its own labels and cells.
  const read = paddle && extractFields(paddle.lines, kind);
  if (paddle && read) {
    weighIdReadings(extraction, read);
    fillGaps(extraction, read, { only: PADDLE_FIELDS, atMost: CONFIRM_BELOW - 0.2, via: 'second-reader-page' });
    redact.push(...personalNumberBoxes(paddle.lines, read.personalNumberLines));
  }
  // A portal screen missing a row every design lists, or a page read unsure (a degraded capture):
  // the other reading fills what this one lacks.
  const portal = kind === 'portal_screen';
  if (portal ? PORTAL_ROWS.some((k) => extraction.fields[k] === undefined) : ocr.confidence < UNSURE_PAGE) {
    other ??= await otherWay();
    const again = extractFields(other.lines, kind);
    fillGaps(extraction, again, portal ? { only: PORTAL_FILL } : { atMost: CONFIRM_BELOW - 0.2 });
    redact.push(...personalNumberBoxes(other.lines, again.personalNumberLines));
  }
  // Fails closed: whatever either reading of the page took for a 個人番号 is blacked out, and the
  // whole detected line (or, without the detector, the read line) where any reading saw one.
  const readings = [ocr, ...(other ? [other] : []), ...(paddle ? [paddle] : [])];
  for (const reading of readings) {
    const hits = [
      ...personalNumberHits(reading.lines),
      ...(kind === 'mynumber_card' ? cardDigitLines(reading.lines) : []),
    ];
    redact.push(...hits.flatMap((h) => h.boxes));
    if (hits.length > 0) extraction.personalNumberSeen = true;
  }
  redact.push(
    ...personalNumberLineBoxes(
      first.boxes,
      readings.map((r) => r.lines),
      { card: kind === 'mynumber_card' },
    ),
  );
  if (found.notInsurance) dropFields(extraction);
  else {
    const crop = await readNameAgain(engine, options.second, prepared, extraction);
    if (read) nameFromPage(extraction, read, crop);
    spaceName(prepared, extraction);
    confirmUnsplitName(extraction);
    await rereadNumbers(engine, prepared, extraction);
    if (options.second) await secondReading(options.second, prepared, extraction, paddle, read);
    if (options.second) await secondBranch(options.second, prepared, extraction, paddle);
    categoryForAge(extraction);
    nameMunicipality(
      extraction,
      readings.map((r) => r.lines),
    );
  }
  // The card's 有効期限 is its 「…まで有効」 date, however it was read.
  if (kind === 'mynumber_card' && extraction.fields.expiry) {
    extraction.fields.cardExpiry = extraction.fields.expiry;
    extraction.confidence.cardExpiry = extraction.confidence.expiry ?? 0;
    extraction.via.cardExpiry = extraction.via.expiry ?? [];
  }
  const warnings = [...extraction.warnings];
  if (found.notInsurance) warnings.push(ocrWarning(NOT_INSURANCE_WARNING[found.notInsurance]));
  else if (kind === 'unknown') warnings.push(ocrWarning('ocr.kindUnknown'));
  if (extraction.personalNumberSeen) warnings.push(ocrWarning('ocr.personalNumberSeen'));
  const confirm = (Object.keys(extraction.fields) as FieldName[]).filter(
    (k) => (extraction.confidence[k] ?? 0) < CONFIRM_BELOW,
  );
  return {
    kind,
    confidence,
    fields: extraction.fields,
    fieldConfidence: extraction.confidence,
    via: extraction.via,
    confirm,
    warnings,
    readers: options.second || options.detector ? ['tesseract', 'pp-ocrv4'] : ['tesseract'],
    timings: { prepareMs: Math.round(t1 - t0), recognizeMs: Math.round(t2 - t1) },
    redactedImage: (options) => redactImage(prepared, redact, options),
  };
}

/**
 * The page's first reading: with the text detector, its lines read one by one (line-reading.ts);
 * without it, or when it finds nothing legible, tesseract's own layout of the page. The second
 * reader reads the same lines meanwhile (paddle-lines.ts): it runs in ONNX Runtime's own thread,
 * so on a second core it costs little time.
 */
async function firstReading(
  engine: OcrEngine,
  prepared: Prepared,
  options: { second?: PaddleReader; detector?: TextLineDetector },
): Promise<{ ocr: OcrOutput; found: ReturnType<typeof classify>; paddle?: OcrOutput; boxes?: OcrBox[] }> {
  const lines = options.detector
    ? await options.detector.detect(prepared.grey, prepared.width, prepared.height)
    : undefined;
  const first = lines ? readDetectedLines(engine, prepared, lines) : undefined;
  const [detected, paddle] = lines
    ? await Promise.all([
        first,
        // Without it the scan is tesseract's alone, as when the runtime cannot load.
        options.second
          ? readLinesWithPaddle(
              options.second,
              prepared,
              lines,
              first!.then((r) => r && worthSecondReading(r)),
            ).catch(() => undefined)
          : undefined,
      ])
    : [];
  const ocr = detected ?? (await engine.recognize(prepared.image));
  return {
    ocr,
    found: classify(ocr.lines.map((l) => l.text).join('\n')),
    ...(paddle ? { paddle } : {}),
    ...(lines ? { boxes: lines.map((l) => l.box) } : {}),
  };
}

/**
 * A paper handed over by mistake (介護保険証, 診察券): its numbers are no insurance fields (a
 * 介護保険 保険者番号 is not a health insurer's), so nothing read from it is offered; its
 * 個人番号 redaction stays.
 */
function dropFields(x: Extraction): void {
  Object.assign(x, { fields: {}, confidence: {}, via: {}, boxes: {}, reread: {}, warnings: [] });
  delete x.nameBox;
}

/** What a 適用区分 can be: ア–オ (70 歳未満), Ⅰ・Ⅱ (低所得), and 区分 printed before it. */
const LIMIT_CATEGORIES = 'アイウエオⅠⅡI区分';

/**
 * The crop of a value, with a margin, at least ~48 px high (the model reads small digits badly).
 * Cell borders caught by the margin are whitened: a whitelisted read of 「|ウ」 gives nothing.
 */
async function crop(prepared: Prepared, box: OcrBox): Promise<Buffer> {
  const h = box.y1 - box.y0;
  const rows = [Math.max(0, Math.round(box.y0)), Math.min(prepared.height, Math.round(box.y1))] as const;
  const left = outToGap(prepared, Math.max(0, Math.round(box.x0 - h * 0.3)), rows, -1, h);
  const top = Math.max(0, Math.round(box.y0 - h * 0.35));
  const right = outToGap(prepared, Math.min(prepared.width - 1, Math.round(box.x1 + h * 0.5)), rows, 1, h);
  const width = Math.max(1, right + 1 - left);
  const height = Math.max(1, Math.min(prepared.height, Math.round(box.y1 + h * 0.35)) - top);
  const scale = Math.min(3, Math.max(1, 48 / Math.max(1, h)));
  const region = await page(prepared).extract({ left, top, width, height }).toColourspace('b-w').raw().toBuffer();
  const clean = keepOwnLine(
    whitenBorders(region, width, height),
    width,
    height,
    Math.round(box.y0 - top),
    Math.round(box.y1 - top),
  );
  const out = await sharp(clean, { raw: { width, height, channels: 1 } })
    .resize({ width: Math.round(width * scale), kernel: 'lanczos3' })
    .extend({ top: 12, bottom: 12, left: 12, right: 12, background: '#ffffff' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return pgm(out.data, out.info.width, out.info.height);
}

/**
 * The model's boxes can be off by half a glyph: a crop edge that falls in ink moves out to the
 * blank column beside it (a 保険者番号 crop through its leading 0 read 6477756), at most one glyph
 * further; with no gap that near (the value runs into its label) the edge stays.
 */
function outToGap(p: Prepared, x: number, [y0, y1]: readonly [number, number], step: -1 | 1, limit: number): number {
  for (let cx = x, k = 0; k <= limit && cx >= 0 && cx < p.width; cx += step, k++)
    if (!inkedColumn(p, cx, y0, y1)) return cx;
  return x;
}

/** Whether a column of the page has ink between rows y0 and y1 (a speck of noise is not ink: two dark pixels are). */
function inkedColumn(p: Prepared, x: number, y0: number, y1: number): boolean {
  let dark = 0;
  for (let y = y0; y < y1; y++) if (p.grey[y * p.width + x]! < INK && ++dark >= 2) return true;
  return false;
}

/** Rows and columns that are ink for most of the crop's extent are ruled lines, not glyph strokes. */
function whitenBorders(px: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(px);
  const ink = (v: number) => v < INK;
  for (let x = 0; x < width; x++) {
    let n = 0;
    for (let y = 0; y < height; y++) if (ink(px[y * width + x]!)) n++;
    if (n > height * 0.8) for (let y = 0; y < height; y++) out[y * width + x] = 255;
  }
  for (let y = 0; y < height; y++) {
    let n = 0;
    for (let x = 0; x < width; x++) if (ink(px[y * width + x]!)) n++;
    if (n > width * 0.8) for (let x = 0; x < width; x++) out[y * width + x] = 255;
  }
  return out;
}

/**
 * The tops and tails of the lines above and below caught by the margin are whitened: all beyond
 * the first blank row on either side of the value's own rows. (The glyph tops of the next line
 * turned a digits-only read of 「39129895」 into 「5」.)
 */
function keepOwnLine(px: Buffer, width: number, height: number, y0: number, y1: number): Buffer {
  const blank = (y: number) => {
    let n = 0;
    for (let x = 0; x < width; x++) if (px[y * width + x]! < INK) n++;
    return n <= Math.max(1, width * 0.005);
  };
  // From the middle of the value's rows outwards: its glyphs may run above or below the box.
  const mid = Math.min(height - 1, Math.max(0, Math.round((y0 + y1) / 2)));
  let above = mid;
  while (above > 0 && !blank(above)) above--;
  let below = mid;
  while (below < height - 1 && !blank(below)) below++;
  const out = Buffer.from(px);
  if (above > 0) out.fill(255, 0, above * width);
  if (below < height - 1) out.fill(255, (below + 1) * width);
  return out;
}

/** What every マイナポータル 資格情報 screen lists, and what else a second reading may fill in. */
const PORTAL_ROWS: readonly FieldName[] = ['name', 'birthDate', 'burdenRatio', 'insurerNumber'];
const PORTAL_FILL: readonly FieldName[] = [...PORTAL_ROWS, 'sex'];
/**
 * What the second reader's page reading may fill: digits, dates, 割 and 男/女 (it reads no kana),
 * and a 適用区分 (Ⅱ and ア–オ are read or nothing is: a large 「区分Ⅱ」 tesseract read 「区分」).
 */
export const PADDLE_FIELDS: readonly FieldName[] = [
  ...SECOND_READ_FIELDS,
  'symbol',
  'number',
  'branch',
  'limitCategory',
];
/**
 * A page read less sure than this (mean confidence; clean captures read 0.8–0.9) is a degraded
 * capture: a second reading of it as one block fills in fields it lacks (7 more right and none
 * wrong on each of two degraded sets of 54). At 0.7 most degraded cards took the second reading's
 * time, for one more right and one wrong.
 */
const UNSURE_PAGE = 0.6;

/**
 * The name read again from its crop, by PP-OCRv4 and, when the page read it unsure or PP-OCRv4
 * read another name, by tesseract upscaled like the numbers (small kanji on a low-resolution
 * capture come out better there), and the readings weighed (name-vote.ts).
 */
async function readNameAgain(
  engine: OcrEngine,
  reader: PaddleReader | undefined,
  prepared: Prepared,
  x: Extraction,
): Promise<{ text: string; confidence: number } | undefined> {
  const box = x.nameBox;
  if (!box || !x.fields.name) return undefined;
  const page = { text: x.fields.name, confidence: x.confidence.name ?? 0 };
  const region = reader ? await greyCrop(prepared, { ...box, x1: inkRunEnd(prepared, box) }) : undefined;
  // A runtime error on the crop leaves the name to tesseract.
  const read = region && (await reader!.read(region.data, region.width, region.height).catch(() => undefined));
  const second =
    read && japaneseGlyphs([...read.text].map((c, i) => ({ text: c, confidence: read.glyphs[i]?.p ?? 0 })));
  const agreed = second !== undefined && bare(page.text) === second.map((g) => g.text).join('');
  const again =
    !agreed && (page.confidence < CONFIRM_BELOW || second !== undefined)
      ? await engine.recognizeLine(await crop(prepared, box), '')
      : undefined;
  const vote = voteName(page, second, again);
  if (!vote) return again;
  x.fields.name = vote.value;
  x.confidence.name = vote.confidence;
  x.via.name =
    vote.via.includes('name-reread') || vote.via.includes('name-vote')
      ? vote.via
      : [...(x.via.name ?? []), ...vote.via];
  if (vote.warning) x.warnings.push(vote.warning);
  return again;
}

/**
 * The name weighed against the one the second reader's page reading gives (name-vote.ts), with
 * that reading's box when its name is taken (the first reading's box held something else).
 */
function nameFromPage(x: Extraction, read: Extraction, crop: { text: string; confidence: number } | undefined): void {
  const name = x.fields.name;
  const vote = voteWithPage(
    name === undefined ? undefined : { text: name, confidence: x.confidence.name ?? 0 },
    read.fields.name,
    crop,
  );
  if (!vote) return;
  x.fields.name = vote.value;
  x.confidence.name = vote.confidence;
  x.via.name = [...(x.via.name ?? []), ...vote.via];
  if (vote.via[0] !== 'name-page-vote' && read.nameBox) x.nameBox = read.nameBox;
  x.warnings = [...x.warnings.filter((w) => w.params.field !== 'name'), vote.warning!];
}

/**
 * Where the ink that the name's box ends in runs on to (name-gap.ts), at most three glyphs further:
 * PP-OCRv4 reads that far, so a glyph the page's reading left out (健一 read 健, its box ending
 * there) makes the two readings differ instead of agreeing on the part.
 */
function inkRunEnd(p: Prepared, box: OcrBox): number {
  const h = box.y1 - box.y0;
  const [y0, y1] = [Math.max(0, Math.round(box.y0)), Math.min(p.height, Math.round(box.y1))];
  const from = Math.max(0, Math.round(box.x1));
  const to = Math.min(p.width, Math.round(box.x1 + 3 * h));
  const inked = Array.from({ length: Math.max(0, to - from) }, (_, i) => inkedColumn(p, from + i, y0, y1));
  return Math.max(box.x1, from + inkRunOn(inked, h));
}

/**
 * The 氏名's family/given space put where the image has it (name-gap.ts), for a name staff confirm
 * anyway, or one read without it. A name read sure with a space keeps it: on 147 clean tuning
 * captures the ink moved it twice, both times wrongly (福田 正雄 → 福 田正雄); on degraded ones it
 * righted 山 口昭 read unsure. A sure name read without its space (石川凛, 長谷川葵: both readers
 * agreed on the glyphs) gets it from the ink, and still goes to staff: the space is the image's guess.
 */
export function spaceName(prepared: Prepared, x: Extraction): void {
  const box = x.nameBox;
  const name = x.fields.name;
  const unsplit = name !== undefined && !/\s/.test(name);
  if (!box || !name || ((x.confidence.name ?? 0) >= CONFIRM_BELOW && !unsplit)) return;
  // Whole pixels: PP-OCRv4's boxes, placed from where along the line CTC read each glyph, have
  // fractional ends, and a fractional column index read no ink at all (山崎博之, 池田正雄 and 橋本清
  // taken from its page reading stayed without their space).
  const left = Math.max(0, Math.round(box.x0));
  const [top, bottom] = [Math.max(0, Math.round(box.y0)), Math.min(prepared.height, Math.round(box.y1))];
  const width = Math.min(prepared.width, Math.round(box.x1)) - left;
  if (width < 2 || bottom - top < 2) return;
  const spaced = nameAtInkGap(
    name,
    Array.from({ length: width }, (_, cx) => inkedColumn(prepared, left + cx, top, bottom)),
  );
  if (!spaced) return;
  x.fields.name = spaced;
  if (unsplit) x.confidence.name = Math.min(x.confidence.name ?? 0, CONFIRM_BELOW - 0.1);
}

/**
 * Every document prints the name as family and given name. One without the split was read in
 * part (「阿部」 for 阿部 さくら) or its space was not found: staff confirm it, however sure the model was.
 */
function confirmUnsplitName(x: Extraction): void {
  if (x.fields.name && !/\s/.test(x.fields.name))
    x.confidence.name = Math.min(x.confidence.name ?? 0, CONFIRM_BELOW - 0.1);
}

/**
 * Garbled dates read again from their crop with a date's glyphs only; the lines with the
 * readings that hold up (garbled-dates.ts), the page's own lines untouched.
 */
async function rereadDates(engine: OcrEngine, prepared: Prepared, lines: OcrLine[]): Promise<OcrLine[]> {
  const patched = [...lines];
  for (const g of garbledDates(lines).reverse()) {
    const again = await engine.recognizeLine(await crop(prepared, g.box), DATE_GLYPHS);
    patchDate(patched, g, again.text);
  }
  return patched;
}

/**
 * Number fields the page read did not get cleanly are read again from their crop with digits
 * only. A 保険者番号 found this way is taken only with a valid check digit, and always with a
 * warning: it is a second reading, so staff confirm it.
 */
async function rereadNumbers(engine: OcrEngine, prepared: Prepared, x: Extraction): Promise<void> {
  if (x.reread.insurerNumber) {
    const again = (await engine.recognizeLine(await crop(prepared, x.reread.insurerNumber), '0123456789')).text.replace(
      /\D/g,
      '',
    );
    const check = validateInsurerNumber(again);
    if (check.valid && again !== x.fields.insurerNumber) {
      x.warnings = x.warnings.filter((w) => !w.code.startsWith('ocr.insurerNumber'));
      x.fields.insurerNumber = check.normalized;
      x.confidence.insurerNumber = 0.6;
      x.via.insurerNumber = ['insurer-reread'];
      x.warnings.push(ocrWarning('ocr.insurerNumberReread', { number: check.normalized }));
      reconcileInsurerName(x);
    }
  }
  if (x.reread.limitCategory) {
    const again = (await engine.recognizeLine(await crop(prepared, x.reread.limitCategory), LIMIT_CATEGORIES)).text;
    const category = categoryReadAgain(again);
    if (category) {
      x.fields.limitCategory = category;
      x.confidence.limitCategory = 0.6;
      x.via.limitCategory = ['category-reread'];
    }
  }
  for (const box of x.reread.sex ?? []) {
    const again = (await engine.recognizeLine(await crop(prepared, box), '男女')).text.replace(/\s+/g, '');
    // One glyph and nothing else: a whitelisted read of an empty crop invents glyphs too.
    if (again === '男' || again === '女') {
      x.fields.sex = again === '男' ? 'male' : 'female';
      x.confidence.sex = 0.6;
      x.via.sex = ['sex-reread'];
      break;
    }
  }
  if (x.reread.number) {
    const again = (await engine.recognizeLine(await crop(prepared, x.reread.number), '0123456789')).text.replace(
      /\s+/g,
      '',
    );
    const number = numberFromCrop(again, x);
    if (number) {
      x.fields.number = number;
      x.confidence.number = 0.6;
      x.via.number = ['number-reread'];
    }
  }
}

/** The first reader's warnings about a field, replaced when the second reader's own warning speaks for it. */
const FIRST_READER_CODES: Partial<Record<(typeof SECOND_READ_FIELDS)[number], readonly OcrWarningCode[]>> = {
  insurerNumber: [
    'ocr.insurerNumberCheckDigit',
    'ocr.insurerNumberLength',
    'ocr.insurerNumberWithoutLabel',
    'ocr.insurerNumberReread',
  ],
  birthDate: ['ocr.birthDateNotBefore'],
};

/**
 * Digits, dates, 割 and 男/女 read a second time by PP-OCRv4 from where the value is printed, and
 * weighed with the first reading (second-reading.ts). A second reader's warning replaces the first
 * reader's about the same field.
 */
async function secondReading(
  reader: PaddleReader,
  prepared: Prepared,
  x: Extraction,
  page: OcrOutput | undefined,
  paged: Extraction | undefined,
): Promise<void> {
  for (const field of SECOND_READ_FIELDS) {
    // A field whose value was found but could not be read (a date that does not parse) has a box too.
    const box = x.boxes[field];
    // A value the second reader's page reading gave already: its crop would agree with itself.
    if (!box || x.via[field]?.[0] === 'second-reader-page') continue;
    const text = await secondText(reader, prepared, page, box);
    if (!text) continue;
    const w = weigh(
      field,
      { value: x.fields[field], confidence: x.confidence[field] ?? 0 },
      text,
      besideLabel(paged, field),
    );
    if (!w) continue;
    Object.assign(x.fields, { [field]: w.value });
    x.confidence[field] = w.confidence;
    x.via[field] = [...(x.via[field] ?? []), w.rule];
    if (w.warning) {
      x.warnings = x.warnings.filter((m) => m.params.field !== field && !FIRST_READER_CODES[field]?.includes(m.code));
      x.warnings.push(w.warning);
    }
    if (field === 'insurerNumber') reconcileInsurerName(x);
  }
}

/** A 枝番 with a 6 or 9 in it, read by the second reader where it is printed (id-readings.ts). */
async function secondBranch(
  reader: PaddleReader,
  prepared: Prepared,
  x: Extraction,
  page: OcrOutput | undefined,
): Promise<void> {
  const box = x.boxes.branch;
  if (!box || !branchWorthSecond(x)) return;
  const text = await secondText(reader, prepared, page, box);
  if (text) takeSecondBranch(x, text);
}

/**
 * What the second reader read where a value is printed: its page reading there, else its reading
 * of the crop (the same model on the same line).
 */
async function secondText(
  reader: PaddleReader,
  prepared: Prepared,
  page: OcrOutput | undefined,
  box: OcrBox,
): Promise<string | undefined> {
  return (page && readingInside(page, box)) ?? (await readCrop(reader, prepared, box));
}

/** A field the second reader's page reading placed by its label or its printed form, not by a fallback's guess. */
function besideLabel(x: Extraction | undefined, field: SecondReadField): Extraction['fields'][SecondReadField] {
  const rule = x?.via[field]?.[0];
  return rule === 'label' || rule === 'until-suffix' || rule === 'born-suffix' ? x!.fields[field] : undefined;
}

/** The second reader's reading of a value's crop; a runtime error leaves the field as the first reader read it. */
async function readCrop(reader: PaddleReader, prepared: Prepared, box: OcrBox): Promise<string | undefined> {
  const region = await greyCrop(prepared, box);
  if (!region) return undefined;
  return (await reader.read(region.data, region.width, region.height).catch(() => undefined))?.text;
}

/** A value's crop as 8-bit grey, with a margin of a third of its height (the reader needs some white around it). */
async function greyCrop(
  p: Prepared,
  box: OcrBox,
): Promise<{ data: Buffer; width: number; height: number } | undefined> {
  const h = box.y1 - box.y0;
  const left = Math.max(0, Math.round(box.x0 - h * 0.3));
  const top = Math.max(0, Math.round(box.y0 - h * 0.3));
  const width = Math.min(p.width, Math.round(box.x1 + h * 0.3)) - left;
  const height = Math.min(p.height, Math.round(box.y1 + h * 0.3)) - top;
  if (width < 4 || height < 4) return undefined;
  const data = await page(p).extract({ left, top, width, height }).toColourspace('b-w').raw().toBuffer();
  return { data, width, height };
}
