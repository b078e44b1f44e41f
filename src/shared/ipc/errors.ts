/**
 * Why a call failed, as a code with parameters: the screens word it (ja/en catalogues, `error`
 * block); the English `error` text stays in the envelope for logs and the command line.
 */
/** Why the check log cannot be written (the store's error codes). */
export const STORE_PROBLEM_CODES = [
  'disk_full',
  'read_only',
  'wrong_key',
  'corrupt',
  'locked',
  'forbidden',
  'invalid',
  'not_found',
] as const;
export type StoreProblemCode = (typeof STORE_PROBLEM_CODES)[number];

export const ERROR_CODES = [
  'error.invalidRequest',
  'error.invalidImage',
  'error.internal',
  'error.noService',
  'error.imageUnreadable',
  'error.ocrFailed',
  'error.invalidSituation',
  'error.signInFirst',
  'error.adminOnly',
  'error.unmaskedNeedsAdmin',
  'error.firstAccountAdmin',
  'error.store.disk_full',
  'error.store.read_only',
  'error.store.wrong_key',
  'error.store.corrupt',
  'error.store.locked',
  'error.store.forbidden',
  'error.store.invalid',
  'error.store.not_found',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export type ErrorParams = Record<string, string | number>;

/** A failure that crossed the boundary: `message` is the English text, `code` what the screens say. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code?: ErrorCode,
    readonly params?: ErrorParams,
  ) {
    super(message);
  }
}
