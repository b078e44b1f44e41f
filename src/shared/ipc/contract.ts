/**
 * The typed contract between the renderer and the main-process services: channel → request and
 * response schemas. Main validates every request with these schemas (the renderer is untrusted);
 * the preload and the browser bridge expose exactly these channels as named functions.
 */
import { z } from 'zod';
import { SituationSchema, VerdictSchema } from '../rules/situation.ts';
import { API_METHODS, type Channel } from './channels.ts';

export const AppInfoSchema = z.object({
  appVersion: z.string(),
  rulebookVersion: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const CONTRACT = {
  'app:info': { request: z.undefined(), response: AppInfoSchema },
  'rules:evaluate': { request: SituationSchema, response: VerdictSchema },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export type { Channel };
export const CHANNELS = Object.keys(CONTRACT) as Channel[];
export type RequestOf<C extends Channel> = z.infer<(typeof CONTRACT)[C]['request']>;
export type ResponseOf<C extends Channel> = z.infer<(typeof CONTRACT)[C]['response']>;

/** Every call answers with an envelope: errors cross the boundary as one clear message. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** What the renderer sees as `window.uketsuke` (Electron) or through the browser bridge. */
export interface UketsukeApi {
  info(): Promise<AppInfo>;
  evaluate(situation: RequestOf<'rules:evaluate'>): Promise<ResponseOf<'rules:evaluate'>>;
}

// Every API method maps to a channel of the contract and back.
export { API_METHODS };
const _methodsCoverApi: Record<keyof UketsukeApi, Channel> = API_METHODS;
void _methodsCoverApi;
