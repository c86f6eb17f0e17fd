// Files and folders the CLI may not read (mode 000): located errors, never a crash. The suite runs as root
// in CI, which reads everything; there the CLI runs without the capabilities that override file
// permissions (setpriv drops them from its bounding set), elsewhere as the user running the tests.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli-runner.js';
import { moduleFiles, tempDir, writeTree, type Envelope } from './helpers.js';

const asRoot = process.getuid?.() === 0;
const wrap = asRoot ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search'] : [];
const canDrop = !asRoot || spawnSync('setpriv', [...wrap.slice(1), 'true']).status === 0;

const root = tempDir();
const locked: string[] = [];
/** Takes every permission away from `path` (given back after the file's tests, so it can be removed). */
function lock(path: string): void {
  chmodSync(path, 0o000);
  locked.push(path);
}
afterAll(() => locked.forEach((path) => chmodSync(path, 0o755)));

const cli = async (args: string[]): Promise<{ code: number | null; env: Envelope }> => {
  const run = await runCli([...args, '--json'], { cwd: root, wrap });
  return { code: run.code, env: run.json as Envelope };
};

describe.skipIf(!canDrop)('unreadable files', () => {
  it('reports a manifest or a template it cannot read as FILE_UNREADABLE, located (exit 1)', async () => {
    const manifest = writeTree(join(root, 'manifest'), moduleFiles({ name: 'manifest' }));
    lock(join(manifest, 'promptpm.yaml'));
    const first = await cli(['validate', manifest]);
    expect(first.code).toBe(1);
    expect(first.env.error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'FILE_UNREADABLE', file: join(manifest, 'promptpm.yaml') });
    expect(first.env.error.message).toMatch(/^promptpm\.yaml cannot be read: /);

    const template = writeTree(join(root, 'template'), moduleFiles({ name: 'template' }));
    lock(join(template, 'template.prompt'));
    const second = await cli(['validate', template]);
    expect(second.code).toBe(1);
    expect(second.env.error).toMatchObject({ reason: 'FILE_UNREADABLE', file: join(template, 'promptpm.yaml') });
    expect(second.env.error.message).toMatch(/^Template 'template\.prompt' cannot be read: /);
  });

  it('fails a registry verify that cannot list a module folder, naming it (exit 3)', async () => {
    const registry = join(root, 'registry');
    const published = await runCli(['publish', writeTree(join(root, 'alpha'), moduleFiles({ name: 'alpha' })), '--registry', registry, '--json']);
    expect(published.code).toBe(0);
    mkdirSync(join(registry, 'modules', 'beta'));
    lock(join(registry, 'modules', 'beta'));
    const run = await cli(['verify', '--registry', registry]);
    expect(run.code).toBe(3);
    expect(run.env.error).toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'UNREADABLE', path: join(registry, 'modules', 'beta') });
    expect(run.env.error.message).toBe('Module folder cannot be read: beta (EACCES)');
  });
});
