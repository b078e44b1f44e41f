/**
 * `npm run start:web`: the kiosk in a local browser, with the real services. Prints the URL to
 * open; the token in it is new at every launch.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createServices } from '../composition.ts';
import { createHandlers } from '../ipc/handlers.ts';
import { appRoot, appVersion } from '../paths.ts';
import { startWebServer } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '0' },
    'data-dir': { type: 'string' },
    ca: { type: 'string', multiple: true, default: [] },
    // No card reader at this desk: no PC/SC context, so cards stay free for other programs.
    'no-reader': { type: 'boolean', default: false },
  },
  strict: true,
});
const rendererDir = join(appRoot(), 'out', 'renderer');
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error(
    'uketsuke: the screens are not built yet — run `npm run build` (or `npm run start:web`, which builds first)',
  );
  process.exit(2);
}
const services = createServices({
  ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
  extraCaFiles: values.ca,
  noReader: values['no-reader'],
});
const server = await startWebServer({
  handlers: createHandlers(services, { appVersion: appVersion(), mode: 'browser' }),
  rendererDir,
  port: Number(values.port),
});
if (services.store.problem) console.error(`uketsuke: ${services.store.problem}`);
services.scan.warm();
services.startPurgeJob();
void services.card;
process.stdout.write(`uketsuke (browser mode) serving ${server.url}\nopen: ${server.launchUrl}\n`);

const stop = async () => {
  await server.close();
  await services.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
