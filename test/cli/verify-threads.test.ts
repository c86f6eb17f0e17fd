// verify on a registry large enough for the worker threads (more than 64 modules), through the built CLI:
// the same report as the in-process core, every version found even where the index cache is stale, and
// the results recorded for `list`.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listRegistry, verifyRegistry } from '../../src/core/registry/index.js';
import { runCli } from '../cli-runner.js';
import { tempDir } from './helpers.js';

const registry = join(tempDir(), 'registry');
const version = (name: string, v: string, ...rest: string[]): string => join(registry, 'modules', name, v, ...rest);

interface VerifyData {
  total: number;
  ok: number;
  tampered: number;
  versions: Array<{ name: string; version: string; status: string; changed: string[]; missing: string[]; extra: string[] }>;
  stray: string[];
}

beforeAll(async () => {
  execFileSync(process.execPath, [join(process.cwd(), 'scripts/generate-registry.mjs'), '--out', registry, '--modules', '150', '--versions', '2']);
  await listRegistry(registry);
  appendFileSync(version('module-00149', '1.0.0', 'template.prompt'), 'tampered\n');
  writeFileSync(version('module-00003', '1.0.0', 'tests', 'added.txt'), 'extra\n');
  writeFileSync(join(registry, 'modules', 'module-00007', 'notes.txt'), 'not a version\n');
  // A version folder the index cannot know about: its module folder's mtime is set back to the indexed one.
  const moduleFolder = join(registry, 'modules', 'module-00042');
  const { atime, mtime } = statSync(moduleFolder);
  cpSync(version('module-00042', '1.0.0'), version('module-00042', '9.0.0'), { recursive: true });
  utimesSync(moduleFolder, atime, mtime);
}, 60_000);

describe('verify on the worker threads', () => {
  it('reports what the in-process core reports, including a version the stale index misses, and records it', async () => {
    const run = await runCli(['verify', '--registry', registry, '--json']);
    expect(run.code).toBe(3);
    const data = (run.json as { data: VerifyData }).data;
    expect(data).toMatchObject({ total: 301, ok: 298, tampered: 3, stray: ['modules/module-00007/notes.txt'] });
    const bad = data.versions.filter((v) => v.status !== 'ok');
    expect(bad).toEqual([
      { name: 'module-00003', version: '1.0.0', status: 'tampered', changed: [], missing: [], extra: ['tests/added.txt'] },
      // Copied from 1.0.0: its manifest names another version.
      { name: 'module-00042', version: '9.0.0', status: 'tampered', changed: ['.promptpm_immutable.json'], missing: [], extra: [] },
      { name: 'module-00149', version: '1.0.0', status: 'tampered', changed: ['template.prompt'], missing: [], extra: [] },
    ]);
    const inProcess = await verifyRegistry(registry);
    expect(data.versions).toEqual(inProcess.versions);
    const states = (await listRegistry(registry)).versionStates;
    expect([states['module-00149@1.0.0'], states['module-00149@1.1.1'], states['module-00003@1.0.0'], states['module-00000@1.0.0']]).toEqual([
      'tampered',
      'ok',
      'tampered',
      'ok',
    ]);
  });
});
