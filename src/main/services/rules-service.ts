/**
 * The rules service behind IPC, the browser bridge and the CLI: validates, picks the rulebook in
 * force on the situation's date (built-in or an installed pack), evaluates, then adds the clinic's
 * local practice.
 */
import type { ErrorCode, ErrorParams } from '../../shared/ipc/errors.ts';
import { SituationSchema, type Verdict } from '../../shared/rules/situation.ts';
import { formatIssues } from '../../shared/validation.ts';
import type { IsoDate } from '../../shared/domain/dates.ts';
import type { RulesOverview, RulesQuery } from '../../shared/rules/overview.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../../shared/rules/vocabulary.ts';
import { anyRule, ruleInForceOn, type CompiledRulebook } from '../rules/compile.ts';
import { evaluate } from '../rules/evaluate.ts';
import { diffRulebooks } from '../rule-packs/diff.ts';
import { applyLocalPractice } from '../rule-packs/local-practice.ts';
import { bookFor, type RuleSet } from '../rule-packs/rule-set.ts';

/** Bad input from outside: reported as one line, never as a stack trace. */
/** Bad input from the screens or the command line: the message in English, the code for the screens' words. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    readonly code?: ErrorCode,
    readonly params?: ErrorParams,
  ) {
    super(message);
  }
}

const asRuleSet = (source: CompiledRulebook | RuleSet): RuleSet =>
  'books' in source
    ? source
    : {
        // A bare rulebook (tests, benchmarks): one built-in book, no packs, no local practice.
        books: [
          {
            info: {
              packId: 'built-in',
              version: source.version,
              published: '2000-01-01',
              effective: '2000-01-01',
              origin: 'built-in',
            },
            rulebook: {
              schemaVersion: 1,
              version: source.version,
              published: '2000-01-01',
              title: { ja: '', en: '' },
              rules: [...source.rules],
            },
            compiled: source,
          },
        ],
        local: [],
        problems: [],
      };

/** The document kinds a rule reads (`documents.<kind>.<fact>` paths). */
function kindsRead(reads: readonly string[]): DocumentKind[] {
  const kinds = reads
    .map((f) => f.split('.'))
    .filter((p) => p[0] === 'documents')
    .map((p) => p[1] as DocumentKind);
  return [...new Set(kinds)].filter((k) => (DOCUMENT_KINDS as readonly string[]).includes(k));
}

export class RulesService {
  private readonly set: RuleSet;

  constructor(source: CompiledRulebook | RuleSet) {
    this.set = asRuleSet(source);
  }

  /** The pack that decides checks made on `date`. */
  bookFor(date: IsoDate) {
    return bookFor(this.set.books, date);
  }

  /** The newest activated pack's label (even if it takes effect later). */
  get rulebookVersion(): string {
    return this.set.books.at(-1)!.compiled.version;
  }

  get problems(): readonly string[] {
    return this.set.problems;
  }

  /** R-07's grace period in months, as in force on `date` (the card status needs it). */
  certificateGraceMonths(date: IsoDate): number {
    const book = this.bookFor(date).compiled;
    return (
      (ruleInForceOn(book, 'certificate_grace', date) ?? anyRule(book, 'certificate_grace'))?.params.graceMonths ?? 0
    );
  }

  evaluate(input: unknown): Verdict {
    const parsed = SituationSchema.safeParse(input);
    if (!parsed.success)
      throw new InputError(`invalid situation: ${formatIssues(parsed.error)}`, 'error.invalidSituation');
    const verdict = evaluate(parsed.data, this.bookFor(parsed.data.date).compiled);
    return this.set.local.length ? applyLocalPractice(verdict, parsed.data, this.set.local) : verdict;
  }

  /** For the rules viewer: the rules in force on `date`, filtered, and what changed since the pack before. */
  overview(date: IsoDate, query: RulesQuery = {}): RulesOverview {
    const books = this.set.books;
    const active = this.bookFor(date);
    const i = books.indexOf(active);
    const previous = i > 0 ? books[i - 1]! : null;
    const upcoming = books.at(-1) !== active ? books.at(-1)! : null;
    const text = query.text?.trim().toLowerCase();
    const hit = (...parts: string[]) => !text || parts.some((p) => p.toLowerCase().includes(text));
    const national = active.rulebook.rules
      .map((r) => ({
        id: r.id,
        title: r.title,
        statement: r.statement,
        documentKinds: kindsRead(r.reads),
        effectiveFrom: r.effective.from,
        effectiveUntil: r.effective.until,
        sources: r.sources.map((s) => ({ title: s.title, url: s.url })),
        status: r.status,
        local: false,
      }))
      .filter((r) => hit(r.id, r.title.ja, r.title.en, r.statement.ja, r.statement.en));
    const local = this.set.local
      .map((r) => ({
        id: r.id,
        title: r.title,
        statement: r.message,
        documentKinds: r.documentKinds ?? [],
        effectiveFrom: r.effective.from,
        effectiveUntil: r.effective.until,
        sources: [{ title: r.source }],
        status: 'local',
        local: true,
      }))
      .filter((r) => hit(r.id, r.title.ja, r.title.en, r.statement.ja, r.statement.en));
    const rules = [...national, ...local].filter((r) => !query.kind || r.documentKinds.includes(query.kind));
    return {
      active: active.info,
      previous: previous?.info ?? null,
      upcoming: upcoming?.info ?? null,
      rules,
      changes: previous ? diffRulebooks(previous.rulebook, active.rulebook) : [],
      problems: [...this.set.problems],
    };
  }
}
