// Shared by the benchmarks: generates (once, then reuses) the 10k-module registry of the issues with
// scripts/generate-registry.mjs, under .bench/ in the project.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const cliBin = join(projectRoot, 'bin/promptpm.cjs');

/** Path of a generated registry with `modules` × `versions`; built on first use. */
export function benchRegistry({ modules = 10000, versions = 3 } = {}) {
  const dir = join(projectRoot, '.bench', `registry-${modules}x${versions}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  const generator = join(projectRoot, 'scripts/generate-registry.mjs');
  execFileSync(process.execPath, [generator, '--out', dir, '--modules', String(modules), '--versions', String(versions)], { stdio: 'inherit' });
  execFileSync('touch', [join(dir, '.complete')]);
  return dir;
}

/** Compiles the CLI (out/cli), so a benchmark measures the current sources, not a stale build. */
export function buildCli() {
  execFileSync(process.execPath, [join(projectRoot, 'scripts/build-cli.mjs')], { stdio: 'inherit' });
}

/** The 1-minute load average, printed beside figures: the box is shared and timings move with it. */
export const loadLine = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;

/** Median wall time in ms of `fn` over `runs` runs (after one warm-up unless warm is false). */
export function medianMs(fn, { runs = 5, warm = true } = {}) {
  if (warm) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Median wall time in ms of the async `fn` over `runs` runs, after one warm-up. */
export async function medianAsyncMs(fn, runs = 5) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * The manifest of a bench module with one input, `document` (placeholder of its template): `extra` is YAML
 * appended at the top level (dependencies:, tests:).
 */
export function benchManifest({ name, version, description, tags = null, extra = '' }) {
  return `module:
  name: ${name}
  version: ${version}
  description: ${description}
${tags ? `  tags: [${tags.join(', ')}]\n` : ''}prompt:
  template: template.prompt
  placeholders: [document]
interface:
  intent: Summarize a document.
  inputs:
    - { name: document, type: plain_text, description: Source text, required: true }
  outputs:
    - { type: summary, description: A summary }
${extra}`;
}
