/** A failure in the screen's language: the code from main in words, never developer text. */
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/ipc/errors.ts';
import { codeText } from './codeText.ts';

/** Names of the DOMExceptions getUserMedia rejects with; each has its words under `camera`. */
export const CAMERA_ERRORS = [
  'NotFoundError',
  'NotAllowedError',
  'NotReadableError',
  'OverconstrainedError',
  'SecurityError',
  'AbortError',
] as const;

// Upper-case acronyms (PIN, PDF, CSV) are Japanese desk words too; a lower-case run is English.
const ENGLISH_WORDS = /[a-z]{2,}/;

export function errorText(e: unknown, t: TFunction, language: string): string {
  if (e instanceof ApiError && e.code) return codeText(e.code, e.params, t, language);
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  // A message without a code is shown only when it is already in the screen's language.
  return message && (language === 'en' || !ENGLISH_WORDS.test(message)) ? message : t('error.unknown');
}

/** Why the camera could not start, from the DOMException's name (the browser's message is English). */
export function cameraErrorText(e: unknown, t: TFunction): string {
  const name = (e as { name?: unknown } | null)?.name;
  const known = (CAMERA_ERRORS as readonly unknown[]).includes(name);
  return t('capture.noCamera', { error: t(`camera.${known ? String(name) : 'other'}`) });
}

export function useErrorText(): (e: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback((e: unknown) => errorText(e, t, i18n.language), [t, i18n.language]);
}
