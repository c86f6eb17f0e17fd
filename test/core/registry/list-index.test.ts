import { existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRegistry, listRegistryRows, publishModule, readIndex, verifyRegistry } from '../../../src/core/registry/index.js';
import type { Progress } from '../../../src/core/progress.js';
import { GeneratedList } from '../../../src/core/canonical-json.js';
import { fixtureCopy, makeModule, tempDir } from './helpers.js';

const indexPath = (reg: string): string => join(reg, '.promptpm', 'index.json');

/** Ages every folder under modules/ so its mtime is settled and trusted by the index. */
function age(reg: string, ...rel: string[][]): void {
  const old = new Date(Date.now() - 60_000);
  for (const parts of rel) utimesSync(join(reg, ...parts), old, old);
}

describe('list and the index cache', () => {
  it('lists every version with its version folder as source, and one row per package', async () => {
    const reg = fixtureCopy();
    const list = await listRegistry(reg);
    expect(list.count).toBe(3);
    expect(list.modules).toEqual([
      { name: 'technical-summarizer', version: '1.2.0', source: join(reg, 'modules/technical-summarizer/1.2.0') },
      { name: 'text-normalizer', version: '1.0.0', source: join(reg, 'modules/text-normalizer/1.0.0') },
      { name: 'text-normalizer', version: '1.1.0', source: join(reg, 'modules/text-normalizer/1.1.0') },
    ]);
    expect(list.packages[1]).toEqual({
      name: 'text-normalizer',
      versions: ['1.0.0', '1.1.0'],
      latest: '1.1.0',
      description: 'Normalizes text, café edition',
      tags: ['text', 'normalization'],
      verification: 'unverified',
      inputTypes: ['plain_text'],
      outputTypes: ['normalized_text'],
    });
    expect(list.versionStates).toEqual({
      'technical-summarizer@1.2.0': 'unverified',
      'text-normalizer@1.0.0': 'unverified',
      'text-normalizer@1.1.0': 'unverified',
    });
    const idx = await readIndex(reg);
    expect(idx.modules['technical-summarizer']?.['1.2.0']?.dependencies).toEqual([{ name: 'text-normalizer', range: '^1.0.0' }]);
    // The CLI's listing: the same rows, without the per-version states.
    const { versionStates, ...rows } = list;
    expect(versionStates).toBeDefined();
    expect(await listRegistry(reg, { versionStates: false })).toEqual(rows);
  });

  it('keeps the index outside modules/, and rebuilds it when deleted or corrupt', async () => {
    const reg = fixtureCopy();
    await verifyRegistry(reg);
    expect(existsSync(indexPath(reg))).toBe(true);
    const first = await listRegistry(reg);
    expect(first.packages.every((p) => p.verification === 'ok')).toBe(true);
    rmSync(indexPath(reg));
    const rebuilt = await listRegistry(reg);
    expect(rebuilt.modules).toEqual(first.modules);
    expect(rebuilt.packages.every((p) => p.verification === 'unverified')).toBe(true);
    writeFileSync(indexPath(reg), '{not json');
    expect((await listRegistry(reg)).modules).toEqual(first.modules);
  });

  it('sees a publish immediately, even when folder mtimes were settled before', async () => {
    const reg = fixtureCopy();
    age(reg, ['modules'], ['modules', 'text-normalizer'], ['modules', 'technical-summarizer']);
    await listRegistry(reg);
    const stored = JSON.parse(readFileSync(indexPath(reg), 'utf8').split('\n')[0]!) as { modulesMtime: string | null };
    expect(stored.modulesMtime).not.toBeNull();
    await publishModule(reg, makeModule(tempDir(), 'text-normalizer', '2.0.0'));
    const after = await listRegistry(reg);
    expect(after.packages.find((p) => p.name === 'text-normalizer')).toMatchObject({ versions: ['1.0.0', '1.1.0', '2.0.0'], latest: '2.0.0' });
    expect(after.versionStates['text-normalizer@2.0.0']).toBe('ok');
    await publishModule(reg, makeModule(tempDir(), 'brand-new', '0.1.0'));
    expect((await listRegistry(reg)).count).toBe(5);
  });

  it('reports progress while it rescans module folders (all of them the first time), and none when nothing changed', async () => {
    const reg = fixtureCopy();
    age(reg, ['modules'], ['modules', 'text-normalizer'], ['modules', 'technical-summarizer']);
    const seen: string[] = [];
    const onProgress = (p: Progress): number => seen.push(`${p.phase} ${p.done}/${p.total} ${p.unit} ${p.current ?? ''}`);
    await listRegistry(reg, { onProgress });
    expect(seen).toEqual(['index 0/2 modules ', 'index 1/2 modules technical-summarizer', 'index 2/2 modules text-normalizer']);
    seen.length = 0;
    await listRegistry(reg, { onProgress });
    expect(seen).toEqual([]);
  });

  it('notices a version folder removed or replaced behind its back', async () => {
    const reg = fixtureCopy();
    await listRegistry(reg);
    rmSync(join(reg, 'modules', 'text-normalizer', '1.0.0'), { recursive: true });
    expect((await listRegistry(reg)).modules.map((m) => m.version)).toEqual(['1.2.0', '1.1.0']);
  });

  it('gives the CLI the same rows, made for any run of them (a run may start inside a module)', async () => {
    const reg = fixtureCopy();
    const list = await listRegistry(reg, { versionStates: false });
    // Folders this new have no settled mtime, so no listing text is kept (list-text.test.ts): the rows are made.
    const rows = await listRegistryRows(reg);
    if (!(rows.modules instanceof GeneratedList) || !(rows.packages instanceof GeneratedList)) throw new Error('expected rows made from the index');
    expect({ registry_path: rows.registry_path, count: rows.count }).toEqual({ registry_path: list.registry_path, count: list.count });
    expect(rows.packages.make(0, rows.packages.length)).toEqual(list.packages);
    for (let start = 0; start <= list.count; start++) {
      for (let end = start; end <= list.count; end++) expect(rows.modules.make(start, end)).toEqual(list.modules.slice(start, end));
    }
  });

  it('answers for a registry that does not exist yet with nothing', async () => {
    const list = await listRegistry(join(tempDir(), 'none'));
    expect(list).toMatchObject({ count: 0, modules: [], packages: [] });
  });

  it('prefers the highest stable version as latest and shows the worst verification of a package', async () => {
    const reg = join(tempDir(), 'reg');
    await publishModule(reg, makeModule(tempDir(), 'demo-module', '1.0.0'));
    await publishModule(reg, makeModule(tempDir(), 'demo-module', '2.0.0-beta.1'));
    writeFileSync(join(reg, 'modules', 'demo-module', '2.0.0-beta.1', 'template.prompt'), 'tampered');
    await verifyRegistry(reg);
    const row = (await listRegistry(reg)).packages[0];
    expect(row).toMatchObject({ versions: ['1.0.0', '2.0.0-beta.1'], latest: '1.0.0', verification: 'tampered' });
  });
});
