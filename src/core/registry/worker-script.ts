// How the host runs the registry's parallel work. Each entry point names the worker script
// (registry-worker.js, built from registry-worker.ts), as only the entry knows its build: the CLI is
// CommonJS (out/cli-bundle, out/cli), the app's main process an ES module bundle (out/main). Unnamed or absent (sources run
// by a test runner), the pool runs its work in-process. A host whose main thread has nothing else to do
// while the work runs (the CLI, not the app, whose main process must stay responsive) lets it take a share
// of the jobs, in place of one thread: it starts at once, while the threads still boot.
import { existsSync } from 'node:fs';

export interface RegistryWorkerOptions {
  shareMainThread?: boolean;
}

let script: string | null = null;
let shareMain = false;

export function useRegistryWorker(path: string, opts: RegistryWorkerOptions = {}): void {
  script = existsSync(path) ? path : null;
  shareMain = opts.shareMainThread === true;
}

export const registryWorkerScript = (): string | null => script;
export const mainThreadShares = (): boolean => shareMain;
