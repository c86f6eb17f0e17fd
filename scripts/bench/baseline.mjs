// An earlier build of this project, to run beside the current one: `git archive <revision>` into .bench/,
// node_modules shared, its CLI compiled. Issue 15 measured the earlier Python PromptPM beside the project as
// it was then, so timing that build again, paired with this one, turns the ratios into figures for
// this run's machine state.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './fixtures.mjs';

/** The CLI launcher of `revision` built in .bench/, or null (with the reason printed) when it cannot be built here. */
export function baselineCli(revision) {
  const commit = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { cwd: projectRoot, encoding: 'utf8' });
  if (commit.status !== 0) {
    console.log(`baseline ${revision}: not a commit of this clone (a shallow clone lacks history): no baseline rows`);
    return null;
  }
  const sha = commit.stdout.trim();
  const dir = join(projectRoot, '.bench', `baseline-${sha.slice(0, 12)}`);
  const bin = join(dir, 'bin', 'promptpm.cjs');
  if (!existsSync(join(dir, '.built'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const archive = spawnSync('git', ['archive', '--format=tar', sha], { cwd: projectRoot, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: archive.stdout });
    symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const build = spawnSync(process.execPath, [join(dir, 'scripts', 'build-cli.mjs')], { cwd: dir, encoding: 'utf8' });
    if (build.status !== 0 || !existsSync(bin)) {
      console.log(`baseline ${revision}: its CLI does not build with today's node_modules: no baseline rows\n${build.stderr}`);
      return null;
    }
    execFileSync('touch', [join(dir, '.built')]);
  }
  return bin;
}
