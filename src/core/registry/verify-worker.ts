// Worker thread of the verify pool: verifies batches of version folders synchronously (sync I/O is the
// fastest way to hash many small files; the threads give the parallelism).
import { parentPort } from 'node:worker_threads';
import { verifyVersionDir, type VerifyJob } from './verify-one.js';

const port = parentPort;
port?.on('message', (batch: { id: number; jobs: VerifyJob[] }) => {
  port.postMessage({ id: batch.id, results: batch.jobs.map(verifyVersionDir) });
});
