// Verify the whole registry or one module: start, watch the progress bar, cancel; then the report with
// every version that is not ok and the files that differ.
import { ErrorPanel } from '../../components/ErrorPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { VerificationBadge } from '../../components/VerificationBadge';
import { navigate } from '../../app/router';
import type { VerifyReport } from '../../../shared/ipc/schemas';
import { FileChanges } from './FileChanges';
import { useVerifyJob } from './useVerifyJob';

const SHOWN_PROBLEMS = 200;

function summary(report: VerifyReport): string {
  // A cancelled report holds only the versions checked before the stop.
  const versions = `${report.total.toLocaleString()} ${report.total === 1 ? 'version' : 'versions'}`;
  const head = report.cancelled ? `Cancelled after ${versions} checked.` : `${versions} checked.`;
  if (report.tampered + report.unreadable === 0) return `${head} No problems found.`;
  return `${head} ${report.tampered.toLocaleString()} tampered, ${report.unreadable.toLocaleString()} unreadable.`;
}

function Report({ report }: { report: VerifyReport }) {
  const problems = report.versions.filter((v) => v.status !== 'ok');
  const clean = problems.length === 0 && !report.cancelled;
  return (
    <div className="verify-report" data-testid="verify-report">
      <p className={clean ? 'verify-summary ok' : 'verify-summary'}>{summary(report)}</p>
      {problems.length > 0 && (
        <ul className="verify-problems">
          {problems.slice(0, SHOWN_PROBLEMS).map((v) => (
            <li key={`${v.name}@${v.version}`} className="verify-problem">
              <div className="verify-problem-head">
                <VerificationBadge state={v.status} />
                <button
                  type="button"
                  className="link"
                  onClick={() => navigate({ page: 'module', name: v.name, version: v.version, tab: 'overview' })}
                >
                  {v.name}@{v.version}
                </button>
              </div>
              <FileChanges lists={v} />
            </li>
          ))}
        </ul>
      )}
      {problems.length > SHOWN_PROBLEMS && <p className="muted">…and {problems.length - SHOWN_PROBLEMS} more.</p>}
      {report.stray.length > 0 && (
        <details className="stray">
          <summary>
            {report.stray.length} stray {report.stray.length === 1 ? 'entry' : 'entries'} ignored (not versions)
          </summary>
          <ul>
            {report.stray.map((entry) => (
              <li key={entry} className="mono">
                {entry}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

export function VerifyPanel({ name }: { name?: string }) {
  const job = useVerifyJob(name);
  const what = name === undefined ? 'registry' : 'module';
  return (
    <section className="verify-panel" aria-label={`Verify ${what}`}>
      <div className="verify-actions">
        {job.running ? (
          <button type="button" onClick={job.cancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="primary" onClick={job.start}>
            {job.report ? `Verify ${what} again` : `Verify ${what}`}
          </button>
        )}
        <span className="muted">Recomputes every file hash and compares it with the published manifest.</span>
      </div>
      {job.running && <ProgressBar progress={job.progress} label={`Verifying ${what}`} />}
      {job.error && <ErrorPanel error={job.error} title="Verification could not run" />}
      {!job.running && job.report && <Report report={job.report} />}
    </section>
  );
}
