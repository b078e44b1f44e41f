/**
 * Runs a virtual card in a vpcd slot until SIGINT/SIGTERM, so a person (or a CLI test) can try
 * `uketsuke card` against it. Does not start pcscd.
 *
 *   node --import tsx test/virtual-card/run.ts [--kind mynumber|juki|android|non_jpki] [--port 35963]
 *        [--expiry YYYY-MM-DD] [--unknown-issuer] [--auth-tries N] [--basic-info-tries N]
 *        [--auth-pin NNNN] [--basic-info-pin NNNN] [--signing-only] [--ca-out FILE]
 */
import { parseArgs } from 'node:util';
import { VirtualMyNumberCard, type CardKind } from './mynumber-card.ts';
import { authCertificate, testRoot, writeCaPem } from './pki.ts';
import { VirtualSlot } from './vpcd.ts';

const { values } = parseArgs({
  options: {
    kind: { type: 'string', default: 'mynumber' },
    port: { type: 'string', default: '35963' },
    expiry: { type: 'string', default: '2030-05-05' },
    'unknown-issuer': { type: 'boolean', default: false },
    'auth-tries': { type: 'string', default: '3' },
    'basic-info-tries': { type: 'string', default: '3' },
    'auth-pin': { type: 'string', default: '1234' },
    'basic-info-pin': { type: 'string', default: '1234' },
    'signing-only': { type: 'boolean', default: false },
    'ca-out': { type: 'string' },
  },
});

const root = await testRoot();
const issuer = values['unknown-issuer'] ? await testRoot('unknown-root') : root;
const { der, holder } = await authCertificate({ issuer, expiry: values.expiry });
const card = new VirtualMyNumberCard({
  kind: values.kind as CardKind,
  authCert: der,
  authCaCert: issuer.der,
  authKey: holder.privateKey,
  authTries: Number(values['auth-tries']),
  basicInfoTries: Number(values['basic-info-tries']),
  authPin: values['auth-pin'],
  basicInfoPin: values['basic-info-pin'],
  signingOnly: values['signing-only'],
});
if (values['ca-out']) console.log(`test CA: ${writeCaPem(root, values['ca-out'])}`);
const slot = new VirtualSlot(Number(values.port));
await slot.insert(card);
console.log(`virtual ${values.kind} card inserted on port ${values.port}`);
const stop = async () => {
  await slot.remove();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
