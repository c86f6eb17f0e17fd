import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { scaffoldManifest } from '../../../src/core/module/scaffold-files.js';
import { editManifest, type ManifestEdit } from '../../../src/core/module/yaml-edit.js';
import { YAML_DIALECT } from '../../../src/core/module/yaml-dialect.js';

type Item = Record<string, unknown>;
/** The parts of a manifest the edits touch, as plain data. */
interface Meaning {
  module: Item;
  prompt: { placeholders: string[] };
  interface: { inputs: Item[]; outputs: Item[] };
  dependencies: Item[];
  tests?: Array<{ inputs: Item }>;
}

const read = (text: string): Meaning => {
  const doc = parseDocument(text, YAML_DIALECT);
  expect(doc.errors).toEqual([]);
  return doc.toJS() as Meaning;
};

/** The init manifest with a comment on lines no edit below removes. */
const COMMENTED = scaffoldManifest('demo', '0.1.0')
  .replace('module:\n', '# c0 header\nmodule:\n')
  .replace('  name: demo\n', '  name: demo # c1\n')
  .replace('  tags: [example]\n', '  tags: [example] # c2\n')
  .replace('interface:\n', 'interface: # c3\n')
  .replace('  outputs:\n', '  # c4 before outputs\n  outputs:\n')
  .replace('tests:\n', 'tests: # c5\n');
const COMMENTS = ['# c0', '# c1', '# c2', '# c3', '# c4', '# c5'];

/** A block-style manifest, where items are mappings on lines of their own (the document is printed again). */
const BLOCK = `# header
module:
  name: demo
  version: 1.0.0
  description: Block style # why
prompt:
  template: template.prompt
  placeholders:
    - topic
interface:
  intent: Explain.
  inputs:
    # the one input
    - name: topic
      type: text
      description: What
      required: true
  outputs: []
dependencies:
  - name: base
    version: ^1.0.0
`;

/** What the manifest means after an edit, computed on plain data: the property's model. */
function model(m: Meaning, e: ManifestEdit): void {
  const inputs = m.interface.inputs;
  const find = (list: Item[], name: string): Item => {
    const item = list.find((i) => i.name === name);
    if (!item) throw new Error('missing');
    return item;
  };
  switch (e.op) {
    case 'setField':
      m.module[e.field] = e.value;
      break;
    case 'setTags':
      m.module.tags = e.tags;
      break;
    case 'setPlaceholders':
      m.prompt.placeholders = e.names;
      break;
    case 'addInput':
      inputs.push({ ...e.input });
      break;
    case 'removeInput':
      inputs.splice(inputs.indexOf(find(inputs, e.name)), 1);
      m.prompt.placeholders = m.prompt.placeholders.filter((p) => p !== e.name);
      break;
    case 'renameInput':
      find(inputs, e.from).name = e.to;
      m.prompt.placeholders = m.prompt.placeholders.map((p) => (p === e.from ? e.to : p));
      for (const t of m.tests ?? []) if (e.from in t.inputs) t.inputs = Object.fromEntries(Object.entries(t.inputs).map(([k, v]) => [k === e.from ? e.to : k, v]));
      break;
    case 'retypeInput':
      find(inputs, e.name).type = e.type;
      break;
    case 'setInputRequired':
      find(inputs, e.name).required = e.required;
      break;
    case 'addOutput':
      m.interface.outputs.push({ ...e.output });
      break;
    case 'removeOutput':
      if (e.index >= m.interface.outputs.length) throw new Error('missing');
      m.interface.outputs.splice(e.index, 1);
      break;
    case 'addDependency':
      m.dependencies.push({ name: e.name, version: e.range });
      break;
    case 'removeDependency':
      m.dependencies.splice(m.dependencies.indexOf(find(m.dependencies, e.name)), 1);
      break;
    case 'setDependencyRange':
      find(m.dependencies, e.name).version = e.range;
      break;
  }
}

// Strings PyYAML or our loader would read as something else when plain, or that break flow or block syntax.
const TRICKY = fc.constantFrom('plain', 'no', 'Yes', 'y', '1.0', '12:30', '~', 'null', 'a: b', 'x, y', '[z]', '{w}', '#c', 'a #b', ' lead', "it's", 'ünï', '', '-', 'line\nbreak', '"q"');
const NAME = fc.constantFrom('topic', 'tone', 'extra', 'more');
const editArb: fc.Arbitrary<ManifestEdit> = fc.oneof(
  fc.record({ op: fc.constant('setField' as const), field: fc.constantFrom('name' as const, 'version' as const, 'description' as const), value: TRICKY }),
  fc.record({ op: fc.constant('setTags' as const), tags: fc.array(TRICKY, { maxLength: 3 }) }),
  fc.record({ op: fc.constant('setPlaceholders' as const), names: fc.array(NAME, { maxLength: 3 }) }),
  fc.record({ op: fc.constant('addInput' as const), input: fc.record({ name: fc.constantFrom('extra', 'more'), type: TRICKY, description: TRICKY, required: fc.boolean() }) }),
  fc.record({ op: fc.constant('removeInput' as const), name: NAME }),
  fc.record({ op: fc.constant('renameInput' as const), from: NAME, to: fc.constantFrom('renamed', 'other') }),
  fc.record({ op: fc.constant('retypeInput' as const), name: NAME, type: TRICKY }),
  fc.record({ op: fc.constant('setInputRequired' as const), name: NAME, required: fc.boolean() }),
  fc.record({ op: fc.constant('addOutput' as const), output: fc.record({ type: TRICKY, description: TRICKY }) }),
  fc.record({ op: fc.constant('removeOutput' as const), index: fc.nat(2) }),
  fc.record({ op: fc.constant('addDependency' as const), name: fc.constantFrom('base', 'util'), range: fc.constantFrom('^1.0.0', '>=1.2.0 <2.0.0', '~0.3', '*', '1.x || 2.x') }),
  fc.record({ op: fc.constant('removeDependency' as const), name: fc.constantFrom('base', 'util') }),
  fc.record({ op: fc.constant('setDependencyRange' as const), name: fc.constantFrom('base', 'util'), range: fc.constantFrom('^2.0.0', '>=1.0.0') }),
);

/** Runs `edits` on `text` and on the model side by side; an edit the model refuses must be refused too. */
function runBoth(text: string, edits: ManifestEdit[]): { text: string; meaning: Meaning } {
  const meaning = read(text);
  for (const edit of edits) {
    // Two inputs or dependencies of one name would make any manifest invalid: the form never asks for it.
    if (edit.op === 'addInput' && meaning.interface.inputs.some((i) => i.name === edit.input.name)) continue;
    if (edit.op === 'renameInput' && meaning.interface.inputs.some((i) => i.name === edit.to)) continue;
    if (edit.op === 'addDependency' && meaning.dependencies.some((d) => d.name === edit.name)) continue;
    let refused = false;
    try {
      model(meaning, edit);
    } catch {
      refused = true;
    }
    if (refused) {
      expect(() => editManifest(text, [edit])).toThrow(expect.objectContaining({ reason: 'EDIT_TARGET_MISSING' }));
      continue;
    }
    text = editManifest(text, [edit]);
    expect(read(text)).toEqual(meaning);
  }
  return { text, meaning };
}

describe('editManifest', () => {
  it('changes only the bytes an edit names in an init-style manifest', () => {
    const edited = editManifest(COMMENTED, [
      { op: 'setField', field: 'version', value: '0.2.0' },
      { op: 'retypeInput', name: 'tone', type: 'tone_label' },
      { op: 'setInputRequired', name: 'tone', required: true },
      { op: 'addDependency', name: 'base', range: '^1.0.0' },
    ]);
    expect(edited).toBe(
      COMMENTED.replace('version: 0.1.0', 'version: 0.2.0')
        .replace('type: style_label, description: Tone of voice, required: false', 'type: tone_label, description: Tone of voice, required: true')
        .replace('dependencies: []', 'dependencies:\n  - { name: base, version: ^1.0.0 }'),
    );
  });

  it('removes, adds and renames inputs on their own lines, renaming the placeholder and the tests’ inputs too', () => {
    const edited = editManifest(COMMENTED, [
      { op: 'addInput', input: { name: 'extra', type: 'text', description: 'More: context', required: false } },
      { op: 'removeInput', name: 'tone' },
      { op: 'renameInput', from: 'topic', to: 'subject' },
    ]);
    expect(edited).toBe(
      COMMENTED.replace('    - { name: tone, type: style_label, description: Tone of voice, required: false }\n', '    - { name: extra, type: text, description: "More: context", required: false }\n')
        .replace('{ name: topic,', '{ name: subject,')
        .replace('placeholders: [topic, tone]', 'placeholders: [subject]')
        .replace('inputs: { topic: tests/example.txt', 'inputs: { subject: tests/example.txt'),
    );
  });

  it('writes strings plain unless PyYAML would read them otherwise, and they read back as written', () => {
    const edited = editManifest(COMMENTED, [
      { op: 'setField', field: 'description', value: 'no' },
      { op: 'setField', field: 'version', value: '1.0' },
      { op: 'setTags', tags: ['yes', 'a, b', 'plain'] },
    ]);
    expect(edited).toContain('  description: "no"\n');
    expect(edited).toContain('  version: "1.0"\n');
    expect(edited).toContain('  tags: ["yes", "a, b", plain] # c2\n');
    expect(read(edited).module).toMatchObject({ description: 'no', version: '1.0', tags: ['yes', 'a, b', 'plain'] });
  });

  it('edits a block-style manifest through the document, keeping its comments and order', () => {
    const edited = editManifest(BLOCK, [
      { op: 'addInput', input: { name: 'tone', type: 'style', description: 'Tone', required: false } },
      { op: 'removeInput', name: 'topic' },
      { op: 'addOutput', output: { type: 'text', description: 'Out' } },
      { op: 'removeDependency', name: 'base' },
    ]);
    for (const comment of ['# header', '# why']) expect(edited).toContain(comment);
    expect(Object.keys(read(edited))).toEqual(['module', 'prompt', 'interface', 'dependencies']);
    expect(read(edited)).toMatchObject({
      prompt: { placeholders: [] },
      interface: { inputs: [{ name: 'tone', type: 'style', description: 'Tone', required: false }], outputs: [{ type: 'text', description: 'Out' }] },
      dependencies: [],
    });
  });

  it('adds lines with the manifest’s own line breaks', () => {
    const crlf = COMMENTED.replaceAll('\n', '\r\n');
    const edited = editManifest(crlf, [
      { op: 'addInput', input: { name: 'extra', type: 'text', description: 'More', required: false } },
      { op: 'addDependency', name: 'base', range: '^1.0.0' },
    ]);
    expect(edited.replaceAll('\r\n', '')).not.toContain('\n');
    expect(read(edited).dependencies).toEqual([{ name: 'base', version: '^1.0.0' }]);
  });

  it('refuses text that is not a YAML mapping, and an edit of something the manifest lacks', () => {
    expect(() => editManifest('module: [unclosed\n', [{ op: 'setField', field: 'name', value: 'x' }])).toThrow(expect.objectContaining({ reason: 'MANIFEST_NOT_EDITABLE' }));
    expect(() => editManifest(COMMENTED, [{ op: 'removeInput', name: 'nope' }])).toThrow(expect.objectContaining({ reason: 'EDIT_TARGET_MISSING' }));
  });

  it('any sequence of form edits means what the edits say, and keeps comments and section order (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(COMMENTED, BLOCK), fc.array(editArb, { maxLength: 8 }), (base, edits) => {
        const { text } = runBoth(base, edits);
        const comments = base === COMMENTED ? COMMENTS : ['# header', '# why'];
        for (const comment of comments) expect(text).toContain(comment);
        expect(Object.keys(read(text))).toEqual(Object.keys(read(base)));
        expect(Object.keys(read(text).module).slice(0, 3)).toEqual(['name', 'version', 'description']);
      }),
      { numRuns: 300 },
    );
  });
});
