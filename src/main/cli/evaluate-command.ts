/** `uketsuke evaluate [--file F]`: one situation (JSON) in, one verdict (JSON) out. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Services } from '../composition.ts';
import { UsageError } from './errors.ts';

export const EVALUATE_USAGE = 'uketsuke evaluate [--file SITUATION.json]   (default: read the situation from stdin)';

async function readStdin(stdin: NodeJS.ReadStream): Promise<string> {
  if (stdin.isTTY) throw new UsageError('no input: pipe a situation as JSON on stdin, or use --file F');
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function evaluateCommand(
  args: string[],
  services: () => Services,
  io: { stdin: NodeJS.ReadStream; stdout: NodeJS.WritableStream },
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { file: { type: 'string', short: 'f' } },
    strict: true,
    allowPositionals: false,
  });
  let text: string;
  if (values.file) {
    try {
      text = readFileSync(values.file, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${values.file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  } else {
    text = await readStdin(io.stdin);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(text.trim() === '' ? 'no input: the situation is empty' : 'invalid input: not JSON');
  }
  const verdict = services().rules.evaluate(json);
  io.stdout.write(JSON.stringify(verdict, null, 2) + '\n');
  return 0;
}
