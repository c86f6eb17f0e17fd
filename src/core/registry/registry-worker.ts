// The registry's worker thread: answers {id, task, jobs} with {id, results}, or {id, error} when a job
// throws. Each task's code is loaded on first use (or at start for the task named in workerData.preload),
// so a verify thread never loads the YAML parser.
import { parentPort, workerData } from 'node:worker_threads';
import { toThreadError } from './thread-error.js';

type Task = (job: never) => unknown;

const TASKS = {
  verify: async (): Promise<Task> => (await import('./verify-one.js')).verifyPacked,
  verifyModule: async (): Promise<Task> => (await import('./verify-module.js')).verifyModule,
  index: async (): Promise<Task> => (await import('./index-scan.js')).scanModule,
  readVersion: async (): Promise<Task> => (await import('./version-tasks.js')).readVersionTask,
  testVersion: async (): Promise<Task> => (await import('./version-tasks.js')).testVersionTask,
  diffVersions: async (): Promise<Task> => (await import('../diff/tasks.js')).diffVersionsTask,
  fileTexts: async (): Promise<Task> => (await import('../diff/tasks.js')).fileTextsTask,
};

export type TaskName = keyof typeof TASKS;

const loaded = new Map<TaskName, Promise<Task>>();
const port = parentPort;

function load(task: TaskName): Promise<Task> {
  let fn = loaded.get(task);
  if (fn === undefined) loaded.set(task, (fn = TASKS[task]()));
  return fn;
}

const preload = (workerData as { preload?: TaskName } | null)?.preload;
// A failed preload is reported by the first run that needs the task.
if (preload !== undefined && Object.hasOwn(TASKS, preload)) load(preload).catch(() => undefined);

port?.on('message', (msg: { id: number; task: TaskName; jobs: never[] }) => {
  void (async () => {
    try {
      const run = await load(msg.task);
      const results: unknown[] = [];
      for (const job of msg.jobs) {
        const r = run(job);
        results.push(r instanceof Promise ? await r : r);
      }
      port.postMessage({ id: msg.id, results });
    } catch (error) {
      port.postMessage({ id: msg.id, error: toThreadError(error) });
    }
  })();
});
