/**
 * `uketsuke scan FILE... [--json]`: per file { kind, confidence, fields, warnings } (plus the
 * per-field confidence and the fields to confirm). Unreadable input: one line on stderr, exit 2.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ImageError } from '../ocr/preprocess.ts';
import { OcrProcess, OcrProcessError } from '../ocr/ocr-process.ts';
import { UsageError } from './errors.ts';

export const SCAN_USAGE = 'uketsuke scan FILE... [--json]';

export async function scanCommand(
  args: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new UsageError(`no file given (${SCAN_USAGE})`);
  const ocr = new OcrProcess();
  let failed = 0;
  const results: unknown[] = [];
  try {
    for (const file of positionals) {
      let input: Buffer;
      try {
        input = readFileSync(file);
      } catch (e) {
        io.stderr.write(`uketsuke: ${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})\n`);
        failed++;
        continue;
      }
      try {
        const r = await ocr.scan(input);
        const { timings: _timings, ...out } = r;
        results.push({ file, ...out });
        if (!values.json) {
          io.stdout.write(`${file}: ${r.kind} (${Math.round(r.confidence * 100)}%)\n`);
          for (const [k, v] of Object.entries(r.fields))
            io.stdout.write(`  ${k}: ${String(v)}${r.confirm.includes(k as never) ? '   ← confirm' : ''}\n`);
          for (const w of r.warnings)
            io.stdout.write(
              `  warning: ${[w.code, ...Object.entries(w.params).map(([k, v]) => `${k}=${v}`)].join(' ')}\n`,
            );
        }
      } catch (e) {
        // A file that stopped or hung the OCR process is one failed file; the next gets a fresh process.
        if (!(e instanceof ImageError || e instanceof OcrProcessError)) throw e;
        io.stderr.write(`uketsuke: ${file}: ${e.message}\n`);
        failed++;
      }
    }
  } finally {
    await ocr.stop();
  }
  if (values.json && results.length > 0)
    io.stdout.write(JSON.stringify(positionals.length === 1 ? results[0] : results, null, 2) + '\n');
  return failed > 0 ? 2 : 0;
}
