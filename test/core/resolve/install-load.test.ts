// `install` of an ordinary YAML module loads only the code it uses (its start-up is part of every run): not
// the whole semver package, not the module API's barrel with the scaffold, nor the regex engine, the TOML
// parser or the conflict explanations. Checked in a fresh Node on the built CLI's core (out/cli).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishModule } from '../../../src/core/registry/index.js';
import { moduleFiles, tempDir, writeTree } from '../../cli/helpers.js';
import { inFreshNode } from '../../support/fresh-node.js';

const UNUSED = {
  'semver as a whole': /[\\/]node_modules[\\/]semver[\\/]index\.js$/,
  'module API barrel': /[\\/]core[\\/]module[\\/]index\.js$/,
  scaffold: /[\\/]core[\\/]module[\\/]scaffold/,
  'regex engine': /[\\/]node_modules[\\/]re2js[\\/]/,
  'TOML parser': /[\\/]node_modules[\\/]smol-toml[\\/]/,
  'conflict explanations': /[\\/]core[\\/]resolve[\\/]explain\.js$/,
};

/** Runs installModule of the built core in a fresh Node: what it installed, and which of UNUSED it loaded. */
function installFresh(moduleDir: string, registry: string): { installed: string[]; loaded: string[] } {
  const call = `m.installModule(${JSON.stringify(moduleDir)}, ${JSON.stringify(registry)}).then((r) => r.installed.map((i) => i.name + '@' + i.version))`;
  const { value, loaded } = inFreshNode<string[]>('core/resolve/index.js', call, UNUSED);
  return { installed: value, loaded };
}

describe('install of an ordinary YAML module', () => {
  it('resolves and locks without loading code it does not use', async () => {
    const dir = tempDir('promptpm-install-load-');
    const registry = join(dir, 'registry');
    await publishModule(registry, writeTree(join(dir, 'src', 'd'), moduleFiles({ name: 'd', version: '1.1.0' })));
    await publishModule(registry, writeTree(join(dir, 'src', 'b'), moduleFiles({ name: 'b', version: '1.0.0', deps: { d: '^1.0.0' } })));
    const app = writeTree(join(dir, 'app'), moduleFiles({ name: 'app', deps: { b: '^1' } }));

    expect(installFresh(app, registry)).toEqual({ installed: ['d@1.1.0', 'b@1.0.0'], loaded: [] });
  });
});
