// Entry of the seeding worker thread (plain JavaScript, so that it starts without a TypeScript loader): registers
// tsx when the sandbox runs from its TypeScript sources, as it does in this repository, then seeds the database file.
import { parentPort, workerData } from 'node:worker_threads';

if (workerData.moduleUrl.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { seedFile } = await import(workerData.moduleUrl);
parentPort.postMessage(seedFile(workerData.file, workerData.options));
