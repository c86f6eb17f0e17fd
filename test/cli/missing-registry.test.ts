// A mistyped registry path never passes silently and read commands never create a registry: verify of a missing
// folder fails, list answers empty (saying so in --pretty), info and install find nothing, and none writes a file.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli-runner.js';
import { moduleFiles, tempDir, writeTree, type Envelope } from './helpers.js';


const root = tempDir();
const missing = join(root, 'no-such-registry');

async function cli(args: string[], registry = missing): Promise<{ code: number | null; env: Envelope; stdout: string }> {
  const run = await runCli([...args, '--registry', registry], { cwd: root });
  return { code: run.code, env: run.json as Envelope, stdout: run.stdout };
}

describe('a registry folder that does not exist', () => {
  it('verify fails with DEPENDENCY_ERROR (exit 3) "Registry not found: <path>", whole or for one module', async () => {
    for (const args of [['verify'], ['verify', 'alpha'], ['verify', 'alpha@1.0.0']]) {
      const run = await cli([...args, '--json']);
      expect(run.code).toBe(3);
      expect(run.env.error).toMatchObject({ code: 'DEPENDENCY_ERROR', message: `Registry not found: ${missing}`, path: missing });
    }
    expect(existsSync(missing)).toBe(false);
  });

  it('list answers ok with count 0, and --pretty says there is no registry there', async () => {
    const json = await cli(['list', '--json']);
    expect(json.code).toBe(0);
    expect(json.env).toMatchObject({ ok: true, data: { count: 0, modules: [], registry_path: missing, registry_exists: false } });
    const pretty = await cli(['list', '--pretty']);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toContain(`No registry at ${missing}`);
    expect(existsSync(missing)).toBe(false);
  });

  it('info says Module not found: <name>', async () => {
    const run = await cli(['info', 'alpha', '--json']);
    expect(run.code).toBe(3);
    expect(run.env.error).toMatchObject({ code: 'DEPENDENCY_ERROR', message: 'Module not found: alpha' });
    expect(existsSync(missing)).toBe(false);
  });

  it('install of a module with dependencies says Dependency not found for it, and creates nothing', async () => {
    const mod = writeTree(join(root, 'needs'), moduleFiles({ name: 'needs', deps: { alpha: '^1.0.0' } }));
    const run = await runCli(['install', mod, '--registry', missing, '--json'], { cwd: root });
    expect(run.code).toBe(3);
    expect((run.json as Envelope).error?.message).toMatch(/^Dependency not found for needs@1\.0\.0/);
    expect(existsSync(missing)).toBe(false);
    expect(readdirSync(mod).sort()).toEqual(['promptpm.yaml', 'template.prompt']);
  });
});

describe('a folder that is not a registry', () => {
  it('list and verify write nothing into it, not even an index cache', async () => {
    // A `modules/` folder without any published version (say, another tool's) does not make a registry.
    const folder = writeTree(join(root, 'project'), { 'modules/network/main.tf': 'x' });
    expect((await cli(['list', '--json'], folder)).env.data).toMatchObject({ count: 0 });
    expect((await cli(['verify', '--json'], folder)).env.data).toMatchObject({ total: 0 });
    expect(readdirSync(folder)).toEqual(['modules']);
  });
});
