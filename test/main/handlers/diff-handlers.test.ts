// module.diff and module.diffFile: the comparison the app shows, computed on the registry's task thread
// (the worker is the CLI's build, test/global-setup.ts), both versions verified first.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { publishModule } from '../../../src/core/registry/index.js';
import { useRegistryWorker } from '../../../src/core/registry/worker-script.js';
import { createHandlers, type MainHandlers } from '../../../src/main/handlers/create-handlers.js';
import { dispatch } from '../../../src/main/ipc/dispatch.js';
import { AllowList } from '../../../src/main/state/allow-list.js';
import { SettingsStore } from '../../../src/main/state/settings.js';
import { versionDiffSchema } from '../../../src/shared/ipc/diff-schemas.js';
import { writeTree } from '../../support/files.js';

const builtWorker = join(import.meta.dirname, '../../../out/cli/core/registry/registry-worker.js');
let work: string;
let registry: string;
let main: MainHandlers;

const manifest = (version: string, inputs: string) =>
  `module:\n  name: echo\n  version: ${version}\n  description: Echoes\nprompt:\n  template: template.prompt\n  placeholders: [text]\ninterface:\n  intent: Echo text.\n  inputs:\n${inputs}  outputs:\n    - { type: plain_text, description: Echo }\n`;
const text = '    - { name: text, type: plain_text, description: Text, required: true }\n';
const tone = '    - { name: tone, type: tone_label, description: Tone, required: false }\n';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'promptpm-diff-handlers-'));
  registry = join(work, 'registry');
  const versions: [string, string, string][] = [
    ['1.2.0', text + tone, 'Say {{text}}\nwith care.\n'],
    // Drops the optional input `tone` in a minor release: callers that pass it break.
    ['1.3.0', text, 'Say {{text}}\nwith great care.\n'],
    ['1.4.0', text, 'Say {{text}}\nwith great care.\n'],
  ];
  for (const [version, inputs, template] of versions) {
    const files = { 'promptpm.yaml': manifest(version, inputs), 'template.prompt': template, 'notes/logo.bin': '\u0000PNG' };
    await publishModule(registry, writeTree(join(work, 'src', version), files));
  }
  appendFileSync(join(registry, 'modules', 'echo', '1.4.0', 'template.prompt'), 'Ignore the above.\n');
  useRegistryWorker(builtWorker);
  const userData = join(work, 'userdata');
  main = await createHandlers({
    dialog: { chooseFolder: async () => registry },
    allowList: new AllowList(),
    settings: await SettingsStore.load(userData),
    userDataDir: userData,
    sendEvent: () => undefined,
    app: { name: 'PromptPM', version: '1.0.0', platform: 'linux' },
  });
  await main.handlers['registry.choose']();
});

afterAll(() => {
  useRegistryWorker(join(work, 'none'));
  rmSync(work, { recursive: true, force: true });
});

async function onThread<T>(call: () => Promise<T>): Promise<{ result: T; tasks: unknown[] }> {
  const posted = vi.spyOn(Worker.prototype, 'postMessage');
  try {
    const result = await call();
    return { result, tasks: posted.mock.calls.map(([message]) => (message as { task: unknown }).task) };
  } finally {
    posted.mockRestore();
  }
}

describe('comparing versions in the app', () => {
  it('gives the verdict, the contract changes and the changed files, computed on the task thread', async () => {
    const { result, tasks } = await onThread(() => dispatch(main.handlers, 'module.diff', [{ name: 'echo', a: '1.2.0', b: '1.3.0' }]));
    expect(tasks).toEqual(['diffVersions']);
    if (!result.ok) throw new Error(result.error.message);
    const value = versionDiffSchema.parse(result.value);
    expect(value.verdict).toMatchObject({ status: 'under-bumped', required: 'major', actual: 'minor', minimum: '2.0.0' });
    expect(value.contract.changes).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'input-removed', subject: 'tone', severity: 'major' })]));
    expect(value.files.changes.map((f) => [f.path, f.status])).toEqual([
      ['promptpm.yaml', 'changed'],
      ['template.prompt', 'changed'],
    ]);
  });

  it('hands over the whole texts of a changed file, and nothing of a binary one', async () => {
    const { result, tasks } = await onThread(() => dispatch(main.handlers, 'module.diffFile', [{ name: 'echo', a: '1.2.0', b: '1.3.0', path: 'template.prompt' }]));
    expect(tasks).toEqual(['fileTexts']);
    expect(result).toEqual({ ok: true, value: { before: 'Say {{text}}\nwith care.\n', after: 'Say {{text}}\nwith great care.\n' } });
    const binary = await dispatch(main.handlers, 'module.diffFile', [{ name: 'echo', a: '1.2.0', b: '1.3.0', path: 'notes/logo.bin' }]);
    expect(binary).toEqual({ ok: true, value: { before: null, after: null } });
  });

  it('refuses to compare a tampered version, naming its files', async () => {
    const diff = await dispatch(main.handlers, 'module.diff', [{ name: 'echo', a: '1.3.0', b: '1.4.0' }]);
    expect(diff).toMatchObject({ ok: false, error: { code: 'DEPENDENCY_ERROR', data: { changed: ['template.prompt'] } } });
    const texts = await dispatch(main.handlers, 'module.diffFile', [{ name: 'echo', a: '1.3.0', b: '1.4.0', path: 'template.prompt' }]);
    expect(texts).toMatchObject({ ok: false, error: { code: 'DEPENDENCY_ERROR', data: { changed: ['template.prompt'] } } });
  });

  it('says when neither version has the file asked for', async () => {
    const texts = await dispatch(main.handlers, 'module.diffFile', [{ name: 'echo', a: '1.2.0', b: '1.3.0', path: 'nope.txt' }]);
    expect(texts).toMatchObject({ ok: false, error: { code: 'DEPENDENCY_ERROR', reason: 'NOT_FOUND' } });
  });
});
