// runModuleTests: rendering rules of §3, ordering, reports, and the run-time re-check of file inputs.
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadModule } from '../../../src/core/module/index.js';
import { runModuleTests } from '../../../src/core/testing/index.js';
import { makeModule } from '../module/helpers.js';

const fixture = (name: string) => path.resolve('test/fixtures/modules', name);

function manifest(template: string, tests: string, inputs = '[a, b]'): Record<string, string> {
  const decl = inputs
    .slice(1, -1)
    .split(',')
    .map((n) => `    - { name: ${n.trim()}, type: text, description: x, required: false }`)
    .join('\n');
  return {
    'promptpm.yaml': `module: { name: m, version: 1.0.0, description: d }
prompt: { template: template.prompt, placeholders: ${inputs} }
interface:
  intent: i
  inputs:
${decl}
  outputs: [{ type: text, description: o }]
tests:
${tests}`,
    'template.prompt': template,
  };
}

async function run(files: Record<string, string>) {
  const mod = await loadModule(makeModule(files));
  expect(mod.errors).toEqual([]);
  return runModuleTests(mod);
}

describe('rendering', () => {
  test('{{ name }} with inner whitespace; single braces and unknown names stay literal; JSON values compact', async () => {
    const report = await run(
      manifest('{"x": {a}} [{{a}}] [{{  b  }}] {{ c.d }}', '  - name: t\n    inputs: { a: { k: [1, true, null] }, b: 2.5 }\n    assertions: [ { equals: \'{"x": {a}} [{"k":[1,true,null]}] [2.5] {{ c.d }}\' } ]\n'),
    );
    expect(report.failures).toEqual([]);
  });

  test('a missing optional input renders as the empty string', async () => {
    const report = await run(manifest('[{{a}}][{{b}}]', '  - name: t\n    inputs: { a: x }\n    assertions: [ { equals: "[x][]" } ]\n'));
    expect(report.passed).toBe(1);
  });

  test('a file input is replaced by the file text; other strings are literal', async () => {
    const files = { ...manifest('{{a}}|{{b}}', '  - name: t\n    inputs: { a: data/in.txt, b: data/none.txt }\n    assertions: [ { equals: "from file\\n|data/none.txt" } ]\n'), 'data/in.txt': 'from file\n' };
    expect((await run(files)).passed).toBe(1);
  });

  test('an input named __proto__ renders like any other', async () => {
    const report = await run(manifest('<{{__proto__}}>', '  - name: t\n    inputs: { __proto__: v }\n    assertions: [ { equals: "<v>" } ]\n', '[__proto__]'));
    expect(report.passed).toBe(1);
  });
});

describe('reports', () => {
  test('failing-tests fixture: sorted by name, rows exactly {name, status, failure_count}, per-assertion outcomes under cases', async () => {
    const report = await runModuleTests(await loadModule(fixture('failing-tests')));
    expect(report).toMatchObject({ module_path: fixture('failing-tests'), total: 2, passed: 1, failed: 1 });
    expect(report.results.map((r) => [r.name, r.status, r.failure_count])).toEqual([
      ['fails', 'failed', 2],
      ['passes', 'passed', 0],
    ]);
    expect(report.failures[0]).toEqual({
      test_name: 'fails',
      assertion_index: 1,
      assertion_type: 'contains',
      expected: 'absent phrase',
      actual: 'Tell me about testing.\\nLine two.\\n',
      message: 'Rendered text does not contain "absent phrase"',
    });
    expect(report.results[0]).toEqual({ name: 'fails', status: 'failed', failure_count: 2 });
    expect(report.cases.map((c) => [c.name, c.assertions.map((a) => a.passed)])).toEqual([
      ['fails', [true, false, false]],
      ['passes', [true]],
    ]);
  });

  test('same names keep declaration order; code-point order between names', async () => {
    const tests = ['b', 'a', '😀', 'ｚ', 'a'].map((n, i) => `  - name: "${n}"\n    inputs: { a: "${i}" }\n    assertions: [ { contains: "${i}" } ]\n`).join('');
    const report = await run(manifest('{{a}}{{b}}', tests));
    expect(report.results.map((r) => r.name)).toEqual(['a', 'a', 'b', 'ｚ', '😀']);
    expect(report.cases.map((c) => [c.test_index, c.assertions[0]?.expected])).toEqual([[1, '1'], [4, '4'], [0, '0'], [3, '3'], [2, '2']]);
  });

  test('valid fixtures pass', async () => {
    for (const name of ['valid-basic', 'valid-toml', 'warnings-only']) {
      const report = await runModuleTests(await loadModule(fixture(name)));
      expect([name, report.failed, report.total > 0]).toEqual([name, 0, true]);
    }
  });
});

describe('refusals', () => {
  test('a module with errors is refused with VALIDATION_ERROR carrying all errors', async () => {
    const mod = await loadModule(fixture('five-errors'));
    await expect(runModuleTests(mod)).rejects.toMatchObject({ code: 'VALIDATION_ERROR', reason: 'NAME_INVALID', data: { errors: mod.errors } });
  });

  test('a file input swapped for a symlink after validation is refused at run time', async () => {
    const dir = makeModule({ ...manifest('{{a}}', '  - name: t\n    inputs: { a: in.txt }\n    assertions: [ { contains: x } ]\n'), 'in.txt': 'x' });
    const mod = await loadModule(dir);
    expect(mod.errors).toEqual([]);
    writeFileSync(path.join(dir, '..', 'secret.txt'), 'secret');
    rmSync(path.join(dir, 'in.txt'));
    symlinkSync(path.join(dir, '..', 'secret.txt'), path.join(dir, 'in.txt'));
    await expect(runModuleTests(mod)).rejects.toMatchObject({ code: 'VALIDATION_ERROR', reason: 'TEST_INPUT_SYMLINK', field: 'tests[0].inputs.a' });
  });
});
