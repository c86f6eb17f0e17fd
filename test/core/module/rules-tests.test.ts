// Tests are validated up front (§2, §3): assertion kinds and values, regexes, and test inputs.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadModule } from '../../../src/core/module/index.js';
import { makeModule, mutate, only, positionOf, VALID_TEMPLATE, where, yamlModule } from './helpers.js';

const ASSERTION_LINE = '      - contains: "Summarize"';
const withAssertion = (line: string) => mutate(ASSERTION_LINE, `      - ${line}`);
const INPUTS = '{ document: Some text, audience: engineers }';
const withInputs = (inputs: string) => mutate(INPUTS, inputs);

describe('assertions', () => {
  test.each([
    ['contanis: "x"', 'ASSERTION_UNSUPPORTED', 'tests[0].assertions[0].contanis', 'contanis'],
    ['{ contains: a, excludes: b }', 'ASSERTION_MALFORMED', 'tests[0].assertions[0]', '{ contains'],
    ['just text', 'ASSERTION_MALFORMED', 'tests[0].assertions[0]', 'just text'],
    ['contains: 42', 'ASSERTION_VALUE_TYPE', 'tests[0].assertions[0].contains', '42'],
    ['equals: [a]', 'ASSERTION_VALUE_TYPE', 'tests[0].assertions[0].equals', '[a]'],
    ['max_length: -1', 'ASSERTION_VALUE_TYPE', 'tests[0].assertions[0].max_length', '-1'],
    ['min_length: 2.5', 'ASSERTION_VALUE_TYPE', 'tests[0].assertions[0].min_length', '2.5'],
    ['min_length: "3"', 'ASSERTION_VALUE_TYPE', 'tests[0].assertions[0].min_length', '"3"'],
    ['regex: "[a-"', 'REGEX_INVALID', 'tests[0].assertions[0].regex', '"[a-"'],
    ['regex: "(?P<n>a)"', 'REGEX_INVALID', 'tests[0].assertions[0].regex', '"(?P<n>a)"'],
    ['regex: "(a)\\\\1"', 'REGEX_UNSUPPORTED', 'tests[0].assertions[0].regex', '"(a)'],
    ['regex: "a(?=b)"', 'REGEX_UNSUPPORTED', 'tests[0].assertions[0].regex', '"a(?=b)"'],
    ['regex: "(?<!x)a"', 'REGEX_UNSUPPORTED', 'tests[0].assertions[0].regex', '"(?<!x)a"'],
    ['regex: "(?<n>a)\\\\k<n>"', 'REGEX_UNSUPPORTED', 'tests[0].assertions[0].regex', '"(?<n>a)'],
    ['structure: json_thing', 'STRUCTURE_INVALID', 'tests[0].assertions[0].structure', 'json_thing'],
    ['structure: { type: json_object, required_keys: a }', 'STRUCTURE_INVALID', 'tests[0].assertions[0].structure', '{ type: json_object'],
    ['structure: { type: json_object, keys: [a] }', 'STRUCTURE_INVALID', 'tests[0].assertions[0].structure', '{ type: json_object'],
    ['{ type: nope, value: 1 }', 'ASSERTION_UNSUPPORTED', 'tests[0].assertions[0].type', 'nope'],
  ])('%s → %s', async (line, code, field, at) => {
    const yaml = withAssertion(line);
    const mod = await loadModule(yamlModule(yaml));
    expect(where(only(mod.errors, code))).toEqual({ field, ...positionOf(yaml, at) });
  });

  test('unsupported assertion message starts as the earlier tool\'s', async () => {
    const mod = await loadModule(yamlModule(withAssertion('contanis: "x"')));
    expect(mod.errors[0]?.message).toMatch(/^Unsupported assertion type/);
  });

  test('every kind with a good value validates; {type, value} form is accepted', async () => {
    const lines = [
      'contains: a', 'excludes: b', 'icontains: C', 'regex: "^Sum+"', 'starts_with: S', 'ends_with: "\\n"', 'equals: x',
      'min_length: 0', 'max_length: 10', 'structure: json_object', 'structure: json_array',
      'structure: { type: json_object, required_keys: [a] }', '{ type: contains, value: a }',
    ];
    const mod = await loadModule(yamlModule(withAssertion(lines.join('\n      - '))));
    expect(mod.errors).toEqual([]);
    expect(mod.manifest?.tests[0]?.assertions.map((a) => a.kind)).toContain('structure');
    expect(mod.manifest?.tests[0]?.assertions.at(-1)).toEqual({ kind: 'contains', value: 'a' });
  });

  test('an empty assertion list is a warning', async () => {
    const yaml = mutate(`    assertions:\n${ASSERTION_LINE}\n`, '    assertions: []\n');
    const mod = await loadModule(yamlModule(yaml));
    expect(mod.errors).toEqual([]);
    expect(only(mod.warnings, 'TEST_NO_ASSERTIONS').field).toBe('tests[0].assertions');
  });
});

describe('test inputs', () => {
  test('missing required input: TEST_INPUT_REQUIRED at the inputs', async () => {
    const yaml = withInputs('{ audience: engineers }');
    const d = only((await loadModule(yamlModule(yaml))).errors, 'TEST_INPUT_REQUIRED');
    expect(where(d)).toEqual({ field: 'tests[0].inputs', ...positionOf(yaml, 'inputs: {') });
    expect(d.message).toContain("'document'");
  });

  test('missing optional input is fine', async () => {
    expect((await loadModule(yamlModule(withInputs('{ document: text }')))).errors).toEqual([]);
  });

  test('a relative path to a file inside is a file input', async () => {
    const mod = await loadModule(yamlModule(withInputs('{ document: tests/doc.txt }'), { 'tests/doc.txt': 'doc' }));
    expect(mod.errors).toEqual([]);
  });

  test.each([['../secret.txt'], ['ABS']])('%s naming an existing file outside: TEST_INPUT_OUTSIDE', async (value) => {
    const dir = makeModule({});
    const secret = path.join(dir, '..', 'secret.txt');
    writeFileSync(secret, 'secret');
    const shown = value === 'ABS' ? secret : value;
    const yaml = withInputs(`{ document: "${shown}" }`);
    writeFileSync(path.join(dir, 'promptpm.yaml'), yaml);
    writeFileSync(path.join(dir, 'template.prompt'), VALID_TEMPLATE);
    expect(where(only((await loadModule(dir)).errors, 'TEST_INPUT_OUTSIDE'))).toEqual({ field: 'tests[0].inputs.document', ...positionOf(yaml, `"${shown}"`) });
  });

  test('an absolute path to a file inside the module is refused too', async () => {
    const dir = yamlModule('placeholder');
    writeFileSync(path.join(dir, 'doc.txt'), 'doc');
    writeFileSync(path.join(dir, 'promptpm.yaml'), withInputs(`{ document: "${path.join(dir, 'doc.txt')}" }`));
    expect(only((await loadModule(dir)).errors, 'TEST_INPUT_OUTSIDE').field).toBe('tests[0].inputs.document');
  });

  test('a path that names nothing is literal text', async () => {
    expect((await loadModule(yamlModule(withInputs('{ document: ../no/such/file.txt }')))).errors).toEqual([]);
  });

  test('a symlink input is refused, even to a file inside', async () => {
    const dir = yamlModule(withInputs('{ document: link.txt }'), { 'doc.txt': 'doc' });
    symlinkSync(path.join(dir, 'doc.txt'), path.join(dir, 'link.txt'));
    expect(only((await loadModule(dir)).errors, 'TEST_INPUT_SYMLINK').field).toBe('tests[0].inputs.document');
  });

  test('a file reached through a symlinked folder is refused', async () => {
    const dir = yamlModule(withInputs('{ document: sub/doc.txt }'));
    mkdirSync(path.join(dir, '..', 'real'));
    writeFileSync(path.join(dir, '..', 'real', 'doc.txt'), 'doc');
    symlinkSync(path.join(dir, '..', 'real'), path.join(dir, 'sub'));
    expect(only((await loadModule(dir)).errors, 'TEST_INPUT_SYMLINK').message).toContain('symlinked folder');
  });

  test('a socket (neither file nor folder) inside the module: TEST_INPUT_NOT_FILE', async () => {
    const dir = yamlModule(withInputs('{ document: sock }'));
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path.join(dir, 'sock'), resolve));
    try {
      expect(only((await loadModule(dir)).errors, 'TEST_INPUT_NOT_FILE').field).toBe('tests[0].inputs.document');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('a non-UTF-8 input file: TEST_INPUT_UNREADABLE', async () => {
    const dir = yamlModule(withInputs('{ document: bad.bin }'), { 'bad.bin': Buffer.from([0xc3, 0x28]) });
    expect(only((await loadModule(dir)).errors, 'TEST_INPUT_UNREADABLE').message).toContain('UTF-8');
  });

  test('a date input is not JSON: FIELD_TYPE', async () => {
    const yaml = withInputs('{ document: text, audience: 2001-12-14 }');
    expect(where(only((await loadModule(yamlModule(yaml))).errors, 'FIELD_TYPE'))).toEqual({ field: 'tests[0].inputs.audience', ...positionOf(yaml, '2001') });
  });

  test('an undeclared input is a warning at its key', async () => {
    const yaml = withInputs('{ document: text, colour: red }');
    const mod = await loadModule(yamlModule(yaml));
    expect(mod.errors).toEqual([]);
    expect(where(only(mod.warnings, 'TEST_INPUT_UNDECLARED'))).toEqual({ field: 'tests[0].inputs.colour', ...positionOf(yaml, 'colour') });
  });
});
