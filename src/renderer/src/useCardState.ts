/** Long-polls the reader state from main: a change shows at once, no busy polling, no flicker. */
import { useEffect, useState } from 'react';
import type { UketsukeApi } from '../../shared/ipc/contract.ts';
import type { CardState } from '../../shared/ipc/views.ts';

export function useCardState(api: UketsukeApi | undefined): CardState | null {
  const [state, setState] = useState<CardState | null>(null);
  useEffect(() => {
    if (!api) return;
    let stopped = false;
    let after: number | undefined;
    void (async () => {
      while (!stopped) {
        try {
          const next = await api.cardState(after === undefined ? undefined : { after });
          if (stopped) return;
          if (next.seq !== after) setState(next);
          after = next.seq;
        } catch {
          // Main restarting or the bridge gone for a moment: try again shortly.
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    })();
    return () => {
      stopped = true;
    };
  }, [api]);
  return state;
}
