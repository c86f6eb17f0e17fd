// One failing case per field rule of §2, each asserting code, field path and line:column.
import { describe, expect, test } from 'vitest';
import { loadModule } from '../../../src/core/module/index.js';
import { mutate, only, positionOf, VALID_YAML, where, yamlModule } from './helpers.js';

interface Case {
  code: string;
  from: string;
  to: string;
  field: string;
  /** Text whose position the diagnostic must point at (first occurrence in the mutated manifest). */
  at: string;
  warning?: boolean;
}

const cases: Case[] = [
  { code: 'FIELD_REQUIRED', from: '  description: A sample module\n', to: '', field: 'module.description', at: 'module:' },
  { code: 'FIELD_TYPE', from: 'name: sample', to: 'name: yes', field: 'module.name', at: 'yes' },
  { code: 'FIELD_EMPTY', from: 'description: A sample module', to: 'description: "  "', field: 'module.description', at: '"  "' },
  { code: 'NAME_INVALID', from: 'name: sample', to: 'name: .hidden', field: 'module.name', at: '.hidden' },
  { code: 'VERSION_INVALID', from: 'version: 1.0.0', to: 'version: v1.0.0', field: 'module.version', at: 'v1.0.0' },
  { code: 'TYPE_NAME_INVALID', from: 'type: audience_label', to: 'type: AudienceLabel', field: 'interface.inputs[1].type', at: 'AudienceLabel' },
  { code: 'INPUT_NAME_INVALID', from: '{ name: audience,', to: '{ name: audience-x,', field: 'interface.inputs[1].name', at: 'audience-x' },
  { code: 'INPUT_DUPLICATE', from: '{ name: audience,', to: '{ name: document,', field: 'interface.inputs[1].name', at: 'document, type: audience' },
  { code: 'FIELD_TYPE', from: 'required: false', to: 'required: maybe', field: 'interface.inputs[1].required', at: 'maybe' },
  { code: 'FIELD_TYPE', from: 'placeholders: [document, audience]', to: 'placeholders: document', field: 'prompt.placeholders', at: 'document\n' },
  { code: 'FIELD_TYPE', from: '- { type: summary, description: A summary }', to: '- summary', field: 'interface.outputs[0]', at: 'summary\n' },
  { code: 'FIELD_REQUIRED', from: '{ type: summary, description: A summary }', to: '{ description: A summary }', field: 'interface.outputs[0].type', at: '{ description: A summary }' },
  { code: 'DEPENDENCY_SELF', from: 'name: text-normalizer', to: 'name: sample', field: 'dependencies[0].name', at: 'sample, version' },
  {
    code: 'DEPENDENCY_DUPLICATE',
    from: '  - { name: text-normalizer, version: ^1.2.0 }\n',
    to: '  - { name: text-normalizer, version: ^1.2.0 }\n  - { name: text-normalizer, version: ^2.0.0 }\n',
    field: 'dependencies[1].name',
    at: 'text-normalizer, version: ^2',
  },
  { code: 'RANGE_INVALID', from: 'version: ^1.2.0', to: 'version: "^^1 ||"', field: 'dependencies[0].version', at: '"^^1 ||"' },
  { code: 'NAME_INVALID', from: 'name: text-normalizer', to: 'name: ../escape', field: 'dependencies[0].name', at: '../escape' },
  { code: 'DUPLICATE_KEY', from: '  name: sample\n', to: '  name: sample\n  name: other\n', field: 'module.name', at: 'name: other' },
  { code: 'UNKNOWN_FIELD', from: '  name: sample\n', to: '  name: sample\n  homepage: x\n', field: 'module.homepage', at: 'homepage', warning: true },
  { code: 'UNKNOWN_FIELD', from: 'tests:\n', to: 'extras: 1\ntests:\n', field: 'extras', at: 'extras', warning: true },
];

describe('field rules', () => {
  test.each(cases)('$code at $field', async ({ code, from, to, field, at, warning }) => {
    const yaml = mutate(from, to);
    const mod = await loadModule(yamlModule(yaml));
    const d = only(warning ? mod.warnings : mod.errors, code);
    expect(where(d)).toEqual({ field, ...positionOf(yaml, at) });
    expect(d.file).toBe(mod.source);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.hint.length).toBeGreaterThan(0);
    if (warning) expect(mod.errors).toEqual([]);
    else expect(mod.manifest).toBeNull();
  });

  test('the unmodified manifest is valid and normalized', async () => {
    const mod = await loadModule(yamlModule(VALID_YAML));
    expect(mod.errors).toEqual([]);
    expect(mod.warnings).toEqual([]);
    expect(mod.manifest?.module).toEqual({ name: 'sample', version: '1.0.0', description: 'A sample module', license: null, authors: [], tags: [] });
    expect(mod.manifest?.interface.inputs[1]).toEqual({ name: 'audience', type: 'audience_label', description: 'Reader', required: false });
    expect(mod.manifest?.dependencies).toEqual([{ name: 'text-normalizer', range: '^1.2.0' }]);
    expect(mod.manifest?.tests[0]?.assertions).toEqual([{ kind: 'contains', value: 'Summarize' }]);
  });

  test('a missing top-level section has no line and is reported after located errors', async () => {
    const full = mutate('version: 1.0.0', 'version: "1"');
    const yaml = full.slice(0, full.indexOf('interface:'));
    const mod = await loadModule(yamlModule(yaml));
    const codes = mod.errors.map((e) => [e.code, e.field, e.line]);
    expect(codes[0]).toEqual(['VERSION_INVALID', 'module.version', 3]);
    expect(codes).toContainEqual(['FIELD_REQUIRED', 'interface', null]);
    expect(mod.errors.at(-1)?.line).toBeNull();
  });

  test('YAML 1.1: yes is true, like the earlier tool', async () => {
    const mod = await loadModule(yamlModule(mutate('required: false', 'required: no').replace('required: true', 'required: yes')));
    expect(mod.errors).toEqual([]);
    expect(mod.manifest?.interface.inputs.map((i) => i.required)).toEqual([true, false]);
  });

  test('input `required` defaults to true when omitted', async () => {
    const mod = await loadModule(yamlModule(mutate(', required: false }', ' }')));
    expect(mod.manifest?.interface.inputs[1]?.required).toBe(true);
  });

  test('a key named __proto__ is plain data and never pollutes objects', async () => {
    const mod = await loadModule(yamlModule(mutate('  name: sample\n', '  name: sample\n  __proto__: { polluted: true }\n')));
    expect(only(mod.warnings, 'UNKNOWN_FIELD').field).toBe('module.__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
