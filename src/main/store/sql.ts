/** Prepared statements, compiled once per connection. */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database.ts';

type Statement = Database.Statement<unknown[]>;
const cache = new WeakMap<Db, Map<string, Statement>>();

export function statement(db: Db, sql: string): Statement {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  let s = byText.get(sql);
  if (!s) byText.set(sql, (s = db.prepare<unknown[]>(sql)));
  return s;
}
