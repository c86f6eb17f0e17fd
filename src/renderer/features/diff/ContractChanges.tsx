// What changed in the module's contract with its callers, grouped by what it asks of the version number:
// breaking (major) first, then additions (minor), then the rest (patch).
import type { ContractChangeView, VersionDiffView } from '../../../shared/ipc/diff-schemas';
import { CodeText } from './CodeText';

const GROUPS = [
  { severity: 'major', title: 'Breaking changes', note: 'callers may break: these need a major version' },
  { severity: 'minor', title: 'Additions', note: 'callers keep working: these need a minor version' },
  { severity: 'patch', title: 'Other changes', note: 'wording, metadata and tests: a patch version is enough' },
] as const;

function Change({ change, needed }: { change: ContractChangeView; needed: boolean }) {
  return (
    <li className="contract-change" data-kind={change.kind} data-needed={needed || undefined}>
      <span className="contract-message">
        <CodeText text={change.message} />
      </span>
      <span className="contract-field mono" title="Field in the manifest">
        {change.field}
      </span>
    </li>
  );
}

export function ContractChanges({ contract, needing }: { contract: VersionDiffView['contract']; needing: ContractChangeView[] }) {
  if (contract.changes.length === 0)
    return (
      <section className="contract" aria-labelledby="contract-title">
        <h2 id="contract-title">Contract</h2>
        <p className="muted">The contract did not change: same inputs, outputs, conditions, dependencies, tests and metadata.</p>
      </section>
    );
  const neededKeys = new Set(needing.map((c) => `${c.kind}\u0000${c.field}`));
  return (
    <section className="contract" aria-labelledby="contract-title">
      <h2 id="contract-title">Contract changes</h2>
      {GROUPS.map(({ severity, title, note }) => {
        const changes = contract.changes.filter((c) => c.severity === severity);
        if (changes.length === 0) return null;
        return (
          <div key={severity} className={`contract-group contract-group-${severity}`} role="group" aria-label={`${title} (${severity})`}>
            <h3>
              <span className={`severity severity-${severity}`}>{severity}</span> {title}{' '}
              <span className="count">{changes.length}</span> <span className="muted">— {note}</span>
            </h3>
            <ul>
              {changes.map((change, i) => (
                <Change key={i} change={change} needed={neededKeys.has(`${change.kind}\u0000${change.field}`)} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
