/** Digits of a number field: spaces inside the run dropped, and up to two stray marks before it. */
export const digitsOf = (v: string, min = 1): string | undefined =>
  v.replace(/(?<=\d)\s+(?=\d)/g, '').match(new RegExp(`^[^\\d\\p{Script=Han}]{0,2}(\\d{${min},})`, 'u'))?.[1];
/** Whether a number was read with marks before it or inside it (a digit the model misread). */
export const unclean = (v: string): boolean =>
  !/^\d+(?:\s|$|[^\d\p{L}])/u.test(v.replace(/(?<=\d)\s+(?=\d)/g, '').replace(/^[_.,:：\s]+/, ''));

/** 「記号・番号 5695・7247503 (00)」: the combined form of notices and 高齢受給者証. */
export const COMBINED_ID = /(?:^|[^\d])(\p{Script=Han}{0,2}\d{1,8})\s*[・･.]\s*(\d{1,8})\s*[(（]\s*(\d{2})\s*[)）]/u;
