// init → validate → test through the built CLI, the fixture modules' exit codes, the five-mistake
// manifest, output modes and determinism.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic as Diag } from '../../src/core/errors.js';
import { runCli } from '../cli-runner.js';
import { moduleFiles, tempDir, writeTree } from './helpers.js';

describe('init → validate → test on a fresh folder', () => {
  const dir = join(tempDir(), 'fresh-module');

  it('scaffolds a module (name and version written plain) that validates and whose tests pass', async () => {
    mkdirSync(dir);
    const init = await runCli(['init', '--json'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.json).toEqual({
      ok: true,
      operation: 'init',
      data: expect.objectContaining({ path: dir, created: ['promptpm.yaml', 'template.prompt', 'tests/'], module: { name: 'fresh-module', version: '0.1.0' } }),
    });
    // Plain, as the earlier tool writes it: nothing here that YAML 1.1 would read as other than a string.
    expect(readFileSync(join(dir, 'promptpm.yaml'), 'utf8')).toContain('module:\n  name: fresh-module\n  version: 0.1.0\n');
    const validate = await runCli(['validate', '--json'], { cwd: dir });
    expect(validate.code).toBe(0);
    expect(validate.json).toMatchObject({ ok: true, operation: 'validate', data: { path: dir, source: join(dir, 'promptpm.yaml'), errors: [] } });
    const test = await runCli(['test', '--json'], { cwd: dir });
    expect(test.code).toBe(0);
    expect(test.json).toMatchObject({ ok: true, operation: 'test', data: { module_path: dir, failed: 0 } });
    expect((test.json as { data: { total: number; passed: number } }).data.passed).toBe((test.json as { data: { total: number } }).data.total);
  });

  it('refuses to initialize over existing files and writes nothing', async () => {
    const before = readdirSync(dir).sort();
    const again = await runCli(['init', '--json'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.json).toMatchObject({ ok: false, operation: 'init', error: { code: 'VALIDATION_ERROR' } });
    expect((again.json as { error: { message: string } }).error.message).toMatch(/^Initialization would overwrite existing paths: /);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe('fixture modules give their documented exit codes', () => {
  const fixtures = new URL('../fixtures/modules/', import.meta.url).pathname;
  const expectations = () => {
    // README.md names each fixture as "<folder> — <what it is> (validate N, test M)".
    const readme = readFileSync(join(fixtures, 'README.md'), 'utf8');
    return [...readme.matchAll(/([a-z0-9-]+) — [^(]*\(validate (\d), test (\d)\)/g)].map((m) => ({ name: m[1]!, validate: Number(m[2]), test: Number(m[3]) }));
  };

  it('has fixtures documented with exit codes 0, 1 and 2', () => {
    const codes = new Set(expectations().flatMap((e) => [e.validate, e.test]));
    expect(codes).toEqual(new Set([0, 1, 2]));
  });

  it('validate and test exit as documented for each fixture', async () => {
    for (const e of expectations()) {
      const folder = join(fixtures, e.name);
      expect(existsSync(folder), folder).toBe(true);
      const validate = await runCli(['validate', folder, '--json']);
      expect(validate.code, `validate ${e.name}`).toBe(e.validate);
      const test = await runCli(['test', folder, '--json']);
      expect(test.code, `test ${e.name}`).toBe(e.test);
      expect(test.json, `test ${e.name} prints one JSON envelope`).toBeDefined();
    }
  });
});

describe('a manifest with five independent mistakes', () => {
  const yaml = [
    'module:',
    '  name: "-bad name"', // 2: NAME_INVALID
    '  version: "1.0"', // 3: VERSION_INVALID
    '  description: Five mistakes',
    'prompt:',
    '  template: template.prompt',
    '  placeholders: [document]',
    'interface:',
    '  intent: Summarize.',
    '  inputs:',
    '    - name: document',
    '      type: "Not A Type"', // 12: TYPE_NAME_INVALID
    '      description: Source',
    '      required: true',
    '  outputs:',
    '    - { type: summary, description: A summary }',
    'dependencies:',
    '  - { name: other, version: "not a range" }', // 18: RANGE_INVALID
    'tests:',
    '  - name: t',
    '    inputs: { document: hi }',
    '    assertions:',
    '      - sounds_like: "x"', // 23: ASSERTION_UNSUPPORTED
    '',
  ].join('\n');
  const dir = writeTree(tempDir(), { 'promptpm.yaml': yaml, 'template.prompt': 'Summary: {{document}}\n' });

  it('reports all five in one run, each with code, field path, line:column and hint', async () => {
    const run = await runCli(['validate', dir, '--json']);
    expect(run.code).toBe(1);
    const env = run.json as { error: Diag & { path: string; reason: string }; data: { errors: Diag[] } };
    const errors = env.data.errors;
    expect(errors.map((e) => [e.code, e.line])).toEqual([
      ['NAME_INVALID', 2],
      ['VERSION_INVALID', 3],
      ['TYPE_NAME_INVALID', 12],
      ['RANGE_INVALID', 18],
      ['ASSERTION_UNSUPPORTED', 23],
    ]);
    expect(errors.map((e) => e.field)).toEqual([
      'module.name',
      'module.version',
      'interface.inputs[0].type',
      expect.stringMatching(/^dependencies\[0\]/),
      expect.stringMatching(/^tests\[0\]\.assertions\[0\]/),
    ]);
    for (const e of errors) {
      expect(e.file).toBe(join(dir, 'promptpm.yaml'));
      expect(e.column).toBeGreaterThan(0);
      expect(e.hint.length).toBeGreaterThan(0);
      expect(e.message.length).toBeGreaterThan(0);
    }
    expect(errors[4]!.message).toMatch(/^Unsupported assertion type/);
    // The headline error is the first diagnostic, so scripts reading one error still work.
    expect(env.error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'NAME_INVALID', path: dir, line: 2, field: 'module.name' });
  });

  it('test refuses to run an invalid module (exit 1, same diagnostics)', async () => {
    const run = await runCli(['test', dir, '--json']);
    expect(run.code).toBe(1);
    expect((run.json as { data: { errors: Diag[] } }).data.errors).toHaveLength(5);
  });

  it('lists them all for people with --pretty', async () => {
    const run = await runCli(['validate', dir, '--pretty']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('5 errors');
    expect(run.stdout).toContain('promptpm.yaml:23:');
    expect(run.stdout).not.toContain('\u001b[');
  });
});

describe('output modes of a failing test run', () => {
  const dir = writeTree(tempDir(), moduleFiles({ name: 'failing', failing: true }));

  it('exits 2 and carries the report beside the error, each results row exactly {name, status, failure_count}', async () => {
    const run = await runCli(['test', dir, '--json']);
    expect(run.code).toBe(2);
    expect(run.json).toMatchObject({
      ok: false,
      operation: 'test',
      error: { code: 'TEST_FAILURE', path: dir },
      data: { module_path: dir, total: 1, passed: 0, failed: 1 },
    });
    const data = (run.json as { data: { results: unknown[]; cases: unknown[] } }).data;
    // Rows exactly as the earlier tool's scripts compare them; per-assertion detail lives under `cases`.
    expect(data.results).toEqual([{ name: 'mentions-summary', status: 'failed', failure_count: 1 }]);
    expect(data.cases).toEqual([{ name: 'mentions-summary', test_index: 0, assertions: [expect.objectContaining({ assertion_index: 0, passed: false })] }]);
    const failure = (run.json as { data: { failures: Record<string, unknown>[] } }).data.failures[0];
    expect(Object.keys(failure!).sort()).toEqual(expect.arrayContaining(['actual', 'assertion_index', 'assertion_type', 'expected', 'message', 'test_name']));
  });

  it('prints one ERROR line with failures appended by default', async () => {
    const run = await runCli(['test', dir]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^ERROR code="TEST_FAILURE" path="[^"]+" message=".+" hint=".+" failures=\[\{"actual":/);
    expect(run.stdout.endsWith('}]\n')).toBe(true);
    expect(run.stdout.split('\n')).toHaveLength(2);
  });

  it('still prints the failure with --quiet', async () => {
    const quiet = await runCli(['test', dir, '--quiet']);
    const plain = await runCli(['test', dir]);
    expect(quiet.code).toBe(2);
    expect(quiet.stdout).toBe(plain.stdout);
  });

  it('shows each failed assertion with --pretty', async () => {
    const run = await runCli(['--pretty', 'test', dir]);
    expect(run.stdout).toContain('✖ mentions-summary');
    expect(run.stdout).toContain('expected:');
    expect(run.stdout).toContain('0 passed, 1 failed, 1 total');
  });
});

describe('success output modes and determinism', () => {
  const dir = writeTree(tempDir(), moduleFiles({ name: 'steady' }));

  it('prints OK path=… source=… for validate and OK data=… for test by default', async () => {
    const validate = await runCli(['validate', dir]);
    expect(validate.stdout).toBe(`OK path=${JSON.stringify(dir)} source=${JSON.stringify(join(dir, 'promptpm.yaml'))}\n`);
    const test = await runCli(['test', dir]);
    expect(test.stdout).toMatch(/^OK data=\{"cases":\[.*\}\n$/);
    expect(JSON.parse(test.stdout.slice('OK data='.length))).toMatchObject({ failed: 0, failures: [], module_path: dir });
  });

  it('prints compact JSON with sorted keys at every depth', async () => {
    const run = await runCli(['test', dir, '--json']);
    expect(run.stdout).toBe(`${JSON.stringify(sortDeep(JSON.parse(run.stdout)))}\n`);
  });

  it('prints nothing with --quiet on success, in every mode', async () => {
    for (const mode of [[], ['--json'], ['--pretty']]) {
      const run = await runCli(['validate', dir, '--quiet', ...mode]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
    }
  });

  it('gives byte-identical output for identical input', async () => {
    for (const args of [['validate', dir, '--json'], ['test', dir, '--json'], ['test', dir, '--pretty'], ['validate', dir]]) {
      const first = await runCli(args);
      const second = await runCli(args);
      expect(second.stdout).toBe(first.stdout);
      expect(first.stderr).toBe('');
    }
  });

  it('names the module folder in --pretty success output', async () => {
    const run = await runCli(['validate', dir, '--pretty']);
    expect(run.stdout).toContain(`steady@1.0.0 is valid`);
  });
});

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortDeep((value as Record<string, unknown>)[k])]));
  }
  return value;
}
