#!/usr/bin/env node
// Resolution benchmark (issue 6): in the 10k-module registry, a module depending on module-09999@1.2.0
// (a closure of about 700 modules in the generator's default registry). Prints resolve time (the solve over the index, cold and warm, and
// with the index read; target < 0.3 s) and end-to-end `install` through the built CLI, integrity checks
// included (target < 1 s).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchManifest, benchRegistry, cliBin, medianAsyncMs, projectRoot } from './fixtures.mjs';

execFileSync(process.execPath, [join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', join(projectRoot, 'tsconfig.cli.json')], { stdio: 'inherit' });
const { readIndex } = await import(join(projectRoot, 'out/cli/core/registry/index.js'));
const { solveDependencies } = await import(join(projectRoot, 'out/cli/core/resolve/solve.js'));
const { indexSource } = await import(join(projectRoot, 'out/cli/core/resolve/registry-source.js'));

const registry = benchRegistry();
const moduleDir = mkdtempSync(join(tmpdir(), 'promptpm-bench-resolve-'));
writeFileSync(join(moduleDir, 'template.prompt'), 'Summarize {{document}}.\n');
writeFileSync(
  join(moduleDir, 'promptpm.yaml'),
  benchManifest({
    name: 'bench-app',
    version: '1.0.0',
    description: 'Depends on the deepest module of the bench registry',
    extra: 'dependencies:\n  - { name: module-09999, version: 1.2.0 }\n',
  }),
);
const root = { name: 'bench-app', version: '1.0.0', dependencies: [{ name: 'module-09999', range: '1.2.0' }] };

const coldStart = process.hrtime.bigint();
let index = await readIndex(registry);
const firstIndexMs = Number(process.hrtime.bigint() - coldStart) / 1e6;
const timed = async (fn) => {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
};
// The first solve in this process runs unoptimized code, as every CLI run does.
const cold = await timed(() => solveDependencies(indexSource(index), root));
const closure = cold.value.versions.size - 1;
const indexMs = await medianAsyncMs(async () => (index = await readIndex(registry)));
const solveMs = await medianAsyncMs(() => solveDependencies(indexSource(index), root));
const resolveMs = await medianAsyncMs(async () => solveDependencies(indexSource(await readIndex(registry)), root));

const install = async (extra) => {
  const run = spawnSync(process.execPath, [cliBin, 'install', moduleDir, '--registry', registry, '--json', ...extra], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`install failed (${run.status}): ${run.stdout}${run.stderr}`);
};
const installMs = await medianAsyncMs(() => install([]));
const frozenMs = await medianAsyncMs(() => install(['--frozen']));
rmSync(moduleDir, { recursive: true, force: true });

const verdict = (ms, target) => `${ms.toFixed(1)} ms ${ms < target ? '(ok, target < ' : '(SLOW, target < '}${target} ms)`;
console.log(`closure:                  ${closure} modules`);
console.log(`first index read:         ${firstIndexMs.toFixed(1)} ms (builds the cache when it is missing or stale)`);
console.log(`index read (warm):        ${indexMs.toFixed(1)} ms`);
console.log(`solve (cold, first run):  ${verdict(cold.ms, 300)}`);
console.log(`solve (warm):             ${solveMs.toFixed(1)} ms`);
console.log(`resolve (index + solve):  ${verdict(resolveMs, 300)}`);
console.log(`install end to end (CLI): ${verdict(installMs, 1000)}`);
console.log(`install --frozen (CLI):   ${verdict(frozenMs, 1000)}`);
if (cold.ms >= 300 || installMs >= 1000) process.exitCode = 1;
