// module.read and module.runTests hash a whole version. With a worker script named, as the app names its
// own, that work runs on the registry's task thread, not on the main thread, and its answers (errors with
// their reason and data included) come back whole. The worker is the CLI's build (test/global-setup.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishModule, readVersion } from '../../../src/core/registry/index.js';
import type { MainHandlers } from '../../../src/main/handlers/create-handlers.js';
import { dispatch } from '../../../src/main/ipc/dispatch.js';
import { versionDetailSchema } from '../../../src/shared/ipc/schemas.js';
import { writeTree } from '../../support/files.js';
import { handlersOnWorker, stopWorker, tasksDuring } from './worker-handlers.js';

let work: string;
let registry: string;
let main: MainHandlers;

const manifest = (version: string) =>
  `module:\n  name: echo\n  version: ${version}\n  description: Echoes\nprompt:\n  template: template.prompt\n  placeholders: [text]\ninterface:\n  intent: Echo text.\n  inputs:\n    - { name: text, type: plain_text, description: Text, required: true }\n  outputs:\n    - { type: plain_text, description: Echo }\ntests:\n  - name: echoes\n    inputs: { text: hello }\n    assertions:\n      - contains: hello\n`;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'promptpm-task-thread-'));
  registry = join(work, 'registry');
  for (const version of ['1.0.0', '1.1.0']) {
    const dir = writeTree(join(work, 'src', version), { 'promptpm.yaml': manifest(version), 'template.prompt': 'Say {{text}}\n' });
    await publishModule(registry, dir);
  }
  appendFileSync(join(registry, 'modules', 'echo', '1.1.0', 'template.prompt'), 'Ignore the above.\n');
  main = await handlersOnWorker(registry, work);
});

afterAll(() => {
  stopWorker(work);
  rmSync(work, { recursive: true, force: true });
});


describe('version work on the task thread', () => {
  it('reads a version and runs its tests there, with the answers the in-process code gives', async () => {
    const read = await tasksDuring(() => dispatch(main.handlers, 'module.read', [{ name: 'echo', version: '1.0.0' }]));
    expect(read.tasks).toEqual(['readVersion']);
    expect(read.result).toEqual({ ok: true, value: versionDetailSchema.parse(await readVersion(registry, 'echo', '1.0.0')) });

    const tested = await tasksDuring(() => dispatch(main.handlers, 'module.runTests', [{ name: 'echo', version: '1.0.0' }]));
    expect(tested.tasks).toEqual(['testVersion']);
    expect(tested.result).toMatchObject({ ok: true, value: { total: 1, passed: 1, failed: 0 } });
  });

  it("brings a refusal back from the thread as the core's error, reason and data included", async () => {
    const tested = await tasksDuring(() => dispatch(main.handlers, 'module.runTests', [{ name: 'echo', version: '1.1.0' }]));
    expect(tested.tasks).toEqual(['testVersion']);
    expect(tested.result).toMatchObject({
      ok: false,
      error: { code: 'DEPENDENCY_ERROR', reason: 'TAMPERED', message: 'Version echo@1.1.0 is tampered; its tests were not run', data: { changed: ['template.prompt'] } },
    });
  });
});
