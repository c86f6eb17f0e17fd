// An index built on this thread keeps what it read from each manifest, not the manifest's text: a
// description read from the text must not keep all of it alive as long as the index holds the entry. And
// scans that arrive from worker threads, each batch its own copy of every string, share what they repeat.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { publishModule } from '../../../src/core/registry/index.js';
import { ScanCompactor, scanModule, type ModuleScan } from '../../../src/core/registry/index-scan.js';
import { verifyModule } from '../../../src/core/registry/verify-module.js';
import { makeModule, tempDir, threadScan } from './helpers.js';

// A full collection before each measure, so only what is still referenced counts.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const VERSIONS = 400;
const COMMENT_BYTES = 8192;
const NAME = 'long-manifests';

/** A registry of one module whose versions (copies of one published folder) each have a manifest of 8 KB, most of it a comment. */
async function registryOfLongManifests(): Promise<string> {
  const registry = join(tempDir(), 'registry');
  const dir = makeModule(join(tempDir(), 'module'), NAME, '1.0.0');
  const yaml = readFileSync(join(dir, 'promptpm.yaml'), 'utf8');
  writeFileSync(join(dir, 'promptpm.yaml'), yaml.replace('  tags: [demo]\n', `  tags: [demo]\n${`# ${'x'.repeat(62)}\n`.repeat(COMMENT_BYTES / 64)}`));
  const { published_path: published } = await publishModule(registry, dir);
  for (let i = 1; i < VERSIONS; i++) cpSync(published, join(registry, 'modules', NAME, `1.0.${i}`), { recursive: true });
  return registry;
}

/** Heap bytes in use after `read` ran and while its result is kept (run once before, apart, so its code is loaded). */
async function heapKept<T>(read: () => Promise<T>): Promise<{ kept: number; result: T }> {
  await read();
  await sleep(1);
  gc();
  const before = process.memoryUsage().heapUsed;
  const result = await read();
  await sleep(1);
  gc();
  return { kept: process.memoryUsage().heapUsed - before, result };
}

describe('an index built on this thread', () => {
  const manifestsTotal = VERSIONS * COMMENT_BYTES;

  it('keeps none of the manifests it read (rescan)', async () => {
    const registry = await registryOfLongManifests();
    const { kept, result } = await heapKept(() => scanModule({ registry, name: NAME, known: [] }));
    expect(result.versions).toHaveLength(VERSIONS);
    expect(result.entries[0]!.description).toBe(`Demo module ${NAME}`);
    expect(kept).toBeLessThan(manifestsTotal / 4);
  });

  it('keeps none of the manifests it read and hashed (verify of a registry without an index)', async () => {
    const registry = await registryOfLongManifests();
    const { kept, result } = await heapKept(() => verifyModule({ registry, name: NAME, index: true }));
    expect(result.scan!.versions).toHaveLength(VERSIONS);
    expect(result.scan!.entries[0]!.description).toBe(`Demo module ${NAME}`);
    expect(kept).toBeLessThan(manifestsTotal / 4);
  });
});

describe('scans from worker threads, compacted as they arrive', () => {
  // Batches of 64 modules, each cloned as a message between threads is.
  const arriving = (): ModuleScan[] => Array.from({ length: 40 }, (_, b) => structuredClone(Array.from({ length: 64 }, (_, k) => threadScan(b * 64 + k)))).flat();

  it('are the same scans', () => {
    const compactor = new ScanCompactor();
    const original = arriving();
    expect(original.map((s) => compactor.compact(structuredClone(s)))).toEqual(original);
  });

  it('share one dependency list among the versions of a module that depend on the same modules', () => {
    const compactor = new ScanCompactor();
    const [scanned] = structuredClone([threadScan(7)]).map((s) => compactor.compact(s));
    const lists = scanned!.entries.map((entry) => entry!.dependencies);
    expect(new Set(lists).size).toBe(1);
    expect(lists[0]).toEqual(threadScan(7).entries[0]!.dependencies);
  });

  it('take about a quarter less memory than the copies they arrived as', async () => {
    const raw = await heapKept(async () => arriving());
    const compacted = await heapKept(async () => {
      const compactor = new ScanCompactor();
      return arriving().map((s) => compactor.compact(s));
    });
    expect(compacted.result).toHaveLength(raw.result.length);
    expect(compacted.kept).toBeLessThan(raw.kept * 0.85);
  });
});
