// Prepared statements kept per database and SQL text: preparing is a good part of a small request's cost in
// better-sqlite3, and the routes run the same few dozen statements over and over.
import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** `db.prepare(sql)`, prepared once per database. Reading statements come back in their default mode (not plucked). */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) {
    // Statements built from request data (member filters) come in a bounded number of shapes; the bound is a guard.
    if (statements.size > 500) statements.clear();
    statement = db.prepare(sql);
    statements.set(sql, statement);
  } else if (statement.reader) {
    statement.pluck(false);
  }
  return statement;
}

/**
 * How long a write waits for another connection's write lock (the webhook worker's) before SQLITE_BUSY. Both sides'
 * write transactions are short (milliseconds): this is a bound, not a wait anyone should see.
 */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * Makes every `db.transaction(fn)` of this connection begin IMMEDIATE (take the write lock at BEGIN). The webhook
 * worker writes to the same file on a connection of its own; a deferred transaction that reads and then writes after
 * the other connection committed fails at once with SQLITE_BUSY (its snapshot is stale, so the busy timeout cannot
 * help), whereas BEGIN IMMEDIATE waits for the lock under the busy timeout and then reads the latest data.
 */
export function immediateTransactions(db: Database.Database): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: Parameters<typeof transaction>[0]) => transaction(fn).immediate) as typeof db.transaction;
}
