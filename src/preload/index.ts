/**
 * Preload (sandboxed, CommonJS): exposes the contract's calls as named functions. The renderer
 * never sees ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/ipc/build-api.ts';
import type { Result } from '../shared/ipc/contract.ts';

contextBridge.exposeInMainWorld(
  'uketsuke',
  buildApi((channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>),
);
