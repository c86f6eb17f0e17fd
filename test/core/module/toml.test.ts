// TOML manifests: same rules as YAML, with field positions from the light scanner.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadModule } from '../../../src/core/module/index.js';
import { scanTomlPositions } from '../../../src/core/module/toml-scan.js';
import { makeModule, only, positionOf, where } from './helpers.js';

const FIXTURE = path.resolve('test/fixtures/modules/valid-toml');

const TOML = `[module]
name = "toml-mod"
version = "1.0.0"
description = "TOML"

[prompt]
template = "template.prompt"
placeholders = ["person"]

[interface]
intent = "Greet."
inputs = [
  { name = "person", type = "Person", description = "Who", required = true },
]

[[interface.outputs]]
type = "greeting"
description = "A greeting"

[[tests]]
name = "t"
inputs = { person = "Ann" }
assertions = [ { contains = "Ann" }, { regex = "(?=x)" } ]

[[tests]]
name = "u"
assertions = [ { bogus = 1 } ]

[tests.inputs]
person = 'Bob'
`;

describe('TOML manifests', () => {
  test('the valid-toml fixture loads with its normalized manifest', async () => {
    const mod = await loadModule(FIXTURE);
    expect(mod.errors).toEqual([]);
    expect(mod.manifest?.module.version).toBe('0.3.0-beta.1+build.7');
    expect(mod.manifest?.dependencies).toEqual([{ name: 'tone-kit', range: '~2.1.0 || >=3.0.0 <4.0.0' }]);
    expect(mod.manifest?.tests[0]?.inputs).toEqual({ person: 'tests/person.txt', style: { formal: true, level: 2 } });
  });

  test('errors point at keys inside inline arrays, inline tables and arrays of tables', async () => {
    const dir = makeModule({ 'promptpm.toml': TOML, 'template.prompt': 'Hi {{person}}' });
    const mod = await loadModule(dir);
    expect(where(only(mod.errors, 'TYPE_NAME_INVALID'))).toEqual({ field: 'interface.inputs[0].type', ...positionOf(TOML, '"Person"') });
    expect(where(only(mod.errors, 'REGEX_UNSUPPORTED'))).toEqual({ field: 'tests[0].assertions[1].regex', ...positionOf(TOML, '"(?=x)"') });
    expect(where(only(mod.errors, 'ASSERTION_UNSUPPORTED'))).toEqual({ field: 'tests[1].assertions[0].bogus', ...positionOf(TOML, 'bogus') });
    expect(mod.errors.every((e) => e.file === path.join(dir, 'promptpm.toml'))).toBe(true);
  });

  test('scanner: sub-tables of an array of tables belong to its latest element', () => {
    const keys = scanTomlPositions(TOML).keys;
    expect(keys.get(JSON.stringify(['tests', 1, 'inputs', 'person']))).toEqual(positionOf(TOML, "person = 'Bob'"));
    expect(keys.get(JSON.stringify(['tests', 0, 'inputs', 'person']))).toEqual(positionOf(TOML, 'person = "Ann"'));
  });

  test('scanner: multi-line strings and comments do not create keys', () => {
    const text = 'a = """\nb = 1\n"""\n# c = 2\nd = \'\'\'x\'\'\'\n';
    const keys = [...scanTomlPositions(text).keys.keys()];
    expect(keys).toEqual([JSON.stringify(['a']), JSON.stringify(['d'])]);
  });
});
