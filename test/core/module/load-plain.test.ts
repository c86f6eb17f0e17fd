// A manifest in the plain YAML subset is loaded without the full YAML parser (the CLI starts sooner), and
// still gets every diagnostic with its line and column: load.ts reads it again, with positions, when a rule
// has something to say.
import { describe, expect, it } from 'vitest';
import { loadModule, type LoadedModule } from '../../../src/core/module/index.js';
import { inFreshNode } from '../../support/fresh-node.js';
import { mutate, only, positionOf, VALID_YAML, where, yamlModule } from './helpers.js';

/** Whether loading `dir` with the built CLI's core (out/cli) loads the `yaml` package, in a fresh Node. */
function loadsYamlParser(dir: string): boolean {
  const { value: mod, loaded } = inFreshNode<LoadedModule>('core/module/index.js', `m.loadModule(${JSON.stringify(dir)})`, { yaml: /[\\/]node_modules[\\/]yaml[\\/]/ });
  expect(mod.errors).toEqual([]);
  return loaded.includes('yaml');
}

describe('manifests in the plain subset', () => {
  it('load without the full YAML parser; one outside the subset (an anchor) needs it', () => {
    expect(loadsYamlParser(yamlModule(VALID_YAML))).toBe(false);
    expect(loadsYamlParser(yamlModule(mutate('intent: Summarize a document.', 'intent: &i Summarize a document.')))).toBe(true);
  });

  it('still locate an error and a warning at their line and column', async () => {
    const wrongVersion = mutate('version: 1.0.0', 'version: v1.0.0');
    const invalid = await loadModule(yamlModule(wrongVersion));
    expect(where(only(invalid.errors, 'VERSION_INVALID'))).toEqual({ field: 'module.version', ...positionOf(wrongVersion, 'v1.0.0') });

    const extraField = mutate('  description: A sample module\n', '  description: A sample module\n  colour: blue\n');
    const warned = await loadModule(yamlModule(extraField));
    expect(warned.errors).toEqual([]);
    expect(warned.manifest?.module.name).toBe('sample');
    expect(where(only(warned.warnings, 'UNKNOWN_FIELD'))).toEqual({ field: 'module.colour', ...positionOf(extraField, 'colour') });
  });
});
