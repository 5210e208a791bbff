// Entry of the webhook delivery worker thread (plain JavaScript, so that it starts without a TypeScript loader):
// registers tsx when the sandbox runs from its TypeScript sources, as it does in this repository, then runs the loop.
import { workerData } from 'node:worker_threads';

if (workerData.moduleUrl.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { runDeliveryWorker } = await import(workerData.moduleUrl);
runDeliveryWorker();
