// One folder watched with all its subfolders, on a thread of its own. Node's recursive `fs.watch` on Linux
// walks the whole tree synchronously when it starts and adds a watch per folder: on a registry of 3,000
// modules that walk took 1.3 s, which on Electron's main thread would freeze the window. The watcher is
// therefore a worker thread (its code inline, so no extra bundle entry is needed) that posts each changed path.
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { watch } = require('node:fs');
const fail = (err) => parentPort.postMessage({ error: String(err && err.message ? err.message : err) });
try {
  const watcher = watch(workerData.root, { recursive: true }, (_event, file) => parentPort.postMessage({ file: file === null ? null : String(file) }));
  watcher.on('error', fail);
  parentPort.postMessage({ ready: true });
} catch (err) {
  fail(err);
}
`;

type Message = { ready: true } | { file: string | null } | { error: string };

export interface TreeWatch {
  /** Settles once the watch is live (changes from then on are reported), or has failed (nothing will be). */
  ready: Promise<void>;
  close(): void;
}

/** Calls `onChange` with each changed path relative to `root` (null when the OS does not say which). */
export function watchTree(root: string, onChange: (file: string | null) => void): TreeWatch {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { root } });
  // Watching never keeps a process alive by itself (the app's window does).
  worker.unref();
  let closed = false;
  const close = (): void => {
    closed = true;
    void worker.terminate();
  };
  const ready = new Promise<void>((resolve) => {
    worker.on('message', (message: Message) => {
      if ('ready' in message) resolve();
      else if ('file' in message) {
        if (!closed) onChange(message.file);
      } else {
        // A folder that cannot be watched (missing, gone, too many folders for the OS) reports nothing.
        resolve();
        close();
      }
    });
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });
  return { ready, close };
}
