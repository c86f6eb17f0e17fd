// runModuleTests (§3): renders each test and evaluates its assertions. Tests run and are reported
// sorted by name, then declaration order, like the earlier tool.
import { PromptPMError, validationFailure } from '../errors.js';
import type { LoadedModule, TestCase } from '../module/index.js';
import { evaluateAssertion } from './assertions.js';
import { renderTest } from './render.js';
import { compareCodePoints } from '../text-order.js';
import type { AssertionResult, TestCaseResult, TestFailure, TestReport, TestResult } from './types.js';

function ready(mod: LoadedModule): { manifest: NonNullable<LoadedModule['manifest']>; template: string } {
  if (mod.errors.length > 0) throw validationFailure(mod.path, mod.errors, mod.warnings);
  if (!mod.manifest || mod.template === null) {
    throw new PromptPMError('INTERNAL_ERROR', 'Tests were run on a module that was not loaded', {
      hint: 'Load the module with loadModule before running its tests.',
      path: mod.path,
    });
  }
  return { manifest: mod.manifest, template: mod.template };
}

async function runOne(mod: LoadedModule, template: string, test: TestCase, index: number): Promise<TestCaseResult> {
  const rendered = await renderTest(mod.path, template, test.inputs);
  if (!rendered.ok) {
    // The input passed validation but changed since: refuse it like validation would.
    const field = `tests[${index}].inputs.${rendered.input}`;
    throw validationFailure(mod.path, [{ code: rendered.problem.code, message: rendered.problem.message, hint: rendered.problem.hint, field, file: mod.source, line: null, column: null }], mod.warnings);
  }
  const assertions: AssertionResult[] = test.assertions.map((a, i) => ({
    assertion_index: i,
    assertion_type: a.kind,
    ...evaluateAssertion(a.kind, a.value, rendered.text),
  }));
  return { name: test.name, test_index: index, assertions };
}

function resultOf(c: TestCaseResult): TestResult {
  const failures = c.assertions.filter((a) => !a.passed).length;
  return { name: c.name, status: failures === 0 ? 'passed' : 'failed', failure_count: failures };
}

export async function runModuleTests(mod: LoadedModule): Promise<TestReport> {
  const { manifest, template } = ready(mod);
  const order = manifest.tests
    .map((test, index) => ({ test, index }))
    .sort((a, b) => compareCodePoints(a.test.name, b.test.name) || a.index - b.index);
  const cases: TestCaseResult[] = [];
  for (const { test, index } of order) cases.push(await runOne(mod, template, test, index));
  const results = cases.map(resultOf);
  const failures: TestFailure[] = cases.flatMap((c) =>
    c.assertions
      .filter((a) => !a.passed)
      .map((a) => ({ test_name: c.name, assertion_index: a.assertion_index, assertion_type: a.assertion_type, expected: a.expected, actual: a.actual, message: a.message })),
  );
  const passed = results.filter((r) => r.status === 'passed').length;
  return { module_path: mod.path, total: results.length, passed, failed: results.length - passed, results, failures, cases };
}
