#!/usr/bin/env node
// Version comparison benchmark (issue 11): a module whose template is 2 MB (40,000 lines), published as 1.0.0,
// 1.1.0 (every 100th line edited: 400 lines diffed exactly, with their word changes) and 2.0.0 (every line
// rewritten: past the edit budget, shown as a whole-file replace). Prints the core's diffVersions (both
// versions verified, then compared) and `promptpm diff --json` end to end through the built CLI.
// Targets on a 2-core box: core < 1 s and CLI < 2 s for each pair.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchManifest, buildCli, cliBin, loadLine, medianAsyncMs, projectRoot } from './fixtures.mjs';

buildCli();
const { publishModule } = await import(join(projectRoot, 'out/cli/core/registry/index.js'));
const { diffVersions } = await import(join(projectRoot, 'out/cli/core/diff/index.js'));

const LINES = 40000;
const line = (i, word) => `Line ${String(i).padStart(5, '0')} of the long template: ${word} {{document}}`;
const templates = {
  '1.0.0': (i) => line(i, 'plain'),
  '1.1.0': (i) => line(i, i % 100 === 0 ? 'edited' : 'plain'),
  '2.0.0': (i) => `Rewritten ${i}: nothing old is left {{document}}`,
};

const root = mkdtempSync(join(tmpdir(), 'promptpm-bench-diff-'));
const registry = join(root, 'registry');
for (const [version, lineOf] of Object.entries(templates)) {
  const dir = join(root, version);
  spawnSync('mkdir', ['-p', dir]);
  const text = Array.from({ length: LINES }, (_, i) => `${lineOf(i)}\n`).join('');
  if (version === '1.0.0') console.log(`template: ${(text.length / 1e6).toFixed(2)} MB, ${LINES} lines`);
  writeFileSync(join(dir, 'template.prompt'), text);
  writeFileSync(
    join(dir, 'promptpm.yaml'),
    benchManifest({ name: 'long-template', version, description: 'A module with a 2 MB template' }),
  );
  await publishModule(registry, dir);
}

const cli = (a, b) => {
  const run = spawnSync(process.execPath, [cliBin, 'diff', `long-template@${a}`, `long-template@${b}`, '--registry', registry, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`diff failed (${run.status}): ${run.stdout.slice(0, 500)}${run.stderr}`);
  return JSON.parse(run.stdout).data;
};
const verdict = (ms, target) => `${ms.toFixed(1)} ms ${ms < target ? '(ok, target < ' : '(SLOW, target < '}${target} ms)`;

console.log(loadLine());
let slow = false;
for (const [a, b, label] of [
  ['1.0.0', '1.1.0', 'scattered edits'],
  ['1.0.0', '2.0.0', 'rewritten     '],
]) {
  const result = await diffVersions(registry, 'long-template', a, b);
  const template = result.files.changes.find((c) => c.path === 'template.prompt');
  const coreMs = await medianAsyncMs(() => diffVersions(registry, 'long-template', a, b));
  const cliMs = await medianAsyncMs(async () => cli(a, b), 3);
  console.log(`${label} ${a} → ${b}: ${template.content}, +${template.insertions} -${template.deletions}, ${template.hunks.length} hunks`);
  console.log(`  core diffVersions:  ${verdict(coreMs, 1000)}`);
  console.log(`  CLI diff --json:    ${verdict(cliMs, 2000)}`);
  slow ||= coreMs >= 1000 || cliMs >= 2000;
}
rmSync(root, { recursive: true, force: true });
if (slow) process.exitCode = 1;
