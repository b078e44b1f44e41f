/** Reads and validates a rulebook file. The only I/O of the rules module. */
import { readFileSync } from 'node:fs';
import { RulebookSchema, type Rulebook } from '../../shared/rules/rulebook-schema.ts';
import { formatIssues } from '../../shared/validation.ts';
import { compileRulebook, type CompiledRulebook } from './compile.ts';

export class RulebookError extends Error {
  override name = 'RulebookError';
}

export function parseRulebook(text: string, origin: string): Rulebook {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RulebookError(`${origin}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = RulebookSchema.safeParse(json);
  if (!parsed.success) throw new RulebookError(`${origin}: ${formatIssues(parsed.error)}`);
  return parsed.data;
}

export function loadRulebook(path: string): CompiledRulebook {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new RulebookError(
      `cannot read rulebook ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  return compileRulebook(parseRulebook(text, path));
}
