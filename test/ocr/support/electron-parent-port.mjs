/**
 * Stands in for Electron's `process.parentPort` in a utility process (Electron cannot run here):
 * messages arrive wrapped as `{ data }` and leave through `postMessage`, over the Node IPC channel.
 * Plain JS: it is imported before the host, ahead of tsx's loader.
 */
process.parentPort = {
  on: (_event, listener) => process.on('message', (data) => listener({ data })),
  postMessage: (message) => process.send?.(message),
};
