// Crash safety (§4): the CLI publishing is SIGKILLed at random instants, hundreds of times, into one
// registry. Afterwards no version may be partially visible and the whole registry must verify.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_BIN } from '../../cli-runner.js';
import { listRegistry, publishModule, verifyRegistry } from '../../../src/core/registry/index.js';
import { makeModule, tempDir, writeTree } from './helpers.js';

const TRIALS = 200;
const PARALLEL = 4;

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
}

/** Runs `promptpm --registry reg publish mod --json`, killing it after `killAfterMs` (never if null). */
function publishCli(reg: string, mod: string, killAfterMs: number | null): Promise<Outcome & { ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI_BIN, '--registry', reg, 'publish', mod, '--json'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, ms: Date.now() - started });
    });
  });
}

/** A module with enough files that the copy phase takes a while, so kills land inside it too. */
function bigModule(version: string): string {
  const mod = makeModule(tempDir(), 'crash-module', version);
  writeTree(mod, Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`data/part-${String(i).padStart(2, '0')}.txt`, `${i} `.repeat(4000)])));
  return mod;
}

describe('publish under SIGKILL', () => {
  it(`leaves no partial version after ${TRIALS} random kills, and the registry verifies`, { timeout: 120_000 }, async () => {
    const reg = join(tempDir(), 'reg');
    const calibration = await publishCli(reg, bigModule('0.0.1'), null);
    expect(calibration.code).toBe(0);
    const window = Math.max(50, calibration.ms * 1.3);

    const outcomes: Outcome[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < TRIALS) {
        const i = next++;
        outcomes.push(await publishCli(reg, bigModule(`1.0.${i}`), Math.random() * window));
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));

    const killed = outcomes.filter((o) => o.signal === 'SIGKILL').length;
    const published = outcomes.filter((o) => o.code === 0).length;
    // Any run that was neither killed nor successful must say why; there should be none.
    expect(outcomes.filter((o) => o.signal !== 'SIGKILL' && o.code !== 0)).toEqual([]);
    expect(killed + published).toBe(TRIALS);
    expect(killed).toBeGreaterThan(0);

    // Every version folder that became visible is complete: the whole registry verifies.
    const report = await verifyRegistry(reg);
    expect(report.versions.filter((v) => v.status !== 'ok')).toEqual([]);
    expect(report.stray).toEqual([]);
    expect(report.total).toBeGreaterThanOrEqual(1 + published);
    expect((await listRegistry(reg)).count).toBe(report.total);

    // The next publish recovers stale locks and removes the staging left by the dead publishers.
    await publishModule(reg, bigModule('2.0.0'));
    expect(readdirSync(join(reg, '.promptpm', 'staging'))).toEqual([]);
    expect((await verifyRegistry(reg)).ok).toBe(report.total + 1);
  });
});
