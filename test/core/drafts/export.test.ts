import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDraft, exportDraft, exportVersion } from '../../../src/core/drafts/index.js';
import { loadModule } from '../../../src/core/module/index.js';
import { publishModule } from '../../../src/core/registry/index.js';
import { workspace, type Workspace } from './helpers.js';

let ws: Workspace;
beforeEach(async () => {
  ws = await workspace();
});
afterEach(() => rm(ws.root, { recursive: true, force: true }));

const immutability = (registry: string, name: string, version: string): Promise<Buffer> => readFile(join(registry, 'modules', name, version, '.promptpm_immutable.json'));

describe('drafts: export', () => {
  it('exports a published version that validates and publishes back to the very same immutability manifest', async () => {
    const dest = join(ws.root, 'desktop');
    const folder = await exportVersion(ws.registry, 'demo', '1.0.0', dest);
    expect(folder).toBe(join(dest, 'demo-1.0.0'));
    expect(await readdir(dest)).toEqual(['demo-1.0.0']);
    expect((await loadModule(folder, { contents: {} })).errors).toEqual([]);
    const fresh = join(ws.root, 'fresh-registry');
    await publishModule(fresh, folder);
    expect(await immutability(fresh, 'demo', '1.0.0')).toEqual(await immutability(ws.registry, 'demo', '1.0.0'));
    // A second export beside the first never overwrites it.
    expect(await exportVersion(ws.registry, 'demo', '1.0.0', dest)).toBe(join(dest, 'demo-1.0.0-2'));
  });

  it('refuses to export a tampered version', async () => {
    await writeFile(join(ws.registry, 'modules', 'demo', '1.0.0', 'template.prompt'), 'changed\n');
    await expect(exportVersion(ws.registry, 'demo', '1.0.0', join(ws.root, 'out'))).rejects.toMatchObject({ reason: 'TAMPERED' });
  });

  it('exports a draft byte for byte, and publishing the export gives what publishing the draft gives', async () => {
    const draft = await createDraft(ws.area, { name: 'fresh', version: '0.2.0' });
    await writeFile(join(draft, 'tests', 'ünïcode name.txt'), 'x\n');
    const folder = await exportDraft(draft, join(ws.root, 'out'));
    expect(folder).toBe(join(ws.root, 'out', 'fresh-0.2.0'));
    const [a, b] = [join(ws.root, 'reg-a'), join(ws.root, 'reg-b')];
    await publishModule(a, draft);
    await publishModule(b, folder);
    expect(await immutability(b, 'fresh', '0.2.0')).toEqual(await immutability(a, 'fresh', '0.2.0'));
  });
});
