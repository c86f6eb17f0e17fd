// package.json states the Node versions each part needs: `engines` what installing and running the CLI
// needs, `devEngines` what working on the sources needs (tests, renderer build, lint). Electron's own
// tooling needs a later Node (README, Requirements), so it is checked apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface Manifest {
  engines?: { node?: string };
  devEngines?: { runtime?: { name: string; version: string } };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const ours = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
// Read as files: a package's "exports" may not expose its package.json to require().
const nodeRangeOf = (name: string): string | undefined =>
  (JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')) as Manifest).engines?.node;
/** The Electron binary's package and its installer: they ask for Node 22.12+, beyond the sources' floor. */
const APP_TOOLING = ['electron'];

describe('Node versions in package.json', () => {
  it('engines covers only Node versions every runtime dependency of the CLI supports', () => {
    const range = ours.engines!.node!;
    for (const name of Object.keys(ours.dependencies!)) {
      const theirs = nodeRangeOf(name);
      if (theirs) expect(semver.subset(range, theirs), `${name} asks ${theirs}`).toBe(true);
    }
  });

  it('devEngines covers only Node versions every development tool supports, except the app tooling', () => {
    expect(ours.devEngines?.runtime?.name).toBe('node');
    const range = ours.devEngines!.runtime!.version;
    expect(semver.minVersion(range)?.version).toBe(semver.minVersion(ours.engines!.node!)?.version);
    for (const name of Object.keys(ours.devDependencies!).filter((n) => !APP_TOOLING.includes(n))) {
      const theirs = nodeRangeOf(name);
      if (theirs) expect(semver.subset(range, theirs), `${name} asks ${theirs}`).toBe(true);
    }
  });

  it('the app tooling asks for Node 22.12, as the README says', () => {
    for (const name of APP_TOOLING) {
      const theirs = nodeRangeOf(name)!;
      expect([semver.satisfies('20.19.0', theirs), semver.satisfies('22.12.0', theirs)], name).toEqual([false, true]);
    }
  });
});
