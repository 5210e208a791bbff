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
