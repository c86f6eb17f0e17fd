// What publish would refuse in a module folder is a validation error of its own, all at once, each naming its
// file; what publish leaves out (the manifest of a copy, version control, registries) is neither checked nor copied.
import { cpSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { LIMITS } from '../../../src/core/module/limits.js';
import { loadModule } from '../../../src/core/module/index.js';
import { writeTree } from '../../support/files.js';
import { FIXTURE_REGISTRY } from '../registry/helpers.js';
import { only, yamlModule, VALID_YAML } from './helpers.js';

/** A file of `size` bytes that takes no disk space. */
function sparse(file: string, size: number): void {
  writeFileSync(file, '');
  truncateSync(file, size);
}

const withContents = (dir: string, registry?: string) => loadModule(dir, { contents: { registry } });

describe('module folder contents', () => {
  test('plain loading does not look at the folder: a symlink is no error there', async () => {
    const dir = yamlModule(VALID_YAML);
    symlinkSync('/etc/hostname', path.join(dir, 'link'));
    expect((await loadModule(dir)).errors).toEqual([]);
  });

  test('every refusal at once, each with a specific code and its file, the message naming the relative path', async () => {
    const dir = yamlModule(VALID_YAML, Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`data/f${String(i).padStart(4, '0')}.txt`, 'x'])));
    mkdirSync(path.join(dir, 'tests'));
    symlinkSync('/etc/hostname', path.join(dir, 'tests', 'link'));
    execFileSync('mkfifo', [path.join(dir, 'tests', 'pipe')]);
    writeFileSync(path.join(dir, 'a\\b.txt'), 'x');
    sparse(path.join(dir, 'big.bin'), LIMITS.fileBytes + 1);
    for (let i = 0; i < 8; i++) sparse(path.join(dir, `part${i}.bin`), LIMITS.fileBytes);
    const mod = await withContents(dir);
    expect(mod.manifest).toBeNull();
    const summary = mod.errors.map((e) => ({ code: e.code, file: e.file && path.relative(dir, e.file) }));
    expect(summary).toEqual([
      { code: 'FILE_TOO_LARGE', file: 'big.bin' },
      { code: 'SYMLINK', file: 'tests/link' },
      { code: 'SPECIAL_FILE', file: 'tests/pipe' },
      { code: 'UNSAFE_FILE_NAME', file: 'a\\b.txt' },
      { code: 'TOO_MANY_FILES', file: 'data/f0989.txt' },
      { code: 'MODULE_TOO_LARGE', file: 'part6.bin' },
    ]);
    expect(only(mod.errors, 'SYMLINK').message).toBe('Symbolic links cannot be published: tests/link');
    expect(only(mod.errors, 'SPECIAL_FILE').message).toContain(': tests/pipe');
    expect(only(mod.errors, 'FILE_TOO_LARGE').message).toContain(': big.bin');
  });

  test('what publish skips is not checked: a top-level immutability manifest and version-control folders', async () => {
    const dir = yamlModule(VALID_YAML, { '.promptpm_immutable.json': '{}', 'tests/.promptpm_immutable.json': '{}', 'tests/.svn/entries': 'x' });
    mkdirSync(path.join(dir, '.git'));
    symlinkSync('/etc/hostname', path.join(dir, '.git', 'link'));
    const mod = await withContents(dir);
    expect(mod.errors).toEqual([]);
    expect(mod.files?.map((f) => f.path)).toEqual(['promptpm.yaml', 'template.prompt', 'tests/.promptpm_immutable.json']);
  });

  test('a registry inside the folder is left out with a warning naming it: the target one, and any folder that is a registry', async () => {
    const dir = yamlModule(VALID_YAML, { 'registries/target/modules/x/1.0.0/promptpm.yaml': 'x', 'registries/ours/.promptpm/index.json': '{}' });
    cpSync(FIXTURE_REGISTRY, path.join(dir, 'registries', 'theirs'), { recursive: true });
    writeTree(dir, { 'notes/modules/a/b/readme.md': 'a folder named modules is not enough' });
    const mod = await withContents(dir, path.join(dir, 'registries', 'target'));
    expect(mod.errors).toEqual([]);
    expect(mod.files?.map((f) => f.path)).toEqual(['promptpm.yaml', 'template.prompt', 'notes/modules/a/b/readme.md']);
    expect(mod.warnings.filter((w) => w.code === 'REGISTRY_INSIDE_MODULE').map((w) => [w.file, w.message])).toEqual([
      [path.join(dir, 'registries', 'ours'), 'Registry folder inside the module, left out of published versions: registries/ours'],
      [path.join(dir, 'registries', 'target'), 'Registry folder inside the module, left out of published versions: registries/target'],
      [path.join(dir, 'registries', 'theirs'), 'Registry folder inside the module, left out of published versions: registries/theirs'],
    ]);
  });
});
