/** The renderer's only door to the services: the preload's `window.uketsuke` in Electron. */
import type { UketsukeApi } from '../../shared/ipc/contract.ts';

declare global {
  interface Window {
    uketsuke?: UketsukeApi;
  }
}

export function getApi(): UketsukeApi | undefined {
  return window.uketsuke;
}
