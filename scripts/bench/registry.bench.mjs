// Registry benchmark (issue 4): wall time of `verify` over every version via the built CLI, against
// `sha256sum` over the same files in two processes (skipped when sha256sum is not installed) — once on a
// file list made beforehand, once finding the files itself (`find | xargs -P2`, as verify must) — and of
// `list` with a cold (deleted) and a warm index. Targets on a 2-core box: verify <= 1.5x the baseline;
// warm list < 0.2 s.
// verify and its baseline run interleaved, so a change in the shared box's load hits both alike.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchRegistry, buildCli, cliBin, loadLine, medianAsyncMs, medianMs } from './fixtures.mjs';

buildCli();
const registry = benchRegistry();
const cli = (...args) => execFileSync(process.execPath, [cliBin, '--registry', registry, ...args, '--json'], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });

/** Every file of every version folder (manifests included), as verify reads them. */
function allFiles() {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(join(registry, 'modules'));
  return out;
}

/** sha256sum over `files` split between two parallel lanes (chunked to stay under ARG_MAX). */
async function sha256sumTwoLanes(files) {
  const lane = async (part) => {
    for (let i = 0; i < part.length; i += 2000) {
      await new Promise((resolve, reject) => {
        const child = spawn('sha256sum', part.slice(i, i + 2000), { stdio: ['ignore', 'ignore', 'inherit'] });
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`sha256sum exited ${code}`))));
      });
    }
  };
  const half = Math.ceil(files.length / 2);
  await Promise.all([lane(files.slice(0, half)), lane(files.slice(half))]);
}

/** The shell's way to hash a tree with two processes: the walk is part of the work, as it is for verify. */
function findXargsSha256sum() {
  execFileSync('sh', ['-c', 'find "$1" -type f -print0 | xargs -0 -P2 -n 5000 sha256sum > /dev/null', 'sh', join(registry, 'modules')]);
}

const fmt = (ms) => `${(ms / 1000).toFixed(3)} s`;
const indexFile = join(registry, '.promptpm', 'index.json');

console.log(`before: ${loadLine()}`);
const coldList = medianMs(() => {
  rmSync(indexFile, { force: true });
  cli('list');
}, { runs: 1, warm: false });
const warmList = medianMs(() => cli('list'), { runs: 7 });

const files = allFiles();
const hasSha256sum = spawnSync('sha256sum', ['--version'], { stdio: 'ignore' }).status === 0;
const verifyRuns = [];
const baselineRuns = [];
const walkingRuns = [];
cli('verify');
for (let i = 0; i < 5; i++) {
  verifyRuns.push(medianMs(() => cli('verify'), { runs: 1, warm: false }));
  if (hasSha256sum) baselineRuns.push(await medianAsyncMs(() => sha256sumTwoLanes(files), 1));
  if (hasSha256sum) walkingRuns.push(medianMs(findXargsSha256sum, { runs: 1, warm: false }));
}
const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
const verify = median(verifyRuns);
const baseline = hasSha256sum ? median(baselineRuns) : null;
const walking = hasSha256sum ? median(walkingRuns) : null;

console.log(`registry: ${registry} (${files.length} files), after: ${loadLine()}`);
console.log(`list, cold index:  ${fmt(coldList)}   (builds the index: every manifest parsed, on worker threads)`);
console.log(`list, warm index:  ${fmt(warmList)}   target < 0.200 s`);
console.log(`verify (all):      ${fmt(verify)}`);
if (baseline === null) console.log('sha256sum x2:      not installed, baseline skipped');
else {
  console.log(`sha256sum x2:      ${fmt(baseline)}   verify/baseline = ${(verify / baseline).toFixed(2)} (files listed beforehand; target <= 1.5)`);
  console.log(`find|xargs -P2 sha256sum: ${fmt(walking)}   verify/baseline = ${(verify / walking).toFixed(2)} (finding the files included; target <= 1.5)`);
}
