import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AllowList } from '../../../src/main/state/allow-list.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promptpm-allow-'));
  await mkdir(join(dir, 'chosen/sub'), { recursive: true });
  await mkdir(join(dir, 'other'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('allow-list', () => {
  it('accepts exactly the folders the user chose, however the path is spelled', async () => {
    const list = new AllowList();
    const canonical = await list.add(join(dir, 'chosen'), 'dialog');
    expect(await list.lookup(join(dir, 'chosen'))).toBe(canonical);
    expect(await list.lookup(join(dir, 'chosen/sub/..'))).toBe(canonical);
    expect(await list.lookup(join(dir, 'chosen') + '/')).toBe(canonical);
    expect(list.sourceOf(canonical)).toBe('dialog');
  });

  it('refuses other folders, subfolders, parents and relative paths', async () => {
    const list = new AllowList();
    await list.add(join(dir, 'chosen'), 'recent');
    expect(await list.lookup(join(dir, 'other'))).toBeNull();
    expect(await list.lookup(join(dir, 'chosen/sub'))).toBeNull();
    expect(await list.lookup(dir)).toBeNull();
    expect(await list.lookup('chosen')).toBeNull();
    expect(await list.lookup('/')).toBeNull();
  });

  it('follows symlinks: a link to a chosen folder is allowed, a link elsewhere is not', async () => {
    const list = new AllowList();
    await list.add(join(dir, 'chosen'), 'drop');
    await symlink(join(dir, 'chosen'), join(dir, 'to-chosen'));
    await symlink(join(dir, 'other'), join(dir, 'to-other'));
    expect(await list.lookup(join(dir, 'to-chosen'))).not.toBeNull();
    expect(await list.lookup(join(dir, 'to-other'))).toBeNull();
  });

  it('lookupWithin also accepts what lies inside a chosen folder, never a sibling sharing its prefix or a link out', async () => {
    const list = new AllowList();
    await list.add(join(dir, 'chosen'), 'drop');
    await mkdir(join(dir, 'chosen-too'));
    await symlink(join(dir, 'other'), join(dir, 'chosen/sub/escape'));
    expect(await list.lookupWithin(join(dir, 'chosen/sub'))).toBe(join(await list.add(join(dir, 'chosen'), 'drop'), 'sub'));
    expect(await list.lookupWithin(join(dir, 'chosen'))).not.toBeNull();
    expect(await list.lookupWithin(join(dir, 'chosen-too'))).toBeNull();
    expect(await list.lookupWithin(join(dir, 'chosen/sub/escape'))).toBeNull();
    expect(await list.lookupWithin(dir)).toBeNull();
    expect(await list.lookupWithin('chosen/sub')).toBeNull();
  });
});
