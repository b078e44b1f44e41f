/**
 * Telling the kind from the OCR text: papers handed over by mistake (介護保険被保険者証, 診察券) are
 * named as such and never taken for an insurance document, and row labels printed inside an
 * insurance document (a 公費 受給者証's numbers in its 備考) do not outweigh its title. The texts are
 * what tesseract read off the corpus (spaces between glyphs, misread glyphs kept).
 */
import { describe, expect, it } from 'vitest';
import { classify, sameKindByTitle, withKindOf, withMistakenPaper } from '../../src/main/ocr/classify.ts';

describe('classify: papers that are no insurance document', () => {
  it.each([
    // Its title ends in 被保険者証 and it has a 保険者番号: not an old insurance card.
    [
      '介 護 保 険 被 保 険 者 証\n被保険者 番号 5228426419\n氏名 太田 凛 性別 女\n要介護状態区分等 要介護5 認定年月日 令和3年4月24日\n保険者番号 171025 保険者の名称 金沢市',
      'ltc_insurance_card',
    ],
    // The title with two or three glyphs misread and no row read: an old card's 被保険者証 matched
    // exactly inside it, but its first glyph 介 begins no insurance title.
    ['介汽保院被保険者証\n0558119076', 'ltc_insurance_card'],
    ['介引保険彼保険者放\nしししいま りり 05S8119076', 'ltc_insurance_card'],
    // The title misread, the rows still tell it.
    ['介護保険被保陰者証\n認定の有効期間 令和3年4月24日~令和5年4月23日', 'ltc_insurance_card'],
    // A 診察券 that asks for the 資格確認書: not a 資格確認書.
    [
      'さくら内科クリニック\n診察券\n診察券番号 92031648\n井上 蓮 様\n受診の際は、マイナ保険証または資格確認書と一緒にお出しください。',
      'clinic_card',
    ],
    [
      'あおば整形外科\n診 療 時 間 月 火 水\n休診日 木曜午後・日曜\n毎月はじめの受診時には保険証を確認させていただきます。',
      'clinic_card',
    ],
  ])('%s → unknown (%s)', (text, notInsurance) => {
    const found = classify(text);
    expect(found.kind).toBe('unknown');
    expect(found.notInsurance).toBe(notInsurance);
  });

  it('is one when a paper of no kind reads partly like one', () => {
    // A degraded 診察券 as the second reader read it: 診 misread, no insurance title anywhere.
    const read = '珍察券 640241\n登商導 村上清楼\n我発 邵和55年8月17日\n生年月日 員';
    expect(classify(read)).toMatchObject({ kind: 'unknown', notInsurance: 'clinic_card' });
    // An insurance document with a title read is never one, whatever else it prints.
    expect(classify('資格確認書\n診療所 珍察 640241').notInsurance).toBeUndefined();
  });

  it('does not take a 記号・番号 or a telephone number for a card back', () => {
    expect(classify('記号 1234 番号 5678 枝番 00').kind).toBe('unknown');
    // An old card: its title right above its 記号 row is no portal row 「被保険者証記号」 either.
    expect(classify('健康保険被保険者証\n記号 1234 番号 5678\n電話 03-2201-1000').kind).toBe('legacy_insurance_card');
  });

  it('does not take an insurance document for one of them', () => {
    for (const text of [
      '国民健康保険被保険者証\n世帯主氏名 山田 太郎',
      '後期高齢者医療 資格確認書\n被保険者番号 12345678',
      '健康保険 被保険者証\n本人（被保険者）',
      // A 40–64 歳's card may carry this stamp: not the 介護保険証's title.
      '健康保険被保険者証\n介護保険第2号被保険者',
    ]) {
      const found = classify(text);
      expect(found.kind, text).not.toBe('unknown');
      expect(found.notInsurance, text).toBeUndefined();
    }
  });

  it('is one when the other reading of the page names it, whatever kind the first took it for', () => {
    // tesseract lost the title's 介護 and read 被保険者証; the second reader read the title (its
    // simplified forms already made Japanese by the page reading).
    const first = classify('保険被保険者証\n被保険者 番号 5228426419\n保険者番号 171025 保険者の名称 金沢市');
    expect(first.notInsurance).toBeUndefined();
    const found = withMistakenPaper(first, '介護保険被保険者証\n5228426419\n171025 金沢市');
    expect(found).toMatchObject({ kind: 'unknown', notInsurance: 'ltc_insurance_card' });
    // An insurance document the other reading also reads as one stays as the first reading found it.
    const card = classify('健康保険 被保険者証\n本人（被保険者）');
    expect(withMistakenPaper(card, '健康保険 被保険者証')).toBe(card);
    // The other reading, titleless, only partly like a 診察券: the kind the first found stands.
    expect(withMistakenPaper(card, '珍察券 640241')).toBe(card);
    const unknown = classify('准察基 640241');
    expect(withMistakenPaper(unknown, '珍察券 640241')).toMatchObject({ notInsurance: 'clinic_card' });
  });
});

describe('classify: degraded readings from the tuning corpus', () => {
  it.each([
    // A はがき 資格確認書: the title read 「資格f」, its 注意事項 tell it.
    [
      '後期高齢者医療 資格f\n有効其\n被伴乏者番号 89892749\n1 医療機関等で受診する謙には、この確認書を窓口で提示してください。\n備考\n公費負担者番号 12102596 受給者番号 6988323',
      'qualification_certificate',
    ],
    // The portal screen's rows contain 被保険者証; its title was misread.
    [
      '< マヤイナポータル 三\n保険者名 全国健康保険協会 鳥取支部\n被保険者証記号 30756330\n被保険者証番号 770752\nmmm PDFをなをダウンロード momo',
      'portal_screen',
    ],
    // A card's back whose small grey 個人番号 label was lost: its number's 4-4-4 grouping tells it.
    ['。。。 4105 1509 5709\n上 ジにい の\nま 昭和54年12月2日 アン', 'mynumber_card'],
    // 小児慢性特定疾病医療受給者証 with two glyphs misread: not a 高齢受給者証.
    ['小和ポ欄性特定疾病秦応受給者証', 'public_subsidy_certificate'],
  ])('%s → %s', (text, kind) => expect(classify(text).kind).toBe(kind));
});

describe('classify: row labels inside a document do not outweigh its title', () => {
  it.each([
    // A 資格確認書 whose 備考 prints a 子ども医療 受給者証's numbers.
    ['国民健康保険 資格確認書\n備考 公費負担者番号 88131015 受給者番号 1234567', 'qualification_certificate'],
    ['健康保険高齢受給者証\n公費負担者番号 54131015 受給者番号 7654321', 'elderly_recipient_certificate'],
    // A title with one misread glyph still beats an exact row label.
    ['国民健康保険 資格確詔書\n公費負担者番号 88131015', 'qualification_certificate'],
    // The 公費 受給者証 itself, by its title or, when that is lost, by its rows.
    ['子ども医療証\n受給者番号 1234567', 'public_subsidy_certificate'],
    ['公費負担者番号 88131015\n受給者番号 1234567', 'public_subsidy_certificate'],
  ])('%s → %s', (text, kind) => expect(classify(text).kind).toBe(kind));

  it('takes the kind the other reading tells surely, only where the first told none', () => {
    // tesseract lost the title of a degraded 限度額適用認定証; the second reader read it, 認 dropped.
    const first = classify('交配月日\n名和 8年 5月31日\n記号 3068882 番号 245323 (枝番) 04');
    expect(first.kind).toBe('unknown');
    const second = '健康保 限度額適用 定証\n和8年5月31日\n配号3068882 番号245323 （枝番）04';
    expect(withKindOf(first, second).kind).toBe('limit_certificate');
    // A kind the first reading told stands; an unsure other reading tells nothing.
    const notice = classify('資格情報のお知らせ\n被保険者証記号 1234');
    expect(withKindOf(notice, 'マイナポータル 医療保険の資格情報')).toBe(notice);
    expect(withKindOf(first, '限度 定\n和8年5月31日').kind).toBe('unknown');
  });

  it('tells when the other reading confirms the kind by its title (the scan then reads no second pass)', () => {
    // Told by its rows only (0.75): the second reader read the title.
    const rows = classify('公費負担者番号 88131015\n受給者番号 1234567');
    expect(rows).toMatchObject({ kind: 'public_subsidy_certificate', confidence: expect.any(Number) });
    expect(rows.confidence).toBeLessThan(0.8);
    expect(sameKindByTitle(rows, '子ども医療証\n受給者番号1234567')).toBe(true);
    // Another kind's title, the same rows only, or no kind at all: a second pass may still find it.
    expect(sameKindByTitle(rows, '資格確認書\n公費負担者番号88131015')).toBe(false);
    expect(sameKindByTitle(rows, '公費負担者番号88131015\n受給者番号1234567')).toBe(false);
    expect(sameKindByTitle(classify('記号 1234'), '記号1234')).toBe(false);
  });

  it('takes a 限度額適用認定証’s long title the other reading tells with three glyphs wrong', () => {
    // Degraded fresh tuning captures: tesseract read no title, the second reader these.
    const first = classify('記号 73674534 番号 216873\n01120013');
    expect(first.kind).toBe('unknown');
    for (const title of ['健康保陵限度新 通用器定証', '健康保陵泉度顔適用選定証'])
      expect(withKindOf(first, `${title}\n2025年5月21日`).kind, title).toBe('limit_certificate');
    // An old 保険証's title read as loosely is no such evidence: it is inside a 介護保険証's.
    expect(withKindOf(first, '介引保険彼保険者放').kind).toBe('unknown');
    // A 共済 family member's card, 養 lost: its own title, not 組合員証 with four glyphs more.
    expect(withKindOf(first, '組合員被扶者証 （ ）').kind).toBe('legacy_insurance_card');
  });

  it('lets a kind told unsurely give way to an all-kanji title the other reading tells surer', () => {
    // A degraded 健康保険 資格確認書: tesseract lost its title and took it for a portal screen.
    const unsure = { kind: 'portal_screen' as const, confidence: 0.6 };
    const second = '健康保 資格確 書\n真格取得年月日 平成22年9月13日';
    expect(withKindOf(unsure, second).kind).toBe('qualification_certificate');
    // Told surely, the first reading's kind stands.
    expect(withKindOf({ ...unsure, confidence: 0.8 }, second).kind).toBe('portal_screen');
  });
});

describe('classify: a document saying what it is in its body', () => {
  it('is sure of an お知らせ whose body names the portal heading 医療保険の資格情報', () => {
    // A degraded お知らせ's first reading (tuning corpus): its title, and its body's sentence
    // 「あなたの医療保険の資格情報をお知らせします」. A tie with the portal's heading made it unsure
    // (0.75), and the page was read again the other way, where its 保険者名称 read 「衝枯定」.
    const found = classify(
      '交付年月日 令和6年12月27日\n船橋市長\n資格情報のお知らせ\nあなたの医療保険の資格情報をお知らせします。\n被保険者等記号・番号 558754・38101330 (00)\n保険者名称 船橋市',
    );
    expect(found.kind).toBe('qualification_notice');
    expect(found.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('still tells a portal screen by its heading alone', () => {
    expect(classify('医療保険の資格情報\n氏名 山田 太郎\n生年月日 1980/01/01').kind).toBe('portal_screen');
  });
});
