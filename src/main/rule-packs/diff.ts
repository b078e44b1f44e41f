/** Added / changed / removed rules between two rulebooks, by rule id, with what changed in each (pure). */
import type { Rule, Rulebook } from '../../shared/rules/rulebook-schema.ts';
import type { RuleChange } from '../../shared/rules/overview.ts';
import { canonicalJson } from './manifest.ts';

type Detail = NonNullable<RuleChange['details']>[number];

/** Objects are compared one level down (`params.portalFormats`, `messages.need`); sources by URL. */
const NESTED = new Set(['effective', 'appliesTo', 'params', 'messages', 'title', 'statement']);

function ruleDetails(was: Rule, now: Rule): Detail[] {
  const out: Detail[] = [];
  const json = (v: unknown) => (v === undefined ? null : canonicalJson(v));
  const push = (path: string, a: unknown, b: unknown) => {
    const before = json(a);
    const after = json(b);
    if (before !== after) out.push({ path, before, after });
  };
  const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])] as (keyof Rule)[];
  for (const key of keys) {
    if (key === 'sources') continue;
    const a = was[key] as Record<string, unknown> | undefined;
    const b = now[key] as Record<string, unknown> | undefined;
    if (NESTED.has(key) && a && b) {
      for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])]) push(`${key}.${k}`, a[k], b[k]);
    } else push(key, a, b);
  }
  const oldSources = new Map(was.sources.map((s) => [s.url, s]));
  const newSources = new Map(now.sources.map((s) => [s.url, s]));
  for (const [url, s] of newSources) push(`sources[${url}]`, oldSources.get(url), s);
  for (const [url, s] of oldSources) if (!newSources.has(url)) push(`sources[${url}]`, s, undefined);
  return out;
}

export function diffRulebooks(before: Rulebook, after: Rulebook): RuleChange[] {
  const old = new Map(before.rules.map((r) => [r.id, r]));
  const now = new Map(after.rules.map((r) => [r.id, r]));
  const changes: RuleChange[] = [];
  const entry = (change: RuleChange['change'], r: Rule): RuleChange => ({
    change,
    ruleId: r.id,
    title: r.title,
    effectiveFrom: r.effective.from,
    effectiveUntil: r.effective.until,
  });
  for (const r of after.rules) {
    const was = old.get(r.id);
    if (!was) changes.push(entry('added', r));
    else if (canonicalJson(was) !== canonicalJson(r))
      changes.push({ ...entry('changed', r), details: ruleDetails(was, r) });
  }
  for (const r of before.rules) if (!now.has(r.id)) changes.push(entry('removed', r));
  return changes;
}

/** The diff as text, Japanese and English on each rule's line, then what changed in it (indented). */
export function formatDiff(changes: readonly RuleChange[], from: string, to: string): string {
  const mark = { added: '+ 追加 added', changed: '~ 変更 changed', removed: '- 削除 removed' } as const;
  const period = (c: RuleChange) => `${c.effectiveFrom ?? '—'} 〜 ${c.effectiveUntil ?? ''}`.trim();
  const lines = [`${from} → ${to}: ${changes.length} rule(s) differ`];
  for (const c of changes) {
    lines.push(`${mark[c.change]}  ${c.ruleId}  ${c.title.ja} / ${c.title.en}  [${period(c)}]`);
    for (const d of c.details ?? []) lines.push(`      ${d.path}: ${d.before ?? '—'} → ${d.after ?? '—'}`);
  }
  return lines.join('\n');
}
