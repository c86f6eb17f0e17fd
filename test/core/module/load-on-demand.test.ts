// Loading a module pulls in only the code its manifest needs (`install` and `validate` start sooner): the
// regex engine for a regex assertion, the TOML parser for a TOML manifest, the scaffold never. Checked as
// load-plain.test.ts checks the YAML parser: in a fresh Node, on the built CLI's core (out/cli).
import { describe, expect, it } from 'vitest';
import { loadModule, type LoadedModule } from '../../../src/core/module/index.js';
import { inFreshNode } from '../../support/fresh-node.js';
import { makeModule, mutate, VALID_TEMPLATE, VALID_YAML, yamlModule } from './helpers.js';

const WATCHED = { re2js: /[\\/]node_modules[\\/]re2js[\\/]/, 'smol-toml': /[\\/]node_modules[\\/]smol-toml[\\/]/, scaffold: /[\\/]core[\\/]module[\\/]scaffold/ };
type Watched = keyof typeof WATCHED;

/** Loads `dir` through the built core's public module API in a fresh Node: the module, and which watched code it loaded. */
function loadFresh(dir: string): { mod: LoadedModule; loaded: Watched[] } {
  const { value, loaded } = inFreshNode<LoadedModule>('core/module/index.js', `m.loadModule(${JSON.stringify(dir)})`, WATCHED);
  return { mod: value, loaded: loaded as Watched[] };
}

/** The same folder loaded in this process (from the sources), as plain JSON like the fresh Node prints. */
async function loadHere(dir: string): Promise<LoadedModule> {
  return JSON.parse(JSON.stringify(await loadModule(dir))) as LoadedModule;
}

const TOML = `[module]
name = "sample"
version = "1.0.0"
description = "A sample module"

[prompt]
template = "template.prompt"
placeholders = ["document", "audience"]

[interface]
intent = "Summarize a document."
inputs = [
  { name = "document", type = "technical_document", description = "Source text", required = true },
  { name = "audience", type = "audience_label", description = "Reader", required = false },
]
outputs = [ { type = "summary", description = "A summary" } ]

[[tests]]
name = "basic"
inputs = { document = "Some text", audience = "engineers" }
assertions = [ { contains = "Summarize" } ]
`;

describe('loading a module loads only the code it needs', () => {
  it('an ordinary YAML module: neither the regex engine, the TOML parser nor the scaffold', async () => {
    const dir = yamlModule(VALID_YAML);
    const { mod, loaded } = loadFresh(dir);
    expect(loaded).toEqual([]);
    expect(mod.errors).toEqual([]);
    expect(mod).toEqual(await loadHere(dir));
  });

  it('a regex assertion loads the regex engine, which still accepts and refuses the same patterns', async () => {
    const valid = yamlModule(mutate('      - contains: "Summarize"', '      - regex: "^Summ?ari[sz]e"'));
    const fresh = loadFresh(valid);
    expect(fresh.loaded).toEqual(['re2js']);
    expect(fresh.mod.errors).toEqual([]);
    expect(fresh.mod.manifest?.tests[0]?.assertions).toEqual([{ kind: 'regex', value: '^Summ?ari[sz]e' }]);

    // ECMAScript accepts a{1001}; only the engine refuses it (RE2 repeats at most 1000 times).
    const refused = yamlModule(mutate('      - contains: "Summarize"', '      - regex: "a{1001}"'));
    const { mod, loaded } = loadFresh(refused);
    expect(loaded).toEqual(['re2js']);
    expect(mod.errors.map((e) => [e.code, e.field, e.message])).toEqual([['REGEX_INVALID', 'tests[0].assertions[0].regex', 'Regex /a{1001}/ is invalid: error parsing regexp: invalid repeat count: `{1001}`']]);
    expect(mod).toEqual(await loadHere(refused));
  });

  it('a TOML manifest loads the TOML parser and validates as the YAML one does', async () => {
    const dir = makeModule({ 'promptpm.toml': TOML, 'template.prompt': VALID_TEMPLATE });
    const { mod, loaded } = loadFresh(dir);
    expect(loaded).toEqual(['smol-toml']);
    expect(mod.errors).toEqual([]);
    expect(mod.manifest).toEqual((await loadHere(yamlModule(mutate('dependencies:\n  - { name: text-normalizer, version: ^1.2.0 }\n', '')))).manifest);
    expect(mod).toEqual(await loadHere(dir));
  });
});
