// --pretty renderings of the module commands: init, validate, test.
import type { Diagnostic } from '../../../core/errors.js';
import type { TestFailure, TestReport } from '../../../core/testing/index.js';
import type { Data } from '../envelope.js';
import { renderDiagnostics } from './diagnostics.js';
import { plural, type Style } from './style.js';

export function prettyInit(data: Data, style: Style): string[] {
  const mod = data.module as { name: string; version: string };
  const created = data.created as string[];
  return [
    `${style.green('✔')} Created module ${style.bold(`${mod.name}@${mod.version}`)} in ${data.path as string}`,
    ...created.map((name) => `  ${style.dim('+')} ${name}`),
    style.dim('  Next: edit promptpm.yaml and template.prompt, then run `promptpm validate` and `promptpm test`.'),
  ];
}

export function prettyValidate(data: Data, style: Style): string[] {
  const mod = data.module as { name: string; version: string } | undefined;
  const what = mod ? style.bold(`${mod.name}@${mod.version}`) : 'Module';
  const path = data.path as string;
  return [
    `${style.green('✔')} ${what} is valid ${style.dim(`(${data.source as string})`)}`,
    ...renderDiagnostics('warning', (data.warnings as Diagnostic[] | undefined) ?? [], path, style),
  ];
}

/** Per-test lines with each failed assertion's expected and actual text, then the counts. */
export function prettyTestReport(report: TestReport, style: Style): string[] {
  const lines: string[] = [];
  for (const result of report.results) {
    if (result.status === 'passed') {
      lines.push(`${style.green('✔')} ${result.name}`);
      continue;
    }
    lines.push(`${style.red('✖')} ${result.name} ${style.dim(`(${plural(result.failure_count, 'failure')})`)}`);
    for (const failure of report.failures.filter((f) => f.test_name === result.name)) lines.push(...failureLines(failure, style));
  }
  lines.push(`${countsLine(report, style)} ${style.dim(`(${report.module_path})`)}`);
  return lines;
}

/** A publish refused for failing tests (`data` is `{tests, failures}`): each failed assertion, then the counts. */
export function prettyPublishTests(data: { tests: TestCounts; failures: TestFailure[] }, style: Style): string[] {
  const lines: string[] = [];
  let test: string | null = null;
  for (const failure of data.failures) {
    if (failure.test_name !== test) lines.push(`${style.red('✖')} ${(test = failure.test_name)}`);
    lines.push(...failureLines(failure, style));
  }
  lines.push(countsLine(data.tests, style));
  return lines;
}

type TestCounts = Pick<TestReport, 'total' | 'passed' | 'failed'>;

function failureLines(failure: TestFailure, style: Style): string[] {
  return [
    `    ${style.yellow(`#${failure.assertion_index} ${failure.assertion_type}`)}  ${failure.message}`,
    `      expected: ${failure.expected}`,
    `      actual:   ${failure.actual}`,
  ];
}

function countsLine(counts: TestCounts, style: Style): string {
  const parts = [style.green(`${counts.passed} passed`), counts.failed ? style.red(`${counts.failed} failed`) : `0 failed`];
  return `${parts.join(', ')}, ${counts.total} total`;
}

export function prettyTest(data: Data, style: Style): string[] {
  return prettyTestReport(data as unknown as TestReport, style);
}
