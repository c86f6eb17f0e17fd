// publish / list / info / verify through the built CLI: envelopes, compatibility fields and exit codes.
import { appendFileSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli-runner.js';
import { settleModuleFolders } from '../support/settled-folders.js';
import { moduleFiles, tempDir, writeTree, type Envelope } from './helpers.js';


const root = tempDir();
const registry = join(root, 'registry');
const alpha = writeTree(join(root, 'alpha'), moduleFiles({ name: 'alpha', version: '1.0.0' }));
const alpha2 = writeTree(join(root, 'alpha2'), moduleFiles({ name: 'alpha', version: '1.2.0' }));
const broken = writeTree(join(root, 'broken'), moduleFiles({ name: 'broken', failing: true }));

async function cli(args: string[]): Promise<{ code: number | null; env: Envelope; stdout: string; stderr: string }> {
  const run = await runCli([...args, '--registry', registry, '--json'], { cwd: root });
  return { code: run.code, env: run.json as Envelope, stdout: run.stdout, stderr: run.stderr };
}

describe('registry commands', () => {
  it('publish creates the registry and reports the compatibility fields (exit 0)', async () => {
    const first = await cli(['publish', alpha]);
    expect(first.code).toBe(0);
    expect(first.env).toMatchObject({
      ok: true,
      operation: 'publish',
      data: {
        identifier: 'alpha@1.0.0',
        name: 'alpha',
        version: '1.0.0',
        module_path: alpha,
        published_path: join(registry, 'modules', 'alpha', '1.0.0'),
        registry_path: registry,
        tests: { total: 1, passed: 1, failed: 0 },
      },
    });
    expect(first.stderr).toBe('');
    expect((await cli(['publish', alpha2])).code).toBe(0);
  });

  it('publishing the same version again is a conflict (exit 4)', async () => {
    const again = await cli(['publish', alpha]);
    expect(again.code).toBe(4);
    expect(again.env.error.code).toBe('PUBLISH_CONFLICT');
    expect(again.env.error.message).toMatch(/^Published version already exists: alpha@1\.0\.0/);
  });

  it('publish refuses failing tests with exit 2 and carries exactly {tests: {total, passed, failed}, failures}', async () => {
    const run = await cli(['publish', broken]);
    expect(run.code).toBe(2);
    expect(run.env.error.code).toBe('TEST_FAILURE');
    expect(run.env.data).toEqual({
      tests: { total: 1, passed: 0, failed: 1 },
      failures: [{ test_name: expect.any(String), assertion_index: 0, assertion_type: expect.any(String), expected: expect.any(String), actual: expect.any(String), message: expect.any(String) }],
    });
  });

  it('publish refused for failing tests shows each failed assertion with --pretty', async () => {
    const run = await runCli(['publish', broken, '--registry', registry, '--pretty'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('✖ mentions-summary');
    expect(run.stdout).toMatch(/#0 contains .*\n\s+expected: absent words/);
    expect(run.stdout).toContain('0 passed, 1 failed, 1 total');
  });

  it('list returns one exact {name, version, source} row per version, source the version folder, plus packages (exit 0)', async () => {
    const run = await cli(['list']);
    expect(run.code).toBe(0);
    expect(run.env.data).toMatchObject({ registry_path: registry, count: 2 });
    expect(run.env.data.modules).toEqual([
      { name: 'alpha', version: '1.0.0', source: join(registry, 'modules', 'alpha', '1.0.0') },
      { name: 'alpha', version: '1.2.0', source: join(registry, 'modules', 'alpha', '1.2.0') },
    ]);
    expect(run.env.data.packages).toEqual([expect.objectContaining({ name: 'alpha', versions: ['1.0.0', '1.2.0'], latest: '1.2.0', tags: ['summary'] })]);
  });

  it('info returns every version sorted by semver with its version folder as source, or just the one asked for', async () => {
    const all = await cli(['info', 'alpha']);
    expect(all.code).toBe(0);
    expect(all.env.data).toMatchObject({ registry_path: registry, name: 'alpha', count: 2 });
    expect((all.env.data.versions as { version: string }[]).map((v) => v.version)).toEqual(['1.0.0', '1.2.0']);
    expect(all.env.data.versions).toEqual([
      expect.objectContaining({ name: 'alpha', version: '1.0.0', source: join(registry, 'modules', 'alpha', '1.0.0'), metadata: expect.any(Object), interface: expect.any(Object) }),
      expect.anything(),
    ]);
    for (const args of [['info', 'alpha@1.2.0'], ['info', 'alpha', '--version', '1.2.0']]) {
      const one = await cli(args);
      expect(one.code).toBe(0);
      expect((one.env.data.versions as { version: string }[]).map((v) => v.version)).toEqual(['1.2.0']);
    }
  });

  it('info of an unknown module is DEPENDENCY_ERROR "Module not found" with the name as path (exit 3)', async () => {
    const run = await cli(['info', 'nobody']);
    expect(run.code).toBe(3);
    expect(run.env.error).toMatchObject({ code: 'DEPENDENCY_ERROR', path: 'nobody' });
    expect(run.env.error.message).toMatch(/^Module not found: nobody/);
  });

  it('validate checks that dependencies resolve only when a registry is given', async () => {
    const app = writeTree(join(root, 'app'), moduleFiles({ name: 'app', deps: { alpha: '^1.0.0' } }));
    const resolved = await cli(['validate', app]);
    expect(resolved.code).toBe(0);
    expect(resolved.env.data.resolved).toEqual([{ name: 'alpha', version: '1.2.0', path: join(registry, 'modules', 'alpha', '1.2.0') }]);
    const missing = writeTree(join(root, 'missing'), moduleFiles({ name: 'missing', deps: { alpha: '^5.0.0' } }));
    const unresolvable = await cli(['validate', missing]);
    expect(unresolvable.code).toBe(3);
    expect(unresolvable.env.error.message).toMatch(/^Dependency not found for missing@1\.0\.0: alpha \(\^5\.0\.0\)/);
    const noRegistry = await runCli(['validate', missing, '--json'], { cwd: root });
    expect(noRegistry.code).toBe(0);
  });

  it('verify passes on an untouched registry (exit 0)', async () => {
    const run = await cli(['verify']);
    expect(run.code).toBe(0);
    expect(run.env.data).toMatchObject({ registry_path: registry, total: 2, ok: 2, tampered: 0, unreadable: 0, stray: [] });
    const one = await cli(['verify', 'alpha@1.0.0']);
    expect(one.env.data).toMatchObject({ total: 1, ok: 1 });
  });

  it('a tampered version fails verify and info with exit 3, naming the file', async () => {
    const template = join(registry, 'modules', 'alpha', '1.0.0', 'template.prompt');
    appendFileSync(template, 'tampered\n');
    const verify = await cli(['verify']);
    expect(verify.code).toBe(3);
    expect(verify.env.error).toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'TAMPERED', path: registry });
    expect(verify.env.data).toMatchObject({ total: 2, ok: 1, tampered: 1 });
    expect(verify.env.data.versions).toContainEqual(expect.objectContaining({ name: 'alpha', version: '1.0.0', status: 'tampered', changed: ['template.prompt'] }));
    const info = await cli(['info', 'alpha']);
    expect(info.code).toBe(3);
    expect(info.env.error.code).toBe('DEPENDENCY_ERROR');
    // Only the damaged version is affected: the other still verifies.
    expect((await cli(['verify', 'alpha@1.2.0'])).code).toBe(0);
    const pretty = await runCli(['verify', '--registry', registry, '--pretty']);
    expect(pretty.stdout).toContain('alpha@1.0.0');
    expect(pretty.stdout).toMatch(/changed\s+template\.prompt/);
    expect(readFileSync(template, 'utf8')).toContain('tampered');
  });

  it('gives byte-identical list output for identical input', async () => {
    const a = await cli(['list']);
    const b = await cli(['list']);
    expect(b.stdout).toBe(a.stdout);
  });

  it('prints a settled registry\'s list from the text it keeps (.promptpm/list.json), byte for byte, in JSON and the default line', async () => {
    settleModuleFolders(registry);
    rmSync(join(registry, '.promptpm', 'list.json'), { force: true });
    const made = await cli(['list']);
    const kept = statSync(join(registry, '.promptpm', 'list.json'));
    const again = await cli(['list']);
    expect(again.stdout).toBe(made.stdout);
    expect(statSync(join(registry, '.promptpm', 'list.json')).ino).toBe(kept.ino);
    expect(made.env.data.count).toBeGreaterThan(0);
    const line = await runCli(['list', '--registry', registry], { cwd: root });
    expect(line.stdout).toBe(`OK data=${JSON.stringify(made.env.data)}\n`);
  });

  it('prints list and verify data with exactly the documented fields, keys sorted at every depth', async () => {
    const sortedDeep = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(sortedDeep) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortedDeep((v as Record<string, unknown>)[k])])) : v;
    const list = await cli(['list']);
    expect(Object.keys(list.env.data).sort()).toEqual(['count', 'modules', 'packages', 'registry_path']);
    expect(list.stdout).toBe(`${JSON.stringify(sortedDeep(JSON.parse(list.stdout)))}\n`);
    const verify = await cli(['verify', 'alpha@1.2.0']);
    expect(verify.env.data.versions).toEqual([{ name: 'alpha', version: '1.2.0', status: 'ok', changed: [], missing: [], extra: [] }]);
    expect(verify.stdout).toBe(`${JSON.stringify(sortedDeep(JSON.parse(verify.stdout)))}\n`);
  });

  it('answers a plain list, verify or install line (run without commander) exactly as commander does', async () => {
    const app = writeTree(join(root, 'plain-app'), moduleFiles({ name: 'plain-app', deps: { alpha: '^1.0.0' } }));
    const broken = writeTree(join(root, 'plain-broken'), { 'promptpm.yaml': 'module: [\n' });
    // `--registry=<path>` is only understood by commander, so these lines take the full parser.
    const lines = [['list'], ['verify'], ['verify', 'alpha'], ['verify', 'nope@1.0.0'], ['verify', 'alpha@'], ['install', app], ['install', broken], ['install', join(root, 'absent')]];
    for (const args of lines) {
      const plain = await runCli([...args, '--registry', registry, '--json'], { cwd: root });
      const full = await runCli([...args, `--registry=${registry}`, '--json'], { cwd: root });
      expect({ code: plain.code, stdout: plain.stdout, stderr: plain.stderr }).toEqual({ code: full.code, stdout: full.stdout, stderr: full.stderr });
    }
  });
});
