/**
 * The worker thread behind checkTraceParallel (parallelCheck.ts): decodes the generations it is
 * sent, one message per DecodeJob, and answers each with its DecodeJobResult, in order. Bundled
 * as dist/decodeWorker.js (scripts/build.mjs), next to the bundles that start it.
 */
import { parentPort } from 'node:worker_threads';
import { DecodeJob, runDecodeJob } from '../parser/index.js';

if (!parentPort) throw new Error('decodeWorker: not started as a worker thread');
const port = parentPort;
port.on('message', (job: DecodeJob) => {
  const result = runDecodeJob(job);
  // The buffer goes back for the next job to reuse.
  port.postMessage(result, [result.buffer]);
});
