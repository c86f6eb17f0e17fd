// scripts/generate-registry.mjs, the generator the tests and benchmarks build registries with: what it writes is
// a registry the tool itself accepts (verify passes, every version validates, tests pass and publishes to
// the same manifest bytes, a root resolves), and the same seed writes the same bytes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModule } from '../../src/core/module/index.js';
import { publishModule } from '../../src/core/registry/index.js';
import { resolveDependencies } from '../../src/core/resolve/index.js';
import { runModuleTests } from '../../src/core/testing/index.js';
import { runCli } from '../cli-runner.js';

const GENERATOR = join(process.cwd(), 'scripts/generate-registry.mjs');
const work = mkdtempSync(join(tmpdir(), 'promptpm-generate-registry-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const generate = (...args: string[]) => spawnSync(process.execPath, [GENERATOR, ...args], { encoding: 'utf8' });
const small = (out: string, seed = '7') => generate('--out', out, '--modules', '12', '--versions', '3', '--deps', '3', '--template-bytes', '300', '--seed', seed);

/** Every file under `dir` (relative POSIX path → bytes as text), to compare whole trees. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = join(entry.parentPath, entry.name);
    files[abs.slice(dir.length + 1).split('\\').join('/')] = readFileSync(abs, 'latin1');
  }
  return files;
}

describe('generate-registry', () => {
  const registry = join(work, 'registry');
  const versionFolders = () =>
    readdirSync(join(registry, 'modules')).flatMap((name) => readdirSync(join(registry, 'modules', name)).map((version) => ({ name, version, dir: join(registry, 'modules', name, version) })));

  beforeAll(() => {
    expect(small(registry).status).toBe(0);
  });

  it('writes a registry that verify passes', async () => {
    const run = await runCli(['verify', '--registry', registry, '--json']);
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ ok: true, data: { total: 36, ok: 36, tampered: 0, unreadable: 0, stray: [] } });
  });

  it('writes versions that validate, pass their tests, and carry the manifest publish writes', async () => {
    const republished = join(work, 'republished');
    const versions = versionFolders();
    expect(versions).toHaveLength(36);
    for (const { name, version, dir } of versions) {
      const mod = await loadModule(dir);
      expect(mod.errors, `${name}@${version}`).toEqual([]);
      expect(mod.warnings, `${name}@${version}`).toEqual([]);
      expect(await runModuleTests(mod)).toMatchObject({ total: 1, passed: 1, failed: 0 });
      // Publishing the version folder (its own manifest is never copied) writes the manifest anew.
      const published = await publishModule(republished, dir);
      expect(readFileSync(join(published.published_path, '.promptpm_immutable.json'), 'utf8')).toBe(readFileSync(join(dir, '.promptpm_immutable.json'), 'utf8'));
    }
  });

  it('writes dependencies that resolve from a root on the last module', async () => {
    const resolution = await resolveDependencies(registry, { name: 'app', version: '1.0.0', dependencies: [{ name: 'module-00011', range: '^1.0.0' }] });
    expect(resolution.installed.at(-1)).toMatchObject({ name: 'module-00011', version: '1.2.0' });
    // The last module pulls in lower-numbered ones, so the closure is more than the root's one dependency.
    expect(resolution.installed.length).toBeGreaterThan(1);
  });

  it('writes byte-identical trees for the same seed and another tree for another seed', () => {
    const [a, b, c] = ['same-a', 'same-b', 'other'].map((n) => join(work, n)) as [string, string, string];
    expect([small(a).status, small(b).status, small(c, '8').status]).toEqual([0, 0, 0]);
    expect(tree(b)).toEqual(tree(a));
    expect(tree(c)).not.toEqual(tree(a));
  });

  it('documents itself with --help and refuses usage mistakes and an existing registry with exit 2', () => {
    const help = generate('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--template-bytes B');
    for (const args of [[], ['--out'], ['--out', join(work, 'x'), '--modules', 'many'], ['--out', join(work, 'y'), '--bogus', '1']]) {
      const run = generate(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('Usage:');
    }
    const again = small(registry);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('refusing to write into an existing registry');
  });
});
