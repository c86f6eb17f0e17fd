// The version's declared tests and, once run, the result of every assertion.
import type { TestReport, VersionDetail } from '../../../shared/ipc/schemas';
import { useTestRun, type VersionRef } from '../../api/queries';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/States';

type TestCase = VersionDetail['tests'][number];
type TestOutcome = TestReport['cases'][number];

function preview(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function StatusPill({ result }: { result: TestOutcome | undefined }) {
  if (!result) return <span className="pill pill-idle">Not run</span>;
  const failures = result.assertions.filter((a) => !a.passed).length;
  return failures === 0 ? (
    <span className="pill pill-pass">Passed</span>
  ) : (
    <span className="pill pill-fail">
      Failed · {failures} {failures === 1 ? 'assertion' : 'assertions'}
    </span>
  );
}

function TestCard({ test, result }: { test: TestCase; result: TestOutcome | undefined }) {
  const inputs = Object.entries(test.inputs);
  return (
    <article className="test-card" data-test-name={test.name}>
      <header className="test-card-head">
        <h3 className="mono">{test.name}</h3>
        <StatusPill result={result} />
      </header>
      {inputs.length > 0 && (
        <dl className="test-inputs">
          {inputs.map(([key, value]) => (
            <div key={key}>
              <dt className="mono">{key}</dt>
              <dd className="mono">{preview(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      <table className="grid assertions">
        <thead>
          <tr>
            <th aria-label="Result" />
            <th>Assertion</th>
            <th>Expected</th>
            {result && <th>Actual</th>}
            {result && <th>Message</th>}
          </tr>
        </thead>
        <tbody>
          {test.assertions.map((assertion, index) => {
            const outcome = result?.assertions.find((a) => a.assertion_index === index);
            const state = outcome ? (outcome.passed ? 'pass' : 'fail') : 'idle';
            return (
              <tr key={index} className={`assertion assertion-${state}`}>
                <td className="assertion-mark" aria-label={outcome ? (outcome.passed ? 'passed' : 'failed') : 'not run'}>
                  {state === 'pass' ? '✓' : state === 'fail' ? '✗' : '·'}
                </td>
                <td className="mono">{assertion.kind}</td>
                <td className="mono">{outcome ? outcome.expected : preview(assertion.value)}</td>
                {result && <td className="mono actual">{outcome?.actual ?? ''}</td>}
                {result && <td>{outcome?.message ?? ''}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}

export function TestsTab({ detail, testRef }: { detail: VersionDetail; testRef: VersionRef }) {
  const run = useTestRun(testRef);
  // Keyed by the test's place in the manifest: two tests may share a name.
  const outcomes = new Map(run.data?.cases.map((outcome) => [outcome.test_index, outcome]));
  if (detail.tests.length === 0) return <p className="muted">This version declares no tests.</p>;
  return (
    <div className="tests">
      <div className="tests-toolbar">
        <button type="button" className="primary" onClick={() => void run.refetch()} disabled={run.isFetching}>
          {run.data ? 'Run tests again' : 'Run tests'}
        </button>
        {run.isFetching && <Loading label="Running tests…" />}
        {!run.isFetching && run.data && (
          <span className={run.data.failed === 0 ? 'tests-summary ok' : 'tests-summary failed'} role="status">
            {run.data.passed} passed, {run.data.failed} failed of {run.data.total}
          </span>
        )}
      </div>
      {run.isError && !run.isFetching && <ErrorPanel error={run.error} title="The tests could not run" />}
      {detail.tests.map((test, index) => (
        <TestCard key={index} test={test} result={run.isFetching ? undefined : outcomes.get(index)} />
      ))}
    </div>
  );
}
