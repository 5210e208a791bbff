// API keys at rest: the database keeps a key's SHA-256 and a short prefix, never the key; lookups hash what arrives
// and compare in constant time. Keys are long random strings, so a plain hash (no salt, no stretching) is enough:
// there is nothing to guess a dictionary from.
import { createHash, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import { prepared } from '../db/statements.js';

/** Characters of a key shown in logs: its kind and environment and a few more, enough to tell keys apart. */
const PREFIX_LENGTH = 12;

export interface StoredKey {
  key_hash: string;
  key_prefix: string;
  kind: 'secret' | 'publishable';
  subject_kind: 'partner' | 'organization';
  subject_id: string;
  origins: string;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** How a key may appear in logs and messages: `sk_test_ak8g…`. */
export function keyPrefix(key: string): string {
  return `${key.slice(0, PREFIX_LENGTH)}…`;
}

export function storeApiKey(db: Database.Database, key: { key: string; kind: 'secret' | 'publishable'; subjectKind: 'partner' | 'organization'; subjectId: string; origins?: string[] }): void {
  prepared(db, 'INSERT INTO api_keys (key_hash, key_prefix, kind, subject_kind, subject_id, origins) VALUES (?, ?, ?, ?, ?, ?)')
    .run(hashKey(key.key), keyPrefix(key.key), key.kind, key.subjectKind, key.subjectId, JSON.stringify(key.origins ?? []));
}

/** The stored key for `key`, or undefined. */
export function findApiKey(db: Database.Database, key: string): StoredKey | undefined {
  const hash = hashKey(key);
  const row = prepared(db, 'SELECT * FROM api_keys WHERE key_hash = ?').get(hash) as StoredKey | undefined;
  // The lookup is by hash already; comparing the hashes in constant time keeps a timing difference from telling how
  // much of a guess matched, should the lookup ever change (a prefix index, a cache).
  if (!row || !timingSafeEqual(Buffer.from(row.key_hash, 'hex'), Buffer.from(hash, 'hex'))) return undefined;
  return row;
}

export function updateKeyOrigins(db: Database.Database, key: string, origins: string[]): void {
  prepared(db, 'UPDATE api_keys SET origins = ? WHERE key_hash = ?').run(JSON.stringify(origins), hashKey(key));
}
