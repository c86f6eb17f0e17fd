// module.diff and module.diffFile: the comparison the app shows, computed on the registry's task thread
// (the worker is the CLI's build, test/global-setup.ts), both versions verified first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishModule } from '../../../src/core/registry/index.js';
import type { MainHandlers } from '../../../src/main/handlers/create-handlers.js';
import { dispatch } from '../../../src/main/ipc/dispatch.js';
import { versionDiffSchema } from '../../../src/shared/ipc/diff-schemas.js';
import { writeTree } from '../../support/files.js';
import { handlersOnWorker, stopWorker, tasksDuring } from './worker-handlers.js';

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
  main = await handlersOnWorker(registry, work);
});

afterAll(() => {
  stopWorker(work);
  rmSync(work, { recursive: true, force: true });
});


describe('comparing versions in the app', () => {
  it('gives the verdict, the contract changes and the changed files, computed on the task thread', async () => {
    const { result, tasks } = await tasksDuring(() => dispatch(main.handlers, 'module.diff', [{ name: 'echo', a: '1.2.0', b: '1.3.0' }]));
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
    const { result, tasks } = await tasksDuring(() => dispatch(main.handlers, 'module.diffFile', [{ name: 'echo', a: '1.2.0', b: '1.3.0', path: 'template.prompt' }]));
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
