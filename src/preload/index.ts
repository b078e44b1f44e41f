/**
 * Preload (sandboxed, CommonJS): exposes the contract's calls as named functions. The renderer
 * never sees ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS } from '../shared/ipc/channels.ts';
import type { Result, UketsukeApi } from '../shared/ipc/contract.ts';

async function call(channel: string, request?: unknown): Promise<unknown> {
  const result = (await ipcRenderer.invoke(channel, request)) as Result<unknown>;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const api: UketsukeApi = {
  info: () => call(API_METHODS.info) as ReturnType<UketsukeApi['info']>,
  evaluate: (situation) => call(API_METHODS.evaluate, situation) as ReturnType<UketsukeApi['evaluate']>,
};

contextBridge.exposeInMainWorld('uketsuke', api);
