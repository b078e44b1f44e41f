/**
 * The renderer's only door to the services: the preload's `window.uketsuke` in Electron, or the
 * loopback bridge in browser mode (same contract, same handlers in main).
 */
import { buildApi } from '../../shared/ipc/build-api.ts';
import type { Result, UketsukeApi } from '../../shared/ipc/contract.ts';

declare global {
  interface Window {
    uketsuke?: UketsukeApi;
  }
}

const TOKEN_KEY = 'uketsuke.token';

/** The per-launch token arrives in the URL fragment; it is kept for reloads and removed from the address bar. */
function browserToken(): string | null {
  const match = /(?:^#|&)token=([0-9a-f]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function browserBridge(token: string): UketsukeApi {
  return buildApi(async (channel, request) => {
    let response: Response;
    try {
      response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Uketsuke-Token': token },
        body: JSON.stringify({ request }),
      });
    } catch {
      return { ok: false, error: 'the local service is not answering', code: 'error.noService' };
    }
    return (await response.json()) as Result<unknown>;
  });
}

let cached: UketsukeApi | undefined;

export function getApi(): UketsukeApi | undefined {
  if (cached) return cached;
  if (window.uketsuke) return (cached = window.uketsuke);
  const token = browserToken();
  return token ? (cached = browserBridge(token)) : undefined;
}
