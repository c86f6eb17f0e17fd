#!/usr/bin/env node
// Issue 15's table — the first open of a big registry — on the generated 1k- and 10k-module registries
// (3 versions each): every row beside its reference measured in the same run, command and reference run in
// turn (A B A B …) so a change in the shared machine's load hits both alike, with min/median of each and
// the median of the pairwise ratios, and how each figure grows from 1k to 10k modules.
// Cold rows run on a fresh copy of the registry (no .promptpm/), the page cache warm: the copy was just
// written, and each run deletes .promptpm/ again. Peak RSS is the CLI process's own maximum (threads included).
// A warm list prints the listing text kept in .promptpm/list.json; the row after it deletes that file before
// each run, as the first list after a change (a verify, a publish) finds it retired: index read, text made again.
// Opt-in, as it takes minutes: PROMPTPM_BENCH_30K=<registry folder> (e.g. one made by
// `scripts/generate-registry.mjs --modules 30000 --versions 3`) adds the peak RSS of a never-opened list and
// a first verify on a fresh copy of it, so the memory line shows 1k → 10k → 30k modules.
// The earlier Python PromptPM is not installed on this machine, so its rows are compared with the shell
// references that are; its figures, where shown, are scaled from the issue's measurements on this machine.
// Opt-in: PROMPTPM_BENCH_BASELINE=<revision> also runs this project as it was at <revision> (the build the
// issue measured beside the earlier tool: 4a4f9c2) paired with this one on the 10k registry, and turns the
// issue's ratios between the two tools into "× the earlier tool" for this run's machine state.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineCli } from './baseline.mjs';
import { benchRegistry, buildCli, cliBin, loadLine, projectRoot } from './fixtures.mjs';

const SIZES = [1000, 10000];
const RUNS = 5;
// From issue 15, on this machine and the 10k registry: where `find … | xargs -P2 cat` took 1.1 s, the earlier
// tool's list (it hashes every file) took 9.2 s and its install 0.75 s × 8.8. Scaled by the reference
// measured in this run, they stand in for the earlier tool on the 10k registry.
const CAT_ISSUE_S = 1.1;
const EARLIER_LIST_S = 9.2;
const EARLIER_INSTALL_S = 0.75 * 8.8;
// The issue's ratios of the earlier tool to the project as it was then (its "now" column): list never
// opened 9.2 s to 9.2 s, warm list 9.2 s to 0.24–0.28 s, install 8.8×.
const EARLIER_PER_BASELINE = { coldList: 9.2 / 9.2, warmList: 9.2 / 0.26, install: 8.8 };
const baselineRevision = process.env.PROMPTPM_BENCH_BASELINE;

buildCli();
const { listRegistry } = await import(join(projectRoot, 'out/cli/core/registry/index.js'));
const { useRegistryWorker } = await import(join(projectRoot, 'out/cli/core/registry/worker-script.js'));
// As the app runs it: worker threads, the main thread kept free.
useRegistryWorker(join(projectRoot, 'out/cli/core/registry/registry-worker.js'));

const probe = join(projectRoot, '.bench', 'rss-probe.cjs');
mkdirSync(join(projectRoot, '.bench'), { recursive: true });
writeFileSync(probe, "process.on('exit', () => process.stderr.write(`\\nmaxrss-kb ${process.resourceUsage().maxRSS}\\n`));\n");

/** One run of a command: wall ms, and peak RSS in MiB for the CLI (null for shell references). */
function once(command) {
  command.before?.();
  const start = process.hrtime.bigint();
  const run = spawnSync(command.file, command.args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${command.label} exited ${run.status}: ${run.stderr}`);
  const rss = /maxrss-kb (\d+)/.exec(run.stderr ?? '');
  return { ms, rssMiB: rss ? Number(rss[1]) / 1024 : null };
}

const cli = (label, registry, args, before, bin = cliBin) => ({ label, file: process.execPath, args: ['--require', probe, bin, '--registry', registry, ...args, '--json'], before });
const shell = (label, script, dir) => ({ label, file: 'sh', args: ['-c', script, 'sh', dir] });
const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const min = (xs) => Math.min(...xs);

/** `a` and its reference `b` in turn, after one warm-up of each. */
function paired(a, b) {
  once(a);
  if (b) once(b);
  const out = { a: [], b: [], ratios: [], rss: [] };
  for (let i = 0; i < RUNS; i++) {
    const ra = once(a);
    out.a.push(ra.ms);
    if (ra.rssMiB !== null) out.rss.push(ra.rssMiB);
    if (b) {
      const rb = once(b);
      out.b.push(rb.ms);
      out.ratios.push(ra.ms / rb.ms);
    }
  }
  return out;
}

const s = (ms) => `${(ms / 1000).toFixed(3)} s`;
const span = (xs) => `${s(min(xs))} / ${s(median(xs))}`;

/** A copy of `registry` without .promptpm/, its files fresh in the page cache. */
function freshCopy(registry, modules) {
  const dir = join(projectRoot, '.bench', `first-open-${modules}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(registry, 'modules'), join(dir, 'modules'), { recursive: true });
  return dir;
}

/** The app's first view of a never-opened registry, in core as the app calls it: when the module names are known (the index build's first progress), and when every row is complete. */
async function appFirstRows(dir) {
  const names = [];
  const complete = [];
  for (let i = 0; i <= RUNS; i++) {
    rmSync(join(dir, '.promptpm'), { recursive: true, force: true });
    const start = process.hrtime.bigint();
    let known = null;
    await listRegistry(dir, { onProgress: () => (known ??= Number(process.hrtime.bigint() - start) / 1e6) });
    const total = Number(process.hrtime.bigint() - start) / 1e6;
    if (i === 0) continue;
    names.push(known ?? total);
    complete.push(total);
  }
  return { names, complete };
}

const installDir = join(projectRoot, '.bench', 'first-open-install');
rmSync(installDir, { recursive: true, force: true });
mkdirSync(installDir, { recursive: true });
writeFileSync(join(installDir, 'template.prompt'), 'Summarize {{document}}.\n');
// The issue measured an install whose closure is about 1,100 modules: on the 10k registry, the closure of its
// four highest-numbered modules (1,099).
const INSTALL_ROOTS = 4;
const installManifest = (tops) => `module:
  name: bench-app
  version: 1.0.0
  description: Depends on the highest-numbered modules of the bench registry
prompt:
  template: template.prompt
  placeholders: [document]
interface:
  intent: Summarize a document.
  inputs:
    - { name: document, type: technical_document, description: Source text, required: true }
  outputs:
    - { type: structured_summary, description: Summary }
dependencies:
${tops.map((top) => `  - { name: ${top}, version: 1.2.0 }`).join('\n')}
`;

const hasSha = hasCommand('sha256sum');
const baselineBin = baselineRevision ? baselineCli(baselineRevision) : null;
const rows = new Map();
console.log(`before: ${loadLine()}; ${RUNS} runs of each command after a warm-up, in turn with its reference`);
for (const modules of SIZES) {
  const registry = benchRegistry({ modules, versions: 3 });
  const copy = freshCopy(registry, modules);
  const dropIndex = () => rmSync(join(copy, '.promptpm'), { recursive: true, force: true });
  const cat = shell('find|xargs -P2 cat', 'find "$1/modules" -name promptpm.yaml | xargs -P2 cat > /dev/null', copy);
  const sha = shell('find|xargs -P2 sha256sum', 'find "$1/modules" -type f -print0 | xargs -0 -P2 -n 5000 sha256sum > /dev/null', copy);
  const r = {};
  r.coldList = paired(cli('list, never opened', copy, ['list'], dropIndex), cat);
  r.firstVerify = hasSha ? paired(cli('verify, never opened', copy, ['verify'], dropIndex), sha) : paired(cli('verify, never opened', copy, ['verify'], dropIndex), null);
  r.warmList = paired(cli('list, warm', copy, ['list']), cat);
  // The first list after a change (a verify, a publish) reads the index and makes its listing text again.
  const dropText = () => rmSync(join(copy, '.promptpm', 'list.json'), { force: true });
  r.afterChange = paired(cli('list, warm, text made again', copy, ['list'], dropText), cat);
  const tops = Array.from({ length: INSTALL_ROOTS }, (_, i) => `module-${String(modules - 1 - i).padStart(5, '0')}`);
  writeFileSync(join(installDir, 'promptpm.yaml'), installManifest(tops));
  const installWith = (bin, registry) => ({ label: 'install', file: process.execPath, args: [bin, 'install', installDir, '--registry', registry, '--json'] });
  r.install = paired(installWith(cliBin, copy), cat);
  const lock = JSON.parse(readFileSync(join(installDir, 'promptpm.lock'), 'utf8'));
  r.closure = Object.keys(lock.modules).length;
  if (baselineBin && modules === 10000) {
    // A copy of its own: the two builds keep their index in different formats.
    const theirs = freshCopy(registry, `${modules}-baseline`);
    const dropTheirs = () => rmSync(join(theirs, '.promptpm'), { recursive: true, force: true });
    r.baseline = {
      coldList: paired(cli('list, never opened', copy, ['list'], dropIndex), cli('baseline list, never opened', theirs, ['list'], dropTheirs, baselineBin)),
      warmList: paired(cli('list, warm', copy, ['list']), cli('baseline list, warm', theirs, ['list'], undefined, baselineBin)),
      install: paired(installWith(cliBin, copy), installWith(baselineBin, theirs)),
    };
    rmSync(theirs, { recursive: true, force: true });
  }
  r.app = await appFirstRows(copy);
  r.statFloor = statEveryModuleFolder(copy);
  rows.set(modules, r);
  rmSync(copy, { recursive: true, force: true });
}
rmSync(installDir, { recursive: true, force: true });

/** Peak RSS (MiB) of a never-opened list and a first verify on a fresh copy of `registry`, each run a few times. */
function memoryOnly(registry, modules) {
  const copy = freshCopy(registry, modules);
  const dropIndex = () => rmSync(join(copy, '.promptpm'), { recursive: true, force: true });
  const rssOf = (args) => Array.from({ length: 3 }, () => once(cli(args.join(' '), copy, args, dropIndex)).rssMiB);
  const r = { coldList: { rss: rssOf(['list']) }, firstVerify: { rss: rssOf(['verify']) } };
  rmSync(copy, { recursive: true, force: true });
  return r;
}

/**
 * What a warm list cannot go below, measured in this run: Node's own start (`node -e 0`; where
 * NODE_EXTRA_CA_CERTS is set, Node 20 reads those certificates at every start, so also without it) and one
 * stat per module folder from Node, the freshness check that keeps a registry written by another tool honest.
 */
function nodeStart() {
  const plain = { label: 'node -e 0', file: process.execPath, args: ['-e', '0'] };
  if (!process.env.NODE_EXTRA_CA_CERTS) return { asRun: paired(plain, null).a, withoutCerts: null };
  const withoutCerts = { label: 'node -e 0 without NODE_EXTRA_CA_CERTS', file: 'env', args: ['-u', 'NODE_EXTRA_CA_CERTS', process.execPath, '-e', '0'] };
  const both = paired(plain, withoutCerts);
  return { asRun: both.a, withoutCerts: both.b };
}

function statEveryModuleFolder(registry) {
  const base = join(registry, 'modules');
  const names = readdirSync(base);
  return Array.from({ length: RUNS + 1 }, () => {
    const start = process.hrtime.bigint();
    for (const name of names) statSync(join(base, name), { throwIfNoEntry: false });
    return Number(process.hrtime.bigint() - start) / 1e6;
  }).slice(1);
}

const start = nodeStart();
const registry30k = process.env.PROMPTPM_BENCH_30K;
const memory30k = registry30k ? memoryOnly(registry30k, 30000) : null;

const catName = '`find … -name promptpm.yaml | xargs -P2 cat`';
console.log(`after: ${loadLine()}`);
console.log('The earlier Python PromptPM is not available on this machine: rows are compared with the shell references measured');
console.log(`in this run, and on the 10k registry with the earlier tool's figures from the issue scaled by ${catName} (${CAT_ISSUE_S} s there).`);
for (const [modules, r] of rows) {
  // The earlier tool's figures on this run's machine state, for the registry size the issue measured.
  const scale = modules === 10000 ? median(r.coldList.b) / (CAT_ISSUE_S * 1000) : null;
  // Both: scaled to this run's machine state, and against the earlier tool's figure as the issue measured it.
  const earlier = (issueS, ms, target) =>
    scale === null ? '' : `   ≈ ${((issueS * 1000 * scale) / median(ms)).toFixed(1)}× faster than the earlier tool, scaled (${((issueS * 1000) / median(ms)).toFixed(1)}× its ${issueS.toFixed(1)} s as measured; target ≥ ${target})`;
  console.log(`\n${modules} modules × 3 versions (min / median):`);
  console.log(`  list --json, never opened:  ${span(r.coldList.a)}   ${catName}: ${span(r.coldList.b)}   ratio ${median(r.coldList.ratios).toFixed(2)} (target ≤ 1.5)${earlier(EARLIER_LIST_S, r.coldList.a, 6)}   peak RSS ${median(r.coldList.rss).toFixed(0)} MiB`);
  if (hasSha) console.log(`  first verify:               ${span(r.firstVerify.a)}   find|xargs -P2 sha256sum: ${span(r.firstVerify.b)}   ratio ${median(r.firstVerify.ratios).toFixed(2)} (target ≤ 2)   peak RSS ${median(r.firstVerify.rss).toFixed(0)} MiB`);
  else console.log(`  first verify:               ${span(r.firstVerify.a)}   sha256sum not installed: no reference   peak RSS ${median(r.firstVerify.rss).toFixed(0)} MiB`);
  console.log(`  list --json, warm:          ${span(r.warmList.a)}   ratio to ${catName} ${median(r.warmList.ratios).toFixed(2)}${earlier(EARLIER_LIST_S, r.warmList.a, 50)}`);
  console.log(`  list --json, first after a change (index read, listing text made again): ${span(r.afterChange.a)}   ratio to ${catName} ${median(r.afterChange.ratios).toFixed(2)}`);
  console.log(`  install (closure ${String(r.closure).padEnd(4)}):   ${span(r.install.a)}   ratio to ${catName} ${median(r.install.ratios).toFixed(2)}${earlier(EARLIER_INSTALL_S, r.install.a, 20)}`);
  console.log(`  app, never opened:          names known to core (first progress of listRegistry) ${span(r.app.names)} (target ≤ 1 s), every row complete ${span(r.app.complete)}`);
  console.log(`  floor of a warm list:       one stat per module folder from Node ${span(r.statFloor)}, on top of Node's own start`);
  if (r.baseline) {
    console.log(`  beside the project at ${baselineRevision} (paired; ours / theirs, median ratio → × the earlier tool through the issue's ratios):`);
    for (const [row, target] of [['coldList', 6], ['warmList', 50], ['install', 20]]) {
      const b = r.baseline[row];
      const ratio = median(b.ratios);
      console.log(`    ${row.padEnd(9)} ours ${span(b.a)}  theirs ${span(b.b)}  ratio ${ratio.toFixed(3)}  ≈ ${(EARLIER_PER_BASELINE[row] / ratio).toFixed(1)}× the earlier tool (target ≥ ${target})`);
    }
  }
}
console.log(`\nNode's own start (node -e 0), in every CLI row: ${span(start.asRun)}${start.withoutCerts ? `; without NODE_EXTRA_CA_CERTS (set here: Node 20 loads those certificates at every start) ${span(start.withoutCerts)}` : ''}`);
const [small, large] = SIZES.map((n) => rows.get(n));
const growth = (pick) => (median(pick(large)) / median(pick(small))).toFixed(1);
console.log(`\ngrowth from ${SIZES[0]} to ${SIZES[1]} modules (ratio of medians; 10× the modules; a reference's own growth beside its row shows how much of it the machine's load moved):`);
console.log(`  list never opened ${growth((r) => r.coldList.a)}× (cat ${growth((r) => r.coldList.b)}×), first verify ${growth((r) => r.firstVerify.a)}×${hasSha ? ` (sha256sum ${growth((r) => r.firstVerify.b)}×)` : ''}, warm list ${growth((r) => r.warmList.a)}×, install ${growth((r) => r.install.a)}×, app names ${growth((r) => r.app.names)}×`);
const rssSteps = (pick) => [small, large, ...(memory30k ? [memory30k] : [])].map((r) => median(pick(r).rss).toFixed(0)).join(' → ');
const sizes = memory30k ? `1k → 10k → 30k modules, median of ${RUNS} runs (30k: of 3)` : `1k → 10k modules; PROMPTPM_BENCH_30K=<registry> adds 30k`;
console.log(`  peak RSS (${sizes}): list never opened ${rssSteps((r) => r.coldList)} MiB, first verify ${rssSteps((r) => r.firstVerify)} MiB`);
