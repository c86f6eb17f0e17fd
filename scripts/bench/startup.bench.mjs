#!/usr/bin/env node
// CLI start-up: `promptpm --version` must stay within 1.5× of `node -e 0` (issue 3). Prints the medians
// of many runs and the ratio; exits 1 when the ratio is over the target.
import { execFileSync, spawnSync } from 'node:child_process';
import { cliBin, projectRoot } from './fixtures.mjs';

const RUNS = 41;
const TARGET = 1.5;

// Measure the current sources, not a stale build.
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.cli.json'], { cwd: projectRoot, stdio: 'inherit' });

function run(args) {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

const version = run([cliBin, '--version']).trim();
if (!/^promptpm, version \d+\.\d+\.\d+/.test(version)) throw new Error(`unexpected --version output: ${version}`);

// Interleaved runs, so a change in machine load affects every command alike; medians after a warm-up.
const commands = { node: ['-e', '0'], version: [cliBin, '--version'], help: [cliBin, '--help'] };
const times = { node: [], version: [], help: [] };
for (let i = 0; i <= RUNS; i++) {
  for (const [key, args] of Object.entries(commands)) {
    const start = process.hrtime.bigint();
    run(args);
    if (i > 0) times[key].push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
const [node, cli, help] = [median(times.node), median(times.version), median(times.help)];
const ratio = cli / node;

console.log(`node -e 0            median ${node.toFixed(1)} ms (${RUNS} runs)`);
console.log(`promptpm --version   median ${cli.toFixed(1)} ms`);
console.log(`promptpm --help      median ${help.toFixed(1)} ms (loads commander)`);
console.log(`ratio --version / node: ${ratio.toFixed(2)}× (target ≤ ${TARGET}×) ${ratio <= TARGET ? 'OK' : 'OVER TARGET'}`);
process.exit(ratio <= TARGET ? 0 : 1);
