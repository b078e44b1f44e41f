/**
 * Builds the renderer's API from one transport — ipcRenderer.invoke in the preload, fetch in the
 * browser bridge — so both expose exactly the contract's channels. Free of zod (type imports only)
 * to keep the sandboxed preload small.
 */
import { API_METHODS, type Channel } from './channels.ts';
import type { Result, UketsukeApi } from './contract.ts';
import { ApiError } from './errors.ts';

export function buildApi(call: (channel: Channel, request: unknown) => Promise<Result<unknown>>): UketsukeApi {
  const api: Record<string, (request?: unknown) => Promise<unknown>> = {};
  for (const [method, channel] of Object.entries(API_METHODS)) {
    api[method] = async (request?: unknown) => {
      const result = await call(channel, request);
      if (!result.ok) throw new ApiError(result.error, result.code, result.params);
      return result.value;
    };
  }
  return api as UketsukeApi;
}
