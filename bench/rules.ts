/**
 * npm run bench:rules — evaluations per second on one core and the median latency, for the pure
 * engine and for the validated service path, against a baseline measured in the same run
 * (a JSON round trip of the same situations: the cheapest thing any caller must do anyway).
 */
import { performance } from 'node:perf_hooks';
import { evaluate } from '../src/main/rules/evaluate.ts';
import { loadRulebook } from '../src/main/rules/load.ts';
import { RulesService } from '../src/main/services/rules-service.ts';
import { addDays } from '../src/shared/domain/dates.ts';
import type { PresentedDocument, Situation } from '../src/shared/rules/situation.ts';
import { FACILITY_MODES, INSURER_TYPES } from '../src/shared/rules/vocabulary.ts';

const book = loadRulebook(new URL('../resources/rules/rulebook.json', import.meta.url).pathname);
const service = new RulesService(book);

// A deterministic spread of situations: dates across the transition, all facility modes, insurer types, ages, document sets.
const docSets: PresentedDocument[][] = [
  [{ kind: 'qualification_certificate', expiry: '2027-07-31' }],
  [{ kind: 'mynumber_card', certificateExpiry: '2029-05-05' }],
  [
    { kind: 'mynumber_card', certificateExpiry: '2026-05-10' },
    { kind: 'qualification_notice', burdenRatio: 0.2 },
  ],
  [{ kind: 'qualification_notice' }],
  [{ kind: 'legacy_insurance_card', expiry: '2025-11-30' }],
  [{ kind: 'smartphone_mynumber' }, { kind: 'portal_screen', format: 'screen' }],
  [
    { kind: 'qualification_certificate' },
    { kind: 'elderly_recipient_certificate', burdenRatio: 0.2, expiry: '2027-07-31' },
    { kind: 'public_subsidy_certificate' },
  ],
  [],
];
const births = ['2021-06-01', '1985-03-15', '1956-11-01', '1953-03-01', '1940-12-31'];
const corpus: Situation[] = [];
let i = 0;
for (const documents of docSets)
  for (const birthDate of births)
    for (const onlineCheck of FACILITY_MODES) {
      const insurerType = INSURER_TYPES[i % INSURER_TYPES.length]!;
      corpus.push({
        date: addDays('2025-06-01', (i * 37) % 700),
        facility: { onlineCheck, smartphoneReader: i % 2 === 0 },
        patient: { birthDate, insurerType },
        documents,
      });
      i++;
    }
const corpusJson = corpus.map((s) => JSON.stringify(s));

function measure(
  name: string,
  op: (k: number) => unknown,
  rounds = 31,
  batch = 20_000,
): { name: string; perSec: number; medianUs: number } {
  let sink = 0;
  for (let k = 0; k < batch; k++) sink ^= op(k) ? 1 : 0; // warm up (JIT)
  const perOp: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let k = 0; k < batch; k++) sink ^= op(k) ? 1 : 0;
    perOp.push(((performance.now() - t0) * 1000) / batch);
  }
  perOp.sort((a, b) => a - b);
  const medianUs = perOp[Math.floor(perOp.length / 2)]!;
  if (sink === 42) console.log(''); // keep results alive
  return { name, perSec: 1e6 / medianUs, medianUs };
}

const n = corpus.length;
const baseline = measure('baseline: JSON round trip of the situation', (k) => JSON.parse(corpusJson[k % n]!));
const results = [
  measure('evaluate (pure engine)', (k) => evaluate(corpus[k % n]!, book)),
  measure('service: zod validation + evaluate', (k) => service.evaluate(corpus[k % n]!)),
  measure('contract: JSON.parse + validation + evaluate + JSON.stringify', (k) =>
    JSON.stringify(service.evaluate(JSON.parse(corpusJson[k % n]!))),
  ),
];

const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
console.log(
  `rulebook ${book.version} · ${book.rules.length} rules · ${n} distinct situations · one core (Node ${process.version})`,
);
console.log(
  `${'measure'.padEnd(62)} ${'evals/s'.padStart(12)} ${'median µs'.padStart(10)} ${'× baseline'.padStart(11)}`,
);
for (const r of [baseline, ...results]) {
  console.log(
    `${r.name.padEnd(62)} ${fmt(r.perSec).padStart(12)} ${r.medianUs.toFixed(2).padStart(10)} ${(r.medianUs / baseline.medianUs).toFixed(1).padStart(11)}`,
  );
}
const engine = results[0]!;
console.log(
  `target ≥ 100,000 evaluations/s on one core: ${engine.perSec >= 100_000 ? 'met' : 'NOT met'} (${fmt(engine.perSec)}/s)`,
);
