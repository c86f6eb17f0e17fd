#!/usr/bin/env node
// Version comparison in the app (issue 11): time from opening the comparison of a module with a 2 MB template
// to the first changed words painted, in the browser harness (built renderer in Chromium, the real main-side
// handlers and the app's registry worker). The figure is what test/e2e/diff-large.spec.ts prints; this runs
// that spec a few times and reports min/median. The harness carries results as JSON through Playwright
// bindings, which is slower than Electron's IPC on 4 MB of text, so the app itself paints sooner.
import { spawnSync } from 'node:child_process';
import { projectRoot } from './fixtures.mjs';

const RUNS = 3;
const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: projectRoot, stdio: 'ignore' });
if (build.status !== 0) {
  console.error('diff-app: electron-vite build failed');
  process.exit(1);
}
const figures = [];
for (let run = 0; run < RUNS; run++) {
  const spec = spawnSync('npx', ['playwright', 'test', 'test/e2e/diff-large.spec.ts', '--project=chromium-harness', '--reporter=line'], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  const match = /time to first paint of a 2 MB template comparison: (\d+) ms/.exec(spec.stdout);
  if (spec.status !== 0 || !match) {
    console.error(`diff-app: the spec failed (exit ${spec.status})\n${spec.stdout}\n${spec.stderr}`);
    process.exit(1);
  }
  figures.push(Number(match[1]));
}
figures.sort((a, b) => a - b);
console.log(`first paint of a 2 MB template comparison (harness, ${RUNS} runs): min ${figures[0]} ms, median ${figures[Math.floor(RUNS / 2)]} ms`);
