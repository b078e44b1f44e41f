/**
 * One handler per channel, validating its request with the contract's schema. Used by the
 * Electron IPC registration and the browser bridge alike.
 */
import { CONTRACT, type Channel, type RequestOf, type ResponseOf, type Result } from '../../shared/ipc/contract.ts';
import { formatIssues } from '../../shared/validation.ts';
import type { Services } from '../composition.ts';
import { InputError } from '../services/rules-service.ts';

export type Handlers = { [C in Channel]: (request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>> };

export function createHandlers(services: Services, appVersion: string): Handlers {
  return {
    'app:info': () => ({ appVersion, rulebookVersion: services.rules.rulebookVersion }),
    'rules:evaluate': (situation) => services.rules.evaluate(situation),
  };
}

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(CONTRACT, name);
}

/** Validates the untrusted request, runs the handler, and wraps the outcome in a Result. */
export async function dispatch(handlers: Handlers, channel: Channel, raw: unknown): Promise<Result<unknown>> {
  const parsed = CONTRACT[channel].request.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `invalid request for ${channel}: ${formatIssues(parsed.error)}` };
  try {
    const handler = handlers[channel] as (r: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (e) {
    // Expected failures carry their message; anything else is logged in main and said plainly.
    if (e instanceof InputError) return { ok: false, error: e.message };
    console.error(`[ipc] ${channel} failed`, e);
    return { ok: false, error: 'internal error — the check was not completed; please try again' };
  }
}
