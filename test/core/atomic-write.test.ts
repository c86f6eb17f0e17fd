import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic, writeFileAtomicSync } from '../../src/core/atomic-write.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promptpm-atomic-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

// Both forms promise the same behaviour, so they run the same cases.
const forms = [
  ['writeFileAtomic', writeFileAtomic],
  ['writeFileAtomicSync', async (path: string, data: string, mode?: number) => writeFileAtomicSync(path, data, mode)],
] as const;

describe.each(forms)('%s', (_name, write) => {
  it('creates and then replaces the file, leaving no temp file behind', async () => {
    const file = join(dir, 'promptpm.lock');
    await write(file, 'one\n');
    await write(file, 'two\n');
    expect(await readFile(file, 'utf8')).toBe('two\n');
    expect(await readdir(dir)).toEqual(['promptpm.lock']);
  });

  it('creates a private file with mode 0o600', async () => {
    const file = join(dir, 'settings.json');
    await write(file, '{}\n', 0o600);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('fails without leaving a temp file when the rename cannot happen', async () => {
    const target = join(dir, 'taken');
    await mkdir(join(target, 'child'), { recursive: true });
    await expect(write(target, 'x')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['taken']);
  });

  it('fails without writing when the folder does not exist', async () => {
    await expect(write(join(dir, 'missing', 'f.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('writeFileAtomicSync with chunks', () => {
  it('writes each chunk in turn as it is made', async () => {
    const file = join(dir, 'index.json');
    const made: string[] = [];
    function* chunks(): Generator<string> {
      for (const chunk of ['{"a":', '[1,2]', '}\n', 'é']) {
        made.push(chunk);
        yield chunk;
      }
    }
    writeFileAtomicSync(file, chunks());
    expect(made).toHaveLength(4);
    expect(await readFile(file, 'utf8')).toBe('{"a":[1,2]}\né');
  });

  it('keeps the old file, and no temp file, when making a chunk fails halfway', async () => {
    const file = join(dir, 'index.json');
    writeFileAtomicSync(file, 'old');
    function* failing(): Generator<string> {
      yield 'new, half';
      throw new Error('encode failed');
    }
    expect(() => writeFileAtomicSync(file, failing())).toThrow('encode failed');
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['index.json']);
  });
});
