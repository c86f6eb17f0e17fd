// The draft's tests beside the editor: run on what is saved (autosave keeps it current), each test passed or
// failed with the assertions that failed, as `promptpm test` reports them.
import { useMutation } from '@tanstack/react-query';
import type { ChannelResult } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import type { AppError } from '../../api/errors';
import { ErrorPanel } from '../../components/ErrorPanel';

export function DraftTests({ draft }: { draft: string }) {
  const run = useMutation<ChannelResult<'drafts.runTests'>, AppError>({ mutationFn: () => call('drafts.runTests', { draft }) });
  const report = run.data;
  return (
    <section className="draft-tests" aria-labelledby="draft-tests-title">
      <h2 id="draft-tests-title">Tests</h2>
      <div className="tests-toolbar">
        <button type="button" onClick={() => run.mutate()} disabled={run.isPending}>
          {report ? 'Run tests again' : 'Run tests'}
        </button>
        {report && !run.isPending && (
          <span className={report.failed === 0 ? 'tests-summary ok' : 'tests-summary failed'} role="status">
            {report.total === 0 ? 'The manifest declares no tests.' : `${report.passed} passed, ${report.failed} failed of ${report.total}`}
          </span>
        )}
      </div>
      {run.isError && <ErrorPanel error={run.error} title="The tests could not run" />}
      {report && (
        <ul className="draft-test-list">
          {report.cases.map((c) => (
            <li key={c.test_index} data-passed={c.assertions.every((a) => a.passed)}>
              <span className="mono">{c.name}</span>{' '}
              {c.assertions.every((a) => a.passed) ? (
                <span className="pill pill-pass">passed</span>
              ) : (
                <>
                  <span className="pill pill-fail">failed</span>
                  <ul>
                    {c.assertions
                      .filter((a) => !a.passed)
                      .map((a) => (
                        <li key={a.assertion_index}>
                          #{a.assertion_index + 1} {a.assertion_type}: {a.message}
                        </li>
                      ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
