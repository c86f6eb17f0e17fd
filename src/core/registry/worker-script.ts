// Where the host's build put the registry's worker script (registry-worker.js, built from
// registry-worker.ts). Each entry point names it, as only the entry knows its build: the CLI is CommonJS
// (out/cli), the app's main process an ES module bundle (out/main). Unnamed or absent (sources run by a
// test runner), the pool runs its work in-process.
import { existsSync } from 'node:fs';

let script: string | null = null;

export function useRegistryWorker(path: string): void {
  script = existsSync(path) ? path : null;
}

export const registryWorkerScript = (): string | null => script;
