// Which folders are registries (docs/registry-format.md): reading one that is not leaves it untouched, as when the
// app opens a folder the user chose; the earlier tool's registries (no .promptpm/) are registries all the same.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRegistryFolder } from '../../../src/core/registry-folder.js';
import { listRegistry, verifyRegistry } from '../../../src/core/registry/index.js';
import { fixtureCopy, tempDir, writeTree } from './helpers.js';

describe('registry folders', () => {
  it('a registry holds .promptpm/, or modules/<name>/<version>/.promptpm_immutable.json', () => {
    const root = tempDir();
    expect(isRegistryFolder(writeTree(join(root, 'ours'), { '.promptpm/index.json': '{}' }))).toBe(true);
    expect(isRegistryFolder(fixtureCopy())).toBe(true);
    expect(isRegistryFolder(writeTree(join(root, 'modules-only'), { 'modules/network/1.0.0/main.tf': 'x' }))).toBe(false);
    expect(isRegistryFolder(writeTree(join(root, 'file-named-promptpm'), { '.promptpm': 'not a folder' }))).toBe(false);
    mkdirSync(join(root, 'empty'));
    expect(isRegistryFolder(join(root, 'empty'))).toBe(false);
    expect(isRegistryFolder(join(root, 'missing'))).toBe(false);
  });

  it('listing and verifying a folder that is not a registry writes nothing into it', async () => {
    const folder = writeTree(tempDir(), { 'modules/network/main.tf': 'x' });
    expect((await listRegistry(folder)).count).toBe(0);
    expect((await verifyRegistry(folder)).total).toBe(0);
    expect(readdirSync(folder)).toEqual(['modules']);
  });

  it("the earlier tool's registry gets its index cache when listed", async () => {
    const registry = fixtureCopy();
    expect(existsSync(join(registry, '.promptpm'))).toBe(false);
    expect((await listRegistry(registry)).count).toBe(3);
    expect(existsSync(join(registry, '.promptpm', 'index.json'))).toBe(true);
  });

  it('verify of a folder that does not exist is Registry not found, and creates nothing', async () => {
    const missing = join(tempDir(), 'nope');
    await expect(verifyRegistry(missing)).rejects.toMatchObject({ code: 'DEPENDENCY_ERROR', message: `Registry not found: ${missing}` });
    expect(existsSync(missing)).toBe(false);
  });
});
