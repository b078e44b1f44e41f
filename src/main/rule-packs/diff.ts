/** Added / changed / removed rules between two rulebooks, by rule id (pure). */
import type { Rulebook } from '../../shared/rules/rulebook-schema.ts';
import type { RuleChange } from '../../shared/rules/overview.ts';
import { canonicalJson } from './manifest.ts';

export function diffRulebooks(before: Rulebook, after: Rulebook): RuleChange[] {
  const old = new Map(before.rules.map((r) => [r.id, r]));
  const now = new Map(after.rules.map((r) => [r.id, r]));
  const changes: RuleChange[] = [];
  const entry = (change: RuleChange['change'], r: Rulebook['rules'][number]): RuleChange => ({
    change,
    ruleId: r.id,
    title: r.title,
    effectiveFrom: r.effective.from,
    effectiveUntil: r.effective.until,
  });
  for (const r of after.rules) {
    const was = old.get(r.id);
    if (!was) changes.push(entry('added', r));
    else if (canonicalJson(was) !== canonicalJson(r)) changes.push(entry('changed', r));
  }
  for (const r of before.rules) if (!now.has(r.id)) changes.push(entry('removed', r));
  return changes;
}

/** The diff as text, Japanese and English on each line, for the CLI. */
export function formatDiff(changes: readonly RuleChange[], from: string, to: string): string {
  const mark = { added: '+ 追加 added', changed: '~ 変更 changed', removed: '- 削除 removed' } as const;
  const period = (c: RuleChange) => `${c.effectiveFrom ?? '—'} 〜 ${c.effectiveUntil ?? ''}`.trim();
  const lines = [`${from} → ${to}: ${changes.length} rule(s) differ`];
  for (const c of changes) lines.push(`${mark[c.change]}  ${c.ruleId}  ${c.title.ja} / ${c.title.en}  [${period(c)}]`);
  return lines.join('\n');
}
