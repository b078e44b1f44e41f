/** Registers the contract's channels on Electron's ipcMain, accepting calls only from the app's own page. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract.ts';
import { dispatch, type Handlers } from './handlers.ts';

export function registerIpc(ipcMain: IpcMain, handlers: Handlers, isTrustedUrl: (url: string) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, request: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(url)) return { ok: false, error: 'refused: caller is not the app window' };
      return dispatch(handlers, channel, request);
    });
  }
}
