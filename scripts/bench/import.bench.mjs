#!/usr/bin/env node
// Batch publish benchmark (issue 12): 1,000 small modules (a manifest with one test, a template) published by
// `promptpm publish --recursive <dir> --json` into a fresh registry, end to end through the built CLI (each
// module validated, tested, copied with every file and folder fsynced, renamed under its lock; the index
// updated once). Prints modules/s and the ratio to `cp -r` of the same folders, which writes the same bytes
// without checking or syncing anything. Profiled: checking (load, validate, test) is about 5 ms a module; the
// rest is the eight fsyncs each version's crash safety needs (its files, the manifest, the staging folder, the
// lock, the two folders the rename touches), about two thirds of the wall time on a shared virtual disk.
// Target on a 2-core box: at least 25 modules/s (a regression guard: a reload or index rebuild per module
// would fall below it).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchManifest, buildCli, cliBin, loadLine } from './fixtures.mjs';

const MODULES = 1000;
const RUNS = 3;
const TARGET_PER_S = 25;

const manifest = (i) =>
  benchManifest({
    name: `bench-${i}`,
    version: `1.0.${i % 7}`,
    description: `Small module number ${i}`,
    tags: ['bench'],
    extra: `tests:
  - name: mentions-document
    inputs: { document: hello ${i} }
    assertions:
      - contains: "hello ${i}"
`,
  });

buildCli();
const root = mkdtempSync(join(tmpdir(), 'promptpm-bench-import-'));
const source = join(root, 'modules');
for (let i = 0; i < MODULES; i++) {
  const dir = join(source, `module-${String(i).padStart(4, '0')}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'promptpm.yaml'), manifest(i));
  writeFileSync(join(dir, 'template.prompt'), `Summarize (${i}):\n{{document}}\n`);
}

/** Median wall time in ms of `fn(run)` over RUNS runs, each into a fresh target. */
function median(fn) {
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    fn(run);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

const copyMs = median((run) => execFileSync('cp', ['-r', source, join(root, `copy-${run}`)]));
const publishMs = median((run) => {
  const out = spawnSync(process.execPath, [cliBin, '--registry', join(root, `registry-${run}`), 'publish', '--recursive', source, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const data = out.status === 0 ? JSON.parse(out.stdout).data : null;
  if (data?.published !== MODULES) throw new Error(`publish --recursive failed (${out.status}): ${out.stdout.slice(0, 500)}${out.stderr}`);
});

const perSecond = MODULES / (publishMs / 1000);
console.log(loadLine());
console.log(`${MODULES} modules, median of ${RUNS} runs`);
console.log(`  cp -r:                   ${copyMs.toFixed(0)} ms`);
console.log(`  publish --recursive:     ${publishMs.toFixed(0)} ms, ${perSecond.toFixed(0)} modules/s ${perSecond >= TARGET_PER_S ? '(ok' : '(SLOW'}, target ≥ ${TARGET_PER_S})`);
console.log(`  ratio to cp -r:          ${(publishMs / copyMs).toFixed(1)}×`);
rmSync(root, { recursive: true, force: true });
if (perSecond < TARGET_PER_S) process.exitCode = 1;
