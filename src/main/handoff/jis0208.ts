/**
 * On-premises ORCA stores names in EUC-JP and accepts JIS X 0208 only; a name with anything else
 * (髙, 﨑, most 異体字) turns into ● on its screens and claims, so staff add the カナ. The set is
 * read off the platform's EUC-JP decoder: rows 1–84 (lead bytes 0xA1–0xF4) without the NEC row 13
 * (0xAD), i.e. JIS X 0208 proper.
 */
let jis0208: Set<string> | undefined;

function table(): Set<string> {
  if (jis0208) return jis0208;
  const decoder = new TextDecoder('euc-jp', { fatal: false });
  const set = new Set<string>();
  for (let lead = 0xa1; lead <= 0xf4; lead++) {
    if (lead === 0xad) continue;
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const c = decoder.decode(Uint8Array.of(lead, trail));
      if (c !== '\uFFFD' && c.length > 0) set.add(c);
    }
  }
  return (jis0208 = set);
}

/** The characters of `text` that ORCA cannot store (ASCII is accepted: ORCA widens it). */
export function outsideJis0208(text: string): string[] {
  const set = table();
  return [...new Set([...text].filter((c) => c > '\u007f' && !set.has(c)))];
}
