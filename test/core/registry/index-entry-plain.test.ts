// Index entries of plain manifests come from the plain YAML reader without a full YAML document; any other
// manifest still takes the full parser, with the same entry either way. Manifests are read in one call
// into a shared buffer when they fit it.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Yaml from 'yaml';
import { loadEntry } from '../../../src/core/registry/index-entry.js';
import { makeModule, tempDir } from './helpers.js';

const parsed = vi.hoisted(() => ({ documents: 0 }));
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof Yaml>();
  const parseDocument = ((...args: Parameters<typeof yaml.parseDocument>) => {
    parsed.documents++;
    return yaml.parseDocument(...args);
  }) as typeof yaml.parseDocument;
  return { ...yaml, parseDocument };
});

beforeEach(() => {
  parsed.documents = 0;
});

const ENTRY = {
  ino: 'x',
  source: 'promptpm.yaml',
  verification: 'unverified',
  description: 'Demo module demo-module',
  tags: ['demo'],
  dependencies: [],
  inputTypes: ['plain_text'],
  outputTypes: ['echoed_text'],
};

describe('index entries of YAML manifests', () => {
  it('read a plain manifest without parsing a YAML document', async () => {
    const dir = makeModule(tempDir());
    expect(await loadEntry(dir, 'x')).toMatchObject(ENTRY);
    expect(parsed.documents).toBe(0);
  });

  it('take the full parser for a manifest outside the plain subset, with the same entry', async () => {
    const dir = makeModule(tempDir());
    const manifest = join(dir, 'promptpm.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('tags: [demo]', 'tags: &t [demo]'));
    expect(await loadEntry(dir, 'x')).toMatchObject(ENTRY);
    expect(parsed.documents).toBe(1);
  });

  it('read a manifest larger than the shared read buffer whole', async () => {
    const dir = makeModule(tempDir());
    const manifest = join(dir, 'promptpm.yaml');
    // The fields come after 100 KB of comments, past the end of the buffer.
    writeFileSync(manifest, `${'# padding\n'.repeat(10_000)}${readFileSync(manifest, 'utf8')}`);
    expect(await loadEntry(dir, 'x')).toMatchObject(ENTRY);
    expect(parsed.documents).toBe(0);
  });

  it('leave a FIFO named promptpm.yaml to the module loader, without waiting on it', async () => {
    const dir = makeModule(tempDir());
    rmSync(join(dir, 'promptpm.yaml'));
    execFileSync('mkfifo', [join(dir, 'promptpm.yaml')]);
    expect(await loadEntry(dir, 'x')).toMatchObject({ description: '', tags: [], dependencies: [] });
  });

  it('share one array between versions for equal lists, so a large index holds fewer objects', async () => {
    const [a, b] = await Promise.all([loadEntry(makeModule(tempDir(), 'one-module'), 'x'), loadEntry(makeModule(tempDir(), 'other-module'), 'y')]);
    expect(a.tags).toEqual(['demo']);
    expect(a.tags).toBe(b.tags);
    expect(a.inputTypes).toBe(b.inputTypes);
    expect(a.outputTypes).toBe(b.outputTypes);
  });

  it('keep lists apart that would join alike: [] and [""], a tag holding NUL', async () => {
    const withTags = async (tags: string) => {
      const dir = makeModule(tempDir());
      const manifest = join(dir, 'promptpm.yaml');
      writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('tags: [demo]', `tags: ${tags}`));
      return (await loadEntry(dir, 'x')).tags;
    };
    expect(await withTags('[]')).toEqual([]);
    expect(await withTags('[""]')).toEqual(['']);
    expect(await withTags('["a\\0b"]')).toEqual(['a\0b']);
    expect(await withTags('[a, b]')).toEqual(['a', 'b']);
    expect(await withTags('["a\\0b"]')).toEqual(['a\0b']);
  });
});
