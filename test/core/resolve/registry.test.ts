// resolveDependencies against a real registry (as the app's main process calls it): the tree, the
// install paths, progress, and refusal of tampered versions.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { sortKeys } from '../../../src/core/canonical-json.js';
import { publishModule } from '../../../src/core/registry/index.js';
import { resolveDependencies } from '../../../src/core/resolve/index.js';
import { moduleFiles, tempDir, writeTree } from '../../cli/helpers.js';
import { readIndex } from '../../../src/core/registry/index.js';
import { republishManifest, requiredAsText } from '../../support/invalid-version.js';
import { settleModuleFolders } from '../../support/settled-folders.js';
import { diamondRegistry, diamondRoot } from './diamond-registry.js';

const base = tempDir('promptpm-resolve-');
let registry: string;
let sources: string;

beforeEach(async () => {
  ({ registry, sources } = await diamondRegistry(base));
});

const root = diamondRoot;

describe('resolveDependencies', () => {
  it('returns the tree with ranges and verification, a diamond shown once in full', async () => {
    const phases = new Set<string>();
    const res = await resolveDependencies(registry, root, { onProgress: (p) => phases.add(p.phase) });
    const summary = (n: typeof res.root): unknown => [`${n.name}@${n.version} ${n.range} ${n.verification}${n.deduped ? ' (again)' : ''}`, n.children.map(summary)];
    expect(summary(res.root)).toEqual([
      'app@1.0.0  unverified',
      [
        ['b@1.0.0 ^1 ok', [['d@1.1.0 ^1.0.0 ok', []]]],
        ['c@1.0.0 ^1 ok', [['d@1.1.0 ~1.1.0 ok (again)', []]]],
      ],
    ]);
    expect(res.installed.map((i) => i.name)).toEqual(['d', 'b', 'c']);
    expect(res.installed[0]!.path).toBe(join(registry, 'modules', 'd', '1.1.0'));
    // Rows and tree in canonical key order: the CLI prints them as they are (presorted), copying nothing.
    expect(sortKeys(res.installed)).toBe(res.installed);
    expect(sortKeys(res.root)).toBe(res.root);
    expect(res.lock.root.dependencies).toEqual({ b: { range: '^1', version: '1.0.0' }, c: { range: '^1', version: '1.0.0' } });
    expect(phases).toContain('verify');
  });

  it('refuses a resolved version whose files changed, naming them', async () => {
    writeFileSync(join(registry, 'modules/d/1.1.0/extra.txt'), 'added later\n');
    await expect(resolveDependencies(registry, root)).rejects.toMatchObject({
      code: 'DEPENDENCY_ERROR',
      reason: 'TAMPERED',
      path: registry,
      data: { integrity: [{ name: 'd', version: '1.1.0', status: 'tampered', changed: [], missing: [], extra: ['extra.txt'] }] },
    });
  });

  it('fails with DEPENDENCY_ERROR naming a reached version that does not validate and its first error', async () => {
    republishManifest(join(registry, 'modules/d/1.1.0'), requiredAsText);
    // As the other tool would leave it: a version folder our index has not seen yet.
    rmSync(join(registry, '.promptpm'), { recursive: true });
    const stored = (await readIndex(registry)).modules.d!['1.1.0']!;
    expect(stored.invalid).toEqual({ message: expect.stringContaining('required'), file: 'promptpm.yaml', line: expect.any(Number), column: expect.any(Number) });
    const err = (await resolveDependencies(registry, root).catch((e: unknown) => e)) as Error & { file: string; line: number; column: number };
    const file = join(registry, 'modules/d/1.1.0/promptpm.yaml');
    expect(err).toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'INVALID_MODULE', path: registry, file, line: stored.invalid!.line });
    expect(err.message).toBe(`d@1.1.0 does not validate: ${stored.invalid!.message} (${file}:${err.line}:${err.column})`);
  });

  it('resolves past a version that does not validate when nothing reaches it', async () => {
    republishManifest(join(registry, 'modules/d/1.0.0'), requiredAsText);
    rmSync(join(registry, '.promptpm'), { recursive: true });
    const res = await resolveDependencies(registry, root);
    expect(res.installed.map((i) => `${i.name}@${i.version}`)).toEqual(['d@1.1.0', 'b@1.0.0', 'c@1.0.0']);
  });

  it('refuses a resolved version without its immutability manifest', async () => {
    rmSync(join(registry, 'modules/b/1.0.0/.promptpm_immutable.json'));
    await expect(resolveDependencies(registry, root)).rejects.toMatchObject({ reason: 'UNREADABLE' });
  });
});

describe('resolveDependencies with an index older than the folders it describes', () => {
  // Folder times an hour old, so the index built from them trusts them (recent ones are always rescanned).
  const ageFolders = (): void => settleModuleFolders(registry);

  /** A version folder as another tool publishing into the registry leaves it: the index knows nothing of it. */
  async function addBehindTheIndex(name: string, version: string, deps: Record<string, string> = {}): Promise<void> {
    const elsewhere = join(sources, '..', 'elsewhere');
    await publishModule(elsewhere, writeTree(join(sources, `${name}-${version}-elsewhere`), moduleFiles({ name, version, deps })));
    cpSync(join(elsewhere, 'modules', name, version), join(registry, 'modules', name, version), { recursive: true });
  }

  const chosen = async (): Promise<string[]> => (await resolveDependencies(registry, root)).installed.map((i) => `${i.name}@${i.version}`);

  it('sees a version added to a module it reads, and a module added to the registry', async () => {
    ageFolders();
    expect(await chosen()).toEqual(['d@1.1.0', 'b@1.0.0', 'c@1.0.0']);
    await addBehindTheIndex('d', '1.1.5');
    expect(await chosen()).toEqual(['d@1.1.5', 'b@1.0.0', 'c@1.0.0']);
    await addBehindTheIndex('e', '1.0.0');
    await addBehindTheIndex('b', '1.1.0', { d: '^1.0.0', e: '^1.0.0' });
    expect(await chosen()).toEqual(['d@1.1.5', 'e@1.0.0', 'b@1.1.0', 'c@1.0.0']);
  });

  it('does not answer from a module folder removed by hand', async () => {
    ageFolders();
    await chosen();
    rmSync(join(registry, 'modules', 'c'), { recursive: true });
    await expect(resolveDependencies(registry, root)).rejects.toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'NOT_FOUND' });
  });
});
