// One module found in the dropped or chosen folders: what publishing it would do, and why not when it
// would not (every error located, failed assertions, the version already there, a duplicate in the batch),
// with the verdict on its version number against the latest published one.
import type { ImportRowView } from '../../../shared/ipc/import-schemas';
import { ContractChanges } from '../diff/ContractChanges';
import { VerdictBanner } from '../diff/VerdictBanner';

const STATUS: Record<ImportRowView['status'], { text: string; tone: string }> = {
  ready: { text: 'Ready', tone: 'ok' },
  invalid: { text: 'Does not validate', tone: 'danger' },
  'tests-failed': { text: 'Tests fail', tone: 'danger' },
  exists: { text: 'Already published', tone: 'neutral' },
  duplicate: { text: 'Duplicate in this import', tone: 'warn' },
};

const where = (d: { file: string | null; line: number | null; column: number | null }, root: string): string => {
  if (d.file === null) return '';
  const file = d.file.startsWith(root + '/') ? d.file.slice(root.length + 1) : d.file;
  return d.line === null ? file : `${file}:${d.line}:${d.column ?? 1}`;
};

function Details({ row }: { row: ImportRowView }) {
  return (
    <div className="import-details">
      {row.errors.length > 0 && (
        <ul className="diagnostics" aria-label="Errors">
          {row.errors.map((e, i) => (
            <li key={i}>
              <span className="mono location">{where(e, row.path)}</span> {e.message} <span className="muted">{e.hint}</span>
            </li>
          ))}
        </ul>
      )}
      {row.tests && (
        <p className={row.tests.failed > 0 ? 'danger-text' : 'muted'}>
          {row.tests.total === 0 ? 'No tests: add some to the manifest so a change that breaks the prompt is caught.' : `Tests: ${row.tests.passed} of ${row.tests.total} passed`}
        </p>
      )}
      {row.failures.length > 0 && (
        <ul className="diagnostics" aria-label="Failed assertions">
          {row.failures.map((f, i) => (
            <li key={i}>
              <span className="mono">{f.test_name}</span> #{f.assertion_index + 1} {f.assertion_type}: {f.message}
            </li>
          ))}
        </ul>
      )}
      {row.existing === 'same-bytes' && <p className="muted">{row.existingVersion} is already published with exactly these files.</p>}
      {row.existing === 'different' && (
        <p className="danger-text">
          {row.existingVersion} is already published with other content. Published versions never change: give this one a new version.
        </p>
      )}
      {row.duplicateOf && <p className="warn-text">Another folder of this import has the same name and version: {row.duplicateOf}</p>}
      {row.comparison && (
        <details className="import-comparison" open={row.comparison.verdict.status === 'under-bumped'}>
          <summary>
            Compared with {row.comparison.against}: {row.comparison.contract.changes.length} contract{' '}
            {row.comparison.contract.changes.length === 1 ? 'change' : 'changes'}
          </summary>
          <VerdictBanner verdict={row.comparison.verdict} />
          <ContractChanges contract={row.comparison.contract} needing={row.comparison.verdict.needing} />
        </details>
      )}
      {row.comparisonError && <p className="muted">Not compared with the published versions: {row.comparisonError.message}</p>}
      {row.warnings.length > 0 && <p className="muted">{row.warnings.length === 1 ? '1 warning' : `${row.warnings.length} warnings`}: {row.warnings.map((w) => w.message).join(' ')}</p>}
    </div>
  );
}

interface Props {
  row: ImportRowView;
  selected: boolean;
  onToggle: (selected: boolean) => void;
  onReveal: () => void;
}

export function PreviewRow({ row, selected, onToggle, onReveal }: Props) {
  const status = STATUS[row.status];
  const title = row.name && row.version ? `${row.name}@${row.version}` : row.path.split('/').pop()!;
  const verdict = row.comparison?.verdict.status;
  return (
    <li className="import-row" data-status={row.status} aria-label={title}>
      <div className="import-row-head">
        <input type="checkbox" aria-label={`Publish ${title}`} checked={selected} disabled={row.status !== 'ready'} onChange={(e) => onToggle(e.target.checked)} />
        <span className="import-title mono">{title}</span>
        <span className={`pill pill-${status.tone}`}>{status.text}</span>
        {verdict === 'under-bumped' && <span className="pill pill-danger">Under-bumped</span>}
        <span className="import-path mono muted">{row.path}</span>
        <button type="button" className="link-button" onClick={onReveal}>
          Show in folder
        </button>
      </div>
      <Details row={row} />
    </li>
  );
}
