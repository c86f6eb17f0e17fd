import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/core/atomic-write.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promptpm-atomic-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('creates and then replaces the file, leaving no temp file behind', async () => {
    const file = join(dir, 'promptpm.lock');
    await writeFileAtomic(file, 'one\n');
    await writeFileAtomic(file, 'two\n');
    expect(await readFile(file, 'utf8')).toBe('two\n');
    expect(await readdir(dir)).toEqual(['promptpm.lock']);
  });

  it('creates a private file with mode 0o600', async () => {
    const file = join(dir, 'settings.json');
    await writeFileAtomic(file, '{}\n', 0o600);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('fails without leaving a temp file when the rename cannot happen', async () => {
    const target = join(dir, 'taken');
    await mkdir(join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['taken']);
  });

  it('fails without writing when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'f.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });
});
