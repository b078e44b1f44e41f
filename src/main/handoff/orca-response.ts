/**
 * Reading ORCA's answer (`patientmodres`, xml2): Api_Result (00 = done), Api_Result_Message, the
 * Api_Warning_Message… texts and the patient's number. Only these elements are read; the answer
 * is otherwise not trusted (no entities, no attributes, no nesting assumptions).
 */
export interface OrcaAnswer {
  apiResult: string;
  apiMessage?: string;
  warnings: string[];
  patientId?: string;
}

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function texts(xml: string, name: RegExp): string[] {
  const re = new RegExp(`<(${name.source})(?:\\s[^>]*)?>([^<]*)</\\1>`, 'g');
  return [...xml.matchAll(re)].map((m) => unescape(m[2]!).trim()).filter((t) => t !== '');
}

/** null when the body is not an ORCA answer (no Api_Result). */
export function parseOrcaAnswer(xml: string): OrcaAnswer | null {
  const [apiResult] = texts(xml, /Api_Result/);
  if (apiResult === undefined) return null;
  const [apiMessage] = texts(xml, /Api_Result_Message/);
  const [patientId] = texts(xml, /Patient_ID/);
  return {
    apiResult,
    ...(apiMessage ? { apiMessage } : {}),
    warnings: texts(xml, /Api_Warning_Message\d*/).slice(0, 10),
    ...(patientId ? { patientId } : {}),
  };
}

/** `00` is success; every other code is ORCA refusing (its message says why). */
export const isOrcaSuccess = (apiResult: string): boolean => /^0+$/.test(apiResult);
