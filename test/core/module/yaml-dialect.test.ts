// YAML 1.1 as PyYAML reads it: `y`, `Y`, `n`, `N` are strings; booleans are exactly PyYAML's words.
import { parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { loadModule } from '../../../src/core/module/index.js';
import { runModuleTests } from '../../../src/core/testing/index.js';
import { loadEntry } from '../../../src/core/registry/index-entry.js';
import { YAML_DIALECT } from '../../../src/core/module/yaml-dialect.js';
import { mutate, yamlModule } from './helpers.js';

const read = (scalar: string): unknown => (parseDocument(`v: ${scalar}`, YAML_DIALECT).toJS() as { v: unknown }).v;

describe("PyYAML's YAML 1.1", () => {
  test('booleans are yes/no/true/false/on/off in lower, Title and UPPER case, nothing else', () => {
    for (const word of ['yes', 'true', 'on']) {
      for (const form of [word, word[0]!.toUpperCase() + word.slice(1), word.toUpperCase()]) expect(read(form), form).toBe(true);
    }
    for (const word of ['no', 'false', 'off']) {
      for (const form of [word, word[0]!.toUpperCase() + word.slice(1), word.toUpperCase()]) expect(read(form), form).toBe(false);
    }
    for (const text of ['y', 'Y', 'n', 'N', 'yEs', 'tRUE', 'oN']) expect(read(text), text).toBe(text);
  });

  test('a module named `y` and a dependency named `n` read as text', async () => {
    const yaml = mutate('name: text-normalizer', 'name: n', mutate('name: sample', 'name: y'));
    const mod = await loadModule(yamlModule(yaml));
    expect(mod.errors).toEqual([]);
    expect(mod.manifest?.module.name).toBe('y');
    expect(mod.manifest?.dependencies).toEqual([expect.objectContaining({ name: 'n', range: '^1.2.0' })]);
  });

  test('the index reads the dependency on `y` (a boolean would silently drop it)', async () => {
    const dir = yamlModule(mutate('name: text-normalizer', 'name: y'));
    expect((await loadEntry(dir, '1')).dependencies).toEqual([{ name: 'y', range: '^1.2.0' }]);
  });

  test('a test input `n` renders as the letter n', async () => {
    const yaml = mutate('inputs: { document: Some text, audience: engineers }', 'inputs: { document: n, audience: N }').replace(
      'contains: "Summarize"',
      'equals: "Summarize for N:\\nn\\n"',
    );
    const report = await runModuleTests(await loadModule(yamlModule(yaml)));
    expect(report.failures).toEqual([]);
    expect(report.passed).toBe(1);
  });

  test('`required: Y` is a type error, not true', async () => {
    const mod = await loadModule(yamlModule(mutate('required: false', 'required: Y')));
    expect(mod.errors).toEqual([expect.objectContaining({ code: 'FIELD_TYPE', field: 'interface.inputs[1].required' })]);
  });
});
