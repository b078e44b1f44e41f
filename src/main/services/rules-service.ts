/** The rules service behind IPC, the browser bridge and the CLI: validates, then evaluates. */
import { SituationSchema, type Verdict } from '../../shared/rules/situation.ts';
import { formatIssues } from '../../shared/validation.ts';
import type { IsoDate } from '../../shared/domain/dates.ts';
import { anyRule, ruleInForceOn, type CompiledRulebook } from '../rules/compile.ts';
import { evaluate } from '../rules/evaluate.ts';

/** Bad input from outside: reported as one line, never as a stack trace. */
export class InputError extends Error {
  override name = 'InputError';
}

export class RulesService {
  constructor(private readonly book: CompiledRulebook) {}

  get rulebookVersion(): string {
    return this.book.version;
  }

  /** R-07's grace period in months, as in force on `date` (the card status needs it). */
  certificateGraceMonths(date: IsoDate): number {
    return (ruleInForceOn(this.book, 'certificate_grace', date) ?? anyRule(this.book, 'certificate_grace'))?.params.graceMonths ?? 0;
  }

  evaluate(input: unknown): Verdict {
    const parsed = SituationSchema.safeParse(input);
    if (!parsed.success) throw new InputError(`invalid situation: ${formatIssues(parsed.error)}`);
    return evaluate(parsed.data, this.book);
  }
}
