// Seeding a database file from start to end — world, indexes, planner statistics — on a connection of its own, so
// that it can run in a worker thread (see `seedInWorker`): the seed's garbage then dies with the worker's heap instead
// of staying in the server's, which V8 does not give back once it has grown.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { createIndexes, migrate } from './schema.js';
import { type Credentials, type SeedOptions, seedWorld } from './seed.js';

/** @public The seed worker (seed-worker.mjs) imports this module by URL. */
export function seedFile(file: string, options: SeedOptions): Omit<Credentials, 'baseUrl'> {
  const db = new BetterSqlite3(file);
  try {
    db.pragma('synchronous = OFF');
    migrate(db);
    const credentials = seedWorld(db, options);
    createIndexes(db);
    db.exec('ANALYZE');
    return credentials;
  } finally {
    db.close();
  }
}

/** `seedFile` in a worker thread; the file must exist with the schema migrated and no world in it yet. */
export function seedInWorker(file: string, options: SeedOptions): Promise<Omit<Credentials, 'baseUrl'>> {
  const moduleUrl = new URL(`./seed-file${extname(fileURLToPath(import.meta.url))}`, import.meta.url).href;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./seed-worker.mjs', import.meta.url), { workerData: { file, options, moduleUrl } });
    let result: Omit<Credentials, 'baseUrl'> | undefined;
    worker.once('message', (message: Omit<Credentials, 'baseUrl'>) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`The seeding worker stopped (exit code ${code}) before it finished.`))));
  });
}
