// Worker thread that loads index entries for a batch of version folders (cold index builds).
import { parentPort } from 'node:worker_threads';
import { loadEntry, type EntryJob } from './index-entry.js';

const port = parentPort;
port?.on('message', (batch: { id: number; jobs: EntryJob[] }) => {
  void Promise.all(batch.jobs.map(loadEntry)).then((results) => port.postMessage({ id: batch.id, results }));
});
