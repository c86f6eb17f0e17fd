// `promptpm test [path]`: validate, then run the module's declarative tests (no model is called).
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { PromptPMError } from '../../core/errors.js';
import type { TestReport } from '../../core/testing/index.js';
import { defineCommand } from '../define-command.js';
import { execute } from '../run.js';
import { loadValidModule } from '../valid-module.js';

/** TEST_FAILURE in the earlier tool's words (scripts match on them), with the whole report as data. */
function testFailure(report: TestReport): PromptPMError {
  const first = report.failures[0];
  const message = first
    ? `${report.failed} test(s) failed. First failure in ${first.test_name} at assertion ${first.assertion_index} (${first.assertion_type}): ${first.message}`
    : `${report.failed} test(s) failed.`;
  return new PromptPMError('TEST_FAILURE', message, {
    hint: 'Inspect failure diagnostics and update tests, inputs, or templates.',
    path: report.module_path,
    data: { ...report },
  });
}

export function registerTest(program: Command): void {
  defineCommand(program, 'test', 'Validate a module, then run its tests against the rendered template', { modulePath: true })
    .action((path: string, _opts: unknown, cmd: Command) =>
      execute('test', cmd, resolve(path), async () => {
        const mod = await loadValidModule(path, ({ path }) => ({ module_path: path }));
        const { runModuleTests } = await import('../../core/testing/index.js');
        const report = await runModuleTests(mod);
        if (report.failed > 0) throw testFailure(report);
        return { ...report };
      }),
    );
}
