// The app's main-process bundle cannot start without the Electron binary, but its registry worker (an entry
// of its own in out/main, built by `npm run build` before this suite) runs in plain Node: it must answer the
// registry's tasks from its bundled chunks exactly as the CLI's worker does.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { expect, test } from '@playwright/test';

interface Reply {
  id: number;
  results: unknown[];
}

function ask(worker: Worker, id: number, task: string, jobs: unknown[]): Promise<Reply> {
  return new Promise((done, fail) => {
    worker.once('message', done);
    worker.once('error', fail);
    worker.postMessage({ id, task, jobs });
  });
}

test("the app bundle's registry worker verifies and indexes module folders", async () => {
  const work = mkdtempSync(join(tmpdir(), 'promptpm-app-worker-'));
  const worker = new Worker(resolve('out/main/registry-worker.js'), { workerData: { preload: 'verifyModule' } });
  try {
    const registry = join(work, 'registry');
    execFileSync(process.execPath, [resolve('scripts/generate-registry.mjs'), '--out', registry, '--modules', '2', '--versions', '2'], { stdio: 'ignore' });
    appendFileSync(join(registry, 'modules', 'module-00001', '1.0.0', 'template.prompt'), 'tampered\n');
    const verified = await ask(worker, 0, 'verifyModule', [{ registry, name: 'module-00000' }, { registry, name: 'module-00001' }]);
    expect(verified.results).toEqual([
      { versions: ['1.0.0', '1.1.1'], stray: [], results: [] },
      {
        versions: ['1.0.0', '1.1.1'],
        stray: [],
        results: [expect.objectContaining({ name: 'module-00001', version: '1.0.0', status: 'tampered', changed: ['template.prompt'] }), null],
      },
    ]);
    // Indexing reads each version's manifest with the bundled YAML parser.
    const indexed = await ask(worker, 1, 'index', [{ registry, name: 'module-00000', known: [] }]);
    const [scan] = indexed.results as Array<{ versions: string[]; entries: Array<{ description: string; source: string } | null> }>;
    expect(scan!.versions.map((version, i) => [version, scan!.entries[i]?.source, scan!.entries[i]?.description])).toEqual([
      ['1.0.0', 'promptpm.yaml', 'Synthetic module 0 version 0'],
      ['1.1.1', 'promptpm.yaml', 'Synthetic module 0 version 1'],
    ]);
  } finally {
    await worker.terminate();
    rmSync(work, { recursive: true, force: true });
  }
});
