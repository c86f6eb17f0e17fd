// The worker-thread path. Tests run the TypeScript sources, where no worker script is named and everything
// runs in-process; these tests load the CLI's build (made by test/global-setup.ts), name its
// registry-worker.js as the CLI's entry does, and check the threads give exactly the in-process answers.
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import * as source from '../../../src/core/registry/index.js';
import { serializeManifest } from '../../../src/core/registry/manifest.js';
import type * as IndexScanModule from '../../../src/core/registry/index-scan.js';
import type { ModuleScan, ModuleScanJob } from '../../../src/core/registry/index-scan.js';
import type * as PoolModule from '../../../src/core/registry/pool.js';
import type * as VerifyOneModule from '../../../src/core/registry/verify-one.js';
import type * as WorkerScriptModule from '../../../src/core/registry/worker-script.js';
import type { PackedVerification, VerifyJob } from '../../../src/core/registry/verify-one.js';
import { makeModule, tempDir } from './helpers.js';

const builtDir = join(import.meta.dirname, '../../../out/cli/core/registry');
// The build is CommonJS: loaded with Node's own require, its modules share one instance each.
const built = (rel: string): unknown => createRequire(import.meta.url)(join(builtDir, rel));
const MODULES = 80;

/** A registry of MODULES published modules (more than the pool runs in-process), written directly. */
function bigRegistry(): string {
  const reg = join(tempDir(), 'reg');
  for (let i = 0; i < MODULES; i++) {
    const name = `mod-${String(i).padStart(3, '0')}`;
    const dir = join(reg, 'modules', name, '1.0.0');
    mkdirSync(dir, { recursive: true });
    makeModule(dir, name, '1.0.0', { 'tests/data.txt': `data ${i}\n` });
    const files = ['promptpm.yaml', 'template.prompt', 'tests/data.txt'].map((path) => ({
      path,
      sha256: createHash('sha256').update(readFileSync(join(dir, path))).digest('hex'),
    }));
    writeFileSync(join(dir, '.promptpm_immutable.json'), serializeManifest({ algorithm: 'sha256', files, name, version: '1.0.0' }));
  }
  return reg;
}

const workerScript = (): typeof WorkerScriptModule => built('worker-script.js') as typeof WorkerScriptModule;

describe('worker threads (compiled build)', () => {
  beforeAll(() => {
    workerScript().useRegistryWorker(join(builtDir, 'registry-worker.js'));
    expect(workerScript().registryWorkerScript()).not.toBeNull();
  });

  it('runs large batches on the threads, never in-process, sending an intact version back as its manifest hash', async () => {
    const { TaskPool } = built('pool.js') as typeof PoolModule;
    const { unpackVerification } = built('verify-one.js') as typeof VerifyOneModule;
    const reg = bigRegistry();
    const jobs: VerifyJob[] = Array.from({ length: MODULES }, (_, i) => {
      const name = `mod-${String(i).padStart(3, '0')}`;
      return { dir: join(reg, 'modules', name, '1.0.0'), name, version: '1.0.0' };
    });
    const pool = new TaskPool();
    const seen: number[] = [];
    try {
      const inProcess = (): never => {
        throw new Error('ran in-process');
      };
      const run = await pool.run<VerifyJob, PackedVerification>('verify', inProcess, jobs, (_, i) => seen.push(i));
      expect(run.cancelled).toBe(false);
      expect(seen.sort((a, b) => a - b)).toEqual(jobs.map((_, i) => i));
      const manifestHash = (job: VerifyJob): string => createHash('sha256').update(readFileSync(join(job.dir, '.promptpm_immutable.json'))).digest('hex');
      expect(run.results).toEqual(jobs.map(manifestHash));
      expect(unpackVerification(jobs[3]!, run.results[3]!)).toEqual({
        name: jobs[3]!.name,
        version: '1.0.0',
        status: 'ok',
        changed: [],
        missing: [],
        extra: [],
        manifestSha256: manifestHash(jobs[3]!),
      });
    } finally {
      pool.close();
    }
  });

  it('verifies and lists exactly like the in-process code, tampering and stray entries included', async () => {
    const compiled = built('index.js') as typeof source;
    const reg = bigRegistry();
    appendFileSync(join(reg, 'modules', 'mod-007', '1.0.0', 'template.prompt'), 'tampered');
    writeFileSync(join(reg, 'modules', 'mod-011', '1.0.0', 'extra.txt'), 'x');
    mkdirSync(join(reg, 'modules', 'mod-012', '1.0.0.tmp'));
    const threads = await compiled.verifyRegistry(reg);
    expect(threads).toMatchObject({ total: MODULES, ok: MODULES - 2, tampered: 2, stray: ['modules/mod-012/1.0.0.tmp'] });
    expect(threads.versions.find((v) => v.name === 'mod-007')).toMatchObject({ changed: ['template.prompt'] });
    expect(threads.versions.find((v) => v.name === 'mod-011')).toMatchObject({ extra: ['extra.txt'] });
    // The cold index was built on the threads by that verify; list and readIndex must match a fresh in-process build.
    const viaThreads = { list: await compiled.listRegistry(reg), index: await compiled.readIndex(reg) };
    const copy = join(tempDir(), 'copy');
    cpSync(reg, copy, { recursive: true });
    rmSync(join(copy, '.promptpm'), { recursive: true });
    expect(await source.verifyRegistry(copy)).toEqual({ ...threads, registry_path: copy });
    const inProcess = await source.readIndex(copy);
    expect(viaThreads.index).toEqual(inProcess);
    expect(viaThreads.list.packages).toEqual((await source.listRegistry(copy)).packages);
  });

  it('lets a host main thread share the batches with the threads, with the same results', async () => {
    const { TaskPool, batchesOf } = built('pool.js') as typeof PoolModule;
    const { verifyPacked } = built('verify-one.js') as typeof VerifyOneModule;
    const reg = bigRegistry();
    // Two batches go to each thread before the main thread takes the next; the rest is shared.
    const threads = Math.max(1, availableParallelism() - 1);
    const jobs: VerifyJob[] = Array.from({ length: (2 * threads + 2) * 64 }, (_, i) => {
      const name = `mod-${String(i % MODULES).padStart(3, '0')}`;
      return { dir: join(reg, 'modules', name, '1.0.0'), name, version: '1.0.0' };
    });
    workerScript().useRegistryWorker(join(builtDir, 'registry-worker.js'), { shareMainThread: true });
    const pool = new TaskPool();
    try {
      let onMain = 0;
      const run = await pool.run<VerifyJob, PackedVerification>('verify', (job) => (onMain++, verifyPacked(job)), jobs, () => undefined);
      // The threads' first batches are handed out before the main thread takes any: it never runs those.
      const next = batchesOf(jobs.length, threads + 1);
      let upFront = 0;
      for (let k = 0; k < 2 * threads; k++) upFront = next()!.end;
      expect(onMain).toBeGreaterThanOrEqual(1);
      expect(onMain).toBeLessThanOrEqual(jobs.length - upFront);
      expect(run.results).toEqual(jobs.map((job) => verifyPacked(job)));
      // Results only handed out (`keep` false): the run keeps none, and each reaches onResult once.
      const handed: PackedVerification[] = [];
      const unkept = await pool.run<VerifyJob, PackedVerification>('verify', verifyPacked, jobs, (r, i) => (handed[i] = r), undefined, false);
      expect(unkept.results).toEqual([]);
      expect(handed).toEqual(run.results);
      // A cancel from inside onResult ends the run there, on the main thread's lane too.
      const ctl = new AbortController();
      let calls = 0;
      const cancelled = await new TaskPool().run<VerifyJob, PackedVerification>('verify', verifyPacked, jobs, () => (calls++, ctl.abort()), ctl.signal);
      expect(cancelled.cancelled).toBe(true);
      expect(calls).toBe(1);
      expect(cancelled.results.filter((r) => r !== undefined)).toHaveLength(1);
    } finally {
      pool.close();
      workerScript().useRegistryWorker(join(builtDir, 'registry-worker.js'));
    }
  });

  it('leaves an index build of up to 1,500 modules to a sharing main thread alone, and shares a larger one', async () => {
    const { TaskPool, inProcessMax } = built('pool.js') as typeof PoolModule;
    const { scanModule } = built('index-scan.js') as typeof IndexScanModule;
    const reg = bigRegistry();
    const jobsOf = (n: number): ModuleScanJob[] => Array.from({ length: n }, (_, i) => ({ registry: reg, name: `mod-${String(i % MODULES).padStart(3, '0')}`, known: [] }));
    const onMainOf = async (n: number): Promise<number> => {
      const pool = new TaskPool();
      try {
        let onMain = 0;
        const run = await pool.run<ModuleScanJob, ModuleScan>('index', (job) => (onMain++, scanModule(job)), jobsOf(n), () => undefined);
        expect(run.results.map((r) => r?.versions)).toEqual(jobsOf(n).map(() => ['1.0.0']));
        return onMain;
      } finally {
        pool.close();
      }
    };
    // A host whose main thread does not share (the app) keeps it free from 65 jobs on.
    expect(inProcessMax('index')).toBe(64);
    workerScript().useRegistryWorker(join(builtDir, 'registry-worker.js'), { shareMainThread: true });
    try {
      expect(inProcessMax('index')).toBe(1500);
      expect(await onMainOf(1500)).toBe(1500);
      expect(await onMainOf(1501)).toBeLessThan(1501);
    } finally {
      workerScript().useRegistryWorker(join(builtDir, 'registry-worker.js'));
    }
  });
});

describe('batchesOf', () => {
  it('hands out every job once, in order, in batches that shrink from 64 to 8 as the queue empties', async () => {
    const { batchesOf } = await import('../../../src/core/registry/pool.js');
    for (const [total, lanes] of [[1099, 2], [256, 2], [30000, 4], [9, 3], [1, 2]] as const) {
      const next = batchesOf(total, lanes);
      const sizes: number[] = [];
      let end = 0;
      for (let b = next(); b !== null; b = next()) {
        expect(b.start).toBe(end);
        end = b.end;
        sizes.push(b.end - b.start);
      }
      expect(end).toBe(total);
      expect(sizes.every((n, i) => n <= 64 && (i === 0 || n <= sizes[i - 1]!))).toBe(true);
      // Only the last batch may be smaller than 8: it is what is left.
      expect(sizes.slice(0, -1).every((n) => n >= 8)).toBe(true);
    }
    const install = batchesOf(1099, 2);
    const sizes: number[] = [];
    for (let b = install(); b !== null; b = install()) sizes.push(b.end - b.start);
    expect(sizes.slice(0, 12)).toEqual(Array(12).fill(64));
    expect(sizes.at(-2)).toBe(8);
  });
});
