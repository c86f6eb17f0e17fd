// A batch publish SIGKILLed at random instants (the approach of test/core/registry/crash.test.ts): whatever
// the batch had published stays, nothing else is visible, and the whole registry verifies.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_BIN } from '../cli-runner.js';
import { listRegistry, verifyRegistry } from '../../src/core/registry/index.js';
import { makeModule, tempDir, writeTree } from '../core/registry/helpers.js';

const TRIALS = 24;
const PARALLEL = 2;
const MODULES = 8;

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
}

/** When to kill: after a delay, or as soon as `path` exists (the batch's first version is visible) plus a delay. */
type Kill = { afterMs: number; once?: string } | null;

/** Runs `promptpm --registry reg publish --recursive dir --json` and kills it as `kill` says. */
function publishBatchCli(reg: string, dir: string, kill: Kill): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI_BIN, '--registry', reg, 'publish', '--recursive', dir, '--json'], { stdio: 'ignore' });
    const timers: NodeJS.Timeout[] = [];
    const arm = () => timers.push(setTimeout(() => child.kill('SIGKILL'), kill!.afterMs));
    if (kill?.once === undefined) {
      if (kill) arm();
    } else {
      const watch = setInterval(() => {
        if (!existsSync(kill.once!)) return;
        clearInterval(watch);
        arm();
      }, 1);
      timers.push(watch);
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      timers.forEach(clearTimeout);
      resolve({ code, signal, ms: Date.now() - started });
    });
  });
}

/** A folder of MODULES modules at `version`, each with enough files that kills land inside its copy too. */
function batchFolder(version: string): string {
  const dir = tempDir();
  for (let m = 0; m < MODULES; m++) {
    const mod = makeModule(join(dir, `mod-${m}`), `crash-${m}`, version);
    writeTree(mod, Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`data/part-${i}.txt`, `${i} `.repeat(2000)])));
  }
  return dir;
}

describe('batch publish under SIGKILL', () => {
  it(`leaves only whole versions after ${TRIALS} random kills, and the registry verifies`, { timeout: 120_000 }, async () => {
    const reg = join(tempDir(), 'reg');
    const calibration = await publishBatchCli(reg, batchFolder('0.0.1'), null);
    expect(calibration.code).toBe(0);
    // Two batches run at once, each slower than the calibration run alone: some are killed, some finish.
    const window = Math.max(100, calibration.ms * 2.5);

    const outcomes: Outcome[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < TRIALS) {
        const i = next++;
        const version = `1.0.${i}`;
        // Odd trials are killed once their first version is visible, so some kills surely land between modules.
        const once = i % 2 === 1 ? join(reg, 'modules', 'crash-0', version) : undefined;
        outcomes.push(await publishBatchCli(reg, batchFolder(version), { afterMs: Math.random() * (once ? 100 : window), once }));
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));

    const killed = outcomes.filter((o) => o.signal === 'SIGKILL').length;
    expect(outcomes.filter((o) => o.signal !== 'SIGKILL' && o.code !== 0)).toEqual([]);
    expect(killed).toBeGreaterThan(0);

    // Every version that became visible is whole: the registry verifies, nothing stray, the list agrees.
    const report = await verifyRegistry(reg);
    expect(report.versions.filter((v) => v.status !== 'ok')).toEqual([]);
    expect(report.stray).toEqual([]);
    const completed = outcomes.length - killed;
    expect(report.total).toBeGreaterThanOrEqual(MODULES * (1 + completed));
    expect((await listRegistry(reg)).count).toBe(report.total);
    // Some batches were cut between modules: part of their versions are there, whole.
    const perTrial = Array.from({ length: TRIALS }, (_, i) => report.versions.filter((v) => v.version === `1.0.${i}`).length);
    expect(perTrial.some((n) => n > 0 && n < MODULES)).toBe(true);
  });
});
