// `promptpm diff` through the built CLI, on a registry published through the core: the verdict of an
// under-bumped release and of an honest major, a folder against a version, --exit-code, the output modes,
// and a tampered or unknown side.
import { appendFileSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VersionDiff } from '../../src/core/diff/index.js';
import { publishModule } from '../../src/core/registry/index.js';
import { runCli } from '../cli-runner.js';
import { SUMMARIZER } from '../core/diff/helpers.js';
import { tempDir, type Envelope as SharedEnvelope } from './helpers.js';

type Envelope = SharedEnvelope<VersionDiff & { errors?: unknown[] }>;

const root = tempDir();
const registry = join(root, 'registry');

async function diff(args: string[], reg = registry) {
  const run = await runCli(['diff', ...args, '--registry', reg, '--json'], { cwd: root });
  return { code: run.code, env: run.json as Envelope, stdout: run.stdout };
}

beforeAll(async () => {
  for (const version of ['1.2.0', '1.3.0', '2.0.0']) await publishModule(registry, join(SUMMARIZER, version));
});

describe('promptpm diff', () => {
  it('an input removed and an output retyped in 1.3.0 after 1.2.0 is under-bumped: needs 2.0.0 (exit 0 without --exit-code)', async () => {
    const { code, env } = await diff(['summarizer@1.2.0', 'summarizer@1.3.0']);
    expect(code).toBe(0);
    expect(env).toMatchObject({ ok: true, operation: 'diff' });
    const { verdict, contract, files, a, b } = env.data;
    expect([a.version, b.version, a.source, b.source]).toEqual(['1.2.0', '1.3.0', 'registry', 'registry']);
    expect(verdict).toMatchObject({ status: 'under-bumped', required: 'major', actual: 'minor', minimum: '2.0.0', informational: false });
    expect(verdict.needing.map((c) => c.kind)).toEqual(['input-removed', 'output-retyped']);
    expect(verdict.message).toBe('1.3.0 removes input `tone`: callers that pass it break, and 1 more change needs it too; this needs 2.0.0.');
    expect(contract.counts).toEqual({ major: 2, minor: 0, patch: 3 });
    expect(files.changes.map((f) => [f.path, f.status])).toEqual([
      ['promptpm.yaml', 'changed'],
      ['template.prompt', 'changed'],
      ['tests/sample.txt', 'renamed'],
    ]);
  });

  it('--exit-code makes the under-bump fail: VALIDATION_ERROR, reason UNDER_BUMPED, exit 1, the comparison in data', async () => {
    const { code, env } = await diff(['summarizer@1.2.0', 'summarizer@1.3.0', '--exit-code']);
    expect(code).toBe(1);
    expect(env.error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'UNDER_BUMPED', path: 'summarizer' });
    expect(env.error.message).toMatch(/^1\.3\.0 removes input `tone`.*this needs 2\.0\.0\.$/);
    expect(env.data.verdict.status).toBe('under-bumped');
  });

  it('the same changes as an honest major pass --exit-code', async () => {
    const { code, env } = await diff(['summarizer@1.2.0', 'summarizer@2.0.0', '--exit-code']);
    expect(code).toBe(0);
    expect(env.data.verdict).toMatchObject({ status: 'ok', actual: 'major', minimum: '2.0.0', needing: [] });
  });

  it('compares a module folder (work in progress) with a published version', async () => {
    const folder = join(root, 'wip');
    cpSync(join(SUMMARIZER, '1.2.0'), folder, { recursive: true });
    writeFileSync(join(folder, 'template.prompt'), 'Summary request.\nWrite in a {{tone}} tone.\nKeep it short, please.\n\nDocument:\n{{document}}\n');
    const { code, env } = await diff(['summarizer@1.2.0', folder, '--exit-code']);
    // The folder still says 1.2.0: the wording change needs 1.2.1.
    expect(code).toBe(1);
    expect(env.error.reason).toBe('VERSION_NOT_INCREASED');
    expect(env.data.b).toEqual({ name: 'summarizer', version: '1.2.0', path: folder, source: 'folder' });
    expect(env.data.contract.changes.map((c) => c.kind)).toEqual(['template-changed']);
    const [template] = env.data.files.changes;
    expect(template!.hunks[0]!.lines.filter((l) => l.kind !== 'context').map((l) => [l.kind, l.words])).toEqual([
      ['removed', [{ text: 'Keep it short.', changed: false }]],
      ['added', [{ text: 'Keep it short', changed: false }, { text: ', please', changed: true }, { text: '.', changed: false }]],
    ]);
  });

  it('an invalid folder is exit 1 with the validation errors exactly as validate gives them', async () => {
    const folder = join(root, 'invalid');
    cpSync(join(SUMMARIZER, '1.3.0'), folder, { recursive: true });
    writeFileSync(join(folder, 'template.prompt'), 'Uses {{undeclared}}\n');
    const run = await diff(['summarizer@1.2.0', folder]);
    const validate = (await runCli(['validate', folder, '--registry', registry, '--json'], { cwd: root })).json as Envelope;
    expect(run.code).toBe(1);
    expect(run.env.error).toEqual(validate.error);
    expect(run.env.data.errors).toEqual(validate.data.errors);
  });

  it('a tampered side is exit 3, naming its files', async () => {
    const tampered = join(tempDir(), 'registry');
    cpSync(registry, tampered, { recursive: true });
    appendFileSync(join(tampered, 'modules/summarizer/1.3.0/tests/sample.txt'), 'edited\n');
    const { code, env } = await diff(['summarizer@1.2.0', 'summarizer@1.3.0'], tampered);
    expect(code).toBe(3);
    expect(env.error).toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'TAMPERED' });
    expect(env.error.message).toBe('Published version was modified after publishing: summarizer@1.3.0 (changed: tests/sample.txt)');
    expect(env.data).toMatchObject({ version: '1.3.0', changed: ['tests/sample.txt'] });
  });

  it('an unknown version or module is exit 3, Module not found', async () => {
    const version = await diff(['summarizer@1.2.0', 'summarizer@9.0.0']);
    expect(version.code).toBe(3);
    expect(version.env.error.message).toBe('Module not found: summarizer@9.0.0');
    const module = await diff(['absent@1.0.0', 'absent@2.0.0']);
    expect([module.code, module.env.error.reason, module.env.error.message]).toEqual([3, 'NOT_FOUND', 'Module not found: absent@1.0.0']);
  });

  it('a first operand without a version, or two modules, is a usage mistake', async () => {
    const bare = await diff(['summarizer', 'summarizer@1.3.0']);
    expect([bare.code, bare.env.error.reason]).toEqual([1, 'USAGE']);
    const two = await diff(['summarizer@1.2.0', 'other@1.3.0']);
    expect([two.code, two.env.error.reason]).toEqual([1, 'USAGE']);
  });

  it('--json is compact sorted JSON, byte-identical run to run', async () => {
    const first = await diff(['summarizer@1.2.0', 'summarizer@1.3.0']);
    const second = await diff(['summarizer@1.2.0', 'summarizer@1.3.0']);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout.startsWith('{"data":{"a":{"name":"summarizer","path":')).toBe(true);
    expect(first.stdout.split('\n')).toHaveLength(2);
  });

  it('the default mode is one summary line; --pretty a stat, the changes by severity and the verdict', async () => {
    const args = ['diff', 'summarizer@1.2.0', 'summarizer@1.3.0', '--registry', registry];
    const line = await runCli(args, { cwd: root });
    expect(line.stdout).toBe(
      'OK a="summarizer@1.2.0" b="summarizer@1.3.0" files=3 insertions=5 deletions=7 major=2 minor=0 patch=3 verdict="under-bumped" minimum="2.0.0"\n',
    );
    const pretty = (await runCli([...args, '--pretty'], { cwd: root })).stdout.split('\n');
    expect(pretty).toContain(' tests/example.txt → tests/sample.txt | 0');
    expect(pretty).toContain(' 3 files changed, 1 renamed, 5 insertions(+), 7 deletions(-)');
    expect(pretty).toContain('Major — callers can break (2)');
    expect(pretty).toContain('  ✖ Removes input `tone`: callers that pass it break.  interface.inputs[1]');
    expect(pretty).toContain('Patch — callers cannot tell (3)');
    expect(pretty.at(-2)).toBe('✖ under-bumped: 1.3.0 removes input `tone`: callers that pass it break, and 1 more change needs it too; this needs 2.0.0.');
  });
});
