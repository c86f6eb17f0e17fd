// Finding module folders in what was dropped or named (docs/cli.md, "publish"): real folders only, a manifest
// makes a module, registries are reported, the search skips links, hidden folders and node_modules, and stops
// at its limits with a problem saying so.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findModules } from '../../../src/core/import/index.js';
import { makeModule, tempDir, writeTree } from '../registry/helpers.js';
import { publishModule } from '../../../src/core/registry/index.js';

const codes = (found: { problems: Array<{ code: string; path: string }> }) => found.problems.map((p) => [p.code, p.path]);

describe('findModules', () => {
  it('takes a module folder as it is and searches other folders in name order', async () => {
    const root = tempDir();
    const single = makeModule(join(root, 'single'), 'single');
    const tree = join(root, 'tree');
    makeModule(join(tree, 'b'), 'b');
    makeModule(join(tree, 'a', 'deep', 'er'), 'a');
    // A module inside a module is part of it, never a module of its own.
    makeModule(join(tree, 'b', 'nested'), 'nested');
    writeTree(join(root, 'toml'), { 'promptpm.toml': '' });

    const found = await findModules([single, tree, join(root, 'toml')]);
    expect(found).toEqual({ modules: [single, join(tree, 'a', 'deep', 'er'), join(tree, 'b'), join(root, 'toml')], problems: [], complete: true });
  });

  it('a file, a missing path or a symlink is a problem of its own, not a throw', async () => {
    const root = tempDir();
    const mod = makeModule(join(root, 'mod'));
    writeTree(root, { 'notes.txt': 'x' });
    symlinkSync(mod, join(root, 'link'));
    const found = await findModules([join(root, 'notes.txt'), join(root, 'missing'), join(root, 'link'), mod]);
    expect(found.modules).toEqual([mod]);
    expect(codes(found)).toEqual([
      ['NOT_A_FOLDER', join(root, 'notes.txt')],
      ['PATH_NOT_FOUND', join(root, 'missing')],
      ['SYMLINK', join(root, 'link')],
    ]);
  });

  it('never follows links, and skips hidden folders, .git and node_modules', async () => {
    const root = tempDir();
    const outside = makeModule(join(root, 'outside'), 'outside');
    const drop = join(root, 'drop');
    makeModule(join(drop, '.hidden', 'mod'), 'hidden');
    makeModule(join(drop, '.git', 'mod'), 'git');
    makeModule(join(drop, 'node_modules', 'mod'), 'dep');
    const kept = makeModule(join(drop, 'kept'), 'kept');
    symlinkSync(outside, join(drop, 'linked'));
    expect(await findModules([drop])).toEqual({ modules: [kept], problems: [], complete: true });
  });

  it('a registry is reported (to be opened instead), given or found inside, and never searched', async () => {
    const root = tempDir();
    const registry = join(root, 'reg');
    await publishModule(registry, makeModule(join(root, 'src'), 'published'));
    const drop = join(root, 'drop');
    await publishModule(join(drop, 'inner-reg'), makeModule(join(root, 'src2'), 'other'));
    const mod = makeModule(join(drop, 'mod'));

    const found = await findModules([registry, drop]);
    expect(found.modules).toEqual([mod]);
    expect(codes(found)).toEqual([
      ['REGISTRY_FOLDER', registry],
      ['REGISTRY_FOLDER', join(drop, 'inner-reg')],
    ]);
    expect(found.problems[0]!.hint).toMatch(/Open it as a registry/);
  });

  it('a folder without modules says so; one given twice is found once', async () => {
    const root = tempDir();
    const empty = join(root, 'empty');
    mkdirSync(join(empty, 'sub'), { recursive: true });
    const mod = makeModule(join(root, 'mod'));
    const found = await findModules([empty, mod, mod]);
    expect(found.modules).toEqual([mod]);
    expect(codes(found)).toEqual([['NO_MODULE_FOUND', empty]]);
    expect(found.problems[0]!.message).toMatch(/No module folder \(promptpm\.yaml or promptpm\.toml\) in or below/);
  });

  it('searches to maxDepth levels (0: only the folder itself)', async () => {
    const root = tempDir();
    const mod = makeModule(join(root, 'one', 'two', 'mod'));
    expect((await findModules([root], { maxDepth: 3 })).modules).toEqual([mod]);
    const shallow = await findModules([root], { maxDepth: 2 });
    expect(shallow.modules).toEqual([]);
    expect(codes(shallow)).toEqual([['NO_MODULE_FOUND', root]]);
    expect((await findModules([mod], { maxDepth: 0 })).modules).toEqual([mod]);
  });

  it('thousands of folders stop the search with a clear problem', async () => {
    const root = tempDir();
    for (let i = 0; i < 2_100; i++) mkdirSync(join(root, `d${String(i).padStart(4, '0')}`));
    makeModule(join(root, 'd0000'), 'first');
    const found = await findModules([root], { maxFolders: 2_000 });
    expect(found.complete).toBe(false);
    expect(found.modules).toEqual([join(root, 'd0000')]);
    expect(found.problems).toEqual([
      expect.objectContaining({ code: 'TOO_MANY_FOLDERS', message: 'Stopped searching after 2000 folders: too many to import at once' }),
    ]);
    // The defaults are bounded too: 20,000 folders.
    expect((await findModules([root])).complete).toBe(true);
  });

  it('too many modules stop the search with a clear problem', async () => {
    const root = tempDir();
    for (let i = 0; i < 4; i++) makeModule(join(root, `m${i}`), `m${i}`);
    const found = await findModules([root], { maxModules: 3 });
    expect(found.complete).toBe(false);
    expect(found.modules).toEqual([0, 1, 2].map((i) => join(root, `m${i}`)));
    expect(codes(found)).toEqual([['TOO_MANY_MODULES', join(root, 'm3')]]);
    expect(found.problems[0]!.message).toBe('Stopped searching after 3 modules: too many to import at once');
  });

  it('stops when cancelled', async () => {
    const root = tempDir();
    makeModule(join(root, 'mod'));
    const controller = new AbortController();
    controller.abort();
    await expect(findModules([root], { signal: controller.signal })).rejects.toThrow();
  });
});
