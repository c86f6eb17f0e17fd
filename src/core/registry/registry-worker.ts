// The registry's worker thread: answers {id, task, jobs} with {id, results}. Each task's code is loaded
// on first use, so a verify thread never loads the YAML parser.
import { parentPort } from 'node:worker_threads';

type Task = (job: never) => unknown;

const TASKS = {
  verify: async (): Promise<Task> => (await import('./verify-one.js')).verifyVersionDir,
  index: async (): Promise<Task> => (await import('./index-scan.js')).scanModule,
};

export type TaskName = keyof typeof TASKS;

const loaded = new Map<TaskName, Promise<Task>>();
const port = parentPort;

port?.on('message', (msg: { id: number; task: TaskName; jobs: never[] }) => {
  void (async () => {
    let fn = loaded.get(msg.task);
    if (fn === undefined) loaded.set(msg.task, (fn = TASKS[msg.task]()));
    const run = await fn;
    const results: unknown[] = [];
    for (const job of msg.jobs) {
      const r = run(job);
      results.push(r instanceof Promise ? await r : r);
    }
    port.postMessage({ id: msg.id, results });
  })();
});
